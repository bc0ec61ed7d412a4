/// The "Themes by era" section of the survey report (Markdown and HTML): the theme table split by
/// the era of each item's document, shown only where the documents span more than one era.
public enum SurveyEraSection {
    static let fallback = ReportWording.Section(heading: "Themes by era",
                                                intro: "Items under each theme by the era of their document, with the share of the era's items.")

    /// A column's head: the era's name and its documents ("LSCB era (9 documents)").
    static func column(_ era: String, documents: Int, wording: ReportWording) -> String {
        let name = wording.eraName(era)
        return wording.labels.eraColumn.map { $0(documents).filled(["era": name]) } ?? "\(name) (\(documents) docs)"
    }

    /// A section of a table by era, up to its body: heading, intro and the columns' heads.
    static func opening(id: String, keep: Bool, words: ReportWording.Section, first: String, columns: [String], figure: String = "") -> String {
        let esc = HTMLText.escape
        return "<section id=\"\(id)\"\(keep ? " class=\"keep\"" : "")><h2>\(esc(words.heading))</h2>" + (words.intro.map { "<p>\(esc($0))</p>" } ?? "")
            + figure + "<table><thead><tr><th>\(esc(first))</th>" + columns.map { "<th class=\"num\">\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
    }

    /// `figure`: the figure of themes by era, as the report places figures (empty for none).
    public static func markdown(_ survey: Survey, wording: ReportWording, figure: String = "") -> String {
        guard let table = survey.eras else { return "" }
        let header = [wording.columns.theme] + table.eras.enumerated().map { index, era in column(era, documents: table.documents[index], wording: wording) }
        var rows = table.rows.map { row in [row.theme] + row.cells.map { "\($0.n) (\($0.percentText))" } }
        rows.append([wording.columns.total] + table.totals.map(String.init))
        var section = markdownSection(wording.sections.eras ?? fallback, header: header, rows: rows, figure: figure)
        if let scheme = table.oneScheme, let oneSchemeRows = table.oneSchemeRows {
            var rows = oneSchemeRows.map { row in [row.theme] + row.cells.map { "\($0.n) (\($0.percentText))" } }
            rows.append([wording.columns.total] + table.totals.map(String.init))
            let note = differing(table, wording: wording).map { "\n" + $0 + "\n" } ?? ""
            section += "\n" + oneSchemeIntro(scheme, wording: wording) + "\n\n"
                + MarkdownTable.render(header: header, rows: rows, alignRight: Set(1..<header.count)) + note
        }
        return section
    }

    /// "Items under another theme in this table than in the first: LSCB era 88 of 452, …".
    static func differing(_ table: EraThemeTable, wording: ReportWording) -> String? {
        guard let differing = table.oneSchemeDiffering else { return nil }
        let parts = zip(table.eras, zip(differing, table.totals)).map { era, counts in
            "\(wording.eraName(era)) \(counts.0) of \(counts.1)"
        }
        let list = ReportWording.listed(parts)
        return (wording.labels.eraOneSchemeDiffering ?? "Items under another theme in this table than in the first: {differing}.")
            .filled(["differing": list])
    }

    /// What the second table is: the same items coded with the axis scheme throughout.
    static func oneSchemeIntro(_ scheme: String, wording: ReportWording) -> String {
        (wording.labels.eraOneScheme ?? "The same items, each coded with {scheme} throughout (no mapping between schemes):").filled(["scheme": scheme])
    }

    /// A table by era in Markdown: its heading, its introduction, the table with a column an era.
    static func markdownSection(_ words: ReportWording.Section, header: [String], rows: [[String]], figure: String = "") -> String {
        "\n## \(words.heading)\n\n" + (words.intro.map { $0 + "\n\n" } ?? "") + figure
            + MarkdownTable.render(header: header, rows: rows, alignRight: Set(1..<header.count))
    }

    public static func html(_ survey: Survey, wording: ReportWording, figure: String = "") -> String {
        guard let table = survey.eras else { return "" }
        let words = wording.sections.eras ?? fallback
        let esc = HTMLText.escape
        var output = opening(id: "eras", keep: true, words: words, first: wording.columns.theme,
                             columns: table.eras.enumerated().map { column($1, documents: table.documents[$0], wording: wording) }, figure: figure)
        // Every number links to its items in the evidence section (``HTMLReport`` page's era evidence).
        for row in table.rows {
            output += "<tr><td>\(esc(row.theme))</td>" + zip(table.eras, row.cells).map { era, cell in
                "<td class=\"num\">\(HTMLReport.count(cell.n, at: HTMLReport.anchor("era", era, row.theme))) (\(esc(cell.percentText)))</td>"
            }.joined() + "</tr>"
        }
        output += "<tr class=\"total\"><td>\(esc(wording.columns.total))</td>" + zip(table.eras, table.totals).map { era, total in
            "<td class=\"num\">\(HTMLReport.count(total, at: HTMLReport.anchor("era", era, "all")))</td>"
        }.joined() + "</tr></tbody></table>"
        if let scheme = table.oneScheme, let oneSchemeRows = table.oneSchemeRows {
            output += "<p>\(esc(oneSchemeIntro(scheme, wording: wording)))</p><table><thead><tr><th>\(esc(wording.columns.theme))</th>"
                + table.eras.enumerated().map { "<th class=\"num\">\(esc(column($1, documents: table.documents[$0], wording: wording)))</th>" }.joined()
                + "</tr></thead><tbody>"
            for row in oneSchemeRows {
                output += "<tr><td>\(esc(row.theme))</td>" + row.cells.map { "<td class=\"num\">\($0.n) (\(esc($0.percentText)))</td>" }.joined() + "</tr>"
            }
            output += "<tr class=\"total\"><td>\(esc(wording.columns.total))</td>" + table.totals.map { "<td class=\"num\">\($0)</td>" }.joined()
                + "</tr></tbody></table>" + (differing(table, wording: wording).map { "<p>\(esc($0))</p>" } ?? "")
        }
        return output + "</section>"
    }
}
