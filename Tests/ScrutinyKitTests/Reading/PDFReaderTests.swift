import Foundation
import Testing
@testable import ScrutinyKit

/// The PDF reader: its pure-Swift parts on small inline cases, then the generated fixtures
/// (tools/make_pdfs.py) and the PDF versions of corpus documents against their originals.
@Suite struct PDFReaderTests {
    // MARK: helpers

    /// A line of words set at `x`, `y` (top), each character half the font size wide.
    static func line(_ text: String, x: Double, y: Double, size: Double = 10, page: Int = 1, bold: Bool = false) -> PDFLine {
        var left = x
        var words: [PDFWord] = []
        for part in text.split(separator: " ") {
            let width = Double(part.count) * size * 0.5
            let rect = PDFRect(x0: left, y0: y, x1: left + width, y1: y + size * 1.2)
            words.append(PDFWord(text: String(part), rect: rect, fontSize: size, bold: bold))
            left += width + size * 0.25
        }
        return PDFLine(words: words, page: page)
    }

    static func fixture(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures").appendingPathComponent("pdf")
        return folder.appendingPathComponent(name).path
    }

    static func read(_ path: String, password: String? = nil) throws -> Document {
        try DocumentReader(options: .init(password: password)).read(path: path)
    }

    static func readError(_ path: String, password: String? = nil) -> ReadError? {
        do {
            _ = try DocumentReader(options: .init(password: password)).read(path: path)
            return nil
        } catch {
            return error
        }
    }

    // MARK: hyphens

    @Test(arguments: ["\u{2010}", "-", "\u{00AD}"])
    func rejoinsAWordBrokenAtTheLineEnd(hyphen: String) {
        let hyphenation = Hyphenation(lines: [["The", "partners", "agreed"]])
        #expect(hyphenation.join("safe" + hyphen, "guarding,") == "safeguarding,")
    }

    @Test func keepsTheHyphenOfACompoundBrokenThere() {
        let plain = Hyphenation(lines: [["nothing", "to", "go", "on"]])
        #expect(plain.join("multi-", "agency") == "multi-agency")
        #expect(plain.join("decision-", "making") == "decision-making")
        #expect(plain.join("Anglo-", "Saxon") == "Anglo-Saxon")
        #expect(plain.join("2021-", "22") == "2021-22")
        #expect(plain.join("pre-", "and") == "pre- and")
        #expect(plain.join("a", "word") == "a word")
    }

    @Test func letsTheDocumentsOwnSpellingDecide() {
        let compound = Hyphenation(lines: [["staff", "are", "co-located", "in", "the", "hub"]])
        #expect(compound.join("co-", "located") == "co-located")
        let closed = Hyphenation(lines: [["the", "colocated", "team"]])
        #expect(closed.join("co-", "located") == "colocated")
    }

    @Test func tellsBreaksFromCompoundsByTheirCharacterWhereTheDocumentDoes() {
        // Breaks printed as U+2010, compounds as U+002D: a U+002D at a line end is the compound's own.
        let lines = [["a", "twelve-month", "plan", "for", "safe\u{2010}"], ["guarding", "and", "part\u{2010}"], ["nership", "work"]]
        let hyphenation = Hyphenation(lines: lines)
        #expect(hyphenation.join("co-", "located") == "co-located")
        #expect(hyphenation.join("inter\u{2010}", "agency") == "interagency")
    }

    // MARK: running headers and footers

    @Test(arguments: ["12", "Page 3 of 14", "- 3 -", "\u{2013} 3 \u{2013}", "3 | Page", "Page | 3", "xii", "3/14", "Page 7"])
    func knowsAPageNumber(text: String) {
        #expect(RunningHeaderFilter.isPageNumber(text))
    }

    @Test(arguments: ["2022 Annual Report", "Section 3 overview", "Recommendations", "3 children"])
    func knowsWhatIsNotAPageNumber(text: String) {
        #expect(!RunningHeaderFilter.isPageNumber(text))
    }

