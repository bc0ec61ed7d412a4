import Foundation
import Testing
@testable import ScrutinyKit

/// Two sets of item rules scored on the same documents against the same hand annotation
/// (`evaluate --compare-rules`): what one finds and the other misses, item by item, and the
/// differences of the figures with intervals that draw the same documents for both.
@Suite struct RuleComparisonTests {
    /// The corpus's text documents read once.
    static let documents = Paths.corpusDocuments().map { try! DocumentReader().read(path: $0) }
    static let gold = try! GoldSet.load(path: Paths.corpus.appendingPathComponent("annotations.csv").path)

    static func evaluation(_ rules: ItemRules) -> ExtractionEvaluation {
        let finder = RecommendationFinder(rules: rules)
        return ExtractionEvaluation(found: documents.flatMap { finder.recommendations(in: $0) }, gold: gold.annotations,
                                    read: documents.map(\.name), itemless: gold.itemless)
    }

    /// The project's item rules without the cues that announce areas for improvement and for
    /// development: a user's edit that loses the items such headings introduce.
    static let editedRules: ItemRules = {
        let source = try! String(contentsOf: Paths.lexicons.appendingPathComponent("items.yml"), encoding: .utf8)
        var lines = source.components(separatedBy: "\n")
        let taken = ["    - area* for improvement", "    - area* for development"]
        let first = lines.firstIndex(of: taken[0])!
        precondition(lines[first + 1] == taken[1], "items.yml no longer lists the two cues together")
        lines.removeSubrange(first...(first + 1))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("items-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        try! lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return try! ItemRules(contentsOf: file)
    }()

    @Test func theSameRulesDifferNowhere() throws {
        var evaluation = Self.evaluation(RecommendationsTests.rules)
        evaluation.compareRules(with: Self.evaluation(RecommendationsTests.rules), rules: (a: "items.yml", b: "items.yml"))
        evaluation.estimateIntervals()
        let comparison = try #require(evaluation.ruleComparison)
        #expect(comparison.matchedByAOnly.isEmpty && comparison.matchedByBOnly.isEmpty && comparison.changed.isEmpty)
        #expect(comparison.falseFindsOfAOnly.isEmpty && comparison.falseFindsOfBOnly.isEmpty)
        #expect(comparison.overall == evaluation.overall && comparison.byForm == evaluation.byForm)
        let difference = try #require(evaluation.intervals?.ruleDifference)
        for interval in [difference.precision, difference.recall, difference.f1, difference.kindAccuracy] {
            #expect(interval == EvaluationIntervals.Interval(low: 0, high: 0))
        }
    }

    @Test func aCueTakenAwayLosesItsItemsAndTheDifferenceSaysSo() throws {
        let (mine, edited) = (Self.evaluation(RecommendationsTests.rules), Self.evaluation(Self.editedRules))
        var evaluation = mine
        evaluation.compareRules(with: edited, rules: (a: "lexicons/items.yml", b: "edited/items.yml"))
        evaluation.estimateIntervals()
        let comparison = try #require(evaluation.ruleComparison)
        // The lost items are areas for improvement the edited rules miss and the project's find.
        #expect(!comparison.matchedByAOnly.isEmpty)
        #expect(comparison.matchedByAOnly.allSatisfy { $0.kind == .areaForImprovement }, "\(comparison.matchedByAOnly.map(\.kind))")
        #expect(Set(comparison.matchedByAOnly).isSubset(of: Set(edited.misses)))
        #expect(Set(comparison.matchedByAOnly).isDisjoint(with: Set(mine.misses)))
        #expect(Set(comparison.matchedByBOnly).isSubset(of: Set(mine.misses)))
        // The lists account for the difference in matches.
        #expect(mine.overall.matched - comparison.matchedByAOnly.count + comparison.matchedByBOnly.count == edited.overall.matched)
        #expect(comparison.overall == edited.overall)
        // Recall fell; its paired interval holds the difference and does not reach below 0
        // (no document is better found by the edited rules).
        let difference = mine.overall.recall - edited.overall.recall
        #expect(difference > 0)
        let recall = try #require(evaluation.intervals?.ruleDifference?.recall)
        #expect(recall.low >= 0 && recall.low <= difference && difference <= recall.high && recall.high > 0, "\(recall) around \(difference)")
        // The item figures' own intervals are those of an evaluation without a comparison.
        var alone = mine
        alone.estimateIntervals()
        #expect(alone.intervals?.recall == evaluation.intervals?.recall && alone.intervals?.byForm == evaluation.intervals?.byForm)
    }

    /// Taking a grading cue out ("would benefit from", graded could) loses the items it alone
    /// found, and an item another cue still finds changes its grade: listed as found by both, told
    /// otherwise (session 37's second audit: the comparison said nothing of grades).
    @Test func aGradingCueTakenAwayChangesGradesItemByItem() throws {
        let source = try String(contentsOf: Paths.lexicons.appendingPathComponent("items.yml"), encoding: .utf8)
        let edited = source.replacingOccurrences(of: "\n    - would benefit from\n", with: "\n")
        #expect(edited != source)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("items-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        try edited.write(to: file, atomically: true, encoding: .utf8)
        var evaluation = Self.evaluation(RecommendationsTests.rules)
        evaluation.compareRules(with: Self.evaluation(try ItemRules(contentsOf: file)), rules: (a: "a", b: "b"))
        let comparison = try #require(evaluation.ruleComparison)
        let grades = comparison.changed.filter { $0.field == .strength }
        #expect(!grades.isEmpty && grades.allSatisfy { $0.inA == "could" && $0.inB != "could" }, "\(grades)")
        // Each change is of an annotation both match, and the grade in A is the one A's item has.
        for change in grades {
            let match = try #require(evaluation.matches.first { $0.gold == change.annotation })
            #expect(match.found.strength?.rawValue == change.inA)
            #expect(!comparison.matchedByAOnly.contains(change.annotation))
        }
    }

    /// Compared the other way round, the lists change places and the differences change sign.
    @Test func swappingTheRulesSwapsTheLists() throws {
        let (mine, edited) = (Self.evaluation(RecommendationsTests.rules), Self.evaluation(Self.editedRules))
        var forward = mine, backward = edited
        forward.compareRules(with: edited, rules: (a: "a", b: "b"))
        backward.compareRules(with: mine, rules: (a: "b", b: "a"))
        forward.estimateIntervals()
        backward.estimateIntervals()
        let (there, back) = (try #require(forward.ruleComparison), try #require(backward.ruleComparison))
        #expect(there.matchedByAOnly == back.matchedByBOnly && there.matchedByBOnly == back.matchedByAOnly)
        #expect(there.falseFindsOfAOnly.map(\.text) == back.falseFindsOfBOnly.map(\.text))
        let (one, other) = (try #require(forward.intervals?.ruleDifference?.recall), try #require(backward.intervals?.ruleDifference?.recall))
        #expect(abs(one.low + other.high) < 1e-12 && abs(one.high + other.low) < 1e-12, "\(one) against \(other)")
    }
}
