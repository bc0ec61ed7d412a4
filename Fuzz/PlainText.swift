// Fuzzes the plain-text and Markdown reader: bytes decoded as scrutiny decodes text files
// (UTF-8, UTF-16 with a byte-order mark, Windows-1252), then made into blocks.
@testable import ScrutinyKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlainText(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = TextDecoding.decode(bytes)?.text ?? String(decoding: bytes, as: UTF8.self)
    _ = PlainTextReader().blocks(from: text)
    return 0
}
