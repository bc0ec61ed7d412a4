/// Pairs items a tool found with hand-annotated ones, one to one, by their words.
///
/// Both texts are reduced to lower-case words (runs of letters and digits). A found item and an
/// annotation match when (a) at least 75% of the annotation's words are in the found item and at
/// least 50% of the found item's words are in the annotation, or (b) the annotation, at least 60
/// characters long, is a prefix of the found item, word for word but for its last word, which may be
/// cut short (the scheme allows a prefix; a spreadsheet's LEFT cuts inside a word), or (c) the
/// found item lies inside the annotation and covers at least 60% of it. Pairs are taken best
/// first (the harmonic mean of the two coverages), so each item is used once. Documents are
/// paired by file name, or failing that by file name without its extension, so that a PDF made
/// from `report.md` is scored against `report.md`'s annotations.
public enum ItemMatcher {
    public struct Pair: Hashable, Sendable {
        public var found: Int
        public var gold: Int
        public var score: Double
    }

    public static func pairs(found: [String], gold: [String]) -> [Pair] {
        let (found, gold) = (found.map(Text.init), gold.map(Text.init))
        var candidates: [Pair] = []
        for (g, goldText) in gold.enumerated() {
            for (f, foundText) in found.enumerated() {
                if let score = score(found: foundText, gold: goldText) { candidates.append(Pair(found: f, gold: g, score: score)) }
            }
        }
        return oneToOne(candidates)
    }

    /// Pairs two hand codings' rows, neither the gold (`scrutiny agree`): a pair stands where it
    /// would with either taken as the gold, so that the order the codings are given in does not
    /// change it (a coding of whole sentences beside one of prefixes pairs either way round).
    /// `gold` indexes `first`, `found` indexes `second`.
    public static func pairsEitherWay(_ first: [String], _ second: [String]) -> [Pair] {
        let (first, second) = (first.map(Text.init), second.map(Text.init))
        var candidates: [Pair] = []
        for (g, one) in first.enumerated() {
            for (f, other) in second.enumerated() {
                let scores = [score(found: other, gold: one), score(found: one, gold: other)].compactMap { $0 }
                if let best = scores.max() { candidates.append(Pair(found: f, gold: g, score: best)) }
            }
        }
        return oneToOne(candidates)
    }
    /// A text as matching reads it: its words counted, and joined by single spaces.
    private struct Text {
        var bag: [String: Int]
        var total: Int
        var key: String
        var longEnough: Bool

        init(_ text: String) {
            bag = TokenOverlap.counts(text)
            total = bag.values.reduce(0, +)
            key = ItemMatcher.normalizedKey(text)
            longEnough = text.trimmingCharacters(in: " ").count >= 60
        }
    }

    /// How well `found` stands for `gold` (1 for a prefix), or nil where they do not match. A
    /// prefix may end inside a word ("… the local autho" for "… the local authority's"), as a
    /// spreadsheet's LEFT(text, 80) cuts it.
    private static func score(found: Text, gold: Text) -> Double? {
        guard gold.total > 0, found.total > 0 else { return nil }
        let common = gold.bag.reduce(0) { $0 + min($1.value, found.bag[$1.key] ?? 0) }
        let goldCoverage = Double(common) / Double(gold.total)
        let foundCoverage = Double(common) / Double(found.total)
        let prefix = gold.longEnough && found.key.hasPrefix(gold.key)
        let inside = foundCoverage >= 0.95 && goldCoverage >= 0.6
        guard (goldCoverage >= 0.75 && foundCoverage >= 0.5) || prefix || inside else { return nil }
        return prefix ? 1 : 2 * goldCoverage * foundCoverage / (goldCoverage + foundCoverage)
    }

    /// Best pairs first (the gold's order among equals), each item and annotation used once.
    private static func oneToOne(_ candidates: [Pair]) -> [Pair] {
        var usedFound = Set<Int>()
        var usedGold = Set<Int>()
        var pairs: [Pair] = []
        for pair in candidates.sorted(by: { $0.score > $1.score || ($0.score == $1.score && $0.gold < $1.gold) })
        where !usedFound.contains(pair.found) && !usedGold.contains(pair.gold) {
            usedFound.insert(pair.found)
            usedGold.insert(pair.gold)
            pairs.append(pair)
        }
        return pairs.sorted { $0.gold < $1.gold }
    }

    /// The words of a text joined by single spaces.
    static func normalizedKey(_ text: String) -> String { TokenOverlap.tokens(text).joined(separator: " ") }

    /// A document's name without its extension, folders kept: "report.pdf" is scored against the
    /// rows of "report.md", but "b/annual-report.txt" never against those of "a/annual-report.txt"
    /// (it was until session 19, which doubled the rows and halved recall).
    public static func stem(_ name: String) -> String {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return name }
        return String(name.dropLast(file.distance(from: dot, to: file.endIndex)))
    }
}
