/// The "Inspection judgements" section of the survey report (Markdown and HTML): for each
/// judgement of the areas' latest inspections among the documents, how many partnerships were
/// given each grade, of all the partnerships, and which. Shown only where the documents include
/// inspections; each area's own inspection, date and judgements are in `inspections.csv`.
public enum SurveyInspectionSection {
    static let fallback = ReportWording.Section(
        heading: "Inspection judgements",
        intro: "The judgements of each partnership's area at its latest inspection among the documents, as n partnerships of all {all}.")

    /// One line of the table: a grade of a judgement, or the partnerships without that judgement.
    struct Line {
        var judgement: String
        var grade: String
        var proportion: Proportion
        var partnerships: [String]
    }

    static func lines(_ table: InspectionTable, wording: ReportWording) -> [Line] {
        table.rows.flatMap { row in
            row.grades.enumerated().map { index, grade in
                Line(judgement: index == 0 ? row.label : "", grade: grade.label, proportion: grade.proportion, partnerships: grade.partnerships)
            } + (row.silent > 0 ? [Line(judgement: "", grade: wording.labels.silent, proportion: Proportion(row.silent, of: table.partnerships),
                                        partnerships: [])] : [])
        }
    }

    public static func markdown(_ survey: Survey, wording: ReportWording) -> String {
        guard let table = survey.inspections else { return "" }
        let words = wording.sections.inspections ?? fallback
        let columns = wording.columns
        var output = "\n## \(words.heading)\n\n" + (words.intro.map { $0.filled(["all": String(table.partnerships)]) + "\n\n" } ?? "")
        output += MarkdownTable.render(
            header: [columns.judgement ?? "Judgement", columns.grade ?? "Grade", columns.surveyForm, columns.which],
            rows: lines(table, wording: wording).map { line in
                [line.judgement, line.grade, line.proportion.surveyForm, line.partnerships.joined(separator: ", ")]
            })
        return output
    }

    public static func html(_ survey: Survey, wording: ReportWording) -> String {
        guard let table = survey.inspections else { return "" }
        let words = wording.sections.inspections ?? fallback
        let columns = wording.columns
        let esc = HTMLText.escape
        var output = "<section id=\"inspections\" class=\"keep\"><h2>\(esc(words.heading))</h2>"
            + (words.intro.map { "<p>\(esc($0.filled(["all": String(table.partnerships)])))</p>" } ?? "")
        output += "<table><thead><tr>" + [columns.judgement ?? "Judgement", columns.grade ?? "Grade", columns.surveyForm, columns.which]
            .map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        for line in lines(table, wording: wording) {
            output += "<tr><td>\(esc(line.judgement))</td><td>\(esc(line.grade))</td><td class=\"nowrap\">\(esc(line.proportion.surveyForm))</td>"
                + "<td>\(esc(line.partnerships.joined(separator: ", ")))</td></tr>"
        }
        return output + "</tbody></table></section>"
    }
}
