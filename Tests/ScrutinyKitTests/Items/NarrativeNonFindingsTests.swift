import Foundation
import Testing
@testable import ScrutinyKit

/// Sentences of the running text that judge nothing though they hold a cue: a letter's account
/// of its method, a note to the reader, the name of a sanction.
@Suite struct NarrativeNonFindingsTests {
    func polarity(_ sentence: String) -> Recommendation.Kind? { NarrativeFindingsTests().polarity(sentence) }

    /// The focused-visit letter's account of its method judges nothing, though "information" is
    /// a cue in an inspection (four tuning letters' false finds, session 22).
    @Test func theLettersMethodJudgesNothing() {
        #expect(polarity("They also looked at local authority performance management and quality assurance information.") == nil)
        #expect(polarity("Inspectors also looked at children's case records and performance information.") == nil)
        #expect(polarity("Plans are informed by up-to-date assessments of children's needs.") == .strength)
    }

    /// What a paper asks its reader to do judges nothing ("Please note the annual report … is not
    /// included in the Agenda pack" was an area for improvement, session 39's development set);
    /// the same words without the request still judge.
    @Test func aNoteToTheReaderJudgesNothing() {
        #expect(polarity("Please note the annual report is available electronically and is not included in the Agenda pack.") == nil)
        #expect(polarity("Please contact the partnership team if the review is not available on the website.") == nil)
        #expect(polarity("The annual report is not clear about the impact of the board's work on children.") == .areaForImprovement)
    }

    /// The name of a sanction judges nothing by the word "improvement" in it; what the sentence
    /// says of the service still does.
    @Test func anImprovementNoticeIsNoImprovement() {
        #expect(polarity("The DfE have also issued an improvement notice to us.") == nil)
        #expect(polarity("The council has made good improvement since the improvement notice was issued.") == .strength)
    }
}
