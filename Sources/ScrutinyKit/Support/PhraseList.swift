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

    public var phrases: [Phrase] { storage.phrases }
    /// Everything made from the phrases, shared: a cue list is copied (passed, bound, iterated)
    /// for every sentence, and one reference costs less than a dozen arrays.
    private let storage: Storage

    public init(_ sources: [String]) { self.init(sources, skipping: []) }

    /// - Parameter skipping: words passed by between a phrase's words (adverbs that leave its
    ///   sense alone: "is therefore recommending", "what also needs to"), at most two together.
    public init(_ sources: [String], skipping: Set<String>) {
        storage = Storage(skipping: skipping, phrases: sources.compactMap { source in
            var words: [(text: String, glob: Bool)] = []
            for piece in source.split(separator: " ") {
                if let word = WordTokenizer.plainWord(piece.hasSuffix("*") ? piece.dropLast() : piece) {
                    words.append((word, piece.hasSuffix("*")))
                    continue
                }
                let pieceWords = WordTokenizer.words(String(piece)).map(\.text)
                for (index, word) in pieceWords.enumerated() {
                    words.append((word, piece.hasSuffix("*") && index == pieceWords.count - 1))
                }
            }
            return words.isEmpty ? nil : Phrase(source: source, words: words)
        })
    }

    public static func == (lhs: PhraseList, rhs: PhraseList) -> Bool {
        lhs.phrases == rhs.phrases && lhs.storage.skipping == rhs.storage.skipping
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(phrases)
        hasher.combine(storage.skipping)
    }

    public var isEmpty: Bool { storage.phrases.isEmpty }

    /// The first phrase found anywhere in `words`, with the index of the word it starts at (of
    /// two phrases starting at the same word, the one listed first).
    public func firstMatch(in words: [String]) -> (phrase: Phrase, at: Int)? {
        storage.firstMatch(in: words).map { (storage.phrases[$0.index], $0.at) }
    }

    public func matches(_ words: [String]) -> Bool { firstMatch(in: words) != nil }

    /// The first phrase found anywhere in `words`, with the words it covers (more than its own
    /// where it passed words by).
    public func firstSpan(in words: [String]) -> (phrase: Phrase, range: Range<Int>)? {
        storage.firstMatch(in: words).flatMap { match in
            storage.end(of: match.index, in: words, at: match.at).map { (storage.phrases[match.index], match.at..<$0) }
        }
    }

    /// The positions in `phrases` of every phrase found anywhere in `words`, each once.
    public func allMatches(in words: [String]) -> Set<Int> {
        var found = Set<Int>()
        for start in words.indices {
            storage.eachCandidate(at: words[start]) { index in
                if !found.contains(index), storage.matches(index, in: words, at: start) { found.insert(index) }
                return true
            }
        }
        return found
    }

    /// Calls `body` with the position in `phrases` of each phrase found at each word of `words`
    /// (a phrase found twice, twice), without gathering them.
    func forEachMatch(in words: [String], _ body: (Int) -> Void) {
        for start in words.indices {
            storage.eachCandidate(at: words[start]) { index in
                if storage.matches(index, in: words, at: start) { body(index) }
                return true
            }
        }
    }

    /// Whether a phrase matches at the very start of `words`.
    public func matchesAtStart(_ words: [String]) -> Bool {
        !words.isEmpty && storage.firstPhrase(at: 0, in: words) != nil
    }

    /// The index of the first word of the longest phrase that ends at the very end of `words`
    /// ("… care leavers Requires improvement").
    public func matchAtEnd(_ words: [String]) -> Int? {
        storage.phrases.filter { phrase in
            words.count >= phrase.wordCount && Self.matches(phrase, in: words, at: words.count - phrase.wordCount)
        }.map { words.count - $0.wordCount }.min()
    }

    public func matches(_ text: String) -> Bool { mayMatch(text) && matches(WordTokenizer.words(text).map(\.text)) }

    /// False when `text` is ASCII and holds no phrase's first word, capitals aside (then no
    /// phrase matches it): most texts are passed by without making their words. A word of an
    /// ASCII text is a run of its letters and digits made small, so each word is in the text.
    private func mayMatch(_ text: String) -> Bool {
        guard let firstWords = storage.asciiFirstWords else { return true }
        return text.withUTF8Bytes { bytes in
            !bytes.isASCII || firstWords.contains { bytes.mayContainCaseless($0) }
        }
    }

    /// The longest phrase that matches at `index` (of two as long, the one listed first).
    func longest(in words: [String], at index: Int) -> Phrase? {
        longestPosition(in: words, at: index).map { storage.phrases[$0] }
    }

    /// The position in `phrases` of ``longest(in:at:)``'s phrase.
    func longestPosition(in words: [String], at index: Int) -> Int? {
        guard words.indices.contains(index) else { return nil }
        var best: Int?
        storage.eachCandidate(at: words[index]) { candidate in
            guard storage.matches(candidate, in: words, at: index) else { return true }
            guard let chosen = best else { best = candidate; return true }
            let (length, bestLength) = (storage.phrases[candidate].wordCount, storage.phrases[chosen].wordCount)
            if length > bestLength || (length == bestLength && candidate < chosen) { best = candidate }
            return true
        }
        return best
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
            if word.glob ? !candidate.startsWithWord(word.text) : candidate != word.text { return false }
        }
        return true
    }
}

