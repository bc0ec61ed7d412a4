import Foundation
import Testing
@testable import ScrutinyKit

/// Text without a byte-order mark: UTF-8 where its bytes are UTF-8, Windows-1252 where none is,
/// and UTF-8 with its few stray bytes read one by one where both are (session 42's audit: one
/// Windows-1252 apostrophe, or a last character cut short, made a whole UTF-8 file Windows-1252).
struct TextDecodingTests {
    static let curly = "The partnership should review its \u{201C}audit\u{201D} programme \u{2013} costing \u{00A3}5,000 in Z\u{00FC}rich."

    @Test func aStrayWindows1252ByteInUTF8IsThatCharacterAlone() {
        // U+2019 pasted as the Windows-1252 byte 0x92 into a UTF-8 file.
        let bytes = Array("\(Self.curly) The board".utf8) + [0x92] + Array("s plan is due.".utf8)
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded?.text == "\(Self.curly) The board\u{2019}s plan is due.")
        #expect(decoded?.encoding == .utf8)
        // A Windows-1252 letter between UTF-8 ones.
        #expect(TextDecoding.decode(Array("caf\u{00E9} ".utf8) + [0xE9, 0x20] + Array("\u{2013}".utf8))?.text == "caf\u{00E9} \u{00E9} \u{2013}")
    }

    @Test func aCharacterCutShortIsOneReplacementCharacter() {
        // The file ends inside its last emoji (F0 9F 98 of F0 9F 98 80).
        let cut = Array(Self.curly.utf8) + [0x20, 0xF0, 0x9F, 0x98]
        #expect(TextDecoding.decode(cut)?.text == Self.curly + " \u{FFFD}")
        // A lead byte at the very end, and one cut short before more text.
        #expect(TextDecoding.decode(Array(Self.curly.utf8) + [0xE2])?.text == Self.curly + "\u{FFFD}")
        #expect(TextDecoding.decode(Array("\u{00A3}1 ".utf8) + [0xE2, 0x80] + Array(" more".utf8))?.text == "\u{00A3}1 \u{FFFD} more")
    }

    @Test func windows1252WithoutAnyUTF8SequenceIsWindows1252Throughout() {
        let decoded = TextDecoding.decode([0x93, 0x4E, 0x6F, 0x94, 0x20, 0x96, 0x20, 0xA3, 0x35, 0x20, 0x63, 0x61, 0x66, 0xE9])
        #expect(decoded?.text == "\u{201C}No\u{201D} \u{2013} \u{00A3}5 caf\u{00E9}")
        #expect(decoded?.encoding == .windows1252)
    }

    /// A real document with one stray byte appended gives the same items as without it.
    @Test func oneStrayByteChangesNoItemOfADocument() throws {
        let path = Paths.root.appendingPathComponent("corpus/documents/calderwick-scrutiny-report-2023.md").path
        let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        #expect(bytes.contains { $0 >= 0x80 }, "the document has characters beyond ASCII")
        let finder = RecommendationFinder(rules: try LexiconDirectory(url: Paths.root.appendingPathComponent("lexicons")).itemRules())
        func items(_ bytes: [UInt8]) throws -> [String] {
            let document = try DocumentReader().read(bytes: bytes, path: path)
            return finder.recommendations(in: document).map { "\($0.kind) \($0.form) \($0.actor ?? "-") \($0.text)" }
        }
        let original = try items(bytes)
        #expect(original.count >= 10)
        #expect(try items(bytes + [0x0A, 0x92]) == original)
    }

    /// A web page that declares UTF-8 and holds one stray byte is read as UTF-8 but for it.
    @Test func aUTF8PageWithAStrayByteIsReadAsUTF8() throws {
        let page = Array("<html><head><meta charset=\"utf-8\"></head><body><p>\(Self.curly)</p><p>The ".utf8) + [0x92]
            + Array("board should publish its plan.</p></body></html>".utf8)
        let document = try DocumentReader().read(bytes: page, path: "stray.html")
        #expect(document.blocks.map(\.text) == [Self.curly.replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
            .replacingOccurrences(of: "\u{2013}", with: "-"), "The \u{2019}board should publish its plan.".replacingOccurrences(of: "\u{2019}", with: "'")])
    }

    /// A NUL byte or two in prose is no sign of a binary file (the normaliser drops them), and
    /// UTF-16 without a byte-order mark is UTF-16; random bytes and NUL padding are still not text.
    @Test func aFewNULsAndUTF16WithoutAMarkAreText() throws {
        let prose = String(repeating: "The partnership should review its audit programme. ", count: 20)
        let withNUL = Array(prose.utf8.prefix(500)) + [0] + Array(prose.utf8.dropFirst(500))
        #expect(TextDecoding.looksLikeText(withNUL))
        #expect(try DocumentReader().read(bytes: withNUL, path: "nul.txt").blocks.first?.text.contains("\u{0}") == false)
        let little = Array(prose.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(TextDecoding.decode(little)?.text == prose)
        #expect(TextDecoding.decode(little)?.encoding == .utf16LE)
        let big = Array(prose.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(TextDecoding.decode(big)?.text == prose)
        var generator = SplitMix64(seed: 42)
        let random = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(random.contains(0) && !TextDecoding.looksLikeText(random))
        let padded = [UInt8](repeating: 0, count: 400) + Array(prose.utf8) + [UInt8](repeating: 0, count: 400)
        #expect(!TextDecoding.looksLikeText(padded))
    }
}
