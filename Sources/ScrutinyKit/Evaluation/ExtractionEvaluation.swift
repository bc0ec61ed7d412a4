/// How well found items agree with a hand annotation: precision, recall and F1 overall and per
/// kind, kind accuracy, and the misses and false finds, so that a researcher can validate the
/// tool on a hand-coded sample of their own.
public struct ExtractionEvaluation: Sendable, Codable {
    public struct Score: Sendable, Codable, Equatable {
        public let found: Int
        public let gold: Int
        public let matched: Int
        /// Stored beside the counts so that JSON readers get them without computing.
        public let precision: Double
        public let recall: Double
        public let f1: Double

        public init(found: Int, gold: Int, matched: Int) {
            self.found = found
            self.gold = gold
            self.matched = matched
            precision = found == 0 ? 0 : Double(matched) / Double(found)
            recall = gold == 0 ? 0 : Double(matched) / Double(gold)
            f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }

        private enum CodingKeys: String, CodingKey { case found, gold, matched, precision, recall, f1 }

        /// A figure with nothing to count (precision of no items found) is null in JSON, as the
        /// table's "–", not 0: averaged by a reader, a 0 would be wrong.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(found, forKey: .found)
            try container.encode(gold, forKey: .gold)
            try container.encode(matched, forKey: .matched)
            try container.encode(found == 0 ? nil : precision, forKey: .precision)
            try container.encode(gold == 0 ? nil : recall, forKey: .recall)
            try container.encode(found == 0 || gold == 0 ? nil : f1, forKey: .f1)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(found: try container.decode(Int.self, forKey: .found), gold: try container.decode(Int.self, forKey: .gold),
                      matched: try container.decode(Int.self, forKey: .matched))
        }
    }

    /// Precision, recall and kind accuracy for the items of some forms: precision over the found
    /// items of those forms (matched to any annotation), recall over the annotated items of those
    /// forms (matched by any found item), kind accuracy over the latter's matches. For narrative
    /// findings the kind accuracy is the polarity accuracy (strength against area for improvement).
    public struct FormScore: Sendable, Codable, Equatable {
        public let found: Int
        public let gold: Int
        public let foundMatched: Int
        public let goldMatched: Int
        public let kindAgreeing: Int
        /// Stored beside the counts so that JSON readers get them without computing.
        public let precision: Double
        public let recall: Double
        public let kindAccuracy: Double

        public init(found: Int, gold: Int, foundMatched: Int, goldMatched: Int, kindAgreeing: Int) {
            self.found = found
            self.gold = gold
            self.foundMatched = foundMatched
            self.goldMatched = goldMatched
            self.kindAgreeing = kindAgreeing
            precision = found == 0 ? 0 : Double(foundMatched) / Double(found)
            recall = gold == 0 ? 0 : Double(goldMatched) / Double(gold)
            kindAccuracy = goldMatched == 0 ? 0 : Double(kindAgreeing) / Double(goldMatched)
        }

        private enum CodingKeys: String, CodingKey { case found, gold, foundMatched, goldMatched, kindAgreeing, precision, recall, kindAccuracy }

        /// Null in JSON where there is nothing to count, as ``Score`` does.
        public func encode(to encoder: any Encoder) throws {
            try encoder.encodeMembers([
                CodingKeys.found: found, .gold: gold, .foundMatched: foundMatched, .goldMatched: goldMatched, .kindAgreeing: kindAgreeing,
                .precision: found == 0 ? nil : precision, .recall: gold == 0 ? nil : recall,
                .kindAccuracy: goldMatched == 0 ? nil : kindAccuracy,
            ])
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(found: try container.decode(Int.self, forKey: .found), gold: try container.decode(Int.self, forKey: .gold),
                      foundMatched: try container.decode(Int.self, forKey: .foundMatched),
                      goldMatched: try container.decode(Int.self, forKey: .goldMatched),
                      kindAgreeing: try container.decode(Int.self, forKey: .kindAgreeing))
        }
    }

    /// The form groups scored: each form, and listed and explicit together.
    public static let formGroups: [(name: String, forms: Set<Recommendation.Form>)] = [
        ("listed", [.listed]), ("explicit", [.explicit]), ("listed+explicit", [.listed, .explicit]), ("narrative", [.narrative]),
    ]

    /// A found item paired with the annotation it matched.
    public struct Match: Sendable, Codable {
        public var found: Recommendation
        public var gold: Annotation
    }

    public var overall: Score
    public var byKind: [String: Score]
    /// Scores by form group (``formGroups``); annotations without a form count only in "listed+explicit".
    public var byForm: [String: FormScore]
    /// Share of matched pairs whose kinds agree.
    public var kindAccuracy: Double
    public var matches: [Match]
    public var misses: [Annotation]
    public var falseFinds: [Recommendation]
    /// Documents read that have no annotation (not scored), and annotated documents not given.
    public var unannotatedDocuments: [String]
    public var missingDocuments: [String]
    /// Theme agreement over the matched items, when a classifier was given.
    public var themes: ThemeEvaluation?
    /// Theme agreement for the matched items of each form group, as ``byForm`` groups them
    /// (`listed`, `explicit`, `narrative`, and `listed+explicit`, where rows without a form count).
    public var themesByForm: [String: ThemeEvaluation.Summary]?
    /// The figures of the tuning and held-back parts, when the gold names a held-back set.
    public var parts: [String: Summary]?
    /// What coded the themes, for a reader of the figures: the scheme's name, and its learned
    /// layer and the document types it applies to where it has one.
    public var codedWith: String?
    /// Each scored document's figures, in the order of the documents' names: which documents the
    /// misses and false finds come from.
    public var byDocument: [DocumentScore] = []

    /// One document's items found, annotated and matched, and the share of its matched items
    /// whose hand-coded theme the classifier gave (once themes are scored).
    public struct DocumentScore: Sendable, Codable, Equatable {
        public var document: String
        public var items: Score
        /// Matched items with a hand-coded theme, and how many of them were coded that theme.
        public var themeItems = 0
        public var themesAgreeing = 0
    }

    /// 95% intervals of the figures (``EvaluationIntervals``), when asked for.
    public var intervals: EvaluationIntervals?
    /// The theme of each matched item coded by hand, beside the classifier's, set by
    /// ``scoreThemes(with:)``: what the themes' intervals are drawn from (not written out: the
    /// matches and the disagreements say the same).
    public var themeCodings: [ThemeCoding]?

    /// The matched items' themes coded with a second scheme too (`evaluate --compare`), when asked.
    public var comparison: ThemeComparison?
    /// The items a second set of item rules found, scored the same way (`evaluate --compare-rules`),
    /// when asked.
    public var ruleComparison: RuleComparison?

    /// The themes of the same matched items coded with another scheme: its figures, and the
    /// codings the paired intervals of the differences are drawn from (not written out).
    public struct ThemeComparison: Sendable, Codable {
        /// What coded them, as ``ExtractionEvaluation/codedWith`` says it.
        public var codedWith: String
        public var themes: ThemeEvaluation.Summary
        public var codings: [ThemeCoding] = []

        private enum CodingKeys: String, CodingKey { case codedWith, themes }
    }

    /// One matched item's hand-coded theme and sub-theme beside the classifier's.
    public struct ThemeCoding: Sendable, Hashable {
        public var document: String
        public var gold: String
        public var goldSubtheme: String?
        public var predicted: String
        public var predictedSubtheme: String?

        public init(document: String, gold: String, goldSubtheme: String?, predicted: String, predictedSubtheme: String?) {
            (self.document, self.gold, self.goldSubtheme) = (document, gold, goldSubtheme)
            (self.predicted, self.predictedSubtheme) = (predicted, predictedSubtheme)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case overall, byKind, byForm, kindAccuracy, matches, misses, falseFinds, unannotatedDocuments, missingDocuments, themes,
             themesByForm, parts, codedWith, intervals, comparison, ruleComparison, byDocument
    }

    /// The scored items of an evaluation: what its figures, and their intervals, are counted from.
    struct Items: Sendable {
        var matches: [Match]
        var misses: [Annotation]
        var falseFinds: [Recommendation]
    }

    var items: Items { Items(matches: matches, misses: misses, falseFinds: falseFinds) }

    /// The figures of an evaluation without its lists of items.
    public struct Summary: Sendable, Codable {
        public var documents: Int
        public var overall: Score
        public var kindAccuracy: Double
        public var byForm: [String: FormScore]
        public var themes: ThemeEvaluation.Summary?
        public var themesByForm: [String: ThemeEvaluation.Summary]?
        public var intervals: EvaluationIntervals?
        public var comparison: ThemeComparison?
    }

    public var summary: Summary {
        Summary(documents: Set(matches.map(\.gold.document) + misses.map(\.document) + falseFinds.map(\.document)).count,
                overall: overall, kindAccuracy: kindAccuracy, byForm: byForm, themes: themes?.summary,
                themesByForm: themesByForm, intervals: intervals, comparison: comparison)
    }

    /// Adds 95% intervals to the figures (and to the themes', once scored), from `resamples`
    /// samples; none where `resamples` is 0.
    public mutating func estimateIntervals(resamples: Int = EvaluationIntervals.standardResamples) {
        intervals = resamples > 0 ? EvaluationIntervals(self, resamples: resamples) : nil
    }

    /// Codes the matched items' themes with a second classifier too, for the differences between
    /// the two (after ``scoreThemes(with:)``; before ``estimateIntervals(resamples:)``, which draws
    /// their intervals).
    public mutating func compareThemes(with classifier: Classifier, codedWith: String) {
        let pairs = Self.themePairs(matches, classifier)
        comparison = ThemeComparison(codedWith: codedWith, themes: ThemeEvaluation(pairs: pairs).summary, codings: Self.codings(pairs))
    }

    private static func themePairs(_ matches: [Match], _ classifier: Classifier) -> [(gold: Annotation, predicted: ClassifiedItem)] {
        matches.filter { $0.found.kind != .procedural }.map { ($0.gold, classifier.classify($0.found)) }
    }

    private static func codings(_ pairs: [(gold: Annotation, predicted: ClassifiedItem)]) -> [ThemeCoding] {
        pairs.compactMap { gold, coded in
            gold.theme.map { ThemeCoding(document: gold.document, gold: $0, goldSubtheme: gold.subtheme, predicted: coded.theme,
                                         predictedSubtheme: coded.subtheme) }
        }
    }

    /// Adds theme agreement: classifies the matched items and compares with their hand coding.
    public mutating func scoreThemes(with classifier: Classifier) {
        let pairs = Self.themePairs(matches, classifier)
        themes = ThemeEvaluation(pairs: pairs)
        themeCodings = Self.codings(pairs)
        let position = Dictionary(byDocument.enumerated().map { ($1.document, $0) }) { first, _ in first }
        for (gold, coded) in pairs where gold.theme != nil {
            guard let index = position[coded.recommendation.document] else { continue }
            byDocument[index].themeItems += 1
            if gold.theme == coded.theme { byDocument[index].themesAgreeing += 1 }
        }
        // The same groups as the items' table: a row without a form counts in listed+explicit only.
        var byForm: [String: ThemeEvaluation.Summary] = [:]
        for group in Self.formGroups {
            let members = pairs.filter { pair in pair.0.form.map(group.forms.contains) ?? (group.forms.count > 1) }
            if !members.isEmpty { byForm[group.name] = ThemeEvaluation(pairs: members).summary }
        }
        themesByForm = byForm
    }

    /// - Parameter read: the names of the documents read, where the caller knows them: an
    ///   annotated document in which nothing was found is scored too (every annotation a miss).
    ///   Without it only the documents with a find are known to have been read.
    /// - Parameter itemless: documents the hand coding says hold no item: each read is scored,
    ///   every find in it false.
    public init(found: [Recommendation], gold: [Annotation], read: [String] = [], itemless: Set<String> = []) {
        // Each document read is scored on its own against the annotations of its name, or failing
        // that of its stem: a PDF made from report.md is scored against report.md's rows.
        let goldByName = Dictionary(grouping: gold.indices) { gold[$0].document }
        let goldByStem = Dictionary(grouping: gold.indices) { ItemMatcher.stem(gold[$0].document) }
        var foundByDocument = Dictionary(grouping: found.indices) { found[$0].document }
        // Until session 22 a document read with nothing found was "annotated but not given", and
        // its annotations left out of recall.
        for name in read where foundByDocument[name] == nil { foundByDocument[name] = [] }
        var matches: [Match] = []
        var misses: [Annotation] = []
        var falseFinds: [Recommendation] = []
        var unannotated = Set<String>()
        var scored: [Recommendation] = []
        var scoredGold: [Annotation] = []
        var covered = Set<String>()
        let itemlessStems = Set(itemless.map(ItemMatcher.stem))
        for document in foundByDocument.keys.sorted() {
            let foundIndices = foundByDocument[document]!
            guard let goldIndices = goldByName[document] ?? goldByStem[ItemMatcher.stem(document)]
                    ?? (itemless.contains(document) || itemlessStems.contains(ItemMatcher.stem(document)) ? [] : nil) else {
                if !foundIndices.isEmpty { unannotated.insert(document) }
                continue
            }
            covered.insert(ItemMatcher.stem(document))
            let pairs = ItemMatcher.pairs(found: foundIndices.map { found[$0].text }, gold: goldIndices.map { gold[$0].text })
            let pairedFound = Set(pairs.map(\.found))
            let pairedGold = Set(pairs.map(\.gold))
            matches += pairs.map { Match(found: found[foundIndices[$0.found]], gold: gold[goldIndices[$0.gold]]) }
            falseFinds += foundIndices.indices.filter { !pairedFound.contains($0) }.map { found[foundIndices[$0]] }
            misses += goldIndices.indices.filter { !pairedGold.contains($0) }.map { gold[goldIndices[$0]] }
            scored += foundIndices.map { found[$0] }
            scoredGold += goldIndices.map { gold[$0] }
            byDocument.append(DocumentScore(document: document, items: Score(found: foundIndices.count, gold: goldIndices.count, matched: pairs.count)))
        }
        missingDocuments = Set(goldByStem.keys).subtracting(covered).map { stem in gold[goldByStem[stem]![0]].document }.sorted()
        self.matches = matches.sorted { ($0.gold.document, $0.gold.line) < ($1.gold.document, $1.gold.line) }
        self.misses = misses.sorted { ($0.document, $0.line) < ($1.document, $1.line) }
        self.falseFinds = falseFinds.sorted { ($0.document, $0.id) < ($1.document, $1.id) }
        unannotatedDocuments = unannotated.sorted()
        overall = Score(found: scored.count, gold: scoredGold.count, matched: matches.count)
        var byKind: [String: Score] = [:]
        for kind in Recommendation.Kind.allCases {
            byKind[kind.rawValue] = Score(
                found: scored.filter { $0.kind == kind }.count, gold: scoredGold.filter { $0.kind == kind }.count,
                matched: matches.filter { $0.found.kind == kind && $0.gold.kind == kind }.count)
        }
        self.byKind = byKind
        var byForm: [String: FormScore] = [:]
        for group in Self.formGroups {
            func goldIn(_ annotation: Annotation) -> Bool {
                annotation.form.map(group.forms.contains) ?? (group.forms == [.listed, .explicit])
            }
            let goldMatches = matches.filter { goldIn($0.gold) }
            byForm[group.name] = FormScore(
                found: scored.filter { group.forms.contains($0.form) }.count, gold: scoredGold.filter(goldIn).count,
                foundMatched: matches.filter { group.forms.contains($0.found.form) }.count, goldMatched: goldMatches.count,
                kindAgreeing: goldMatches.filter { $0.found.kind == $0.gold.kind }.count)
        }
        self.byForm = byForm
        kindAccuracy = matches.isEmpty ? 0 : Double(matches.filter { $0.found.kind == $0.gold.kind }.count) / Double(matches.count)
    }
}