private extension PhraseList {
    final class Storage: Sendable {
        let phrases: [Phrase]
        /// Every phrase's words one after another: phrase `i`'s are `texts[bounds[i]..<bounds[i + 1]]`.
        let texts: [String]
        let globs: [Bool]
        let bounds: [Int]
        /// The phrases (positions in `phrases`, ascending) whose first word is written in full, by
        /// that word, as a range of `listed`; and those whose first word ends in `*`. A search looks
        /// at one list a word instead of every phrase, so its cost does not grow with the length of
        /// the list.
        let byFirstWord: FirstWordIndex
        let listed: [Int]
        let globFirst: [Int]
        /// The first bytes and lengths of the keys of `byFirstWord`: most words are ruled out by it
        /// without hashing them.
        let firstWords: FirstWordFilter
        /// The phrases of `globFirst` that may match at a word starting with each ASCII byte: those
        /// whose first word starts with that byte, and any that starts with another (an ASCII letter
        /// is canonically equivalent only to itself, so no other phrase can match there); and those
        /// that may match at a word starting with a byte above ASCII.
        let globsByFirstByte: [[Int]]
        let globsForOtherBytes: [Int]
        /// Each phrase's first word (without its `*`) as bytes, when every one is ASCII; nil otherwise.
        let asciiFirstWords: [[UInt8]]?
        /// Words passed by between a phrase's words.
        let skipping: Set<String>

        init(skipping: Set<String>, phrases: [Phrase]) {
            self.skipping = skipping
            self.phrases = phrases
            let firstWordBytes = phrases.map { Array($0.words[0].text.utf8) }
            asciiFirstWords = firstWordBytes.allSatisfy(\.isASCII) ? firstWordBytes : nil
            texts = phrases.flatMap { $0.words.map(\.text) }
            globs = phrases.flatMap { $0.words.map(\.glob) }
            bounds = phrases.reduce(into: [0]) { $0.append($0.last! + $1.words.count) }
            var grouped: [String: [Int]] = [:]
            var globFirst: [Int] = []
            var filter = FirstWordFilter()
            for (index, phrase) in phrases.enumerated() {
                if phrase.words[0].glob {
                    globFirst.append(index)
                } else {
                    grouped[phrase.words[0].text, default: []].append(index)
                    filter.insert(phrase.words[0].text)
                }
            }
            var listed: [Int] = []
            var byFirstWord: [String: Range<Int>] = [:]
            for (word, indices) in grouped {
                byFirstWord[word] = listed.count..<(listed.count + indices.count)
                listed += indices
            }
            self.listed = listed
            self.byFirstWord = FirstWordIndex(byFirstWord)
            self.globFirst = globFirst
            firstWords = filter
            let firstByte = globFirst.map { phrases[$0].words[0].text.utf8.first ?? 0xFF }
            let anyNonASCII = firstByte.contains { $0 >= 0x80 }
            globsByFirstByte = (0..<128).map { byte in
                zip(globFirst, firstByte).filter { $0.1 == byte || $0.1 >= 0x80 }.map(\.0)
            }
            globsForOtherBytes = anyNonASCII ? globFirst : []
        }

        /// The phrases of `globFirst` that may match at a word starting with `first`.
        func globCandidates(_ first: UInt8) -> [Int] {
            first < 0x80 ? globsByFirstByte[Int(first)] : globsForOtherBytes
        }

        /// Whether phrase `index` matches `words` at `start`.
        func matches(_ index: Int, in words: [String], at start: Int) -> Bool {
            end(of: index, in: words, at: start) != nil
        }

        /// Where phrase `index`, matched at `start`, ends in `words` (past the words it passed
        /// by); nil where it does not match.
        func end(of index: Int, in words: [String], at start: Int) -> Int? {
            let (lower, upper) = (bounds[index], bounds[index + 1])
            guard start + (upper - lower) <= words.count else { return nil }
            var position = start
            for word in lower..<upper {
                func fits(_ candidate: String) -> Bool { globs[word] ? candidate.startsWithWord(texts[word]) : candidate == texts[word] }
                if word > lower, !skipping.isEmpty {
                    var skipped = 0
                    while skipped < 2, position < words.count, !fits(words[position]), skipping.contains(words[position]) {
                        position += 1
                        skipped += 1
                    }
                }
                guard position < words.count, fits(words[position]) else { return nil }
                position += 1
            }
            return position
        }

