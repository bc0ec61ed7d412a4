import Foundation
import Testing
@testable import ScrutinyKit

/// Footnotes at the foot of a PDF page are left out, as Word's are: a note standing between the
/// two halves of a paragraph cut it in two at the page break.
@Suite struct PDFFootnoteTests {
    static let real = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/real")

    /// A page of body text at 12 points whose last paragraph runs over the break, a gap, then a
    /// note (its number at 7 points, its text at 10) and the page number.
    static func page(note: Bool, noteSize: Double = 10) -> RunningHeaderFilter.Page {
        var lines = (0..<12).map { PDFReaderTests.line("body text line number \($0) of the page runs on to the margin here", x: 70, y: 100 + Double($0) * 15, size: 12) }
        lines.append(PDFReaderTests.line("Managers provide clear oversight for decision-", x: 70, y: 280, size: 12))
        if note {
            var mark = PDFReaderTests.line("1", x: 70, y: 740, size: 7)
            mark = mark.appending(PDFReaderTests.line("The areas for improvement have been cross-referenced with the", x: 78, y: 740, size: noteSize))
            lines.append(mark)
            lines.append(PDFReaderTests.line("National Framework, which sets out the expected outcomes.", x: 70, y: 752, size: noteSize))
        }
        return RunningHeaderFilter.Page(lines: lines, height: 842)
    }

    @Test func aNoteAtTheFootOfThePageIsLeftOut() {
        let filtered = FootnoteFilter().filter([Self.page(note: true), Self.page(note: false)])
        #expect(filtered[0].lines.map(\.text) == Self.page(note: false).lines.map(\.text))
        #expect(filtered[1].lines.count == Self.page(note: false).lines.count)
    }

    @Test func smallTextWithoutANumberOrInTheBodysSizeStays() {
        // Set in the body's size, "1 The areas…" is a numbered line of the text, not a note.
        let bodySized = Self.page(note: true, noteSize: 12)
        var unmarked = Self.page(note: false)
        unmarked.lines.append(PDFReaderTests.line("Source: the local authority's own figures for the year.", x: 70, y: 740, size: 10))
        let filtered = FootnoteFilter().filter([bodySized, unmarked])
        #expect(filtered[0].lines.map(\.text) == bodySized.lines.map(\.text))
        #expect(filtered[1].lines.map(\.text) == unmarked.lines.map(\.text))
    }

    @Test func aPageSetSmallThroughoutKeepsItsText() {
        let small = (0..<20).map { PDFReaderTests.line("\($0 + 1) An endnote of a long list of endnotes set small on its own page", x: 70, y: 400 + Double($0) * 12, size: 9) }
        let pages = [Self.page(note: false), RunningHeaderFilter.Page(lines: small, height: 842)]
        #expect(FootnoteFilter().filter(pages)[1].lines.count == small.count)
    }

    /// Derby's 2025 report: paragraph 5 runs from page 2 to page 3 over the note explaining
    /// the cross-references to the National Framework.
    @Test func aParagraphRunsOnOverANote() throws {
        let derby = Self.real.appendingPathComponent("derby-ofsted-inspection-2025.pdf").path
        guard FileManager.default.fileExists(atPath: derby) else { return }   // a clone without ../shared
        let blocks = try DocumentReader().read(path: derby).blocks
        let paragraph = try #require(blocks.first { $0.text.contains("clear oversight for decision") })
        #expect(paragraph.text.contains("oversight for decision-making when progressing contacts"), "\(paragraph.text)")
        #expect(paragraph.page == 2)
        #expect(!blocks.contains { $0.text.contains("have been cross-referenced with the outcomes") })
    }

    /// Plymouth's 2015 report: a table of areas with a grade beside each, over a note. Without the
    /// note's full-width lines the grades were read as a column of text of their own.
    @Test func aColumnOfGradesIsNoColumnOfText() throws {
        let plymouth = Self.real.appendingPathComponent("plymouth-ofsted-inspection-2015.pdf").path
        guard FileManager.default.fileExists(atPath: plymouth) else { return }
        let blocks = try DocumentReader().read(path: plymouth).blocks
        let row = try #require(blocks.first { $0.kind == .tableRow && ($0.cells ?? []).contains { $0.contains("Adoption performance") } })
        #expect(row.cells?.last == "Requires improvement", "\(row.cells ?? [])")
        #expect(!blocks.contains { $0.text.hasPrefix("Ofsted produces this report under its power") })
    }

