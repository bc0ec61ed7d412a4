import Foundation
import Testing
@testable import ScrutinyKit

@Suite struct DOCXReaderTests {
    func document() throws -> Document {
        try DocumentReader().read(path: MarkupFixtures.path("word-features.docx"))
    }

    @Test func headingsComeFromStyleNamesAndOutlineLevels() throws {
        let headings = MarkupFixtures.outline(try document().blocks.filter { $0.kind == .heading })
        #expect(headings == [
            "h1 Report on features",          // style "heading 1"
            "h2 Localised heading style",     // style id "Ttulo2", name "heading 2"
            "h4 Direct outline level",        // w:outlineLvl 3 on the paragraph
            "h3 Inherited outline level",     // outline level from the style it is based on
            "h3 Bold Recommendations",        // a bold line standing for a heading
            "h2 NEXT STEPS",                  // the Strong character style; capitals make it level 2
        ])
    }

    /// A Word file typed with no styles and no bold: its headings are inferred as the text
    /// reader's are, and a byline ("Prepared by: …") under "Recommendations" is no heading of its
    /// own (session 45's audit: the byline was taken for the heading, "Recommendations" for a
    /// paragraph, and the imperative items under it were lost; the same text as .txt lost none).
    @Test func aBylineUnderAHeadingInAPlainWordFileIsNoHeading() throws {
        let lines = ["Independent Scrutiny of the Northvale Safeguarding Children Partnership", "Recommendations - March 2025",
                     "Prepared by: J. Smith, Independent Scrutineer",
                     "1. The three safeguarding partners should agree a revised funding formula.",
                     "2. Consider how the partnership can involve parents and carers in the design of its early help offer.",
                     "3. Review the escalation policy and relaunch it."]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        try ZipFixtures.writeDocx(body: lines.map { "<w:p><w:r><w:t>\($0)</w:t></w:r></w:p>" }.joined(), to: url)
        let document = try DocumentReader().read(path: url.path)
        // (The title over it stays a paragraph: a heading heads something other than a title.)
        #expect(document.blocks.filter { $0.kind == .heading }.map(\.text) == ["Recommendations - March 2025"])
        let items = RecommendationFinder(rules: RecommendationsTests.rules).recommendations(in: document)
        #expect(items.map(\.kind) == [.recommendation, .recommendation, .recommendation], "\(items.map(\.text))")
    }

    @Test func listItemsCarryTheNumbersWordDisplays() throws {
        let items = MarkupFixtures.outline(try document().blocks.filter { $0.kind == .listItem })
        #expect(items == [
            "li0 a) #a First lettered item",
            "li0 b) #b Second lettered item",
            "li1 (i) #i Roman sub item",
            "li0 c) #c Third lettered item continues",
            "li0 d) #d Continues through a second num",       // another w:num of the same abstract list continues it
            "li0 a) #a Restarted by a start override",         // w:startOverride restarts it
            "li0 I. #i Upper roman one",
            "li1 1.1 #1.1 Legal numbering shows decimals",     // w:isLgl
            "li0 II. #ii Upper roman two",
            "li1 2.1 #2.1 Legal again",
            "li2 1. #1 Level three never restarts",            // w:lvlRestart 0
            "li0 5 #5 Style numbered paragraph starting at five", // numbered through its style, w:start 5
            "li0 6 #6 Style numbered paragraph six",
            "li0 \u{2022} Wingdings bullet",                   // a private-use Wingdings bullet shown as a bullet
            "li1 - Dash bullet",
            "li0 (c) #c Typed marker in an unnumbered level",  // a level that shows no number: the typed one counts
            "li0 2.5 #2.5 Typed number in a plain paragraph",
        ])
    }

    @Test func leavesOutHiddenDeletedAndFieldCodeTextTextBoxesAndContents() throws {
        let document = try document()
        #expect(document.blocks.contains { $0.kind == .paragraph && $0.text == "Numbering switched off" })
        #expect(document.blocks.contains { $0.text == "Visible inserted result after tab linked Kestlebury-end" })
        #expect(document.blocks.contains { $0.text == "Inside a content control" })
        #expect(document.blocks.contains { $0.kind == .paragraph && $0.text == "A bold sentence is still a paragraph." })
        #expect(document.blocks.contains { $0.kind == .paragraph && $0.text == "Partly bold line" })
        for absent in ["HIDDEN", "DELETED", "FIELDCODE", "TEXTBOX", "Contents entry"] {
            #expect(!document.text.contains(absent), "\(absent) reached the output")
        }
    }

    @Test func tablesBecomeRowsWithNestedTablesFlattened() throws {
        let rows = try document().blocks.filter { $0.kind == .tableRow }
        #expect(rows.map(\.cells) == [["Cell one second paragraph", "", "nested"]])
    }

    @Test func corpusVersionsLeaveOutHeadersFootersAndComments() throws {
        let names = MarkupCorpusTests.versions.map(\.0).filter { $0.hasSuffix(".docx") }
        #expect(names.count >= 2)
        for name in names {
            let document = try DocumentReader().read(path: Paths.documents.appendingPathComponent(name).path)
            for furniture in ["uncontrolled", "Democratic Services", "Reviewer query", "superseded interim", "HYPERLINK"] {
                #expect(!document.text.contains(furniture), "\(name): \(furniture) reached the output")
            }
            #expect(document.metadata.authors.count == 1)
        }
    }
}
