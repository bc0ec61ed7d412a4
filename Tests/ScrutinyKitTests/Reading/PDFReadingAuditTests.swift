import Foundation
import Testing
@testable import ScrutinyKit

/// What session 40's reading audit of the 36 tuning PDFs found, each mended: hyphens of compounds
/// kept where the document breaks lines only at hyphens, ranges broken at their dash, long bold
/// headings, and a contents entry left behind by a wrapped one.
@Suite struct PDFReadingAuditTests {
    static let real = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/real")

    /// A document whose settled breaks are compounds ("multi-agency", "care-experienced", …, each
    /// spelled with its hyphen elsewhere) breaks lines only at hyphens, as Word does: an unsettled
    /// break keeps its hyphen too ("semi-" + "independent" was "semiindependent").
    @Test func aDocumentThatBreaksOnlyAtHyphensKeepsThem() {
        let lines = [["The", "care-experienced", "young", "people", "and", "the", "pre-proceedings", "work", "with", "long-standing"],
                     ["foster", "carers", "is", "well-planned", "and", "uses", "case-by-case", "review", "in", "a", "short-"],
                     ["term", "plan", "with", "care-"], ["experienced", "staff", "and", "pre-"], ["proceedings", "lawyers", "and", "long-"],
                     ["standing", "carers", "and", "well-"], ["planned", "work."]]
        let word = Hyphenation(lines: lines)
        #expect(word.join("semi-", "independent") == "semi-independent")
        #expect(word.join("small-", "scale") == "small-scale")
        // A typeset document whose breaks split words keeps joining what nothing settles.
        let typeset = Hyphenation(lines: [["The", "safeguarding", "partners", "agreed", "a", "new", "assess-"], ["ment", "of", "their", "partner-"],
                                          ["ship", "and", "safe-"], ["guarding", "work", "with", "part-"], ["ners."]])
        #expect(typeset.join("commis-", "sioned") == "commissioned")
        #expect(typeset.join("assess-", "ment") == "assessment")
        // Except a short prefix before its own vowel (session 47: Bexley's "semiindependent",
        // "reengage" and "reestablish" had been joined so).
        #expect(typeset.join("semi-", "independent") == "semi-independent")
    }

    /// A figure before the break keeps its hyphen ("24-" + "hour"); a suspended one still stands
    /// apart ("16-" + "and 17-year-olds").
    @Test func aFigureBeforeTheBreakKeepsItsHyphen() {
        let hyphenation = Hyphenation(lines: [["The", "plan", "was", "agreed."]])
        #expect(hyphenation.join("24-", "hour") == "24-hour")
        #expect(hyphenation.join("16-", "and") == "16- and")
    }

    /// "2012–" at a line's end and "2013" on the next are one range, not "2012- 2013".
    @Test func aRangeBrokenAtItsDashIsOneRange() {
        #expect(PDFBlockAssembler.isOpenRange("2012\u{2013}", before: "2013"))
        #expect(!PDFBlockAssembler.isOpenRange("2012\u{2013}", before: "and"))
        #expect(!PDFBlockAssembler.isOpenRange("services\u{2013}", before: "2013"))
        let lines = [PDFReaderTests.line("The figure for 2012\u{2013}", x: 60, y: 100), PDFReaderTests.line("2013 was 35 weeks.", x: 60, y: 112)]
        #expect(PDFBlockAssembler(lines: lines).blocks().map(\.text) == ["The figure for 2012-2013 was 35 weeks."])
    }

    /// Set in bold on its own, a heading may run to 20 words, a question to 24; a plain line still to 12.
    @Test func longBoldLinesAreHeadings() {
        #expect(HeadingHeuristics.isTitle("The graded judgement about the experience and progress of care leavers is that it requires improvement", bold: true))
        #expect(HeadingHeuristics.isTitle("What is it like to be a child or young person with special educational needs and/or disabilities (SEND) in this area?", bold: true))
        #expect(!HeadingHeuristics.isTitle("The graded judgement about the experience and progress of care leavers is that it requires improvement", bold: false))
        #expect(!HeadingHeuristics.isTitle("The graded judgement about the experience and progress of care leavers is that it requires improvement.", bold: true))
    }

