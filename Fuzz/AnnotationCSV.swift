// Fuzzes the annotation (hand-coding) reader (CSV, then kinds, forms and themes).
@testable import ScrutinyKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnnotationCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? Annotation.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}