    @Test func removesLinesRecurringAtTheTopAndBottomOfMostPages() {
        let pages = (1...5).map { number -> RunningHeaderFilter.Page in
            var lines: [PDFLine] = []
            if number > 1 {
                lines.append(Self.line("RSCP Annual Report 2021-22", x: 60, y: 30, page: number))
                lines.append(Self.line("OFFICIAL", x: 480, y: 30, page: number))
            }
            let openings = ["Leaders met often.", "Audits found gaps.", "Schools took part.", "Data improved.", "Training grew."]
            lines.append(Self.line(openings[number - 1], x: 60, y: 80, page: number))
            lines.append(Self.line("The partnership met \(number + 3) times.", x: 60, y: 400, page: number))
            lines.append(Self.line("Ravensholme report, section \(number)", x: 60, y: 790, page: number))
            lines.append(Self.line("Page \(number) of 5", x: 480, y: 790, page: number))
            return .init(lines: lines, height: 842)
        }
        let kept = RunningHeaderFilter().filter(pages).flatMap(\.lines).map(\.text)
        #expect(kept.count == 10)
        #expect(kept.filter { $0.hasSuffix(".") && !$0.hasPrefix("The partnership") }.count == 5)
        #expect(kept.filter { $0.hasPrefix("The partnership met") }.count == 5)
        #expect(!kept.contains { $0.contains("OFFICIAL") || $0.contains("RSCP") || $0.contains("Page") || $0.contains("section") })
    }

    @Test func keepsTheTopLineOfASinglePageAndAnyLineThatDoesNotRecur() {
        let page = RunningHeaderFilter.Page(lines: [
            Self.line("Independent Scrutiny Report", x: 60, y: 40),
            Self.line("A paragraph of the report.", x: 60, y: 300),
            Self.line("4", x: 290, y: 800),
        ], height: 842)
        let kept = RunningHeaderFilter().filter([page]).flatMap(\.lines).map(\.text)
        #expect(kept == ["Independent Scrutiny Report", "A paragraph of the report."])
    }

    // MARK: reading order

    @Test func readsTheLeftColumnBeforeTheRight() {
        var fragments = [Self.line("A title across the whole page width goes here", x: 60, y: 60, size: 16)]
        for row in 0..<8 {
            let y = 100 + Double(row) * 12
            fragments.append(Self.line("left column line number \(row) runs on", x: 60, y: y))
            fragments.append(Self.line("right column line number \(row) runs on", x: 320, y: y))
        }
        fragments.append(Self.line("A closing paragraph set across both of the columns below them", x: 60, y: 220))
        let order = PDFReadingOrder.lines(of: [fragments.shuffled()]).map(\.text)
        #expect(order.first == "A title across the whole page width goes here")
        #expect(Array(order[1...8]) == (0..<8).map { "left column line number \($0) runs on" })
        #expect(Array(order[9...16]) == (0..<8).map { "right column line number \($0) runs on" })
        #expect(order.last == "A closing paragraph set across both of the columns below them")
    }

    @Test func splitsTwoColumnsPopplerRanTogether() {
        let left = Self.line("the end of a left line", x: 60, y: 100)
        let right = Self.line("and a right one", x: 320, y: 100)
        let fragments = PDFLineBuilder.split(left.words + right.words, page: 1)
        #expect(fragments.map(\.text) == ["the end of a left line", "and a right one"])
    }

    @Test func keepsATableRowByRowOnASingleColumnPage() {
        var fragments: [PDFLine] = []
        for (row, cells) in [("Key Decision", "No"), ("Wards Affected", "All"), ("Report To", "Cabinet")].enumerated() {
            fragments.append(Self.line(cells.0, x: 60, y: 100 + Double(row) * 20))
            fragments.append(Self.line(cells.1, x: 300, y: 100 + Double(row) * 20))
        }
        fragments.append(Self.line("A paragraph under the table that runs the full width of the page.", x: 60, y: 170))
        let lines = PDFReadingOrder.lines(of: [fragments])
        #expect(lines.prefix(3).map { $0.cells.map(\.text) } == [["Key Decision", "No"], ["Wards Affected", "All"], ["Report To", "Cabinet"]])
        #expect(lines.last?.cells.isEmpty == true)
    }

    // MARK: blocks

