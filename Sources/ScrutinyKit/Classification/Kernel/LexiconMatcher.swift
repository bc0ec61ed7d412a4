/// Finds a lexicon's terms in text, fast: the text is cut into words on its UTF-8 bytes, each word
/// is looked up once (exact words and `*` prefixes of the lexicon), and a trie of word sequences
/// is walked from each word. The cost grows with the text, not with the lexicon. Hyphen, space
/// and run-together variants match each other ("multi-agency", "multi agency", "multiagency");
/// the longest match wins and overlapping matches count once; exclusions veto what they cover.
/// Words that terms of several categories match alike count in each of those categories (a term
/// listed in several, or `safe*` in one and `safeguarding` in another: quanteda's rule) unless the
/// lexicon's `count_in_each_category` setting is 0.
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
    private let packed: PackedWords
    /// The trie's first step: the child of the root for each vocabulary word (at its id + 1, so
    /// that a word outside the vocabulary, id -1, finds -1 too) and each prefix, or -1.
    private let rootExact: [Int32]
    private let rootGlob: [Int32]
    /// Deeper steps, keyed by node and word or prefix.
    private let exactEdges: EdgeTable
    private let globEdges: EdgeTable
    /// Payloads of node n are `payloads[payloadStart[n] ..< payloadStart[n + 1]]`.
    private let payloadStart: [Int32]
    private let payloads: [Payload]
    /// Whether a node leads anywhere deeper.
    private let hasEdges: [Bool]
    /// For each category, the categories that cover it: itself and those whose path is a dotted
    /// prefix of its path (a few, however many categories there are: the n × n table this replaced
    /// took 400 MB and minutes for 20,000 categories, session 38's re-audit).
    private let coveredBy: [[Int]]
    /// Whether words matched alike by terms of several categories count in each.
    private let countsInEach: Bool

    /// Buffers reused from one text to the next, so that matching a batch allocates little.
    /// Make one with ``makeWorkspace()`` and keep it for the batch; it is not shared between threads.
    public struct Workspace {
        var scanner = WordScanner()
        var found: [Match] = []
        var vetoes: [Match] = []
        /// While overlaps are resolved: the words already covered, one bit each, and which matches are kept.
        var takenWords: [UInt64] = []
        var kept: [Bool] = []
        /// The matches of the last text, in text order.
        public internal(set) var result: [Match] = []
        /// Whether the last text was all ASCII, so that its byte offsets are its scalar offsets.
        public var lastTextWasASCII: Bool { scanner.isASCII }

        /// How many words of the last text ``forEachScannedWord(_:)`` reads at most.
        var scannedWordCount: Int { scanner.wordCount }

        /// Calls `body` with the vocabulary id and UTF-8 byte range of each word of the last text
        /// that the matcher knows (see ``LexiconMatcher/wordID(_:)``), in text order.
        @inline(__always) func forEachScannedWord(_ body: (Int32, Int32, Int32) -> Void) {
            let count = scanner.wordCount
            scanner.words.withUnsafeBufferPointer { words in
                for index in 0..<count where words[index].id >= 0 {
                    body(words[index].id, words[index].start, words[index].end)
                }
            }
        }
    }

    /// `alsoScanning`: distinct words (lower-cased, as ``LexiconPattern/words(_:)`` gives them) that
    /// the scanner should know beside the lexicon's, though no term starts with them, numbered
    /// 0, 1, … in their order: the classifier reads its learned layer's words among the scanned
    /// words (``Workspace/forEachScannedWord(_:)``) rather than scanning the text again. They
    /// change no match.
    public init(lexicon: Lexicon, alsoScanning extraWords: [String] = []) {
        self.lexicon = lexicon
        categories = lexicon.allCategories
        var builder = TrieBuilder()
        builder.runTogether = lexicon.runsTogether
        for word in extraWords { _ = builder.vocabulary.intern(Array(word.utf8)) }
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
        packed = PackedWords(vocabulary: builder.vocabulary, prefixes: builder.prefixes)
        var exact: [UInt64: Int32] = [:]
        var glob: [UInt64: Int32] = [:]
        var rootExact = [Int32](repeating: -1, count: builder.vocabulary.count + 1)
        var rootGlob = [Int32](repeating: -1, count: builder.prefixes.count)
        var starts: [Int32] = []
        var flat: [Payload] = []
        for (index, node) in builder.nodes.enumerated() {
            for (word, child) in node.exact {
                if index == 0 { rootExact[Int(word) + 1] = child } else { exact[Self.edge(Int32(index), word)] = child }
            }
            for (prefix, child) in node.glob {
                if index == 0 { rootGlob[Int(prefix)] = child } else { glob[Self.edge(Int32(index), prefix)] = child }
            }
            starts.append(Int32(flat.count))
            flat += node.payloads
        }
        starts.append(Int32(flat.count))
        self.rootExact = rootExact
        self.rootGlob = rootGlob
        exactEdges = EdgeTable(exact)
        globEdges = EdgeTable(glob)
        payloadStart = starts
        payloads = flat
        hasEdges = builder.nodes.map { !$0.exact.isEmpty || !$0.glob.isEmpty }
        let all = categories
        var indicesByPath: [String: [Int]] = [:]
        for (index, category) in all.enumerated() { indicesByPath[category.path, default: []].append(index) }
        coveredBy = all.map { inner in
            let path = inner.path
            let prefixes = path.indices.filter { path[$0] == "." }.map { String(path[..<$0]) } + [path]
            return prefixes.flatMap { indicesByPath[$0] ?? [] }
        }
        countsInEach = Self.countsInEachCategory(lexicon)
    }

    /// Whether a lexicon counts a term listed in several categories in each (its
    /// `count_in_each_category` setting; yes unless it is 0).
    public static func countsInEachCategory(_ lexicon: Lexicon) -> Bool {
        lexicon.setting("count_in_each_category", default: 1) != 0
    }

    @inline(__always) static func edge(_ node: Int32, _ label: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: label))
    }

    public func makeWorkspace() -> Workspace { Workspace() }

    /// The scanner's id of a word (lower-cased, one word as ``LexiconPattern/words(_:)`` gives
    /// it), or -1 when the matcher does not know it.
    func wordID(_ word: String) -> Int32 {
        Array(word.utf8).withUnsafeBufferPointer { vocabulary.find($0) }
    }

    /// The matches in `text` that survive overlap resolution and exclusions, in text order.
    public func matches(in text: String) -> [Match] {
        var workspace = Workspace()
        match(text, in: &workspace)
        return workspace.result
    }

    func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var workspace = Workspace()
        match(bytes, in: &workspace)
        return workspace.result
    }

    /// Matches `text`, leaving the matches in `workspace.result`.
    public func match(_ text: String, in workspace: inout Workspace) {
        var text = text
        text.withUTF8 { bytes in match(bytes, in: &workspace) }
    }

    /// Matches UTF-8 `bytes`, leaving the matches in `workspace.result`.
    func match(_ bytes: UnsafeBufferPointer<UInt8>, in workspace: inout Workspace) {
        workspace.scanner.scan(bytes, vocabulary: vocabulary, prefixes: prefixes, packed: packed)
        // The walk appends to these, taken out of the workspace while it reads the scanner's words.
        var found: [Match] = []
        var vetoes: [Match] = []
        swap(&found, &workspace.found)
        swap(&vetoes, &workspace.vetoes)
        found.clear()
        vetoes.clear()
        let count = workspace.scanner.wordCount
        workspace.scanner.words.withUnsafeBufferPointer { wordBuffer in
        workspace.scanner.globs.withUnsafeBufferPointer { globBuffer in
        rootExact.withUnsafeBufferPointer { rootExact in
            let words = Words(words: wordBuffer.baseAddress!, count: count, globs: globBuffer.baseAddress!)
            for start in 0..<words.count {
                let word = words.words[start]
                // `rootExact[0]` stands for words outside the vocabulary (id -1).
                let child = rootExact[Int(word.id) &+ 1]
                if child >= 0 { visit(child, start: start, position: start, words: words, found: &found, vetoes: &vetoes) }
                var g = Int(word.globStart)
                let end = g &+ Int(word.globCount)
                while g < end {
                    let child = rootGlob[Int(words.globs[g])]
                    if child >= 0 { visit(child, start: start, position: start, words: words, found: &found, vetoes: &vetoes) }
                    g &+= 1
                }
            }
        }
        }
        }
        swap(&found, &workspace.found)
        swap(&vetoes, &workspace.vetoes)
        resolve(&workspace)
    }

    /// The scanner's words and their prefix ids, read in place while one text is matched.
    private struct Words {
        let words: UnsafePointer<WordScanner.ScannedWord>
        let count: Int
        let globs: UnsafePointer<Int32>
    }

    /// Records the terms ending at `node` (reached with the word at `position`), then follows the
    /// node's edges on the next word when it has any. Inlined where it is called, so that a word
    /// that makes a one-word term costs no call.
    @inline(__always) private func visit(_ node: Int32, start: Int, position: Int, words: Words, found: inout [Match],
                                         vetoes: inout [Match]) {
        var index = Int(payloadStart[Int(node)])
        let end = Int(payloadStart[Int(node) + 1])
        while index < end {
            let payload = payloads[index]
            let first = words.words[start], last = words.words[position]
            let match = Match(category: payload.category, term: payload.term, words: Int(first.ordinal)..<Int(last.ordinal + 1),
                              bytes: Int(first.start)..<Int(last.end))
            if payload.exclusion { vetoes.append(match) } else { found.append(match) }
            index += 1
        }
        // The next kept word continues the term only when it is the next word of the text.
        if position + 1 < words.count, hasEdges[Int(node)], words.words[position + 1].ordinal == words.words[position].ordinal + 1 {
            descend(node, start: start, position: position, words: words, found: &found, vetoes: &vetoes)
        }
    }

    /// Follows `node`'s edges on the word after `position`: its exact word, then its prefixes.
    private func descend(_ node: Int32, start: Int, position: Int, words: Words, found: inout [Match], vetoes: inout [Match]) {
        let next = position + 1
        let word = words.words[next]
        if word.id >= 0, let child = exactEdges[Self.edge(node, word.id)] {
            visit(child, start: start, position: next, words: words, found: &found, vetoes: &vetoes)
        }
        var g = Int(word.globStart)
        let globEnd = g + Int(word.globCount)
        while g < globEnd {
            if let child = globEdges[Self.edge(node, words.globs[g])] {
                visit(child, start: start, position: next, words: words, found: &found, vetoes: &vetoes)
            }
            g += 1
        }
    }
}

