import Foundation
import Testing
@testable import ScrutinyKit

/// Profiles that read real descriptions (issue 17, item 2): the board review of a single
/// inspection, contents pages, proposals that are not, the partnership's own account, and the
/// quoted-partnership splitter. Short documents written for these tests.
@Suite struct RealDescriptionTests {
    static let lexicon = ProfileAccuracyTests.lexicon
    static let quotes = try! QuotedPartnerships(contentsOf: Paths.root.appendingPathComponent("lexicons/arrangements.yml"), types: Paths.documentTypes)!

    func document(_ text: String, type: DocumentType?, partnership: String? = "Testshire") -> Document {
        Document(source: "test.md", sha256: "0123456789abcdef", format: .markdown,
                 metadata: Metadata(partnership: partnership, documentType: type, date: "2016-01"),
                 blocks: PlainTextReader().blocks(from: text))
    }

    func profile(_ document: Document) -> PartnershipProfile {
        ArrangementProfiler(lexicon: Self.lexicon).profile(of: "Testshire", documents: [document])
    }

    static let inspection = """
        # Testshire County Council

        # Contents

        ## The local authority 3

        ## The Local Safeguarding Children Board (LSCB) 30

        ## The local authority

        The independent reviewing officers chair reviews well. Social workers use a survey of families and case audits by managers.

        Partners hold regular meetings with the chief executive and the independent chair of the LSCB.

        ## The Local Safeguarding Children Board (LSCB)

        ### What does the LSCB need to improve?

        Review the financial contributions made by partner agencies.

        ### Inspection findings

        The Board Chair is effective in challenging partners on their performance. A section 11 audit has been completed by all agencies, and the board runs a programme of multi-agency audits. The board receives a quarterly data set from its partners. The annual report is clear about priorities.

        ## What the inspection judgements mean

        An LSCB that is good monitors the effectiveness of local arrangements and evaluates multi-agency training regularly.
        """

    @Test func aBoardReviewIsReadAsTheBoardsArrangementsAndTheRestOnlyWhereItNamesTheBoard() {
        let result = profile(document(Self.inspection, type: "inspection-report"))
        // In the review's section: the chair's challenge, methods and topics, as the board's.
        #expect(result.value("who.chair_scrutiny_duties") == .yes)
        #expect(result.value("how.section11_audit") == .yes)
        #expect(result.value("how.case_file_audit") == .yes, "the board's own multi-agency audits")
        #expect(result.value("what.data_quality_assurance") == .yes)
        #expect(result.value("what.annual_report") == .yes)
        // Outside it, a sentence that names the board.
        #expect(result.value("who.independent_chair") == .yes)
        #expect(result.indicators["who.independent_chair"]?.deciding.first?.text.contains("chair of the LSCB") == true)
        // The inspectors' work on children's services, the grade descriptions and the board's recommendations are not.
        #expect(result.value("how.survey") == .notStated)
        #expect(result.value("what.learning_training") == .notStated)
        #expect(result.value("what.budget") == .notStated, "a recommendation asks; it does not state")
    }

    @Test func withoutABoardReviewTheInspectionIsReadAsBefore() {
        let text = Self.inspection.replacingOccurrences(of: "Local Safeguarding Children Board (LSCB)", with: "Partnership")
        let result = profile(document(text, type: "inspection-report"))
        #expect(result.value("how.section11_audit") == .notStated, "an inspection's sentences are not about scrutiny")
    }

    @Test func aContentsPageHeadsOnlyItsEntries() {
        let sentences = document(Self.inspection, type: "inspection-report").contextSentences(contentsHeadings: Self.lexicon.contentsHeadings)
        let findings = sentences.first { $0.text.hasPrefix("The Board Chair is effective") }
        #expect(findings?.headings.contains("Contents") == false)
        #expect(findings?.headings.contains("The Local Safeguarding Children Board (LSCB)") == true)
        let entry = sentences.first { $0.text == "The Local Safeguarding Children Board (LSCB) 30" }
        #expect(entry?.headings.last == "Contents", "an entry stays under the contents page")
        // Without the cue, the page heads everything after it, as before.
        let plain = document(Self.inspection, type: "inspection-report").contextSentences()
        #expect(plain.first { $0.text.hasPrefix("The Board Chair is effective") }?.headings.contains("Contents") == true)
    }