    @Test func tellsHeadingsListsAndParagraphsFromTheirType() {
        let page = [
            Self.line("Annual Report", x: 60, y: 60, size: 20, bold: true),
            Self.line("2. Findings", x: 60, y: 100, size: 14, bold: true),
            Self.line("The partners agreed three priorities for the year, and the panel", x: 60, y: 130),
            Self.line("tested each of them.", x: 60, y: 142),
            Self.line("Recommendations", x: 60, y: 170, bold: true),
            Self.line("l The Executive should publish its plan.", x: 60, y: 190),
            Self.line("\u{F0B7} Partners should share data.", x: 60, y: 206),
            Self.line("(a) the front door;", x: 80, y: 222),
            Self.line("2.5 The panel met four times.", x: 60, y: 240),
        ]
        let blocks = PDFBlockAssembler(lines: PDFReadingOrder.lines(of: [page])).blocks()
        #expect(blocks.map(\.kind) == [.heading, .heading, .paragraph, .heading, .listItem, .listItem, .listItem, .listItem])
        #expect(blocks[0].level == 1)
        #expect(blocks[1].level == 2 && blocks[1].ordinal == "2" && blocks[1].text == "Findings")
        #expect(blocks[2].text == "The partners agreed three priorities for the year, and the panel tested each of them.")
        #expect(blocks[3].level == 3)
        #expect(blocks[4].marker == "\u{2022}" && blocks[4].text == "The Executive should publish its plan.")
        // Word's private-use bullet is the bullet it stands for (session 40; it was kept as U+F0B7).
        #expect(blocks[5].marker == "\u{2022}" && blocks[5].text == "Partners should share data.")
        #expect(blocks[6].marker == "(a)" && blocks[6].ordinal == "a" && blocks[6].depth == 1)
        #expect(blocks[7].ordinal == "2.5" && blocks[7].depth == 0)
        #expect(blocks.allSatisfy { $0.page == 1 })
    }

    // MARK: fixtures

    @Test func readsTypographyAsWritten() throws {
        let document = try Self.read(Self.fixture("typography.pdf"))
        let paragraph = try #require(document.blocks.first { $0.kind == .paragraph }).text
        #expect(paragraph.contains("the work of safeguarding, and"))
        #expect(paragraph.contains("the multi-agency arrangements"))
        #expect(paragraph.contains("its published plan; the final \"office\" review - a different, efficient and influential exercise with a baffling scope - found the scheme's paperwork"))
        #expect(paragraph.contains("the recommendations were accepted"))
        #expect(!paragraph.unicodeScalars.contains { $0.value >= 0xFB00 && $0.value <= 0xFB06 || $0 == "\u{2019}" || $0 == "\u{00AD}" })
        let items = document.blocks.filter { $0.kind == .listItem }
        #expect(items.map(\.marker) == ["\u{2022}", "\u{25AA}", "\u{25E6}", "\u{2023}", "-", "\u{2022}", "1.", "2.5", "(a)"])
        #expect(items.map(\.ordinal) == [nil, nil, nil, nil, nil, nil, "1", "2.5", "a"])
        #expect(items[5].text == "The sixth item, whose bullet lost its symbol font.")
        #expect(document.metadata.title == "Typography fixture")
        #expect(document.metadata.authors == ["scrutiny tests"])
        #expect(document.pageCount == 1)
    }

    @Test func refusesAnEncryptedFileWithoutItsPasswordAndOpensItWithIt() throws {
        let path = try Self.fixture("encrypted.pdf")
        let error = try #require(Self.readError(path))
        #expect(error == .encrypted(path: path, passwordGiven: false))
        #expect(error.errorDescription?.contains("--password") == true)
        #expect(Self.readError(path, password: "wrong") == .encrypted(path: path, passwordGiven: true))
        let document = try Self.read(path, password: "scrutiny")
        #expect(document.blocks.contains { $0.text.contains("safeguarding") })
        // Its bytes without a file behind them, as standard input gives them, open with the password
        // too (session 38's audit: "damaged or truncated (No such file or directory)").
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let piped = try DocumentReader(options: .init(password: "scrutiny")).read(bytes: bytes, path: StandardInput.path)
        #expect(piped.blocks.map(\.text) == document.blocks.map(\.text))
    }

