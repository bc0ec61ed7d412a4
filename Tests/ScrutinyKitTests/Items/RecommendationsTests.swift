import Foundation
import Testing
@testable import ScrutinyKit

@Suite struct RecommendationsTests {
    static let rules = try! ItemRules(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml"))
    let finder = RecommendationFinder(rules: RecommendationsTests.rules)

    func items(_ text: String, name: String = "t.md") -> [Recommendation] {
        let document = Document(source: name, sha256: "abcdef0123456789", format: .markdown,
                                blocks: PlainTextReader().blocks(from: text))
        return finder.recommendations(in: document)
    }

    /// A listed item in the tentative imperative ("Consider …") is graded could, as a pasted line
    /// is and as "could consider" is; another imperative, should (session 33).
    /// The merger's numbered word bags count shared words as the bags of words did: for random
    /// texts, the share of the shorter text's words in the longer, repeats counted.
    @Test func wordBagsShareWhatBagsOfWordsShare() {
        var generator = SplitMix64(seed: 352)
        let vocabulary = ["the", "board", "should", "review", "plans", "Plans", "of", "children", "2024", "multi-agency"]
        func text() -> String {
            (0..<Int.random(in: 0...14, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
        }
        var numbers: [String: Int] = [:]
        for _ in 0..<400 {
            let (a, b) = (text(), text())
            let (x, y) = (TokenOverlap.counts(a), TokenOverlap.counts(b))
            let (small, large) = x.values.reduce(0, +) <= y.values.reduce(0, +) ? (x, y) : (y, x)
            let total = small.values.reduce(0, +)
            let expected = total < 5 ? 0 : Double(small.reduce(0) { $0 + min($1.value, large[$1.key] ?? 0) }) / Double(total)
            let bags = (ItemMerger.WordBag(TokenOverlap.tokens(a), numbers: &numbers), ItemMerger.WordBag(TokenOverlap.tokens(b), numbers: &numbers))
            #expect(ItemMerger.overlap(bags.0, bags.1) == expected, "\(a) | \(b)")
            #expect(bags.0.total == x.values.reduce(0, +))
            #expect(x.allSatisfy { bags.0.count(of: numbers[$0.key]!) == $0.value })
        }
    }

    @Test func aListedConsiderIsGradedCould() {
        let found = items("""
        # Recommendations

        1. Consider how the board hears from young people and their families.
        2. Review the threshold document with every partner agency.
        """)
        #expect(found.map(\.kind) == [.recommendation, .recommendation], "\(found)")
        #expect(found.map(\.strength) == [.could, .should])
    }

    /// Every item of a list headed "Recommendations" is an item: until session 19 those that read
    /// like a prediction ("should be published by", "should take place") or an intent ("what they
    /// intend to do") were dropped, five of six in a scrutineer's pasted list.
    @Test func everyItemOfARecommendationsListIsAnItem() {
        let found = items("""
        # Recommendations

        1. The executive should publish a plan.
        2. The executive should report quarterly to the Health and Wellbeing Board on progress.
        3. A multi-agency audit of neglect cases should take place within six months.
        4. The annual report should be published by September each year.
        5. Partners should set out what they intend to do about neglect.
        6. Rapid reviews should be completed within 15 working days.
        """)
        #expect(found.count == 6, "\(found.map(\.text))")
        #expect(found.allSatisfy { $0.kind == .recommendation && $0.form == .listed })
        // The same sentences in prose are still judged: a prediction is no item there.
        #expect(items("The annual report should be published by September each year.").isEmpty)
    }

    /// Recommendations written as sentences in a foreword: a sentence that asks, then purposes
    /// one a sentence. Each purpose is a listed recommendation and the sentence before them is
    /// their lead-in, not an item (session 22's audit: four recommendations missed, their lead-in
    /// found). One purpose after a request is no list; nor is a purpose after a sentence that asks
    /// nothing.
    @Test func purposesAfterARequestAreAListWrittenAsSentences() {
        let found = items("""
        # Foreword

        The partnership is in a good place. I would like to set out three messages that partners should take forward this year. To hear children's views earlier, so that plans reflect them. To ensure schools remain fully part of the safeguarding system. To seek assurance about the support given to care leavers. There is also a need to ensure that learning from reviews reaches practitioners.

        Partners should review the neglect strategy. To do this, the board will hold a workshop in May.

        We met partners over three days. To understand the arrangements, we read their plans. To test them, we audited cases.
        """)
        #expect(found.map(\.text) == [
            "To hear children's views earlier, so that plans reflect them.",
            "To ensure schools remain fully part of the safeguarding system.",
            "To seek assurance about the support given to care leavers.",
            "There is also a need to ensure that learning from reviews reaches practitioners.",
            "Partners should review the neglect strategy.",
        ])
        #expect(found.prefix(3).allSatisfy { $0.kind == .recommendation && $0.form == .listed })
        #expect(found[3].form == .explicit && found[4].form == .explicit)
    }

    /// An annual report's "Achievements" lists strengths, and "would like to see" asks (session
    /// 23's audit: a board's page and news of a JTAI letter).
    @Test func achievementsListStrengthsAndWouldLikeToSeeAsks() {
        let found = items("""
        # Achievements

        - We have held six briefings for frontline practitioners and their managers this year.
        - A neglect strategy and its action plan have been agreed by all partners.

        # What inspectors said

        The inspection team said it would like to see more involvement from health workers in strategy discussions.
        """)
        #expect(found.map(\.kind) == [.strength, .strength, .recommendation])
        #expect(found.map(\.form) == [.listed, .listed, .explicit])
    }

    /// A lead-in that asks and stops at its modal or infinitive lists what it asks for ("The
    /// partnership should:", "Continued efforts are needed to:"); one that asks nothing ("Leaders
    /// have worked hard to:") lists nothing of the kind (session 23's audit).
    @Test func aLeadInThatAsksListsItsRequests() {
        let found = items("""
        # Monitoring inspection

        Continued efforts are needed to:

        - develop aspects of the data dashboard further;
        - ensure that all schools benefit equally from improvements.

        Leaders have worked hard to:

        - develop the data dashboard;
        - recruit permanent staff.
        """)
        #expect(found.map(\.text) == ["develop aspects of the data dashboard further;", "ensure that all schools benefit equally from improvements."])
        #expect(found.allSatisfy { $0.kind == .recommendation && $0.form == .listed })
    }

    /// A label before a listed item ("R1:", "Recommendation 3 –") is no part of its text, and its
    /// actor is found behind it (the label stayed in the text, and hid the actor, until session 19).
    @Test func labelsBeforeItemsAreTakenOff() {
        let found = items("""
        # Recommendations

        - R1: The partnership should review its funding formula.
        - Recommendation 2 – Partners should develop a data dashboard.
        - Action 2 of the plan should be finished by June.
        """)
        #expect(found.map(\.text) == ["The partnership should review its funding formula.", "Partners should develop a data dashboard.",
                                       "Action 2 of the plan should be finished by June."])
        #expect(found.map(\.actor) == ["The partnership", "Partners", nil])
    }

    // MARK: sentences

    @Test func splitterSurvivesAbbreviationsInitialsAndNumbers() {
        let text = "Partners should, e.g. through the MASH, share data (para. 4.2 refers). J. Pearce noted No. 5 was late. Audits etc. Were done? Yes."
        let sentences = SentenceSplitter.sentences(text).map(\.text)
        #expect(sentences == [
            "Partners should, e.g. through the MASH, share data (para. 4.2 refers).",
            "J. Pearce noted No. 5 was late.",
            "Audits etc.",
            "Were done?",
            "Yes.",
        ])
    }

    @Test func sentenceRangesPointIntoTheParagraph() {
        let text = "First one. \u{201C}Second\u{201D} is here."
        for sentence in SentenceSplitter.sentences(text) {
            let scalars = Array(text.unicodeScalars)[sentence.range]
            #expect(String(String.UnicodeScalarView(scalars)) == sentence.text)
        }
    }

    // MARK: prose

    @Test(arguments: [
        ("There is a need to review the audit programme.", Recommendation.Strength.must),
        ("A shared data set is required.", .must),
        ("The Executive should publish its priorities.", .should),
        ("Partners need to agree a funding formula.", .should),
        ("It is recommended that the board meets quarterly.", .should),
        ("The partnership could consider a young scrutineers group.", .could),
        ("The partners may wish to revisit the threshold document.", .could),
        ("The Partnership would also benefit from wider community engagement.", .could),
        ("There is scope for closer work with the adults board.", .could),
        ("We suggest that schools join the audit group.", .could),
        // Work acknowledged as still to do asks, but not as a duty; improvement offered as possible
        // is a could (session 32's audit found them graded must).
        ("There is still more work to do to ensure that plans are reviewed.", .should),
        ("There is room for further improvement in the timeliness of assessments.", .could),
        ("The audit programme would be strengthened by including schools.", .could),
    ])
    func gradesProseRecommendations(sentence: String, strength: Recommendation.Strength) throws {
        let found = items("# Findings\n\nThe review looked at the front door. \(sentence)\n")
        let item = try #require(found.first)
        #expect(found.count == 1)
        #expect(item.kind == .recommendation)
        #expect(item.strength == strength)
        #expect(item.text == sentence)
    }

    @Test(arguments: [
        "The thematic review should be published in the spring of 2025.",
        "Partners are required to publish an annual report.",
        "The partners intend to review whether the subgroups should merge.",
        "Working Together 2018 states that safeguarding partners should agree the level of funding.",
        "Staff adjusted rotas so that meetings could continue.",
        "Agencies cited the need to maintain distancing during lockdown.",
        "The comments in this report should be viewed in that light.",
        "This confusion must be the same for families.",
        "The Statement must be forwarded to the inspectorates by October.",
    ])
    func leavesDecoysAlone(sentence: String) {
        #expect(items("# Findings\n\n\(sentence)\n").isEmpty, "\(sentence)")
    }

    @Test func quotedGuidanceParagraphsAndListsAreNotItems() {
        let found = items("""
            # Budget

            'The partners should agree the level of funding, which should be equitable.' (Working Together 2018)

            Paragraph 9, chapter 3 sets out that the partners should develop processes that:

            - facilitate and drive action beyond boundaries
            - should link to other strategic boards

            The partners should agree a funding formula by March.
            """)
        #expect(found.map(\.text) == ["The partners should agree a funding formula by March."])
    }

    /// The words that make a sentence beside a quotation cue quote the guidance are items.yml's
    /// `quotation_verbs`: emptied, the paraphrase is an item; as shipped, it is not.
    @Test func quotationVerbsComeFromTheRulesFile() throws {
        let text = "# Budget\n\nStatutory guidance requires that the partners should publish their arrangements.\n"
        #expect(items(text).isEmpty)
        let yaml = try String(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml"), encoding: .utf8)
        let line = try #require(yaml.split(separator: "\n").first { $0.hasPrefix("quotation_verbs:") })
        let rules = try ItemRules(yaml: yaml.replacingOccurrences(of: String(line), with: "quotation_verbs: []"))
        let document = Document(source: "t.md", sha256: "abcdef0123456789", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        #expect(RecommendationFinder(rules: rules).recommendations(in: document).map(\.text)
            == ["Statutory guidance requires that the partners should publish their arrangements."])
    }

    // MARK: structure

    @Test func listsUnderHeadingsAndLeadInsTakeTheirKind() {
        let found = items("""
            # Inspection letter

            ## What needs to improve?

            - The timeliness of strategy discussions.
            - Management oversight of early help.

            ## Strengths

            - The quality of the training offer

            ## Findings

            Many aspects were commended, including the following:
             - The multi-agency response to missing children
            However, the following areas were identified as in need of improvement
             - Return home interviews
            """)
        #expect(found.map(\.kind) == [.areaForImprovement, .areaForImprovement, .strength, .strength, .areaForImprovement])
        #expect(found[0].section == "Inspection letter \u{203A} What needs to improve?")
        #expect(found.allSatisfy { $0.strength == nil })
    }

    /// Sub-points are not items of their own: they are parts of the item above them, whose text
    /// holds them (until session 18 they were dropped and the item ended at its colon).
    @Test func recommendationListsKeepSubHeadingsAndJoinSubPointsToTheirItem() {
        let found = items("""
            # Recommendations

            These are as follows:

            ## Front door

            - Make partner contributions equitable.
            - Partners should agree a core data set which includes as a minimum:
              * repeat referrals;
              * feedback from families.

            ### Learning

             The CSPR subgroup should reconsider how learning is measured.

            ## Conclusion

            - A closing remark without any request
            """)
        #expect(found.map(\.text) == [
            "Make partner contributions equitable.",
            "Partners should agree a core data set which includes as a minimum: repeat referrals; feedback from families.",
            "The CSPR subgroup should reconsider how learning is measured.",
        ])
        #expect(found[0].strength == .should)
        #expect(found[1].actor == "Partners")
        #expect(found[2].actor == "The CSPR subgroup")
        #expect(found[2].section == "Recommendations \u{203A} Front door \u{203A} Learning")
    }

    @Test func methodologyScopeAndDocumentListsAreNotItems() {
        let found = items("""
            # Methodology

            The review should be objective and must act as a critical friend.

            # Findings

            The review included the following:
            - Partners should attend meetings (a quoted standard)

            # Appendix

            - Minutes of meetings should be kept
            """)
        #expect(found.isEmpty)
    }

    @Test func proceduralDecisionsAndTheirRestatementCountOnce() {
        let found = items("""
            # Recommendations

            1. That Cabinet note the outcome of the inspection.
            2. That the draft Statement of Action be presented for Cabinet's approval at the meeting on 19 October.

            # Next steps

            2.9 Therefore, it is recommended that the Statement be presented for Cabinet's consideration and approval on 19 October.
            """)
        #expect(found.map(\.kind) == [.procedural, .procedural])
        #expect(found[1].locations.count == 2)
    }

    /// A label of one or two words under a lead-in that announces recommendations is no item
    /// ("Communications", "Locality working"); a request to a cabinet or committee in capitals or
    /// to consider is procedural (session 21's fourth audit).
    @Test func labelsAreNoItemsAndRequestsAreProcedural() {
        let found = items("""
            # Report to Cabinet

            The review made 41 recommendations grouped under the following work themes:

            - Communications
            - Locality working
            - The partnership should publish its plan for each locality.

            Cabinet is RECOMMENDED to note these annual reports and provide any comments.

            The Committee is asked to consider the executive response and comment on it.
            """)
        #expect(found.map(\.kind) == [.recommendation, .procedural, .procedural])
        #expect(found.first?.text == "The partnership should publish its plan for each locality.")
    }

    @Test func recommendationTablesUseTheirColumns() {
        let found = items("""
            # Recommendations

            Ref\tRecommendation\tOwner\tBy when
            R1\tPublish a timetable for each review.\tChair, Learning subgroup\tJune 2024
            R2\tAgree the funding formula.\tExecutive\tMarch 2024
            """)
        #expect(found.map(\.text) == ["Publish a timetable for each review.", "Agree the funding formula."])
        #expect(found.map(\.actor) == ["Chair, Learning subgroup", "Executive"])
    }

    @Test func summaryRepeatsMergeKeepingBothLocations() {
        let found = items("""
            # Summary

            The Executive should ensure there is a formal record of issues raised by the scrutineer.

            # Recommendations

            - The Executive should ensure that there is a formal record of the issues raised by the Independent Scrutineer and the response.
            """)
        #expect(found.count == 1)
        #expect(found[0].locations.count == 2)
        #expect(found[0].text.hasSuffix("and the response."))
    }

    /// A single inspection's recommendations to the local authority and to the LSCB are two
    /// lists: an LSCB item that opens with a local authority item's words and goes on is an item
    /// of its own (one of Wandsworth's was lost so). A summary list and the same list in the body
    /// are one list: each item once, placed where the wording it keeps stands.
    @Test func listsOfDifferentPartsAreNotMerged() throws {
        let text = """
        # Report

        ## The local authority

        ### Recommendations

        1. Monitor and evaluate the practice for children who go missing from home or care.
        2. Improve the timeliness of initial health assessments for children in care.

        ## The LSCB

        ### Recommendations

        1. Monitor and evaluate the practice for children who go missing from home or care. Ensure that there is appropriate challenge from the board when deficits in practice or failings in the analysis of return interviews are identified by partners.
        """
        let found = items(text)
        #expect(found.count == 3, "\(found.map(\.text))")
        #expect(found.filter { $0.text.hasPrefix("Monitor") }.map(\.section) == ["Report › The local authority › Recommendations", "Report › The LSCB › Recommendations"])
        let summary = """
        # Report

        ## Summary

        ### What needs to improve

        - The timeliness of initial health assessments for children in care.

        ## Findings

        ### What needs to improve

        - The timeliness of initial health assessments for children in care and of their reviews, which are too often late.
        """
        let merged = items(summary)
        #expect(merged.count == 1, "\(merged.map(\.text))")
        #expect(merged.first?.locations.count == 2)
        #expect(merged.first?.text.hasSuffix("too often late.") == true)
        #expect(merged.first?.section == "Report › Findings › What needs to improve", "the place of the wording kept")
    }

    @Test func idsAreStableAndRangesLocateTheText() throws {
        let text = "# Findings\n\nIntro. Partners should meet monthly.\n"
        let first = items(text)
        let second = items(text)
        #expect(first == second)
        // The id comes from the document's words, not its file: another file with the same text
        // (another sha256, another format) gives the same ids.
        let document = Document(source: "t.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        // Then eight hex digits of the item's words.
        #expect(first.map(\.id) == [String(document.contentKey.prefix(12)) + "-" + String(SHA256.hex(Array("partners should meet monthly".utf8)).prefix(8))])
        let other = Document(source: "t.pdf", sha256: "ffff", format: .pdf, blocks: PlainTextReader().blocks(from: text))
        #expect(finder.recommendations(in: other).map(\.id) == first.map(\.id))
        let range = try #require(first.first?.locations.first?.range)
        let scalars = Array(document.text.unicodeScalars)[range.start..<range.end]
        #expect(String(String.UnicodeScalarView(scalars)) == "Partners should meet monthly.")
    }

    /// A document whose "Recommendations" or "Areas for improvement" stands directly above its
    /// list, with no blank line (Word and Outlook paste it so), gives the list's items of that
    /// kind (session 46's re-audit: `recommendations` found none). The reader keeps the line a
    /// paragraph, as a web page's or Word file's `<p>` would be; the item finder reads it as the
    /// list's heading.
    @Test func aKindNamedDirectlyAboveAListHeadsIt() throws {
        let document = try DocumentReader().read(bytes: Array("""
            Strengths
            • Strong and visible leadership from the three safeguarding partners
            • Effective multi-agency audits
            Areas for improvement
            • The timeliness of Initial Health Assessments
            Recommendations
            1. Refresh the neglect strategy.
            2. Review the budget.
            """.utf8), path: "list.txt")
        let items = RecommendationFinder(rules: Self.rules).recommendations(in: document)
        #expect(items.map(\.kind) == [.strength, .strength, .areaForImprovement, .recommendation, .recommendation], "\(items.map(\.text))")
    }
}
