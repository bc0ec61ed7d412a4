/// Finds a lexicon's terms in text, fast: the text is cut into words on its UTF-8 bytes, each word
/// is looked up once (exact words and `*` prefixes of the lexicon), and a trie of word sequences
/// is walked from each word. The cost grows with the text, not with the lexicon. Hyphen, space
/// and run-together variants match each other ("multi-agency", "multi agency", "multiagency");
/// the longest match wins and overlapping matches count once; exclusions veto what they cover.
public struct LexiconMatcher: Sendable {
    /// A term found: which category, which term, and the words it covers.
    public struct Match: Hashable, Sendable {
        public var category: Int
        public var term: Int
        /// Word indices, half-open.
        public var words: Range<Int>
        /// UTF-8 byte offsets in the text, half-open.
        public var bytes: Range<Int>
    }

    public let lexicon: Lexicon
    /// Categories in `lexicon.allCategories` order; `Match.category` indexes this.
    public let categories: [LexiconCategory]
    private let vocabulary: WordTable
    private let prefixes: PrefixTable
    private let trie: [TrieNode]

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        categories = lexicon.allCategories
        var builder = TrieBuilder()
        for (categoryIndex, category) in categories.enumerated() {
            for (termIndex, term) in category.terms.enumerated() {
                builder.add(term.pattern, payload: Payload(category: categoryIndex, term: termIndex, exclusion: false))
            }
            for (termIndex, exclusion) in category.exclusions.enumerated() {
                builder.add(exclusion.pattern, payload: Payload(category: categoryIndex, term: termIndex, exclusion: true))
            }
        }
        vocabulary = builder.vocabulary
        prefixes = builder.prefixes
        trie = builder.nodes
    }

    /// The matches in `text` that survive overlap resolution and exclusions, in text order.
    public func matches(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { bytes in matches(in: bytes) }
    }

    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        let words = WordScanner.scan(bytes, vocabulary: vocabulary, prefixes: prefixes)
        guard !words.isEmpty else { return [] }
        var found: [Match] = []
        var vetoes: [Match] = []
        var stack: [(node: Int32, next: Int)] = []
        for start in words.indices {
            stack.removeAll(keepingCapacity: true)
            stack.append((0, start))
            while let (nodeIndex, position) = stack.popLast() {
                guard position < words.count else { continue }
                let word = words[position]
                let node = trie[Int(nodeIndex)]
                var targets: [Int32] = []
                if word.id >= 0, let child = node.exact[word.id] { targets.append(child) }
                for glob in word.globs { if let child = node.glob[glob] { targets.append(child) } }
                for target in targets {
                    for payload in trie[Int(target)].payloads {
                        let match = Match(category: payload.category, term: payload.term, words: start..<(position + 1),
                                          bytes: words[start].start..<word.end)
                        if payload.exclusion { vetoes.append(match) } else { found.append(match) }
                    }
                    stack.append((target, position + 1))
                }
            }
        }
        return Self.resolve(found, vetoes: vetoes, categories: categories)
    }
}

private extension LexiconMatcher {
    /// Exclusions veto the matches of their category (and its sub-categories) that they overlap;
    /// then the longest match wins and overlapping matches count once.
    static func resolve(_ found: [Match], vetoes: [Match], categories: [LexiconCategory]) -> [Match] {
        let kept = found.filter { match in
            !vetoes.contains { veto in
                veto.words.overlaps(match.words)
                    && (veto.category == match.category || categories[match.category].path.hasPrefix(categories[veto.category].path + "."))
            }
        }
        let ordered = kept.sorted {
            ($0.words.count, -$0.words.lowerBound, -$0.category) > ($1.words.count, -$1.words.lowerBound, -$1.category)
        }
        var taken: [Range<Int>] = []
        var result: [Match] = []
        for match in ordered where !taken.contains(where: { $0.overlaps(match.words) }) {
            taken.append(match.words)
            result.append(match)
        }
        return result.sorted { $0.words.lowerBound < $1.words.lowerBound }
    }
}

struct Payload: Hashable, Sendable {
    var category: Int
    var term: Int
    var exclusion: Bool
}

struct TrieNode: Sendable {
    var exact: [Int32: Int32] = [:]
    var glob: [Int32: Int32] = [:]
    var payloads: [Payload] = []
}

/// Builds the trie: each pattern becomes one or two word sequences (as written, and run together).
struct TrieBuilder {
    var vocabulary = WordTable()
    var prefixes = PrefixTable()
    var nodes: [TrieNode] = [TrieNode()]

    mutating func add(_ pattern: String, payload: Payload) {
        let pieces = LexiconPattern.words(pattern)
        guard !pieces.isEmpty else { return }
        insert(pieces, payload: payload)
        if pieces.count > 1 {
            let joined = (pieces.map(\.text).joined(), pieces.last!.glob)
            insert([joined], payload: payload)
        }
    }

    private mutating func insert(_ pieces: [(text: String, glob: Bool)], payload: Payload) {
        var node: Int32 = 0
        for piece in pieces {
            if piece.glob {
                let id = prefixes.intern(Array(piece.text.utf8))
                if let next = nodes[Int(node)].glob[id] { node = next } else {
                    nodes.append(TrieNode())
                    let next = Int32(nodes.count - 1)
                    nodes[Int(node)].glob[id] = next
                    node = next
                }
            } else {
                let id = vocabulary.intern(Array(piece.text.utf8))
                if let next = nodes[Int(node)].exact[id] { node = next } else {
                    nodes.append(TrieNode())
                    let next = Int32(nodes.count - 1)
                    nodes[Int(node)].exact[id] = next
                    node = next
                }
            }
        }
        if !nodes[Int(node)].payloads.contains(payload) { nodes[Int(node)].payloads.append(payload) }
    }
}

/// How a pattern splits into words: on spaces, hyphens, slashes and apostrophes, lower-cased;
/// a trailing `*` makes the last piece of a word a prefix.
enum LexiconPattern {
    static func words(_ pattern: String) -> [(text: String, glob: Bool)] {
        var result: [(text: String, glob: Bool)] = []
        for piece in pattern.split(separator: " ") {
            let glob = piece.hasSuffix("*")
            let words = WordTokenizer.words(String(piece)).map(\.text)
            for (index, word) in words.enumerated() { result.append((word, glob && index == words.count - 1)) }
        }
        return result
    }

    /// Whether a pattern has anything to match, and if not, why.
    static func problem(_ pattern: String) -> String? {
        let trimmed = pattern.trimmingCharacters(in: " ")
        if trimmed.isEmpty { return "the pattern is empty" }
        if words(trimmed).isEmpty { return "the pattern has no letters or digits" }
        if trimmed.dropLast().contains("*") && !trimmed.split(separator: " ").allSatisfy({ !$0.dropLast().contains("*") }) {
            return "`*` may only end a word"
        }
        if trimmed.hasPrefix("*") { return "a pattern cannot start with `*`" }
        if let first = words(trimmed).first, first.glob, first.text.count < 3, words(trimmed).count == 1 {
            return "the prefix `\(first.text)*` is too short to mean anything"
        }
        return nil
    }
}
