import Foundation

/// Fits a scheme's learned layer: one weight per word and sub-theme, added to what the scheme's own
/// lexicon scores, chosen so that the hand-coded themes of real items become likely (a
/// multinomial logistic model over the themes whose offsets are the lexicon's theme totals, with
/// an L2 penalty). The weights sit under sub-themes and are fitted for both choices: the theme
/// (by theme totals) and, within the hand-coded theme, the sub-theme; none is below 0. The result is an ordinary lexicon file: a word, a category and a weight per
/// line, that people read, edit and diff. Cross-validation by document says what it is worth
/// before it is used.
public struct LayerLearner: Sendable {
    /// One hand-coded item: its words, its document, its hand-coded theme and sub-theme, and the
    /// scores the scheme's own lexicon gives it (category path → score, themes and sub-themes).
    public struct Example: Sendable {
        public var text: String
        public var document: String
        public var theme: String
        public var subtheme: String?
        public var base: [String: Double]
        /// The document's type, when known (`inspection-report`, `scrutiny-report`, …).
        public var documentType: String?

        public init(text: String, document: String, theme: String, subtheme: String?, base: [String: Double],
                    documentType: String? = nil) {
            self.documentType = documentType
            self.text = text
            self.document = document
            self.theme = theme
            self.subtheme = subtheme
            self.base = base
        }
    }

    public struct Options: Sendable {
        /// The L2 penalty on the word weights (on the mean log-loss).
        public var penalty = 0.0003
        /// How much the sub-theme's log-loss counts beside the theme's.
        public var subthemeWeight = 0.3
        /// Steps of projected gradient descent (each keeps the weights at or above 0).
        public var iterations = 800
        /// The step's size: how far each step moves the weights along the gradient.
        public var rate = 3.0
        /// Fewest items a word must occur in.
        public var minimumItems = 2
        /// Weights below this (after the shift) are left out of the file.
        public var minimumWeight = 0.05
        /// Folds of the cross-validation, by document.
        public var folds = 6

        public init() {}
    }

    /// Agreement with the hand coding.
    public struct Agreement: Sendable, Codable, Equatable {
        /// Hand-coded items compared.
        public var items: Int
        /// Share of them given the hand coding's theme.
        public var themeAccuracy: Double
        /// Cohen's kappa of the themes: the agreement beyond what chance gives.
        public var kappa: Double
        /// Share of the items with a hand-coded sub-theme given that sub-theme.
        public var subthemeAccuracy: Double
    }

    /// What cross-validation by document found: the scheme alone, and the scheme with a layer
    /// fitted on the other folds' documents.
    public struct Validation: Sendable, Codable, Equatable {
        public var folds: Int
        /// Documents drawn into the folds (each document's items in one fold).
        public var documents: Int
        public var before: Agreement
        public var after: Agreement
        /// Each item as its fold coded it, alone and with the layer: what the intervals of the
        /// agreement and of the layer's gain are drawn from.
        public var codings: [Coding] = []
    }

    /// One held-out item's hand-coded theme and sub-theme, and the codes the scheme gave it alone
    /// and with a layer fitted without its document's fold.
    public struct Coding: Sendable, Codable, Equatable {
        public var document: String
        public var theme: String
        public var subtheme: String?
        public var alone: String
        public var aloneSubtheme: String?
        public var learned: String
        public var learnedSubtheme: String?
    }

    public var options: Options
    /// The scheme's themes and each theme's sub-themes, in the scheme's order.
    public let themes: [String]
    public let subthemes: [String: [String]]
    /// The scheme's way of choosing the theme, as the classifier reads it from `_settings`: by the
    /// best sub-theme (`theme_by_best_subtheme: 1`, as wt2023 does) or by the theme totals; and the
    /// total below which an item is unclassified.
    public let themeByBestSubtheme: Bool
    public let threshold: Double

    public init(scheme: Lexicon, options: Options = Options()) {
        self.options = options
        themes = scheme.categories.map(\.name)
        subthemes = Dictionary(uniqueKeysWithValues: scheme.categories.map { ($0.name, $0.children.map(\.name)) })
        themeByBestSubtheme = scheme.setting("theme_by_best_subtheme", default: 0) > 0
        threshold = scheme.setting("threshold", default: 1)
    }

