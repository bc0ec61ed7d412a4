/// 95% intervals for an evaluation's figures, by the percentile bootstrap: the scored documents are
/// drawn again with replacement, as many as there are, the figures computed over each such sample,
/// and the 2.5th and 97.5th percentiles of those figures kept. Items of one document are not
/// independent (one document's wording makes many of its items found or missed together), so
/// documents are what is drawn; with fewer than ``minimumDocuments`` documents there are too few
/// to draw from, and the items (each matched pair, miss and false find) are drawn instead, which
/// gives narrower intervals than the documents would.
///
/// The draws come from a fixed seed, so the same evaluation gives the same intervals on every run
/// and machine. An interval says how far a figure could move on other documents like these; it
/// says nothing of documents unlike them.
public struct EvaluationIntervals: Sendable, Codable, Equatable {
    public struct Interval: Sendable, Codable, Equatable {
        public var low: Double
        public var high: Double
        /// Samples in which the figure was undefined (Cohen's kappa where a sample holds one theme
        /// on both sides), left out of the interval; nil where there were none. Many such samples
        /// say the interval rests on few items of some theme (session 47's audit: "1.000
        /// (1.000–1.000)" on 16 items, kappa undefined in a third of the samples).
        public var undefined: Int? = nil
    }

    public struct FormIntervals: Sendable, Codable, Equatable {
        public var precision: Interval?
        public var recall: Interval?
        public var kindAccuracy: Interval?
    }

    /// A kind's precision, recall and F1, a pair counting where both items are of that kind, as
    /// ``ExtractionEvaluation/byKind`` counts them.
    public struct KindIntervals: Sendable, Codable, Equatable {
        public var precision: Interval?
        public var recall: Interval?
        public var f1: Interval?
    }

    public struct ThemeIntervals: Sendable, Codable, Equatable {
        public var themeAccuracy: Interval?
        public var kappa: Interval?
        public var subthemeAccuracy: Interval?
        public var macroF1: Interval?
    }

    public enum Unit: String, Sendable, Codable {
        case document, item
    }

    /// What was drawn, how many there were and how many samples were drawn.
    public var unit: Unit
    public var units: Int
    public var resamples: Int
    public var level = 0.95
    public var precision: Interval?
    public var recall: Interval?
    public var f1: Interval?
    public var kindAccuracy: Interval?
    /// By form group, as ``ExtractionEvaluation/byForm``.
    public var byForm: [String: FormIntervals]
    /// By kind, as ``ExtractionEvaluation/byKind``.
    public var byKind: [String: KindIntervals] = [:]
    public var themes: ThemeIntervals?
    /// Where the themes were also coded with a second scheme (``ExtractionEvaluation/comparison``):
    /// the intervals of the differences, this run's scheme's figure less the other's, from the same
    /// draws for both (a paired bootstrap: each sample scores the two schemes on the same items).
    public var themeDifference: ThemeIntervals?
    /// Where a second set of item rules was scored too (``ExtractionEvaluation/ruleComparison``):
    /// the intervals of the differences of the items' figures, this run's rules' figure less the
    /// other's, from the same draws of documents for both. Nil where fewer than
    /// ``minimumDocuments`` documents are scored: two rule sets find different items, so items
    /// cannot be paired, only documents.
    public var ruleDifference: ItemIntervals?

    /// Precision, recall, F1 and kind accuracy, by form group and by kind, as ``ExtractionEvaluation``
    /// gives them: the shape of ``ruleDifference``.
    public struct ItemIntervals: Sendable, Codable, Equatable {
        public var precision: Interval?
        public var recall: Interval?
        public var f1: Interval?
        public var kindAccuracy: Interval?
        public var byForm: [String: FormIntervals]
        public var byKind: [String: KindIntervals] = [:]
    }

    /// Fewest documents drawn as documents; with fewer, items are drawn.
    public static let minimumDocuments = 10
    public static let standardResamples = 1000

