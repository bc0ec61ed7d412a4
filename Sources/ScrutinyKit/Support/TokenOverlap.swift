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
        if let ascii = asciiTokens(text) { return ascii }
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

    /// `tokens(_:)` of an all-ASCII text, read as bytes (the same tokens: an ASCII character is a
    /// letter or number exactly when it is `A`–`Z`, `a`–`z` or `0`–`9`, and lower-cases by itself);
    /// nil when the text has any other byte.
    static func asciiTokens(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var tokens: [String] = []
            var current: [UInt8] = []
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    current.append(byte)
                } else if (0x41...0x5A).contains(byte) {
                    current.append(byte + 0x20)
                } else if !current.isEmpty {
                    tokens.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            return tokens
        }
    }

    static func counts(_ text: String) -> [String: Int] {
        tokens(text).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
