import Foundation
import Testing
@testable import ScrutinyKit

@Suite struct ReadingTests {
    func blocks(_ text: String) -> [Block] { PlainTextReader().blocks(from: text) }

    /// The text `extract` prints reads back without its `==> FILE <==` line (it named the
    /// document's partnership), and with a numbered heading's number as its ordinal.
    @Test func extractsHeaderLineIsNotTextAndItsNumberedHeadingsKeepTheirNumber() {
        let read = blocks("==> /reports/a-partnership.pdf <==\n# Annual report\n\n#### 2. Children looked after\n\nText.\n")
        #expect(read.map(\.text) == ["Annual report", "Children looked after", "Text."])
        #expect(read[1].ordinal == "2")
        #expect(blocks("Text.\n==> not a header <==\n").map(\.text).joined(separator: " ").contains("==>"))
        let heading = Block.heading("Children looked after", level: 4, ordinal: "2")
        #expect(DocumentText.line(for: heading) == "#### 2. Children looked after")
        #expect(blocks(DocumentText.line(for: heading)).first?.ordinal == "2")
        #expect(DocumentText.line(for: .heading("Adoption", level: 4, ordinal: "2.1")) == "#### 2.1 Adoption")
    }

    // MARK: characters and encodings

    @Test func emphasisIsStrippedFromBytesAsFromCharacters() {
        var generator = SplitMix64(seed: 351)
        let pieces = ["*", "_", "**", "__", " ", "a", "1", "\t", "x.", "[a](b)", "-"]
        var lines = ["*word*", "a * b", "**bold** and _it_", "snake_case_name", "***", "_a_b_", "* bullet"]
        for _ in 0..<1000 {
            lines.append((0..<Int.random(in: 0...9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for line in lines {
            #expect(InlineMarkup.stripMarkdown(line) + " \u{E9}" == InlineMarkup.stripMarkdown(line + " \u{E9}"), "\(line.debugDescription)")
        }
        #expect(InlineMarkup.stripMarkdown("**Key** *strengths* of __the__ _board_") == "Key strengths of the board")
    }

    /// A backslash escape is the character itself, never emphasis (session 42's audit: "\\*audit\\*"
    /// read "\\audit\\"); a backslash before anything else stays.
    @Test(arguments: [
        ("review its \\*audit\\* programme", "review its *audit* programme"),
        ("\\_x\\_ and **bold** and \\[not a link\\](x)", "_x_ and bold and [not a link](x)"),
        ("C:\\reports and C:\\\\share", "C:\\reports and C:\\share"),
        ("ends with a backslash \\", "ends with a backslash \\"),
    ])
    func backslashEscapesAreTheirCharacters(line: String, expected: String) {
        #expect(InlineMarkup.stripMarkdown(line) == expected)
    }

    @Test func normalisesQuotesDashesLigaturesAndSpaces() {
        let text = CharacterNormalizer.normalize("\u{201C}Multi\u{2010}agency\u{201D} \u{2013} the partner\u{2019}s \u{FB01}nal o\u{FB03}ce\u{00A0}plan\u{2026}")
        #expect(text == "\"Multi-agency\" - the partner's final office plan...")
    }

    /// Read from the bytes, every scalar of every length that is not cleaned up passes through
    /// unchanged, carriage returns become line ends, back-quotes become quotes and invisible characters vanish.
    @Test func normalisingLeavesOtherScalarsOfEveryLengthAsTheyAre() {
        #expect(CharacterNormalizer.normalize("caf\u{E9} \u{20AC}5 \u{1F600} \u{4E2D}\r\nnext") == "caf\u{E9} \u{20AC}5 \u{1F600} \u{4E2D}\nnext")
        #expect(CharacterNormalizer.normalize("`quoted\u{00B4} a\u{00AD}b\u{200B}c\u{FEFF}") == "'quoted' abc")
        #expect(CharacterNormalizer.normalize("e\u{301}\u{2003}\u{FB06}\u{2212}1") == "e\u{301} st-1")
        // A lone carriage return ends a line, as in an old Mac file (session 38's audit: "must\rensure"
        // read "mustensure"); other control characters are no text (an escape sequence could clear
        // the terminal a table is printed on).
        #expect(CharacterNormalizer.normalize("plain\r") == "plain\n")
        #expect(CharacterNormalizer.normalize("Leaders must\rensure it.\r\rNext\u{0C}page") == "Leaders must\nensure it.\n\nNext\npage")
        #expect(CharacterNormalizer.normalize("act \u{1B}[2J now\u{07}\u{7F}.") == "act [2J now.")
        #expect(CharacterNormalizer.normalize("") == "")
    }

    @Test(arguments: [
        ("Key Decision \u{039D}\u{03BF}", "Key Decision No"),          // Greek Nu + omicron
        ("the \u{0435}arly help \u{043E}ffer", "the early help offer"), // Cyrillic e and o inside Latin words
        ("\u{039D}o", "No"),                                           // mixed Greek and Latin
        ("\u{03B1}\u{03B2}\u{03B3}", "\u{03B1}\u{03B2}\u{03B3}"),      // real Greek stays Greek
    ])
    func makesLookalikeLettersLatin(input: String, expected: String) {
        #expect(CharacterNormalizer.normalize(input) == expected)
    }

    /// C1 controls are Windows-1252 read as Latin-1 (or a page's "&#x93;"), the line and paragraph
    /// separators end lines, and marks of direction go (session 42's audit: U+0093 stood in items'
    /// text, a page of U+2029 was one paragraph, U+202E showed a sentence reversed).
    @Test(arguments: [
        ("The board\u{0092}s \u{0093}plan\u{0094} \u{0096} due\u{0085}", "The board's \"plan\" - due..."),
        ("one\u{2028}two\u{2029}three", "one\ntwo\nthree"),
        ("an \u{202E}override\u{202C} and \u{2067}isolate\u{2069}\u{200F}", "an override and isolate"),
        ("undefined\u{0081}\u{008D}\u{008F}\u{0090}\u{009D} bytes \u{0080}5", "undefined bytes \u{20AC}5"),
        // The joiner between emoji stays; between letters it goes.
        ("family \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467} and flag \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}", "family \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467} and flag \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}"),
        ("multi\u{200D}agency \u{200D}\u{1F469}", "multiagency \u{1F469}"),
        // A base letter and its combining mark are one character.
        ("Gro\u{0308}nland and cafe\u{0301} society", "Gr\u{00F6}nland and caf\u{00E9} society"),
        // Footnote references in superscript go, whichever digits they are.
        ("children\u{00B9}\u{2070} and regulations\u{2076}, 2021\u{2078} (LSCPs)\u{00B2}", "children and regulations, 2021 (LSCPs)"),
    ])
    func controlCharactersBeyondASCIIAreReadOrDropped(input: String, expected: String) {
        #expect(CharacterNormalizer.normalize(input) == expected)
    }

    @Test func decodesBOMUTF16AndWindows1252() throws {
        let bom = TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Hi".utf8))
        #expect(bom?.text == "Hi")
        let cp1252 = TextDecoding.decode([0x93, 0x4E, 0x6F, 0x94, 0x20, 0x96, 0x20, 0xA3, 0x35])
        #expect(cp1252?.text == "\u{201C}No\u{201D} \u{2013} \u{00A3}5")
        #expect(cp1252?.encoding == .windows1252)
        let utf16 = TextDecoding.decode([0xFF, 0xFE, 0x4F, 0x00, 0x6B, 0x00])
        #expect(utf16?.text == "Ok")
        #expect(TextDecoding.decode([0x25, 0x00, 0x01, 0x02]) == nil)
    }

    // MARK: markers

    @Test(arguments: [
        ("- The Executive should", "-", nil as String?, "The Executive should"),
        ("• Strength", "\u{2022}", nil, "Strength"),
        ("\u{25AA} Strength", "\u{25AA}", nil, "Strength"),
        ("2.5 However, the following", "2.5", "2.5", "However, the following"),
        ("1. That Cabinet note", "1.", "1", "That Cabinet note"),
        ("1.That Cabinet note", "1.", "1", "That Cabinet note"),
        ("3) Review the offer", "3)", "3", "Review the offer"),
        ("(a) the front door", "(a)", "a", "the front door"),
        ("(1) That the report be noted.", "(1)", "1", "That the report be noted."),
        ("(12)  That the plan be approved.", "(12)", "12", "That the plan be approved."),
        ("b) the front door", "b)", "b", "the front door"),
        ("iv) fourth", "iv)", "iv", "fourth"),
        ("1.** Leadership Forum to consider", "1.", "1", "Leadership Forum to consider"),
        ("- 1.** Leadership Forum to consider", "1.", "1", "Leadership Forum to consider"),
        ("- 2.3 The JTAI found", "2.3", "2.3", "The JTAI found"),
        ("II. Process", "II.", "ii", "Process"),
    ])
    func parsesMarkers(line: String, marker: String, ordinal: String?, rest: String) throws {
        let parsed = try #require(ListMarker.parse(Substring(line)))
        #expect(parsed.marker == marker)
        #expect(parsed.ordinal == ordinal)
        #expect(String(parsed.rest) == rest)
    }

    @Test(arguments: ["2022 was a year", "9 reviews were held", "-5 degrees", "12.5% of children", "A. Smith wrote", "e.g. this",
                   "(2019) found that", "(1)", "(1)x", "(a1) text"])
    func leavesOrdinaryTextAlone(line: String) {
        #expect(ListMarker.parse(Substring(line)) == nil)
    }

    // MARK: blocks

    /// A title line found by its look sits one level under the Markdown heading before it, so it
    /// does not close that heading's section (the text `extract` prints of a 2015 single
    /// inspection: "Leadership, management and governance" between "### What does the local
    /// authority need to improve?" and its numbered list was read at level 3, and the list lost its
    /// cue). Under a level-1 or level-2 heading, or without Markdown headings, a title line keeps
    /// level 3 (2 in capitals), as the other readers give it.
    @Test func aTitleLineNestsUnderTheMarkdownHeadingBeforeIt() {
        let result = blocks("""
            # Report

            ### What needs to improve?

            #### Priority action

            Leadership and governance

            1. Provide stability in the senior leadership team.

            Partnership

            2. Ensure that partner agencies fulfil their duties.
            """)
        #expect(result.map(\.kind) == [.heading, .heading, .heading, .heading, .listItem, .heading, .listItem])
        #expect(result.filter { $0.kind == .heading }.map(\.level) == [1, 3, 4, 5, 5])
        let plain = blocks("Report\n\nSome opening words of the report, as a paragraph.\n\nLeadership and governance\n\nMore words of the report follow here.")
        #expect(plain.filter { $0.kind == .heading }.map(\.level) == [1, 3])
        let shallow = blocks("# Report\n\nSome opening words of the report, as a paragraph.\n\nLeadership and governance\n\nMore words of the report follow here.")
        #expect(shallow.filter { $0.kind == .heading }.map(\.level) == [1, 3])
    }

    /// A council paper's status and meeting lines are no headings (session 21's audit: "Decision
    /// status: Recommendations approved" stood as a heading of recommendations over the minutes
    /// after it).
    @Test func statusLinesAreNoHeadings() {
        let result = blocks("""
            # Annual report of the board

            Decision status: Recommendations approved

            Meeting: 10/11/2025

            The board was asked to consider the report and to comment on its findings for the year.
            """)
        #expect(result.map(\.kind) == [.heading, .paragraph, .paragraph, .paragraph])
        let titled = blocks("Recommendations\n\nThe partnership should publish its plan.")
        #expect(titled.first?.kind == .heading)
    }

    /// Word's second-level bullet, a Courier "o", is a list marker as text keeps it ("o  the good
    /// use of data;" in a council's minutes); a word that begins with "o" is not.
    @Test func aCourierOIsABullet() {
        let result = blocks("The chair said that progress was due to:\n\no  effective partnership working;\n\no  the good use of data.\n\non the other hand, nothing else.")
        #expect(result.filter { $0.kind == .listItem }.map(\.marker) == ["o", "o"])
        #expect(result.filter { $0.kind == .listItem }.map(\.text) == ["effective partnership working;", "the good use of data."])
    }

    @Test func readsMarkdownHeadingsBulletsAndLostMarkers() {
        let result = blocks("""
            # Report

            #### **Recommendations**

            - First item should be done.
            - Second item
              continues on a new line.

             Third item lost its marker in conversion.

            ### Next
            * star item
            """)
        #expect(result.map(\.kind) == [.heading, .heading, .listItem, .listItem, .listItem, .heading, .listItem])
        #expect(result[1].text == "Recommendations")
        #expect(result[1].level == 4)
        #expect(result[3].text == "Second item continues on a new line.")
        #expect(result[4].marker == "")
        #expect(result[4].depth == 0)
        #expect(result[4].text == "Third item lost its marker in conversion.")
        #expect(result[6].marker == "*")
    }

    @Test func recoversMarkerlessItemsAfterALeadIn() {
        let result = blocks("""
            Inspectors identified the following areas for improvement:
            The timeliness of strategy discussions.
            The quality of return home interviews for children missing from home.
            Management oversight of early help assessments.

            Closing paragraph.
            """)
        #expect(result.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .paragraph])
        #expect(result[2].text == "The quality of return home interviews for children missing from home.")
    }

    /// Lines standing alone between blank lines after a lead-in are the entries of a list whose
    /// markers were lost (a news page copied as text), not titles, when they have six words or
    /// more; a shorter line there ("Areas for improvement") is still a title, and so is a line of
    /// six words after the run has ended (session 27's audit: every entry but the longest had
    /// become a heading, and the list its lead-in announced was lost).
    @Test func linesStandingAloneAfterALeadInAreEntriesNotTitles() {
        let result = blocks("""
            The review's recommendations include:

            Giving victims and their families quicker access to therapeutic support

            A single telephone line for drivers and hotel staff to report concerns about a child at risk

            Raising awareness in schools and colleges in an age appropriate way

            The chair thanked everyone who gave evidence.

            Areas for improvement

            Raising awareness in schools and colleges
            """)
        #expect(result.map(\.kind) == [.paragraph, .paragraph, .paragraph, .paragraph, .paragraph, .heading, .heading])
        #expect(result[1].text == "Giving victims and their families quicker access to therapeutic support")
    }

    /// Markerless items that end in semicolons end their list at the one with a full stop: the
    /// page's next paragraph, with no blank line between, is a paragraph (a partnership's audit
    /// page as a web page gives it; session 25's blind audit read two paragraphs as recommendations).
    @Test func aSemicolonListEndsAtItsFullStop() {
        let result = blocks("""
            The audit made these recommendations:
            Health to attend every strategy meeting about sexual abuse;
            Plans made after a strategy meeting to be shared with every agency; and
            The partnership to publish its protocol.
            A multi-agency audit was undertaken to test how well the pathway works for children.
            """)
        #expect(result.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .paragraph])
    }

    /// A list that keeps its markers ends at the first line without one: a news page set out
    /// without blank lines goes on with its article after the list, and those paragraphs are no
    /// entries whose markers were lost (session 28: a blind audit's page of an inspection's news
    /// had its next two paragraphs read as areas for improvement). Lines without markers right
    /// after the lead-in still are entries.
    @Test func aMarkedListEndsAtTheFirstLineWithoutAMarker() {
        let result = blocks("""
            Two areas in particular require improvement:
            - The timeliness of assessments for disabled children
            - Help for care leavers to find somewhere to live.
            While leaders were praised for their grip, the report said more was needed.
            The council said it welcomed the findings.
            Recommendations for the year ahead:
            Partners to agree a shared dataset by March
            Schools to be represented on the executive
            """)
        #expect(result.map(\.kind) == [.paragraph, .listItem, .listItem, .paragraph, .paragraph, .paragraph, .listItem, .listItem])
        #expect(result[3].text.hasPrefix("While leaders"))
    }

    /// A title that a lead-in's colon made its first entry, with marked entries after it, heads
    /// them (a yearly report's page copied as text: "… the year's work on our priorities:", then
    /// "Summary of achievements" and its bullets; session 33's blind set read the title as an
    /// entry, and the list it announces as nobody's). Unmarked entries after a lead-in stay entries.
    @Test func aTitleBeforeAMarkedListAfterALeadInHeadsIt() {
        let result = blocks("""
            This report sets out the year's work on our priorities:
            Summary of achievements
            - More professionals attended multi-agency training than last year.
            - Learning from reviews is now part of every training course.
            """)
        #expect(result.map(\.kind) == [.paragraph, .heading, .listItem, .listItem])
        #expect(result[1].text == "Summary of achievements")
        let unmarked = blocks("""
            Recommendations for the year ahead:
            Partners to agree a shared dataset
            Schools to be represented on the executive
            """)
        #expect(unmarked.map(\.kind) == [.paragraph, .listItem, .listItem])
        let items = RecommendationFinder(rules: RecommendationsTests.rules)
            .recommendations(in: Document(source: "page.txt", sha256: "abcdef0123456789", format: .text, blocks: result))
        #expect(items.map(\.kind) == [.strength, .strength], "\(items)")
    }

    /// A short numbered line standing alone is an entry, not a numbered title, in a numbered list
    /// that a lead-in's colon began (session 28: "2) The timeliness of assessments for autism"
    /// became a heading "2" between its list's first and third entries). A line in capitals
    /// after the list, and a numbered line after a paragraph, are still titles.
    @Test func numberedLinesAfterALeadInAreEntries() {
        let result = blocks("""
            The report highlighted three areas of significant weakness. These weaknesses were:

            1) The quality of education, health and care plans

            2) The timeliness of assessments for autism

            3) Joint commissioning with the health service

            4) REASONS FOR THE DECISION

            The council has written a statement of action.

            5) Next steps
            """)
        #expect(result.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .heading, .paragraph, .heading])
        #expect(result[2].text == "The timeliness of assessments for autism")
    }

    @Test func longTableRowsDoNotHideTheWrapColumn() {
        let prose = (0..<10).map { _ in "The partnership asked the scrutineer to look at leadership and at the\nfront door this year." }
        let table = (0..<6).map { "R\($0)\tA recommendation long enough to run well past the wrap column of the prose around it\tThe executive\tJune 2024" }
        let text = prose.joined(separator: "\n\n") + "\n\n1.2 The report is addressed to the three lead representatives: the Chief\nExecutive of the council and the Chief Constable.\n\n" + table.joined(separator: "\n")
        let result = blocks(text)
        #expect(result.contains { $0.text == "The report is addressed to the three lead representatives: the Chief Executive of the council and the Chief Constable." })
        #expect(result.filter { $0.kind == .tableRow }.count == 6)
    }

    /// A list copied out of Word: each marker, a tab, then the text. Until session 19 each line was
    /// a table row of two cells, so no item under "Recommendations" was found.
    @Test func aMarkerThenATabIsAListItemNotATableRow() {
        let result = blocks("Recommendations\n\n1.\tThe partnership should review its funding formula.\n2.\tThe executive should publish a plan.\n\n"
            + "\u{2022}\tLeaders should audit neglect cases.\n\u{F0B7}\tPartners should share data monthly.\n\n"
            + "1.\tSafeguarding\tGood\nR2\tThe executive\tJune 2024\n")
        let items = result.filter { $0.kind == .listItem }
        #expect(items.map(\.text) == ["The partnership should review its funding formula.", "The executive should publish a plan.",
                                       "Leaders should audit neglect cases.", "Partners should share data monthly."])
        #expect(items.map(\.ordinal) == ["1", "2", nil, nil])
        // Three cells, or a label that is no marker, stay a table.
        #expect(result.filter { $0.kind == .tableRow }.map(\.cells) == [["1.", "Safeguarding", "Good"], ["R2", "The executive", "June 2024"]])
    }

    @Test func readsTabTablesHTMLFragmentsAndCRLF() {
        let result = blocks("Report to:\tCabinet\r\nKey Decision\t\u{039D}\u{03BF}\r\n\r\n<p>First paragraph.</p> <p>Second with 2<sup>nd</sup> and <u>underline</u> &amp; more.</p>\t\r\n")
        #expect(result.map(\.kind) == [.tableRow, .tableRow, .paragraph, .paragraph])
        #expect(result[1].cells == ["Key Decision", "No"])
        #expect(result[3].text == "Second with 2nd and underline & more.")
        #expect(!result.contains { $0.text.contains("\r") })
    }

    @Test func tellsNumberedHeadingsFromNumberedRecommendations() {
        let result = blocks("""
            1. INTRODUCTION

            1.1 The partnership was formed in 2019.

            2.7 Next Steps

            3) Review the threshold document

            5. **Conclusions**
            """)
        #expect(result.map(\.kind) == [.heading, .listItem, .heading, .listItem, .heading])
        #expect(result[0].ordinal == "1")
        #expect(result[2].level == 3)
        #expect(result[4].text == "Conclusions")
    }

    // MARK: the seeds

    func seed(_ prefix: String) throws -> Document {
        try DocumentReader().read(path: Paths.seed(prefix))
    }

    @Test(.enabled(if: Paths.seedsExist)) func seedScrutineerReportKeepsItsRecommendationList() throws {
        let document = try seed("000")
        let headings = document.blocks.filter { $0.kind == .heading }.map(\.text)
        #expect(headings.contains("Recommendations"))
        #expect(headings.contains("PAQA (proposed to become a 2nd Tier operational leadership group)"))
        let start = try #require(document.blocks.firstIndex { $0.text == "MASH" && $0.kind == .heading })
        let end = try #require(document.blocks.firstIndex { $0.text == "Conclusion" })
        let items = document.blocks[start..<end].filter { $0.kind == .listItem }
        #expect(items.count == 16)
        #expect(items.filter { $0.marker == "" }.count == 2)
        #expect(items.allSatisfy { $0.depth == 0 })
        #expect(document.metadata.title == "Independent Scrutineer (IS) 6 Month Report")
    }

    @Test(.enabled(if: Paths.seedsExist)) func seedCabinetReportKeepsNumberingAndLists() throws {
        let document = try seed("001")
        let decision = try #require(document.blocks.first { $0.cells?.first == "Key Decision" })
        #expect(decision.cells?.last == "No")
        let procedural = document.blocks.filter { $0.kind == .listItem && $0.text.hasPrefix("That ") }
        #expect(procedural.map(\.ordinal) == ["1", "2"])
        let commended = try #require(document.blocks.firstIndex { $0.ordinal == "2.4" })
        let strengths = document.blocks[(commended + 1)...].prefix { $0.ordinal == nil && $0.kind == .listItem }
        #expect(strengths.count == 7)
        #expect(strengths.allSatisfy { $0.depth == 1 })
        #expect(document.blocks.contains { $0.kind == .heading && $0.text == "INTRODUCTION" && $0.ordinal == "1" })
    }

    @Test(.enabled(if: Paths.seedsExist)) func seedInterimReportSplitsHTMLParagraphsAndRejoinsPageBreaks() throws {
        let document = try seed("002")
        #expect(document.blocks.contains { $0.text.hasPrefix("The report gives an update") && $0.kind == .paragraph })
        #expect(!document.text.contains("<p>"))
        #expect(document.blocks.contains { $0.text.contains("commitment to go beyond transition") })
        #expect(document.blocks.contains { $0.kind == .heading && $0.text == "Conclusions" && $0.ordinal == "5" })
    }

    @Test(.enabled(if: Paths.seedsExist)) func seedReviewNumbersItsFinalRecommendations() throws {
        let document = try seed("004")
        let heading = try #require(document.blocks.lastIndex { $0.kind == .heading && $0.text == "Recommendations" })
        let items = document.blocks[heading...].filter { $0.kind == .listItem }.prefix(5)
        #expect(items.map(\.ordinal) == ["1", "2", "3", "4", "5"])
        #expect(items.last?.text.hasPrefix("Develop two-way communication") == true)
        #expect(!document.text.contains("**"))
    }

    // MARK: the corpus

    @Test func everyCorpusDocumentReadsIntoStructuredBlocks() throws {
        let files = Paths.corpusDocuments()
        #expect(files.count >= 16)
        for file in files {
            let document = try DocumentReader().read(path: file)
            let kinds = Set(document.blocks.map(\.kind))
            #expect(kinds.contains(.heading), "\(file) has no heading")
            #expect(kinds.contains(.listItem), "\(file) has no list item")
            #expect(!document.text.contains("\r"), "\(file) kept a carriage return")
            #expect(!document.text.contains("\u{FEFF}"), "\(file) kept a byte-order mark")
            #expect(!document.text.contains("**"), "\(file) kept bold markers")
            #expect(!document.text.contains("<p>") && !document.text.contains("<sup>"), "\(file) kept HTML")
            #expect(!document.text.contains("\u{201C}") && !document.text.contains("\u{2013}"), "\(file) kept curly quotes or dashes")
        }
    }
}
