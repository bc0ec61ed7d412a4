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
        var text = text
        return text.withUTF8 { bytes -> [Word]? in
            var words: [Word] = []
            var start = -1
            for (offset, byte) in bytes.enumerated() {
                guard byte < 0x80 else { return nil }
                let isWordByte = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                if isWordByte {
                    if start < 0 { start = offset }
                } else if start >= 0 {
                    words.append(word(bytes, start, offset))
                    start = -1
                }
            }
            if start >= 0 { words.append(word(bytes, start, bytes.count)) }
            return words
        }
    }

    /// The word of ASCII letters and digits `bytes[start..<end]`, lower-cased.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Word {
        let text = String(unsafeUninitializedCapacity: end - start) { buffer in
            for index in start..<end {
                let byte = bytes[index]
                buffer[index - start] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            }
            return end - start
        }
        return Word(text: text, start: start, end: end)
    }
}
