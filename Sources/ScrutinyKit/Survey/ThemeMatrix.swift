/// Partnerships against themes: how many of each partnership's items fall under each theme, and
/// what share of its items that is (row percentages), with a row for all partnerships together.
public struct ThemeMatrix: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        /// A partnership, or "All partnerships" for the total row.
        public var partnership: String
        /// One per theme, in the order of ``ThemeMatrix/themes``: n items of the row's total.
        public var cells: [Proportion]
        public var total: Int
    }

    public var themes: [String]
    public var rows: [Row]
    public var total: Row

    public static let allPartnerships = "All partnerships"

    /// - Parameter themes: the scheme's themes in the order to show them. A scheme of at most
    ///   ``everyThemeShownUpTo`` themes (the Working Together schemes) shows every one, none found
    ///   included, so that a theme with no item reads as 0 rather than as missing; a larger
    ///   dictionary (LIWC, WordStat) shows only the themes found. Themes the items have that are
    ///   not listed follow in alphabetical order, `unclassified` last.
    public init(items: [ClassifiedItem], partnerships: [String], themes order: [String]) {
        themes = Self.themes(of: items, order: order)
        let themes = themes
        rows = partnerships.map { partnership in
            let own = items.filter { $0.recommendation.partnership == partnership }
            return Row(partnership: partnership,
                       cells: themes.map { theme in Proportion(own.filter { $0.theme == theme }.count, of: own.count) },
                       total: own.count)
        }
        total = Row(partnership: Self.allPartnerships,
                    cells: themes.map { theme in Proportion(items.filter { $0.theme == theme }.count, of: items.count) },
                    total: items.count)
    }

    /// The largest scheme whose themes are all shown, found or not.
    public static let everyThemeShownUpTo = 12

    static func themes(of items: [ClassifiedItem], order: [String]) -> [String] {
        let present = Set(items.map(\.theme))
        let showAll = order.count <= everyThemeShownUpTo
        let listed = order.filter { (showAll || present.contains($0)) && $0 != ClassifiedItem.unclassified }
        let others = present.subtracting(order).subtracting([ClassifiedItem.unclassified]).sorted()
        return listed + others + (present.contains(ClassifiedItem.unclassified) ? [ClassifiedItem.unclassified] : [])
    }
}

