/// A scheme's learned layer as the classifier reads it when every term of the layer is one plain
/// word, as `scrutiny lexicon learn` writes them: for each word, the categories it is weighted in
/// and its weights, and what it adds to each of the scheme's scores. The scheme's own matcher is
/// told the words (``LexiconMatcher/init(lexicon:alsoScanning:)``), so the layer is read among the
/// words that matching has scanned already, with no matching of its own; a word counts once per
/// item in each of its categories, its weights added to the scores in one step, and is recorded
/// once per item, its categories' matches made from the record when they are read (``TermMatches``).
///
/// The weights are kept in ten-thousandths, as 32-bit whole numbers, and a word's row of them
/// fills one cache line (for up to 16 categories): summed exactly, then divided once, an item's
/// learned scores are the correctly rounded sums of the weights as written.
///
/// A layer with anything else (a phrase, a `*` prefix, an exclusion, a word twice in one category,
/// a weight finer than a ten-thousandth or too large to sum so, `count_in_each_category: 0`) is matched as a lexicon of its
/// own instead. For a layer of plain words both give the same matches, and the same scores but for
/// the last bits of their sums (added term by term there).
final class LearnedWords: @unchecked Sendable {
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
    /// What word `w` adds to the score of each of the scheme's categories, in ten-thousandths, one row
    /// a word, `rows[w * rowLength ..< w * rowLength + scoreCount]`: its weights in the category and
    /// in those below it. The row's last number (``countSlot``) is how many categories the word is
    /// weighted in, so that summing an item's rows counts its learned matches too. Rows are padded
    /// to whole cache lines (64 bytes) and start on one, so that reading a word's row touches as
    /// few lines as can be. Never changed after `init` (hence `@unchecked Sendable`), freed in `deinit`.
    private let rows: UnsafeMutablePointer<Int32>
    static let unitsPerWeight = 10_000.0
    let scoreCount: Int
    let rowLength: Int

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
        scoreCount = ancestors.count
        // Whole weights in ten-thousandths, and rows small enough that an item's sums, each word
        // counted once, fit in 32 bits.
        var units = [[Int]](repeating: [], count: words.count)
        for (word, list) in byWord.enumerated() {
            var row = [Int](repeating: 0, count: ancestors.count)
            for entry in list {
                let whole = (entry.weight * Self.unitsPerWeight).rounded()
                guard abs(whole) < 1e12, whole / Self.unitsPerWeight == entry.weight else { return nil }
                for score in ancestors[Int(entry.category)] { row[score] += Int(whole) }
            }
            guard row.allSatisfy({ abs($0) <= Int(Int32.max) / max(1, words.count) }) else { return nil }
            units[word] = row
        }
        rowLength = (ancestors.count + 1 + 15) / 16 * 16
        let capacity = max(1, words.count * rowLength)
        rows = UnsafeMutableRawPointer.allocate(byteCount: capacity * 4, alignment: 64).bindMemory(to: Int32.self, capacity: capacity)
        rows.initialize(repeating: 0, count: capacity)
        for (word, row) in units.enumerated() {
            for (score, value) in row.enumerated() { rows[word * rowLength + score] = Int32(value) }
            rows[word * rowLength + rowLength - 1] = Int32(byWord[word].count)
        }
        var starts: [Int32] = [0]
        for list in byWord { starts.append(starts.last! + Int32(list.count)) }
        self.starts = starts
        entries = byWord.flatMap { $0 }
    }

    deinit { rows.deallocate() }

    /// Whether `matcher` knows the words by their places among them: word `w` is the matcher's
    /// word id `w`, as when it was made with them (``LexiconMatcher/init(lexicon:alsoScanning:)``).
    func areKnown(by matcher: LexiconMatcher) -> Bool {
        words.indices.allSatisfy { Int(matcher.wordID(words[$0])) == $0 }
    }

    var count: Int { words.count }

    /// Where in a row (and in the sums of rows) the number of categories stands.
    var countSlot: Int { rowLength - 1 }

    /// Entry `offset` of word `w`.
    @inline(__always) func entry(_ word: Int32, _ offset: Int) -> Entry { entries[Int(starts[Int(word)]) + offset] }

    /// Adds word `w`'s row to `sums` (`rowLength` numbers, in ten-thousandths).
    @inline(__always) func add(_ word: Int32, to sums: UnsafeMutablePointer<Int32>) {
        let row = UnsafePointer(rows + Int(word) * rowLength)
        var index = 0
        while index < rowLength {
            sums[index] &+= row[index]
            index &+= 1
        }
    }
}