    @Test func popplerSyntaxErrorsInADamagedFileAreReportedNotThrownAway() throws {
        // Six bytes flipped in a corpus PDF: poppler reads on past its syntax errors and some text
        // is lost. The errors it reports are counted and become a warning; the intact file has none.
        let original = Paths.documents.appendingPathComponent("ravensholme-scrutiny-report-2022.pdf")
        var bytes = [UInt8](try Data(contentsOf: original))
        var random = SplitMix64(seed: 3)
        for _ in 0..<6 { bytes[2000 + Int(random.next() % UInt64(bytes.count - 2100))] ^= 0x55 }
        let damaged = FileManager.default.temporaryDirectory.appendingPathComponent("damaged-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: damaged)
        defer { try? FileManager.default.removeItem(at: damaged) }
        let read = try Self.read(damaged.path)
        #expect(read.readErrors?.contains { $0.contains("syntax or I/O error") } == true, "\(read.readErrors ?? [])")
        #expect(try Self.read(original.path).readErrors == nil)
    }

    @Test func aPasswordIsTriedOnlyWhereTheFileNeedsOne() throws {
        // A PDF with only an owner password opens without one; a --password given for the other
        // files of a run must not stop it from opening.
        let path = try Self.fixture("owner-only.pdf")
        for password in [nil, "scrutiny", "anything"] as [String?] {
            let document = try Self.read(path, password: password)
            #expect(document.blocks.contains { $0.text.contains("safeguarding") }, "password \(password ?? "none")")
        }
    }

    @Test(arguments: ["truncated.pdf", "corrupt.pdf", "scan.pdf"])
    func reportsADamagedOrScannedFileInOneLine(name: String) throws {
        let path = try Self.fixture(name)
        let error = try #require(Self.readError(path))
        let message = try #require(error.errorDescription)
        #expect(message.contains(path))
        #expect(!message.contains("\n"))
        if name == "scan.pdf" {
            #expect(error == .noTextLayer(path: path))
            #expect(message.contains("ocrmypdf"))
        } else {
            guard case .corrupt = error else {
                Issue.record("\(name): expected a corrupt-file error, got \(error)")
                return
            }
        }
    }

    @Test func aBadFileDoesNotStopTheOthers() throws {
        let paths = try ["corrupt.pdf", "typography.pdf", "encrypted.pdf", "scan.pdf", "truncated.pdf"].map(Self.fixture)
        let results = paths.map { path in Result { try DocumentReader().read(path: path) } }
        #expect(results.map { (try? $0.get()) != nil } == [false, true, false, false, false])
    }

    // MARK: the corpus versions

    struct Version: Decodable {
        var version_of: String
        var running: [String]
        var columns: Int
    }

    static func versions() throws -> [String: Version] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try fixture("running-lines.json")))
        return try JSONDecoder().decode([String: Version].self, from: data)
    }

    static var versionNames: [String] { ((try? versions()) ?? [:]).keys.sorted() }

    static func words(_ document: Document) -> String {
        document.blocks.map { ($0.ordinal ?? "") + " " + $0.text }.joined(separator: "\n")
    }

    /// How many of `a`'s strings `b` holds in the same order (longest common subsequence).
    static func inOrder(_ a: [String], _ b: [String]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [0]
            for (index, y) in b.enumerated() {
                current.append(x == y ? previous[index] + 1 : max(previous[index + 1], current[index]))
            }
            previous = current
        }
        return previous.last ?? 0
    }

    @Test func everyCorpusPDFIsListedWithItsOriginal() throws {
        let versions = try Self.versions()
        #expect(versions.count >= 6)
        #expect(versions.values.contains { $0.columns == 2 })
        let manifest = try String(contentsOf: Paths.corpus.appendingPathComponent("manifest.csv"), encoding: .utf8)
        for (name, version) in versions {
            #expect(manifest.contains("\n" + name + ","), "\(name) is not in the manifest")
            #expect(manifest.split(separator: "\n").contains { $0.hasPrefix(name + ",") && $0.hasSuffix("," + version.version_of) })
        }
    }

    @Test(arguments: PDFReaderTests.versionNames)
    func corpusPDFReadsLikeItsOriginal(name: String) throws {
        let version = try #require(try Self.versions()[name])
        let pdf = try Self.read(Paths.documents.appendingPathComponent(name).path)
        let original = try Self.read(Paths.documents.appendingPathComponent(version.version_of).path)

        let overlap = TokenOverlap(extracted: Self.words(pdf), reference: Self.words(original))
        print("\(name): token F1 \(String(format: "%.4f", overlap.f1)) (precision \(String(format: "%.4f", overlap.precision)), recall \(String(format: "%.4f", overlap.recall)))")
        #expect(overlap.f1 >= 0.99)

        for block in pdf.blocks {
            for running in version.running {
                #expect(!block.text.contains(CharacterNormalizer.normalize(running)), "\(name): header or footer kept: \(block.text)")
            }
            #expect(block.text.range(of: #"Page \d+ of \d+"#, options: .regularExpression) == nil, "\(name): \(block.text)")
            #expect(!RunningHeaderFilter.isPageNumber(block.text), "\(name): page number kept: \(block.text)")
        }

        // The same blocks in the same order: headings, items and rows where the original has them.
        let texts = { (document: Document, kind: Block.Kind) in document.blocks.filter { $0.kind == kind }.map(\.text) }
        for kind in Block.Kind.allCases {
            let expected = texts(original, kind)
            let matched = Self.inOrder(expected, texts(pdf, kind))
            #expect(Double(matched) >= Double(expected.count) * 0.97, "\(name): \(matched) of \(expected.count) \(kind) blocks in order")
        }
        #expect(Self.inOrder(original.blocks.map(\.text), pdf.blocks.map(\.text)) * 100 >= original.blocks.count * 97)

        let pages = pdf.blocks.compactMap(\.page)
        #expect(pages.count == pdf.blocks.count && pages == pages.sorted())
        #expect((pdf.pageCount ?? 0) >= 2 && pages.last == pdf.pageCount)
        #expect(pdf.metadata.date == nil || pdf.metadata.date?.count == 7)
    }

    @Test(arguments: PDFReaderTests.versionNames)
    func corpusPDFHasTheRecommendationsOfItsOriginal(name: String) throws {
        let version = try #require(try Self.versions()[name])
        let rules = try ItemRules(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml"))
        let finder = RecommendationFinder(rules: rules)
        let items = { (path: String) throws in
            try finder.recommendations(in: Self.read(Paths.documents.appendingPathComponent(path).path))
                .map { "\($0.kind) \($0.text)" }.sorted()
        }
        let expected = try items(version.version_of)
        #expect(!expected.isEmpty)
        #expect(try items(name) == expected)
    }
}