private extension LexiconMatcher {
    /// Exclusions veto the matches of their category (and its sub-categories) that they overlap;
    /// then the longest match wins and overlapping matches count once. Leaves the survivors, in
    /// text order, in `workspace.result`.
    func resolve(_ workspace: inout Workspace) {
        swap(&workspace.result, &workspace.found)
        workspace.found.clear()
        guard workspace.result.count > 1 || !workspace.vetoes.isEmpty else { return }
        if workspace.vetoes.isEmpty {
            // Matches come in order of their first word; when none overlaps, there is nothing to resolve.
            var end = -1
            var overlapping = false
            for match in workspace.result {
                if match.words.lowerBound < end { overlapping = true; break }
                end = match.words.upperBound
            }
            if !overlapping { return }
        } else {
            let vetoes = workspace.vetoes
            workspace.result.removeAll { match in
                vetoes.contains { $0.words.overlaps(match.words) && coveredBy[match.category].contains($0.category) }
            }
        }
        keepLongest(&workspace)
    }

    /// Keeps, in text order, the matches taken one by one in the order longest first, then
    /// earliest, then lowest category, then first found, each unless it overlaps one taken before.
    /// Without sorting: length by length from the longest, and at each first word only the first
    /// of that length in that order can be taken (the others cover the same words), which it is
    /// when none of its words is taken yet. The matches come in order of their first word.
    func keepLongest(_ workspace: inout Workspace) {
        let count = workspace.result.count
        guard count > 0 else { return }
        var longest = 0
        var wordEnd = 0
        for match in workspace.result {
            longest = max(longest, match.words.count)
            wordEnd = max(wordEnd, match.words.upperBound)
        }
        let chunks = wordEnd >> 6 + 1
        if workspace.takenWords.count < chunks { workspace.takenWords = Array(repeating: 0, count: max(chunks, 4)) }
        if workspace.kept.count < count { workspace.kept = Array(repeating: false, count: max(count, 32)) }
        workspace.result.withUnsafeBufferPointer { matches in
        workspace.takenWords.withUnsafeMutableBufferPointer { taken in
        workspace.kept.withUnsafeMutableBufferPointer { kept in
            for chunk in 0..<chunks { taken[chunk] = 0 }
            for index in 0..<count { kept[index] = false }
            func take(_ index: Int) {
                let words = matches[index].words
                for word in words where taken[word >> 6] & (1 << UInt64(word & 63)) != 0 { return }
                for word in words { taken[word >> 6] |= 1 << UInt64(word & 63) }
                kept[index] = true
            }
            var length = longest
            while length > 0 {
                var best = -1
                for index in 0..<count where matches[index].words.count == length {
                    if best >= 0, matches[best].words.lowerBound == matches[index].words.lowerBound {
                        if matches[index].category < matches[best].category { best = index }
                    } else {
                        if best >= 0 { take(best) }
                        best = index
                    }
                }
                if best >= 0 { take(best) }
                length -= 1
            }
        }
        }
        }
        if countsInEach { keepOtherCategoriesOverTheSameWords(&workspace, count: count) }
        workspace.found.clear()
        for index in 0..<count where workspace.kept[index] { workspace.found.append(workspace.result[index]) }
        swap(&workspace.result, &workspace.found)
    }