    /// After a contents page, a heading ending in a later page's number is an entry left behind
    /// (an entry wrapped over two lines ended the page early), not a section.
    @Test func aStrayContentsEntryStaysOutOfThePath() throws {
        let contents = try LexiconDirectory(url: Paths.lexicons).arrangementLexicon().contentsHeadings
        var path = HeadingPath(contentsHeadings: contents)
        #expect(path.enter("Darlington", level: 1, page: 1) == .section)
        #expect(path.enter("Contents", level: 1, page: 2) == .contentsPage)
        #expect(path.enter("The experiences and progress of children who need help and", level: 3, page: 2) == .section)
        #expect(path.enter("Information about this inspection 31", level: 2, page: 2) == .contentsEntry)
        #expect(path.enter("Recommendations", level: 2, page: 8) == .section)
        // On its own page, or with no contents page before it, such a heading is a section.
        #expect(path.enter("Appendix 9", level: 2, page: 9) == .section)
        var plain = HeadingPath(contentsHeadings: contents)
        #expect(plain.enter("Priority 2", level: 2, page: 1) == .section)
    }

    /// A symbol font's private-use bullet is kept as the bullet it stands for, in every reader.
    @Test func aPrivateUseBulletIsABullet() throws {
        #expect(Block.listItem("Plans are clear.", marker: "\u{F06E}").marker == "\u{2022}")
        #expect(Block.listItem("Plans are clear.", marker: "\u{25FC}").marker == "\u{25FC}")
        #expect(Block.listItem("Plans are clear.", marker: "2.", ordinal: "2").marker == "2.")
        let hampshire = Self.real.appendingPathComponent("hampshire-ofsted-focused-visit-2018.pdf").path
        guard FileManager.default.fileExists(atPath: hampshire) else { return }
        let text = DocumentText.render(try DocumentReader().read(path: hampshire))
        #expect(text.contains("\u{2022} ") && !text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
    }

