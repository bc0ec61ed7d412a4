import Foundation
import Testing
@testable import ScrutinyKit

/// A research report's head: its title, the authors and a year standing alone, then a statement
/// of purpose in prose. Until session 20 the national survey's title was its statement of
/// purpose ("This report provides …", for the word "report") and its date a month of its
/// fieldwork in the body.
@Suite struct TitleAndDateTests {
    static let detector = MetadataDetector(rules: try! MetadataRules(contentsOf: Paths.root.appendingPathComponent("lexicons/documents.yml")))

    @Test func aTitleIsNoSentenceAndABylinesYearDatesTheReport() {
        let text = """
            # Scrutiny Arrangements of Safeguarding Partnerships

            Author, A., Writer, B., and Scribe, C.

            (2022)

            This is a small piece of work with limited funding. It was commissioned by a national programme, and a research centre led the research with a research assistant.

            ## Statement of purpose

            This report provides an account of the scrutiny arrangements of partnerships across England.

            ## Method

            In October 2021 we started an online survey of partnerships.
            """
        let document = Document(source: "survey.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        let metadata = Self.detector.detect(document)
        #expect(metadata.title == "Scrutiny Arrangements of Safeguarding Partnerships")
        #expect(metadata.date == "2022")
        // The byline written as a citation's authors.
        #expect(metadata.authors == ["A. Author", "B. Writer", "C. Scribe"])
    }

    /// A deadline in a short report's recommendations ("publish it by March 2024") is no date of
    /// the report, even where the head runs into them: the title's year dates it, and so its era
    /// (session 37's third audit: a 2021 report was dated March 2024 and coded as wt2023).
    @Test func aDeadlineInARecommendationDatesNothing() {
        let text = """
            # Foxley Safeguarding Children Partnership: independent scrutiny report 2021

            ## Recommendations

            1. Partners should review the escalation policy and publish it by March 2024.
            """
        let document = Document(source: "foxley.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        #expect(Self.detector.detect(document).date == "2021")
    }

    /// A title or author that the file's properties give but its text never shows is the file's
    /// ("Devon - draft report", the name of whoever made the PDF), and gives way to what the text
    /// says; a heading that reads like a title wins over a label line above it ("Local area
    /// partnership report" over "Area SEND inspection of …"). Session 28's user audit.
    @Test func theTextDecidesATitleOrAuthorItNeverShows() {
        // As the PDF reader gives a SEND report's first page: the label a paragraph, then the heading.
        let blocks: [Block] = [.paragraph("Local area partnership report"),
                               .heading("Area SEND inspection of Eastmoor Local Area Partnership", level: 1),
                               .paragraph("The local area partnership should improve its joint commissioning."),
                               .paragraph("Yours sincerely"), .paragraph("Jane Inspector")]
        var document = Document(source: "send.pdf", sha256: "x", format: .pdf, blocks: blocks)
        document.metadata.title = "Eastmoor - draft report"
        document.metadata.authors = ["Pat Publisher", "Jane Inspector"]
        let filled = Self.detector.filled(document)
        #expect(filled.metadata.title == "Area SEND inspection of Eastmoor Local Area Partnership")
        #expect(filled.metadata.authors == ["Jane Inspector"])
        // Where the text names its authors, the file's author shown in the text does not stand for
        // them (session 44's audit: a PDF's "Brindlecombe Safeguarding Children Partnership").
        var named = Document(source: "r.pdf", sha256: "y", format: .pdf,
                             blocks: [.heading("Eastmoor Safeguarding Children Partnership review", level: 1), .paragraph("Report author: Jane Roe"),
                                      .paragraph("Eastmoor Safeguarding Children Partnership should publish its plan.")])
        named.metadata.authors = ["Eastmoor Safeguarding Children Partnership"]
        #expect(Self.detector.filled(named).metadata.authors == ["Jane Roe"])
        // A title the text shows stays.
        document.metadata.title = "Local area partnership report"
        #expect(Self.detector.filled(document).metadata.title == "Local area partnership report")
    }

    /// The dates council papers and partnership pages carry in their head, in the forms real ones
    /// use (a fresh-text audit in session 21: pages dated by a year mentioned in passing, or not at
    /// all, so their era was unknown). A reporting year gives its end; a span its end; a date in
    /// figures is read day first.
    @Test(arguments: [
        ("Children and Families Scrutiny Committee November 26th 2020", "2020-11"),
        ("Meeting: 10/11/2025", "2025-11"),
        ("Date: Monday, 05th Feb 2024", "2024-02"),
        ("Safeguarding Children Partnership Annual Report 2024/25", "2025"),
        ("Independent Scrutineer's Report 24-25", "2025"),
        ("Yearly report 2023 to 2024", "2024"),
        ("The period covering 1st April 2024 to 31st March 2025", "2025-03"),
        ("Contents, pages 24-25", nil),
        ("Staffordshire Multi-Agency Safeguarding Arrangements 2024", "2024"),
        ("Working Together 2023: what changes", nil),
        // Not a date in figures (no "2024-12"): the title's one year.
        ("Agenda item 12/2024", "2024"),
    ] as [(String, String?)])
    func aHeadsDateInTheFormsPapersUse(head: String, date: String?) {
        let text = "# \(head)\n\nThe partnership has met four times this year, and its subgroups have met every month to carry forward the work of the plan agreed by its partners."
        let document = Document(source: "paper.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        #expect(Self.detector.detect(document).date == date)
    }

    /// A title cut over two lines is not run on into the date line under it ("… in Orrin Valley 9
    /// March 2023" once the date was no heading).
    @Test func aTitleDoesNotRunOnIntoItsDateline() {
        let text = """
            Joint targeted area inspection of the multi-agency response to children at
            risk of exploitation in Orrin Valley

            9 March 2023

            The partnership has met four times this year, and its subgroups have met every month to carry forward the work of the plan.
            """
        let document = Document(source: "letter.txt", sha256: "x", format: .text, blocks: PlainTextReader().blocks(from: text))
        let metadata = Self.detector.detect(document)
        #expect(metadata.title == "Joint targeted area inspection of the multi-agency response to children at risk of exploitation in Orrin Valley")
        #expect(metadata.date == "2023-03")
    }

    /// A saved web page's furniture above its heading is no title (session 30's blind audit:
    /// "Skip to content", "Embed Size (px)").
    @Test(arguments: ["Skip to content", "Embed Size (px)"])
    func aWebPagesFurnitureIsNoTitle(furniture: String) {
        let text = "\(furniture)\n\nHow we keep children safe in Testshire\n\nThe partnership has met four times this year, and its subgroups have met every month to carry forward the work of the plan."
        let document = Document(source: "page.txt", sha256: "x", format: .text, blocks: PlainTextReader().blocks(from: text))
        #expect(Self.detector.detect(document).title == "How we keep children safe in Testshire")
    }

    /// A council's committee pages head a paper "Agenda item" or "Issue - meetings", and minutes
    /// "Minutes": committee documents, whatever report they discuss (session 21's audit: five such
    /// pages about annual reports had three types, or none).
    @Test(arguments: ["Agenda item", "Issue - meetings", "Minutes", "Agenda and minutes"])
    func aCommitteePageIsACommitteeDocument(head: String) {
        let text = "# \(head)\n\nTestshire Safeguarding Children Partnership Annual Report 2024/25\n\nThe partnership has met four times this year, and its subgroups have met every month to carry forward the work of the plan agreed by its partners."
        let document = Document(source: "page.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        #expect(Self.detector.detect(document).documentType == "committee-report")
    }

    /// A page of news about an inspection is a summary of it, not the inspectorate's document (the
    /// survey does not count it as one, and the learned layer fitted on Ofsted's own letters does
    /// not code it); a JTAI's news is named by the JTAI. "Inspectors found" is said of every
    /// inspection (it made all such pages JTAI letters: session 23's audits).
    @Test(arguments: [
        ("Inspectors found that children in need were visited regularly during the focused visit in May.", "inspection-summary"),
        ("Inspectors found strong leadership in the inspection of local authority children's services (ILACS).", "inspection-summary"),
        ("Inspectors found that agencies shared information well in the joint targeted area inspection.", "jtai-letter"),
        ("Inspectors found that leaders knew their services well and had acted on the weaknesses found.", nil),
    ] as [(String, String?)])
    func newsOfAnInspectionTakesItsType(body: String, type: String?) {
        let text = "# Council welcomes Ofsted findings\n\n" + body
        let document = Document(source: "page.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        #expect(Self.detector.detect(document).documentType?.rawValue == type)
    }

    /// A page whose title and byline give no date is dated by the date it labels as its own, else
    /// by the latest month it names outside what is still to come: it looks back at what came
    /// before it (session 23's audits: news dated by "the last inspection in November 2012").
    @Test func aBodyDateIsTheLabelledOneOrTheLatest() {
        func date(_ body: String) -> String? {
            let text = "# Our partnership\n\nThe partnership has met four times this year, and its subgroups have met every month to carry forward the work of the plan agreed by its partners and the board.\n\n" + body
            let document = Document(source: "page.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
            return Self.detector.detect(document).date
        }
        #expect(date("The partnership was formed in November 2018 from the old board. Its new plan was agreed by partners in October 2021.")
            == "2021-10")
        #expect(date("Date of Meeting 21 September 2022\n\nThe plan will go to Cabinet in October 2022 and to the inspectorates by November 2022.")
            == "2022-09")
        // What is still to come dates nothing written, unless nothing else is dated (audit 10).
        #expect(date("The survey ran from March to May 2017. Training is to be rolled out from February 2018.") == "2017-05")
        #expect(date("The next monitoring visit is scheduled for April 2019.") == "2019-04")
    }
}
