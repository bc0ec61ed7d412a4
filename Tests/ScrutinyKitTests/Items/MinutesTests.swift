import Foundation
import Testing
@testable import ScrutinyKit

/// Council minutes and committee papers: a committee's decisions are procedural items, whatever
/// their form, and a meeting's own housekeeping is nothing.
@Suite struct MinutesTests {
    /// The items of a Markdown text, as RecommendationsTests finds them.
    func items(_ text: String) -> [Recommendation] { RecommendationsTests().items(text) }

    /// "That" followed by a verb is a pronoun, not a resolution's opening, though a body is named
    /// later ("That is the damning verdict of the Care Quality Commission …", a news page: session
    /// 39's development audit); "That the Committee notes the report" still resolves.
    @Test func thatBeforeAVerbIsAPronounNotAResolution() {
        #expect(items("# News\n\nThat is the damning verdict of the scrutiny committee on the services.\n")
            .allSatisfy { $0.kind != .procedural })
        #expect(items("# Minutes\n\nThat the Committee notes the annual report of the partnership.\n").map(\.kind) == [.procedural])
    }

    /// An officer's reply or explanation in minutes is what was said back, not a request; the
    /// member's question before it still asks (session 41, from the development set).
    @Test func aRepliesInMinutesAskForNothing() {
        let found = items("""
            # Minutes of the meeting

            The Chair asked if in future editions a glossary could be included.

            The manager replied that the content is set by the guidance, but ways it could be reduced were being looked at.

            He explained that there would be a huge amount of work to do when the guidance arrived.
            """)
        #expect(found.map(\.text) == ["The Chair asked if in future editions a glossary could be included."], "\(found.map(\.text))")
    }

    /// A minuted resolution names no body ("That the content of the presentation be noted."):
    /// still a procedural decision (a council's minutes, session 21's audit); a "That …" clause
    /// that resolves nothing is not one.
    @Test func aMinutedResolutionIsProcedural() {
        let found = items("""
            # Minutes of the meeting

            Resolved:

            That the content of the presentation be noted.

            That the annual report be endorsed.
            """)
        #expect(found.map(\.kind) == [.procedural, .procedural])
        #expect(items("# Minutes\n\nThat data for return home interviews reflects the work undertaken.\n").allSatisfy { $0.kind != .procedural })
        // Without "That": the bare subjunctive after its subject resolves ("1. The Annual Report be
        // noted."); after a modal or "to" it does not (session 23's audit).
        let numbered = items("""
            # Decision

            1. The Annual Report of the Safeguarding Children Board be noted.
            2. The appointment of a new independent chair, who sits on the Improvement Board, be noted.
            """)
        #expect(numbered.map(\.kind) == [.procedural, .procedural])
        #expect(items("# Findings\n\nIt should be noted that the annual report was published late this year.\n").allSatisfy { $0.kind != .procedural })
        // A decision naming "recommendations" without its full stop is that decision, not a lead-in
        // to what follows.
        let unstopped = items("""
            # Decision recommendations

            That Council: 1. Considers the Safeguarding Children Board Annual Report and makes any recommendations as necessary

            The board has met four times this year and its subgroups every month.
            """)
        #expect(unstopped.map(\.kind) == [.procedural])
    }

    /// A minute's word and number before its "That" ("RESOLVED – (1) That the Committee notes
    /// …", "(2) That …"), and a request put to members ("Members are asked to note …"): procedural
    /// decisions (council minutes, session 21's second audit: 3 missed, 2 strengths).
    @Test func minutedDecisionsWithTheirPreamblesAreProcedural() {
        let found = items("""
            # Minutes of the meeting

            The chair welcomed members to the meeting and introduced the item.

            RESOLVED – (1) That the Committee notes the report and supports the Council in its work.

            (2) That the Committee notes the challenges for the coming year.

            Members are asked to note that the full report is available on the website.

            The Scrutiny Committee is recommended to receive and consider the partnership's annual report for 2024-25.
            """)
        #expect(found.map(\.kind) == [.procedural, .procedural, .procedural, .procedural])
    }

    /// A question a member asked, reported, asks nothing of anyone ("asked if any comment could be
    /// given …": a recommendation in session 30's blind audit); a request after it still asks.
    @Test func aQuestionReportedIsNoRecommendation() {
        let found = items("""
            # Minutes

            Councillor Smith asked if any comment could be given on the timing of the audit programme.

            The member queried whether schools could be more involved in the work of the partnership.

            Councillor Jones asked about the audit programme, and the partnership should publish its timetable.
            """)
        #expect(found.map(\.text) == ["Councillor Jones asked about the audit programme, and the partnership should publish its timetable."])
    }

    /// A decision minuted as what the body did with the paper is procedural ("The Cabinet noted the
    /// comments of …": missed in session 30's second blind audit); what it noted of the world is not.
    @Test func aDecisionMinutedIsProcedural() {
        let found = items("""
            # Decision

            The Cabinet noted the comments of the Children and Young People Overview and Scrutiny Committee, as set out in the report.

            The Cabinet noted this report on the joint targeted area inspection and the next steps for the council and partners.

            The Committee noted that the partnership should publish its data on missing children.

            The Cabinet approved the recommendation as set out in the paper.
            """)
        #expect(found.map(\.kind) == [.procedural, .procedural, .recommendation, .procedural], "\(found.map(\.text))")
    }

    /// A meeting's own housekeeping, in every set of minutes, is no item and no finding: the last
    /// minutes approved, interests declared, who chaired (session 28's audit of committee minutes:
    /// a strength, two procedural decisions and an area for improvement). A finding that opens "In
    /// the absence of …" still judges.
    @Test func aMeetingsHousekeepingIsNoItem() {
        let minutes = """
            # Minutes of the Children's Scrutiny Committee

            Councillor Patel chaired the meeting in the absence of Councillor Greene.

            Members are asked to consider any pecuniary and non-pecuniary interests they may have to disclose.

            Resolved: That the minutes of the meeting held on 4 March be confirmed as an accurate record and signed by the Chair.

            RESOLVED – That the Committee notes the annual report of the partnership.

            To approve the minutes of the meeting held on 12 May.

            There were no members of the public who wished to speak at the meeting.
            """
        for narrative in [false, true] {
            let found = ItemFixtures.items(in: minutes, narrative: narrative, documentType: "committee-report")
            #expect(found.map(\.kind) == [.procedural], "narrative: \(narrative)")
            #expect(found.first?.text.hasSuffix("That the Committee notes the annual report of the partnership.") == true)
        }
        let letter = ItemFixtures.items(in: "# Findings\n\nIn the absence of a stable workforce, plans for children are not reviewed often enough.\n",
                                        narrative: true)
        #expect(letter.map(\.kind) == [.areaForImprovement])
    }
}
