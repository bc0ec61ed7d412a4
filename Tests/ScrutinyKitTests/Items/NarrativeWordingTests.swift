import Testing
@testable import ScrutinyKit

/// Words of inspection English that judge in the running text, one by one. Every sentence here was
/// written for these tests.
@Suite struct NarrativeWordingTests {
    func polarity(_ sentence: String) -> Recommendation.Kind? {
        NarrativeJudge(cues: ItemFixtures.rules.narrative, documentType: "inspection-letter")
            .judge(sentence, words: WordTokenizer.words(sentence).map(\.text))?.kind
    }

    /// Change that "remains fragile" is not yet secure: a weakness (a monitoring visit's words
    /// quoted in the news, session 25's audit, judged nothing).
    @Test func fragileChangeIsAWeakness() {
        #expect(polarity("The recent changes to the front door remain fragile.") == .areaForImprovement)
        #expect(polarity("Improvements in the timeliness of assessments are fragile and depend on agency staff.") == .areaForImprovement)
        // The relationships that work mends are families', not the service's.
        #expect(polarity("Family workers help parents and teenagers to repair fragile relationships well.") == .strength)
    }

    /// "No." before a number numbers a paper; it negates nothing (an annual report's cover line
    /// in a council's minutes was an area for improvement, session 25's audit). "No" still negates.
    @Test func aNumberSignIsNoNegation() {
        #expect(polarity("Report No. 12/2024 from the chair of the board was presented to members.") == nil)
        #expect(polarity("No child was seen within the timescale set by the partnership.") == .areaForImprovement)
    }

    /// "The service required improvement" reports a weakness, whatever "improv*" says elsewhere.
    @Test func requiredImprovementIsAWeakness() {
        #expect(polarity("The inspection found that the service required improvement in its help for care leavers.") == .areaForImprovement)
    }
}
