/// The survey's tables as CSV, one file per table, in long form (one row per cell) so that R,
/// pandas or a spreadsheet can pivot them at will. Percentages are whole numbers, empty where
/// the base is 0.
public enum SurveyCSV {
    /// Every table, by file name.
    public static func files(_ survey: Survey) -> [(name: String, contents: String)] {
        var files = [
            ("indicators.csv", indicators(survey)),
            ("counts.csv", counts(survey)),
            ("themes.csv", themes(survey)),
            ("kinds.csv", kinds(survey)),
            ("forms.csv", forms(survey)),
            ("subthemes.csv", subthemes(survey)),
            ("theme-gaps.csv", gaps(survey)),
        ]
        // Written on every run, a header alone where the run has no such table (one year, one era,
        // no inspection), so that a script reading a fixed list of files finds them all (a
        // researcher's audit: trends.csv was missing from some runs).
        files += [
            ("trends.csv", trends(survey)),
            ("themes-by-era.csv", themesByEra(survey)),
            ("indicators-by-era.csv", indicatorsByEra(survey.indicatorsByEra)),
            ("inspections.csv", inspections(survey.inspections)),
            ("documents.csv", documents(survey)),
        ]
        return files
    }

    /// One row per judgement of each area (`survey.json`'s `inspections.areas`): partnership, the
    /// kind and fieldwork date of the inspection that gave the judgement (the latest that gives
    /// it), the judgement, the grade and the document, ids as `lexicons/inspections.yml` names
    /// them, and the page of the document that states the grade. An area whose inspections give
    /// no judgement (a focused visit) has one row, of its latest inspection, with judgement, grade
    /// and page empty.
    public static func inspections(_ table: InspectionTable?) -> String {
        let areas = (table?.areas ?? []).sorted { naturalOrder($0.partnership, $1.partnership) }
        return CSVWriter.render(header: ["partnership", "inspection", "date", "judgement", "grade", "document", "page"],
                                rows: areas.flatMap { area -> [[String]] in
                                    guard !area.judgements.isEmpty else { return [[area.partnership, area.kind, area.date ?? "", "", "", area.document ?? "", ""]] }
                                    return area.judgements.keys.sorted().map { judgement in
                                        let source = area.sources[judgement]
                                        return [area.partnership, source?.kind ?? area.kind, source?.date ?? area.date ?? "", judgement,
                                                area.judgements[judgement]!, source?.document ?? "", source?.page.map(String.init) ?? ""]
                                    }
                                })
    }

    /// The indicators split by era: one row per era and indicator, with the era's partnerships,
    /// n, N, percent (empty for a count, as in the report) and the era's silent partnerships; then
    /// the indicator's label, which partnerships N and silent are of (`base`, as in
    /// indicators.csv), how many of the N are known only from another document's quotations, and
    /// how many of the era's partnerships are. The last four were added after the first seven, so
    /// a script reading the columns by place reads what it read before.
    public static func indicatorsByEra(_ table: EraIndicatorTable?) -> String {
        let header = ["era", "partnerships", "indicator", "n", "N", "percent", "silent", "label", "base", "quoted", "partnerships_quoted"]
        guard let table else { return CSVWriter.render(header: header, rows: []) }
        return CSVWriter.render(header: header,
                         rows: table.eras.indices.flatMap { index in
                             table.rows.map { row in
                                 let cell = row.cells[index]
                                 return [table.eras[index], String(table.partnerships[index]), row.id, String(cell.proportion.n),
                                         String(cell.proportion.of), row.kind == .count ? "" : percent(cell.proportion), String(cell.silent),
                                         row.label, row.base, String(cell.quoted), String(table.quotedPartnerships[index])]
                             }
                         })
    }