        /// The first phrase found anywhere in `words` (its position in `phrases`) and the word it
        /// starts at. Each word is looked at once, by its first byte and length, before anything is
        /// hashed or compared: most words start no phrase.
        func firstMatch(in words: [String]) -> (index: Int, at: Int)? {
            for start in words.indices {
                guard let (first, length) = words[start].firstByteAndLength else { continue }
                let listed = firstWords.mayContain(first: first, length: length)
                let glob = !globCandidates(first).isEmpty
                guard listed || glob, let index = firstPhrase(at: start, in: words) else { continue }
                return (index, start)
            }
            return nil
        }

        /// The position in `phrases` of the first phrase listed that matches at `start`.
        func firstPhrase(at start: Int, in words: [String]) -> Int? {
            let word = words[start]
            var found: Int?
            if firstWords.mayContain(word), let range = byFirstWord.range(of: word) {
                for position in range where matches(listed[position], in: words, at: start) {
                    found = listed[position]
                    break
                }
            }
            if let (first, _) = word.firstByteAndLength {
                // Ascending: once past a phrase already found, none can come before it.
                for index in globCandidates(first) {
                    if index >= found ?? Int.max { break }
                    if matches(index, in: words, at: start) {
                        found = index
                        break
                    }
                }
            }
            return found
        }

        /// Calls `body` with each phrase that may match at `word` (those whose first word, written
        /// in full, is `word`, then those whose first word ends in `*`) until it returns false.
        func eachCandidate(at word: String, _ body: (Int) -> Bool) {
            if firstWords.mayContain(word), let range = byFirstWord.range(of: word) {
                for position in range where !body(listed[position]) { return }
            }
            if let (first, _) = word.firstByteAndLength {
                for index in globCandidates(first) where !body(index) { return }
            }
        }
    }
}

/// A set of (first byte, length) pairs of words, 256 × 32 bits: a word whose pair is not in it is
/// not one of the words put in. Both are read from a native string without hashing it.
private struct FirstWordFilter: Sendable, Hashable {
    private var bits = [UInt32](repeating: 0, count: 256)

    mutating func insert(_ word: String) {
        guard let first = word.utf8.first else { return }
        // A word with a byte above ASCII may be equal to another spelling of another first byte
        // or length ("\u{E9}" and "e\u{301}"): then every word may be in the set.
        guard word.utf8.isASCII else {
            bits = [UInt32](repeating: .max, count: 256)
            return
        }
        bits[Int(first)] |= Self.bit(word.utf8.count)
    }

    func mayContain(_ word: String) -> Bool {
        guard let (first, length) = word.firstByteAndLength else { return false }
        return mayContain(first: first, length: length)
    }

    /// Whether a word with this first byte and length in bytes may be in the set.
    func mayContain(first: UInt8, length: Int) -> Bool {
        bits[Int(first)] & Self.bit(length) != 0
    }

    private static func bit(_ length: Int) -> UInt32 { 1 << UInt32(min(length, 31)) }
}

/// The ranges of `listed` by first word, looked up by a hash of an ASCII word's bytes (the
/// dictionary's hashing of a `String`, which must respect canonical equivalence, was most of the
/// cost of a search); a word with any other byte is looked up in the dictionary itself.
private struct FirstWordIndex: Sendable {
    private let dictionary: [String: Range<Int>]
    private let keys: [String]
    private let ranges: [Range<Int>]
    /// Open addressing: a key's position in `keys`, or -1; a power of two long.
    private let slots: [Int]
    /// Whether a key has a byte above ASCII (then a word the table lacks is looked up in the
    /// dictionary too, where canonical equivalence decides).
    private let otherKeys: Bool

    init(_ dictionary: [String: Range<Int>]) {
        self.dictionary = dictionary
        otherKeys = dictionary.keys.contains { !$0.utf8.isASCII }
        let entries = dictionary.filter { $0.key.utf8.isASCII }
        keys = Array(entries.keys)
        ranges = keys.map { entries[$0]! }
        var size = 8
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int](repeating: -1, count: size)
        for (index, key) in keys.enumerated() {
            var slot = Self.hash(key) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = index
        }
        self.slots = slots
    }

    func range(of word: String) -> Range<Int>? {
        guard let hash = Self.asciiHash(word) else { return dictionary[word] }
        var slot = hash & (slots.count - 1)
        while slots[slot] >= 0 {
            if keys[slots[slot]] == word { return ranges[slots[slot]] }
            slot = (slot + 1) & (slots.count - 1)
        }
        return otherKeys ? dictionary[word] : nil
    }

    private static func hash(_ word: String) -> Int { asciiHash(word) ?? 0 }

    /// FNV-1a over the bytes of an ASCII word; nil when a byte is not ASCII.
    private static func asciiHash(_ word: String) -> Int? {
        // From the string's own bytes (every word the tokenizer makes has them; any other is copied).
        word.withUTF8Bytes { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in bytes.indices {
                guard bytes[index] < 0x80 else { return nil }
                hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
            }
            return Int(truncatingIfNeeded: hash >> 1)
        }
    }
}
