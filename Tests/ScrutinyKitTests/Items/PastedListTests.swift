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

    /// A word broken at a line's end is joined as a document's reader joins it (ua67 N12: a list
    /// copied from a PDF read "to en-sure", "the partner- ship" and "health assess-ments", and
    /// "health assessments" matched no term): the list's own spelling first, a compound's prefix
    /// or suffix keeps its hyphen, and so does a short prefix before its own vowel ("co-ordinate"),
    /// otherwise the pieces are one word. Across a page's footer too.
    @Test func aWordBrokenAtALinesEndIsJoinedAsTheTextSpellsIt() {
        let list = Self.list("""
        6.2 Partners should review the multi-
        agency training offer to en-
        sure that it reflects learning.
        6.3 The ICB should improve the timeliness of health assess-
        ments for children in care.
        6.4 The three partners should agree how the partner-

        Page 14 of 18

        ship will hear children's views.
        6.5 The chair should de-
        escalate disputes and co-
        ordinate the audit programme.
        """)
        #expect(list.items == [
            "Partners should review the multi-agency training offer to ensure that it reflects learning.",
            "The ICB should improve the timeliness of health assessments for children in care.",
            "The three partners should agree how the partnership will hear children's views.",
            "The chair should de-escalate disputes and co-ordinate the audit programme.",
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

    /// Without a header, the column whose cells ask in most rows is the items' (session 47: each
    /// row gave its longest cell, a tracker's Progress cell where it was longer than the item);
    /// a Word list's "1." and tab keep their marker.
    @Test func aTableWithoutHeaderGivesTheColumnThatAsks() {
        let tracker = Self.list("1\tAgree a funding formula\tSafeguarding partners\tA revised formula was agreed by the Executive in January 2025 and takes effect from April\n"
            + "2\tHealth to attend strategy meetings\tICB\tAttendance has risen to 78% but is not yet consistent across the county\n"
            + "3\tPublish the annual report on time\tBusiness Manager\tPublished in November, two months late after a delay")
        #expect(tracker.items == ["Agree a funding formula", "Health to attend strategy meetings", "Publish the annual report on time"], "\(tracker.items)")
        let word = Self.list("1.\tThe partnership should publish its annual report.\n2.\tHealth should attend every strategy meeting.\n"
            + "a.\tGPs should attend where the child is under five.\n3.\tReview the escalation policy.")
        #expect(word.items.first == "The partnership should publish its annual report.", "\(word.items)")
        #expect(word.items.count == 4 && word.listed.allSatisfy { $0 })
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
