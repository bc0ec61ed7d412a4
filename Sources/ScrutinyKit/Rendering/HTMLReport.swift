import Foundation

/// The survey as one self-contained HTML file: inline CSS, figures as inline SVG bar charts, no
/// external requests. Every number links to an anchor that lists the evidence behind it: the
/// partnership, the document and the sentence or item.
public enum HTMLReport {
    public static func render(_ survey: Survey, title: String = "Survey of scrutiny arrangements") -> String {
        var page = Page(survey: survey)
        var body = "<header><h1>\(esc(title))</h1><p class=\"lede\">\(esc(SurveyMarkdown.summaryLine(survey)))</p>"
            + "<p class=\"how\">Every number links to the evidence behind it: the partnership, the document and the sentence "
            + "or item. Figures follow the national survey's form, n partnerships of the N whose documents address the "
            + "question.</p></header>"
        body += page.contents()
        body += page.indicatorSections()
        body += page.themeSection()
        body += page.kindSection()
        body += page.subthemeSection()
        body += page.gapSection()
        body += page.trendSection()
        body += page.documentSection()
        body += page.notesSection()
        body += page.evidenceSection()
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(esc(title))</title>"
            + "<style>\(style)</style></head><body><main>\(body)</main></body></html>\n"
    }

    static func esc(_ text: String) -> String { HTMLText.escape(text) }

    /// An anchor name from any text: lower case, runs of other characters as one hyphen.
    static func anchor(_ parts: String...) -> String {
        parts.map { part in
            part.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "." ? String($0) : "-" }.joined()
        }.joined(separator: "--")
    }

    static let style = """
        :root{--ink:#1d2327;--muted:#5b6770;--rule:#d9dee3;--link:#14568f;--band:#f4f6f8}
        body{margin:0;background:#fff;color:var(--ink);font:16px/1.5 "Helvetica Neue",Arial,"Liberation Sans",sans-serif}
        main{max-width:1080px;margin:0 auto;padding:32px 28px 64px}
        h1{font-size:30px;line-height:1.2;margin:0 0 8px}h2{font-size:23px;margin:44px 0 10px;padding-top:8px;border-top:2px solid var(--ink)}
        h3{font-size:18px;margin:26px 0 8px}h4{font-size:15px;margin:14px 0 4px;color:var(--muted)}
        p{margin:6px 0 10px}.lede{font-size:19px}.how,.note{color:var(--muted)}
        a{color:var(--link);text-decoration:none;border-bottom:1px dotted var(--link)}a:hover{border-bottom-style:solid}
        nav ol{columns:2;margin:8px 0 0;padding-left:22px}
        table{border-collapse:collapse;width:100%;margin:10px 0 18px;font-size:15px}
        th,td{padding:6px 10px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
        th{background:var(--band);font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.total td{font-weight:600;border-top:2px solid var(--ink)}td.nowrap{white-space:nowrap}code{font-size:13px;color:var(--muted)}
        figure{margin:18px 0 24px;padding:14px 16px 8px;border:1px solid var(--rule);border-radius:4px}
        figcaption{font-weight:600;margin-bottom:8px}svg.chart{width:100%;height:auto;display:block}
        svg text{font-family:"Helvetica Neue",Arial,"Liberation Sans",sans-serif;fill:var(--ink)}
        svg .label{font-size:15px}svg .value{font-size:15px;font-weight:600}svg .note{font-size:14px;fill:var(--muted);font-weight:400}
        svg .axis{font-size:12px;fill:var(--muted)}svg .grid{stroke:#d5dadf;stroke-width:1}
        svg .inbar{font-size:13px;fill:#fff;font-weight:600}svg .legend{font-size:14px}
        svg a .value{fill:var(--link)}
        .evidence{border-left:3px solid var(--rule);padding:2px 0 2px 14px;margin:16px 0;font-size:14.5px}
        .evidence:target{border-left-color:var(--link);background:#f5f9fd}
        .evidence ul{margin:4px 0 8px;padding-left:20px}.evidence li{margin:4px 0}
        .evidence .where{color:var(--muted)}.tag{font-size:12px;font-weight:600;padding:1px 6px;border-radius:3px;background:var(--band)}
        .tag.yes{background:#dcebf7;color:#0f4c7a}.tag.no{background:#f7e2d2;color:#8a3d06}
        @media print{figure{break-inside:avoid}h2{break-after:avoid}}
        """
}

