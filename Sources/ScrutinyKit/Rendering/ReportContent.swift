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