@Suite struct PDFTableRowTests {
    @Test func aRowCutByAPageBreakIsJoined() throws {
        let top = Block.tableRow(["R3", "", "", "July 2024"], page: 5)
        let merged = try #require(PDFBlockAssembler.rowContinued(across: top, by: ["", "Review the missing response", "Executive", ""], page: 6))
        #expect(merged.cells == ["R3", "Review the missing response", "Executive", "July 2024"])
        #expect(merged.page == 5)
        // Rows on the same page, full rows and rows that overlap stay apart.
        #expect(PDFBlockAssembler.rowContinued(across: top, by: ["", "Text", "", ""], page: 5) == nil)
        #expect(PDFBlockAssembler.rowContinued(across: Block.tableRow(["R1", "A", "B", "C"], page: 5), by: ["R2", "D", "E", "F"], page: 6) == nil)
        #expect(PDFBlockAssembler.rowContinued(across: top, by: ["R4", "Text", "", "May"], page: 6) == nil)
    }

    // MARK: output intents (issue 20)

    @Test func renamesTheOutputIntentsKeyOnlyWhereItIsAKey() {
        let bytes = Array("<</Type/Catalog/OutputIntents[<</S/GTS_PDFA1>>]>> <</OutputIntents 12 0 R>> /OutputIntentsX (/OutputIntents)".utf8)
        let renamed = PDFReader.withoutOutputIntents(bytes)
        #expect(renamed.count == bytes.count)
        #expect(String(decoding: renamed, as: UTF8.self)
            == "<</Type/Catalog/OutputIntentz[<</S/GTS_PDFA1>>]>> <</OutputIntentz 12 0 R>> /OutputIntentsX (/OutputIntents)")
        let none = Array("<</Type/Catalog/Pages 2 0 R>>".utf8)
        #expect(PDFReader.withoutOutputIntents(none) == none)
        #expect(PDFReader.withoutOutputIntents(Array("/OutputIntents".utf8)) == Array("/OutputIntents".utf8))
    }

    /// Poppler gives the same text, character boxes and fonts for every page of a real PDF/A file
    /// whether its output intent is seen or not (the reader hides it: poppler's colour set-up for it
    /// costs most of its time and changes nothing text extraction uses).
    @Test func theOutputIntentChangesNothingPopplerGivesOfTheText() throws {
        let real = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/real")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: real.path)) ?? []
        let files = names.filter { $0.hasSuffix(".pdf") }.sorted().map { real.appendingPathComponent($0).path }
        var compared = 0
        for path in files where compared < 3 {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let renamed = PDFReader.withoutOutputIntents(bytes)
            guard renamed != bytes else { continue }
            compared += 1
            try PDFReader.withPoppler {
                let plain = try PopplerDocument(bytes: bytes, password: nil, path: path)
                let hidden = try PopplerDocument(bytes: renamed, password: nil, path: path)
                #expect(plain.pageCount == hidden.pageCount)
                for index in 0..<plain.pageCount {
                    let (left, right) = (plain.pageText(index), hidden.pageText(index))
                    #expect(left?.text == right?.text, "\(path) page \(index + 1)")
                    #expect(left?.boxes.map { [$0.x0, $0.y0, $0.x1, $0.y1] } == right?.boxes.map { [$0.x0, $0.y0, $0.x1, $0.y1] })
                    #expect(left?.styles.map { "\($0.range) \($0.fontName) \($0.fontSize)" } == right?.styles.map { "\($0.range) \($0.fontName) \($0.fontSize)" })
                }
            }
        }
        // Without ../shared/real (a clone on its own), nothing to compare; with it, three files at least.
        #expect(files.isEmpty || compared == 3)
    }
}