    /// The intervals of `evaluation`'s figures over `resamples` samples (at least 1).
    public init(_ evaluation: ExtractionEvaluation, resamples: Int = Self.standardResamples, seed: UInt64 = 2022) {
        let items = ItemCounts(evaluation.items)
        let themes = evaluation.themeCodings.map(ThemeCounts.init)
        let other = evaluation.ruleComparison.map { ItemCounts($0.other) }
        let documents = Set(items.documents).union(themes?.documents ?? []).union(other?.documents ?? [])
        unit = documents.count >= Self.minimumDocuments ? .document : .item
        let clusterKeys = unit == .document ? documents.sorted() : []
        units = unit == .document ? documents.count : items.documents.count
        self.resamples = max(1, resamples)
        var generator = SplitMix64(seed: seed)
        let itemFigures = Self.itemIntervals(items.statistics, clusters: Bootstrap.clusters(items.rows, by: items.documents, drawing: clusterKeys),
                                             forms: evaluation.byForm, resamples: self.resamples, generator: &generator)
        (precision, recall, f1, kindAccuracy, byForm) = (itemFigures.precision, itemFigures.recall, itemFigures.f1, itemFigures.kindAccuracy,
                                                         itemFigures.byForm)
        byKind = itemFigures.byKind
        if let themes {
            self.themes = Self.themeIntervals(themes.statistics, rows: themes.rows, documents: themes.documents, drawing: clusterKeys,
                                              resamples: self.resamples, generator: &generator)
            if let codings = evaluation.comparison?.codings, case let compared = ThemeCounts(codings), compared.rows.count == themes.rows.count {
                let paired = PairedCounts(themes, compared)
                themeDifference = Self.themeIntervals(paired.differences, rows: paired.rows, documents: themes.documents, drawing: clusterKeys,
                                                      resamples: self.resamples, generator: &generator)
            }
        }
        if let other, unit == .document {
            // Each document's counts under both rule sets side by side, so that a sample draws
            // the same documents for both.
            let (mine, theirs) = (Bootstrap.clusters(items.rows, by: items.documents, drawing: clusterKeys),
                                  Bootstrap.clusters(other.rows, by: other.documents, drawing: clusterKeys))
            ruleDifference = Self.itemIntervals(Bootstrap.differences(items.statistics, other.statistics, split: ItemCounts.width),
                                                clusters: zip(mine, theirs).map { $0 + $1 }, forms: evaluation.byForm,
                                                resamples: self.resamples, generator: &generator)
        }
    }

    /// The intervals of the differences between two codings of the same items (`first[i]` and
    /// `second[i]` the same item; the first's figure less the second's), drawn as
    /// ``init(_:resamples:seed:)`` draws an evaluation's: by document where there are at least
    /// ``minimumDocuments``, else by item. Nil where the two do not have the same items.
    public static func difference(_ first: [ExtractionEvaluation.ThemeCoding], _ second: [ExtractionEvaluation.ThemeCoding],
                                  resamples: Int = standardResamples, seed: UInt64 = 2022) -> (difference: ThemeIntervals, unit: Unit, units: Int)? {
        guard !first.isEmpty, first.map(\.document) == second.map(\.document) else { return nil }
        let (one, other) = (ThemeCounts(first), ThemeCounts(second))
        let documents = Set(one.documents)
        let unit: Unit = documents.count >= minimumDocuments ? .document : .item
        let paired = PairedCounts(one, other)
        var generator = SplitMix64(seed: seed)
        let difference = themeIntervals(paired.differences, rows: paired.rows, documents: one.documents,
                                        drawing: unit == .document ? documents.sorted() : [], resamples: max(1, resamples), generator: &generator)
        return (difference, unit, unit == .document ? documents.count : first.count)
    }

