/// An item's score per category path ("purpose", "purpose.safeguarded", …), for the categories that
/// scored, in the lexicon's order. Looked up by path; in JSON an object from path to score.
///
/// Kept as the scheme's shared list of paths and one score for each, so that making one for every
/// item copies no strings.
public struct CategoryScores: Hashable, Sendable, Codable, ExpressibleByDictionaryLiteral {
    public struct Entry: Hashable, Sendable {
        public var path: String
        public var score: Double

        public init(path: String, score: Double) {
            self.path = path
            self.score = score
        }
    }

    public typealias Key = String
    public typealias Value = Double

    private let paths: [String]
    /// Holds the score of `paths[i]` (zero when the category did not score) after the item's term
    /// records: one allocation for both.
    private let evidence: ItemEvidence

    init(paths: [String], evidence: ItemEvidence) {
        precondition(evidence.scoreCount == paths.count, "one score for each path")
        self.paths = paths
        self.evidence = evidence
    }

    public init(_ entries: [Entry] = []) {
        paths = entries.map(\.path)
        evidence = ItemEvidence.make(records: [], scores: entries.count) { entries[$0].score }
    }

    public init(dictionaryLiteral elements: (String, Double)...) {
        self.init(elements.map { Entry(path: $0.0, score: $0.1) })
    }

    /// The categories that scored, with their scores.
    public var entries: [Entry] {
        paths.indices.compactMap { evidence.score($0) != 0 ? Entry(path: paths[$0], score: evidence.score($0)) : nil }
    }

    /// The score of the category at `path`, or nil when it did not score.
    public subscript(path: String) -> Double? {
        for index in paths.indices where evidence.score(index) != 0 && paths[index] == path { return evidence.score(index) }
        return nil
    }

    public var isEmpty: Bool { !paths.indices.contains { evidence.score($0) != 0 } }
    public var count: Int { paths.indices.reduce(0) { $0 + (evidence.score($1) != 0 ? 1 : 0) } }

    /// Equal when the same paths have the same scores, in whatever order they are kept.
    public static func == (lhs: CategoryScores, rhs: CategoryScores) -> Bool { lhs.byPath == rhs.byPath }
    public func hash(into hasher: inout Hasher) { hasher.combine(byPath) }
    private var byPath: [Entry] { entries.sorted { $0.path < $1.path } }

    private struct PathKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PathKey.self)
        for entry in entries { try container.encode(entry.score, forKey: PathKey(stringValue: entry.path)) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PathKey.self)
        self.init(try container.allKeys.map { Entry(path: $0.stringValue, score: try container.decode(Double.self, forKey: $0)) }
            .sorted { $0.path < $1.path })
    }
}