    @Test func proposalsOpenOrProposeButTheNeedToDoesNot() {
        let words = { (text: String) in WordTokenizer.words(text).map(\.text) }
        #expect(Self.lexicon.proposes(words("Consider whether the panel has the right members.")))
        #expect(!Self.lexicon.proposes(words("Deep dives take four months to consider learning from cases.")))
        #expect(!Self.lexicon.proposes(words("Examples include determining the need to conduct reviews.")))
        #expect(Self.lexicon.proposes(words("The partners need to agree the budget.")))
        #expect(!Self.lexicon.proposes(words("Recommendations from scrutiny are pulled into an action log.")))
        #expect(Self.lexicon.proposes(words("It is recommended that the chair rotates.")))
    }

    @Test func thePartnershipsOwnAuditsCountOnlyInItsOwnAccount() {
        let text = "# Findings\n\nThe partnership has completed three multi-agency audits this year.\n"
        #expect(profile(document(text, type: "scrutiny-report")).value("how.case_file_audit") == .notStated)
        var quoted = document(text, type: "scrutiny-report")
        quoted.metadata.quotation = true
        #expect(profile(quoted).value("how.case_file_audit") == .yes)
    }

    @Test func chairsOfSubgroupsRotatingChairsAndChairScrutineers() {
        let result = profile(document("""
            # Arrangements

            We have an Independent Chair/Scrutineer who gives the partnership about thirty days a year.
            """, type: "scrutiny-report"))
        #expect(result.value("who.independent_chair") == .yes)
        #expect(result.value("who.chair_scrutiny_duties") == .yes)
        #expect(result.value("who.independent_scrutineer") == .yes)
        let rotating = profile(document("""
            # Arrangements

            The partnership has a rotating chair drawn from the three statutory partners. Its learning review group has an independent chair.
            """, type: "scrutiny-report"))
        #expect(rotating.value("who.independent_chair") == .no)
        let drawn = profile(document("""
            # Arrangements

            The executive is chaired by one of the three statutory partners in each year.
            """, type: "scrutiny-report"))
        #expect(drawn.value("who.independent_chair") == .no)
    }

    @Test func countsInWordsAndAsATeam() {
        let team = profile(document("""
            # Who scrutinises

            The partnership commissions independent scrutineers. Its scrutiny team of three meets twice a year.
            """, type: "scrutiny-report"))
        #expect(team.value("who.scrutineer_count") == .count(3))
        let words = profile(document("""
            # Who scrutinises

            The Independent Scrutiny team is made up of two scrutineers who visit every quarter.
            """, type: "scrutiny-report"))
        #expect(words.value("who.scrutineer_count") == .count(2))
        #expect(words.value("who.independent_scrutineer") == .yes)
    }

    static let survey = """
        # A national survey

        ## Contents

        ## Who scrutinises

        ### The Independent Scrutineer holds some chairing duties

        1. Several partnerships name chairing duties:

        "To chair the executive and partnership meetings as well as scrutinise" (LSCP 1).

        "Chairs a task and finish group on neglect" (LSCP 2).

        4. Numbered narrative after a lead-in is narrative:

        5. LSCP 2 also notes deep dives.

        ### Peer review within the partnership

        "We undertake a reciprocal peer review with a neighbouring partnership" (LSCP 3).

        "Agencies review one another's case files twice a year" (LSCP 4).

        ### Deep dives

        ### Figure 5 - Deep dives by partnership

        "We run two deep dives a year into neglect" (LSCP 5).

        Other partnerships differ. LSCP 6 notes that it uses several methods:

        - a scrutiny group made up of the partners' managers;
        - through the lay members (LSCP 6).

        ### Scrutiny panels

        "Our scrutiny panel meets on these themes:

        ### Missing children

        ### Exploitation

        Each theme is chosen with the partners" (LSCP 7).

        ### Scrutiny of LSCP leadership

        2. Some chairs work with the leaders to oversee the LSCP budget:

        "We draw up budget proposals each year" (LSCP 8).

        Scrutineers and the review of the LSCP annual report

        3. Our survey asked about it.

        "The scrutineer reads the draft every spring" (LSCP 9).
        """

