// Fuzzes the manifest reader (CSV, then its columns and values).
@testable import ScrutinyKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifestCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? Manifest.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}
