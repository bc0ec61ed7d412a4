// Fuzzes the item finder: the bytes read as a text document, then every recommendation, area
// for improvement, strength and procedural item found in it (narrative findings too when the
// first byte is odd), with the project's own lexicons/items.yml.
import Foundation
@testable import ScrutinyKit

private let rules: ItemRules = {
    do {
        return try ItemRules(contentsOf: FuzzSupport.root.appendingPathComponent("lexicons/items.yml"))
    } catch {
        fatalError("cannot read lexicons/items.yml: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzItems(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = TextDecoding.decode(bytes)?.text ?? String(decoding: bytes, as: UTF8.self)
    let document = Document(source: "fuzz.txt", sha256: "", format: .text, blocks: PlainTextReader().blocks(from: text))
    _ = RecommendationFinder(rules: rules, narrative: bytes.first.map { $0 & 1 == 1 } ?? false).recommendations(in: document)
    return 0
}
