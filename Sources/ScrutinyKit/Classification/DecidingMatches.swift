/// The matches that decided an item's theme, as every output that explains a coding shows them:
/// `classify --explain`'s "decided by", the CSV's evidence, the REFI-QDA memo and `evaluate`'s list
/// of disagreements.
extension ClassifiedItem {
    /// The matches counted for the primary theme, from whatever source (the item's words, its section
    /// or its actor): the lexicon's terms first, then the learned layer's words that tell the theme
    /// apart, each by weight, one per matched words and category. For an unclassified item, every
    /// match (none decided; they were too weak).
    public var decidingMatches: [TermMatch] {
        let (theme, subtheme) = (self.theme, self.theme + ".")
        let telling = tellingLearnedWords
        let deciding = (isClassified
            ? matches.filter { $0.category == theme || $0.category.hasPrefix(subtheme) }
            : Array(matches)).filter { $0.source != .learned || telling[LearnedWord($0)] != nil }
        // The chosen sub-theme's own matches come first (session 28's user audit: an item coded
        // purpose › collaboration by its learned words showed only purpose › safeguarded terms);
        // then, some learned words ("should", "are") carrying only how common a theme is, the
        // lexicon's terms before the layer's; each by weight.
        // A learned word by how far it tells its sub-theme apart (its weight there less its mean
        // weight elsewhere), not by its weight: "are" weighs 0.9 under every sub-theme and a little
        // more under one, "oversight" little anywhere but one (session 43: a function word had
        // stood first in "decided by" of 120 of 6,426 inspection items).
        let chosen = self.subtheme.map { theme + "." + $0 }
        func rank(_ match: TermMatch) -> (Int, Int, Double) {
            guard match.source == .learned else { return (match.category == chosen ? 0 : 1, 0, -match.weight) }
            return (match.category == chosen ? 0 : 1, 1, -(telling[LearnedWord(match)] ?? match.weight))
        }
        let ranked = deciding.sorted { rank($0) < rank($1) }
        var seen = Set<String>()
        return ranked.filter { seen.insert($0.matched.lowercased() + $0.category).inserted }
    }
}

public extension ClassifiedItem {
    /// The item with only its ``decidingMatches``: what a reader of its JSON needs to see why it
    /// was coded so, without the learned layer's weight of every word under every sub-theme
    /// (96% of the matches of the real documents, and of their JSON's size).
    var keepingDecidingMatchesOnly: ClassifiedItem {
        var item = self
        item.matches = TermMatches(decidingMatches)
        return item
    }
}

extension ClassifiedItem {
    /// A learned word under one sub-theme.
    struct LearnedWord: Hashable {
        var word: String
        var category: String

        init(_ match: TermMatch) { (word, category) = (match.matched.lowercased(), match.category) }
    }

    /// The learned layer's words that tell one sub-theme from the others: a word counts for the
    /// sub-theme it weighs most, where that weight is at least one and a half times its mean
    /// weight for the other sub-themes it weighs ("supervision" for challenge). Words the layer
    /// weighs alike everywhere ("the", "to", "is", which carry how common each theme is, the layer
    /// having no other intercept) decided nothing and are not listed as if they had; nor is a word
    /// under every sub-theme it reaches.
    ///
    /// The weights are taken in the order of word and category, so that a word on the threshold
    /// (0.3 against a mean of 0.2) is decided the same way in every run: summed in a dictionary's
    /// order, which Swift seeds anew in each process, it was telling in one run and not the next
    /// (session 37's audit: four runs, four CSVs).
    ///
    /// Each telling word comes with how far it tells its sub-theme apart: its weight there less its
    /// mean weight under the others.
    var tellingLearnedWords: [LearnedWord: Double] {
        let learned = matches.filter { $0.source == .learned }.map { (key: LearnedWord($0), weight: $0.weight) }
            .sorted { ($0.key.word, $0.key.category) < ($1.key.word, $1.key.category) }
        var telling: [LearnedWord: Double] = [:]
        var start = learned.startIndex
        while start < learned.endIndex {
            let word = learned[start].key.word
            var end = start
            // One weight a category (a word met twice in an item has the same weight both times).
            var run: [(key: LearnedWord, weight: Double)] = []
            while end < learned.endIndex, learned[end].key.word == word {
                if run.last?.key != learned[end].key { run.append(learned[end]) }
                end += 1
            }
            start = end
            // The highest weight; of equal ones the first category by name.
            guard let best = run.indices.max(by: { run[$0].weight < run[$1].weight || (run[$0].weight == run[$1].weight && $0 > $1) })
            else { continue }
            let others = run.indices.filter { $0 != best }.map { run[$0].weight }
            let mean = others.isEmpty ? 0 : others.reduce(0, +) / Double(others.count)
            if run[best].weight >= 1.5 * mean { telling[run[best].key] = run[best].weight - mean }
        }
        return telling
    }
}
