// Fuzzes the HTML reader (libxml2's HTML parser, the main-content walk, blocks) on the bytes of a page.
@testable import ScrutinyKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? HTMLReader().read(bytes: bytes, path: "fuzz.html")
    return 0
}
