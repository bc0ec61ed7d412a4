/// A list of short phrases matched against words: case-insensitive, punctuation-blind, with a
/// trailing `*` on a word matching any ending ("recommendation*"). For the cue lists of
/// `items.yml`; the classifier's lexicons use ``LexiconMatcher``, built for large dictionaries.
public struct PhraseList: Sendable, Hashable {
    public struct Phrase: Sendable, Hashable {
        public var source: String
        /// Each word, and whether it ends in `*` (matches any ending).
        var words: [(text: String, glob: Bool)]
        public var wordCount: Int { words.count }

        public static func == (lhs: Phrase, rhs: Phrase) -> Bool { lhs.source == rhs.source }
        public func hash(into hasher: inout Hasher) { hasher.combine(source) }
    }

    public private(set) var phrases: [Phrase]

    public init(_ sources: [String]) {
        phrases = sources.compactMap { source in
            var words: [(text: String, glob: Bool)] = []
            for piece in source.split(separator: " ") {
                let pieceWords = WordTokenizer.words(String(piece)).map(\.text)
                for (index, word) in pieceWords.enumerated() {
                    words.append((word, piece.hasSuffix("*") && index == pieceWords.count - 1))
                }
            }
            return words.isEmpty ? nil : Phrase(source: source, words: words)
        }
    }

    public var isEmpty: Bool { phrases.isEmpty }

    /// The first phrase found anywhere in `words`, with the index of the word it starts at.
    public func firstMatch(in words: [String]) -> (phrase: Phrase, at: Int)? {
        var best: (phrase: Phrase, at: Int)?
        for phrase in phrases {
            guard let index = Self.find(phrase, in: words) else { continue }
            if best == nil || index < best!.at { best = (phrase, index) }
        }
        return best
    }

    public func matches(_ words: [String]) -> Bool { phrases.contains { Self.find($0, in: words) != nil } }

    /// Whether a phrase matches at the very start of `words`.
    public func matchesAtStart(_ words: [String]) -> Bool {
        phrases.contains { Self.matches($0, in: words, at: 0) }
    }

    public func matches(_ text: String) -> Bool { matches(WordTokenizer.words(text).map(\.text)) }

    static func find(_ phrase: Phrase, in words: [String]) -> Int? {
        guard words.count >= phrase.words.count else { return nil }
        for start in 0...(words.count - phrase.words.count) where matches(phrase, in: words, at: start) {
            return start
        }
        return nil
    }

    static func matches(_ phrase: Phrase, in words: [String], at start: Int) -> Bool {
        guard start + phrase.words.count <= words.count else { return false }
        for (offset, word) in phrase.words.enumerated() {
            let candidate = words[start + offset]
            if word.glob ? !candidate.hasPrefix(word.text) : candidate != word.text { return false }
        }
        return true
    }
}
