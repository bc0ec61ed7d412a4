/// A word of a text: lower-cased, with where it stands in the text (Unicode-scalar offsets).
public struct Word: Hashable, Sendable, Codable {
    public var text: String
    public var start: Int
    public var end: Int
}

/// Splits text into words: runs of letters and digits. Hyphens, slashes and apostrophes end a
/// word, so "multi-agency" is two words, matching "multi agency"; `joined` variants
/// ("multiagency") are the matcher's business.
///
/// Linear in the text: each word is built as UTF-8 bytes (ASCII letters lower-cased by arithmetic)
/// and made a `String` once, so a 256 KB "word" costs what 256 KB of short words do.
public enum WordTokenizer {
    public static func words(_ text: String) -> [Word] {
        if let ascii = asciiWords(text) { return ascii }
        var words: [Word] = []
        var current: [UInt8] = []
        var start = 0
        var offset = 0
        func finish() {
            words.append(Word(text: String(decoding: current, as: UTF8.self), start: start, end: offset))
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    if current.isEmpty { start = offset }
                    current.append(byte)
                } else if (0x41...0x5A).contains(byte) {
                    if current.isEmpty { start = offset }
                    current.append(byte + 0x20)
                } else if !current.isEmpty {
                    finish()
                }
            } else if scalar.properties.isAlphabetic {
                if current.isEmpty { start = offset }
                current.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else if !current.isEmpty {
                finish()
            }
            offset += 1
        }
        if !current.isEmpty { finish() }
        return words
    }

    /// `words(_:)` of an all-ASCII text, read as bytes (each byte a scalar, so the offsets are the
    /// same); nil when the text has any other byte.
    static func asciiWords(_ text: String) -> [Word]? {
        let bytes = text.utf8
        var words: [Word] = []
        var start: (offset: Int, index: String.Index, capitals: Bool)?
        var offset = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            let isCapital = (0x41...0x5A).contains(byte)
            if isCapital || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                if start == nil { start = (offset, index, false) }
                if isCapital { start!.capitals = true }
            } else if let word = start {
                words.append(Self.word(text, word, end: index, offset: offset))
                start = nil
            }
            bytes.formIndex(after: &index)
            offset += 1
        }
        if let word = start { words.append(Self.word(text, word, end: bytes.endIndex, offset: offset)) }
        return words
    }

    /// The word of ASCII letters and digits from `start` to `end`, lower-cased (an ASCII string's
    /// `lowercased()` maps A-Z only; a word of up to 15 bytes is stored inline, not allocated).
    private static func word(_ text: String, _ start: (offset: Int, index: String.Index, capitals: Bool),
                             end: String.Index, offset: Int) -> Word {
        let piece = String(text[start.index..<end])
        return Word(text: start.capitals ? piece.lowercased() : piece, start: start.offset, end: offset)
    }
}
