/// A 128-bit summary of a set of words (one bit a word, chosen by its first and last bytes and its
/// length): a set whose signature lacks one of a word's bits does not hold that word. A cue's
/// required words are tested against a sentence's signature before its words are searched.
public struct WordSignature: Sendable, Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    public init() {}

    public init<Words: Sequence<String>>(_ words: Words) {
        for word in words { insert(word) }
    }

    public mutating func insert(_ word: String) {
        let bit = Self.bit(word)
        if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
    }

    /// Whether every word of `other` may be in this set (false only when one certainly is not).
    public func mayContainAll(of other: WordSignature) -> Bool {
        low & other.low == other.low && high & other.high == other.high
    }

    private static func bit(_ word: String) -> Int {
        // Read from the string's own bytes (every word the tokenizer makes has them; any other is copied).
        word.withUTF8Bytes { bytes in
            bytes.isEmpty ? Self.bit(first: 0, last: 0, count: 0) : Self.bit(first: bytes[0], last: bytes[bytes.count - 1], count: bytes.count)
        }
    }

    private static func bit(first: UInt8, last: UInt8, count: Int) -> Int {
        (Int(first) &* 31 &+ Int(last) &* 7 &+ count) & 127
    }
}
