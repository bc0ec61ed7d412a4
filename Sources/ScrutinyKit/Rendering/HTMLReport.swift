import Foundation

/// The survey as one self-contained HTML file: inline CSS, figures as inline SVG bar charts, no
/// external requests. It opens with a summary (what was read, the headline figures, the contents);
/// the tables and figures follow, and every number links to a closed block of evidence at the end,
/// whose sentences link to their source documents.
public enum HTMLReport {
    public static func render(_ survey: Survey, settings: ReportSettings) -> String {
        var html = ""
        render(survey, settings: settings) { html += $0 }
        return html
    }

    /// The page in pieces, in order, each handed to `emit` as soon as it is made (the evidence,
    /// most of the page, block by block), so that a writer need not hold the whole page.
    public static func render(_ survey: Survey, settings: ReportSettings, emit: (String) -> Void) {
        let page = Page(content: ReportContent(survey: survey, settings: settings))
        let title = esc(settings.title)
        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(title)</title>"
            + "<style>\(style)\(SVGBarChart.style)</style><script>\(revealScript)</script></head>"
            + "<body><main>"
        for section in ReportSection.allCases {
            guard section == .evidence else {
                html += page.section(section)
                continue
            }
            // The evidence, most of the page, block by block.
            emit(html)
            html = ""
            page.evidenceSection(emit: emit)
        }
        emit(html + "</main></body></html>\n")
    }

    static func esc(_ text: String) -> String { HTMLText.escape(text) }

    /// A count of items linked to their block of evidence; 0, which has none, stands unlinked (its
    /// block is not written: session 31's user audit met dozens of "Evidence (0 items)").
    static func count(_ n: Int, at anchor: String) -> String { n == 0 ? "0" : "<a href=\"#\(anchor)\">\(n)</a>" }

    /// An anchor name from any text: lower case, runs of other characters as one hyphen.
    static func anchor(_ parts: String...) -> String {
        parts.map { part in
            part.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "." ? String($0) : "-" }.joined()
        }.joined(separator: "--")
    }

    /// The partnership's part of an anchor; the all-partnerships row has its own.
    static func partnershipKey(_ partnership: String) -> String {
        partnership == ThemeMatrix.allPartnerships ? "all-partnerships" : partnership
    }

    /// The page being written.
    struct Page: ReportRendering, ReportSectionWriting {
        let content: ReportContent
    }
}

extension HTMLReport.Page {
    func indicatorsByEra() -> String { SurveyEraIndicatorSection.html(survey, wording: wording) }
    func eras() -> String { SurveyEraSection.html(survey, wording: wording, figure: figure(.eras)) }
    func inspections() -> String { SurveyInspectionSection.html(survey, settings: settings) }

    /// The evidence as one string (``HTMLReport/render(_:settings:emit:)`` writes it block by block
    /// through ``evidenceSection(emit:)`` instead).
    func evidence() -> String {
        var html = ""
        evidenceSection { html += $0 }
        return html
    }

    // MARK: summary

    func summary() -> String {
        let summary = ReportSummary(survey, wording: wording)
        let words = wording.summary
        var output = "<header id=\"summary\"><h1>\(esc(settings.title))</h1><p class=\"lede\">\(HTMLText.escapeKeepingOptions(summary.read))</p>"
        output += "<ul class=\"tiles\">" + summary.tiles.map { "<li><b>\($0.value)</b> \(esc($0.label))</li>" }.joined() + "</ul>"
        if !summary.headlines.isEmpty {
            output += "<h2 class=\"summary\">\(esc(words.headlines))</h2><ul class=\"headlines\">"
            output += summary.headlines.map { headline in
                guard let figure = headline.figure else { return "<li><a href=\"#\(headline.anchor)\">\(esc(headline.text))</a></li>" }
                // The question first, then its figure ("Case file audit: 100% (n=9) of 9 …").
                return "<li>\(esc(headline.text)): <a class=\"figure\" href=\"#\(headline.anchor)\">\(esc(figure))</a></li>"
            }.joined() + "</ul>"
        }
        output += "<nav><h2 class=\"summary\">\(esc(words.contents))</h2><ol>"
            + summary.contents.map { "<li><a href=\"#\($0.id)\">\(esc($0.heading))</a></li>" }.joined() + "</ol></nav>"
        return output + "<p class=\"how\">\(esc(words.how))</p></header>"
    }

