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

    /// The eras present, oldest first ("lscb", "wt2018", "wt2023"), then ``unknown`` where some
    /// documents' era is not known.
    public var eras: [String]
    /// Each era's documents and counted items.
    public var documents: [Int]
    public var totals: [Int]
    public var rows: [Row]
    /// With `--scheme auto`: the scheme of the axis, and the same items under each theme as that
    /// scheme's own coding gives them, with no mapping between schemes. Where these rows and
    /// `rows` differ, part of a difference between eras is the two schemes' (session 45's audit:
    /// a fall of 12% to 4% in one theme was the mapping's alone).
    public var oneScheme: String?
    public var oneSchemeRows: [Row]?
    /// Each era's counted items whose theme differs between the two tables, in the order of `eras`.
    public var oneSchemeDiffering: [Int]?

    /// The column of the documents whose era is not known (no date and no words of an era): their
    /// items are counted there, not left out of the table.
    public static let unknown = "unknown"

    /// The era a document is counted under: its own, else ``unknown``.
    public static func era(of document: DocumentSummary) -> String { document.era ?? unknown }

    /// Nil unless the counted items come from documents of two known eras or more.
    /// `oneScheme`: the axis scheme, where every counted item has a theme under its own coding
    /// (``SurveyItem/oneSchemeTheme``).
    public init?(_ survey: Survey, eraOrder: [String] = [], oneScheme: String? = nil) {
        var eraOf: [String: String] = [:]
        for document in survey.documents { eraOf[document.file] = Self.era(of: document) }
        let themed = survey.items.filter(\.themed)
        let present = Set(themed.map { eraOf[$0.document] ?? Self.unknown })
        guard present.subtracting([Self.unknown]).count > 1 else { return nil }
        eras = Self.ordered(present, by: eraOrder)
        // The documents that can hold items (not the national survey's quoted partnerships).
        documents = eras.map { era in survey.documents.filter { Self.era(of: $0) == era && $0.quotation != true }.count }
        let byEra = eras.map { era in themed.filter { (eraOf[$0.document] ?? Self.unknown) == era } }
        totals = byEra.map(\.count)
        var themes = survey.themes.themes
        for theme in themed.compactMap(\.theme) where !themes.contains(theme) { themes.append(theme) }
        rows = themes.map { theme in
            Row(theme: theme, cells: byEra.map { items in Proportion(items.filter { $0.theme == theme }.count, of: items.count) })
        }
        if let oneScheme, themed.allSatisfy({ $0.oneSchemeTheme != nil }) {
            self.oneScheme = oneScheme
            for theme in themed.compactMap(\.oneSchemeTheme) where !themes.contains(theme) { themes.append(theme) }
            oneSchemeRows = themes.map { theme in
                Row(theme: theme, cells: byEra.map { items in Proportion(items.filter { $0.oneSchemeTheme == theme }.count, of: items.count) })
            }
            oneSchemeDiffering = byEra.map { items in items.filter { $0.oneSchemeTheme != $0.theme }.count }
        }
    }
}

public extension EraThemeTable {
    /// Eras in `order` (eras.yml's, by date), then others by name, then ``unknown``.
    static func ordered(_ eras: Set<String>, by order: [String]) -> [String] {
        let rank = { (era: String) in era == unknown ? Int.max : order.firstIndex(of: era) ?? Int.max - 1 }
        return eras.sorted { (rank($0), $0) < (rank($1), $1) }
    }
}