    @Test func theSplitterKeepsSectionsQuotationListsAndConditions() throws {
        var whole = document(Self.survey, type: nil, partnership: nil)
        whole.name = "2022/survey.md"
        let parts = Self.quotes.split(whole)
        #expect(Set(parts.keys) == Set((1...9).map { "LSCP \($0)" }))
        // Each part is named as the run names the whole file (session 43's re-audit: the bare file
        // name, where another file of the run shared it).
        #expect(parts.values.allSatisfy { $0.document.name == "2022/survey.md" })
        func section(_ label: String) -> Set<String> { Set(parts[label]?.sectionEvidence.map(\.indicator) ?? []) }
        // Chairing the partnership's own meetings makes the scrutineer its chair; a task group does not.
        #expect(section("LSCP 1").isSuperset(of: ["who.independent_scrutineer", "who.independent_chair", "who.chair_scrutiny_duties"]))
        #expect(section("LSCP 2") == ["who.independent_scrutineer"])
        #expect(parts["LSCP 2"]?.document.blocks.contains { $0.text == "LSCP 2 also notes deep dives." } == true,
                "a numbered paragraph after a lead-in is narrative, not a list run")
        // A reciprocal review with another partnership does not bear out "within".
        #expect(!section("LSCP 3").contains("who.peer_review_within"))
        #expect(section("LSCP 4").contains("who.peer_review_within"))
        // A figure's caption does not end the section.
        #expect(section("LSCP 5").contains("how.deep_dive"))
        // A list after a lead-in, closed by a label, is the partnership's.
        let six = try #require(parts["LSCP 6"]).document
        #expect(six.blocks.contains { $0.text.contains("scrutiny group made up") })
        // Read as a scrutiny report's sentences; the document keeps its own type (session 47).
        #expect(six.metadata.quotation == true && six.metadata.readAs == "scrutiny-report")
        #expect(six.metadata.documentType != "scrutiny-report")
        // A quotation's own list read as headings stays in the quotation.
        let seven = try #require(parts["LSCP 7"]).document
        #expect(seven.blocks.contains { $0.text == "Missing children" })
        #expect(section("LSCP 7").isEmpty, "the list's headings are not the survey's sections")
        // The nearest context naming a section decides: a lead-in before the heading, a line
        // heading set as text before later narrative paragraphs.
        #expect(section("LSCP 8") == ["what.budget"])
        #expect(section("LSCP 9") == ["what.annual_report"])
    }

    @Test func evidenceFromAQuotedPartLocatesItsSentenceInTheWholeDocument() throws {
        let survey = document(Self.survey, type: nil, partnership: nil)
        let profiler = ArrangementProfiler(lexicon: Self.lexicon, quotes: Self.quotes)
        let six = try #require(profiler.profiles(of: [survey]).first { $0.partnership == "LSCP 6" })
        let scalars = Array(survey.text.unicodeScalars)
        for id in ["who.scrutiny_panel", "who.lay_members"] {
            let evidence = try #require(six.indicators[id]?.deciding.first)
            #expect(evidence.document == "test.md")
            let located = String(String.UnicodeScalarView(scalars[evidence.range.start..<evidence.range.end]))
            #expect(located == evidence.text, "\(id)")
        }
        // A narrative sentence naming the label, inside a longer paragraph.
        let narrative = try #require(Self.quotes.split(survey)["LSCP 6"]?.document.blocks.first)
        #expect(narrative.text == "LSCP 6 notes that it uses several methods:")
        #expect(String(String.UnicodeScalarView(scalars[narrative.range.start..<narrative.range.end])) == narrative.text)
    }

    @Test func aDocumentQuotingPartnershipsIsProfiledOnAFolderWhenItHasNoPartnership() {
        let profiler = ArrangementProfiler(lexicon: Self.lexicon, quotes: Self.quotes)
        let survey = document(Self.survey, type: nil, partnership: nil)
        let profiles = profiler.profiles(of: [survey])
        #expect(profiles.map(\.partnership) == (1...9).map { "LSCP \($0)" })
        let six = profiles.first { $0.partnership == "LSCP 6" }
        #expect(six?.value("who.scrutiny_panel") == .yes)
        #expect(six?.value("who.lay_members") == .yes)
        #expect(profiles.first { $0.partnership == "LSCP 1" }?.value("who.independent_chair") == .yes)
        #expect(profiler.quotingDocuments([survey]).first?.partnerships == 9)
        // Without the splitter, or with a partnership of its own, the document is not split.
        #expect(ArrangementProfiler(lexicon: Self.lexicon).profiles(of: [survey]).isEmpty)
        #expect(profiler.profiles(of: [document(Self.survey, type: nil, partnership: "Testshire")]).map(\.partnership) == ["Testshire"])
    }

    @Test func theProfileTableShowsLabelsAndTheCSVIds() {
        let profiles = [profile(document("# Arrangements\n\nThe partnership has an independent chair.\n", type: "scrutiny-report"))]
        let table = ProfileTable.markdown(profiles, lexicon: Self.lexicon)
        #expect(table.contains("| Independent chair "))
        #expect(!table.contains("who.independent_chair"))
        let csv = ProfileTable.csv(profiles, lexicon: Self.lexicon)
        #expect(csv.contains("Testshire,who.independent_chair,yes,"))
    }
}
