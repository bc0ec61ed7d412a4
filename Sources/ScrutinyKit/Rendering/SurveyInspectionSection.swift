/// The "Inspection judgements" section of the survey report (Markdown and HTML): for each
/// judgement, how many of the partnerships graded on it were given each grade, and which, each
/// with the year of the inspection that gave it (the latest that gives that judgement), linked in
/// HTML to the page that states it; then the partnerships silent on it. Shown only where the
/// documents include inspections; `inspections.csv` has each area's judgements in long form.
public enum SurveyInspectionSection {
    static let fallback = ReportWording.Section(
        heading: "Inspection judgements",
        intro: "For each judgement, the grade each partnership's area was given at the latest inspection among the documents that gives it, as n of the N partnerships graded on it.")

    /// One line of the table: a grade of a judgement, or the partnerships without that judgement.
    struct Line {
        var judgement: String
        var grade: String
        /// "28% (n=5) of 18", or for the silent, "23 of 41".
        var figure: String
        var partnerships: [(name: String, source: InspectionTable.Source?)]
    }

    static func lines(_ table: InspectionTable, wording: ReportWording) -> [Line] {
        let areas = Dictionary(table.areas.map { ($0.partnership, $0) }, uniquingKeysWith: { first, _ in first })
        return table.rows.flatMap { row in
            let judgement = String(row.id.dropFirst(InspectionProfile.indicatorPrefix.count))
            let grades = row.grades.enumerated().map { index, grade in
                Line(judgement: index == 0 ? row.label : "", grade: grade.label, figure: grade.proportion.surveyForm,
                     partnerships: grade.partnerships.map { ($0, areas[$0]?.sources[judgement]) })
            }
            guard row.silent > 0 else { return grades }
            return grades + [Line(judgement: "", grade: wording.labels.silent, figure: "\(row.silent) of \(table.partnerships)",
                                  partnerships: row.silentPartnerships.map { ($0, nil) })]
        }
    }

    /// The table's column heads, as report.yml words them.
    static func header(_ columns: ReportWording.Columns) -> [String] {
        [columns.judgement ?? "Judgement", columns.grade ?? "Grade", columns.surveyForm, columns.which]
    }

    /// "Wiltshire (2015)": the partnership and the year of the inspection that gave the grade.
    /// The section's opening sentence: {partnerships} "12 partnerships" (or "1 partnership"), {all} the number alone.
    static func intro(_ words: ReportWording.Section, _ table: InspectionTable, _ wording: ReportWording) -> String? {
        words.intro?.filled(["all": String(table.partnerships), "partnerships": wording.notes.partnerships(table.partnerships)])
    }

    static func named(_ name: String, _ source: InspectionTable.Source?) -> String {
        source?.year.map { "\(name) (\($0))" } ?? name
    }

    public static func markdown(_ survey: Survey, settings: ReportSettings) -> String {
        guard let table = survey.inspections else { return "" }
        let wording = settings.wording
        let words = wording.sections.inspections ?? fallback
        var output = "\n## \(words.heading)\n\n" + (intro(words, table, wording).map { $0 + "\n\n" } ?? "")
        output += MarkdownTable.render(
            header: header(wording.columns),
            rows: lines(table, wording: wording).map { line in
                [line.judgement, line.grade, line.figure, line.partnerships.map { named($0.name, $0.source) }.joined(separator: ", ")]
            })
        return output
    }

    public static func html(_ survey: Survey, settings: ReportSettings) -> String {
        guard let table = survey.inspections else { return "" }
        let wording = settings.wording
        let words = wording.sections.inspections ?? fallback
        let esc = HTMLText.escape
        var output = "<section id=\"inspections\" class=\"keep\"><h2>\(esc(words.heading))</h2>"
            + (intro(words, table, wording).map { "<p>\(esc($0))</p>" } ?? "")
        output += "<table><thead><tr>" + header(wording.columns).map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        for line in lines(table, wording: wording) {
            // Each partnership links to the page of its document that states the grade.
            let which = line.partnerships.map { name, source in
                let text = esc(named(name, source))
                guard let source, let href = settings.sources.href(source.document, page: source.page) else { return text }
                return "<a class=\"source\" href=\"\(esc(href))\">\(text)</a>"
            }.joined(separator: ", ")
            output += "<tr><td>\(esc(line.judgement))</td><td>\(esc(line.grade))</td><td class=\"nowrap\">\(esc(line.figure))</td><td>\(which)</td></tr>"
        }
        return output + "</tbody></table></section>"
    }
}
