import Foundation
import Testing
@testable import ScrutinyKit

/// The 95% intervals `scrutiny evaluate` puts beside its figures: drawn around the evaluation's own
/// figures, by document where there are enough documents, the same on every run, wider over fewer
/// documents, and never a point where every item agrees.
@Suite struct EvaluationIntervalsTests {
    /// The corpus's text documents evaluated against their hand annotation, themes coded with the
    /// project's scheme: a real evaluation of 19 documents.
    static let corpus: ExtractionEvaluation = {
        let finder = RecommendationFinder(rules: RecommendationsTests.rules)
        var found: [Recommendation] = []
        var read: [String] = []
        for path in Paths.corpusDocuments() {
            let document = try! DocumentReader().read(path: path)
            found += finder.recommendations(in: document)
            read.append(document.name)
        }
        let gold = try! GoldSet.load(path: Paths.corpus.appendingPathComponent("annotations.csv").path)
        var evaluation = ExtractionEvaluation(found: found, gold: gold.annotations, read: read, itemless: gold.itemless)
        evaluation.scoreThemes(with: Classifier(scheme: try! LexiconDirectory(url: Paths.lexicons).scheme("wt2018")))
        return evaluation
    }()

    static func contains(_ interval: EvaluationIntervals.Interval?, _ value: Double) -> Bool {
        guard let interval else { return false }
        return interval.low <= value + 1e-12 && value <= interval.high + 1e-12
    }

    @Test func theWholeSampleGivesTheEvaluationsOwnFigures() throws {
        let evaluation = Self.corpus
        let (items, themes) = EvaluationIntervals.wholeSampleFigures(evaluation)
        let form = try #require(evaluation.byForm["listed+explicit"])
        let groupBase = 4 + 3 * ExtractionEvaluation.formGroups.firstIndex { $0.name == "listed+explicit" }!
        #expect(items[0] == evaluation.overall.precision)
        #expect(items[1] == evaluation.overall.recall)
        #expect(abs((items[2] ?? -1) - evaluation.overall.f1) < 1e-12)
        #expect(items[3] == evaluation.kindAccuracy)
        #expect(items[groupBase] == form.precision && items[groupBase + 1] == form.recall && items[groupBase + 2] == form.kindAccuracy)
        // Then each kind's precision, recall and F1 (a pair counting where both are of the kind).
        for (index, kind) in Recommendation.Kind.allCases.enumerated() {
            let score = try #require(evaluation.byKind[kind.rawValue])
            let base = 4 + 3 * ExtractionEvaluation.formGroups.count + 3 * index
            #expect(items[base] == (score.found == 0 ? nil : score.precision), "\(kind)")
            #expect(items[base + 1] == (score.gold == 0 ? nil : score.recall), "\(kind)")
            if score.found > 0, score.gold > 0 { #expect(abs((items[base + 2] ?? -1) - score.f1) < 1e-12, "\(kind)") }
        }
        #expect(evaluation.byKind["strength"].map { $0.recall < 1 && $0.gold > 20 } == true)
        let summary = try #require(evaluation.themes?.summary)
        #expect(summary.items > 100)
        #expect(themes[0] == summary.themeAccuracy)
        #expect(abs((themes[1] ?? -1) - summary.kappa) < 1e-12)
        #expect(themes[2] == summary.subthemeAccuracy)
        #expect(abs((themes[3] ?? -1) - summary.macroF1) < 1e-12)
    }

    @Test func intervalsHoldTheirFiguresAndAreTheSameEveryRun() throws {
        var evaluation = Self.corpus
        evaluation.estimateIntervals()
        let intervals = try #require(evaluation.intervals)
        #expect(intervals.unit == .document && intervals.units == Paths.corpusDocuments().count)
        #expect(intervals.resamples == 1000)
        #expect(Self.contains(intervals.precision, evaluation.overall.precision))
        #expect(Self.contains(intervals.recall, evaluation.overall.recall))
        #expect(Self.contains(intervals.kindAccuracy, evaluation.kindAccuracy))
        let strength = try #require(evaluation.byKind["strength"])
        #expect(Self.contains(intervals.byKind["strength"]?.recall, strength.recall))
        #expect(intervals.byKind.count == Recommendation.Kind.allCases.count)
        let themes = try #require(evaluation.themes)
        #expect(Self.contains(intervals.themes?.themeAccuracy, themes.themeAccuracy))
        #expect(Self.contains(intervals.themes?.kappa, themes.kappa))
        // A theme accuracy near 0.9 over 19 documents is not known to the third decimal.
        let accuracy = try #require(intervals.themes?.themeAccuracy)
        #expect(accuracy.high - accuracy.low > 0.03)
        #expect(EvaluationIntervals(evaluation) == intervals)
        // Other draws give other intervals, so the equality above says the draws are fixed.
        #expect(EvaluationIntervals(evaluation, seed: 7) != intervals)
    }

    /// Resampling documents: fewer documents give a wider interval, and a handful of documents are
    /// too few to draw, so their items are drawn instead.
    @Test func fewerDocumentsWidenTheIntervalAndAFewAreDrawnByItem() throws {
        let evaluation = Self.corpus
        let documents = Set(evaluation.matches.map { ItemMatcher.stem($0.gold.document) }).sorted()
        func part(_ keep: Set<String>) -> ExtractionEvaluation {
            var part = evaluation
            part.matches = evaluation.matches.filter { keep.contains(ItemMatcher.stem($0.gold.document)) }
            part.misses = evaluation.misses.filter { keep.contains(ItemMatcher.stem($0.document)) }
            part.falseFinds = evaluation.falseFinds.filter { keep.contains(ItemMatcher.stem($0.document)) }
            part.themeCodings = evaluation.themeCodings?.filter { keep.contains(ItemMatcher.stem($0.document)) }
            return part
        }
        func width(_ interval: EvaluationIntervals.Interval?) -> Double { interval.map { $0.high - $0.low } ?? .nan }
        let all = EvaluationIntervals(evaluation)
        let half = EvaluationIntervals(part(Set(documents.prefix(EvaluationIntervals.minimumDocuments))))
        #expect(half.unit == .document && half.units == EvaluationIntervals.minimumDocuments)
        #expect(width(half.themes?.themeAccuracy) > width(all.themes?.themeAccuracy))
        let few = EvaluationIntervals(part(Set(documents.prefix(3))))
        #expect(few.unit == .item)
        #expect(few.units == part(Set(documents.prefix(3))).matches.count + part(Set(documents.prefix(3))).misses.count
            + part(Set(documents.prefix(3))).falseFinds.count)
    }

