/// One figure of the report: numbered in the order the report shows them, drawn inline for the HTML
/// page (its bars link to the evidence) and as a file of its own to download or publish.
public struct ReportFigure: Sendable, Hashable {
    /// Where the figure stands in the report.
    public enum Place: Hashable, Sendable {
        case group(String), distribution(String), themes, subthemes, trends, eras
    }

    public var place: Place
    public var number: Int
    /// The file name, "figure-1-who.svg".
    public var fileName: String
    /// "Figure 1 – Who scrutinises: …"
    public var caption: String
    /// The SVG for the HTML page.
    public var inline: String
    /// The SVG as a file of its own: XML, with its own style and no links.
    public var file: String
}

/// Every figure of the survey report: per group of indicators (yes of those addressing each), the
/// number of scrutineers, themes by partnership, the most frequent sub-themes, trends by year and
/// themes by era.
public enum SurveyFigures {
    /// The folder beside the report that holds the figures' files.
    public static let folder = "figures"

    public static func all(_ survey: Survey, wording: ReportWording) -> [ReportFigure] {
        var builder = Builder(survey: survey, wording: wording)
        for group in survey.groups { builder.indicatorFigures(group) }
        builder.themeFigure()
        builder.subthemeFigure()
        builder.trendFigure()
        builder.eraFigure()
        return builder.figures
    }
}

private extension SurveyFigures {
    struct Builder {
        let survey: Survey
        let wording: ReportWording
        var figures: [ReportFigure] = []

        mutating func add(_ place: ReportFigure.Place, slug: String, caption: String,
                          draw: (_ standalone: Bool, _ description: String) -> String) {
            let number = figures.count + 1
            let full = wording.figures.number.filled(["number": String(number), "caption": caption])
            let name = "figure-\(number)-" + HTMLReport.anchor(slug).replacingOccurrences(of: ".", with: "-") + ".svg"
            figures.append(ReportFigure(place: place, number: number, fileName: name, caption: full,
                                        inline: draw(false, full), file: draw(true, full)))
        }

        mutating func indicatorFigures(_ group: Survey.Group) {
            let rows = survey.indicators.rows.filter { $0.group == group.id }
            let flags = rows.filter { $0.kind == .flag }
            if !flags.isEmpty {
                // Yes, no and silent, each of all partnerships: no bar hides the partnerships that are silent.
                let labels = wording.labels
                let all = survey.indicators.partnerships
                let share = { (count: Int) in Proportion(count, of: all) }
                let rows = flags.map { row in
                    let parts = [share(row.yes.count), share(row.no.count), share(row.silentPartnerships.count)]
                    let id = HTMLReport.anchor("ind", row.id)
                    // Counts in the segments: their shares of all partnerships beside the survey's
                    // share of those that state it (the figure on the right) read as two answers
                    // to one question (session 31's user audit: "25%" in the bar, "33% (n=2) of 6"
                    // after it), and rounded apart they could add to 101%.
                    return SVGBarChart.StackedRow(
                        label: row.label, fractions: parts.map(\.fraction), texts: parts.map { String($0.n) },
                        links: ["#\(id)-yes", "#\(id)-no", "#\(id)-silent"],
                        // "not addressed" where no document addresses it, as the table says (the bar read "n=0 of 0").
                        total: (row.proportion.of == 0 ? wording.labels.notAddressed : row.proportion.surveyForm)
                            + IndicatorFigureText.shortCaveat(row.proportion.of, wording: wording),
                        totalLink: "#" + id)
                }
                let axis = ChartAxis.percent(title: wording.axes.indicators)
                add(.group(group.id), slug: group.id,
                    caption: wording.figures.indicators.filled(["group": group.label, "all": String(all),
                                                                        "partnerships": wording.notes.partnerships(all)])) {
                    SVGBarChart.stacked(rows, series: [labels.yes, labels.no, labels.silent], axis: axis, description: $1, standalone: $0,
                                        neutral: [labels.silent])
                }
            }
            // A distribution nobody states a number for has no figure (its row says "not addressed").
            for distribution in survey.indicators.distributions where distribution.stated > 0 && rows.contains(where: { $0.id == distribution.id }) {
                let bars = distribution.buckets.map { bucket in
                    SVGBarChart.Bar(label: bucket.label, fraction: bucket.proportion.fraction,
                                    value: bucket.proportion.surveyForm + IndicatorFigureText.shortCaveat(bucket.proportion.of, wording: wording),
                                    link: "#" + HTMLReport.anchor("count", distribution.id, bucket.label))
                }
                let axis = ChartAxis.percent(title: wording.axes.counts)
                add(.distribution(distribution.id), slug: distribution.id,
                    caption: wording.figures.counts.filled(["label": distribution.label])) {
                    SVGBarChart.bars(bars, axis: axis, description: $1, standalone: $0)
                }
            }
        }

