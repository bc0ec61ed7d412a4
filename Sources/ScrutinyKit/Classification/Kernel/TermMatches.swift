/// The terms found for one item, in the order they were weighed. Kept compact (indices into the
/// scheme's shared category paths and patterns, and byte ranges of the recommendation's text,
/// section or actor where the words were found) and made into ``ClassifiedItem/TermMatch`` values
/// as they are read, so that classifying an item copies no strings. In JSON an array of term matches.
public struct TermMatches: RandomAccessCollection, Hashable, Sendable, Codable, ExpressibleByArrayLiteral {
    public typealias Element = ClassifiedItem.TermMatch

    /// Category paths and term patterns, shared by every item a classifier codes, and the learned
    /// words its records of learned words stand for.
    final class Names: Sendable {
        let categories: [String]
        let terms: [String]
        let learned: LearnedWords?

        init(categories: [String], terms: [String], learned: LearnedWords? = nil) {
            self.categories = categories
            self.terms = terms
            self.learned = learned
        }
    }

    struct Record: Hashable, Sendable {
        /// The category's index, or -1 for a record of a learned word: it stands for the word's
        /// matches in each of its categories (``LearnedWords``), `term` being the word.
        var category: Int32
        var term: Int32
        var source: ClassifiedItem.TermMatch.Source
        /// Which of the recommendation's text (0), section (1) or actor (2) holds the matched words,
        /// and where, in UTF-8 bytes.
        var string: UInt8
        var bytes: Range<Int32>
        var start: Int32
        var end: Int32
        /// The position of the record's first match: the matches the records before it stand for.
        var first: Int32
        var weight: Double
    }

    private let names: Names
    /// Holds the strings the records point into.
    private let source: Recommendation
    /// The records, shared with the item's scores.
    private let evidence: ItemEvidence

    /// Matches found by the classifier in a recommendation's text, section path and actor.
    init(names: Names, source: Recommendation, evidence: ItemEvidence) {
        self.names = names
        self.source = source
        self.evidence = evidence
    }

    init(names: Names, source: Recommendation, records: [Record]) {
        let evidence = ItemEvidence.make(records: records, scores: 0) { _ in 0 }
        self.init(names: names, source: source, evidence: evidence)
    }

    private static let none = Names(categories: [], terms: [])
    private static let empty = Recommendation(id: "", document: "", kind: .recommendation, text: "", section: "", cue: "", locations: [])

    public init(_ matches: [Element]) {
        guard !matches.isEmpty else {
            self.init(names: Self.none, source: Self.empty, records: [])
            return
        }
        var categories: [String] = []
        var terms: [String] = []
        var joined = ""
        var records: [Record] = []
        for match in matches {
            let category = categories.firstIndex(of: match.category) ?? { categories.append(match.category); return categories.count - 1 }()
            let term = terms.firstIndex(of: match.term) ?? { terms.append(match.term); return terms.count - 1 }()
            let from = joined.utf8.count
            joined += match.matched
            records.append(Record(category: Int32(category), term: Int32(term), source: match.source, string: 0,
                                  bytes: Int32(from)..<Int32(joined.utf8.count), start: Int32(clamping: match.start),
                                  end: Int32(clamping: match.end), first: Int32(records.count), weight: match.weight))
        }
        let source = Recommendation(id: "", document: "", kind: .recommendation, text: joined, section: "", cue: "", locations: [])
        self.init(names: Names(categories: categories, terms: terms), source: source, records: records)
    }

    public init(arrayLiteral elements: Element...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { evidence.matchCount }

    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < endIndex, "match index out of range")
        let (record, offset) = self.record(at: position)
        let string = record.string == 0 ? source.text : record.string == 1 ? source.section : source.actor ?? ""
        let utf8 = string.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(record.bytes.lowerBound))
        let to = utf8.index(from, offsetBy: Int(record.bytes.count))
        var category = Int(record.category), term = Int(record.term), weight = record.weight
        if record.category < 0, let learned = names.learned {
            let entry = learned.entry(record.term, offset)
            (category, term, weight) = (Int(entry.category), Int(entry.term), entry.shown)
        }
        return Element(category: names.categories[category], term: names.terms[term],
                       matched: String(utf8[from..<to]) ?? String(decoding: Array(utf8[from..<to]), as: UTF8.self),
                       source: record.source, start: Int(record.start), end: Int(record.end), weight: weight)
    }

    /// The record that holds match `position`, and which of its matches it is.
    private func record(at position: Int) -> (Record, Int) {
        let records = evidence.recordCount
        if records == evidence.matchCount { return (evidence.record(position), 0) }
        // The last record whose first match is at or before the position.
        var low = 0, high = records - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(evidence.record(middle).first) <= position { low = middle } else { high = middle - 1 }
        }
        let record = evidence.record(low)
        return (record, position - Int(record.first))
    }

    public static func == (lhs: TermMatches, rhs: TermMatches) -> Bool { lhs.elementsEqual(rhs) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for match in self { hasher.combine(match) }
    }

    public func encode(to encoder: any Encoder) throws { try Array(self).encode(to: encoder) }

    public init(from decoder: any Decoder) throws { self.init(try [Element](from: decoder)) }
}
