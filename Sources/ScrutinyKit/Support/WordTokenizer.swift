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

    /// The one word `piece` is when it is written in lower-case ASCII letters and digits only, as
    /// ``words(_:)`` would give it; nil otherwise. Most terms of a lexicon or a cue list are such
    /// words, and every command reads every term of its lexicons when it starts.
    static func plainWord(_ piece: Substring) -> String? {
        guard !piece.isEmpty, piece.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
        return String(piece)
    }

    /// `words(_:)` of an all-ASCII text, read as bytes (each byte a scalar, so the offsets are the
    /// same); nil when the text has any other byte.
    static func asciiWords(_ text: String) -> [Word]? {
        text.withUTF8Bytes { bytes -> [Word]? in
            var words: [Word] = []
            // About one word in six bytes of prose: room made once rather than grown.
            words.reserveCapacity(bytes.count / 5 + 1)
            var start = -1
            var capitals = false
            let kinds = asciiKinds
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                let kind = kinds[Int(byte)]
                guard kind != .other else { return nil }
                if kind != .separator {
                    if start < 0 {
                        start = offset
                        capitals = false
                    }
                    if kind == .capital { capitals = true }
                } else if start >= 0 {
                    words.append(Word(text: bytes.asciiString(start..<offset, lowercasing: capitals), start: start, end: offset))
                    start = -1
                }
            }
            if start >= 0 { words.append(Word(text: bytes.asciiString(start..<bytes.count, lowercasing: capitals), start: start, end: bytes.count)) }
            return words
        }
    }

    private enum ByteKind: UInt8 { case separator, letterOrDigit, capital, other }

    /// What each byte is to `asciiWords`: a capital A-Z, a small letter or digit, any other ASCII
    /// byte (it ends a word), or a byte above ASCII (the text is not ASCII).
    private static let asciiKinds: [ByteKind] = (0..<256).map { byte in
        switch byte {
        case 0x41...0x5A: .capital
        case 0x61...0x7A, 0x30...0x39: .letterOrDigit
        case 0x80...: .other
        default: .separator
        }
    }
}
