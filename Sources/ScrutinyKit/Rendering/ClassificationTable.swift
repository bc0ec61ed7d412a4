/// Classified items as a Markdown table (optionally with every match explained) or CSV.
public enum ClassificationTable {
    public static func csv(_ items: [ClassifiedItem]) -> String {
        CSVWriter.render(
            header: RecommendationTable.csvHeader + ["theme", "subtheme", "score", "secondary", "evidence", "theme_totals", "close"],
            rows: items.map { item in
                // A procedural decision has no theme: its theme columns stay empty.
                guard item.recommendation.kind != .procedural else { return RecommendationTable.csvRow(item.recommendation) + ["", "", "", "", "", "", ""] }
                // The runner-up the table marks close, so that a spreadsheet can sort the doubtful
                // codings first (session 45's audit: only the table said which they were).
                let close = closeCall(item).map { runnerUp in
                    "\(outscores(runnerUp, item) ? "higher" : "close"): \(runnerUp.theme)\(runnerUp.subtheme.map { "." + $0 } ?? "") \(format(runnerUp.score))"
                } ?? ""
                return RecommendationTable.csvRow(item.recommendation)
                    + [item.theme, item.subtheme ?? "", score(item), secondary(item), evidence(item, limit: .max), themeTotals(item, separator: "; "),
                       close]
            })
    }

    /// Over more than one document a `document` column says where each item is, as the items'
    /// table does; a line under the table says what the marks in "decided by" mean, where any
    /// is used.
    public static func markdown(_ items: [ClassifiedItem], explain: Bool = false) -> String {
        let multipleDocuments = Set(items.map(\.recommendation.document)).count > 1
        let rows = items.enumerated().map { index, item in
            var row = [String(index + 1), item.recommendation.kind.rawValue, item.theme, (item.subtheme ?? "") + runnerUpMark(item), decidedBy(item),
                       item.recommendation.text]
            if multipleDocuments { row.insert(item.recommendation.document, at: 1) }
            return row
        }
        var header = ["#", "kind", "theme", "sub-theme", "decided by", "text"]
        if multipleDocuments { header.insert("document", at: 1) }
        var output = MarkdownTable.render(header: header, rows: rows, alignRight: [0])
        // Most first, then by name: "16 purpose, 8 leadership, 7 process, 7 unclassified".
        let themes = Dictionary(grouping: items, by: \.theme).sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
            .map { "\($0.value.count) \($0.key)" }
        output += "\n\(items.count) item\(items.count == 1 ? "" : "s")\(themes.isEmpty ? "" : ": " + themes.joined(separator: ", "))\n"
        let sources = Set(items.flatMap { $0.decidingMatches.prefix(3).map(\.source) }).subtracting([.text])
        if !sources.isEmpty {
            let meanings: [(ClassifiedItem.TermMatch.Source, String)] = [
                (.actor, "actor: in who is asked to act"), (.section, "section: in the headings above the item"),
                (.learned, "learned: a word weighed by the learned layer"),
            ]
            output += "decided by: a matched term (its sub-theme); "
                + meanings.filter { sources.contains($0.0) }.map(\.1).joined(separator: "; ") + "\n"
        }
        output += runnerUpNotes(items)
        if explain { output += explanations(items) }
        return output
    }

    /// Each item's matches, numbered as the table numbers it: what `--explain` adds under the
    /// table (the era table of `--scheme auto` too, each item under its era's scheme).
    public static func explanations(_ items: [ClassifiedItem]) -> String {
        var output = ""
        for (index, item) in items.enumerated() {
            output += "\n\(index + 1). \(item.theme)\(item.subtheme.map { " \u{203A} " + $0 } ?? "") (score \(score(item)))"
            let totals = themeTotals(item)
            if !totals.isEmpty { output += "; themes: \(totals)" }
            if !item.secondary.isEmpty { output += "; secondary: \(secondary(item))" }
            output += "\n"
            // The learned layer weighs every word of an item, "the" and "to" under every
            // sub-theme: those that tell no sub-theme apart are counted in the totals above
            // and named once in a line, not listed match by match (session 28's user audit:
            // one item's explanation ran to 150 lines, most of them "the", "and" and "to").
            let telling = item.tellingLearnedWords
            var untelling: [String] = []
            var untellingCount = 0
            for match in item.matches {
                if match.source == .learned, telling[ClassifiedItem.LearnedWord(match)] == nil {
                    untellingCount += 1
                    let word = match.matched.lowercased()
                    if !untelling.contains(word) { untelling.append(word) }
                    continue
                }
                output += "   \"\(match.matched)\" [\(match.term)] \(match.source.rawValue) \(match.start)-\(match.end) \u{2192} \(match.category) +\(format(match.weight))\n"
            }
            if untellingCount > 0 {
                let named = untelling.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ") + (untelling.count > 8 ? ", …" : "")
                output += "   and \(untellingCount) more learned weights, of words under sub-themes they do not tell apart "
                    + "(\(named)), counted in the totals\n"
            }
            if item.matches.isEmpty { output += "   no lexicon term matched\n" }
        }
        return output
    }

