/// An item's score per category path ("purpose", "purpose.safeguarded", …), for the categories that
/// scored, in the lexicon's order. Looked up by path; in JSON an object from path to score.
public struct CategoryScores: Hashable, Sendable, Codable, ExpressibleByDictionaryLiteral {
    public struct Entry: Hashable, Sendable {
        public var path: String
        public var score: Double

        public init(path: String, score: Double) {
            self.path = path
            self.score = score
        }
    }

    public private(set) var entries: [Entry]
    public typealias Key = String
    public typealias Value = Double

    public init(_ entries: [Entry] = []) { self.entries = entries }

    public init(dictionaryLiteral elements: (String, Double)...) {
        entries = elements.map { Entry(path: $0.0, score: $0.1) }
    }

    /// The score of the category at `path`, or nil when it did not score.
    public subscript(path: String) -> Double? { entries.first { $0.path == path }?.score }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

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
        entries = try container.allKeys.map { Entry(path: $0.stringValue, score: try container.decode(Double.self, forKey: $0)) }
            .sorted { $0.path < $1.path }
    }
}
