import Foundation
import Testing
@testable import ScrutinyKit

/// A line given on its own as an item (`classify --lines`): its kind, grade and form
/// (``RecommendationFinder/recommendation(line:id:document:announced:listed:)``).
@Suite struct PastedLineItemsTests {
    static let finder = PastedListTests.finder

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
}
