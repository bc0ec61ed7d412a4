/// What a report of the survey draws on, whatever its format: the survey, the report's settings and
/// wording, and the figures drawn once. The HTML page and the Markdown report each render it.
struct ReportContent {
    let survey: Survey
    let settings: ReportSettings
    let figures: [ReportFigure]

    init(survey: Survey, settings: ReportSettings) {
        self.survey = survey
        self.settings = settings
        figures = SurveyFigures.all(survey, wording: settings.wording)
    }
}

/// A report being written in one format, reading its ``ReportContent``.
protocol ReportRendering {
    var content: ReportContent { get }
}

extension ReportRendering {
    var survey: Survey { content.survey }
    var settings: ReportSettings { content.settings }
    var figures: [ReportFigure] { content.figures }
    var wording: ReportWording { content.settings.wording }
    var columns: ReportWording.Columns { content.settings.wording.columns }
    var themedItems: [SurveyItem] { content.survey.items.filter(\.themed) }
}

/// A report's sections in one format: each renderer writes every section, and ``section(_:)``
/// takes them in ``ReportSection``'s order, so that no renderer keeps a list of its own.
protocol ReportSectionWriting {
    func summary() -> String
    func indicators() -> String
    func indicatorsByEra() -> String
    func themes() -> String
    func kinds() -> String
    func subthemes() -> String
    func gaps() -> String
    func trends() -> String
    func eras() -> String
    func inspections() -> String
    func documents() -> String
    func notes() -> String
    func evidence() -> String
}

extension ReportSectionWriting {
    func section(_ section: ReportSection) -> String {
        switch section {
        case .summary: summary()
        case .indicators: indicators()
        case .indicatorsByEra: indicatorsByEra()
        case .themes: themes()
        case .kinds: kinds()
        case .subthemes: subthemes()
        case .gaps: gaps()
        case .trends: trends()
        case .eras: eras()
        case .inspections: inspections()
        case .documents: documents()
        case .notes: notes()
        case .evidence: evidence()
        }
    }
}

/// The report's sections, in the order that the contents list, the HTML report and the Markdown
/// report all give them: one list, so that the three cannot disagree.
enum ReportSection: CaseIterable {
    case summary, indicators, indicatorsByEra, themes, kinds, subthemes, gaps, trends, eras, inspections, documents, notes, evidence

    /// This section's entries in the contents list: one for each group of indicators, the forms
    /// after the kinds, none for the summary (which holds the list) or for a table the survey does
    /// not have (by era, of one era; inspections, of none).
    func contents(_ survey: Survey, wording: ReportWording) -> [(id: String, heading: String)] {
        let sections = wording.sections
        switch self {
        case .summary: return []
        case .indicators:
            return survey.groups.filter { group in survey.indicators.rows.contains { $0.group == group.id } }
                .map { (id: HTMLReport.anchor($0.id), heading: $0.label) }
        case .indicatorsByEra:
            return survey.indicatorsByEra == nil ? [] : [("indicators-by-era", (sections.indicatorsByEra ?? SurveyEraIndicatorSection.fallback).heading)]
        case .themes: return [("themes", sections.themes.heading)]
        case .kinds: return [("kinds", sections.kinds.heading), ("forms", sections.forms.heading)]
        case .subthemes: return [("subthemes", sections.subthemes.heading)]
        case .gaps: return [("gaps", sections.gaps.heading)]
        case .trends: return survey.trends == nil ? [] : [("trends", sections.trends.heading)]
        case .eras: return survey.eras == nil ? [] : [("eras", (sections.eras ?? SurveyEraSection.fallback).heading)]
        case .inspections:
            return survey.inspections == nil ? [] : [("inspections", (sections.inspections ?? SurveyInspectionSection.fallback).heading)]
        case .documents: return [("documents", sections.documents.heading)]
        case .notes: return [("notes", sections.notes.heading)]
        case .evidence: return [("evidence", sections.evidence.heading)]
        }
    }
}
