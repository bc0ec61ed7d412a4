/// A word of a text: lower-cased, with where it stands in the text (Unicode-scalar offsets).
public struct Word: Hashable, Sendable, Codable {
    public var text: String
    public var start: Int
    public var end: Int
}

/// Splits text into words: runs of letters and digits. Hyphens, slashes and apostrophes end a
/// word, so "multi-agency" is two words, matching "multi agency"; `joined` variants
/// ("multiagency") are the matcher's business.
public enum WordTokenizer {
    public static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if current.isEmpty { start = offset }
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                words.append(Word(text: String(current), start: start, end: offset))
                current = String.UnicodeScalarView()
            }
            offset += 1
        }
        if !current.isEmpty { words.append(Word(text: String(current), start: start, end: offset)) }
        return words
    }
}
