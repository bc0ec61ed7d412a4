// Fuzzes the OpenDocument reader. An input starting "PK" is the .odt file itself; any other
// input is content.xml, styles.xml, meta.xml and META-INF/manifest.xml separated by NUL bytes,
// stored in a valid archive so that the XML reaches the list-style and block stages.
@testable import ScrutinyKit

private let parts = ["content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzODT(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = FuzzSupport.archive(Array(UnsafeBufferPointer(start: data, count: size)), names: parts)
    _ = try? ODTReader().read(bytes: bytes, path: "fuzz.odt")
    return 0
}
