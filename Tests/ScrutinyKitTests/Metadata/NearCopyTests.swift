import Foundation
import Testing
@testable import ScrutinyKit

/// Two files of one report with a few words changed (a draft and its final, a download edited and
/// saved again) are counted apart, as documents of their own; the run says which they are. Until
/// session 19 nothing was said.
@Suite struct NearCopyTests {
    static let real = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/real")
    static var realExists: Bool { FileManager.default.fileExists(atPath: real.path) }

    static func document(_ name: String, _ paragraphs: [String]) -> Document {
        Document(source: "in/" + name, sha256: name, format: .text, blocks: paragraphs.map { Block.paragraph($0) })
    }

    /// A report of the corpus, as paragraphs.
    static func paragraphs(_ file: String) throws -> [String] {
        try DocumentReader().read(path: Paths.root.appendingPathComponent("corpus/documents/" + file).path).blocks.map(\.text)
    }

    @Test func aCopyWithAFewWordsChangedIsNamedAndCounted() throws {
        let original = try Self.paragraphs("hartsey-annual-report-2022.md")
        var edited = original
        // Three words changed and a sentence added, as a final differs from its draft.
        let index = try #require(edited.firstIndex { $0.split(separator: " ").count > 20 })
        edited[index] = edited[index].replacingOccurrences(of: " the ", with: " this ", options: [], range: edited[index].range(of: " the "))
        edited.append("This version was approved by the partnership's executive group.")
        let other = try Self.paragraphs("brindlecombe-annual-report-2023.md")
        let selection = CorpusSelection(documents: [Self.document("draft.md", original), Self.document("final.md", edited),
                                                    Self.document("other.md", other)])
        #expect(selection.documents.count == 3, "near-copies are counted")
        #expect(selection.nearCopies.map { [$0.first, $0.second] } == [["draft.md", "final.md"]])
        let note = try #require(selection.nearCopyNote)
        #expect(note.hasPrefix("1 pair of documents share nearly all their words (the share of five-word runs in common) and are each counted: draft.md and final.md (9"), "\(note)")
        #expect(selection.notes.contains(note))
        // Said of the kept documents only: an identical copy is left out as a copy, not named again.
        let copies = CorpusSelection(documents: [Self.document("a.md", original), Self.document("b.md", original)])
        #expect(copies.documents.count == 1 && copies.nearCopies.isEmpty)
    }

    @Test func aSketchNeedsEnoughWordsAndMeasuresTheShare() throws {
        #expect(TextSketch(words: Array("too few words here".utf8)) == nil)
        let words = (0..<400).map { "w\($0)" }
        let sketch = try #require(TextSketch(words: Array(words.joined(separator: " ").utf8)))
        #expect(sketch.hashes.count == TextSketch.size && sketch.hashes == sketch.hashes.sorted())
        #expect(sketch.similarity(to: sketch) == 1)
        // The second half replaced: about a third of the runs in common (200 of 600 distinct).
        let half = Array(words.prefix(200)) + (0..<200).map { "x\($0)" }
        let other = try #require(TextSketch(words: Array(half.joined(separator: " ").utf8)))
        let share = sketch.similarity(to: other)
        #expect(share > 0.2 && share < 0.5, "\(share)")
    }

    /// Different real letters and reports of one template are far from near-copies.
    @Test(.enabled(if: realExists, "../shared/real is absent"))
    func noTwoRealDocumentsAreNearCopies() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.real.path).filter { $0.hasSuffix(".pdf") }.sorted()
        let documents = try files.map { try DocumentReader().read(path: Self.real.appendingPathComponent($0).path) }
        let sketches = documents.map { CorpusSelection.words(of: $0)?.sketch }
        #expect(sketches.allSatisfy { $0 != nil })
        var highest = 0.0
        for i in sketches.indices { for j in sketches.indices where j > i { highest = max(highest, sketches[i]!.similarity(to: sketches[j]!)) } }
        #expect(highest < 0.5, "the most alike of the real documents share \(highest) of their runs")
        #expect(NearCopy.find(zip(files, sketches).map { ($0, $1) }).isEmpty)
    }
}