    /// Every item agreeing in every document makes every sample agree; the interval still says
    /// what that many items cannot rule out (Wilson's: 189 of 189 leaves 0.980 open).
    @Test func allAgreeingIsNoPointInterval() throws {
        func item(_ number: Int, _ document: String) -> Recommendation {
            Recommendation(id: "\(number)", document: document, kind: .recommendation,
                           text: "The partnership should publish report number \(number) of the year on time.", section: "", cue: "should", locations: [])
        }
        let found = (0..<189).map { item($0, "d\($0 % 12).txt") }
        let gold = found.map { Annotation(document: $0.document, kind: .recommendation, text: $0.text, line: 2) }
        let intervals = EvaluationIntervals(ExtractionEvaluation(found: found, gold: gold))
        let precision = try #require(intervals.precision)
        #expect(precision.high == 1)
        #expect(abs(precision.low - 189 / (189 + 1.959964 * 1.959964)) < 1e-6)
        // F1 likewise: no narrower than the F1 of the precision's and the recall's Wilson bounds.
        let f1 = try #require(intervals.f1)
        #expect(abs(f1.low - precision.low) < 1e-9 && f1.high == 1)
    }

    /// Profile accuracy is drawn by partnership: where one partnership holds every disagreement,
    /// some samples leave it out, so the interval reaches 1, which the same cells drawn one by one
    /// (Wilson's interval of 230 of 240) would not.
    @Test func profileAccuracyIsDrawnByPartnership() throws {
        var coding: [(partnership: String, indicator: String, value: IndicatorValue, evidence: String)] = []
        for partnership in 0..<12 {
            for indicator in 0..<20 {
                // Nothing is profiled, so a cell agrees exactly where it was coded not stated.
                coding.append(("P\(partnership)", "i\(indicator)", partnership == 0 && indicator < 10 ? .yes : .notStated, ""))
            }
        }
        let evaluation = ProfileEvaluation(profiles: [], coding: coding)
        #expect(evaluation.agreeing == 230)
        let interval = try #require(evaluation.accuracyInterval())
        #expect(interval.high == 1 && interval.low < evaluation.accuracy)
        let cells = try #require(Bootstrap.wilson(230, of: 240))
        #expect(cells.high < 0.98 && interval.low < cells.low)
        #expect(evaluation.accuracyInterval() == interval)
    }