    // MARK: indicators

    func indicators() -> String {
        var output = ""
        for group in survey.groups {
            let rows = survey.indicators.rows.filter { $0.group == group.id }
            guard !rows.isEmpty else { continue }
            output += "<section id=\"\(anchor(group.id))\"><h2>\(esc(group.label))</h2>"
            output += figure(.group(group.id))
            output += indicatorTable(rows)
            for distribution in survey.indicators.distributions where rows.contains(where: { $0.id == distribution.id }) {
                output += figure(.distribution(distribution.id))
            }
            output += "</section>"
        }
        return output
    }

    func indicatorTable(_ rows: [IndicatorTable.Row]) -> String {
        var output = "<table><thead><tr>" + header(columns.indicator) + header(columns.n, numeric: true)
            + header(columns.of, numeric: true) + header(columns.percent, numeric: true) + header(columns.silent, numeric: true)
            + header(columns.surveyForm) + "</tr></thead><tbody>"
        for row in rows {
            let id = anchor("ind", row.id)
            // A count is a distribution, never a rate: no percentage of its own.
            let percent = row.kind == .count ? "–" : row.proportion.percentText
            output += "<tr><td>\(esc(row.label))</td>"
                + "<td class=\"num\"><a href=\"#\(id)-yes\">\(row.proportion.n)</a></td>"
                + "<td class=\"num\"><a href=\"#\(id)\">\(row.proportion.of)</a></td>"
                + "<td class=\"num\"><a href=\"#\(id)\">\(percent)</a></td>"
                + "<td class=\"num\"><a href=\"#\(id)-silent\">\(row.silent)</a></td>"
                + "<td><a href=\"#\(id)\">\(esc(IndicatorFigureText.figure(row, table: survey.indicators, wording: wording)))</a></td></tr>"
        }
        return output + "</tbody></table>"
    }

    // MARK: themes, kinds, sub-themes, gaps, trends

