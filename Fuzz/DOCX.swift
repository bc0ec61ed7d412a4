// Fuzzes the Word reader. An input starting "PK" is the .docx file itself (the ZIP layer and
// its limits); any other input is word/document.xml, word/styles.xml, word/numbering.xml and
// docProps/core.xml separated by NUL bytes, stored in a valid archive so that the XML reaches
// the body, style and numbering stages.
@testable import ScrutinyKit

private let parts = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "docProps/core.xml"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOCX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = FuzzSupport.archive(Array(UnsafeBufferPointer(start: data, count: size)), names: parts)
    _ = try? DOCXReader().read(bytes: bytes, path: "fuzz.docx")
    return 0
}
