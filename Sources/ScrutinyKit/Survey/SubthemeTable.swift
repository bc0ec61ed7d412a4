/// The sub-themes items fall under most often across the sector, with how many partnerships
/// have at least one item under each.
public struct SubthemeTable: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        /// "purpose.learning".
        public var subtheme: String
        /// Items under it, of all classified items.
        public var items: Proportion
        /// Partnerships with at least one item under it, of all partnerships.
        public var partnerships: Proportion
    }

    public var rows: [Row]

    /// The `limit` most frequent sub-themes (ties in name order); unclassified items are not counted.
    public init(items: [ClassifiedItem], partnerships: Int, limit: Int = 10) {
        let classified = items.filter(\.isClassified)
        let grouped = Dictionary(grouping: classified) { item in [item.theme, item.subtheme].compactMap { $0 }.joined(separator: ".") }
        rows = grouped.map { name, members in
            Row(subtheme: name, items: Proportion(members.count, of: classified.count),
                partnerships: Proportion(Set(members.compactMap(\.recommendation.partnership)).count, of: partnerships))
        }
        .sorted { ($0.items.n, $1.subtheme) > ($1.items.n, $0.subtheme) }
        .prefix(limit).map { $0 }
    }
}
