/// The survey as Markdown: one section per table, numbers in the survey's form.
public enum SurveyMarkdown {
    public static func render(_ survey: Survey, title: String = "Survey of scrutiny arrangements") -> String {
        var output = "# \(title)\n\n"
        output += "\(survey.partnerships.count) partnerships, \(survey.documents.count) documents"
        if let span = yearSpan(survey) { output += ", \(span)" }
        output += ".\n"
        output += indicators(survey)
        output += themes(survey)
        output += kinds(survey)
        output += subthemes(survey)
        output += gaps(survey)
        output += trends(survey)
        output += documents(survey)
        if !survey.notes.isEmpty {
            output += "\n## Notes\n\n" + survey.notes.map { "- \($0)\n" }.joined()
        }
        return output
    }

    /// A count and its share of the row: "5 (42%)".
    static func cell(_ proportion: Proportion) -> String { "\(proportion.n) (\(proportion.percentText))" }

    static func yearSpan(_ survey: Survey) -> String? {
        let years = survey.documents.compactMap(\.year)
        guard let first = years.min(), let last = years.max() else { return nil }
        return first == last ? "dated \(first)" : "dated \(first) to \(last)"
    }
}

private extension SurveyMarkdown {
    static func indicators(_ survey: Survey) -> String {
        var output = ""
        for group in survey.groups {
            let rows = survey.indicators.rows.filter { $0.group == group.id }
            guard !rows.isEmpty else { continue }
            output += "\n## \(group.label)\n\n"
            output += MarkdownTable.render(
                header: ["indicator", "", "n", "N", "%", "silent", "in the survey's form"],
                rows: rows.map { row in
                    [row.id, row.label, String(row.proportion.n), String(row.proportion.of), row.proportion.percentText,
                     String(row.silent), row.proportion.surveyForm]
                }, alignRight: [2, 3, 4, 5])
            for distribution in survey.indicators.distributions where rows.contains(where: { $0.id == distribution.id }) {
                output += "\n\(distribution.label), of the partnerships that state it:\n\n"
                output += MarkdownTable.render(
                    header: ["number", "partnerships", "%", "which"],
                    rows: distribution.buckets.map { bucket in
                        [bucket.label, String(bucket.proportion.n), bucket.proportion.percentText,
                         bucket.partnerships.joined(separator: ", ")]
                    }, alignRight: [1, 2])
            }
        }
        return output
    }

    static func themes(_ survey: Survey) -> String {
        let matrix = survey.themes
        var output = "\n## Themes of items by partnership\n\nItems (\(survey.themeKinds.joined(separator: ", "))) under each theme, "
            + "with the share of the partnership's items.\n\n"
        let rows = (matrix.rows + [matrix.total]).map { row in
            [row.partnership] + row.cells.map(cell) + [String(row.total)]
        }
        output += MarkdownTable.render(header: ["partnership"] + matrix.themes + ["total"], rows: rows,
                                       alignRight: Set(1...(matrix.themes.count + 1)))
        return output
    }

    static func kinds(_ survey: Survey) -> String {
        let table = survey.kinds
        var output = "\n## Kinds of item by document type\n\n"
        let rows = (table.rows + [table.total]).map { row in
            [row.documentType, String(row.documents)] + row.cells.map(cell) + [String(row.total)]
        }
        output += MarkdownTable.render(header: ["document type", "documents"] + table.kinds + ["total"], rows: rows,
                                       alignRight: Set(1...(table.kinds.count + 2)))
        output += "\n## Forms of item by document type\n\n"
        let formRows = (table.rows + [table.total]).map { row in
            [row.documentType, String(row.documents)] + row.forms.map(cell) + [String(row.total)]
        }
        output += MarkdownTable.render(header: ["document type", "documents"] + table.forms + ["total"], rows: formRows,
                                       alignRight: Set(1...(table.forms.count + 2)))
        return output
    }

    static func subthemes(_ survey: Survey) -> String {
        var output = "\n## Most frequent sub-themes\n\n"
        guard !survey.subthemes.rows.isEmpty else { return output + "No item is classified.\n" }
        output += MarkdownTable.render(
            header: ["sub-theme", "items", "% of classified items", "partnerships"],
            rows: survey.subthemes.rows.map { row in
                [row.subtheme, String(row.items.n), row.items.percentText, "\(row.partnerships.n) of \(row.partnerships.of)"]
            }, alignRight: [1, 2, 3])
        return output
    }

    static func gaps(_ survey: Survey) -> String {
        var output = "\n## Partnerships with no item in a theme\n\n"
        guard !survey.gaps.rows.isEmpty else { return output + "No item is classified.\n" }
        output += MarkdownTable.render(
            header: ["theme", "partnerships without", "which"],
            rows: survey.gaps.rows.map { row in
                [row.theme, row.proportion.surveyForm, row.partnerships.isEmpty ? "none" : row.partnerships.joined(separator: ", ")]
            }, alignRight: [1])
        return output
    }

    static func trends(_ survey: Survey) -> String {
        guard let trends = survey.trends else { return "" }
        var output = "\n## Trends by year\n\nItems under each theme by the year of their document, with the share of the year's items.\n\n"
        output += MarkdownTable.render(
            header: ["year", "documents", "partnerships"] + trends.themes + ["total"],
            rows: trends.rows.map { row in
                [String(row.year), String(row.documents), String(row.partnerships)] + row.cells.map(cell) + [String(row.total)]
            }, alignRight: Set(1...(trends.themes.count + 3)))
        return output
    }

    static func documents(_ survey: Survey) -> String {
        var output = "\n## Documents\n\n"
        output += MarkdownTable.render(
            header: ["document", "partnership", "type", "date", "title"],
            rows: survey.documents.map { document in
                [document.file, document.partnership ?? "", document.documentType?.rawValue ?? "", document.date ?? "",
                 document.title ?? ""]
            })
        return output
    }
}