    /// The intervals of the theme figures of `codings` alone (two hand codings of the same items:
    /// ``CoderAgreement``), drawn as ``init(_:resamples:seed:)`` draws an evaluation's. Nil with
    /// no codings.
    public static func themes(_ codings: [ExtractionEvaluation.ThemeCoding], resamples: Int = standardResamples,
                              seed: UInt64 = 2022) -> (intervals: ThemeIntervals, unit: Unit, units: Int)? {
        guard !codings.isEmpty else { return nil }
        let counts = ThemeCounts(codings)
        let documents = Set(counts.documents)
        let unit: Unit = documents.count >= minimumDocuments ? .document : .item
        var generator = SplitMix64(seed: seed)
        let intervals = themeIntervals(counts.statistics, rows: counts.rows, documents: counts.documents,
                                       drawing: unit == .document ? documents.sorted() : [], resamples: max(1, resamples), generator: &generator)
        return (intervals, unit, unit == .document ? documents.count : codings.count)
    }

    /// The figures of every unit together, computed as the samples' are: what the intervals are
    /// drawn around (the tests check that they are the evaluation's own figures).
    static func wholeSampleFigures(_ evaluation: ExtractionEvaluation) -> (items: [Double?], themes: [Double?]) {
        let items = ItemCounts(evaluation.items)
        let itemFigures = items.statistics.map { $0.value(Bootstrap.total(items.rows, width: ItemCounts.width)) }
        return (itemFigures, evaluation.themeCodings.map { wholeSampleFigures(codings: $0).themes } ?? [])
    }

    /// The theme figures of `codings` alone, as the samples compute them.
    static func wholeSampleFigures(codings: [ExtractionEvaluation.ThemeCoding]) -> (items: [Double?], themes: [Double?]) {
        let themes = ThemeCounts(codings)
        return ([], themes.statistics.map { $0.value(Bootstrap.total(themes.rows, width: themes.width)) })
    }
}

private extension EvaluationIntervals {
    typealias Row = Bootstrap.Row
    typealias Statistic = Bootstrap.Statistic

    /// The item figures' intervals (precision, recall, F1, kind accuracy, then each form group's
    /// precision, recall and kind accuracy, then each kind's precision, recall and F1, in
    /// ``ItemCounts/statistics``' order), for the form groups `forms` has.
    static func itemIntervals(_ statistics: [Statistic], clusters: [Row], forms: [String: ExtractionEvaluation.FormScore], resamples: Int,
                              generator: inout SplitMix64) -> ItemIntervals {
        let figures = Bootstrap.intervals(of: statistics, clusters: clusters, resamples: resamples, generator: &generator)
        var byForm: [String: FormIntervals] = [:]
        for (index, group) in ExtractionEvaluation.formGroups.enumerated() where forms[group.name] != nil {
            let base = 4 + 3 * index
            byForm[group.name] = FormIntervals(precision: figures[base], recall: figures[base + 1], kindAccuracy: figures[base + 2])
        }
        var byKind: [String: KindIntervals] = [:]
        for (index, kind) in Recommendation.Kind.allCases.enumerated() {
            let base = 4 + 3 * ExtractionEvaluation.formGroups.count + 3 * index
            byKind[kind.rawValue] = KindIntervals(precision: figures[base], recall: figures[base + 1], f1: figures[base + 2])
        }
        return ItemIntervals(precision: figures[0], recall: figures[1], f1: figures[2], kindAccuracy: figures[3], byForm: byForm, byKind: byKind)
    }

    /// The four theme figures' intervals (accuracy, kappa, sub-theme accuracy, macro-F1, in
    /// ``ThemeCounts/statistics``' order), `rows` summed by document where `drawing` names them.
    static func themeIntervals(_ statistics: [Statistic], rows: [Row], documents: [String], drawing: [String], resamples: Int,
                               generator: inout SplitMix64) -> ThemeIntervals {
        let figures = Bootstrap.intervals(of: statistics, clusters: Bootstrap.clusters(rows, by: documents, drawing: drawing),
                                          resamples: resamples, generator: &generator)
        return ThemeIntervals(themeAccuracy: figures[0], kappa: figures[1], subthemeAccuracy: figures[2], macroF1: figures[3])
    }

