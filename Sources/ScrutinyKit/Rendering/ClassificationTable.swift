/// Classified items as a Markdown table (optionally with every match explained) or CSV.
public enum ClassificationTable {
    public static func csv(_ items: [ClassifiedItem]) -> String {
        CSVWriter.render(
            header: RecommendationTable.csvHeader + ["theme", "subtheme", "score", "secondary", "evidence", "theme_totals"],
            rows: items.map { item in
                // A procedural decision has no theme: its theme columns stay empty.
                guard item.recommendation.kind != .procedural else { return RecommendationTable.csvRow(item.recommendation) + ["", "", "", "", "", ""] }
                return RecommendationTable.csvRow(item.recommendation)
                    + [item.theme, item.subtheme ?? "", score(item), secondary(item), evidence(item, limit: 99), themeTotals(item, separator: "; ")]
            })
    }

    public static func markdown(_ items: [ClassifiedItem], explain: Bool = false) -> String {
        let rows = items.enumerated().map { index, item in
            [String(index + 1), item.recommendation.kind.rawValue, item.theme, item.subtheme ?? "", evidence(item, limit: 3),
             item.recommendation.text]
        }
        var output = MarkdownTable.render(header: ["#", "kind", "theme", "sub-theme", "decided by", "text"], rows: rows, alignRight: [0])
        // Most first, then by name: "16 purpose, 8 leadership, 7 process, 7 unclassified".
        let themes = Dictionary(grouping: items, by: \.theme).sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
            .map { "\($0.value.count) \($0.key)" }
        output += "\n\(items.count) item\(items.count == 1 ? "" : "s"): \(themes.joined(separator: ", "))\n"
        if explain {
            for (index, item) in items.enumerated() {
                output += "\n\(index + 1). \(item.theme)\(item.subtheme.map { " \u{203A} " + $0 } ?? "") (score \(score(item)))"
                let totals = themeTotals(item)
                if !totals.isEmpty { output += "; themes: \(totals)" }
                if !item.secondary.isEmpty { output += "; secondary: \(secondary(item))" }
                output += "\n"
                for match in item.matches {
                    output += "   \"\(match.matched)\" [\(match.term)] \(match.source.rawValue) \(match.start)-\(match.end) \u{2192} \(match.category) +\(format(match.weight))\n"
                }
                if item.matches.isEmpty { output += "   no lexicon term matched\n" }
            }
        }
        return output
    }

    static func score(_ item: ClassifiedItem) -> String {
        let path = item.subtheme.map { item.theme + "." + $0 } ?? item.theme
        return format(item.scores[path] ?? item.scores[item.theme] ?? 0)
    }

    static func secondary(_ item: ClassifiedItem) -> String {
        item.secondary.map { "\($0.theme)\($0.subtheme.map { "." + $0 } ?? "") \(format($0.score))" }.joined(separator: "; ")
    }

    /// Every theme's total, highest first ("leadership 3.64, purpose 1.03"): what chose the
    /// primary theme, so that a secondary sub-theme scoring above the primary one is explained.
    static func themeTotals(_ item: ClassifiedItem, separator: String = ", ") -> String {
        let totals: [(theme: String, score: Double)] = item.scores.entries.filter { !$0.path.contains(".") && $0.score > 0 }
            .map { (theme: $0.path, score: $0.score) }
        let ranked = totals.sorted { left, right in
            left.score != right.score ? left.score > right.score : left.theme < right.theme
        }
        return ranked.map { "\($0.theme) \(format($0.score))" }.joined(separator: separator)
    }

    /// The matched terms that decided: those counted for the primary theme, from whatever source
    /// (the item's words, its section or its actor), strongest first: "audit* (challenge)". An
    /// unclassified item lists what matched as "too weak: …" (its best theme scored below the
    /// scheme's threshold), since nothing decided.
    static func evidence(_ item: ClassifiedItem, limit: Int) -> String {
        let (theme, subtheme) = (item.theme, item.theme + ".")
        let telling = tellingLearnedWords(item)
        let deciding = (item.isClassified
            ? item.matches.filter { $0.category == theme || $0.category.hasPrefix(subtheme) }
            : Array(item.matches)).filter { $0.source != .learned || telling.contains($0.matched.lowercased() + " " + $0.category) }
        // The lexicon's terms first, then the learned layer's words (some of which, "should" or
        // "are", carry only how common a theme is), each by weight.
        let ranked = deciding.sorted { ($0.source == .learned ? 1 : 0, -$0.weight) < ($1.source == .learned ? 1 : 0, -$1.weight) }
        var seen = Set<String>()
        var parts: [String] = []
        for match in ranked {
            let matched = match.matched.lowercased()
            guard seen.insert(matched + match.category).inserted else { continue }
            let category = match.category.split(separator: ".").last.map(String.init) ?? match.category
            parts.append("\(matched) (\(category)\(match.source == .text ? "" : ", " + match.source.rawValue))")
            if parts.count == limit { break }
        }
        // Nothing decided an unclassified item: what matched is shown as too weak to decide.
        guard item.isClassified || parts.isEmpty else { return "too weak: " + parts.joined(separator: ", ") }
        return parts.joined(separator: ", ")
    }

    /// The learned layer's words that tell one sub-theme from the others, as "word category": a
    /// word counts for the sub-theme it weighs most, where that weight is at least one and a half
    /// times its mean weight for the other sub-themes it weighs ("supervision" for challenge).
    /// Words the layer weighs alike everywhere ("the", "to", "is", which carry how common each
    /// theme is, the layer having no other intercept) decided nothing and are not listed as if
    /// they had; nor is a word under every sub-theme it reaches.
    static func tellingLearnedWords(_ item: ClassifiedItem) -> Set<String> {
        var weights: [String: [String: Double]] = [:]
        for match in item.matches where match.source == .learned {
            weights[match.matched.lowercased(), default: [:]][match.category] = match.weight
        }
        var telling = Set<String>()
        for (word, byCategory) in weights {
            guard let (category, weight) = byCategory.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
            let others = byCategory.count - 1
            let mean = others == 0 ? 0 : (byCategory.values.reduce(0, +) - weight) / Double(others)
            if weight >= 1.5 * mean { telling.insert(word + " " + category) }
        }
        return telling
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