extension SurveyMarkdown {
    /// "8 partnerships, 19 documents, dated 2020 to 2024."
    static func summaryLine(_ survey: Survey) -> String {
        "\(survey.partnerships.count) partnerships, \(survey.documents.count) documents"
            + (yearSpan(survey).map { ", \($0)" } ?? "") + "."
    }
}

private extension HTMLReport {
    /// The report being written, and the figure numbers given so far.
    struct Page {
        let survey: Survey
        var figure = 0

        init(survey: Survey) { self.survey = survey }

        var themedItems: [SurveyItem] { survey.items.filter(\.themed) }

        mutating func nextFigure() -> Int {
            figure += 1
            return figure
        }

        func contents() -> String {
            var entries = survey.groups.map { ($0.id, $0.label) }
            entries += [("themes", "Themes by partnership"), ("kinds", "Kinds of item by document type"),
                        ("subthemes", "Most frequent sub-themes"), ("gaps", "Partnerships with no item in a theme")]
            if survey.trends != nil { entries.append(("trends", "Trends by year")) }
            entries += [("documents", "Documents"), ("notes", "Notes"), ("evidence", "Evidence")]
            return "<nav><strong>Contents</strong><ol>" + entries.map { "<li><a href=\"#\(anchor($0.0))\">\(esc($0.1))</a></li>" }.joined()
                + "</ol></nav>"
        }

        // MARK: indicators

        mutating func indicatorSections() -> String {
            var output = ""
            for group in survey.groups {
                let rows = survey.indicators.rows.filter { $0.group == group.id }
                guard !rows.isEmpty else { continue }
                output += "<section id=\"\(anchor(group.id))\"><h2>\(esc(group.label))</h2>"
                let flags = rows.filter { $0.kind == .flag }
                if !flags.isEmpty {
                    let bars = flags.map { row in
                        SVGBarChart.Bar(label: row.label, fraction: row.proportion.fraction,
                                        value: row.proportion.of == 0 ? "not addressed" : row.proportion.surveyForm,
                                        note: row.silent > 0 ? "· \(row.silent) silent" : nil, link: "#" + anchor("ind", row.id))
                    }
                    let number = nextFigure()
                    output += "<figure><figcaption>Figure \(number) – \(esc(group.label)): partnerships whose documents say yes, "
                        + "of those whose documents address it</figcaption>"
                        + SVGBarChart.bars(bars, description: "Figure \(number): \(group.label)") + "</figure>"
                }
                output += indicatorTable(rows)
                for distribution in survey.indicators.distributions where rows.contains(where: { $0.id == distribution.id }) {
                    output += distributionFigure(distribution)
                }
                output += "</section>"
            }
            return output
        }

        func indicatorTable(_ rows: [IndicatorTable.Row]) -> String {
            var output = "<table><thead><tr><th>Indicator</th><th class=\"num\">n</th><th class=\"num\">N</th>"
                + "<th class=\"num\">%</th><th class=\"num\">Silent</th><th>In the survey's form</th></tr></thead><tbody>"
            for row in rows {
                let id = anchor("ind", row.id)
                output += "<tr><td>\(esc(row.label)) <code>\(esc(row.id))</code></td>"
                    + "<td class=\"num\"><a href=\"#\(id)-yes\">\(row.proportion.n)</a></td>"
                    + "<td class=\"num\"><a href=\"#\(id)\">\(row.proportion.of)</a></td>"
                    + "<td class=\"num\"><a href=\"#\(id)\">\(row.proportion.percentText)</a></td>"
                    + "<td class=\"num\"><a href=\"#\(id)-silent\">\(row.silent)</a></td>"
                    + "<td><a href=\"#\(id)\">\(esc(row.proportion.surveyForm))</a></td></tr>"
            }
            return output + "</tbody></table>"
        }