    /// Per unit: overall found, gold, matched, kinds agreeing; then for each form group found,
    /// gold, found matched, gold matched, kinds agreeing; then for each kind found, gold and
    /// matched as that kind, as ``ExtractionEvaluation`` counts them.
    struct ItemCounts {
        static let kindBase = 4 + 5 * ExtractionEvaluation.formGroups.count
        static let width = kindBase + 3 * Recommendation.Kind.allCases.count
        var rows: [Row] = []
        var documents: [String] = []

        init(_ evaluation: ExtractionEvaluation.Items) {
            let groups = ExtractionEvaluation.formGroups
            func goldIn(_ annotation: Annotation, _ forms: Set<Recommendation.Form>) -> Bool {
                annotation.form.map(forms.contains) ?? (forms == [.listed, .explicit])
            }
            for match in evaluation.matches {
                let agrees: Double = match.found.kind == match.gold.kind ? 1 : 0
                var row: Row = [1, 1, 1, agrees]
                for group in groups {
                    let found: Double = group.forms.contains(match.found.form) ? 1 : 0
                    let gold: Double = goldIn(match.gold, group.forms) ? 1 : 0
                    row += [found, gold, found, gold, gold * agrees]
                }
                row += Self.kinds(found: match.found.kind, gold: match.gold.kind)
                rows.append(row)
                documents.append(match.gold.document)
            }
            for miss in evaluation.misses {
                rows.append([0, 1, 0, 0] + groups.flatMap { [0, goldIn(miss, $0.forms) ? 1 : 0, 0, 0, 0] } + Self.kinds(found: nil, gold: miss.kind))
                documents.append(miss.document)
            }
            for find in evaluation.falseFinds {
                rows.append([1, 0, 0, 0] + groups.flatMap { [$0.forms.contains(find.form) ? 1 : 0, 0, 0, 0, 0] } + Self.kinds(found: find.kind, gold: nil))
                documents.append(find.document)
            }
            // A match's document is its annotation's, which may name the file without its
            // extension or by its original (a PDF scored against report.md's rows): documents are
            // told apart by their stems, so a document's false finds are drawn with its matches.
            documents = documents.map(ItemMatcher.stem)
        }

        /// Each kind's found, gold and matched columns: a pair is matched in a kind's columns
        /// where both its items are of that kind, as ``ExtractionEvaluation/byKind`` counts.
        static func kinds(found: Recommendation.Kind?, gold: Recommendation.Kind?) -> Row {
            Recommendation.Kind.allCases.flatMap { kind -> Row in
                [found == kind ? 1 : 0, gold == kind ? 1 : 0, found == kind && gold == kind ? 1 : 0]
            }
        }

        /// Precision, recall, F1 and kind accuracy overall; precision, recall and kind accuracy by
        /// form group; precision, recall and F1 by kind.
        var statistics: [Statistic] {
            var statistics: [Statistic] = [
                .share(2, of: 0), .share(2, of: 1), .f1(matched: 2, found: 0, gold: 1), .share(3, of: 2),
            ]
            for index in ExtractionEvaluation.formGroups.indices {
                let base = 4 + 5 * index
                statistics += [.share(base + 2, of: base), .share(base + 3, of: base + 1), .share(base + 4, of: base + 3)]
            }
            for index in Recommendation.Kind.allCases.indices {
                let base = Self.kindBase + 3 * index
                statistics += [.share(base + 2, of: base), .share(base + 2, of: base + 1), .f1(matched: base + 2, found: base, gold: base + 1)]
            }
            return statistics
        }
    }

    /// Per coded item: 1, agreeing theme, coded to a sub-theme by hand, agreeing sub-theme; then
    /// per theme label the hand-coded count, the classifier's count and the agreeing count.
    struct ThemeCounts {
        var labels: [String]
        var rows: [Row] = []
        var documents: [String] = []
        var width: Int { 4 + 3 * labels.count }

