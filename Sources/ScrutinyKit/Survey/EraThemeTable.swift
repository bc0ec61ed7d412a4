/// The theme table split by era, present where the survey's documents span more than one era
/// (`lexicons/eras.yml`): for each theme, the items of each era's documents under it, with the
/// share of that era's items. With `--scheme auto` every item is first put on one axis through
/// `lexicons/wt2018-wt2023-mapping.csv`, so the eras are compared theme by theme.
public struct EraThemeTable: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var theme: String
        /// One per era, in the order of `eras`.
        public var cells: [Proportion]
    }

    /// The eras present, oldest first ("lscb", "wt2018", "wt2023").
    public var eras: [String]
    /// Each era's documents and counted items.
    public var documents: [Int]
    public var totals: [Int]
    public var rows: [Row]

    /// Nil unless the counted items come from documents of two eras or more.
    public init?(_ survey: Survey, eraOrder: [String] = ["lscb", "wt2018", "wt2023"]) {
        var eraOf: [String: String] = [:]
        for document in survey.documents { if let era = document.era { eraOf[document.file] = era } }
        let themed = survey.items.filter(\.themed)
        let present = Set(themed.compactMap { eraOf[$0.document] })
        guard present.count > 1 else { return nil }
        eras = present.sorted { (eraOrder.firstIndex(of: $0) ?? Int.max, $0) < (eraOrder.firstIndex(of: $1) ?? Int.max, $1) }
        // The documents that can hold items (not the national survey's quoted partnerships).
        documents = eras.map { era in survey.documents.filter { $0.era == era && $0.quotation != true }.count }
        let byEra = eras.map { era in themed.filter { eraOf[$0.document] == era } }
        totals = byEra.map(\.count)
        var themes = survey.themes.themes
        for item in themed where !themes.contains(item.theme) { themes.append(item.theme) }
        rows = themes.map { theme in
            Row(theme: theme, cells: byEra.map { items in Proportion(items.filter { $0.theme == theme }.count, of: items.count) })
        }
    }
}
