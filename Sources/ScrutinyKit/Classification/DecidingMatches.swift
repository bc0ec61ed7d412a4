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
            : Array(matches)).filter { $0.source != .learned || telling.contains($0.matched.lowercased() + " " + $0.category) }
        // The chosen sub-theme's own matches come first (session 28's user audit: an item coded
        // purpose › collaboration by its learned words showed only purpose › safeguarded terms);
        // then, some learned words ("should", "are") carrying only how common a theme is, the
        // lexicon's terms before the layer's; each by weight.
        let chosen = self.subtheme.map { theme + "." + $0 }
        func rank(_ match: TermMatch) -> (Int, Int, Double) {
            (match.category == chosen ? 0 : 1, match.source == .learned ? 1 : 0, -match.weight)
        }
        let ranked = deciding.sorted { rank($0) < rank($1) }
        var seen = Set<String>()
        return ranked.filter { seen.insert($0.matched.lowercased() + $0.category).inserted }
    }
}

extension ClassifiedItem {
    /// The learned layer's words that tell one sub-theme from the others, as "word category": a
    /// word counts for the sub-theme it weighs most, where that weight is at least one and a half
    /// times its mean weight for the other sub-themes it weighs ("supervision" for challenge).
    /// Words the layer weighs alike everywhere ("the", "to", "is", which carry how common each
    /// theme is, the layer having no other intercept) decided nothing and are not listed as if
    /// they had; nor is a word under every sub-theme it reaches.
    var tellingLearnedWords: Set<String> {
        var weights: [String: [String: Double]] = [:]
        for match in matches where match.source == .learned {
            weights[match.matched.lowercased(), default: [:]][match.category] = match.weight
        }
        var telling = Set<String>()
        for (word, byCategory) in weights {
            guard let (category, weight) = byCategory.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
            // The other weights summed in the order of their categories' names: summed in the
            // dictionary's order, which differs from run to run, a word on the threshold (0.3
            // against a mean of 0.2) was telling in one run and not the next (session 37's audit).
            let others = byCategory.filter { $0.key != category }.sorted { $0.key < $1.key }.map(\.value)
            let mean = others.isEmpty ? 0 : others.reduce(0, +) / Double(others.count)
            if weight >= 1.5 * mean { telling.insert(word + " " + category) }
        }
        return telling
    }
}
