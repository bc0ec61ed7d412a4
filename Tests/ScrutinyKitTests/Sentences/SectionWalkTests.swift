import Testing
@testable import ScrutinyKit

/// The one walk through a document's blocks that the sentence stream and the item finder read:
/// headings above each block, contents pages, the lead-in of a list, table headers, pages.
@Suite struct SectionWalkTests {
    static func walk(_ blocks: [Block], contents: [String]? = nil) -> [Passage] {
        let document = Document(source: "memo.txt", sha256: "", format: .text, blocks: blocks)
        return Array(document.passages(contentsHeadings: contents.map(PhraseList.init)))
    }

    @Test func eachBlockStandsUnderTheHeadingsAboveIt() {
        let passages = Self.walk([
            .heading("Annual report", level: 1),
            .heading("Scrutiny", level: 2),
            .heading("Methods", level: 3),
            .paragraph("The scrutineer met the partners."),
            .heading("Finance", level: 2),
            .paragraph("Contributions rose."),
        ])
        #expect(passages.map(\.section) == [
            "", "Annual report", "Annual report › Scrutiny", "Annual report › Scrutiny › Methods",
            "Annual report › Scrutiny › Methods", "Annual report › Finance",
        ], "a heading stands where the walk met it: under the path it then changes")
        #expect(passages.compactMap(\.headingRole) == [.section, .section, .section, .section])
    }

    /// A footnote number a PDF sets after a heading's question mark is no part of the path
    /// ("What needs to improve?1"); numbers that belong to a heading stay.
    @Test func aFootnoteNumberAfterAQuestionMarkLeavesThePath() {
        let passages = Self.walk([.heading("What needs to improve?1", level: 2), .paragraph("Plans are weak."),
                                  .heading("Section 11 audits", level: 2), .paragraph("Audits are done."),
                                  .heading("Version 1.2", level: 2), .paragraph("Text.")])
        #expect(passages.map(\.section).filter { !$0.isEmpty } == ["What needs to improve?", "What needs to improve?", "Section 11 audits",
                                                                    "Section 11 audits", "Version 1.2"])
    }

    @Test func aContentsPageHeadsOnlyItsEntriesWhichNeverEnterThePath() {
        let blocks: [Block] = [
            .heading("Inspection report", level: 1),
            .heading("Contents", level: 2),
            .heading("Summary 3", level: 3),
            .paragraph("Appendix: people we met 12"),
            .heading("Recommendations 35", level: 3),
            .heading("Summary", level: 2),
            .paragraph("Leaders should act."),
        ]
        let passages = Self.walk(blocks, contents: ["contents", "table of contents"])
        #expect(passages.map(\.headingRole) == [.section, .contentsPage, .contentsEntry, nil, .contentsEntry, .section, nil])
        #expect(passages[2].section == "Inspection report › Contents")
        #expect(passages[3].section == "Inspection report › Contents", "an entry written as a paragraph stays under the page")
        #expect(passages[6].section == "Inspection report › Summary", "the first heading that is not an entry ends the page")
        // Without contents headings the page is a section like any other, and its entries too.
        let plain = Self.walk(blocks)
        #expect(plain.allSatisfy { $0.headingRole == nil || $0.headingRole == .section })
        #expect(plain[6].section == "Inspection report › Summary")
        #expect(plain[5].section == "Inspection report › Contents › Recommendations 35")
    }

    @Test func aLongHeadingThatOpensWithContentsIsASection() {
        let passages = Self.walk([
            .heading("Contents of the partnership's annual plan", level: 2),
            .heading("Priorities 2024", level: 3),
        ], contents: ["contents"])
        #expect(passages.map(\.headingRole) == [.section, .section])
        #expect(passages[1].section == "Contents of the partnership's annual plan")
    }

    @Test func aParagraphLeadInHeadsTheListUntilTheNextParagraph() {
        let passages = Self.walk([
            .paragraph("The review found much to praise. The partnership should:"),
            .listItem("publish its plan", marker: "1.", ordinal: "1"),
            .listItem("with dates", marker: "-", depth: 1),
            .listItem("fund the business unit", marker: "2.", ordinal: "2"),
            .paragraph("Contributions rose."),
            .listItem("a point of its own", marker: "-"),
        ])
        let leadIn = Passage.LeadIn(text: "The partnership should:", scope: ListScope(introducedBy: .paragraph("")))
        #expect(passages.map(\.leadIn) == [nil, leadIn, leadIn, leadIn, nil, nil])
    }

    @Test func anItemLeadInHeadsItsSubItemsOnly() {
        let passages = Self.walk([
            .listItem("The board should:", marker: "(a)", ordinal: "a"),
            .listItem("meet quarterly", marker: "-", depth: 1),
            .listItem("publish minutes", marker: "-", depth: 1),
            .listItem("Agree the budget", marker: "(b)", ordinal: "b"),
            .listItem("The chair should:", marker: "-", depth: 1),
            .listItem("report yearly", marker: "•", depth: 2),
            .listItem("Set a date", marker: "(c)", ordinal: "c"),
        ])
        let board = Passage.LeadIn(text: "The board should:", scope: ListScope(introducedBy: passages[0].block))
        let chair = Passage.LeadIn(text: "The chair should:", scope: ListScope(introducedBy: passages[4].block))
        #expect(board.scope == ListScope(introducedBy: .listItem("", marker: "(z)")) && chair.scope.depth == 1 && chair.scope.style == "-")
        #expect(passages.map(\.leadIn) == [nil, board, board, nil, nil, chair, nil],
                "a sibling with the same marker ends the list, and so does a shallower item")
    }

    @Test func aSectionHeadingEndsTheLeadInAContentsEntryDoesNot() {
        let passages = Self.walk([
            .heading("Contents", level: 1),
            .paragraph("The pages are:"),
            .heading("Findings 4", level: 2),
            .listItem("Findings", marker: "-"),
            .heading("Findings", level: 1),
            .listItem("Leaders know their services well.", marker: "-"),
        ], contents: ["contents"])
        #expect(passages[3].leadIn?.text == "The pages are:")
        #expect(passages[5].leadIn == nil)
    }

    @Test func tableRowsCarryTheirTablesFirstRow() {
        let passages = Self.walk([
            .paragraph("The plan sets out:"),
            .tableRow(["Recommendation", "Owner"]),
            .tableRow(["Publish the plan", "Chair"]),
            .paragraph("A second table follows."),
            .tableRow(["Area", "Progress"]),
            .tableRow(["Audit", "Done"]),
        ])
        #expect(passages.map(\.isTableHeader) == [false, true, false, false, true, false])
        #expect(passages[2].tableHeader == ["Recommendation", "Owner"])
        #expect(passages[2].leadIn?.text == "The plan sets out:")
        #expect(passages[5].tableHeader == ["Area", "Progress"])
        #expect(passages[5].leadIn == nil)
    }

    /// A table under a "Key judgement" header heads a section with each row's first cell, the
    /// headings after it one level down, until a heading above its level (session 40's reading
    /// audit: a single inspection's three judgement sections were all "… › Summary").
    @Test func aJudgementTableHeadsTheSectionsUnderIt() {
        let blocks: [Block] = [
            .heading("Inspection judgements about the local authority", level: 3),
            .tableRow(["Key judgement", "Judgement grade"]),
            .tableRow(["The experiences and progress of children who need help and protection", "Requires improvement"]),
            .heading("Summary", level: 4),
            .paragraph("Early help is well coordinated."),
            .tableRow(["Key judgement", "Judgement grade"]),
            .tableRow(["Leadership, management and governance", "Good"]),
            .heading("Summary", level: 4),
            .paragraph("Leaders know their services well."),
            .heading("The Local Safeguarding Children Board", level: 2),
            .paragraph("The board is good."),
        ]
        let document = Document(source: "sif.txt", sha256: "", format: .text, blocks: blocks)
        let passages = Array(document.passages(sectionTables: PhraseList(["key judgement"])))
        #expect(passages[4].headings == ["Inspection judgements about the local authority",
                                         "The experiences and progress of children who need help and protection", "Summary"])
        #expect(passages[8].headings == ["Inspection judgements about the local authority", "Leadership, management and governance", "Summary"])
        #expect(passages[10].headings == ["The Local Safeguarding Children Board"])
        // Without the rule, the table heads nothing.
        #expect(Self.walk(blocks)[4].headings == ["Inspection judgements about the local authority", "Summary"])
    }

    /// A table of one row, no header above it, whose first cell opens as a boxed judgement does,
    /// heads a section in the place of the last heading; the boxes after it are its peers and the
    /// headings under it go one level down. A longer table (a summary of grades) heads nothing.
    @Test func aBoxedJudgementHeadsASectionInPlaceOfAHeading() {
        let blocks: [Block] = [
            .heading("Summary for children and young people", level: 3),
            .paragraph("Children are safe."),
            .tableRow(["The experiences and progress of children who need help and protection", "Requires improvement"]),
            .paragraph("Further work is required."),
            .heading("Inspection findings", level: 4),
            .paragraph("Referrals are timely."),
            .tableRow(["Leadership, management and governance", "Good"]),
            .paragraph("Leaders know their services."),
            .heading("Information about this inspection", level: 2),
            .tableRow(["The experiences and progress of children who need help and protection", "Good"]),
            .tableRow(["Leadership, management and governance", "Good"]),
            .paragraph("The end."),
        ]
        let document = Document(source: "ilacs.txt", sha256: "", format: .text, blocks: blocks)
        let boxes = PhraseList(["the experiences and progress of", "leadership, management and governance"])
        let passages = Array(document.passages(sectionBoxes: boxes))
        #expect(passages[2].sectionLevel == 3)
        #expect(passages[3].headings == ["The experiences and progress of children who need help and protection"])
        #expect(passages[5].headings == ["The experiences and progress of children who need help and protection", "Inspection findings"])
        #expect(passages[7].headings == ["Leadership, management and governance"])
        #expect(passages[9].sectionLevel == nil && passages[10].sectionLevel == nil)
        #expect(passages[11].headings == ["Information about this inspection"])
        // Without the rule, the boxes head nothing.
        #expect(Self.walk(blocks)[3].headings == ["Summary for children and young people"])
    }

    @Test func aParagraphBrokenInMidSentenceIsOnePassageOnItsFirstPage() {
        let first = "The partnership has agreed a new approach to scrutiny, which the independent scrutineer"
        var blocks: [Block] = [
            .paragraph(first, page: 3),
            .paragraph("will lead from April with the three partners.", page: 4),
            .paragraph("A new paragraph starts here.", page: 4),
        ]
        var offset = 0
        for index in blocks.indices {
            blocks[index].range = TextRange(start: offset, end: offset + blocks[index].text.unicodeScalars.count)
            offset = blocks[index].range.end + 1
        }
        let passages = Self.walk(blocks)
        #expect(passages.count == 2)
        #expect(passages[0].blocks.count == 2 && passages[0].page == 3 && passages[0].start == 0)
        #expect(passages[0].text == first + " will lead from April with the three partners.")
        #expect(passages[1].page == 4 && passages[1].start == blocks[2].range.start)
    }

    /// A source cited in brackets after a quoted sentence ends its paragraph (seed 004's "…
    /// arrangements.' (Working Together 2018)" opened the next paragraph's sentence in the evidence
    /// of two indicators: session 40's audit); a bracket inside a sentence still runs on.
    @Test func aCitationInBracketsEndsItsParagraph() {
        #expect(!SectionWalk.breaksMidSentence("'The safeguarding partners should agree the level of funding secured from each partner.' (Working Together 2018)",
                                               next: "The Leadership Group have set a budget."))
        #expect(!SectionWalk.breaksMidSentence("The partners agreed their funding for the year and published it. (See the annex)", next: "The budget was set."))
        #expect(SectionWalk.breaksMidSentence("The partners agreed the funding. The panel met the scrutineer (and the chair) and the",
                                              next: "business manager in May."))
    }

    @Test func theHeadEndsAtTheFirstLongProse() {
        let long = String(repeating: "The partnership reviewed its arrangements. ", count: 5)
        let passages = Self.walk([
            .heading("Kestlebury Safeguarding Children Partnership", level: 1),
            .paragraph("Independent scrutiny report, May 2024"),
            .paragraph(long),
            .heading("Summary", level: 2),
        ])
        #expect(passages.map(\.inHead) == [true, true, false, false])
    }

    /// The sentence stream is the walk cut into sentences: each sentence has its passage's headings,
    /// lead-in and page.
    @Test func theSentenceStreamFollowsTheWalk() {
        let document = Document(source: "memo.txt", sha256: "", format: .text, blocks: [
            .heading("Contents", level: 1, page: 1),
            .heading("Findings 4", level: 2, page: 1),
            .heading("Findings", level: 1, page: 2),
            .paragraph("Inspectors found that leaders should:", page: 2),
            .listItem("act faster. Then report back.", marker: "-", page: 3),
        ])
        let contents = PhraseList(["contents"])
        let walk = Array(document.passages(contentsHeadings: contents))
        let sentences = document.contextSentences(contentsHeadings: contents)
        #expect(sentences.map(\.text).prefix(2) == ["Contents", "Findings 4"])
        #expect(sentences[1].section == "Contents", "an entry stands under its page")
        #expect(sentences.suffix(3).map(\.section) == ["Findings", "Findings", "Findings"])
        #expect(sentences.suffix(2).allSatisfy { $0.leadIn == walk[4].leadIn?.text && $0.page == 3 })
    }
}
