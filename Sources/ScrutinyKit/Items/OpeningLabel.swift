/// A short label that opens a paragraph or list entry and announces what follows it in the same
/// text ("Areas for development: return home interviews, …", "Recommendations include: a; b;
/// c"): one to five words before a colon in the first 60 Unicode scalars, that head items of a kind
/// in their own right (`sections` in items.yml).
struct OpeningLabel {
    var kind: Recommendation.Kind
    /// The label as written, without its colon: the cue of the items after it.
    var text: String
    /// Where the words after the colon begin, in Unicode scalars.
    var end: Int

    // `borrowing`: an initialiser takes its arguments owned, and copying the rules retains each of
    // their lists, for every paragraph asked.
    init?(_ text: String, rules: borrowing ItemRules) {
        // Every paragraph is asked: looked for by scalars, not characters.
        let scalars = text.unicodeScalars
        guard let colon = scalars.prefix(60).firstIndex(of: ":") else { return nil }
        let label = String(scalars[..<colon])
        let words = WordTokenizer.words(label).map(\.text)
        guard (1...5).contains(words.count), let kind = rules.sectionKind(words, atStart: true) else { return nil }
        self.kind = kind
        self.text = label
        end = label.unicodeScalars.count + 1
    }

    /// The items after the label, one to a clause between semicolons ("emphasise …; ensure …;
    /// and review …"); nil unless two or more clauses of three words or more follow.
    func clauses(of block: Block) -> [Block]? {
        let scalars = Array(block.text.unicodeScalars)
        var clauses: [Block] = []
        var start = end
        for stop in scalars.indices.filter({ scalars[$0] == ";" }) + [scalars.count] {
            var from = start, to = stop
            while from < to, scalars[from].properties.isWhitespace { from += 1 }
            while to > from, scalars[to - 1].properties.isWhitespace || scalars[to - 1] == "." { to -= 1 }
            if String(String.UnicodeScalarView(scalars[from..<to])).lowercased().hasPrefix("and ") { from += 4 }
            start = stop + 1
            guard from < to else { continue }
            let clause = block.part(from: from, to: to)
            guard WordTokenizer.words(clause.text).count >= 3 else { return nil }
            clauses.append(clause)
        }
        return clauses.count >= 2 ? clauses : nil
    }
}