        mutating func distributionFigure(_ distribution: IndicatorTable.Distribution) -> String {
            let bars = distribution.buckets.map { bucket in
                SVGBarChart.Bar(label: bucket.label, fraction: bucket.proportion.fraction,
                                value: bucket.proportion.surveyForm, link: "#" + anchor("count", distribution.id, bucket.label))
            }
            let number = nextFigure()
            return "<figure><figcaption>Figure \(number) – \(esc(distribution.label)), of the partnerships that state it"
                + "</figcaption>" + SVGBarChart.bars(bars, description: "Figure \(number): \(distribution.label)") + "</figure>"
        }

        // MARK: themes

        mutating func themeSection() -> String {
            let matrix = survey.themes
            var output = "<section id=\"themes\"><h2>Themes by partnership</h2><p>Items (\(esc(survey.themeKinds.joined(separator: ", ")))) "
                + "under each theme, with the share of the partnership's items.</p>"
            guard !matrix.themes.isEmpty else { return output + "<p>No items were found.</p></section>" }
            let rows = (matrix.rows + [matrix.total]).map { row in
                SVGBarChart.StackedRow(
                    label: row.partnership, fractions: row.cells.map(\.fraction),
                    texts: row.cells.map(\.percentText),
                    links: matrix.themes.map { "#" + anchor("theme", key(row.partnership), $0) },
                    total: "\(row.total) items", totalLink: "#" + anchor("theme", key(row.partnership), "all"))
            }
            let number = nextFigure()
            output += "<figure><figcaption>Figure \(number) – Share of each partnership's items by theme</figcaption>"
                + SVGBarChart.stacked(rows, series: matrix.themes, description: "Figure \(number): items by theme and partnership")
                + "</figure>"
            output += "<table><thead><tr><th>Partnership</th>" + matrix.themes.map { "<th class=\"num\">\(esc($0))</th>" }.joined()
                + "<th class=\"num\">Total</th></tr></thead><tbody>"
            for row in matrix.rows + [matrix.total] {
                let name = key(row.partnership)
                output += "<tr\(row.partnership == ThemeMatrix.allPartnerships ? " class=\"total\"" : "")><td>\(esc(row.partnership))</td>"
                output += zip(matrix.themes, row.cells).map { theme, cell in
                    "<td class=\"num\"><a href=\"#\(anchor("theme", name, theme))\">\(cell.n)</a> (\(cell.percentText))</td>"
                }.joined()
                output += "<td class=\"num\"><a href=\"#\(anchor("theme", name, "all"))\">\(row.total)</a></td></tr>"
            }
            return output + "</tbody></table></section>"
        }

        func key(_ partnership: String) -> String { partnership == ThemeMatrix.allPartnerships ? "all-partnerships" : partnership }

