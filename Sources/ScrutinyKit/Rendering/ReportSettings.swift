/// What a report is written with besides the survey: its wording (`lexicons/report.yml`), its
/// title, where its sources are from where it is written, and whether its figures are written as
/// files beside it.
public struct ReportSettings: Sendable {
    public var wording: ReportWording
    public var title: String
    /// Links from evidence to the documents; `.none` names documents in plain text.
    public var sources: SourceLinks
    /// The folder, relative to the report, where each figure is also written as an SVG file
    /// (`SurveyFigures.folder`); nil when no files are written, and then nothing links to them.
    public var figureFolder: String?

    /// - Parameter title: overrides the wording's title.
    public init(wording: ReportWording, title: String? = nil, sources: SourceLinks = .none, figureFolder: String? = nil) {
        self.wording = wording
        self.title = title ?? wording.title
        self.sources = sources
        self.figureFolder = figureFolder
    }

    /// The link to a figure's file, if figures are written.
    func figureLink(_ figure: ReportFigure) -> String? { figureFolder.map { "\($0)/\(figure.fileName)" } }
}