    /// The layer fitted on every example whose theme is one of the scheme's.
    public func fit(_ examples: [Example], name: String = "learned") -> Lexicon {
        let model = train(examples.filter { themes.contains($0.theme) })
        let slots = self.slots
        var categories: [LexiconCategory] = []
        for (t, theme) in themes.enumerated() {
            var children: [LexiconCategory] = []
            var own: [LexiconTerm] = []
            for (s, slot) in slots.enumerated() where slot.theme == t {
                var terms: [LexiconTerm] = []
                for (j, word) in model.vocabulary.enumerated() {
                    let weight = (model.weights[j * slots.count + s] * 100).rounded() / 100
                    if weight >= options.minimumWeight { terms.append(LexiconTerm(pattern: word, weight: weight)) }
                }
                terms.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.pattern < $1.pattern }
                if slot.path == theme {
                    own = terms
                } else if !terms.isEmpty {
                    children.append(LexiconCategory(name: String(slot.path.dropFirst(theme.count + 1)), path: slot.path, terms: terms))
                }
            }
            if !children.isEmpty || !own.isEmpty {
                categories.append(LexiconCategory(name: theme, path: theme, terms: own, children: children))
            }
        }
        return Lexicon(name: name, categories: categories)
    }

    /// Cross-validation by document: the documents dealt in turn (by name) to the folds; each
    /// fold's items coded by the scheme alone and by the scheme with a layer fitted on the rest.
    public func validate(_ examples: [Example]) -> Validation {
        let usable = examples.filter { themes.contains($0.theme) }
        let documents = Array(Set(usable.map(\.document))).sorted()
        let folds = max(2, min(options.folds, documents.count))
        let fold = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($0.element, $0.offset % folds) })
        var before: [(gold: Example, theme: String, subtheme: String?)] = []
        var after = before
        var codings: [Coding] = []
        for k in 0..<folds {
            let training = usable.filter { fold[$0.document] != k }
            let test = usable.filter { fold[$0.document] == k }
            guard !training.isEmpty, !test.isEmpty else { continue }
            let model = train(training)
            for example in test {
                let own = predict(example, model: nil)
                before.append((example, own.theme, own.subtheme))
                let learned = predict(example, model: model)
                after.append((example, learned.theme, learned.subtheme))
                codings.append(Coding(document: example.document, theme: example.theme, subtheme: example.subtheme, alone: own.theme,
                                      aloneSubtheme: own.subtheme, learned: learned.theme, learnedSubtheme: learned.subtheme))
            }
        }
        return Validation(folds: folds, documents: documents.count, before: agreement(before), after: agreement(after), codings: codings)
    }
}

private extension LayerLearner {
    /// Word weights, `weights[word * slots + slot]`, 0 or more.
    struct Model {
        var vocabulary: [String]
        var index: [String: Int]
        var weights: [Double]
    }