        func kindSection() -> String {
            let table = survey.kinds
            var output = "<section id=\"kinds\"><h2>Kinds of item by document type</h2><table><thead><tr><th>Document type</th>"
                + "<th class=\"num\">Documents</th>" + table.kinds.map { "<th class=\"num\">\(esc($0))</th>" }.joined()
                + "<th class=\"num\">Total</th>" + table.forms.map { "<th class=\"num\">\(esc($0))</th>" }.joined()
                + "</tr></thead><tbody>"
            for row in table.rows + [table.total] {
                output += "<tr\(row.documentType == KindTable.allDocuments ? " class=\"total\"" : "")><td>\(esc(row.documentType))</td>"
                    + "<td class=\"num\"><a href=\"#documents\">\(row.documents)</a></td>"
                output += zip(table.kinds, row.cells).map { kind, cell in
                    "<td class=\"num\"><a href=\"#\(anchor("kind", row.documentType, kind))\">\(cell.n)</a> (\(cell.percentText))</td>"
                }.joined()
                output += "<td class=\"num\"><a href=\"#\(anchor("kind", row.documentType, "all"))\">\(row.total)</a></td>"
                output += row.forms.map { "<td class=\"num\">\($0.n) (\($0.percentText))</td>" }.joined() + "</tr>"
            }
            return output + "</tbody></table></section>"
        }

        mutating func subthemeSection() -> String {
            var output = "<section id=\"subthemes\"><h2>Most frequent sub-themes</h2>"
            guard let most = survey.subthemes.rows.first?.items.n, most > 0 else { return output + "<p>No item is classified.</p></section>" }
            let themes = survey.themes.themes
            let bars = survey.subthemes.rows.map { row in
                let theme = String(row.subtheme.prefix { $0 != "." })
                return SVGBarChart.Bar(label: row.subtheme, fraction: Double(row.items.n) / Double(most),
                                       value: "\(row.items.n) items (\(row.items.percentText))",
                                       note: "· \(row.partnerships.n) of \(row.partnerships.of) partnerships",
                                       link: "#" + anchor("sub", row.subtheme),
                                       colour: themes.firstIndex(of: theme).map { SVGBarChart.colour($0, series: themes) })
            }
            let number = nextFigure()
            output += "<figure><figcaption>Figure \(number) – The sub-themes items fall under most often, coloured by theme as in "
                + "the figure above</figcaption>"
                + SVGBarChart.bars(bars, description: "Figure \(number): most frequent sub-themes", axis: ["0", "", "", "", "\(most)"])
                + "</figure>"
            output += "<table><thead><tr><th>Sub-theme</th><th class=\"num\">Items</th><th class=\"num\">% of classified items</th>"
                + "<th class=\"num\">Partnerships</th></tr></thead><tbody>"
            for row in survey.subthemes.rows {
                let link = "#" + anchor("sub", row.subtheme)
                output += "<tr><td>\(esc(row.subtheme))</td><td class=\"num\"><a href=\"\(link)\">\(row.items.n)</a></td>"
                    + "<td class=\"num\"><a href=\"\(link)\">\(row.items.percentText)</a></td>"
                    + "<td class=\"num\"><a href=\"\(link)\">\(row.partnerships.n)</a> of \(row.partnerships.of)</td></tr>"
            }
            return output + "</tbody></table></section>"
        }

        func gapSection() -> String {
            var output = "<section id=\"gaps\"><h2>Partnerships with no item in a theme</h2>"
            guard !survey.gaps.rows.isEmpty else { return output + "<p>No item is classified.</p></section>" }
            output += "<table><thead><tr><th>Theme</th><th>Partnerships without an item</th><th>Which</th></tr></thead><tbody>"
            for row in survey.gaps.rows {
                output += "<tr><td>\(esc(row.theme))</td><td><a href=\"#\(anchor("gap", row.theme))\">\(esc(row.proportion.surveyForm))</a></td>"
                    + "<td>\(esc(row.partnerships.isEmpty ? "none" : row.partnerships.joined(separator: ", ")))</td></tr>"
            }
            return output + "</tbody></table></section>"
        }

        mutating func trendSection() -> String {
            guard let trends = survey.trends else { return "" }
            var output = "<section id=\"trends\"><h2>Trends by year</h2><p>Items under each theme by the year of their document.</p>"
            let rows = trends.rows.map { row in
                SVGBarChart.StackedRow(label: String(row.year), fractions: row.cells.map(\.fraction),
                                       texts: row.cells.map(\.percentText),
                                       links: trends.themes.map { "#" + anchor("trend", String(row.year), $0) },
                                       total: "\(row.total) items · \(row.documents) documents",
                                       totalLink: "#" + anchor("trend", String(row.year), "all"))
            }
            let number = nextFigure()
            output += "<figure><figcaption>Figure \(number) – Share of each year's items by theme</figcaption>"
                + SVGBarChart.stacked(rows, series: trends.themes, description: "Figure \(number): items by theme and year") + "</figure>"
            output += "<table><thead><tr><th>Year</th><th class=\"num\">Documents</th><th class=\"num\">Partnerships</th>"
                + trends.themes.map { "<th class=\"num\">\(esc($0))</th>" }.joined() + "<th class=\"num\">Total</th></tr></thead><tbody>"
            for row in trends.rows {
                output += "<tr><td>\(row.year)</td><td class=\"num\"><a href=\"#documents\">\(row.documents)</a></td>"
                    + "<td class=\"num\"><a href=\"#documents\">\(row.partnerships)</a></td>"
                output += zip(trends.themes, row.cells).map { theme, cell in
                    "<td class=\"num\"><a href=\"#\(anchor("trend", String(row.year), theme))\">\(cell.n)</a> (\(cell.percentText))</td>"
                }.joined()
                output += "<td class=\"num\"><a href=\"#\(anchor("trend", String(row.year), "all"))\">\(row.total)</a></td></tr>"
            }
            return output + "</tbody></table></section>"
        }

        func documentSection() -> String {
            var output = "<section id=\"documents\"><h2>Documents</h2><table><thead><tr><th>Document</th><th>Partnership</th>"
                + "<th>Type</th><th>Date</th><th>Title</th></tr></thead><tbody>"
            for document in survey.documents {
                output += "<tr id=\"\(anchor("doc", document.file))\"><td>\(esc(document.file))</td><td>\(esc(document.partnership ?? ""))</td>"
                    + "<td class=\"nowrap\">\(esc(document.documentType?.rawValue ?? ""))</td>"
                    + "<td class=\"nowrap\">\(esc(document.date ?? ""))</td>"
                    + "<td>\(esc(document.title ?? ""))</td></tr>"
            }
            return output + "</tbody></table></section>"
        }

        func notesSection() -> String {
            "<section id=\"notes\"><h2>Notes</h2><ul>" + survey.notes.map { "<li>\(esc($0))</li>" }.joined() + "</ul></section>"
        }

        // MARK: evidence

        func evidenceSection() -> String {
            var output = "<section id=\"evidence\"><h2>Evidence</h2><p class=\"note\">What each number counts, "
                + "partnership by partnership and item by item.</p>"
            output += indicatorEvidence()
            output += itemEvidence()
            return output + "</section>"
        }

        func indicatorEvidence() -> String {
            var output = ""
            for row in survey.indicators.rows {
                let id = anchor("ind", row.id)
                let yes = row.evidence.filter { $0.note != "no" }
                let no = row.evidence.filter { $0.note == "no" }
                output += "<div class=\"evidence\" id=\"\(id)\"><h3>\(esc(row.label)) <code>\(esc(row.id))</code> — "
                    + "\(esc(row.proportion.surveyForm))</h3>"
                output += "<h4 id=\"\(id)-yes\">\(row.kind == .count ? "Stated" : "Yes") (\(yes.count))</h4>" + sentences(yes)
                if row.kind == .flag { output += "<h4 id=\"\(id)-no\">No (\(no.count))</h4>" + sentences(no) }
                output += "<h4 id=\"\(id)-silent\">Silent (\(row.silentPartnerships.count))</h4><p>"
                    + esc(row.silentPartnerships.isEmpty ? "none" : row.silentPartnerships.joined(separator: ", ")) + "</p></div>"
            }
            for distribution in survey.indicators.distributions {
                let row = survey.indicators.row(distribution.id)
                for bucket in distribution.buckets {
                    let evidence = (row?.evidence ?? []).filter { bucket.partnerships.contains($0.partnership) }
                    output += "<div class=\"evidence\" id=\"\(anchor("count", distribution.id, bucket.label))\"><h3>"
                        + "\(esc(distribution.label)): \(esc(bucket.label)) — \(esc(bucket.proportion.surveyForm))</h3>"
                        + sentences(evidence) + "</div>"
                }
            }
            return output
        }

        func sentences(_ evidence: [SurveyEvidence]) -> String {
            guard !evidence.isEmpty else { return "<p>none</p>" }
            return "<ul>" + evidence.map { item in
                let tag = ["yes", "no"].contains(item.note) ? item.note : "yes"
                return "<li><strong>\(esc(item.partnership))</strong> <span class=\"tag \(tag)\">\(esc(item.note))</span> "
                    + "<span class=\"where\">\(esc(location(item.document, item.section, item.page)))</span><br>“\(esc(item.text))”</li>"
            }.joined() + "</ul>"
        }

        func itemEvidence() -> String {
            var output = ""
            let themed = themedItems
            let matrix = survey.themes
            for row in matrix.rows + [matrix.total] {
                let name = key(row.partnership)
                let own = row.partnership == ThemeMatrix.allPartnerships ? themed : themed.filter { $0.partnership == row.partnership }
                for theme in matrix.themes {
                    output += items(anchor("theme", name, theme), "\(row.partnership): \(theme)", own.filter { $0.theme == theme })
                }
                output += items(anchor("theme", name, "all"), "\(row.partnership): all items counted by theme", own)
            }
            let typeOf = Dictionary(survey.documents.map { ($0.file, $0.documentType?.rawValue ?? KindTable.unknownType) },
                                    uniquingKeysWith: { first, _ in first })
            for row in survey.kinds.rows + [survey.kinds.total] {
                let own = row.documentType == KindTable.allDocuments ? survey.items
                    : survey.items.filter { typeOf[$0.document] == row.documentType }
                for kind in survey.kinds.kinds {
                    output += items(anchor("kind", row.documentType, kind), "\(row.documentType): \(kind)",
                                    own.filter { $0.kind.rawValue == kind })
                }
                output += items(anchor("kind", row.documentType, "all"), "\(row.documentType): every item", own)
            }
            for row in survey.subthemes.rows {
                output += items(anchor("sub", row.subtheme), row.subtheme, themed.filter { $0.isClassified && $0.themePath == row.subtheme })
            }
            for row in survey.gaps.rows {
                output += "<div class=\"evidence\" id=\"\(anchor("gap", row.theme))\"><h3>No item under \(esc(row.theme))</h3><p>"
                    + esc(row.partnerships.isEmpty ? "none" : row.partnerships.joined(separator: ", ")) + "</p></div>"
            }
            if let trends = survey.trends {
                let yearOf = Dictionary(survey.documents.compactMap { document in document.year.map { (document.file, $0) } },
                                        uniquingKeysWith: { first, _ in first })
                for row in trends.rows {
                    let year = themed.filter { yearOf[$0.document] == row.year }
                    for theme in trends.themes {
                        output += items(anchor("trend", String(row.year), theme), "\(row.year): \(theme)", year.filter { $0.theme == theme })
                    }
                    output += items(anchor("trend", String(row.year), "all"), "\(row.year): all items counted by theme", year)
                }
            }
            return output
        }

        func items(_ id: String, _ title: String, _ items: [SurveyItem]) -> String {
            var output = "<div class=\"evidence\" id=\"\(id)\"><h3>\(esc(title)) (\(items.count))</h3>"
            guard !items.isEmpty else { return output + "<p>none</p></div>" }
            output += "<ul>"
            for item in items {
                let place = esc(location(item.document, item.section, item.page))
                output += "<li><strong>\(esc(item.partnership))</strong> <span class=\"tag\">\(esc(item.kind.rawValue))</span> "
                output += "<span class=\"tag\">\(esc(item.themePath))</span> <span class=\"where\">\(place)</span>"
                output += "<br>“\(esc(item.text))”</li>"
            }
            return output + "</ul></div>"
        }

        func location(_ document: String, _ section: String?, _ page: Int?) -> String {
            var parts = [document]
            if let page { parts.append("p. \(page)") }
            if let section, !section.isEmpty { parts.append(section) }
            return parts.joined(separator: " · ")
        }
    }
}

private extension SurveyItem {
    var isClassified: Bool { theme != ClassifiedItem.unclassified }
}
