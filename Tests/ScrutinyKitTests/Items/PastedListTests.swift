import Foundation
import Testing
@testable import ScrutinyKit

/// A list pasted from Word or an e-mail (`classify --lines`) gives one item for each item the
/// person meant: until session 19 every line was one (a title, "Kind regards,", "Page 4 of 12"
/// and the signature were coded to themes; a wrapped item was two; labels stayed in the text).
@Suite struct PastedListTests {
    static let finder = RecommendationFinder(rules: RecommendationsTests.rules)

    static func list(_ text: String) -> PastedList { PastedList(text, finder: finder) }

    @Test func anEmailGivesItsItemsAlone() {
        let list = Self.list("""
        Hi all,

        As promised, here are my draft recommendations following the Executive:

        Northshire Safeguarding Children Partnership – Scrutiny Report 2024
        RECOMMENDATIONS:
        Recommendation 1: The partners should review the staffing of the business unit.
        Recommendation 2 – Partners should develop a data dashboard.
        R3: The partnership should improve its engagement with faith groups.
        **4.** Health partners should attend every strategy meeting.
        5.\tThe Executive should set three priorities.
        - 3 -
        Page 2 of 4
        Kind regards,
        Jane Smith
        Independent Scrutineer
        Sent from my phone
        """)
        #expect(list.items == ["The partners should review the staffing of the business unit.", "Partners should develop a data dashboard.",
                               "The partnership should improve its engagement with faith groups.", "Health partners should attend every strategy meeting.",
                               "The Executive should set three priorities."])
        #expect(list.headings == 2)
        #expect(list.leftOut.contains("Hi all,") && list.leftOut.contains("Page 2 of 4") && list.leftOut.contains("Jane Smith"))
        #expect(list.leftOut.contains("Northshire Safeguarding Children Partnership - Scrutiny Report 2024"))
    }

    /// A sentence that announces the list is its lead-in, though it ends in a full stop and names
    /// recommendations (session 32's audit: "Please find below my recommendations …" was item 1).
    @Test func aSentenceAnnouncingTheListIsNoItem() {
        let list = Self.list("""
        Dear all,

        Please find below my recommendations following the scrutiny exercise.

        1. Review the audit programme.
        2. The partnership should publish its yearly report.
        """)
        #expect(list.items == ["Review the audit programme.", "The partnership should publish its yearly report."])
        #expect(list.headings == 1)
    }

    @Test func wrappedItemsAndPointsAreOneItem() {
        let list = Self.list("""
        1. The partnership should commission a
        review of the threshold document so that thresholds are applied consistently.
        2. The Executive should strengthen its oversight of multi-agency training:
           o by evaluating the impact of training on practice;
           o by making sure GPs take part.
        3. Leaders should co-
        ordinate the audit programme.
        4. Partners should publish the plan.
        """)
        #expect(list.items == [
            "The partnership should commission a review of the threshold document so that thresholds are applied consistently.",
            "The Executive should strengthen its oversight of multi-agency training: by evaluating the impact of training on practice; by making sure GPs take part.",
            "Leaders should co-ordinate the audit programme.",
            "Partners should publish the plan.",
        ])
    }

    /// A line indented under a marked item goes on with it even when it opens with a capital, as
    /// wrapped text does at a name ("the MASH" / "Strategic Group …", session 28's user audit:
    /// each half was an item); an item that ended its sentence is not gone on with.
    /// A list copied from a PDF breaks lines before capitalised words as often as before "the":
    /// an unmarked line straight under a marked item that has not ended goes on with it, unless it
    /// asks something of its own or heads what follows (session 45's audit: "… Initial Health" /
    /// "Assessments for children in care." made two items, each coded on its own).
    @Test func aCapitalisedLineUnderAnUnendedMarkedItemGoesOnWithIt() {
        let list = Self.list("""
        1. The ICB should improve the timeliness of Initial Health
        Assessments for children in care.
        2. The partnership should ask the Local Authority Designated Officer
        Service to report annually on allegations against staff.
        – Review the multi-agency safeguarding hub's
        Police and Health staffing so that each shift has a police decision-maker.
        3. Review the escalation policy
        The ICB should report on its designated professionals.
        4. Agree a data set
        Strengths
        5. Leaders know their services well.
        """)
        #expect(list.items == ["The ICB should improve the timeliness of Initial Health Assessments for children in care.",
                               "The partnership should ask the Local Authority Designated Officer Service to report annually on allegations against staff.",
                               "Review the multi-agency safeguarding hub's Police and Health staffing so that each shift has a police decision-maker.",
                               "Review the escalation policy", "The ICB should report on its designated professionals.",
                               "Agree a data set", "Leaders know their services well."], "\(list.items)")
        #expect(list.headingLines == ["Strengths"] && list.announcedKinds.last == .strength)
    }

    /// Only a line that ends a sentence, under a line as long as a wrapped one, goes on so: in a
    /// list without full stops a short sub-heading heads what follows, and a question or a
    /// note-form request is a point of its own (session 45's re-audit: each was glued onto the
    /// item above, and a sub-heading decided its theme).
    @Test func subHeadingsQuestionsAndNotesUnderUnendedItemsStayApart() {
        let list = Self.list("""
        1. The executive should review the budget
        Early Help and the Front Door
        2. Schools should be represented at the executive group
        Learning from reviews
        3. The partnership should review the threshold document
        How will the partnership know that the change has worked?
        4. The partnership should evaluate multi-agency training
        Schools Forum to receive the annual report
        """)
        #expect(list.items == ["The executive should review the budget", "Schools should be represented at the executive group",
                               "The partnership should review the threshold document", "How will the partnership know that the change has worked?",
                               "The partnership should evaluate multi-agency training", "Schools Forum to receive the annual report"],
                "\(list.items)")
        #expect(list.headingLines == ["Early Help and the Front Door", "Learning from reviews"], "\(list.headingLines)")
    }

    /// The list's title above everything, set apart by a blank line or a heading, is a heading,
    /// not a recommendation, and dates the list where it holds a date (session 45's re-audit).
    @Test func theListsTitleIsAHeading() {
        let list = Self.list("""
        Northvale scrutiny report

        Recommendations - March 2025

        1. Review the escalation policy.
        """)
        #expect(list.items == ["Review the escalation policy."])
        #expect(list.headingLines == ["Northvale scrutiny report", "Recommendations - March 2025"])
        let word = Self.list("Independent scrutineer's report to the Executive, March 2025\nRecommendations\n1. Review the escalation policy.")
        #expect(word.items == ["Review the escalation policy."] && word.headingLines.count == 2, "\(word.items)")
        // A first line that asks something is an item, title-like or not.
        #expect(Self.list("Partners to agree the budget\n\nSchools should attend the executive.").items.count == 2)
    }

    /// A request in note form ("X to improve", "Health to share …") is a recommendation, not a
    /// strength judged from its words; a sentence with a verb of its own before "to" still states
    /// (session 45's re-audit: three such requests were typed strengths).
    /// Comparatives and "needs improving" ask too (the second re-audit); a state stays a finding.
    @Test func requestsInNoteFormAreRecommendations() {
        let kinds = ["Police attendance at strategy meetings to improve", "Health to share information within 24 hours",
                     "Partners to agree the budget", "Leaders have worked to improve attendance.",
                     "Police attendance at strategy meetings - needs improving", "More robust quality assurance of strategy meetings",
                     "Better use of data by the executive", "More children were seen quickly than last year."].map {
            Self.finder.recommendation(line: $0, id: "x", document: "list").kind
        }
        #expect(kinds == [.recommendation, .recommendation, .recommendation, .strength, .recommendation, .recommendation, .recommendation, .strength])
    }

    /// Without full stops, a name broken over the lines goes on into the next ("… Initial Health"
    /// / "Assessments for children in care"); a line of a word or two, or one after a line ending
    /// in a lower-case word, heads what follows (session 45's second re-audit: the tail was left
    /// out as a heading).
    @Test func aNameBrokenOverTheLinesGoesOnWithoutAFullStop() {
        let list = Self.list("""
        1. The ICB should improve the timeliness of Initial Health
        Assessments for children in care
        2. The partnership should ensure that the Multi-Agency Safeguarding
        Hub has a police decision-maker on every shift
        3. The partnership should audit referrals to the MASH
        Education
        4. Schools should be represented at the executive group
        """)
        #expect(list.items == ["The ICB should improve the timeliness of Initial Health Assessments for children in care",
                               "The partnership should ensure that the Multi-Agency Safeguarding Hub has a police decision-maker on every shift",
                               "The partnership should audit referrals to the MASH", "Schools should be represented at the executive group"],
                "\(list.items)")
    }

    /// A list folded at a width (an e-mail's 72 columns) goes on where a line reached the width,
    /// whatever the next begins or ends with; a line ending in "including" or "whether" goes on
    /// too (session 45's second re-audit: tails were made items or left out as headings).
    @Test func aListFoldedAtAWidthKeepsItsItemsWhole() {
        let list = Self.list("""
        • There were four areas of improvement to the Integrated Front Door
        (MASH) identified within the CSIP that were to be completed by April
        • The partnership should review its threshold document, including
        Early Help and the step-down arrangements, and report to the Executive
        • Schools should be represented at the executive group
        """)
        #expect(list.items == ["There were four areas of improvement to the Integrated Front Door (MASH) identified within the CSIP that were to be completed by April",
                               "The partnership should review its threshold document, including Early Help and the step-down arrangements, and report to the Executive",
                               "Schools should be represented at the executive group"], "\(list.items)")
    }

    /// An e-mail as it is forwarded: its header lines, a long opening courtesy, closing lines and
    /// the signature's initial are no items; a note-form request under an item is a point of its
    /// own unless it goes on from a name broken over the lines (session 45's second re-audit;
    /// note-form kinds: `requestsInNoteFormAreRecommendations`).
    @Test func aForwardedEmailGivesItsPointsAlone() {
        let list = Self.list("""
        From: Jane Smith <jane.smith@example.org>
        Subject: RE: Scrutiny of neglect - my recommendations

        Thanks for the papers. Following Tuesday's meeting, my recommendations are below - happy to discuss.

        1) The partnership should review the threshold document with the Front Door subgroup
        Police to attend every strategy meeting.
        2) The partnership should ask the Local Authority Designated Officer
        Service to report annually on allegations against staff.

        Let me know if I have missed anything.
        J
        """)
        #expect(list.items == ["The partnership should review the threshold document with the Front Door subgroup", "Police to attend every strategy meeting.",
                               "The partnership should ask the Local Authority Designated Officer Service to report annually on allegations against staff."],
                "\(list.items)")
    }

    /// Prose before the items that speaks of the recommendations and asks nothing is a lead-in,
    /// however many lines it was wrapped over (session 45's second re-audit: seed 000's opening
    /// paragraph, folded, was counted as a recommendation); one that asks stays an item.
    @Test func proseAboutTheRecommendationsBeforeThemIsALeadIn() {
        let list = Self.list("""
        Recommendations

        The report is broken down to broadly cover the areas that have been
        considered. Each section contains findings and includes a number of
        recommendations/suggestions for improvement.

        1. The executive should review the budget.
        2. Schools should be represented at the executive group.
        """)
        #expect(list.items == ["The executive should review the budget.", "Schools should be represented at the executive group."], "\(list.items)")
        #expect(list.headings == 2)
        let asking = Self.list("The partnership should act on every recommendation of the last review without delay.\n1. Review the budget.")
        #expect(asking.items.count == 2)
    }

    /// A report's labels and a version line are its head, not items (session 45's audit: a Word
    /// file's "Version 2 (final)" and a council paper's "Report to: Cabinet" came out as
    /// recommendations).
    @Test func labelsAndVersionLinesAreNoItems() {
        let list = Self.list("""
        Report to: Cabinet
        Date of meeting: 13 July 2022
        Prepared by: J. Smith, Independent Scrutineer
        Version 2 (final)
        1. The partnership should publish its budget.
        """)
        #expect(list.items == ["The partnership should publish its budget."], "\(list.items)")
        #expect(list.leftOut.count == 4, "\(list.leftOut)")
    }

    @Test func aLineIndentedUnderAnItemGoesOnWithIt() {
        let list = Self.list("""
        1. The Executive should ask the MASH
           Strategic Group to report on timeliness every quarter.
        2. Partners should review the Early Help
           Assessment so that families are offered help sooner.
        - The partnership should make sure that the Local Authority
          Designated Officer reports to the board every year.
        """)
        #expect(list.items == [
            "The Executive should ask the MASH Strategic Group to report on timeliness every quarter.",
            "Partners should review the Early Help Assessment so that families are offered help sooner.",
            "The partnership should make sure that the Local Authority Designated Officer reports to the board every year.",
        ])
    }

    /// A short topic line over lines of another shape is a heading, and so is a Markdown heading
    /// pasted as it is; short lines alike in shape stay items (session 39's re-audit: "5.1
    /// Leadership" and "### 3.2 Learning from reviews" were recommendations graded should).
    @Test func topicLinesOverOtherShapesAreHeadings() {
        let numbered = Self.list("5. Recommendations\n5.1 Leadership\nThe lead safeguarding partners should appoint a chair.\n"
            + "5.2 Learning from reviews\nThe partnership should test its learning for impact.\n")
        #expect(numbered.items == ["The lead safeguarding partners should appoint a chair.", "The partnership should test its learning for impact."])
        let bullets = Self.list("Other points for the Executive\n- Review the budget.\n- Publish the plan.\n### 3.2 Learning from reviews\nTest the learning.\n")
        #expect(bullets.items == ["Review the budget.", "Publish the plan.", "Test the learning."])
        let alike = Self.list("Recommendations\n1. Early help offer\n2. Threshold document\n3. Training for schools\n")
        #expect(alike.items == ["Early help offer", "Threshold document", "Training for schools"])
        // Under "Areas for improvement" a one-word line is an area named, not a name standing alone.
        let areas = Self.list("Areas for improvement\nSupervision\nCare plans\nThe quality of referrals\n")
        #expect(areas.items == ["Supervision", "Care plans", "The quality of referrals"])
    }

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

    /// A line the text was wrapped at goes on from the item above even where it looks like a
    /// lead-in (ends in a colon) or comes after a blank line (mail doubles line breaks), so long as
    /// it asks nothing of its own (session 39's re-audit: the lead-in was left out and the item cut
    /// short; the continuation was an item).
    @Test func wrappedLinesGoOnAcrossColonsAndBlankLines() {
        let colon = Self.list("R4: Learning from rapid reviews should be\ntested for impact, for example by:\n  a) repeat audits;\n  b) practitioner surveys;\n")
        #expect(colon.items == ["Learning from rapid reviews should be tested for impact, for example by: repeat audits; practitioner surveys;"])
        #expect(colon.headings == 0)
        let blank = Self.list("Recommendations\n\n1. The partnership should review its thresholds with schools\n\n2. The partners should agree a budget\n\nfor the business unit by April.\n")
        #expect(blank.items == ["The partnership should review its thresholds with schools",
                                "The partners should agree a budget for the business unit by April."])
    }

    /// A short recommendation in the imperative and one opening in lower case after a finished
    /// item stay items of their own; a blank line ends an item.
    @Test func itemsThatLookLikeOthersStayItems() {
        let list = Self.list("Publish the annual report by September.\nreview the escalation policy each year.\n\nThe board should meet\n\nmonthly reviews should continue.\n")
        #expect(list.items == ["Publish the annual report by September.", "review the escalation policy each year.", "The board should meet",
                               "monthly reviews should continue."])
        #expect(list.leftOut.isEmpty && list.headings == 0)
    }

    /// Items in the imperative are items even when short and capitalised; a line wrapped after a
    /// word that cannot end a sentence joins the next whatever its case; a reply's "> " marks, a
    /// pasted table's number and other columns, and Word's "o" under a bullet are no part of an item.
    @Test func imperativesWrapsRepliesTablesAndSubpoints() {
        let list = Self.list("""
        Summary of findings
        Strengthen the voice of the child
        Review Early Help
        1. Ensure that the findings of the JTAI are shared with the
        Health and Wellbeing Board.
        > 2. The partnership should publish its plan.
        3\tThe partnership should publish an annual report on time\tBusiness Manager\tJune 2024
        • The partnership should develop a neglect strategy
        o including a neglect toolkit for practitioners
        """)
        #expect(list.items == ["Strengthen the voice of the child", "Review Early Help",
                               "Ensure that the findings of the JTAI are shared with the Health and Wellbeing Board.",
                               "The partnership should publish its plan.", "The partnership should publish an annual report on time",
                               "The partnership should develop a neglect strategy, including a neglect toolkit for practitioners"])
        #expect(list.headings == 1)
    }

    /// A Markdown or pipe table pasted is read as a table of tabs: its item is the cell of most
    /// words, its rule is nothing, its header a heading (session 28's user audit: the bars and
    /// every column stayed in the item).
    @Test func aPipeTableGivesItsItemCells() {
        let list = Self.list("""
        | # | Recommendation | Owner |
        |---|---|---|
        | 1 | The Executive should publish the audit programme. | LSCP |
        | 2 | Partners should review the threshold document each year. | Chair |
        """)
        #expect(list.items == ["The Executive should publish the audit programme.",
                               "Partners should review the threshold document each year."])
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
    }

    /// Only a recommendation has a grade, as in documents: a strength or an area for improvement
    /// pasted among the lines had `should` (session 32's audit). A tentative imperative ("Consider
    /// how …") is graded as "could consider" is; any other imperative, should.
    @Test func onlyRecommendationsAreGradedAndConsiderIsCould() {
        let lines = ["Leadership of the partnership is strong and highly effective.",
                     "Too often, plans are not reviewed in time.",
                     "Consider how the board hears from young people.",
                     "Explore options for a joint audit with health.",
                     "The partnership could consider a shared audit tool.",
                     "Review the threshold document.",
                     "Partners must strengthen the scrutineer's access to data."]
        let items = lines.map { Self.finder.recommendation(line: $0, id: "x", document: "x") }
        #expect(items.map(\.kind) == [.strength, .areaForImprovement, .recommendation, .recommendation, .recommendation, .recommendation, .recommendation])
        #expect(items.map(\.strength) == [nil, nil, .could, .could, .could, .should, .must])
        // Under a heading that announces strengths, no grade either.
        let announced = Self.finder.recommendation(line: "Partners share information well.", id: "x", document: "x", announced: .strength)
        #expect(announced.strength == nil)
    }

    /// Labels shortened ("Rec. 8") or with no mark before the text, and capital letters as markers,
    /// are taken off (session 45's third re-audit: "Rec. 8 The ICB …" and "A. Schools …" kept them);
    /// an initial before a name is no marker.
    @Test func shortLabelsAndCapitalLettersAreTakenOff() {
        let list = Self.list("""
        Recommendations
        Rec. 8 The ICB should fund a named GP for safeguarding.
        A. Schools to be represented on the Executive
        B) Police to attend every strategy meeting
        Recommendation 9 The partnership should publish its plan.
        Kind regards,
        J. Smith
        """)
        #expect(list.items == ["The ICB should fund a named GP for safeguarding.", "Schools to be represented on the Executive",
                               "Police to attend every strategy meeting", "The partnership should publish its plan."])
        #expect(ItemLabel.unlabelled("Recommendation 3 was completed in March.", labels: ["recommendation"])
                == "Recommendation 3 was completed in March.")
        #expect(PastedList(["Summary", "A. Smith"].joined(separator: "\n"), finder: Self.finder).items.count <= 1)
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

    /// Session 46's re-audit: a thanks before the list ended it (every item after was lost), and a
    /// numbered item in note form between two others was taken for a sub-heading.
    @Test func aThanksBeforeTheListAndANumberedNoteAreNoEnd() {
        let thanked = Self.list("Dear Sam,\n\nThanks for the papers.\n\n1. The partnership should publish its annual report on time.\n"
            + "2. Health should attend every strategy meeting.\n\nBest wishes\nPriya")
        #expect(thanked.items == ["The partnership should publish its annual report on time.", "Health should attend every strategy meeting."])
        #expect(thanked.leftOut.contains("Thanks for the papers.") && thanked.leftOut.contains("Priya"))
        let numbered = Self.list("Recommendations\n1. The partnership should publish its annual report\n2. Schools on the Executive\n3. Audit neglect cases")
        #expect(numbered.items == ["The partnership should publish its annual report", "Schools on the Executive", "Audit neglect cases"])
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

    /// A pasted tracker whose header names the items' column gives that column, not the longest
    /// cell (session 46's re-audit: the Lead or Progress cell was taken for the item).
    @Test func aTablesHeaderNamesTheItemsColumn() {
        let tabbed = Self.list("Recommendation\tLead\tDue\nAgree a funding formula\tThe three statutory safeguarding partners jointly\tApril 2025\n"
            + "1. Publish the annual report on time\tBusiness Manager\tSeptember 2025")
        #expect(tabbed.items == ["Agree a funding formula", "Publish the annual report on time"], "\(tabbed.items)")
        let piped = Self.list("""
        | No. | Recommendation | Lead | Progress update |
        |---|---|---|---|
        | 1 | Agree a funding formula | Safeguarding partners | A revised formula was agreed by the Executive in January 2025 |
        """)
        #expect(piped.items == ["Agree a funding formula"], "\(piped.items)")
    }

    /// A title with a byline under it is the list's title, and dates it (session 46's re-audit: it
    /// was counted as a recommendation when "Prepared by" followed it).
    @Test func aTitleWithABylineUnderItIsATitle() {
        let list = Self.list("""
        Independent scrutineer's report to the Executive, March 2025
        Prepared by J. Smith
        Recommendations
        1. The three safeguarding partners should agree a revised funding formula.
        """)
        #expect(list.items == ["The three safeguarding partners should agree a revised funding formula."], "\(list.items)")
        #expect(list.headingLines.first == "Independent scrutineer's report to the Executive, March 2025")
    }

    /// A committee's decision pasted from minutes is procedural, as in the minutes read as a
    /// document (session 46's re-audit: "That the report be noted." was a recommendation).
    @Test func aDecisionOfMinutesIsProcedural() {
        #expect(Self.finder.recommendation(line: "That the report be noted.", id: "x", document: "x").kind == .procedural)
        #expect(Self.finder.recommendation(line: "The partnership should publish its plan.", id: "x", document: "x").kind == .recommendation)
    }

    /// A question is a request for an answer, graded should, or could where it opens tentatively
    /// ("Could the partnership …?"): session 45's third re-audit found every question graded should.
    @Test func aQuestionIsARequestGradedByItsOpening() {
        let lines = ["How does the Executive know that learning from reviews has changed practice?",
                     "Could the partnership publish its annual report on time?",
                     "Can partners show the difference the neglect strategy has made?",
                     "Could be published sooner."]
        let items = lines.map { Self.finder.recommendation(line: $0, id: "x", document: "x") }
        #expect(items.map(\.kind) == [.recommendation, .recommendation, .recommendation, .recommendation])
        // A statement opening with "could" is no question: its grade is as before.
        #expect(items.map(\.strength) == [.should, .could, .could, .should])
    }

    /// A line of megabytes is cut at the limit for one block of a document, as a document's would
    /// be (session 28's user audit: an 8 MB line was one item, whole).
    @Test func aLineOfMegabytesIsCutAtTheBlockLimit() {
        let long = "The partnership should " + String(repeating: "review its data ", count: 70_000)
        let list = Self.list(long + "\n2. Partners should publish the audit programme.")
        #expect(list.items.count == 2)
        #expect(list.items[0].utf8.count <= DocumentReader.maximumBlockBytes)
        #expect(list.items[0].hasPrefix("The partnership should review its data"))
        // The item is its line without the space at its end.
        #expect(list.cut.count == 1 && list.cut.longest == long.utf8.count - 1)
        #expect(Self.list("1. Partners should publish the audit programme.").cut.count == 0)
    }
}