    /// One row per indicator: its id, n, N, percent, the number of silent partnerships, which
    /// partnerships N and silent are of (a count's base is not every row's), and how many of the
    /// N are known only from another document's quotations (`quoted`, added last: the headline's
    /// "36 of the 41 only as quoted"). A count (the number of scrutineers) has no percent, as in
    /// the report: its figures are a distribution.
    public static func indicators(_ survey: Survey) -> String {
        let quotedOnly = survey.quotedOnly.partnerships
        return CSVWriter.render(header: ["indicator", "group", "label", "n", "N", "percent", "silent", "base", "quoted"],
                         rows: survey.indicators.rows.map { row in
                             let counted = row.kind == .count ? row.yes + row.silentPartnerships : row.yes + row.no
                             return [row.id, row.group, row.label, String(row.proportion.n), String(row.proportion.of),
                                     row.kind == .count ? "" : percent(row.proportion), String(row.silent), row.base,
                                     String(counted.filter(quotedOnly.contains).count)]
                         })
    }

    public static func counts(_ survey: Survey) -> String {
        // `value` after the rest: `number` is the survey's words ("two", "four or more"), `value`
        // the number (4 for "four or more"), to sort and compute on (a researcher's audit, session 46).
        CSVWriter.render(header: ["indicator", "number", "n", "N", "percent", "partnerships", "value"],
                         rows: survey.indicators.distributions.flatMap { distribution in
                             distribution.buckets.map { bucket in
                                 [distribution.id, bucket.label, String(bucket.proportion.n), String(bucket.proportion.of),
                                  percent(bucket.proportion), bucket.partnerships.joined(separator: "; "), String(bucket.value)]
                             }
                         })
    }

    /// Every partnership's row for every theme; where the scheme's every theme is shown, an
    /// `unclassified` row too, 0 where none was (a researcher's audit, session 46: a script pivoting
    /// on the themes broke between runs with and without --narrative). The report's tables show
    /// `unclassified` only where an item is.
    public static func themes(_ survey: Survey) -> String {
        let matrix = survey.themes
        let unfound = matrix.themes.count <= ThemeMatrix.everyThemeShownUpTo && !matrix.themes.contains(ClassifiedItem.unclassified)
        return CSVWriter.render(header: ["partnership", "theme", "n", "N", "percent"],
                                rows: (matrix.rows + [matrix.total]).flatMap { row in
                                    zip(matrix.themes, row.cells).map { theme, cell in
                                        [row.partnership, theme, String(cell.n), String(cell.of), percent(cell)]
                                    } + (unfound ? [[row.partnership, ClassifiedItem.unclassified, "0", String(row.total),
                                                     percent(Proportion(0, of: row.total))]] : [])
                                })
    }

    public static func kinds(_ survey: Survey) -> String {
        byDocumentType(survey.kinds, column: "kind", names: survey.kinds.kinds, cells: \.cells)
    }

    public static func forms(_ survey: Survey) -> String {
        byDocumentType(survey.kinds, column: "form", names: survey.kinds.forms, cells: \.forms)
    }

    public static func subthemes(_ survey: Survey) -> String {
        CSVWriter.render(header: ["subtheme", "items", "classified_items", "percent", "partnerships", "of_partnerships"],
                         rows: survey.subthemes.rows.map { row in
                             [row.subtheme, String(row.items.n), String(row.items.of), percent(row.items),
                              String(row.partnerships.n), String(row.partnerships.of)]
                         })
    }

    public static func gaps(_ survey: Survey) -> String {
        CSVWriter.render(header: ["theme", "partnerships_without", "N", "percent", "partnerships"],
                         rows: survey.gaps.rows.map { row in
                             [row.theme, String(row.proportion.n), String(row.proportion.of), percent(row.proportion),
                              row.partnerships.joined(separator: "; ")]
                         })
    }

    public static func trends(_ survey: Survey) -> String {
        let header = ["year", "documents", "partnerships", "theme", "n", "N", "percent"]
        guard let trends = survey.trends else { return CSVWriter.render(header: header, rows: []) }
        return CSVWriter.render(header: header,
                                rows: trends.rows.flatMap { row in
                                    zip(trends.themes, row.cells).map { theme, cell in
                                        [String(row.year), String(row.documents), String(row.partnerships), theme,
                                         String(cell.n), String(cell.of), percent(cell)]
                                    }
                                })
    }

