import Foundation
import Testing
@testable import ScrutinyKit

/// How found items are paired with hand-coded ones (a gold prefix within a longer item, a stranger
/// refused) and counted per kind.
@Suite struct ItemMatchingTests {
    @Test func matcherPairsPrefixesAndRejectsStrangers() {
        let found = [
            "To further strengthen these arrangements, consideration could be given to PQA receiving single agency audits.",
            "The Executive should publish the plan.",
        ]
        let gold = [
            "consideration could be given to PQA receiving single agency audits.",
            "Something entirely different about budgets and funding formulas.",
        ]
        let pairs = ItemMatcher.pairs(found: found, gold: gold)
        #expect(pairs.map(\.found) == [0])
        #expect(pairs.map(\.gold) == [0])
    }

    @Test func evaluationCountsPerKindAndKindAccuracy() {
        func item(_ text: String, _ kind: Recommendation.Kind) -> Recommendation {
            Recommendation(id: "x", document: "a.txt", kind: kind, text: text, section: "", cue: "", locations: [])
        }
        func gold(_ text: String, _ kind: Recommendation.Kind) -> Annotation {
            Annotation(document: "a.md", kind: kind, text: text, line: 2)
        }
        let evaluation = ExtractionEvaluation(
            found: [item("Partners should agree the data set now", .recommendation),
                    item("The quality of return home interviews for children", .strength),
                    item("A stray sentence that nobody annotated at all", .recommendation)],
            gold: [gold("Partners should agree the data set now", .recommendation),
                   gold("The quality of return home interviews for children", .areaForImprovement),
                   gold("That the Committee note the report and its findings", .procedural)])
        #expect(evaluation.overall == .init(found: 3, gold: 3, matched: 2))
        #expect(evaluation.kindAccuracy == 0.5)
        #expect(evaluation.byKind["recommendation"] == .init(found: 2, gold: 1, matched: 1))
        #expect(evaluation.misses.map(\.kind) == [.procedural])
        #expect(evaluation.falseFinds.count == 1)
    }
}
