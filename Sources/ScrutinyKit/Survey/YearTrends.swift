/// Items by the year of their document, against themes: counts and the share of the year's
/// items under each theme. Only where the documents' dates span more than one year.
public struct YearTrends: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var year: Int
        public var documents: Int
        public var partnerships: Int
        /// One per theme, in the order of ``YearTrends/themes``: n items of the year's total.
        public var cells: [Proportion]
        public var total: Int
    }

    public var themes: [String]
    public var rows: [Row]
    /// Items whose document has no date.
    public var undated: Int

    /// nil when fewer than two years are present.
    public init?(items: [ClassifiedItem], documents: [DocumentSummary], themes: [String]) {
        let yearOf = Dictionary(documents.compactMap { document in document.year.map { (document.file, $0) } },
                                uniquingKeysWith: { first, _ in first })
        let years = Set(yearOf.values).sorted()
        guard years.count > 1 else { return nil }
        self.themes = themes
        rows = years.map { year in
            let own = items.filter { yearOf[$0.recommendation.document] == year }
            let files = documents.filter { $0.year == year }
            return Row(year: year, documents: files.count, partnerships: Set(files.compactMap(\.partnership)).count,
                       cells: themes.map { theme in Proportion(own.filter { $0.theme == theme }.count, of: own.count) },
                       total: own.count)
        }
        undated = items.filter { yearOf[$0.recommendation.document] == nil }.count
    }
}