    /// The table's "decided by": the deciding matches, or what says that none did.
    static func decidedBy(_ item: ClassifiedItem) -> String {
        guard item.recommendation.kind != .procedural else { return "" }
        let decided = evidence(item, limit: 3)
        return decided.isEmpty && !item.isClassified ? "no term matched" : decided
    }

    /// How near the runner-up's score must come to the choice's to be a close call.
    static let closeRatio = 0.9

    /// The runner-up, where it scored within 10% of the primary sub-theme (or theme): a near tie
    /// the table would otherwise hide behind its one answer (session 37's audit: safeguarded 1.17
    /// against information sharing 1.16).
    static func closeCall(_ item: ClassifiedItem) -> ClassifiedItem.ThemeScore? {
        guard item.isClassified, item.recommendation.kind != .procedural, let runnerUp = item.secondary.first else { return nil }
        guard let chosen = chosenScore(item), chosen > 0 else { return nil }
        return runnerUp.score >= closeRatio * chosen ? runnerUp : nil
    }

    /// " (close: purpose › information-sharing 1.16)" beside a sub-theme whose runner-up came
    /// within 10% of it, " (higher: …)" where it scored above it; "" otherwise.
    static func runnerUpMark(_ item: ClassifiedItem) -> String {
        closeCall(item).map { runnerUp in
            " (\(outscores(runnerUp, item) ? "higher" : "close"): \(runnerUp.theme)\(runnerUp.subtheme.map { " \u{203A} " + $0 } ?? "") \(format(runnerUp.score)))"
        } ?? ""
    }

    /// The lines under a table that say what its marks mean, for the marks it uses. The theme is
    /// the one whose sub-themes score most in all, so a sub-theme of another theme can score above
    /// the chosen one (session 45's audit: "close" was said of a runner-up 41% higher, under a
    /// line saying within 10%).
    static func runnerUpNotes(_ items: [ClassifiedItem]) -> String {
        let calls = items.compactMap { item in closeCall(item).map { outscores($0, item) } }
        var notes = ""
        if calls.contains(false) {
            notes += "close: the runner-up scored within \(Int(((1 - closeRatio) * 100).rounded()))% of the choice, so a word more or less could "
                + "change it; --explain gives every match\n"
        }
        if calls.contains(true) {
            notes += "higher: a sub-theme of another theme scored above the chosen sub-theme; the chosen theme's sub-themes scored more "
                + "in all (--explain gives the themes' totals)\n"
        }
        return notes
    }

    /// Whether the runner-up scored above the chosen sub-theme (or theme) itself.
    static func outscores(_ runnerUp: ClassifiedItem.ThemeScore, _ item: ClassifiedItem) -> Bool {
        runnerUp.score > (chosenScore(item) ?? 0)
    }

    /// The chosen sub-theme's score (the theme's where it has none).
    static func chosenScore(_ item: ClassifiedItem) -> Double? {
        item.scores[item.subtheme.map { item.theme + "." + $0 } ?? item.theme] ?? item.scores[item.theme]
    }

    static func score(_ item: ClassifiedItem) -> String {
        format(chosenScore(item) ?? 0)
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

    /// The matched terms that decided (``ClassifiedItem/decidingMatches``), strongest first:
    /// "audit* (challenge)". An unclassified item lists what matched as "too weak: …" (its best
    /// theme scored below the scheme's threshold), since nothing decided.
    static func evidence(_ item: ClassifiedItem, limit: Int) -> String {
        let deciding = item.decidingMatches
        var parts = deciding.prefix(limit).map { match in
            let category = match.category.split(separator: ".").last.map(String.init) ?? match.category
            return "\(match.matched.lowercased()) (\(category)\(match.source == .text ? "" : ", " + match.source.rawValue))"
        }
        // The table shows the first few; it says how many more the CSV's evidence column lists
        // (a scrutineer's audit: the list stopped at three without a word).
        if deciding.count > limit { parts.append("+\(deciding.count - limit) more") }
        // Nothing decided an unclassified item: what matched is shown as too weak to decide.
        guard item.isClassified || parts.isEmpty else { return "too weak: " + parts.joined(separator: ", ") }
        return parts.joined(separator: ", ")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