    /// The theme table split by era (present where the counted items span two eras or more): one row
    /// per era and theme, n of the era's N counted items, with the era's number of documents.
    /// One row per era and theme: the era's documents, n, N and percent; with `--scheme auto`
    /// then the scheme of the axis and the theme's n and percent with every item coded by that
    /// scheme itself (no mapping), empty otherwise. The last three were added after the first six.
    public static func themesByEra(_ survey: Survey) -> String {
        let header = ["era", "documents", "theme", "n", "N", "percent", "one_scheme", "one_scheme_n", "one_scheme_percent"]
        guard let table = survey.eras else { return CSVWriter.render(header: header, rows: []) }
        let oneScheme = Dictionary((table.oneSchemeRows ?? []).map { ($0.theme, $0.cells) }, uniquingKeysWith: { first, _ in first })
        let themes = table.rows.map(\.theme) + (table.oneSchemeRows ?? []).map(\.theme).filter { theme in !table.rows.contains { $0.theme == theme } }
        return CSVWriter.render(header: header,
                                rows: table.eras.indices.flatMap { index in
                                    themes.map { theme in
                                        let cell = table.rows.first { $0.theme == theme }?.cells[index] ?? Proportion(0, of: table.totals[index])
                                        let other = oneScheme[theme]?[index]
                                        return [table.eras[index], String(table.documents[index]), theme, String(cell.n), String(cell.of), percent(cell),
                                                table.oneScheme ?? "", other.map { String($0.n) } ?? (table.oneScheme == nil ? "" : "0"),
                                                other.map(percent) ?? (table.oneScheme == nil ? "" : "0")]
                                    }
                                })
    }

    /// One row a document, so that `document` is a key to join items on: a document that speaks
    /// for several partnerships (the national survey quotes seventy) names them all in one cell,
    /// in natural order ("LSCP 2" before "LSCP 10"), joined by "; " (session 28's user audit: it
    /// was a row a partnership).
    public static func documents(_ survey: Survey) -> String {
        var order: [String] = []
        var byFile: [String: [DocumentSummary]] = [:]
        for document in survey.documents {
            if byFile[document.file] == nil { order.append(document.file) }
            byFile[document.file, default: []].append(document)
        }
        // `year` after the rest: `date` is as precise as the document is ("2022", "2022-04",
        // "2023-12-08"), which one parser reads as January of a year given alone (a researcher's
        // audit, session 46); the year is a number to group on.
        return CSVWriter.render(header: ["document", "partnership", "document_type", "date", "era", "title", "authors", "year"],
                                rows: order.map { file in
                                    let entries = byFile[file]!, document = entries[0]
                                    let partnerships = Set(entries.compactMap(\.partnership)).sorted(by: naturalOrder)
                                    return [file, partnerships.joined(separator: "; "), document.documentType?.rawValue ?? "", document.date ?? "",
                                            document.era ?? "", document.title ?? "", document.authors.joined(separator: "; "),
                                            document.date.map { String($0.prefix(4)) } ?? ""]
                                })
    }

    /// "LSCP 2" before "LSCP 10": runs of digits compared as numbers.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive]) == .orderedAscending
    }

    static func percent(_ proportion: Proportion) -> String { proportion.percent.map(String.init) ?? "" }
}

private extension SurveyCSV {
    /// Document types against kinds or forms: one row per type and column, n of the type's items.
    static func byDocumentType(_ table: KindTable, column: String, names: [String], cells: KeyPath<KindTable.Row, [Proportion]>) -> String {
        CSVWriter.render(header: ["document_type", "documents", column, "n", "N", "percent"],
                         rows: (table.rows + [table.total]).flatMap { row in
                             zip(names, row[keyPath: cells]).map { name, cell in
                                 [row.documentType, String(row.documents), name, String(cell.n), String(cell.of), percent(cell)]
                             }
                         })
    }
}