    @Test func twoColumnsOfShortCellsAreATable() {
        var fragments = [PDFReaderTests.line("A paragraph across the page that introduces the judgements below it", x: 60, y: 60)]
        for row in 0..<6 {
            fragments.append(PDFReaderTests.line("\(row + 1). An area of the service judged", x: 60, y: 100 + Double(row) * 20))
            fragments.append(PDFReaderTests.line("Requires improvement", x: 320, y: 100 + Double(row) * 20))
        }
        let lines = PDFReadingOrder.lines(of: [fragments])
        #expect(lines.dropFirst().allSatisfy { $0.cells.last?.text == "Requires improvement" }, "\(lines.map(\.text))")
    }
}

/// A footnote's number set small after a word ("What needs to improve?¹") is no part of the
/// word: it stuck to the heading, so to the section path and cue of every item under it, in 13 of
/// the 48 real reports until session 31 (a user audit found "What needs to improve?1").
@Suite struct PDFFootnoteMarkTests {
    @Test func aFootnotesNumberSetSmallIsDropped() throws {
        let real = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/real")
        let derby = real.appendingPathComponent("derby-ofsted-inspection-2025.pdf").path
        let kirklees = real.appendingPathComponent("kirklees-ofsted-inspection-2016.pdf").path
        guard FileManager.default.fileExists(atPath: derby) else { return }   // a clone without ../shared
        let headings = try DocumentReader().read(path: derby).blocks.filter { $0.kind == .heading }.map(\.text)
        #expect(headings.contains("What needs to improve?"), "\(headings)")
        #expect(!headings.contains { $0.hasSuffix("?1") })
        let text = try DocumentReader().read(path: kirklees).blocks.map(\.text)
        #expect(text.contains("Review of the effectiveness of the Local Safeguarding Children Board"), "\(text.prefix(40))")
        #expect(text.contains { $0.hasPrefix("two live in residential special schools, both of whom") })
        // Figures in the body's own size stay: dates, counts, "Section 11".
        #expect(text.contains { $0.contains("2016") })
    }
}


/// A running footer of two lines beside a page number set large: the number shares a baseline
/// with the footer's first line only.
@Suite struct PDFRunningFooterTests {
    @Test func aLargePageNumberDoesNotJoinTwoLinesIntoOneRow() {
        let number = PDFReaderTests.line("3", x: 520, y: 791.2, size: 20)
        let first = PDFReaderTests.line("Area SEND inspection report: a Local Area Partnership, 2 to 6", x: 60, y: 791.3, size: 10)
        let second = PDFReaderTests.line("October 2023", x: 60, y: 803.3, size: 10)
        let rows = PDFReadingOrder.rows(of: [second, number, first])
        #expect(rows.map { $0.map(\.text) } == [[first.text, "3"], ["October 2023"]])
    }

    /// Richmond's 2023 SEND report kept its footer on page 3 alone (and so cut the paragraph
    /// running over that page break); Telford's on page 2.
    @Test func theFooterGoesOnEveryPage() throws {
        let real = PDFFootnoteTests.real
        for (name, footer, paragraph) in [
            ("richmond-upon-thames-ofsted-cqc-send-area-2023.pdf", "Area SEND inspection report: Richmond", "packages of support developed by professionals for"),
            ("telford-and-wrekin-ofsted-cqc-send-area-2023.pdf", "Area SEND inspection report: Telford", nil),
        ] {
            let path = real.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { return }   // a clone without ../shared
            let blocks = try DocumentReader().read(path: path).blocks
            #expect(!blocks.contains { $0.text.hasPrefix(footer) }, "\(name)")
            if let paragraph { #expect(blocks.contains { $0.text.contains(paragraph) }, "\(name)") }
        }
    }
}
