import Foundation
import Testing
@testable import ScrutinyKit

@Suite struct DocumentTests {
    /// The content key's words of an all-ASCII block, read from its bytes, are those read scalar
    /// by scalar: each random text, and the same text with " é" after it (read the other way),
    /// give the same words but for the last.
    @Test func contentWordsOfASCIITextAreTheScalarReading() {
        var generator = SplitMix64(seed: 353)
        let pieces = ["the", "Board", "2024", "co-operation", "x.y", "'s", " ", "\t", "\n", ",", "A1", "--", "ok"]
        func words(_ text: String) -> [UInt8] {
            Document(source: "t.txt", sha256: "0", format: .text, blocks: [.paragraph(text)]).contentWords
        }
        for _ in 0..<600 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let ascii = words(text)
            #expect(words(text + " \u{E9}") == ascii + (ascii.isEmpty ? [] : [0x20]) + Array("\u{E9}".utf8), "\(text.debugDescription)")
        }
        #expect(String(decoding: words("The Board's multi-agency plan, 2024."), as: UTF8.self) == "the board s plan 2024")
    }

    @Test func sha256MatchesPublishedVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hex(Array(twoBlocks.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func blockRangesIndexTheNormalisedText() throws {
        let document = Document(source: "x.txt", sha256: "", format: .text, blocks: [
            .heading("Recommendations", level: 1), .listItem("Review the thresholds — now", marker: "1.", ordinal: "1"),
            .paragraph("Café naïve"),
        ])
        let scalars = Array(document.text.unicodeScalars)
        for block in document.blocks {
            let slice = String(String.UnicodeScalarView(scalars[block.range.start..<block.range.end]))
            #expect(slice == block.text)
        }
    }

    @Test func documentsRoundTripThroughJSON() throws {
        let document = Document(source: "a/b.md", sha256: "00", format: .markdown,
                                metadata: Metadata(title: "T", partnership: "Ravensholme", documentType: "jtai-letter", date: "2022-05"),
                                blocks: [.tableRow(["a", "b"]), .listItem("x", marker: "(a)", ordinal: "a", depth: 1)])
        let data = try JSONEncoder().encode(document)
        let decoded = try JSONDecoder().decode(Document.self, from: data)
        #expect(decoded == document)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let blocks = object?["blocks"] as? [[String: Any]]
        #expect(blocks?.first?["kind"] as? String == "tableRow")
        #expect((object?["metadata"] as? [String: Any])?["documentType"] as? String == "jtai-letter")
    }

    @Test func metadataOverridesKeepWhatTheOverrideLacks() {
        let read = Metadata(title: "From the file", date: "2021-01")
        let manifest = Metadata(partnership: "Hartsey", date: "2021-02")
        let merged = read.overridden(by: manifest)
        #expect(merged.title == "From the file")
        #expect(merged.partnership == "Hartsey")
        #expect(merged.date == "2021-02")
    }
}
