/// The partnerships a document names, and how often: "Ravensholme Safeguarding Children
/// Partnership", its acronym once the document has defined it ("(RSCP)"), the area's council, the
/// area an inspection letter's title names. Acronyms are resolved within the document, so that
/// HSCP is Hartsey in one document and Hollinsmoor in another.
public struct PartnershipMentions: Sendable, Hashable {
    /// Weighted mentions per name.
    public var scores: [String: Int]
    /// Acronyms and the names they stand for in this document.
    public var acronyms: [String: String]
    /// Names in order of first mention.
    public var order: [String]

    /// The name mentioned most; none when two share the top count (a document about many partnerships).
    public var best: String? {
        let ranked = order.sorted { (scores[$0] ?? 0) > (scores[$1] ?? 0) }
        guard let first = ranked.first else { return nil }
        if ranked.count > 1, scores[ranked[1]] == scores[first] { return nil }
        return first
    }

    public init(document: Document, rules: MetadataRules) {
        self.init(sentences: document.contextSentences(), rules: rules)
    }

    /// From the document's ``Document/contextSentences()``, when the caller has them already.
    init(sentences: [ContextSentence], rules: MetadataRules) {
        scores = [:]
        acronyms = [:]
        order = []
        for sentence in sentences { collect(sentence, rules: rules) }
        countAcronyms(sentences, rules: rules)
    }
}

private extension PartnershipMentions {
    mutating func add(_ name: String, _ weight: Int) {
        if scores[name] == nil { order.append(name) }
        scores[name, default: 0] += weight
    }

    mutating func collect(_ sentence: ContextSentence, rules: MetadataRules) {
        let words = sentence.wordTexts
        // The scalars are needed only where a cue matched (most sentences have none).
        var scalarsMade: [Unicode.Scalar]?
        func scalars() -> [Unicode.Scalar] {
            if let made = scalarsMade { return made }
            let made = Array(sentence.text.unicodeScalars)
            scalarsMade = made
            return made
        }
        let head = sentence.inHead ? rules.weights.head : 1
        // The names are tried longest first; a shorter one inside a longer one's match ("Safeguarding
        // Partnership" in "Childrens Safeguarding Partnership") is the same mention.
        var taken: [Range<Int>] = []
        for pattern in rules.partnershipNames where sentence.mayMatch(pattern) {
            for match in pattern.allMatches(in: words) {
                guard !taken.contains(where: { $0.overlaps(match.start..<match.end) }) else { continue }
                taken.append(match.start..<match.end)
                guard let name = Self.name(before: match.start, in: sentence, scalars: scalars(), rules: rules) else { continue }
                add(name, rules.weights.name * head)
                if let acronym = Self.acronym(after: match.end, in: sentence, scalars: scalars()) { acronyms[acronym] = name }
            }
        }
        // Likewise a council's: "Council" in "Cambridgeshire County Council" names no "Cambridgeshire County".
        for pattern in rules.councils where sentence.mayMatch(pattern) {
            for match in pattern.allMatches(in: words) {
                guard !taken.contains(where: { $0.overlaps(match.start..<match.end) }) else { continue }
                taken.append(match.start..<match.end)
                if let name = Self.name(before: match.start, in: sentence, scalars: scalars(), rules: rules) {
                    add(name, rules.weights.council * head)
                }
            }
        }
        for pattern in rules.areaAfter where sentence.mayMatch(pattern) {
            for match in pattern.allMatches(in: words) {
                if let name = Self.name(from: match.end, in: sentence, scalars: scalars(), rules: rules) {
                    add(name, rules.weights.areaAfter * head)
                }
            }
        }
        if sentence.inHead, rules.areaTitles.matches(words), let last = words.lastIndex(of: "in") {
            if let name = Self.name(from: last + 1, in: sentence, scalars: scalars(), rules: rules) {
                add(name, rules.weights.areaTitle)
            }
        }
    }

    /// Counts each acronym the document uses: those it defines, and those whose letters fit
    /// exactly one of the names it mentions ("OVSCP" for Orrin Valley).
    mutating func countAcronyms(_ sentences: [ContextSentence], rules: MetadataRules) {
        var counts: [String: (plain: Int, head: Int)] = [:]
        let endings = rules.acronymEndings.map { Array($0.utf8) }
        for sentence in sentences {
            // In an ASCII sentence a word's scalars are its bytes: the words that cannot be an
            // acronym (a capital first, eight letters at most, a partnership's ending) are passed
            // by before the sentence is made scalars.
            let candidates: [Word] = sentence.text.withUTF8Bytes { bytes in
                guard bytes.isASCII else { return sentence.words }
                return sentence.words.filter { word in
                    let length = word.end - word.start
                    return (0x41...0x5A).contains(bytes[word.start]) && length <= 8 && endings.contains { ending in
                        length > ending.count && bytes.hasBytes(ending, at: word.end - ending.count)
                    }
                }
            }
            guard !candidates.isEmpty else { continue }
            let scalars = Array(sentence.text.unicodeScalars)
            for word in candidates {
                // A word starting with an ASCII scalar other than a capital starts with no upper-case character.
                if scalars[word.start].value < 0x80, !(0x41...0x5A).contains(scalars[word.start].value) { continue }
                let original = Self.original(word, in: scalars)
                guard original.count <= 8, original.first?.isUppercase == true,
                      rules.acronymEndings.contains(where: { original.hasSuffix($0) && original.count > $0.count }) else { continue }
                var count = counts[original] ?? (0, 0)
                if sentence.inHead { count.head += 1 } else { count.plain += 1 }
                counts[original] = count
            }
        }
        for (acronym, count) in counts.sorted(by: { $0.key < $1.key }) {
            let name = acronyms[acronym] ?? {
                let fitting = order.filter { Self.initials(of: $0, endings: rules.acronymEndings).contains(acronym.uppercased()) }
                return fitting.count == 1 ? fitting[0] : nil
            }()
            guard let name else { continue }
            add(name, rules.weights.acronym * (count.plain + count.head * rules.weights.head))
        }
    }

