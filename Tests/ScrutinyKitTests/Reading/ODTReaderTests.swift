import Foundation
import Testing
@testable import ScrutinyKit

@Suite struct ODTReaderTests {
    func document() throws -> Document {
        try DocumentReader().read(path: MarkupFixtures.path("odf-features.odt"))
    }

    @Test func headingsAreNumberedByTheOutlineStyle() throws {
        let headings = MarkupFixtures.outline(try document().blocks.filter { $0.kind == .heading })
        #expect(headings == [
            "h1 Report on features",
            "h2 1 Numbered by the outline",
            "h2 Not numbered",                      // text:is-list-header
            "h2 2 Second numbered",
            "h3 2.1 Third level shows two numbers", // text:display-levels 2
            "h2 7 Cached number wins",              // text:number as LibreOffice cached it
        ])
    }

    @Test func listsAreCountedAsLibreOfficeCountsThem() throws {
        let items = MarkupFixtures.outline(try document().blocks.filter { $0.kind == .listItem })
        #expect(items == [
            "li0 (a) #a First lettered",
            "li1 a.1. #a.1 Two levels shown",
            "li1 a.2. #a.2 Second of two",
            "li2 \u{25AA} Square bullet",
            "li0 (b) #b Second lettered",
            "li0 (c) #c Third lettered continues",        // text:continue-numbering
            "li0 (e) #e Fifth lettered by start value",   // text:start-value on a new list
            "li0 (c) #c Fourth continues list one",       // text:continue-list names the first list
            "li0 iii. #iii Roman from a paragraph style", // list style from the paragraph style's parent, start 3
            "li0 · A list header has no number",
            "li0 (b) #b Typed marker inside a section",
        ])
    }

    @Test func leavesOutNotesCommentsDeletionsFramesContentsAndPageHeaders() throws {
        let document = try document()
        #expect(document.blocks.contains { $0.kind == .paragraph && $0.text == "Before spaces tab break span link end" })
        for absent in ["FOOTNOTE", "COMMENT", "DELETED", "TEXTBOX", "CONTENTS ENTRY", "PAGEHEADER"] {
            #expect(!document.text.contains(absent), "\(absent) reached the output")
        }
    }

    @Test func tablesKeepCoveredCellsAndDropRepeatedPadding() throws {
        let rows = try document().blocks.filter { $0.kind == .tableRow }
        #expect(rows.map(\.cells) == [["Area", "Rating"], ["Leadership and accountability", "", "Amber"]])
    }

    @Test func corpusVersionsLeaveOutHeadersFootersAndComments() throws {
        let names = MarkupCorpusTests.versions.map(\.0).filter { $0.hasSuffix(".odt") }
        #expect(names.count >= 2)
        for name in names {
            let document = try DocumentReader().read(path: Paths.documents.appendingPathComponent(name).path)
            for furniture in ["uncontrolled", "Democratic Services", "Reviewer query", "superseded interim"] {
                #expect(!document.text.contains(furniture), "\(name): \(furniture) reached the output")
            }
            #expect(document.metadata.title != nil)
        }
    }
}
