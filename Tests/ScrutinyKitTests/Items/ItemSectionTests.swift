import Testing
@testable import ScrutinyKit

/// The item finder reads its sections from the document's walk (``SectionWalk``): an item's
/// section is the walk's heading path, a contents page's heading and entries open no section of
/// items, and a lead-in reaches as far as the walk's (``ListScope``).
@Suite struct ItemSectionTests {
    @Test func aContentsEntryOpensNoSectionOfItems() {
        let found = ItemFixtures.items(in: """
            # Annual report

            ## Contents

            ### Recommendations 5

            ## Introduction

            - The partnership should publish its annual plan by the end of June.

            ## Recommendations

            1. Publish the annual plan on the partnership's website.
            """, narrative: false)
        #expect(found.map(\.section) == ["Annual report › Introduction", "Annual report › Recommendations"])
        #expect(found.map(\.form) == [.explicit, .listed], "the entry \"Recommendations 5\" did not make the introduction a list of items")
    }

    /// Under "Recommendations" written as paragraphs, one to a recommendation, a paragraph in the
    /// imperative is an item as one with "should" is; prose that asks nothing stays prose
    /// (session 45's re-audit: "Consider how …" and "Review the escalation policy …" were lost).
    @Test func imperativeParagraphsUnderRecommendationsAreItems() {
        let found = ItemFixtures.items(in: """
            # Northvale scrutiny report

            ## Recommendations

            The three safeguarding partners should agree a revised funding formula.

            Consider how the partnership can involve parents and carers in the design of its early help offer.

            Review the escalation policy and relaunch it.

            The recommendations below were discussed with the executive in March.
            """, narrative: false, documentType: "scrutiny-report")
        #expect(found.map(\.text) == ["The three safeguarding partners should agree a revised funding formula.",
                                      "Consider how the partnership can involve parents and carers in the design of its early help offer.",
                                      "Review the escalation policy and relaunch it."], "\(found.map(\.text))")
        #expect(found.map(\.strength) == [.should, .could, .should])
    }

    /// "Strengthening multi-agency safeguarding" is a title, not a heading of strengths: its list
    /// is not one of listed strengths (a partnership's news page, session 21's audit), while
    /// "Strengths" and "Key strengths" are.
    @Test func aHeadingAboutStrengtheningAnnouncesNoStrengths() {
        let found = ItemFixtures.items(in: """
            # Strengthening multi-agency safeguarding

            ## Key findings

            - Capacity: partnerships frequently face limits on the time that practitioners can give to reviews.
            - Variability: reviews are conducted in different ways across the country.

            ## Key strengths

            - Leaders know their services well and act on what they learn.
            """, narrative: false)
        #expect(found.map(\.kind) == [.strength])
        #expect(found.first?.text == "Leaders know their services well and act on what they learn.")
    }

    /// A lead-in says what its list holds in the words a heading would: "Areas of development:"
    /// as "Areas for development" (an annual report's summary, session 21's audit: nothing found).
    @Test func aLeadInNamesItsListAsAHeadingWould() {
        let found = ItemFixtures.items(in: """
            # Annual report

            The report sets out what the partnership achieved over the year and what it will do next, with its partners.

            Areas of development:

            - Reviewing and strengthening the local response to neglect.
            - Embedding learning from reviews in practice across agencies.
            """, narrative: false)
        #expect(found.map(\.kind) == [.areaForImprovement, .areaForImprovement])
        #expect(found.map(\.form) == [.listed, .listed])
    }

    /// An annual report's "Summary of achievements" lists strengths, as "Strengths" does.
    @Test func aSummaryOfAchievementsListsStrengths() {
        let found = ItemFixtures.items(in: """
            # Annual report

            ## Summary of achievements

            - Learning from serious case reviews is embedded in practice across agencies.
            - Attendance at multi-agency training rose by half over the year.
            """, narrative: false)
        #expect(found.map(\.kind) == [.strength, .strength])
        #expect(found.map(\.form) == [.listed, .listed])
    }

    @Test func anItemAmongAContentsPagesEntriesStandsUnderThePage() {
        let found = ItemFixtures.items(in: """
            # Annual report

            ## Contents

            ### Summary 3

            The partnership should publish its annual plan by the end of June.

            ### Findings 7

            ## Summary

            The partnership should fund the business unit for three more years.
            """, narrative: false)
        #expect(found.map(\.section) == ["Annual report › Contents", "Annual report › Summary"])
    }

    /// Until 51e4410 the finder ended a lead-in at the first numbered item.
    @Test func aParagraphLeadInAnnouncesANumberedList() {
        let found = ItemFixtures.items(in: """
            # Findings

            The inspectors identified the following areas for improvement:

            1. The quality of supervision of social workers is variable.
            2. Return home interviews are not always timely.

            Leaders know their services well.

            3. The partnership has a clear plan.
            """, narrative: false)
        #expect(found.map(\.kind) == [.areaForImprovement, .areaForImprovement])
        #expect(found.map(\.form) == [.listed, .listed])
    }

    /// Council minutes number their resolutions "(1)", "(2)": list markers, taken off the text;
    /// the first was lost in the paragraph the lines made (session 24's audit).
    @Test func bracketedNumbersAreListMarkers() {
        let found = ItemFixtures.items(in: """
            # Recommendations

            (1) That the partnership publishes its yearly report by September.
            (2) That the board reviews its set of data by March.
            """, narrative: false)
        #expect(found.map(\.text) == ["That the partnership publishes its yearly report by September.",
                                       "That the board reviews its set of data by March."])
    }

    /// Without a colon, only a paragraph's last sentence can lead in: a summary of findings cut off
    /// mid-sentence that named "the area's strengths" early on keeps its findings (a SEND letter
    /// on a council's page lost all of them; session 24's audit). With a colon, the sentences
    /// before the lead-in are judged, and the list after it is the lead-in's.
    @Test func onlyTheLastSentenceOfAParagraphLeadsIn() {
        let cut = ItemFixtures.items(in: """
            # Main findings

            Leaders work closely together and have an accurate understanding of the area's strengths and priorities. Parents say that communication has improved a great deal. Leaders do not check that children who have SEND are achieving
            """, narrative: true)
        #expect(cut.map(\.kind) == [.strength, .strength])
        let colon = ItemFixtures.items(in: """
            # Summary

            Leaders have an accurate understanding of the area's strengths. Inspectors identified the following areas for improvement:

            - the timeliness of plans for children in care
            - the quality of the online local offer
            """, narrative: true)
        #expect(colon.map(\.kind) == [.strength, .areaForImprovement, .areaForImprovement])
        #expect(colon.map(\.form) == [.narrative, .listed, .listed])
    }

    /// A label that announces items with them in its own paragraph, one to a clause between
    /// semicolons, gives an item a clause, of the label's kind (a case review's summary, session
    /// 25's blind audit); a label of topics ("Learning themes include") gives none, and commas
    /// keep a labelled finding whole.
    @Test func aLabelsClausesBetweenSemicolonsAreItsItems() {
        let found = ItemFixtures.items(in: """
            # Case review summary

            Learning themes include: listening to the child; the effect of moving schools; and the weight given to history.

            Recommendations include: map the support offered to families who move between areas; make sure the plan names \
            who leads when two authorities are involved; and review how school absence is shared with children's social care.

            Areas for development: supervision records, the offer for care leavers and recording of visits.
            """, narrative: false, documentType: "independent-review")
        #expect(found.map(\.kind) == [.recommendation, .recommendation, .recommendation, .areaForImprovement])
        #expect(found.map(\.form) == [.listed, .listed, .listed, .listed])
        #expect(found.prefix(3).map(\.text) == [
            "map the support offered to families who move between areas",
            "make sure the plan names who leads when two authorities are involved",
            "review how school absence is shared with children's social care",
        ])
    }

    /// A quotation is announced by the lead-in's own sentence: an audit's account that names "the
    /// guidance" earlier in its paragraph still leads in to findings (session 25's blind audit lost
    /// a front-door audit's four findings so), while a lead-in that points back to the guidance ("It
    /// asks whether:") quotes it.
    @Test func aQuotationIsAnnouncedByTheLeadInsOwnSentence() {
        let found = ItemFixtures.items(in: """
            # Front door audit

            The audit asked whether the guidance on levels of need was being applied by referrers. Key findings included:

            - A large share of referrers were not using the levels of need framework.

            # Guidance

            We used the statutory guidance as our framework. It asks whether:

            - Agencies should not use the framework as a barrier to referral.
            """, narrative: true, documentType: "annual-report")
        #expect(found.map(\.kind) == [.areaForImprovement], "\(found.map(\.text))")
        #expect(found.first?.text.hasPrefix("A large share of referrers") == true)
    }

    /// "The manager should:" among the entries of a list of recommendations, its own entries set
    /// out beside it, names who they are for: each entry after it is an item, the addressee none
    /// (an inspectorate's recommendations in a committee's minutes, session 26's audit). With its
    /// entries under it, the addressee's entry is one item with them as its parts.
    @Test func anAddresseeBesideItsEntriesIsNoItem() {
        let beside = ItemFixtures.items(in: """
            # Minutes

            The report made the following recommendations:

            - The service manager should:
            - ensure that supervision records show the decisions made.
            - ensure that plans set out what will happen if risks rise.
            - The management board should:
            - ensure that the service has enough staff for its caseloads.

            The committee noted the report.
            """, narrative: false)
        // The minute after the list is the committee's decision on the paper: procedural since
        // session 30 (as a minuted "RESOLVED – That the Committee notes the report" always was).
        #expect(beside.map(\.text) == ["ensure that supervision records show the decisions made.",
                                        "ensure that plans set out what will happen if risks rise.",
                                        "ensure that the service has enough staff for its caseloads.",
                                        "The committee noted the report."])
        #expect(beside.map(\.kind) == [.recommendation, .recommendation, .recommendation, .procedural])
        let under = ItemFixtures.items(in: """
            # Report

            ## Recommendations

            - The service manager should:
              - ensure that supervision records show the decisions made.
              - ensure that plans set out what will happen if risks rise.
            - The management board must:
              - ensure that the service has enough staff for its caseloads.
            """, narrative: false)
        #expect(under.count == 2)
        #expect(under.first?.text.hasPrefix("The service manager should: ensure that supervision") == true)
    }

    /// A lead-in that points back ("These weaknesses were:", "These were outlined as follows:")
    /// takes its kind from the sentence before it, when that sentence names one kind only: the
    /// entries after "… three areas of significant weakness. These weaknesses were:" are areas for
    /// improvement (session 28's audits of minutes and a parents' forum statement; they were
    /// judged one by one and two of three came out as strengths or nothing). A sentence naming two
    /// kinds ("the achievements … and areas of development. These include:") leaves its entries to
    /// be judged one by one.
    @Test func aLeadInThatPointsBackTakesItsKindFromTheSentenceBefore() {
        let found = ItemFixtures.items(in: """
            # Statement

            The inspectors' report highlighted three areas of significant weakness. These weaknesses were:

            1) The quality of education, health and care plans

            2) The timeliness of assessments for autism

            3) Joint commissioning between the council and the health service
            """, narrative: false)
        #expect(found.map(\.kind) == [.areaForImprovement, .areaForImprovement, .areaForImprovement])
        #expect(found.map(\.form) == [.listed, .listed, .listed])
        let mixed = ItemFixtures.items(in: """
            # Annual report

            The report sets out the achievements and areas of development for the year ahead. These include:

            - Joint commissioning of short breaks for disabled children
            """, narrative: false)
        #expect(mixed.isEmpty)
    }

    /// A list whose markers were lost (a news page copied as text) has its entries as paragraphs:
    /// after a lead-in that announces items, each short paragraph without a full stop is an entry,
    /// until a paragraph that is not one (session 27's audit: a scrutiny review's nine
    /// recommendations were all lost). A paragraph with its full stop ends the list, and so does
    /// a list item: a short line after a marked list is not one of its entries.
    @Test func aListWithoutMarkersHasItsEntriesAsParagraphs() {
        let found = ItemFixtures.items(in: """
            # News

            The committee's review of how agencies tackle exploitation is published today.

            Among the review's recommendations are:

            Making sure that every school has a named lead for exploitation and missing children

            Giving victims and their families quicker access to therapeutic support after disclosure

            A single telephone line for taxi drivers and hotel staff to report concerns about a child

            The chair of the committee thanked everyone who gave evidence to the review over the year.

            Holding the next meeting of the review group in the town hall later in the spring
            """, narrative: false)
        #expect(found.map(\.text) == [
            "Making sure that every school has a named lead for exploitation and missing children",
            "Giving victims and their families quicker access to therapeutic support after disclosure",
            "A single telephone line for taxi drivers and hotel staff to report concerns about a child",
        ])
        #expect(found.map(\.kind) == [.recommendation, .recommendation, .recommendation])
        #expect(found.map(\.form) == [.listed, .listed, .listed])
        let afterMarkers = ItemFixtures.items(in: """
            # News

            The review made these recommendations:

            - Making sure that every school has a named lead for exploitation and missing children

            The review group's members and the witnesses who came to give evidence to it
            """, narrative: false)
        #expect(afterMarkers.map(\.text) == ["Making sure that every school has a named lead for exploitation and missing children"])
    }

    /// A paragraph labelled with its number where it stands ("Recommendation 1. The head of
    /// service to …") is an item of the label's kind, whatever its wording, as minutes set out a
    /// review's recommendations (session 27's audit: two were lost, having no modal). A label
    /// named in a sentence, or with too few words after it, makes none.
    @Test func aParagraphLabelledWithItsNumberIsAnItem() {
        let found = ItemFixtures.items(in: """
            # Minutes

            The committee received the review group's report.

            Recommendation 1. The head of service to publish a termly bulletin for councillors on exploitation.

            Recommendation 2: The partnership to refresh its strategy so that it names the review's aims.

            Recommendation 3 was accepted in full by the cabinet at its last meeting.

            Recommendation 4: Accepted.

            Recommendation 5: Review the escalation policy.

            Recommendation 6: Training for schools
            """, narrative: false)
        // (A sentence of three words or more after its label is one too: session 47, ua67's
        // re-audit found "Recommendation 3: Review the escalation policy." left out.)
        #expect(found.map(\.text) == ["The head of service to publish a termly bulletin for councillors on exploitation.",
                                      "The partnership to refresh its strategy so that it names the review's aims.",
                                      "Review the escalation policy."])
        #expect(found.map(\.kind) == [.recommendation, .recommendation, .recommendation])
        #expect(found.map(\.form) == [.listed, .listed, .listed])
    }

    /// A table with no column named for items still holds sentences that ask for action (a page's
    /// "Area | Finding" table under "Recommendations", session 37's third audit); its labels and a
    /// cell cut short, as a PDF's best-effort table may cut one, are no items, nor is a judgement.
    @Test func aTablesSentencesThatAskAreItems() {
        let blocks: [Block] = [
            .heading("Recommendations", level: 2),
            .tableRow(["Area", "Finding"]),
            .tableRow(["Audit", "The partnership should repeat the audit of neglect cases this year."]),
            .tableRow(["Data", "Partners should agree one set of data for the board and"]),
            .tableRow(["Training", "Training for staff in schools has been well received and effective."]),
        ]
        let document = Document(source: "review.html", sha256: "0123456789abcdef", format: .html, blocks: blocks)
        let found = RecommendationFinder(rules: ItemFixtures.rules, narrative: true).recommendations(in: document)
        #expect(found.map(\.text) == ["The partnership should repeat the audit of neglect cases this year."], "\(found.map(\.text))")
        #expect(found.first?.form == .explicit && found.first?.strength == .should && found.first?.section == "Recommendations")
    }

    /// A cell that asks for action and closes on the lead-in of the points under its row is an
    /// item of its findings section, without that lead-in; the points stay items of their own
    /// (a SEND report's "Responsible body | Areas for priority action" table, Suffolk 2024). A cell
    /// that is only a lead-in gives no item, and outside a findings section nothing changes.
    @Test func aCellBeforeItsPointsIsAnItemWithoutItsLeadIn() {
        func found(under heading: String, _ cell: String) -> [Recommendation] {
            let blocks: [Block] = [
                .heading(heading, level: 2),
                .tableRow(["Responsible body", "Areas for priority action"]),
                .tableRow(["The council and the board", cell]),
                .listItem("the robustness and impact of governance", marker: "•"),
                .listItem("the frequency and quality of multi-agency working", marker: "•"),
            ]
            let document = Document(source: "send.html", sha256: "0123456789abcdef", format: .html, blocks: blocks)
            return RecommendationFinder(rules: ItemFixtures.rules).recommendations(in: document)
        }
        let cell = "The partnership should work more collaboratively to improve strategic planning. In particular they should urgently improve:"
        let items = found(under: "Areas for priority action", cell)
        #expect(items.map(\.text) == ["The partnership should work more collaboratively to improve strategic planning.",
                                      "the robustness and impact of governance", "the frequency and quality of multi-agency working"],
                "\(items.map(\.text))")
        #expect(items.allSatisfy { $0.kind == .areaForImprovement && $0.form == .listed })
        #expect(found(under: "Areas for priority action", "In particular the partnership should urgently improve:").count == 2)
        #expect(!found(under: "Background", cell).contains { $0.text.hasPrefix("The partnership should work") })
    }
}
