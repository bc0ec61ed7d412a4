/// A cue written in a lexicon: words matched against a sentence's words, case-insensitive and
/// punctuation-blind, with a little more reach than ``PhraseList``:
///
/// - `audit*` matches any word that starts with "audit";
/// - `review|examine*` matches either alternative;
/// - `the?` may be absent;
/// - `...` skips up to `gap` words (the lexicon's `gap`, 6 unless it says otherwise);
/// - `{n}` matches a number, in figures or in words ("three", "a single"), and captures it.
///
/// Words are those of ``WordTokenizer``, so "one another's" is `one another s` and "multi-agency"
/// is `multi agency`.
public struct CuePattern: Sendable, Hashable, CustomStringConvertible {
    /// Where a pattern matched: word indices, and the number `{n}` captured, if any.
    public struct Match: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var number: Int?
    }

    enum Token: Sendable, Hashable {
        case word([Alternative], optional: Bool)
        case gap
        case number
    }

    struct Alternative: Sendable, Hashable {
        var text: String
        var glob: Bool
    }

    public var source: String { compiled.source }
    var gap: Int { compiled.gap }
    /// Words every match contains (plain, single, not optional): a quick test before matching.
    var required: [String] { compiled.required }
    var requiredSignature: WordSignature { compiled.requiredSignature }
    /// The pattern compiled, shared: a pattern is copied for every sentence it is read against,
    /// and one reference costs less than its arrays.
    private let compiled: Compiled

    public var description: String { source }

    // The rest is made from these two.
    public static func == (lhs: CuePattern, rhs: CuePattern) -> Bool { lhs.source == rhs.source && lhs.gap == rhs.gap }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(gap)
    }

    /// Compiles `source`; nil when it has no words.
    public init?(_ source: String, gap: Int = 6) {
        var tokens: [Token] = []
        for piece in source.split(separator: " ") {
            if piece == "..." || piece == "…" {
                if tokens.last != .gap { tokens.append(.gap) }
                continue
            }
            if piece == "{n}" {
                tokens.append(.number)
                continue
            }
            var text = Substring(piece)
            let optional = text.hasSuffix("?")
            if optional { text = text.dropLast() }
            // "one another's" is several words; alternatives apply to single words only.
            let alternatives = text.split(separator: "|").map(String.init)
            if alternatives.count == 1 {
                let words = WordTokenizer.words(alternatives[0]).map(\.text)
                for (index, word) in words.enumerated() {
                    let glob = alternatives[0].hasSuffix("*") && index == words.count - 1
                    tokens.append(.word([Alternative(text: word, glob: glob)], optional: optional))
                }
            } else {
                let options = alternatives.compactMap { alternative -> Alternative? in
                    guard let word = WordTokenizer.words(alternative).first?.text else { return nil }
                    return Alternative(text: word, glob: alternative.hasSuffix("*"))
                }
                if !options.isEmpty { tokens.append(.word(options, optional: optional)) }
            }
        }
        while tokens.first == .gap { tokens.removeFirst() }
        while tokens.last == .gap { tokens.removeLast() }
        guard tokens.contains(where: { if case .word = $0 { return true } else { return false } }) else { return nil }
        compiled = Compiled(source: source, tokens: tokens, gap: gap)
    }

    /// Like ``firstMatch(in:)``, ruling most sentences out by `signature` (that of `words`) and
    /// then by the words every match needs, before matching. (A sentence's words are few: looking
    /// for the needed ones among them costs less than making a set of them to hash into.)
    public func firstMatch(in words: [String], signature: WordSignature) -> Match? {
        guard signature.mayContainAll(of: requiredSignature), required.allSatisfy({ words.contains($0) }) else { return nil }
        return firstMatch(in: words)
    }

    /// The earliest match in `words` (lower-cased words, as ``WordTokenizer`` gives them).
    public func firstMatch(in words: [String]) -> Match? {
        let startBytes = compiled.startBytes
        for start in words.indices {
            if let startBytes {
                guard let (first, _) = words[start].firstByteAndLength, startBytes.mayStart(first) else { continue }
            }
            if let match = compiled.match(words, token: 0, at: start, start: start, number: nil) { return match }
        }
        return nil
    }

    public func matches(_ words: [String]) -> Bool { firstMatch(in: words) != nil }

    /// Every match in `words`, left to right, none overlapping.
    public func allMatches(in words: [String]) -> [Match] {
        var found: [Match] = []
        var start = 0
        let startBytes = compiled.startBytes
        while start < words.count {
            guard let match = (start..<words.count).lazy.compactMap({ position -> Match? in
                // A word that cannot start the first token is passed by, as in `firstMatch(in:)`.
                if let startBytes {
                    guard let (first, _) = words[position].firstByteAndLength, startBytes.mayStart(first) else { return nil }
                }
                return compiled.match(words, token: 0, at: position, start: position, number: nil)
            }).first else { break }
            found.append(match)
            start = max(match.end, match.start + 1)
        }
        return found
    }
}

