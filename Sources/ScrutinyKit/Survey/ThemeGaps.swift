/// For each theme, the partnerships none of whose items fall under it.
public struct ThemeGaps: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var theme: String
        /// Partnerships without an item under the theme, of the partnerships with an item counted.
        public var proportion: Proportion
        public var partnerships: [String]
    }

    public var rows: [Row]

    public init(items: [ClassifiedItem], partnerships: [String], themes: [String]) {
        rows = themes.filter { $0 != ClassifiedItem.unclassified }.map { theme in
            let covered = Set(items.filter { $0.theme == theme }.compactMap(\.recommendation.partnership))
            let missing = partnerships.filter { !covered.contains($0) }
            return Row(theme: theme, proportion: Proportion(missing.count, of: partnerships.count), partnerships: missing)
        }
    }
}