/// A paragraph a PDF carries over a page break is one block; each sentence in it is cited at the
/// page it begins on (until session 20, at the page the paragraph began on: 195 of 8,917 items of
/// the 48 real documents cited the page before).
@Suite struct PDFPageBreakTests {
    @Test func aPartOfABlockKeepsItsOwnPage() {
        var block = Block.paragraph("First page words. Second page words. Fourth page.", page: 2)
        block.range = TextRange(start: 100, end: 150)
        block.pageBreaks = [18, 37, 37]
        #expect(block.page(at: 0) == 2 && block.page(at: 17) == 2)
        #expect(block.page(at: 18) == 3 && block.page(at: 36) == 3)
        #expect(block.page(at: 37) == 5, "a page skipped between counts")
        let part = block.part(from: 18, to: 36)
        #expect(part.text == "Second page words.")
        #expect(part.page == 3 && part.pageBreaks == nil && part.range == TextRange(start: 118, end: 136))
        #expect(block.part(from: 0, to: 36).pageBreaks == [18])
    }

    @Test func aSentenceAfterAPageBreakIsCitedAtItsPage() throws {
        let real = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/real")
        let path = real.appendingPathComponent("bexley-ofsted-cqc-send-area-2024.pdf").path
        guard FileManager.default.fileExists(atPath: path) else { return }   // a clone without ../shared
        var document = try DocumentReader().read(path: path)
        // Typed as every run types it (its weak cues judge in an inspection's report: "support"
        // since session 28).
        document.metadata.documentType = "inspection-report"
        let finder = RecommendationFinder(rules: try ItemRules(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml")), narrative: true)
        let items = finder.recommendations(in: document)
        // The paragraph opens on page 2 ("Children and young people who are on the dynamic support
        // register …") and runs on to page 3, where these sentences stand.
        let opening = try #require(items.first { $0.text.hasPrefix("Children and young people who are on the dynamic support") })
        #expect(opening.page == 2)
        for start in ["Almost half of all schools in Bexley", "Schools also work effectively with the early intervention"] {
            let item = try #require(items.first { $0.text.hasPrefix(start) }, "\(start)")
            #expect(item.page == 3, "\(start)")
        }
        // Profiles' sentences read the same pages.
        let sentences = document.contextSentences()
        #expect(sentences.first { $0.text.hasPrefix("Almost half of all schools in Bexley") }?.page == 3)
    }
}

/// A report's head sets out labels and what they give in large type; none heads the sections
/// after it (until session 20, "Inspection dates: …" and "Lead inspector: …" stood in the section
/// path of every finding of two real reports).
@Suite struct HeadLabelTests {
    @Test(arguments: ["Inspection dates: 9 July 2018 to 20 July 2018", "Report published: 21 December 2017",
                      "Lead inspector: A Person Her Majesty's Inspector", "Date: 3 March 2022"])
    func aLabelWithItsDateOrPersonIsNoHeading(_ text: String) {
        #expect(HeadingHeuristics.isDatedLabel(text))
        #expect(!HeadingHeuristics.isTitle(text, bold: true))
    }

    @Test(arguments: ["Recommendation 3: Leadership", "Section 2: Activity in 2022-23", "Priorities for 2023: what we will do",
                      "What needs to improve", "Appendix A: Terms of reference"])
    func aSectionHeadingWithAColonStaysOne(_ text: String) {
        #expect(!HeadingHeuristics.isDatedLabel(text))
    }
}
