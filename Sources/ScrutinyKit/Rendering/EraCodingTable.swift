/// `scrutiny classify --scheme auto` as a Markdown table or CSV: each item coded against its era's
/// scheme, with the other scheme's coding beside it where the two differ on the common axis.
public enum EraCodingTable {
    /// The columns after the era scheme's own; `other_evidence`, the words that decided the other
    /// scheme's coding, came last (session 45's audit: the two schemes' difference was shown, not
    /// why).
    public static let extraColumns = ["scheme", "axis_theme", "axis_subtheme", "differ", "other_scheme", "other_theme", "other_subtheme",
                                      "other_evidence"]

    public static func csv(_ codings: [EraClassifier.Coding]) -> String {
        csv(codings.map(\.item), codings: codings.map(Optional.some))
    }

    /// `analyse`'s items.csv with `--scheme auto`: each item as its era's scheme coded it (its
    /// score and the words that decided, which the axis coding does not have), with the axis
    /// columns; a procedural decision (nil coding) is its row with those columns empty.
    public static func csv(_ items: [ClassifiedItem], codings: [EraClassifier.Coding?]) -> String {
        let base = CSVReader.rows(ClassificationTable.csv(zip(items, codings).map { $1?.item ?? $0 }))
        let header = base.first ?? []
        let rows = zip(base.dropFirst(), codings).map { row, coding in
            guard let coding else { return row + Array(repeating: "", count: extraColumns.count) }
            return row + [coding.scheme, coding.axisTheme, coding.axisSubtheme ?? "", coding.differ ? "yes" : "no",
                          coding.differ ? coding.otherScheme ?? "" : "", coding.differ ? coding.other?.theme ?? "" : "",
                          coding.differ ? coding.other?.subtheme ?? "" : "",
                          coding.differ ? coding.other.map { ClassificationTable.evidence($0, limit: .max) } ?? "" : ""]
        }
        return CSVWriter.render(header: header + extraColumns, rows: Array(rows))
    }

    /// Each item as its era's scheme coded it and the words that decided, the other scheme's coding
    /// and its words where the two differ, and over more than one document the document, as the
    /// table of one scheme has them (session 45's audit: neither the words nor the document were shown).
    public static func markdown(_ codings: [EraClassifier.Coding]) -> String {
        func path(_ theme: String, _ subtheme: String?) -> String { theme + (subtheme.map { " \u{203A} " + $0 } ?? "") }
        let multipleDocuments = Set(codings.map(\.item.recommendation.document)).count > 1
        let rows = codings.enumerated().map { index, coding in
            let other = coding.other.map { other in
                (coding.otherScheme ?? "") + ": " + path(other.theme, other.subtheme)
                    + (other.decidingMatches.isEmpty ? "" : " (" + other.decidingMatches.prefix(2).map { $0.matched.lowercased() }.joined(separator: ", ") + ")")
            }
            var row = [String(index + 1), coding.item.recommendation.era ?? "", coding.scheme,
                       path(coding.item.theme, coding.item.subtheme) + ClassificationTable.runnerUpMark(coding.item),
                       ClassificationTable.decidedBy(coding.item), coding.differ ? other ?? "" : "", coding.item.recommendation.text]
            if multipleDocuments { row.insert(coding.item.recommendation.document, at: 1) }
            return row
        }
        var header = ["#", "era", "scheme", "theme \u{203A} sub-theme", "decided by", "other scheme, where it differs", "text"]
        if multipleDocuments { header.insert("document", at: 1) }
        var output = MarkdownTable.render(header: header, rows: rows, alignRight: [0])
        let schemes = Dictionary(grouping: codings, by: \.scheme).map { "\($0.value.count) \($0.key)" }.sorted()
        let differing = codings.filter(\.differ).count
        output += "\n\(codings.count) item\(codings.count == 1 ? "" : "s"): \(schemes.joined(separator: ", ")); the two schemes differ on \(differing) "
            + "(compared through lexicons/wt2018-wt2023-mapping.csv)\n"
        // The era coding's close and higher calls, as the table of one scheme marks them (session 45's re-audit).
        output += ClassificationTable.runnerUpNotes(codings.map(\.item))
        return output
    }
}