    /// The words a layer term can be: runs of letters, lower-cased, two letters or more.
    static func words(_ text: String) -> Set<String> {
        var result = Set<String>()
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic {
                current.unicodeScalars.append(scalar)
            } else {
                if current.count >= 2 { result.insert(current) }
                current = ""
            }
        }
        if current.count >= 2 { result.insert(current) }
        return result
    }

    /// The slots a weight can take: every sub-theme (or a theme without sub-themes), with its theme.
    var slots: [(theme: Int, path: String)] {
        themes.enumerated().flatMap { t, theme -> [(theme: Int, path: String)] in
            let children = subthemes[theme] ?? []
            return children.isEmpty ? [(t, theme)] : children.map { (t, theme + "." + $0) }
        }
    }

    /// Projected gradient descent on two log-losses: the theme (softmax over theme totals, the
    /// lexicon's totals as offsets) and, within the hand-coded theme, the sub-theme (softmax over
    /// its sub-themes' totals); weights stay at or above 0, as a lexicon's do.
    func train(_ examples: [Example]) -> Model {
        let bags = examples.map { Self.words($0.text) }
        var counts: [String: Int] = [:]
        for bag in bags { for word in bag { counts[word, default: 0] += 1 } }
        let vocabulary = counts.filter { $0.value >= options.minimumItems }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($0.element, $0.offset) })
        let rows = bags.map { $0.compactMap { index[$0] }.sorted() }
        let slots = self.slots
        let k = themes.count
        let m = slots.count
        let labels = examples.map { themes.firstIndex(of: $0.theme)! }
        let subLabels = examples.map { example in
            example.subtheme.flatMap { subtheme in slots.firstIndex { $0.path == example.theme + "." + subtheme } }
        }
        let themeOffsets = examples.map { example in themes.map { example.base[$0] ?? 0 } }
        let slotOffsets = examples.map { example in slots.map { example.base[$0.path] ?? 0 } }
        var weights = [Double](repeating: 0, count: vocabulary.count * m)
        var gradient = weights
        let n = Double(examples.count)
        var themeScores = [Double](repeating: 0, count: k)
        var slotScores = [Double](repeating: 0, count: m)
        var residual = [Double](repeating: 0, count: m)
        for _ in 0..<options.iterations {
            for index in gradient.indices { gradient[index] = options.penalty * weights[index] }
            for (i, row) in rows.enumerated() {
                for s in 0..<m {
                    var score = slotOffsets[i][s]
                    for j in row { score += weights[j * m + s] }
                    slotScores[s] = score
                }
                if themeByBestSubtheme {
                    // The theme of the best sub-theme wins: a softmax over every sub-theme, the
                    // theme's probability the sum of its sub-themes'.
                    let slotP = Self.softmax(slotScores, over: 0..<m)
                    var gold = 0.0
                    for s in 0..<m where slots[s].theme == labels[i] { gold += slotP[s] }
                    gold = max(gold, 1e-12)
                    for s in 0..<m { residual[s] = slotP[s] - (labels[i] == slots[s].theme ? slotP[s] / gold : 0) }
                } else {
                    for t in 0..<k { themeScores[t] = themeOffsets[i][t] }
                    for s in 0..<m { themeScores[slots[s].theme] += slotScores[s] - slotOffsets[i][s] }
                    let themeP = Self.softmax(themeScores, over: 0..<k)
                    for s in 0..<m { residual[s] = themeP[slots[s].theme] - (labels[i] == slots[s].theme ? 1 : 0) }
                }
                if let subLabel = subLabels[i] {
                    let own = (0..<m).filter { slots[$0].theme == labels[i] }
                    let subP = Self.softmax(own.map { slotScores[$0] }, over: 0..<own.count)
                    for (position, s) in own.enumerated() { residual[s] += options.subthemeWeight * (subP[position] - (s == subLabel ? 1 : 0)) }
                }
                for s in 0..<m {
                    let value = residual[s] / n
                    for j in row { gradient[j * m + s] += value }
                }
            }
            for index in weights.indices { weights[index] = max(0, weights[index] - options.rate * gradient[index]) }
        }
        return Model(vocabulary: vocabulary, index: index, weights: weights)
    }

    static func softmax(_ scores: [Double], over range: Range<Int>) -> [Double] {
        let largest = range.map { scores[$0] }.max() ?? 0
        let exps = range.map { exp(scores[$0] - largest) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    /// The theme and sub-theme the scheme's lexicon (and the layer, when given) would choose:
    /// the highest theme total, then its highest sub-theme.
    func predict(_ example: Example, model: Model?) -> (theme: String, subtheme: String?) {
        var scores = example.base
        if let model {
            let slots = self.slots
            for word in Self.words(example.text) {
                guard let j = model.index[word] else { continue }
                for (s, slot) in slots.enumerated() {
                    let weight = model.weights[j * slots.count + s]
                    guard weight >= options.minimumWeight else { continue }
                    scores[themes[slot.theme], default: 0] += weight
                    if slot.path != themes[slot.theme] { scores[slot.path, default: 0] += weight }
                }
            }
        }
        // As the classifier decides: the theme with the highest total, or the theme of the best
        // sub-theme; none below the threshold.
        var theme: String?
        if themeByBestSubtheme {
            var best = 0.0
            for candidate in themes {
                let children = subthemes[candidate] ?? []
                let value = children.isEmpty ? scores[candidate] ?? 0 : children.map { scores[candidate + "." + $0] ?? 0 }.max() ?? 0
                if value > best { best = value; theme = candidate }
            }
        } else {
            for candidate in themes where (scores[candidate] ?? 0) > (theme.flatMap { scores[$0] } ?? 0) { theme = candidate }
        }
        guard let theme, (scores[theme] ?? 0) >= threshold else { return (ClassifiedItem.unclassified, nil) }
        var subtheme: String?
        for candidate in subthemes[theme] ?? [] where (scores[theme + "." + candidate] ?? 0) > (subtheme.flatMap { scores[theme + "." + $0] } ?? 0) {
            subtheme = candidate
        }
        return (theme, subtheme)
    }

    func agreement(_ pairs: [(gold: Example, theme: String, subtheme: String?)]) -> Agreement {
        guard !pairs.isEmpty else { return Agreement(items: 0, themeAccuracy: 0, kappa: 0, subthemeAccuracy: 0) }
        let n = Double(pairs.count)
        let right = Double(pairs.filter { $0.gold.theme == $0.theme }.count)
        let subRight = Double(pairs.filter { $0.gold.theme == $0.theme && $0.gold.subtheme == $0.subtheme }.count)
        var expected = 0.0
        for label in Set(pairs.map(\.gold.theme)).union(pairs.map(\.theme)) {
            let gold = Double(pairs.filter { $0.gold.theme == label }.count)
            let coded = Double(pairs.filter { $0.theme == label }.count)
            expected += gold / n * coded / n
        }
        let accuracy = right / n
        return Agreement(items: pairs.count, themeAccuracy: accuracy,
                         kappa: expected >= 1 ? 1 : (accuracy - expected) / (1 - expected), subthemeAccuracy: subRight / n)
    }
}