    /// A table cell's first line standing alone above its row, beside a cell centred on both
    /// lines, is that cell's (a single inspection's judgement box); a paragraph above a table is not.
    @Test func aCellsFirstLineAboveItsRowJoinsIt() {
        let header = [PDFReaderTests.line("Key judgement", x: 70, y: 120, bold: true), PDFReaderTests.line("Judgement grade", x: 300, y: 120, bold: true)]
        let first = PDFReaderTests.line("The experiences and progress of children", x: 70, y: 150)
        let second = [PDFReaderTests.line("who need help and protection", x: 70, y: 162), PDFReaderTests.line("Requires improvement", x: 300, y: 156.5)]
        let rows = PDFReadingOrder.lines(of: [header + [first] + second])
        #expect(rows.map { (line: PDFLine) in line.cells.map(\.text) } == [["Key judgement", "Judgement grade"],
                                                                           ["The experiences and progress of children who need help and protection", "Requires improvement"]])
        // A paragraph ending above a table, with no cell level with it, stays a paragraph.
        let paragraph = PDFReaderTests.line("The judgements are set out in the table below", x: 70, y: 138)
        let row = [PDFReaderTests.line("Leadership", x: 70, y: 150), PDFReaderTests.line("Good", x: 300, y: 150)]
        let other = [PDFReaderTests.line("Adoption", x: 70, y: 175), PDFReaderTests.line("Good", x: 300, y: 175)]
        #expect(PDFReadingOrder.lines(of: [[paragraph] + row + other]).map { (line: PDFLine) in line.cells.count } == [0, 2, 2])
    }

    /// A bold header row is not wrapped into the plain row right under it (a SEND report's
    /// "Local authority | Integrated care board" over the names and addresses); a bold header
    /// that wraps onto a second bold line stays one row.
    @Test func aBoldHeaderRowStaysApartFromTheRowUnderIt() throws {
        let header = [PDFReaderTests.line("Local authority", x: 70, y: 100, bold: true), PDFReaderTests.line("Integrated care board", x: 300, y: 100, bold: true)]
        let row = [PDFReaderTests.line("The London Borough", x: 70, y: 112), PDFReaderTests.line("The area's board", x: 300, y: 112)]
        let wrapped = [PDFReaderTests.line("and its address", x: 70, y: 124), PDFReaderTests.line("and its address", x: 300, y: 124)]
        #expect(PDFReadingOrder.lines(of: [header + row + wrapped]).map { (line: PDFLine) in line.cells.map(\.text) }
            == [["Local authority", "Integrated care board"], ["The London Borough and its address", "The area's board and its address"]])
        let boldWrap = [PDFReaderTests.line("(name and", x: 70, y: 112, bold: true), PDFReaderTests.line("(name and", x: 300, y: 112, bold: true)]
        let boldEnd = [PDFReaderTests.line("address)", x: 70, y: 124, bold: true), PDFReaderTests.line("address)", x: 300, y: 124, bold: true)]
        let rows = PDFReadingOrder.lines(of: [header + boldWrap + boldEnd])
        #expect(rows.count == 1 && rows[0].cells.first?.text == "Local authority (name and address)", "\(rows.map(\.text))")

        let richmond = PDFFootnoteTests.real.appendingPathComponent("richmond-upon-thames-ofsted-cqc-send-area-2023.pdf").path
        guard FileManager.default.fileExists(atPath: richmond) else { return }
        let cells = try DocumentReader().read(path: richmond).blocks.compactMap(\.cells)
        #expect(cells.contains(["Local authority", "Integrated care board"]), "\(cells)")
    }

    /// A cell set apart beside a bold heading (its grade) is read after the heading's words, not
    /// in the middle of them; a contents entry's page number stays with its entry.
    @Test func aGradeBesideAHeadingIsNoPartOfIt() throws {
        let lines = [PDFReaderTests.line("The experiences and progress of children", x: 70, y: 100, size: 14, bold: true),
                     PDFReaderTests.line("looked after and achieving", x: 70, y: 117, size: 14, bold: true)
                         .appending(PDFReaderTests.line("Requires improvement", x: 400, y: 117, size: 14, bold: true)),
                     PDFReaderTests.line("permanence", x: 70, y: 134, size: 14, bold: true)]
        let (heading, aside) = PDFBlockAssembler.withoutCellsAside(lines)
        #expect(heading.map(\.text) == ["The experiences and progress of children", "looked after and achieving", "permanence"])
        #expect(aside.map(\.text) == ["Requires improvement"])
        let entry = [PDFReaderTests.line("Recommendations", x: 70, y: 100, size: 14).appending(PDFReaderTests.line("35", x: 500, y: 100, size: 14))]
        #expect(PDFBlockAssembler.withoutCellsAside(entry).aside.isEmpty)
        let wiltshire = Self.real.appendingPathComponent("wiltshire-ofsted-inspection-2015.pdf").path
        guard FileManager.default.fileExists(atPath: wiltshire) else { return }
        let headings = try DocumentReader().read(path: wiltshire).blocks.filter { $0.kind == .heading }.map(\.text)
        #expect(headings.contains("The experiences and progress of children looked after and achieving permanence Requires improvement"), "\(headings)")
        #expect(headings.contains("Leadership, management and governance Requires improvement"))
    }

    @Test func aSingleInspectionsJudgementsHeadTheirSections() throws {
        let devon = Self.real.appendingPathComponent("devon-ofsted-inspection-2015.pdf").path
        guard FileManager.default.fileExists(atPath: devon) else { return }
        let rules = try ItemRules(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml"))
        var document = try DocumentReader().read(path: devon)
        document.metadata.documentType = "inspection-report"
        let sections = Set(RecommendationFinder(rules: rules, narrative: true).recommendations(in: document).map(\.section))
        for judgement in ["The experiences and progress of children who need help and protection",
                          "The experiences and progress of children looked after and achieving permanence",
                          "Leadership, management and governance"] {
            #expect(sections.contains { $0.contains("Inspection judgements about the local authority › \(judgement)") }, "\(judgement)")
        }
    }

    /// A judgement boxed with its grade, each cell centred on the other's lines, is one row: the
    /// title's middle line overlaps both of the grade's lines and is no row (or heading) of its own
    /// (Darlington 2018: "children who need help and" headed a section, with "protection | to be
    /// good" a row of its own).
    @Test func aBoxWhoseCellsAreCentredOnEachOtherIsOneRow() throws {
        let size = 14.1
        let box = [PDFReaderTests.line("The experiences and progress of", x: 76, y: 98.9, size: size, bold: true),
                   PDFReaderTests.line("children who need help and", x: 76, y: 114.86, size: size, bold: true),
                   PDFReaderTests.line("protection", x: 76, y: 130.82, size: size, bold: true),
                   PDFReaderTests.line("Requires improvement", x: 357, y: 107.06, size: size, bold: true),
                   PDFReaderTests.line("to be good", x: 357, y: 123.98, size: size, bold: true)]
        let rows = PDFReadingOrder.lines(of: [box])
        #expect(rows.map { (line: PDFLine) in line.cells.map(\.text) }
            == [["The experiences and progress of children who need help and protection", "Requires improvement to be good"]], "\(rows.map(\.text))")
        // A line set well below a row is no part of it.
        let below = [PDFReaderTests.line("Key judgement", x: 76, y: 100, bold: true), PDFReaderTests.line("Grade", x: 357, y: 100, bold: true),
                     PDFReaderTests.line("Leadership", x: 76, y: 130), PDFReaderTests.line("Good", x: 357, y: 130)]
        #expect(PDFReadingOrder.lines(of: [below]).count == 2)

        let darlington = Self.real.appendingPathComponent("darlington-ofsted-inspection-2018.pdf").path
        guard FileManager.default.fileExists(atPath: darlington) else { return }
        let blocks = try DocumentReader().read(path: darlington).blocks
        #expect(!blocks.contains { $0.kind == .heading && $0.text == "children who need help and" })
        #expect(blocks.contains { $0.cells == ["The experiences and progress of children who need help and protection", "Requires improvement to be good"] })
    }

    @Test func realReportsReadAsTheirPages() throws {
        let darlington = Self.real.appendingPathComponent("darlington-ofsted-inspection-2018.pdf").path
        guard FileManager.default.fileExists(atPath: darlington) else { return }   // a clone without ../shared
        let rules = try ItemRules(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml"))
        var document = try DocumentReader().read(path: darlington)
        document.metadata.documentType = "inspection-report"
        let items = RecommendationFinder(rules: rules, narrative: true).recommendations(in: document)
        #expect(items.count > 300)
        #expect(!items.contains { $0.section.contains("Information about this inspection 31") })
        let careLeavers = try #require(items.first { $0.text.hasPrefix("The service for care leavers has further developed") })
        #expect(careLeavers.section.hasSuffix("The graded judgement about the experience and progress of care leavers is that it is good"),
                "\(careLeavers.section)")
        // Its judgements, boxed one by one with their grades, head their sections, and the box
        // begins a section for the item finder too: the finding after the first box was lost
        // under the children's summary before it.
        #expect(careLeavers.section.hasPrefix("Darlington \u{203A} The experiences and progress of children looked after and achieving permanence \u{203A}"),
                "\(careLeavers.section)")
        let required = try #require(items.first { $0.text.hasPrefix("However, further work is required to build on improvements") })
        #expect(required.section == "Darlington \u{203A} The experiences and progress of children who need help and protection", "\(required.section)")
        let bexley = try DocumentReader().read(path: Self.real.appendingPathComponent("bexley-ofsted-cqc-send-area-2024.pdf").path)
        #expect(bexley.blocks.contains { $0.kind == .heading && $0.text.hasPrefix("What is it like to be a child or young person with special") })
        let somerset = try DocumentReader().read(path: Self.real.appendingPathComponent("somerset-ofsted-inspection-2015.pdf").path)
        let text = somerset.blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("Polish-born") && text.contains("24-hour") && !text.contains("smallscale"))
    }
}
