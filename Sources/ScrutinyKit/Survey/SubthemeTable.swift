/// The sub-themes items fall under most often across the sector, with how many partnerships
/// have at least one item under each.
public struct SubthemeTable: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        /// "purpose.learning".
        public var subtheme: String
        /// Items under it, of all classified items.
        public var items: Proportion
        /// Partnerships with at least one item under it, of the partnerships with an item counted.
        public var partnerships: Proportion
    }

    /// Every sub-theme with an item, most frequent first (ties in name order): `subthemes.csv` and
    /// the JSON hold them all, so that R or pandas sees every cell (session 28's user audit: the
    /// CSV stopped at ten).
    public var rows: [Row]
    /// How many the report's table and figure show.
    public var limit: Int

    /// The `limit` most frequent sub-themes, as the report shows them.
    public var shown: [Row] { Array(rows.prefix(limit)) }

    /// Unclassified items are not counted.
    public init(items: [ClassifiedItem], partnerships: Int, limit: Int = 10) {
        self.limit = limit
        let classified = items.filter(\.isClassified)
        let grouped = Dictionary(grouping: classified) { item in [item.theme, item.subtheme].compactMap { $0 }.joined(separator: ".") }
        rows = grouped.map { name, members in
            Row(subtheme: name, items: Proportion(members.count, of: classified.count),
                partnerships: Proportion(Set(members.compactMap(\.recommendation.partnership)).count, of: partnerships))
        }
        .sorted { ($0.items.n, $1.subtheme) > ($1.items.n, $0.subtheme) }
    }
}
