/// The survey as Markdown: a summary first, one section per table with its figure, numbers in the
/// survey's form, and the evidence at the end, every sentence linked to its source document.
public enum SurveyMarkdown {
    public static func render(_ survey: Survey, settings: ReportSettings) -> String {
        let report = Report(content: ReportContent(survey: survey, settings: settings))
        return ReportSection.allCases.map(report.section).joined()
    }

    /// A count and its share of the row: "5 (42%)".
    static func cell(_ proportion: Proportion) -> String { "\(proportion.n) (\(proportion.percentText))" }

    /// The anchor a Markdown viewer (GitHub's) gives a heading: lower case, spaces as hyphens,
    /// punctuation dropped.
    static func slug(_ heading: String) -> String {
        String(heading.lowercased().unicodeScalars.compactMap { scalar -> Character? in
            if scalar == " " { return "-" }
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : nil
        })
    }

    /// Text that reads as itself in Markdown: emphasis, link and HTML characters escaped.
    static func escape(_ text: String) -> String {
        // Byte by byte, as ``HTMLText/escape(_:)``: the characters escaped (\\ * _ [ ] < > `) are all ASCII.
        func isSpecial(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x5C, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x60: true
            default: false
            }
        }
        guard text.utf8.contains(where: isSpecial) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if isSpecial(byte) { bytes.append(0x5C) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension SurveyMarkdown {
    /// The report being written.
    struct Report: ReportRendering, ReportSectionWriting {
        let content: ReportContent

        func indicatorsByEra() -> String { SurveyEraIndicatorSection.markdown(survey, wording: wording) }
        func eras() -> String { SurveyEraSection.markdown(survey, wording: wording, figure: figure(.eras)) }
        func inspections() -> String { SurveyInspectionSection.markdown(survey, settings: settings) }

        func summary() -> String {
            let summary = ReportSummary(survey, wording: wording)
            let words = wording.summary
            var output = "# \(settings.title)\n\n## \(words.heading)\n\n\(summary.read)\n\n"
            output += summary.tiles.map { "**\($0.value)** \($0.label)" }.joined(separator: " · ") + "\n"
            if !summary.headlines.isEmpty {
                output += "\n**\(words.headlines)**\n\n" + summary.headlines.map { headline in
                    // "Case file audit: **100% (n=9) of 9 · 32 of 41 silent**", the question first.
                    "- " + (headline.figure.map { headline.text + ": **\($0)**" } ?? headline.text) + "\n"
                }.joined()
            }
            output += "\n**\(words.contents)**\n\n" + summary.contents.enumerated().map { index, entry in
                "\(index + 1). [\(entry.heading)](#\(SurveyMarkdown.slug(entry.heading)))\n"
            }.joined()
            return output + "\n\(words.howMarkdown ?? words.how)\n"
        }

        func indicators() -> String {
            var output = ""
            for group in survey.groups {
                let rows = survey.indicators.rows.filter { $0.group == group.id }
                guard !rows.isEmpty else { continue }
                output += "\n## \(group.label)\n\n" + figure(.group(group.id))
                output += MarkdownTable.render(
                    header: [columns.indicator, columns.n, columns.of, columns.percent, columns.silent, columns.surveyForm],
                    rows: rows.map { row in
                        [row.label, String(row.proportion.n), String(row.proportion.of), row.kind == .count ? "–" : row.proportion.percentText,
                         String(row.silent), IndicatorFigureText.figure(row, table: survey.indicators, wording: wording)]
                    }, alignRight: [1, 2, 3, 4])
                for distribution in survey.indicators.distributions where distribution.stated > 0 && rows.contains(where: { $0.id == distribution.id }) {
                    output += "\n\(wording.labels.distributionIntro.filled(["label": distribution.label]))\n\n"
                    output += figure(.distribution(distribution.id))
                    output += MarkdownTable.render(
                        header: [columns.number, columns.partnerships, columns.percent, columns.which],
                        rows: distribution.buckets.map { bucket in
                            [bucket.label, String(bucket.proportion.n), bucket.proportion.percentText,
                             bucket.partnerships.joined(separator: ", ")]
                        }, alignRight: [1, 2])
                }
            }
            return output
        }

        func themes() -> String {
            let matrix = survey.themes
            let words = wording.sections.themes
            var output = "\n## \(words.heading)\n\n" + intro(words, ["kinds": ReportWording.readablePlural(kinds: survey.themeKinds)]) + figure(.themes)
            let rows = (matrix.rows + [matrix.total]).map { row in [row.partnership] + row.cells.map(cell) + [String(row.total)] }
            output += MarkdownTable.render(header: [columns.partnership] + matrix.themes + [columns.total], rows: rows,
                                           alignRight: Set(1...(matrix.themes.count + 1)))
            return output
        }

        func kinds() -> String {
            let table = survey.kinds
            var output = "\n## \(wording.sections.kinds.heading)\n\n" + intro(wording.sections.kinds)
            let rows = (table.rows + [table.total]).map { row in
                [KindTable.shown(row), String(row.documents)] + row.cells.map(cell) + [String(row.total)]
            }
            output += MarkdownTable.render(header: [columns.documentType, columns.documents] + table.kinds.map { ReportWording.readable(kinds: [$0]) }
                                           + [columns.total], rows: rows,
                                           alignRight: Set(1...(table.kinds.count + 2)))
            output += "\n## \(wording.sections.forms.heading)\n\n" + intro(wording.sections.forms.saying(read: survey.narrativeRead))
            let formRows = (table.rows + [table.total]).map { row in
                [KindTable.shown(row), String(row.documents)] + row.forms.map(cell) + [String(row.total)]
            }
            output += MarkdownTable.render(header: [columns.documentType, columns.documents] + table.forms + [columns.total],
                                           rows: formRows, alignRight: Set(1...(table.forms.count + 2)))
            return output
        }

        func subthemes() -> String {
            let words = wording.sections.subthemes
            let output = "\n## \(words.heading)\n\n" + intro(words)
            guard !survey.subthemes.shown.isEmpty else { return output + wording.labels.noneClassified + "\n" }
            return output + figure(.subthemes) + MarkdownTable.render(
                header: [columns.subtheme, columns.items, columns.shareOfClassified, columns.partnerships],
                rows: survey.subthemes.shown.map { row in
                    [ReportWording.readable(path: row.subtheme), String(row.items.n), row.items.percentText, "\(row.partnerships.n) / \(row.partnerships.of)"]
                }, alignRight: [1, 2, 3])
        }

        func gaps() -> String {
            let words = wording.sections.gaps
            let output = "\n## \(words.heading)\n\n" + intro(words)
            guard !survey.gaps.rows.isEmpty else { return output + wording.labels.noneClassified + "\n" }
            return output + MarkdownTable.render(
                header: [columns.theme, columns.without, columns.which],
                rows: survey.gaps.rows.map { row in
                    [row.theme, row.proportion.surveyForm, row.partnerships.isEmpty ? wording.labels.none : row.partnerships.joined(separator: ", ")]
                }, alignRight: [1])
        }

        func trends() -> String {
            guard let trends = survey.trends else { return "" }
            let words = wording.sections.trends
            return "\n## \(words.heading)\n\n" + intro(words) + figure(.trends) + MarkdownTable.render(
                header: [columns.year, columns.documents, columns.partnerships] + trends.themes + [columns.total],
                rows: trends.rows.map { row in
                    [String(row.year), String(row.documents), String(row.partnerships)] + row.cells.map(cell) + [String(row.total)]
                }, alignRight: Set(1...(trends.themes.count + 3)))
        }

        func documents() -> String {
            let words = wording.sections.documents
            let era = DocumentRows.eraColumn(survey, wording: wording)
            return "\n## \(words.heading)\n\n" + intro(words) + MarkdownTable.render(
                header: [columns.document, columns.partnership, columns.type, columns.date] + (era.map { [$0.head] } ?? []) + [columns.title],
                rows: DocumentRows.rows(survey.documents, wording: wording).map { row in
                    let document = row.document
                    return [link(document.file, page: nil), row.partnerships, survey.kinds.shown(document.documentType), document.date ?? ""]
                        + (era.map { [$0.era(document)] } ?? []) + [document.title ?? ""]
                })
        }

        func notes() -> String {
            let notes = wording.notes(of: survey)
            guard !notes.isEmpty else { return "" }
            return "\n## \(wording.sections.notes.heading)\n\n" + intro(wording.sections.notes) + notes.map { "- \($0)\n" }.joined()
        }

        // MARK: evidence

        func evidence() -> String {
            let labels = wording.labels
            var output = "\n## \(wording.sections.evidence.heading)\n\n" + intro(wording.sections.evidence)
            output += "### \(labels.indicatorEvidence)\n"
            for row in survey.indicators.rows where !row.evidence.isEmpty {
                output += "\n**\(SurveyMarkdown.escape(row.label))** `\(row.id)` — \(row.proportion.surveyForm)\n\n"
                output += row.evidence.map { item in
                    "- \(SurveyMarkdown.escape(item.partnership)), \(item.note): “\(SurveyMarkdown.escape(QuotedSentence.bare(item.text)))” "
                        + "(\(place(item.document, item.section, item.page, quoting: item.text)))\n"
                }.joined()
                output += "- \(labels.silent) (\(row.silentPartnerships.count)): "
                    + (row.silentPartnerships.isEmpty ? labels.none : row.silentPartnerships.joined(separator: ", ")) + "\n"
            }
            output += "\n### \(labels.itemEvidence)\n"
            // Where the items span eras, each says its era, so that a cell of the table of themes by
            // era can be traced here (session 45's re-audit: only the HTML could).
            let showsEra = survey.eras != nil
            for partnership in survey.partnerships {
                let items = survey.items.filter { $0.partnership == partnership }
                guard !items.isEmpty else { continue }
                output += "\n#### \(partnership) (\(labels.itemsTotal(items.count)))\n\n"
                output += items.map { item in
                    let era = showsEra ? " · " + wording.eraName(item.era) : ""
                    return "- \(item.kind.rawValue)\(item.theme == nil ? "" : " · " + item.themePath)\(era): “\(SurveyMarkdown.escape(QuotedSentence.bare(item.text)))” "
                        + "(\(place(item.document, item.section, item.page, quoting: item.text)))\n"
                }.joined()
            }
            return output
        }

        // MARK: shared pieces

        func cell(_ proportion: Proportion) -> String { SurveyMarkdown.cell(proportion) }

        func intro(_ section: ReportWording.Section, _ values: [String: String] = [:]) -> String {
            section.intro.map { $0.filled(values) + "\n\n" } ?? ""
        }

        /// The figure as an image of its SVG file, when figures are written beside the report.
        func figure(_ place: ReportFigure.Place) -> String {
            guard let figure = figures.first(where: { $0.place == place }), let link = settings.figureLink(figure) else { return "" }
            return "![\(SurveyMarkdown.escape(figure.caption))](\(link))\n\n"
        }

        /// The document's name (and page) as a link to its file, or as text when its file is not known.
        func link(_ document: String, page: Int?, quoting sentence: String? = nil) -> String {
            // A file's name as standard error shows it: a newline or an escape sequence in it would
            // break the list item, or act on a terminal (session 43's audit).
            var name = SurveyMarkdown.escape(TerminalText.escaped(document))
            if let page { name += " · " + wording.labels.page.filled(["page": String(page)]) }
            guard let href = settings.sources.href(document, page: page, quoting: sentence) else { return name }
            return "[\(name)](\(href))"
        }

        func place(_ document: String, _ section: String?, _ page: Int?, quoting sentence: String) -> String {
            var output = link(document, page: page, quoting: sentence)
            if let section, !section.isEmpty { output += " · " + SurveyMarkdown.escape(section) }
            return output
        }
    }
}