private extension CuePattern {
    /// The tokens as flat arrays: token `i` is a word (with the alternatives
    /// `alternativeTexts[alternativeBounds[i]..<alternativeBounds[i + 1]]`), a gap or a number.
    final class Compiled: Sendable {
        enum Kind: UInt8 { case word, gap, number }

        let source: String
        let gap: Int
        let required: [String]
        let requiredSignature: WordSignature
        let kinds: [Kind]
        let optional: [Bool]
        let alternativeBounds: [Int]
        let alternativeTexts: [String]
        let alternativeGlobs: [Bool]
        /// The first bytes a word can start with to match the first token, when it is a word that
        /// must be there or a number; nil when any word may start a match.
        let startBytes: FirstByteSet?

        init(source: String, tokens: [Token], gap: Int) {
            self.source = source
            self.gap = gap
            required = tokens.compactMap { token in
                guard case .word(let alternatives, let optional) = token, !optional, alternatives.count == 1, !alternatives[0].glob
                else { return nil }
                return alternatives[0].text
            }
            requiredSignature = WordSignature(required)
            var kinds: [Kind] = []
            var optional: [Bool] = []
            var bounds = [0]
            var texts: [String] = []
            var globs: [Bool] = []
            for token in tokens {
                switch token {
                case .word(let alternatives, let isOptional):
                    kinds.append(.word)
                    optional.append(isOptional)
                    texts += alternatives.map(\.text)
                    globs += alternatives.map(\.glob)
                case .gap:
                    kinds.append(.gap)
                    optional.append(false)
                case .number:
                    kinds.append(.number)
                    optional.append(false)
                }
                bounds.append(texts.count)
            }
            self.kinds = kinds
            self.optional = optional
            alternativeBounds = bounds
            alternativeTexts = texts
            alternativeGlobs = globs
            switch kinds.first {
            case .word where optional.first == false: startBytes = FirstByteSet(texts[bounds[0]..<bounds[1]])
            // A number starts only at a word that can be one (``NumberWords``).
            case .number: startBytes = NumberWords.startBytes
            default: startBytes = nil
            }
        }

        func match(_ words: [String], token index: Int, at position: Int, start: Int, number: Int?) -> Match? {
            guard index < kinds.count else { return Match(start: start, end: position, number: number) }
            switch kinds[index] {
            case .gap:
                for skip in 0...gap where position + skip <= words.count {
                    if let found = match(words, token: index + 1, at: position + skip, start: start, number: number) { return found }
                }
                return nil
            case .number:
                guard let (value, length) = NumberWords.value(in: words, at: position) else { return nil }
                return match(words, token: index + 1, at: position + length, start: start, number: value)
            case .word:
                if position < words.count, anyAlternative(of: index, matches: words[position]),
                   let found = match(words, token: index + 1, at: position + 1, start: start, number: number) {
                    return found
                }
                return optional[index] ? match(words, token: index + 1, at: position, start: start, number: number) : nil
            }
        }

        func anyAlternative(of token: Int, matches word: String) -> Bool {
            for alternative in alternativeBounds[token]..<alternativeBounds[token + 1] {
                if alternativeGlobs[alternative] ? word.startsWithWord(alternativeTexts[alternative]) : word == alternativeTexts[alternative] {
                    return true
                }
            }
            return false
        }
    }
}

/// Numbers as reports write them: figures, or words from "one" to "twenty" ("a single" is one).
enum NumberWords {
    static let values: [String: Int] = [
        "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    ]

    /// The number starting at `position`, and how many words it takes.
    static func value(in words: [String], at position: Int) -> (Int, Int)? {
        guard position < words.count else { return nil }
        let word = words[position]
        if word == "a", position + 1 < words.count, words[position + 1] == "single" { return (1, 2) }
        // Told from the first byte before hashing: the names start with one of a few letters, and
        // `Int` reads only ASCII digits (a word of other numeric characters is no number here).
        guard let (first, _) = word.firstByteAndLength else { return nil }
        if nameInitials.mayStart(first), let value = values[word] { return (value, 1) }
        if (0x30...0x39).contains(first), word.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(word), value < 1000 {
            return (value, 1)
        }
        return nil
    }

    /// The first bytes of the number names.
    private static let nameInitials = FirstByteSet(values.keys)
    /// The first bytes of every word a number can start at: a figure, a name, "a" (of "a single").
    static let startBytes = FirstByteSet(Array(values.keys) + ["a"] + (0...9).map(String.init))
}
