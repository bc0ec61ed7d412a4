// Fuzzes the LIWC .dic dictionary reader.
@testable import ScrutinyKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLIWC(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? LIWCDictionary.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self), name: "fuzz")
    return 0
}