        init(_ codings: [ExtractionEvaluation.ThemeCoding]) {
            labels = Array(Set(codings.flatMap { [$0.gold, $0.predicted] })).sorted()
            let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
            for coding in codings {
                var row = Row(repeating: 0, count: 4 + 3 * labels.count)
                let agrees = coding.gold == coding.predicted
                row[0] = 1
                row[1] = agrees ? 1 : 0
                if coding.goldSubtheme != nil {
                    row[2] = 1
                    row[3] = agrees && coding.goldSubtheme == coding.predictedSubtheme ? 1 : 0
                }
                row[4 + 3 * index[coding.gold]!] += 1
                row[4 + 3 * index[coding.predicted]! + 1] += 1
                if agrees { row[4 + 3 * index[coding.gold]! + 2] += 1 }
                rows.append(row)
                documents.append(ItemMatcher.stem(coding.document))
            }
        }

        /// Theme accuracy, Cohen's kappa, sub-theme accuracy and macro-F1, as ``ThemeEvaluation``
        /// defines them (macro-F1 over the themes of either coding other than `unclassified`).
        var statistics: [Statistic] {
            let themes = labels.indices.filter { labels[$0] != ClassifiedItem.unclassified }
            let count = labels.count
            return [.share(1, of: 0), .computed { Self.kappa($0, labels: count) }, .share(3, of: 2),
                    Statistic(value: { Self.macroF1($0, themes: themes) }, floor: { Self.macroF1Floor($0, themes: themes) })]
        }

        /// The columns of label `label`: hand-coded, coded by the classifier, agreeing.
        static func counts(_ row: Row, label: Int) -> (gold: Double, coded: Double, agree: Double) {
            (row[4 + 3 * label], row[4 + 3 * label + 1], row[4 + 3 * label + 2])
        }

        static func kappa(_ row: Row, labels: Int) -> Double? {
            guard row[0] > 0 else { return nil }
            var chance = 0.0
            for label in 0..<labels {
                let (gold, coded, _) = counts(row, label: label)
                chance += gold * coded
            }
            let expected = chance / (row[0] * row[0])
            return expected >= 1 ? nil : (row[1] / row[0] - expected) / (1 - expected)
        }

        /// The mean over the themes of the F1 of each theme's precision and recall Wilson bounds: as
        /// a share's interval is never narrower than its Wilson interval, macro-F1's is never
        /// narrower than this (session 47's audit: "1.000 (1.000–1.000)" on 16 items).
        static func macroF1Floor(_ row: Row, themes: [Int]) -> EvaluationIntervals.Interval? {
            func harmonic(_ a: Double, _ b: Double) -> Double { a + b == 0 ? 0 : 2 * a * b / (a + b) }
            var lows: [Double] = [], highs: [Double] = []
            for label in themes {
                let (gold, coded, agree) = counts(row, label: label)
                guard gold > 0 || coded > 0 else { continue }
                let precision = Bootstrap.wilson(agree, of: coded) ?? .init(low: 0, high: 0)
                let recall = Bootstrap.wilson(agree, of: gold) ?? .init(low: 0, high: 0)
                lows.append(harmonic(precision.low, recall.low))
                highs.append(harmonic(precision.high, recall.high))
            }
            guard !lows.isEmpty else { return nil }
            return .init(low: lows.reduce(0, +) / Double(lows.count), high: highs.reduce(0, +) / Double(highs.count))
        }

        static func macroF1(_ row: Row, themes: [Int]) -> Double? {
            var f1s: [Double] = []
            for label in themes {
                let (gold, coded, agree) = counts(row, label: label)
                guard gold > 0 || coded > 0 else { continue }
                let precision = coded == 0 ? 0 : agree / coded, recall = gold == 0 ? 0 : agree / gold
                f1s.append(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
            }
            return f1s.isEmpty ? nil : f1s.reduce(0, +) / Double(f1s.count)
        }
    }

    /// The same items' counts under two schemes side by side, and the differences of their theme
    /// figures (the first's less the second's).
    struct PairedCounts {
        var rows: [Row]
        var differences: [Statistic]

        init(_ first: ThemeCounts, _ second: ThemeCounts) {
            rows = zip(first.rows, second.rows).map { $0 + $1 }
            differences = Bootstrap.differences(first.statistics, second.statistics, split: first.width)
        }
    }
}
