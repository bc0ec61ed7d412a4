/// A scheme's learned layer as the classifier reads it when every term of the layer is one plain
/// word, as `scrutiny lexicon learn` writes them: for each word, the categories it is weighted in
/// and its weights. The scheme's own matcher is told the words (``LexiconMatcher/init(lexicon:alsoScanning:)``),
/// so the layer is read among the words that matching has scanned already, with no matching of its
/// own; a word counts once per item in each of its categories, and is recorded once per item,
/// its categories' matches made from the record when they are read (``TermMatches``).
///
/// A layer with anything else (a phrase, a `*` prefix, an exclusion, a word twice in one category,
/// `count_in_each_category: 0`)
/// is matched as a lexicon of its own instead; for a layer of plain words both give the same
/// scores and the same matches.
struct LearnedWords: Sendable {
    /// One word's weight in one category: the scheme's index of the category, the term's index
    /// among the classifier's patterns, the weight, and the weight as shown (to three decimals).
    struct Entry: Sendable {
        var category: Int32
        var term: Int32
        var weight: Double
        var shown: Double
    }

    /// The layer's words, lower-cased.
    let words: [String]
    /// Word `w`'s entries are `entries[starts[w] ..< starts[w + 1]]`, in the layer's order of
    /// categories, then terms.
    private let starts: [Int32]
    private let entries: [Entry]
    /// What word `w` adds to an item's scores, `additions[additionStarts[w] ..< additionStarts[w + 1]]`:
    /// each entry's weight to its category and each category above it, in the order of the
    /// entries, so that the sums come out as adding entry by entry gives them.
    private let additionStarts: [Int32]
    private let additions: [Addition]

    struct Addition: Sendable {
        var score: Int
        var weight: Double
    }
    /// The layer word of each id of the matcher's vocabulary, at id + 1 (-1: not a layer word).
    private var wordOfID: [Int32] = []

    /// The words of `layer`, or nil when it has a term that is not one plain word, a word twice in
    /// one category, an exclusion, or does not count a term in each of its categories. `categoryIndex` gives the scheme's index
    /// of each of the layer's categories (-1: none, its terms are left out), `termOffset` where
    /// each category's terms start among the classifier's patterns, and `ancestors` the scheme's
    /// categories each of its categories counts for (itself and those above it).
    init?(layer: Lexicon, categoryIndex: [Int], termOffset: [Int], ancestors: [[Int]]) {
        guard LexiconMatcher.countsInEachCategory(layer) else { return nil }
        var order: [String: Int] = [:]
        var words: [String] = []
        var byWord: [[Entry]] = []
        for (index, category) in layer.allCategories.enumerated() {
            guard category.exclusions.isEmpty else { return nil }
            for (termIndex, term) in category.terms.enumerated() where !LexiconPattern.isIgnored(term.pattern) {
                let pieces = LexiconPattern.words(term.pattern)
                if pieces.isEmpty { continue }
                guard pieces.count == 1, !pieces[0].glob else { return nil }
                guard categoryIndex[index] >= 0 else { continue }
                let word = pieces[0].text
                let slot = order[word] ?? {
                    order[word] = words.count
                    words.append(word)
                    byWord.append([])
                    return words.count - 1
                }()
                // The same word twice in one category is left to the lexicon matcher's rules.
                let category = Int32(categoryIndex[index])
                guard !byWord[slot].contains(where: { $0.category == category }) else { return nil }
                byWord[slot].append(Entry(category: category, term: Int32(termOffset[index] + termIndex), weight: term.weight,
                                          shown: (term.weight * 1000).rounded() / 1000))
            }
        }
        self.words = words
        var starts: [Int32] = [0]
        for list in byWord { starts.append(starts.last! + Int32(list.count)) }
        self.starts = starts
        entries = byWord.flatMap { $0 }
        var additionStarts: [Int32] = [0]
        var additions: [Addition] = []
        for list in byWord {
            for entry in list {
                additions += ancestors[Int(entry.category)].map { Addition(score: $0, weight: entry.weight) }
            }
            additionStarts.append(Int32(additions.count))
        }
        self.additionStarts = additionStarts
        self.additions = additions
    }

    /// Learns the ids `matcher` gives the words (it must have been made with them).
    mutating func index(by matcher: LexiconMatcher) {
        var wordOfID = [Int32](repeating: -1, count: words.count)
        for (index, word) in words.enumerated() {
            let id = Int(matcher.wordID(word))
            precondition(id >= 0, "the matcher was made without the layer's words")
            if id + 1 > wordOfID.count { wordOfID += [Int32](repeating: -1, count: id + 1 - wordOfID.count) }
            wordOfID[id] = Int32(index)
        }
        // Shifted by one, so that a word the matcher does not know (-1) finds -1 too.
        self.wordOfID = [-1] + wordOfID
    }

    var isEmpty: Bool { words.isEmpty }

    /// The layer word of a vocabulary id, or -1.
    @inline(__always) func word(ofID id: Int32) -> Int32 {
        let slot = Int(id) &+ 1
        return slot < wordOfID.count ? wordOfID[slot] : -1
    }

    /// How many categories word `w` is weighted in.
    @inline(__always) func entryCount(_ word: Int32) -> Int { Int(starts[Int(word) + 1] - starts[Int(word)]) }

    /// Entry `offset` of word `w`.
    @inline(__always) func entry(_ word: Int32, _ offset: Int) -> Entry { entries[Int(starts[Int(word)]) + offset] }

    /// Adds word `w`'s weights to `scores`.
    @inline(__always) func add(_ word: Int32, to scores: UnsafeMutableBufferPointer<Double>) {
        additions.withUnsafeBufferPointer { additions in
            var index = Int(additionStarts[Int(word)])
            let end = Int(additionStarts[Int(word) + 1])
            while index < end {
                scores[additions[index].score] += additions[index].weight
                index &+= 1
            }
        }
    }
}