    /// The capitalised words just before word `index` ("Orrin Valley" in "the Orrin Valley Safeguarding ...").
    /// A name runs on over spaces only: "Capacity Challenges: Safeguarding partnerships …" names
    /// none. A hyphenated place is one word, "Stockton-on-Tees", and one whose first part is not a
    /// name is none: "All-Age Safeguarding Partnership".
    static func name(before index: Int, in sentence: ContextSentence, scalars: [Unicode.Scalar], rules: MetadataRules) -> String? {
        guard index > 0, index < sentence.words.count,
              separatedBySpace(sentence.words[index - 1], sentence.words[index], scalars) else { return nil }
        var parts: [String] = []
        // A possessive names the area too: "Lancashire's Safeguarding Children Board".
        var position = isPossessive(at: index - 1, in: sentence, scalars) ? index - 2 : index - 1
        while position >= 0, parts.count < 3 {
            let word = sentence.words[position]
            var start = position
            while start > 0, joinedByHyphen(sentence.words[start - 1], sentence.words[start], scalars) { start -= 1 }
            let original = String(scalars: scalars[sentence.words[start].start..<word.end])
            guard isNamePart(original, rules: rules),
                  start == position || isNamePart(Self.original(sentence.words[start], in: scalars), rules: rules) else { break }
            parts.insert(original, at: 0)
            if start > 0, !separatedBySpace(sentence.words[start - 1], sentence.words[start], scalars) { break }
            position = start - 1
        }
        return parts.isEmpty ? nil : normalised(parts)
    }

    /// Whether word `index` is the "s" of a possessive ("Lancashire's", "Lancashire’s").
    static func isPossessive(at index: Int, in sentence: ContextSentence, _ scalars: [Unicode.Scalar]) -> Bool {
        guard index > 0 else { return false }
        let word = sentence.words[index], before = sentence.words[index - 1]
        return word.end == word.start + 1 && (scalars[word.start] == "s" || scalars[word.start] == "S")
            && word.start == before.end + 1 && (scalars[before.end] == "'" || scalars[before.end] == "\u{2019}")
    }

    static func joinedByHyphen(_ left: Word, _ right: Word, _ scalars: [Unicode.Scalar]) -> Bool {
        right.start == left.end + 1 && scalars[left.end] == "-"
    }

    /// The capitalised words from word `index` on ("Calderwick" in "... in Calderwick").
    static func name(from index: Int, in sentence: ContextSentence, scalars: [Unicode.Scalar], rules: MetadataRules) -> String? {
        var parts: [String] = []
        var position = index
        while position < sentence.words.count, parts.count < 3 {
            let original = original(sentence.words[position], in: scalars)
            guard isNamePart(original, rules: rules) else { break }
            parts.append(original)
            position += 1
        }
        return parts.isEmpty ? nil : normalised(parts)
    }

    static func isNamePart(_ word: String, rules: MetadataRules) -> Bool {
        guard let first = word.first, first.isUppercase, !word.allSatisfy(\.isNumber) else { return false }
        return !rules.notNames.contains(word.lowercased())
    }

    static func separatedBySpace(_ left: Word, _ right: Word, _ scalars: [Unicode.Scalar]) -> Bool {
        scalars[left.end..<right.start].allSatisfy { $0 == " " }
    }

    /// "(RSCP)" straight after the match.
    static func acronym(after index: Int, in sentence: ContextSentence, scalars: [Unicode.Scalar]) -> String? {
        guard index < sentence.words.count else { return nil }
        let word = sentence.words[index]
        let before = String(scalars: scalars[sentence.words[index - 1].end..<word.start])
        guard before.trimmingCharacters(in: .whitespaces) == "(", word.end < scalars.count, scalars[word.end] == ")" else { return nil }
        let text = original(word, in: scalars)
        guard text.count >= 2, text.contains(where: \.isUppercase) else { return nil }
        return text
    }

    static func original(_ word: Word, in scalars: [Unicode.Scalar]) -> String {
        String(scalars: scalars[word.start..<word.end])
    }

    /// "RAVENSHOLME" is Ravensholme; "Orrin Valley" stays as it is, and so does an acronym of two
    /// or three capitals ("BCP", "NEL").
    static func normalised(_ parts: [String]) -> String {
        parts.map { part in
            part.count > 3 && part.allSatisfy({ !$0.isLowercase }) ? part.prefix(1) + part.dropFirst().lowercased() : part
        }.joined(separator: " ")
    }

    /// The acronyms a name could have: "OVSCP" and "OVLSCP" for Orrin Valley.
    static func initials(of name: String, endings: [String]) -> [String] {
        let letters = name.split(separator: " ").compactMap(\.first).map { String($0).uppercased() }.joined()
        return endings.map { letters + $0.uppercased() }
    }
}
