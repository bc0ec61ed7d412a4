/// Counts a dictionary's categories in whole documents: the document × category table of
/// quanteda's `dfm_lookup` and LIWC's per-document output. A category counts the matches of its
/// own terms and of its sub-categories' (a match counted once however many of its children hold
/// the term); a term in several categories counts in each (see ``LexiconMatcher``).
public struct CategoryCounter: Sendable {
    /// One document's row: its words and each column's count.
    public struct Row: Hashable, Sendable, Codable {
        public var document: String
        public var partnership: String?
        public var documentType: String?
        /// The document's date ("2024-02") and era (`wt2018`, `wt2023`), where known.
        public var date: String? = nil
        public var era: String? = nil
        /// Words as the matcher cuts them: runs of letters and digits.
        public var words: Int
        /// Counts in column order.
        public var counts: [Int]

        /// A count as a percentage of the document's words (0 for a document without words).
        public func percent(_ column: Int) -> Double {
            words == 0 ? 0 : Double(counts[column]) * 100 / Double(words)
        }
    }

    public let matcher: LexiconMatcher
    /// The category paths counted, in the dictionary's order: every category, or those at `level`
    /// (1 is the top) and the leaves above it; and a category above `level` that holds terms of
    /// its own beside its sub-categories counts those alone, in a column "<path> (own)" (session
    /// 42's audit: Laver and Garry's CULTURE matched 152 times at level 1, and at level 2 its
    /// sub-categories' 11 were all that was left).
    public let columns: [String]
    /// How many levels the dictionary has (1: no sub-categories).
    public let levels: Int
    /// For each of the matcher's categories, the columns its matches count in.
    private let targets: [[Int]]

    public init(lexicon: Lexicon, level: Int? = nil) {
        matcher = LexiconMatcher(lexicon: lexicon)
        let categories = matcher.categories
        let depth = { (category: LexiconCategory) in category.path.split(separator: ".").count }
        // Above the level, a category with terms of its own and sub-categories: its own column.
        let ownOnly = Set(categories.filter { category in
            level.map { depth(category) < $0 && !category.children.isEmpty && !category.terms.isEmpty } ?? false
        }.map(\.path))
        let counted = categories.filter { category in
            guard let level else { return true }
            return depth(category) == level || (depth(category) < level && category.children.isEmpty) || ownOnly.contains(category.path)
        }.map(\.path)
        columns = counted.map { ownOnly.contains($0) ? "\($0) (own)" : $0 }
        levels = categories.map(depth).max() ?? 0
        let index = Dictionary(uniqueKeysWithValues: counted.enumerated().map { ($1, $0) })
        targets = categories.map { category in
            // The category itself and each category above it, where they are columns (a column of
            // a category's own terms takes none of its sub-categories' matches).
            let parts = category.path.split(separator: ".")
            return (1...parts.count).compactMap { length in
                let path = parts.prefix(length).joined(separator: ".")
                return length < parts.count && ownOnly.contains(path) ? nil : index[path]
            }
        }
    }

    /// The row of a document's text.
    public func count(_ text: String, document: String, partnership: String? = nil, documentType: String? = nil,
                      date: String? = nil, era: String? = nil) -> Row {
        var counts = [Int](repeating: 0, count: columns.count)
        // A column counts a stretch of words once, even when several of its sub-categories matched it.
        var counted: Set<Span> = []
        for match in matcher.matches(in: text) {
            for column in targets[match.category] where counted.insert(Span(column: column, words: match.words)).inserted {
                counts[column] += 1
            }
        }
        return Row(document: document, partnership: partnership, documentType: documentType, date: date, era: era,
                   words: WordTokenizer.words(text).count, counts: counts)
    }
}

private extension CategoryCounter {
    struct Span: Hashable {
        var column: Int
        var words: Range<Int>
    }
}
