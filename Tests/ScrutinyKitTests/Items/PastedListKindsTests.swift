import Foundation
import Testing
@testable import ScrutinyKit

/// The kinds and forms a pasted list gives its lines: headings and lead-ins that announce a kind,
/// where their list ends, and sections that hold no items (`classify --lines`).
@Suite struct PastedListKindsTests {
    static let finder = PastedListTests.finder

    static func list(_ text: String) -> PastedList { PastedListTests.list(text) }

    /// A label naming a kind ("Recommendation 1 –") gives the item that kind under a heading that
    /// announced another (session 39's re-audit); an unlabelled line keeps the heading's.
    @Test func aLabelNamingAKindOutweighsTheHeading() {
        let list = Self.list("Areas for improvement\n\nRecommendation 1 - The partners should commission a review of the MASH.\nThe quality of referrals from schools.\n")
        #expect(list.items == ["The partners should commission a review of the MASH.", "The quality of referrals from schools."])
        #expect(list.announcedKinds == [.recommendation, .areaForImprovement])
        // A short label's kind is data (`pasted_lines.label_kinds`): "R2:" a recommendation.
        let short = Self.list("Areas for improvement\n\nR2: Publish the audit plan.\nAFI 3 - The quality of referrals from schools.\n")
        #expect(short.announcedKinds == [.recommendation, .areaForImprovement])
    }

    /// Lines under a heading that announces strengths or areas for improvement are of that kind,
    /// and a line that asks nothing but judges is a strength or an area for improvement: until
    /// session 29 every line was a recommendation, praise too (session 28's user audit).
    @Test func headingsAndJudgementsGiveTheLinesTheirKinds() {
        let text = """
        Strengths:
        - Multi-agency training is well attended and highly valued.
        - The voice of the child is heard in case reviews.
        Areas for improvement
        1. The timeliness of strategy discussions.
        Recommendations:
        1. The partnership should publish its audit programme.
        """
        let list = Self.list(text)
        #expect(list.items.count == 4, "\(list.items)")
        #expect(list.announcedKinds == [.strength, .strength, .areaForImprovement, .recommendation])
        let kinds = list.items.indices.map {
            Self.finder.recommendation(line: list.items[$0], id: "x", document: "x", announced: list.announcedKinds[$0]).kind
        }
        #expect(kinds == [.strength, .strength, .areaForImprovement, .recommendation])
        // Without a heading: praise is a strength, a finding against an area for improvement, an
        // imperative or a line that asks a recommendation.
        let unheaded = ["Leadership of the partnership is strong and highly effective.",
                        "Too often, plans are not reviewed in time.",
                        "Review the threshold document.",
                        "Partners should strengthen the scrutineer's access to data."]
            .map { Self.finder.recommendation(line: $0, id: "x", document: "x").kind }
        #expect(unheaded == [.strength, .areaForImprovement, .recommendation, .recommendation])
    }

    /// A lead-in that asks nothing announces the kind of the lines under it, marked or not, with
    /// its colon or with "the following" and without one: session 45's third re-audit pasted seed
    /// 001's strengths and areas for improvement and got the strengths merged into their lead-in,
    /// and the areas for improvement typed as strengths and recommendations.
    @Test func aMarkedLeadInAnnouncesTheKindOfItsLines() {
        let text = """
        - 1.1 Several aspects of the work were commended by inspectors, including the following:
         - The partnership's training offer to practitioners
         - The quality of early help assessments
         - 1.2 However, the following areas were identified as in need of improvement
         - The consistency of recording the wishes of children
         - The timeliness of strategy discussions
        """
        let list = Self.list(text)
        #expect(list.items.count == 4, "\(list.items)")
        #expect(list.headings == 2)
        #expect(list.announcedKinds == [.strength, .strength, .areaForImprovement, .areaForImprovement])
        // A lead-in that asks keeps its points as its parts.
        let asking = Self.list("- The partnership should:\n  o publish its audit programme\n  o review its data")
        #expect(asking.items.count == 1 && asking.headings == 0, "\(asking.items)")
    }

