// Fuzzes the WordStat .cat dictionary reader.
@testable import ScrutinyKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWordStat(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? WordStatDictionary.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self), name: "fuzz")
    return 0
}
