/// The terms found for one item, in the order they were weighed. Kept compact (indices into the
/// scheme's shared category paths and patterns, and byte ranges of the recommendation's text,
/// section or actor where the words were found) and made into ``ClassifiedItem/TermMatch`` values
/// as they are read, so that classifying an item copies no strings. In JSON an array of term matches.
public struct TermMatches: RandomAccessCollection, Hashable, Sendable, Codable, ExpressibleByArrayLiteral {
    public typealias Element = ClassifiedItem.TermMatch

    /// Category paths and term patterns, shared by every item a classifier codes.
    final class Names: Sendable {
        let categories: [String]
        let terms: [String]

        init(categories: [String], terms: [String]) {
            self.categories = categories
            self.terms = terms
        }
    }

    struct Record: Hashable, Sendable {
        var category: Int32
        var term: Int32
        var source: ClassifiedItem.TermMatch.Source
        /// Which of the recommendation's text (0), section (1) or actor (2) holds the matched words,
        /// and where, in UTF-8 bytes.
        var string: UInt8
        var bytes: Range<Int32>
        var start: Int32
        var end: Int32
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
        let evidence = records.withUnsafeBufferPointer { ItemEvidence.make(records: $0, scores: 0) { _ in 0 } }
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
                                  end: Int32(clamping: match.end), weight: match.weight))
        }
        let source = Recommendation(id: "", document: "", kind: .recommendation, text: joined, section: "", cue: "", locations: [])
        self.init(names: Names(categories: categories, terms: terms), source: source, records: records)
    }

    public init(arrayLiteral elements: Element...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { evidence.recordCount }

    public subscript(position: Int) -> Element {
        let record = evidence.record(position)
        let string = record.string == 0 ? source.text : record.string == 1 ? source.section : source.actor ?? ""
        let utf8 = string.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(record.bytes.lowerBound))
        let to = utf8.index(from, offsetBy: Int(record.bytes.count))
        return Element(category: names.categories[Int(record.category)], term: names.terms[Int(record.term)],
                       matched: String(utf8[from..<to]) ?? String(decoding: Array(utf8[from..<to]), as: UTF8.self),
                       source: record.source, start: Int(record.start), end: Int(record.end), weight: record.weight)
    }

    public static func == (lhs: TermMatches, rhs: TermMatches) -> Bool { lhs.elementsEqual(rhs) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for match in self { hasher.combine(match) }
    }

    public func encode(to encoder: any Encoder) throws { try Array(self).encode(to: encoder) }

    public init(from decoder: any Decoder) throws { self.init(try [Element](from: decoder)) }
}