    /// The same on the seed itself (from `../shared`, where it is): the lines of its section 2
    /// that list strengths and areas for improvement, each lead-in numbered ("2.4", "2.5").
    @Test(.enabled(if: Paths.seedsExist)) func theSeedsPastedStrengthsAndAreasKeepTheirKinds() throws {
        let lines = try String(contentsOfFile: Paths.seed("001_"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let leadIns = lines.indices.filter { lines[$0].firstMatch(of: /^ ?- 2\.[45]\s/) != nil }
        try #require(leadIns.count == 2)
        let pasted = lines[leadIns[0]...].prefix { !$0.hasPrefix("- 2.6") }
        let list = Self.list(pasted.joined(separator: "\n"))
        let strengths = leadIns[1] - leadIns[0] - 1, areas = pasted.count - strengths - 2
        #expect(list.headings == 2, "\(list.headingLines)")
        #expect(list.announcedKinds == Array(repeating: .strength, count: strengths) + Array(repeating: .areaForImprovement, count: areas))
        // With the pointer after them ("2.6 The detailed findings … are outlined in the … letter
        // (Please see Appendix)"): no item, though it stands in the list of areas (session 46's
        // re-audit left it a strength).
        let pointer = try #require(lines.first { $0.hasPrefix("- 2.6") })
        let withPointer = Self.list((pasted + [pointer]).joined(separator: "\n"))
        #expect(withPointer.items == list.items)
        #expect(withPointer.described.count == 1)
    }

    /// An entry of a list (marked, or under a heading) is `listed`; a sentence pasted alone, with no
    /// heading above it, `explicit` (session 45's third re-audit: every line was `explicit`).
    @Test func entriesOfAListAreListedAndASentenceAloneExplicit() {
        let headed = Self.list("Recommendations\nThe partnership should publish its plan.\nThe ICB must fund a named GP.")
        #expect(headed.listed == [true, true])
        let marked = Self.list("The partnership should publish its plan.\n\n- The ICB must fund a named GP.")
        #expect(marked.listed == [false, true])
        let forms = marked.items.indices.map {
            Self.finder.recommendation(line: marked.items[$0], id: "x", document: "x", listed: marked.listed[$0]).form
        }
        #expect(forms == [.explicit, .listed])
    }

    /// Session 45's third re-audit: a sub-heading with a bracketed gloss, prose that speaks of the
    /// suggestions before them, and what a "Next steps" heading or an appendix says will happen or
    /// lists were items. Under such a heading a line that asks is still one.
    @Test func glossedSubHeadingsLeadInsAndClosingSectionsAreNoItems() {
        let list = Self.list("""
        Recommendations

        A number of suggestions to strengthen the partnership's arrangements are made in the body of the report, for the partnership to consider.

        - The executive should publish its audit programme.

        MASH (to become the Front Door Board from April)

        - There is a need to review how the front door's data is reported.

        ### Next steps

        The business unit will draft an action plan for the executive in June.
        The executive should agree the plan in July.

        Appendix
        1. Terms of reference of the front door board
        """)
        #expect(list.items == ["The executive should publish its audit programme.", "There is a need to review how the front door's data is reported.",
                               "The executive should agree the plan in July."], "\(list.items)")
        #expect(list.leftOut.contains("The business unit will draft an action plan for the executive in June."))
        // A request in note form has no verb of its own; a sentence that has one states.
        #expect(Self.finder.rules.pasted.asksInNoteForm(["partners", "to", "agree", "the", "budget"]))
        #expect(!Self.finder.rules.pasted.asksInNoteForm(["suggestions", "to", "strengthen", "the", "arrangements", "are", "made"]))
    }

    /// Session 46's re-audit: a lead-in that asks by its kind's own words ("need to improve") led in
    /// nothing; a plain "Next steps" line, and a wrapped line under it, were items; labels with
    /// numbers in words were headings; closing courtesies and a quoted earlier message were items.
    @Test func leadInsClosingSectionsLabelsInWordsAndCourtesies() {
        let areas = Self.list("The following areas need to improve\n- The timeliness of health assessments.\n- Attendance by Health at strategy meetings.")
        #expect(areas.items.count == 2 && areas.announcedKinds == [.areaForImprovement, .areaForImprovement], "\(areas.items)")
        let closing = Self.list("""
        1. The partnership should publish its annual report by the end of September.
        2. Partners should agree a shared definition of neglect.

        Next steps

        The business unit will draft an action plan in response to these recommendations. Progress
        should be reported to the scrutineer in the autumn.
        """)
        #expect(closing.items.count == 2, "\(closing.items)")
        let worded = Self.list("Recommendation One: Audit neglect cases across the partnership\nRecommendation Two: Schools on the Executive")
        #expect(worded.items == ["Audit neglect cases across the partnership", "Schools on the Executive"])
        let mail = Self.list("""
        - The partnership should publish its annual report on time.

        I look forward to discussing these at the Executive.

        Best,
        Margaret

        > From: Tom Reilly
        > Please could you let me have your comments on the draft by Friday?
        """)
        #expect(mail.items == ["The partnership should publish its annual report on time."], "\(mail.items)")
        // A priority's label over its items is still a sub-heading.
        let priorities = Self.list("Recommendations\nPriority 1: Neglect\n- The partnership should refresh its neglect strategy\n- Use the Graded Care Profile")
        #expect(priorities.items.count == 2, "\(priorities.items)")
    }