    func themes() -> String {
        let matrix = survey.themes
        let words = wording.sections.themes
        var output = "<section id=\"themes\"><h2>\(esc(words.heading))</h2>"
            + intro(words, ["kinds": ReportWording.readablePlural(kinds: survey.themeKinds)])
        guard !matrix.themes.isEmpty else { return output + "<p>\(esc(wording.labels.noItems))</p></section>" }
        output += figure(.themes)
        output += "<table><thead><tr>" + header(columns.partnership) + matrix.themes.map { header($0, numeric: true) }.joined()
            + header(columns.total, numeric: true) + "</tr></thead><tbody>"
        for row in matrix.rows + [matrix.total] {
            let name = HTMLReport.partnershipKey(row.partnership)
            output += "<tr\(row.partnership == ThemeMatrix.allPartnerships ? " class=\"total\"" : "")><td>\(esc(row.partnership))</td>"
            output += linkedThemeCells(matrix.themes, row.cells, total: row.total, anchoredAt: "theme", name)
        }
        return output + "</tbody></table></section>"
    }

    /// The kinds of item by document type, then their forms, each a section of its own as in the
    /// Markdown report (one wide table until session 37, so the two reports' contents differed).
    func kinds() -> String {
        let table = survey.kinds
        func section(_ id: String, _ words: ReportWording.Section, _ names: [String], heading: (String) -> String,
                     cells: (KindTable.Row) -> [Proportion]) -> String {
            var output = "<section id=\"\(id)\"><h2>\(esc(words.heading))</h2>" + intro(words)
                + "<table><thead><tr>" + header(columns.documentType) + header(columns.documents, numeric: true)
                + names.map { header(heading($0), numeric: true) }.joined() + header(columns.total, numeric: true) + "</tr></thead><tbody>"
            for row in table.rows + [table.total] {
                output += "<tr\(row.documentType == KindTable.allDocuments ? " class=\"total\"" : "")><td>\(esc(KindTable.shown(row)))</td>"
                    + "<td class=\"num\"><a href=\"#documents\">\(row.documents)</a></td>"
                output += zip(names, cells(row)).map { name, cell in
                    "<td class=\"num\">\(count(cell.n, at: anchor(id == "kinds" ? "kind" : "form", row.documentType, name))) (\(cell.percentText))</td>"
                }.joined()
                output += "<td class=\"num\">\(count(row.total, at: anchor("kind", row.documentType, "all")))</td></tr>"
            }
            return output + "</tbody></table></section>"
        }
        return section("kinds", wording.sections.kinds, table.kinds, heading: { ReportWording.readable(kinds: [$0]) }, cells: \.cells)
            + section("forms", wording.sections.forms.saying(read: survey.narrativeRead), table.forms, heading: { $0 }, cells: \.forms)
    }

    func subthemes() -> String {
        let words = wording.sections.subthemes
        var output = "<section id=\"subthemes\"><h2>\(esc(words.heading))</h2>" + intro(words)
        guard let most = survey.subthemes.shown.first?.items.n, most > 0 else {
            return output + "<p>\(esc(wording.labels.noneClassified))</p></section>"
        }
        output += figure(.subthemes)
        output += "<table><thead><tr>" + header(columns.subtheme) + header(columns.items, numeric: true)
            + header(columns.shareOfClassified, numeric: true) + header(columns.partnerships, numeric: true) + "</tr></thead><tbody>"
        for row in survey.subthemes.shown {
            let link = "#" + anchor("sub", row.subtheme)
            output += "<tr><td>\(esc(ReportWording.readable(path: row.subtheme)))</td><td class=\"num\"><a href=\"\(link)\">\(row.items.n)</a></td>"
                + "<td class=\"num\"><a href=\"\(link)\">\(row.items.percentText)</a></td>"
                + "<td class=\"num\"><a href=\"\(link)\">\(row.partnerships.n)</a> / \(row.partnerships.of)</td></tr>"
        }
        return output + "</tbody></table></section>"
    }

    func gaps() -> String {
        let words = wording.sections.gaps
        var output = "<section id=\"gaps\"><h2>\(esc(words.heading))</h2>" + intro(words)
        guard !survey.gaps.rows.isEmpty else { return output + "<p>\(esc(wording.labels.noneClassified))</p></section>" }
        output += "<table><thead><tr>" + header(columns.theme) + header(columns.without) + header(columns.which) + "</tr></thead><tbody>"
        for row in survey.gaps.rows {
            output += "<tr><td>\(esc(row.theme))</td><td><a href=\"#\(anchor("gap", row.theme))\">\(esc(row.proportion.surveyForm))</a></td>"
                + "<td>\(esc(row.partnerships.isEmpty ? wording.labels.none : row.partnerships.joined(separator: ", ")))</td></tr>"
        }
        return output + "</tbody></table></section>"
    }

    func trends() -> String {
        guard let trends = survey.trends else { return "" }
        let words = wording.sections.trends
        var output = "<section id=\"trends\"><h2>\(esc(words.heading))</h2>" + intro(words)
        output += figure(.trends)
        output += "<table><thead><tr>" + header(columns.year) + header(columns.documents, numeric: true)
            + header(columns.partnerships, numeric: true) + trends.themes.map { header($0, numeric: true) }.joined()
            + header(columns.total, numeric: true) + "</tr></thead><tbody>"
        for row in trends.rows {
            output += "<tr><td>\(row.year)</td><td class=\"num\"><a href=\"#documents\">\(row.documents)</a></td>"
                + "<td class=\"num\"><a href=\"#documents\">\(row.partnerships)</a></td>"
            output += linkedThemeCells(trends.themes, row.cells, total: row.total, anchoredAt: "trend", String(row.year))
        }
        return output + "</tbody></table></section>"
    }

    // MARK: documents and notes

    func documents() -> String {
        let words = wording.sections.documents
        let era = DocumentRows.eraColumn(survey, wording: wording)
        var output = "<section id=\"documents\"><h2>\(esc(words.heading))</h2>" + intro(words) + "<table class=\"documents\"><thead><tr>"
            + header(columns.document) + header(columns.partnership) + header(columns.type) + header(columns.date)
            + (era.map { header($0.head) } ?? "") + header(columns.title) + "</tr></thead><tbody>"
        // One row and id a file (a document quoting many partnerships names how many), and no two
        // files one id ("2015/x.pdf" and "2015-x.pdf" make the same anchor).
        var ids = Set<String>()
        for row in DocumentRows.rows(survey.documents, wording: wording) {
            let document = row.document
            var id = anchor("doc", document.file)
            var next = 2
            while !ids.insert(id).inserted { id = anchor("doc", document.file) + "-\(next)"; next += 1 }
            output += "<tr id=\"\(id)\"><td>\(sourceLink(document.file, page: nil, text: document.file))</td>"
                + "<td>\(esc(row.partnerships))</td>"
                + "<td class=\"nowrap\">\(esc(survey.kinds.shown(document.documentType)))</td>"
                + "<td class=\"nowrap\">\(esc(document.date ?? ""))</td>"
                + (era.map { "<td class=\"nowrap\">\(esc($0.era(document)))</td>" } ?? "")
                + "<td>\(esc(document.title ?? ""))</td></tr>"
        }
        return output + "</tbody></table></section>"
    }

    func notes() -> String {
        let words = wording.sections.notes
        return "<section id=\"notes\"><h2>\(esc(words.heading))</h2>" + intro(words) + "<ul class=\"notes\">"
            + wording.notes(of: survey).map { "<li>\(HTMLText.escapeKeepingOptions($0))</li>" }.joined() + "</ul></section>"
    }

    // MARK: shared pieces

    func esc(_ text: String) -> String { HTMLReport.esc(text) }

    func anchor(_ parts: String...) -> String { parts.map { HTMLReport.anchor($0) }.joined(separator: "--") }

    /// A row's theme cells, each count linked to its evidence (`kind--key--theme`) with its share,
    /// then the row's total linked to all of them (`kind--key--all`); closes the row.
    func linkedThemeCells(_ themes: [String], _ cells: [Proportion], total: Int, anchoredAt kind: String, _ key: String) -> String {
        zip(themes, cells).map { theme, cell in
            "<td class=\"num\">\(count(cell.n, at: anchor(kind, key, theme))) (\(cell.percentText))</td>"
        }.joined() + "<td class=\"num\">\(count(total, at: anchor(kind, key, "all")))</td></tr>"
    }

    func count(_ n: Int, at anchor: String) -> String { HTMLReport.count(n, at: anchor) }

    func header(_ text: String, numeric: Bool = false) -> String { "<th\(numeric ? " class=\"num\"" : "")>\(esc(text))</th>" }

    func intro(_ section: ReportWording.Section, _ values: [String: String] = [:]) -> String {
        section.intro.map { "<p>\(esc($0.filled(values)))</p>" } ?? ""
    }

    /// A figure in its place, captioned, with a link to its SVG file when figures are written.
    func figure(_ place: ReportFigure.Place) -> String {
        guard let figure = figures.first(where: { $0.place == place }) else { return "" }
        var output = "<figure id=\"\(anchor(figure.fileName))\"><figcaption>\(esc(figure.caption))</figcaption>\(figure.inline)"
        if let link = settings.figureLink(figure) {
            output += "<p class=\"download\"><a href=\"\(esc(link))\" download=\"\(esc(figure.fileName))\" type=\"image/svg+xml\">"
                + "\(esc(wording.figures.download))</a></p>"
        }
        return output + "</figure>"
    }

    /// The document's name (and page), linked to its file when the report knows where it is (at the
    /// quoted sentence, for a file that is not a PDF).
    func sourceLink(_ document: String, page: Int?, quoting sentence: String? = nil, text: String) -> String {
        // A file's name as standard error shows it: its control characters and marks of direction
        // escaped (session 43's audit: they reached the page raw).
        let text = TerminalText.escaped(text)
        guard let href = settings.sources.href(document, page: page, quoting: sentence) else { return "<span class=\"source\">\(esc(text))</span>" }
        return "<a class=\"source\" href=\"\(esc(href))\">\(esc(text))</a>"
    }
}
