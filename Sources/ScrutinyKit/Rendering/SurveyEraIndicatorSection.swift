/// The "Arrangements by era" section of the survey report (Markdown and HTML): each indicator's
/// figure for each era's documents alone, shown only where the documents span more than one era.
public enum SurveyEraIndicatorSection {
    static let fallback = ReportWording.Section(
        heading: "Arrangements by era",
        intro: "Each indicator by era, every partnership profiled again from its documents of that era alone: n saying yes of the N whose documents of that era address it; silent, of the era's partnerships.")

    /// A column's head: the era's name and its partnerships, and how many of them are known only
    /// from another document's quotations ("WT 2018 (91 partnerships, 70 only as quoted)").
    static func column(_ era: String, partnerships: Int, quoted: Int, wording: ReportWording) -> String {
        let name = wording.eraName(era)
        let count = "\(partnerships) \(partnerships == 1 ? "partnership" : "partnerships")"
        return quoted == 0 ? "\(name) (\(count))" : "\(name) (\(count), \(onlyQuoted(quoted, wording: wording)))"
    }

    /// "70 only as quoted" (`labels.only_quoted`).
    static func onlyQuoted(_ count: Int, wording: ReportWording) -> String {
        (wording.labels.onlyQuoted ?? "{count} only as quoted").filled(["count": String(count)])
    }

    /// "100% (n=4) of 4 (N < 5) · 5 silent · 3 only as quoted", "n=2 of 3 · 1 silent" for a
    /// count, "– · 9 silent" where no partnership of the era addresses it, "–" where the era has
    /// none to count (a count of scrutineers where none employs one; "0" until session 43, which
    /// read as a count of 0). The caveat and the quoted count are the headline's (session 45's
    /// audit: a column of the national survey's quotations read as a 97% without either).
    /// A cell with nobody to count: no partnership in its base, none silent.
    static func isEmpty(_ cell: EraIndicatorTable.Cell) -> Bool { cell.proportion.of == 0 && cell.silent == 0 }

    static func cell(_ cell: EraIndicatorTable.Cell, wording: ReportWording) -> String {
        if isEmpty(cell) { return "–" }
        var text = cell.proportion.of == 0 ? "–" : cell.proportion.surveyForm + IndicatorFigureText.shortCaveat(cell.proportion.of, wording: wording)
        if cell.silent > 0 { text += " · \(cell.silent) \(wording.labels.silent.lowercased())" }
        if cell.quoted > 0 { text += " · " + onlyQuoted(cell.quoted, wording: wording) }
        return text
    }

    /// The anchor of an era's evidence for an indicator.
    static func anchor(_ era: String, _ id: String) -> String { HTMLReport.anchor("eraind", era, id) }

    public static func markdown(_ survey: Survey, wording: ReportWording) -> String {
        guard let table = survey.indicatorsByEra else { return "" }
        let header = [wording.columns.indicator] + table.eras.enumerated().map { column($1, partnerships: table.partnerships[$0], quoted: table.quotedPartnerships[$0], wording: wording) }
        let rows = table.rows.map { row in [row.label] + row.cells.map { cell($0, wording: wording) } }
        return SurveyEraSection.markdownSection(wording.sections.indicatorsByEra ?? fallback, header: header, rows: rows)
    }

    public static func html(_ survey: Survey, wording: ReportWording) -> String {
        guard let table = survey.indicatorsByEra else { return "" }
        let words = wording.sections.indicatorsByEra ?? fallback
        let esc = HTMLText.escape
        var output = SurveyEraSection.opening(id: "indicators-by-era", keep: false, words: words, first: wording.columns.indicator,
                                              columns: table.eras.enumerated().map { column($1, partnerships: table.partnerships[$0], quoted: table.quotedPartnerships[$0], wording: wording) })
        // Each cell links to the sentences of the era's documents that decided it (``HTMLReport`` page's
        // era indicator evidence); the label to the indicator's evidence over every document.
        for row in table.rows {
            output += "<tr><td><a href=\"#\(HTMLReport.anchor("ind", row.id))\">\(esc(row.label))</a></td>"
                + zip(table.eras, row.cells).map { era, item in
                    // The cell may wrap between its parts ("97% (n=32) of 33", "58 silent", "32 only
                    // as quoted"), never inside one, so the table keeps to the page's width.
                    let text = cell(item, wording: wording).components(separatedBy: " · ")
                        .map { "<span class=\"nowrap\">\(esc($0))</span>" }.joined(separator: " · ")
                    let linked = isEmpty(item) ? text : "<a href=\"#\(anchor(era, row.id))\">\(text)</a>"
                    return "<td class=\"num parts\">\(linked)</td>"
                }.joined() + "</tr>"
        }
        return output + "</tbody></table></section>"
    }
}
