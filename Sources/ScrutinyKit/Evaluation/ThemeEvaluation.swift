import Foundation

/// How well the classifier's themes agree with hand coding, over the items both found:
/// theme and sub-theme accuracy, macro-F1 over themes, Cohen's kappa and the confusion table.
public struct ThemeEvaluation: Sendable, Codable {
    public var items: Int
    public var themeAccuracy: Double
    public var subthemeAccuracy: Double
    /// The items sub-theme accuracy is over: those coded to a sub-theme by hand.
    public var subthemeItems: Int
    public var macroF1: Double
    /// NaN where it is undefined (one theme on both sides).
    public var kappa: Double
    /// Per theme: precision, recall and F1 of the predicted theme.
    public var byTheme: [String: ExtractionEvaluation.Score]
    /// `confusion[gold][predicted]` = count.
    public var confusion: [String: [String: Int]]
    public var labels: [String]
    /// The items coded differently, for reading.
    public var disagreements: [Disagreement]

    public struct Disagreement: Sendable, Codable {
        public var document: String
        public var text: String
        public var gold: String
        public var predicted: String
        /// The matches that decided the coded theme (``ClassifiedItem/decidingMatches``), as
        /// "words→category".
        public var evidence: [String]
    }

    /// One item's two codings: the hand coding's (`gold`) and the other's (a classifier's, or a
    /// second coder's), with the words that decided the other's where it has them.
    public struct Coded: Sendable {
        public var document: String
        public var text: String
        public var gold: String
        public var goldSubtheme: String?
        public var predicted: String
        public var predictedSubtheme: String?
        public var evidence: [String] = []

        public init(document: String, text: String, gold: String, goldSubtheme: String?, predicted: String, predictedSubtheme: String?,
                    evidence: [String] = []) {
            (self.document, self.text, self.gold, self.goldSubtheme) = (document, text, gold, goldSubtheme)
            (self.predicted, self.predictedSubtheme, self.evidence) = (predicted, predictedSubtheme, evidence)
        }
    }

    /// The classifier's coding of the hand-coded items it found (those with a hand-coded theme).
    public init(pairs: [(gold: Annotation, predicted: ClassifiedItem)]) {
        self.init(pairs.compactMap { pair in
            pair.gold.theme.map { theme in
                Coded(document: pair.gold.document, text: pair.predicted.recommendation.text, gold: theme, goldSubtheme: pair.gold.subtheme,
                      predicted: pair.predicted.theme, predictedSubtheme: pair.predicted.subtheme,
                      evidence: pair.predicted.decidingMatches.map { "\($0.matched.lowercased())→\($0.category)" })
            }
        })
    }

    public init(_ coded: [Coded]) {
        items = coded.count
        let gold = coded.map(\.gold)
        let predicted = coded.map(\.predicted)
        var labels = Array(Set(gold + predicted)).sorted()
        if let index = labels.firstIndex(of: ClassifiedItem.unclassified) { labels.append(labels.remove(at: index)) }
        self.labels = labels
        let agree = zip(gold, predicted).filter { $0 == $1 }.count
        themeAccuracy = coded.isEmpty ? 0 : Double(agree) / Double(coded.count)
        // Over the items coded to a sub-theme by hand: one coded to a theme alone says nothing of sub-themes.
        let subCoded = coded.filter { $0.goldSubtheme != nil }
        subthemeItems = subCoded.count
        let subAgree = subCoded.filter { $0.gold == $0.predicted && $0.goldSubtheme == $0.predictedSubtheme }.count
        subthemeAccuracy = subCoded.isEmpty ? 0 : Double(subAgree) / Double(subCoded.count)
        var confusion: [String: [String: Int]] = [:]
        for (g, p) in zip(gold, predicted) { confusion[g, default: [:]][p, default: 0] += 1 }
        self.confusion = confusion
        var byTheme: [String: ExtractionEvaluation.Score] = [:]
        for label in labels where label != ClassifiedItem.unclassified {
            byTheme[label] = .init(found: predicted.filter { $0 == label }.count, gold: gold.filter { $0 == label }.count,
                                   matched: zip(gold, predicted).filter { $0 == label && $1 == label }.count)
        }
        self.byTheme = byTheme
        // Macro-F1 is the mean F1 over the themes of either coding, as scikit-learn's `average=
        // "macro"` takes it: a theme coded but never hand-coded counts, with F1 0 (until session 47
        // only the hand coding's themes did, and over-coding one theme raised the figure: 0.848
        // where the usual definition gives 0.566). `unclassified` is no theme: an item left so
        // counts against its hand-coded theme's recall. Summed in the themes' order, not the
        // dictionary's (which differs from run to run), so that the same coding gives the same
        // figure to the last digit.
        let f1s = byTheme.keys.sorted().map { byTheme[$0]!.f1 }
        macroF1 = f1s.isEmpty ? 0 : f1s.reduce(0, +) / Double(f1s.count)
        // With one theme on both sides chance agreement is 1 and kappa is undefined (NaN, shown "–",
        // null in JSON); it was 1.000 until session 19.
        kappa = Self.kappa(gold, predicted) ?? .nan
        disagreements = coded.filter { $0.gold != $0.predicted || ($0.goldSubtheme != nil && $0.goldSubtheme != $0.predictedSubtheme) }.map {
            Disagreement(document: $0.document, text: $0.text,
                         gold: [$0.gold, $0.goldSubtheme].compactMap { $0 }.joined(separator: "."),
                         predicted: [$0.predicted, $0.predictedSubtheme].compactMap { $0 }.joined(separator: "."),
                         evidence: $0.evidence)
        }
    }