    /// Keeps, beside each kept match, the matches over the same words in other categories: a term
    /// listed in several categories, or other terms matching those words alike ("safeguarding" by
    /// `safe*` in one category and `safeguarding` in another). Until session 29 only the same term
    /// counted in each; another term's category lost its count to the first in the file, and counts
    /// fell short of quanteda's (session 29's user audit: RID's SOCIAL_BEHAVIOR 282 against 330).
    /// Matches over the same words are neighbours among those of the same first word.
    func keepOtherCategoriesOverTheSameWords(_ workspace: inout Workspace, count: Int) {
        var index = 0
        while index < count {
            var end = index + 1
            while end < count, workspace.result[end].words.lowerBound == workspace.result[index].words.lowerBound { end += 1 }
            if end - index > 1 {
                for kept in index..<end where workspace.kept[kept] {
                    let words = workspace.result[kept].words
                    for other in index..<end where !workspace.kept[other] && workspace.result[other].words == words {
                        // One count a category: a second term of a category already counted here adds nothing.
                        let category = workspace.result[other].category
                        let counted = (index..<end).contains { workspace.kept[$0] && workspace.result[$0].words == words && workspace.result[$0].category == category }
                        if !counted { workspace.kept[other] = true }
                    }
                }
            }
            index = end
        }
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
    /// Whether a pattern of several words is also inserted run together ("frontdoor").
    var runTogether = true
    var vocabulary = WordTable()
    var prefixes = PrefixTable()
    var nodes: [TrieNode] = [TrieNode()]
    /// The payloads each node holds, looked up rather than searched: one word in 20,000 categories
    /// made a node's list that long, and adding to it quadratic (session 38's re-audit: minutes).
    private var placed: Set<Placed> = []

    private struct Placed: Hashable {
        var node: Int32
        var payload: Payload
    }

    mutating func add(_ pattern: String, payload: Payload) {
        guard !LexiconPattern.isIgnored(pattern) else { return }
        let pieces = LexiconPattern.words(pattern)
        guard !pieces.isEmpty else { return }
        insert(pieces, payload: payload)
        if runTogether, pieces.count > 1 {
            let joined = (pieces.map(\.text).joined(), pieces.last!.glob)
            insert([joined], payload: payload)
        }
    }

    private mutating func insert(_ pieces: [(text: String, glob: Bool)], payload: Payload) {
        var node: Int32 = 0
        for piece in pieces {
            node = piece.glob
                ? child(of: node, \.glob, id: prefixes.intern(Array(piece.text.utf8)))
                : child(of: node, \.exact, id: vocabulary.intern(Array(piece.text.utf8)))
        }
        if placed.insert(Placed(node: node, payload: payload)).inserted { nodes[Int(node)].payloads.append(payload) }
    }

    /// The child of `node` along `edges` (whole words or prefixes) for word `id`, made if new.
    private mutating func child(of node: Int32, _ edges: WritableKeyPath<TrieNode, [Int32: Int32]>, id: Int32) -> Int32 {
        if let next = nodes[Int(node)][keyPath: edges][id] { return next }
        nodes.append(TrieNode())
        let next = Int32(nodes.count - 1)
        nodes[Int(node)][keyPath: edges][id] = next
        return next
    }
}

/// How a pattern splits into words: on spaces, hyphens, slashes and apostrophes, lower-cased;
/// a trailing `*` makes the last piece of a word a prefix. A word ending in `-*` (LIWC's `fair-*`:
/// "fair-minded", "fair-weather") is its first part as a whole word: text is read with a
/// hyphen splitting words, so "fair-minded" holds the word "fair", and "fairy" does not.
enum LexiconPattern {
    static func words(_ pattern: String) -> [(text: String, glob: Bool)] {
        var result: [(text: String, glob: Bool)] = []
        for piece in pattern.split(separator: " ") {
            let glob = piece.hasSuffix("*") && !piece.hasSuffix("-*")
            if let word = WordTokenizer.plainWord(glob ? piece.dropLast() : piece) {
                result.append((word, glob))
                continue
            }
            let words = WordTokenizer.words(String(piece)).map(\.text)
            for (index, word) in words.enumerated() { result.append((word, glob && index == words.count - 1)) }
        }
        return result
    }

    /// Whether a pattern is left out of matching: one with a `*` inside a word ("peniten*(ciary"),
    /// which no word can match as written.
    static func isIgnored(_ pattern: String) -> Bool {
        // Foundation's search only where the byte is there (nothing else is canonically a `*`).
        pattern.containsByte(UInt8(ascii: "*")) && pattern.split(separator: " ").contains { $0.dropLast().contains("*") }
    }

    /// Whether a pattern has anything to match, and if not, why.
    static func problem(_ pattern: String) -> String? {
        let trimmed = pattern.trimmingCharacters(in: " ")
        if trimmed.isEmpty { return "the pattern is empty" }
        let found = words(trimmed)
        if found.isEmpty { return "the pattern has no letters or digits" }
        if trimmed.containsByte(UInt8(ascii: "*")), trimmed.dropLast().contains("*"),
           !trimmed.split(separator: " ").allSatisfy({ !$0.dropLast().contains("*") }) {
            return "`*` may only end a word"
        }
        if trimmed.hasPrefix("*") { return "a pattern cannot start with `*`" }
        if let first = found.first, first.glob, first.text.count < 3, found.count == 1 {
            return "the prefix `\(first.text)*` is too short to mean anything"
        }
        return nil
    }
}
