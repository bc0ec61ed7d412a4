// Fuzzes the YAML lexicon reader (Yams, then scrutiny's checks of categories, terms and weights).
@testable import ScrutinyKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexiconYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? LexiconFile.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self), name: "fuzz")
    return 0
}