    /// Signs of Safety's three questions head their lines' kinds, and more verbs open an item in the
    /// imperative (session 46's re-audit: the questions were items, "Give …" a strength).
    @Test func signsOfSafetyQuestionsHeadTheirLists() {
        let list = Self.list("""
        What's working well?
        - Partners attend the Executive consistently and at a senior level.
        What are we worried about?
        - The partnership has no shared data set.
        What needs to happen?
        - Agree a shared multi-agency data set by September.
        """)
        #expect(list.items.count == 3 && list.headings == 3, "\(list.items)")
        #expect(list.announcedKinds == [.strength, .areaForImprovement, .recommendation])
        let given = Self.finder.recommendation(line: "Give practitioners clear feedback on escalations", id: "x", document: "x")
        #expect(given.kind == .recommendation && given.strength == .should)
    }

    /// A heading's marked list ends at an unmarked line after a blank line: a note pointing to an
    /// appendix is then no item, a signature ends the list (session 46's re-audit: both were areas
    /// for improvement); a line that asks, or a wrapped line, after it is still an item.
    @Test func aMarkedListEndsAtTheParagraphAfterIt() {
        let list = Self.list("""
        Areas for improvement
        - Too many strategy meetings take place without Health.
        - The partnership does not yet know the impact of its training.

        The detailed findings are set out in the appendix to this report.

        The partnership should also publish its audit programme.

        Signed: P. Natarajan, Independent Scrutineer
        """)
        #expect(list.items.count == 3, "\(list.items)")
        #expect(list.announcedKinds == [.areaForImprovement, .areaForImprovement, nil])
        #expect(list.leftOut.contains("The detailed findings are set out in the appendix to this report."))
    }

    /// A reply under an item ("Response: Agreed. …") and the lines wrapped under it are no item
    /// (ua67 N9: each was a recommendation graded should); the next labelled item is one.
    @Test func repliesToTheItemsAreNoItems() {
        let list = Self.list("""
        Recommendation 1: The partnership should publish its annual report on time.
        Response: Agreed. The 2024/25 report will be published in September.

        Recommendation 2: Health should attend every strategy meeting.
        Management response – partially agreed. The ICB will fund additional named
        nurse capacity from April.
        Recommendation 3: Review the escalation policy.
        Update: The policy was relaunched in January.
        """)
        #expect(list.items == ["The partnership should publish its annual report on time.", "Health should attend every strategy meeting.",
                               "Review the escalation policy."])
        #expect(list.replies.count == 4, "\(list.replies)")
        #expect(list.replies.contains("nurse capacity from April."))
    }

    /// Lines that ask nothing and judge nothing, under no heading naming a kind, are description
    /// (themes.md: "statements of intent or description" are no items): a report's account of an
    /// inspection letter and a minute's narrative were recommendations graded should (ua67 N9).
    /// A labelled line, a request in note form ("… to be added to …"), a finding written plainly
    /// ("… was published late"), a line under a heading naming a kind and the end of a wrapped
    /// request are kept.
    @Test func descriptionIsNoItem() {
        let list = Self.list("""
        - 4.1 Ofsted's letter after the March visit was published in May and contains several points about joint working.
        - 4.2 The letter refers to the rate of referrals in the county.
        - 4.3 Partners should now review how thresholds are applied.
        - 4.4 The partnership has no shared data set.
        Action 4: Independent Scrutineer's recommendations to be added to the business plan.
        Schools to be represented on the Executive.
        The annual report was published late.
        The partnership should ensure that the Multi-Agency Safeguarding
        Hub has a police decision-maker on every shift.

        Areas for improvement:
        - Health were represented at two of the five meetings.
        """)
        #expect(list.described == ["Ofsted's letter after the March visit was published in May and contains several points about joint working.",
                                   "The letter refers to the rate of referrals in the county."])
        #expect(list.items == ["Partners should now review how thresholds are applied.", "The partnership has no shared data set.",
                               "Independent Scrutineer's recommendations to be added to the business plan.",
                               "Schools to be represented on the Executive.",
                               "The annual report was published late.",
                               "The partnership should ensure that the Multi-Agency Safeguarding Hub has a police decision-maker on every shift.",
                               "Health were represented at two of the five meetings."])
    }

    /// A committee's decisions under "Resolved:" are procedural, as a document's minutes are;
    /// the minute's narrative above them is description (ua67 N9, N13).
    @Test func resolutionsAreProcedural() {
        let list = Self.list("""
        The Independent Scrutineer presented her report. Members welcomed the report and
        thanked her for her work.

        Resolved:
        (i) That the report be noted.
        (ii) That the Business Manager prepares an action plan for the June meeting.
        (iii) That Health confirms its attendance at strategy meetings.
        """)
        #expect(list.described.count == 1)
        let kinds = list.items.indices.map {
            Self.finder.recommendation(line: list.items[$0], id: "x", document: "x", announced: list.announcedKinds[$0]).kind
        }
        #expect(kinds == [.procedural, .procedural, .procedural], "\(list.items)")
    }
}
