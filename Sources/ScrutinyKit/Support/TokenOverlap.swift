/// Bag-of-words overlap between two texts: how much of a source's wording an extraction kept.
public struct TokenOverlap: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Compares the multisets of lower-cased word tokens (runs of letters and digits) of `extracted` and `reference`.
    public init(extracted: String, reference: String) {
        let found = TokenOverlap.counts(extracted)
        let expected = TokenOverlap.counts(reference)
        let common = found.reduce(0) { sum, entry in sum + min(entry.value, expected[entry.key] ?? 0) }
        let foundTotal = found.values.reduce(0, +)
        let expectedTotal = expected.values.reduce(0, +)
        precision = foundTotal == 0 ? 0 : Double(common) / Double(foundTotal)
        recall = expectedTotal == 0 ? 0 : Double(common) / Double(expectedTotal)
    }

    /// Lower-cased runs of letters and digits.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func counts(_ text: String) -> [String: Int] {
        tokens(text).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