    /// A second scheme's codes beside the first's: compared with itself every difference is 0 in
    /// every sample; compared with a scheme of one word, the difference holds its point and leaves
    /// out 0.
    @Test func schemesAreComparedOnTheSameDraws() throws {
        var same = Self.corpus
        same.compareThemes(with: Classifier(scheme: try LexiconDirectory(url: Paths.lexicons).scheme("wt2018")), codedWith: "wt2018")
        same.estimateIntervals()
        let zero = try #require(same.intervals?.themeDifference)
        for interval in [zero.themeAccuracy, zero.kappa, zero.subthemeAccuracy, zero.macroF1] {
            #expect(interval == .init(low: 0, high: 0))
        }
        // Drawing the differences comes after the figures' draws, so they keep their intervals.
        var plain = Self.corpus
        plain.estimateIntervals()
        #expect(same.intervals?.themes == plain.intervals?.themes && same.intervals?.precision == plain.intervals?.precision)

        var other = Self.corpus
        let oneWord = ThemeScheme(lexicon: try LexiconFile.parse("purpose:\n  safeguarded:\n    - children\n", name: "one-word"))
        other.compareThemes(with: Classifier(scheme: oneWord), codedWith: "one-word")
        other.estimateIntervals()
        let comparison = try #require(other.comparison)
        let mine = try #require(other.themes?.summary)
        #expect(comparison.themes.items == mine.items)
        #expect(comparison.themes.themeAccuracy < mine.themeAccuracy - 0.2)
        let difference = try #require(other.intervals?.themeDifference?.themeAccuracy)
        #expect(Self.contains(difference, mine.themeAccuracy - comparison.themes.themeAccuracy))
        #expect(difference.low > 0)
    }

    /// Two codings of the same items compared apart from an evaluation (as `lexicon learn` compares
    /// its folds' codes): a coding against itself differs by 0 in every sample; codings of other
    /// items are not compared.
    @Test func twoCodingsOfTheSameItemsAreComparedPairwise() throws {
        let codings = try #require(Self.corpus.themeCodings)
        let itself = try #require(EvaluationIntervals.difference(codings, codings))
        #expect(itself.unit == .document && itself.units == Set(codings.map { ItemMatcher.stem($0.document) }).count && itself.units >= 10)
        #expect(itself.difference.themeAccuracy == .init(low: 0, high: 0))
        let allPurpose = codings.map { ExtractionEvaluation.ThemeCoding(document: $0.document, gold: $0.gold, goldSubtheme: $0.goldSubtheme,
                                                                        predicted: "purpose", predictedSubtheme: nil) }
        let against = try #require(EvaluationIntervals.difference(codings, allPurpose)?.difference.themeAccuracy)
        let share = { (coded: [ExtractionEvaluation.ThemeCoding]) in Double(coded.filter { $0.gold == $0.predicted }.count) / Double(coded.count) }
        #expect(Self.contains(against, share(codings) - share(allPurpose)) && against.low > 0)
        #expect(EvaluationIntervals.difference(codings, Array(allPurpose.dropFirst())) == nil)
    }

    /// Samples in which kappa is undefined (one theme alone in the sample) are left out of its
    /// interval and counted, and the table says so (session 47's audit: "1.000 (1.000–1.000)" on
    /// 16 items, a third of the samples without their one leadership item).
    @Test func samplesWhereKappaIsUndefinedAreCounted() throws {
        let themes = Array(repeating: "purpose", count: 15) + ["leadership"]
        let codings = themes.enumerated().map { ExtractionEvaluation.ThemeCoding(document: "d\($0.offset).txt", gold: $0.element,
                                                                                goldSubtheme: nil, predicted: $0.element, predictedSubtheme: nil) }
        let drawn = try #require(EvaluationIntervals.themes(codings, resamples: 1_000))
        let kappa = try #require(drawn.intervals.kappa)
        // One item in sixteen is left out of a sample of sixteen with chance (15/16)^16, about 0.356.
        let undefined = try #require(kappa.undefined)
        #expect(undefined > 300 && undefined < 420, "\(undefined)")
        #expect(drawn.intervals.themeAccuracy?.undefined == nil)
        // Macro-F1 is 1 in every sample that holds both themes, but its interval is never narrower
        // than the mean of each theme's Wilson-bounded F1 (one leadership item of one: from about 0.2).
        let macro = try #require(drawn.intervals.macroF1)
        #expect(macro.high == 1 && macro.low < 0.7 && macro.low > 0.4, "\(macro)")
        #expect(EvaluationText.figure(1, over: 16, within: kappa).hasSuffix(", undefined in \(undefined) samples)"))
    }

    @Test func noSamplesNoIntervals() throws {
        var evaluation = Self.corpus
        evaluation.estimateIntervals(resamples: 0)
        #expect(evaluation.intervals == nil)
        #expect(evaluation.summary.intervals == nil)
        // Nor a key for them in JSON (the table's brackets are drawn only from `intervals`).
        let json = try #require(String(data: try JSONEncoder().encode(evaluation), encoding: .utf8))
        #expect(!json.contains("\"intervals\"") && json.contains("\"overall\""))
    }
}
