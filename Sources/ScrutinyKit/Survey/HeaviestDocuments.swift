/// The few documents that hold much of what the theme tables count: five (or a tenth of the
/// documents, if more) holding two fifths of the counted items or more, and twice the share their
/// number would hold. The shares of all partnerships weigh each document by its items, so five
/// long single inspections can make them speak of inspections more than of partnerships (a
/// researcher's audit: five 2015–16 reports held 43% of 749 counted items).
public struct HeaviestDocuments: Hashable, Sendable, Codable {
    public struct Document: Hashable, Sendable, Codable {
        public var document: String
        public var items: Int
    }

    /// The heaviest documents, most items first.
    public var documents: [Document]
    /// How many documents have items counted.
    public var of: Int
    /// Their items together, of all the counted items.
    public var items: Proportion

    /// Nil where no few documents weigh so (or fewer than ten documents have items counted).
    public init?(_ counted: [ClassifiedItem]) {
        let counts = Dictionary(grouping: counted, by: \.recommendation.document).mapValues(\.count)
        guard counts.count >= 10 else { return nil }
        let heaviest = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(max(5, counts.count / 10))
        let held = heaviest.reduce(0) { $0 + $1.value }
        guard held * 5 >= counted.count * 2, held * counts.count >= counted.count * heaviest.count * 2 else { return nil }
        documents = heaviest.map { Document(document: $0.key, items: $0.value) }
        of = counts.count
        items = Proportion(held, of: counted.count)
    }
}
