import Foundation
import Testing
@testable import ScrutinyKit

/// The sentence stream every later stage reads: sentences split where a reader would split them,
/// each placed back in the document's text, with the headings above it and the lead-in of its list.
@Suite struct SentenceStreamTests {
    @Test func abbreviationsInitialsAndDecimalsDoNotEndASentence() {
        let text = "The review (para. 3.2) found gaps, e.g. in early help. J. Pearce chaired it. Costs rose 2.5 times! Was it enough? Yes."
        #expect(SentenceSplitter.sentences(text).map(\.text) == [
            "The review (para. 3.2) found gaps, e.g. in early help.", "J. Pearce chaired it.", "Costs rose 2.5 times!",
            "Was it enough?", "Yes.",
        ])
    }

    /// On the corpus's real-shaped documents, every sentence's range gives back its own text, so
    /// a sentence can always be traced to the words of the document behind it.
    @Test func everySentenceOfTheCorpusPointsBackIntoItsDocument() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.documents.path).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
        #expect(files.count >= 10)
        var sentences = 0
        for file in files {
            let document = try DocumentReader().read(path: Paths.documents.appendingPathComponent(file).path)
            let text = Array(document.text.unicodeScalars)
            for sentence in document.contextSentences() {
                sentences += 1
                let slice = String(String.UnicodeScalarView(text[sentence.range.start..<min(sentence.range.end, text.count)]))
                #expect(slice.hasPrefix(String(sentence.text.unicodeScalars.prefix(20))), "\(file): \(sentence.text.prefix(60))")
            }
        }
        #expect(sentences > 500)
    }

    @Test func listItemsCarryTheirHeadingsAndLeadIn() {
        let document = Document(source: "memo.txt", sha256: "", format: .text, blocks: [
            .heading("Annual report", level: 1),
            .heading("Scrutiny", level: 2),
            .paragraph("The scrutineer found that the partnership should:"),
            .listItem("publish its plan. Then review it.", marker: "1.", ordinal: "1", depth: 0),
            .listItem("fund the business unit.", marker: "2.", ordinal: "2", depth: 0),
            .heading("Finance", level: 2),
            .paragraph("Contributions rose."),
        ])
        let stream = document.contextSentences()
        let items = stream.filter { $0.kind == .listItem }
        #expect(items.map(\.text) == ["publish its plan.", "Then review it.", "fund the business unit."])
        #expect(items.allSatisfy { $0.section == "Annual report › Scrutiny" })
        #expect(items.allSatisfy { $0.leadIn == "The scrutineer found that the partnership should:" })
        let last = stream.last!
        #expect(last.text == "Contributions rose." && last.section == "Annual report › Finance" && last.leadIn == nil)
    }

    @Test func aContentsPageNeverEntersTheSectionPath() {
        let document = Document(source: "report.txt", sha256: "", format: .text, blocks: [
            .heading("Contents", level: 2),
            .heading("Summary 3", level: 3),
            .heading("Findings 5", level: 3),
            .heading("Summary", level: 2),
            .paragraph("Leaders should act."),
        ])
        let stream = document.contextSentences(contentsHeadings: PhraseList(["contents"]))
        #expect(stream.last?.section == "Summary")
    }

    /// ASCII paragraphs are split on their bytes: the sentences and ranges are those the scalar
    /// path gives, for text full of abbreviations, initials, numbers, quotes and brackets.
    @Test func asciiParagraphsSplitAsTheScalarPathSplitsThem() {
        var generator = SplitMix64(seed: 16)
        let pieces = ["The", "board", "e.g.", "No.", "J.", "Pearce", "3.5", "etc.", "said", "\"Yes.\"", "(see", "para.", "it)", "?", "!",
                      ".", "  ", "Plan", "B.", "no.", "12", "Dr.", "x", "'quoted.'", "St.", "[1]", "Cllr."]
        var texts = ["", " ", "One. Two.", "A. B. C.", "It works. 2 more. (Then) this!"]
        for _ in 0..<500 {
            texts.append((0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " "))
        }
        for text in texts {
            let bytes = SentenceSplitter.sentences(text)
            let scalars = SentenceSplitter.sentencesReadingScalars(text)
            #expect(bytes.map(\.text) == scalars.map(\.text), "\(text.debugDescription)")
            #expect(bytes.map(\.range) == scalars.map(\.range), "\(text.debugDescription)")
        }
    }
}
