import Foundation
import Testing
@testable import ScrutinyKit

/// The blocks' words, made once and shared by the stages that read them, give each stage what
/// tokenising its own text gave it.
@Suite struct BlockWordsTests {
    /// The corpus's text files, every fourth real PDF (when ../shared/real is there) and a text
    /// with letters outside ASCII, abbreviations, broken paragraphs, lists and a table.
    static func documents() throws -> [Document] {
        var documents = try Paths.corpusDocuments().map { try DocumentReader().read(path: $0) }
        let real = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/real")
        let pdfs = ((try? FileManager.default.contentsOfDirectory(atPath: real.path)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
        for (index, name) in pdfs.enumerated() where index % 4 == 0 {
            documents.append(try DocumentReader().read(path: real.appendingPathComponent(name).path))
        }
        let text = """
            # Rapport de l’équipe — Café Naïve LSCP

            The Partnership’s chair (Mr. J. Pearce, e.g. the Ｃｈａｉｒ) said the review at para. 3.2 was \
            “good”. Leaders should act. Straße and ÉTUDE stay words; co-operation is two.
            This paragraph was broken by the conversion in the middle of a sentence that goes
            on here in lower case, and ends. A second sentence follows it!

            What needs to improve:
            - The timeliness of strategy meetings should improve.
            - Naïve plans need to be reviewed, e.g. by the Board.

            | Area | Judgement |
            |---|---|
            | Leadership | Good |
            """
        documents.append(try DocumentReader().read(bytes: Array(text.utf8), path: "mixed.md"))
        return documents
    }

    @Test func sentencesTakeTheWordsTheirOwnTextWouldGive() throws {
        var sentences = 0
        for document in try Self.documents() {
            let words = BlockWords(document)
            let made = document.contextSentences()
            #expect(document.contextSentences(blockWords: words) == made, "\(document.fileName)")
            let contents = PhraseList(["contents"])
            #expect(document.contextSentences(contentsHeadings: contents, reusing: made, blockWords: words)
                    == document.contextSentences(contentsHeadings: contents), "\(document.fileName)")
            sentences += made.count
        }
        #expect(sentences > 1_000)
    }

    /// A document none of whose headings opens a contents page has the same sentences with the
    /// contents headings as without them (the analyser then makes them once); one that has such a
    /// page (a real inspection report's "Contents") is said to.
    @Test func withoutAContentsPageTheContentsHeadingsChangeNoSentence() throws {
        let contents = try LexiconDirectory(url: Paths.lexicons).arrangementLexicon().contentsHeadings
        let path = HeadingPath(contentsHeadings: contents)
        var (without, with) = (0, 0)
        for document in try Self.documents() {
            if path.opensContentsPage(in: document.blocks) {
                with += 1
            } else {
                #expect(document.contextSentences(contentsHeadings: contents) == document.contextSentences(), "\(document.fileName)")
                without += 1
            }
        }
        #expect(without > 10)
        let page = try DocumentReader().read(bytes: Array("# Report\n\n## Contents\n\n### Summary 3\n\n## Summary\n\nLeaders should act.\n".utf8), path: "contents.md")
        #expect(path.opensContentsPage(in: page.blocks))
        #expect(!HeadingPath().opensContentsPage(in: page.blocks))
        #expect(page.contextSentences(contentsHeadings: contents) != page.contextSentences())
    }

    @Test func theFinderAndTheInspectionReaderFindWhatTheyFoundAlone() throws {
        let lexicons = LexiconDirectory(url: Paths.lexicons)
        let finder = RecommendationFinder(rules: try lexicons.itemRules(), narrative: true)
        let reader = InspectionReader(lexicon: try lexicons.metadataRules().inspections!)
        var items = 0
        for document in try Self.documents() {
            let words = BlockWords(document)
            let found = finder.recommendations(in: document)
            #expect(finder.recommendations(in: document, blockWords: words) == found, "\(document.fileName)")
            #expect(reader.read(document, blockWords: words) == reader.read(document), "\(document.fileName)")
            items += found.count
        }
        #expect(items > 200)
    }
}
