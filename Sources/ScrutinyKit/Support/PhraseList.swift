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
    /// The phrases (positions in `phrases`, ascending) whose first word is written in full, by
    /// that word; and those whose first word ends in `*`. A search looks at one list a word
    /// instead of every phrase, so its cost does not grow with the length of the list.
    private var byFirstWord: [String: [Int]] = [:]
    private var globFirst: [Int] = []
    /// The first bytes and lengths of the keys of `byFirstWord`: most words are ruled out by it
    /// without hashing them.
    private var firstWords = FirstWordFilter()
    /// The first bytes of the phrases of `globFirst` whose first word starts with an ASCII byte,
    /// and whether any starts with another: a word starting with none of them is the prefix-match
    /// of none of those phrases (an ASCII letter is canonically equivalent only to itself), so
    /// `globFirst` is not looked at for it.
    private var globFirstBytes = [Bool](repeating: false, count: 128)
    private var globFirstNonASCII = false

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
        for (index, phrase) in phrases.enumerated() {
            if phrase.words[0].glob {
                globFirst.append(index)
                if let byte = phrase.words[0].text.utf8.first, byte < 0x80 { globFirstBytes[Int(byte)] = true } else { globFirstNonASCII = true }
            } else {
                byFirstWord[phrase.words[0].text, default: []].append(index)
                firstWords.insert(phrase.words[0].text)
            }
        }
    }

    public static func == (lhs: PhraseList, rhs: PhraseList) -> Bool { lhs.phrases == rhs.phrases }
    public func hash(into hasher: inout Hasher) { hasher.combine(phrases) }

    public var isEmpty: Bool { phrases.isEmpty }

    /// The first phrase found anywhere in `words`, with the index of the word it starts at (of
    /// two phrases starting at the same word, the one listed first).
    public func firstMatch(in words: [String]) -> (phrase: Phrase, at: Int)? {
        for start in words.indices {
            if let index = firstPhrase(at: start, in: words) { return (phrases[index], start) }
        }
        return nil
    }

    public func matches(_ words: [String]) -> Bool { firstMatch(in: words) != nil }

    /// The positions in `phrases` of every phrase found anywhere in `words`, each once.
    public func allMatches(in words: [String]) -> Set<Int> {
        var found = Set<Int>()
        for start in words.indices {
            for index in listed(words[start]) where !found.contains(index) && Self.matches(phrases[index], in: words, at: start) {
                found.insert(index)
            }
            for index in globs(words[start]) where !found.contains(index) && Self.matches(phrases[index], in: words, at: start) {
                found.insert(index)
            }
        }
        return found
    }

    /// Whether a phrase matches at the very start of `words`.
    public func matchesAtStart(_ words: [String]) -> Bool {
        !words.isEmpty && firstPhrase(at: 0, in: words) != nil
    }

    public func matches(_ text: String) -> Bool { matches(WordTokenizer.words(text).map(\.text)) }

    /// The longest phrase that matches at `index` (of two as long, the one listed first).
    func longest(in words: [String], at index: Int) -> Phrase? {
        guard words.indices.contains(index) else { return nil }
        var best: Int?
        for candidate in [listed(words[index]), globs(words[index])].joined()
        where Self.matches(phrases[candidate], in: words, at: index) {
            guard let chosen = best else { best = candidate; continue }
            let (length, bestLength) = (phrases[candidate].wordCount, phrases[chosen].wordCount)
            if length > bestLength || (length == bestLength && candidate < chosen) { best = candidate }
        }
        return best.map { phrases[$0] }
    }

    /// The position in `phrases` of the first phrase listed that matches at `start`.
    private func firstPhrase(at start: Int, in words: [String]) -> Int? {
        var found: Int?
        for index in listed(words[start]) where Self.matches(phrases[index], in: words, at: start) {
            found = index
            break
        }
        for index in globs(words[start]) where index < found ?? Int.max && Self.matches(phrases[index], in: words, at: start) {
            found = index
            break
        }
        return found
    }

    /// The phrases of `globFirst` that may match at `word`: none when no glob first word starts with its first byte.
    private func globs(_ word: String) -> [Int] {
        guard !globFirst.isEmpty else { return [] }
        if globFirstNonASCII { return globFirst }
        guard let first = word.utf8.first, first < 0x80, globFirstBytes[Int(first)] else { return [] }
        return globFirst
    }

    /// The phrases whose first word, written in full, is `word`.
    private func listed(_ word: String) -> [Int] {
        firstWords.mayContain(word) ? byFirstWord[word] ?? [] : []
    }

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

/// A set of (first byte, length) pairs of words, 256 × 32 bits: a word whose pair is not in it is
/// not one of the words put in. Both are read from a native string without hashing it.
private struct FirstWordFilter: Sendable, Hashable {
    private var bits = [UInt32](repeating: 0, count: 256)

    mutating func insert(_ word: String) {
        guard let first = word.utf8.first else { return }
        bits[Int(first)] |= Self.bit(word.utf8.count)
    }

    func mayContain(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        return bits[Int(first)] & Self.bit(word.utf8.count) != 0
    }

    private static func bit(_ length: Int) -> UInt32 { 1 << UInt32(min(length, 31)) }
}
