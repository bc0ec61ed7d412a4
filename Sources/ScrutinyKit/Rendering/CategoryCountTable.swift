import Foundation

/// The document × category table of ``CategoryCounter`` as CSV (one row per document, one column per
/// category, as R and pandas read it), JSON, or a Markdown table.
public enum CategoryCountTable {
    /// What the cells hold: counts of matches, or matches as a percentage of the document's words.
    public enum Measure: String, Sendable, CaseIterable { case count, percent }

    public static func csv(_ rows: [CategoryCounter.Row], columns: [String], measure: Measure) -> String {
        let fixed = ["document", "partnership", "document_type", "date", "era", "words"]
        return CSVWriter.render(header: fixed + headers(columns, besides: fixed),
                         rows: rows.map { row in
                             [row.document, row.partnership ?? "", row.documentType ?? "", row.date ?? "", row.era ?? "", String(row.words)]
                                 + columns.indices.map { cell(row, $0, measure, decimals: 4) }
                         })
    }

    public static func markdown(_ rows: [CategoryCounter.Row], columns: [String], measure: Measure) -> String {
        MarkdownTable.render(header: ["document", "words"] + headers(columns, besides: ["document", "words"]),
                             rows: rows.map { row in [row.document, String(row.words)] + columns.indices.map { cell(row, $0, measure) } },
                             alignRight: Set(1...(columns.count + 1)))
    }

    /// An array of documents, each with its words and, by category, the count and the percentage.
    public static func json(_ rows: [CategoryCounter.Row], columns: [String]) -> String {
        JSONOutput.render(rows.map { row in
            Entry(document: row.document, partnership: row.partnership, documentType: row.documentType, date: row.date, era: row.era,
                  words: row.words,
                  counts: Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, row.counts[$0]) }),
                  percent: Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, row.words == 0 ? nil : rounded(row.percent($0))) }))
        })
    }
}

private extension CategoryCountTable {
    /// The categories' column headings, a category named as a fixed column ("words", "date")
    /// marked "(category)": with two columns of one name, R and pandas read the wrong one (session
    /// 42's audit). JSON keeps the names: its counts stand in an object of their own.
    static func headers(_ columns: [String], besides fixed: [String]) -> [String] {
        let taken = Set(fixed.map { $0.lowercased() })
        return columns.map { taken.contains($0.lowercased()) ? "\($0) (category)" : $0 }
    }

    /// Every key in every entry, null where unknown, as the other commands' JSON has them; a
    /// document without words has null percentages (0 of 0 is no share: session 42's audit).
    struct Entry: Encodable {
        var document: String
        @NullEncoded var partnership: String?
        @NullEncoded var documentType: String?
        @NullEncoded var date: String?
        @NullEncoded var era: String?
        var words: Int
        var counts: [String: Int]
        var percent: [String: Double?]

        enum CodingKeys: String, CodingKey {
            case document, partnership, documentType, date, era, words, counts, percent
        }
    }

    /// A cell: a count, or a percentage with `decimals` places (the table two, for reading; the
    /// CSV four, as JSON rounds them, for averaging: session 39's audit found rates averaged from
    /// the CSV's two places).
    static func cell(_ row: CategoryCounter.Row, _ column: Int, _ measure: Measure, decimals: Int = 2) -> String {
        switch measure {
        case .count: String(row.counts[column])
        case .percent where row.words == 0: ""
        case .percent: String(format: "%.\(decimals)f", decimals == 4 ? rounded(row.percent(column)) : row.percent(column))
        }
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