    /// Cohen's kappa of two codings of the same items (`first[i]` and `second[i]` one item's):
    /// agreement beyond what the two codings' own distributions give by chance. Nil with no items,
    /// or where chance agreement is 1 (one label on both sides).
    public static func kappa(_ first: [String], _ second: [String]) -> Double? {
        guard !first.isEmpty, first.count == second.count else { return nil }
        let total = Double(first.count)
        let observed = Double(zip(first, second).filter { $0 == $1 }.count) / total
        let (a, b) = (Dictionary(first.map { ($0, 1) }, uniquingKeysWith: +), Dictionary(second.map { ($0, 1) }, uniquingKeysWith: +))
        // Summed in the labels' order, so that the same coding gives the same figure to the last digit.
        let expected = a.keys.sorted().reduce(0.0) { $0 + Double(a[$1]!) * Double(b[$1] ?? 0) } / (total * total)
        return expected >= 1 ? nil : (observed - expected) / (1 - expected)
    }

    /// Krippendorff's alpha of two codings of the same items, nominal: 1 less the disagreement
    /// observed over the disagreement the pooled values would give by chance, (n − 1) · 2D / (n² −
    /// Σ n_c²) for n = twice the items, D the items coded differently and n_c how often label c is
    /// given by either coder. Nil with no items, or where every value is one label.
    public static func alpha(_ first: [String], _ second: [String]) -> Double? {
        guard !first.isEmpty, first.count == second.count else { return nil }
        let values = Double(2 * first.count)
        let differing = Double(zip(first, second).filter { $0 != $1 }.count)
        let counts = Dictionary((first + second).map { ($0, 1) }, uniquingKeysWith: +)
        let chance = values * values - counts.keys.sorted().reduce(0.0) { $0 + Double(counts[$1]!) * Double(counts[$1]!) }
        return chance == 0 ? nil : 1 - (values - 1) * 2 * differing / chance
    }

    /// The figures without the confusion table and the disagreements.
    public struct Summary: Sendable, Codable {
        public var items: Int
        public var themeAccuracy: Double
        public var subthemeAccuracy: Double
        public var subthemeItems: Int
        public var macroF1: Double
        public var kappa: Double
        /// Share of items coded `unclassified`.
        public var unclassified: Double

        private enum CodingKeys: String, CodingKey { case items, themeAccuracy, subthemeAccuracy, subthemeItems, macroF1, kappa, unclassified }

        public init(items: Int, themeAccuracy: Double, subthemeAccuracy: Double, subthemeItems: Int, macroF1: Double, kappa: Double,
                    unclassified: Double) {
            (self.items, self.themeAccuracy, self.subthemeAccuracy, self.subthemeItems) = (items, themeAccuracy, subthemeAccuracy, subthemeItems)
            (self.macroF1, self.kappa, self.unclassified) = (macroF1, kappa, unclassified)
        }

        /// A figure with nothing to count is null in JSON (the table's "–"), not 0.
        public func encode(to encoder: any Encoder) throws {
            let counted = items > 0
            try encoder.encodeMembers([
                CodingKeys.items: items, .themeAccuracy: counted ? themeAccuracy : nil,
                .subthemeAccuracy: subthemeItems > 0 ? subthemeAccuracy : nil, .subthemeItems: subthemeItems,
                .macroF1: counted ? macroF1 : nil, .kappa: counted && !kappa.isNaN ? kappa : nil, .unclassified: counted ? unclassified : nil,
            ])
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            items = try container.decode(Int.self, forKey: .items)
            themeAccuracy = try container.decodeIfPresent(Double.self, forKey: .themeAccuracy) ?? 0
            subthemeAccuracy = try container.decodeIfPresent(Double.self, forKey: .subthemeAccuracy) ?? 0
            subthemeItems = try container.decodeIfPresent(Int.self, forKey: .subthemeItems) ?? 0
            macroF1 = try container.decodeIfPresent(Double.self, forKey: .macroF1) ?? 0
            kappa = try container.decodeIfPresent(Double.self, forKey: .kappa) ?? 0
            unclassified = try container.decodeIfPresent(Double.self, forKey: .unclassified) ?? 0
        }
    }

    public var summary: Summary {
        let unclassifiedCount = confusion.values.reduce(0) { $0 + ($1[ClassifiedItem.unclassified] ?? 0) }
        return Summary(items: items, themeAccuracy: themeAccuracy, subthemeAccuracy: subthemeAccuracy, subthemeItems: subthemeItems,
                       macroF1: macroF1, kappa: kappa, unclassified: items == 0 ? 0 : Double(unclassifiedCount) / Double(items))
    }

    private enum CodingKeys: String, CodingKey { case byTheme, confusion, labels, disagreements }

    /// The figures as ``Summary`` writes them (null where there is nothing to count), then the tables.
    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        try encoder.encodeMembers([CodingKeys.byTheme: byTheme, .confusion: confusion, .labels: labels, .disagreements: disagreements])
    }

    public init(from decoder: any Decoder) throws {
        let figures = try Summary(from: decoder)
        (items, themeAccuracy, subthemeAccuracy, subthemeItems) = (figures.items, figures.themeAccuracy, figures.subthemeAccuracy, figures.subthemeItems)
        (macroF1, kappa) = (figures.macroF1, figures.kappa)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        byTheme = try container.decode([String: ExtractionEvaluation.Score].self, forKey: .byTheme)
        confusion = try container.decode([String: [String: Int]].self, forKey: .confusion)
        labels = try container.decode([String].self, forKey: .labels)
        disagreements = try container.decode([Disagreement].self, forKey: .disagreements)
    }
}
