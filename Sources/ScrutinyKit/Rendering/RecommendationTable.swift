/// Recommendations as a Markdown table or CSV.
public enum RecommendationTable {
    public static let csvHeader = ["id", "document", "partnership", "document_type", "date", "era", "kind", "form", "strength", "actor", "section", "page", "cue", "text"]

    public static func csv(_ items: [Recommendation]) -> String {
        CSVWriter.render(header: csvHeader, rows: items.map(csvRow))
    }

    /// One item's cells, in the order of ``csvHeader``.
    static func csvRow(_ item: Recommendation) -> [String] {
        [item.id, item.document, item.partnership ?? "", item.documentType ?? "", item.date ?? "", item.era ?? "", item.kind.rawValue, item.form.rawValue,
         item.strength?.rawValue ?? "", item.actor ?? "", item.section, item.page.map(String.init) ?? "", item.cue, item.text]
    }

    public static func markdown(_ items: [Recommendation]) -> String {
        let multipleDocuments = Set(items.map(\.document)).count > 1
        var header = ["#", "kind", "strength", "actor", "text"]
        if multipleDocuments { header.insert("document", at: 1) }
        let rows = items.enumerated().map { index, item -> [String] in
            var row = [String(index + 1), item.kind.rawValue, item.strength?.rawValue ?? "", item.actor ?? "", item.text]
            if multipleDocuments { row.insert(item.document, at: 1) }
            return row
        }
        let counts = Recommendation.Kind.allCases.compactMap { kind -> String? in
            let count = items.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        return MarkdownTable.render(header: header, rows: rows, alignRight: [0]) + "\n"
            + "\(items.count) item\(items.count == 1 ? "" : "s")" + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")) + "\n"
    }
}
