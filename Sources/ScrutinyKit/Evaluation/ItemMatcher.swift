/// Pairs items a tool found with hand-annotated ones, one to one, by their words.
///
/// Both texts are reduced to lower-case words (runs of letters and digits). A found item and an
/// annotation match when (a) at least 75% of the annotation's words are in the found item and at
/// least 50% of the found item's words are in the annotation, or (b) the annotation, at least 60
/// characters long, is a prefix of the found item, word for word (the scheme allows a prefix), or (c) the
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
        let foundBags = found.map(TokenOverlap.counts)
        let goldBags = gold.map(TokenOverlap.counts)
        let foundKeys = found.map(normalizedKey)
        let goldKeys = gold.map(normalizedKey)
        let goldLongEnough = gold.map { $0.trimmingCharacters(in: " ").count >= 60 }
        var candidates: [Pair] = []
        for (g, goldBag) in goldBags.enumerated() {
            let goldTotal = goldBag.values.reduce(0, +)
            guard goldTotal > 0 else { continue }
            for (f, foundBag) in foundBags.enumerated() {
                let foundTotal = foundBag.values.reduce(0, +)
                guard foundTotal > 0 else { continue }
                let common = goldBag.reduce(0) { $0 + min($1.value, foundBag[$1.key] ?? 0) }
                let goldCoverage = Double(common) / Double(goldTotal)
                let foundCoverage = Double(common) / Double(foundTotal)
                let prefix = goldLongEnough[g] && (foundKeys[f] + " ").hasPrefix(goldKeys[g] + " ")
                let inside = foundCoverage >= 0.95 && goldCoverage >= 0.6
                guard (goldCoverage >= 0.75 && foundCoverage >= 0.5) || prefix || inside else { continue }
                let score = prefix ? 1 : 2 * goldCoverage * foundCoverage / (goldCoverage + foundCoverage)
                candidates.append(Pair(found: f, gold: g, score: score))
            }
        }
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