        mutating func themeFigure() {
            let matrix = survey.themes
            guard !matrix.themes.isEmpty else { return }
            let rows = (matrix.rows + [matrix.total]).map { row in
                let name = HTMLReport.partnershipKey(row.partnership)
                return SVGBarChart.StackedRow(
                    label: row.partnership, fractions: row.cells.map(\.fraction), texts: row.cells.map(\.percentText),
                    links: matrix.themes.map { "#" + HTMLReport.anchor("theme", name, $0) },
                    total: wording.labels.itemsTotal(row.total), totalLink: row.total == 0 ? nil : "#" + HTMLReport.anchor("theme", name, "all"))
            }
            let axis = ChartAxis.percent(title: wording.axes.themes)
            add(.themes, slug: "themes", caption: wording.figures.themes) {
                SVGBarChart.stacked(rows, series: matrix.themes, axis: axis, description: $1, standalone: $0)
            }
        }

        mutating func subthemeFigure() {
            guard let most = survey.subthemes.shown.first?.items.n, most > 0 else { return }
            let themes = survey.themes.themes
            let axis = ChartAxis.count(upTo: most, title: wording.axes.subthemes)
            let labels = wording.labels
            let bars = survey.subthemes.shown.map { row in
                let theme = String(row.subtheme.prefix { $0 != "." })
                return SVGBarChart.Bar(
                    label: ReportWording.readable(path: row.subtheme), fraction: axis.fraction(Double(row.items.n)),
                    value: labels.subthemeValue.filled(["count": String(row.items.n), "items": labels.itemsTotal(row.items.n),
                                                                "percent": row.items.percentText]),
                    note: labels.subthemeNote.filled(["partnerships": String(row.partnerships.n), "of": String(row.partnerships.of),
                                                      "of_partnerships": wording.notes.partnerships(row.partnerships.of)]),
                    link: "#" + HTMLReport.anchor("sub", row.subtheme),
                    colour: themes.firstIndex(of: theme).map { SVGBarChart.colour($0, series: themes) })
            }
            add(.subthemes, slug: "subthemes", caption: wording.figures.subthemes) {
                // Coloured by theme, with the themes' legend (it had none: session 20's audit).
                SVGBarChart.bars(bars, axis: axis, description: $1, standalone: $0, legend: themes)
            }
        }

        /// Each era's items by theme, a bar an era; with `--scheme auto` a second bar for each era,
        /// its items coded with one scheme throughout, so the mapping's part in a difference shows
        /// (the national team's two-era audit, session 45: the era tables had no figure).
        mutating func eraFigure() {
            guard let table = survey.eras else { return }
            // The themes of both tables (one scheme's own coding may leave items unclassified).
            let extra = (table.oneSchemeRows ?? []).map(\.theme).filter { theme in !table.rows.contains { $0.theme == theme } }
            let themes = table.rows.map(\.theme) + extra
            func rows(_ themeRows: [EraThemeTable.Row], label: (String) -> String, anchored: Bool) -> [SVGBarChart.StackedRow] {
                table.eras.indices.map { index in
                    let era = table.eras[index]
                    let cells = themes.map { theme in
                        themeRows.first { $0.theme == theme }?.cells[index] ?? Proportion(0, of: table.totals[index])
                    }
                    return SVGBarChart.StackedRow(
                        label: label(wording.eraName(era)), fractions: cells.map(\.fraction), texts: cells.map(\.percentText),
                        links: themes.map { anchored ? "#" + HTMLReport.anchor("era", era, $0) : "#eras" },
                        total: wording.labels.itemsTotal(table.totals[index]),
                        totalLink: table.totals[index] == 0 ? nil : "#" + HTMLReport.anchor("era", era, "all"))
                }
            }
            var bars = rows(table.rows, label: { $0 }, anchored: true)
            if let scheme = table.oneScheme, let oneSchemeRows = table.oneSchemeRows {
                let alone = wording.labels.eraOneSchemeBar ?? "{era}, {scheme} alone"
                bars += rows(oneSchemeRows, label: { alone.filled(["era": $0, "scheme": scheme]) }, anchored: false)
            }
            let axis = ChartAxis.percent(title: wording.axes.eras ?? "Share of the era's items")
            add(.eras, slug: "eras", caption: wording.figures.eras ?? "Share of each era's items by theme") {
                SVGBarChart.stacked(bars, series: themes, axis: axis, description: $1, standalone: $0)
            }
        }

        mutating func trendFigure() {
            guard let trends = survey.trends else { return }
            let rows = trends.rows.map { row in
                SVGBarChart.StackedRow(
                    label: String(row.year), fractions: row.cells.map(\.fraction), texts: row.cells.map(\.percentText),
                    links: trends.themes.map { "#" + HTMLReport.anchor("trend", String(row.year), $0) },
                    total: wording.labels.yearTotal.filled(["items": wording.labels.itemsTotal(row.total),
                                                            "documents": wording.labels.documentsTotal?(row.documents) ?? String(row.documents)]),
                    totalLink: row.total == 0 ? nil : "#" + HTMLReport.anchor("trend", String(row.year), "all"))
            }
            let axis = ChartAxis.percent(title: wording.axes.trends)
            add(.trends, slug: "trends", caption: wording.figures.trends) {
                SVGBarChart.stacked(rows, series: trends.themes, axis: axis, description: $1, standalone: $0)
            }
        }
    }
}
