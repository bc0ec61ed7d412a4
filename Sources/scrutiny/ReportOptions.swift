import ArgumentParser
import Foundation
import ScrutinyKit

/// The report's wording: `lexicons/report.yml`, or a copy the user edited.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Wording of the report: headings, introductions, captions and labels (default: report.yml in the lexicons folder).",
                               valueName: "file"))
    var template: String?

    @Option(help: ArgumentHelp("Title of the report (default: the title in the report's wording).", valueName: "text"))
    var title: String?

    func wording(_ lexicons: LexiconOptions) throws -> ReportWording {
        do {
            if template == StandardInput.path {
                let text: String
                do { text = String(decoding: try StandardInput.read(), as: UTF8.self) } catch {
                    throw runFailure("--template: cannot read standard input: \(error.cause)")
                }
                return try ReportWording(yaml: text, path: StandardInput.name)
            }
            if let template {
                // A path given is a file to read, not a name to look for among the lexicons (session 38's audit).
                guard FileManager.default.fileExists(atPath: template) else { throw runFailure("--template: no such file \(template)") }
                return try ReportWording(contentsOf: URL(fileURLWithPath: template))
            }
            return try lexicons.locate().reportWording()
        } catch let error as LexiconError {
            throw runFailure((template == nil ? "" : "--template: ") + (error.errorDescription ?? "cannot read the report's wording"))
        }
    }

    /// Settings for a report written to `folder` (created here, so that links to the sources are
    /// computed from where the report will be): evidence links to `documents`, and figure files
    /// linked when `figures` are written beside it.
    /// `wording`: read once by the command (standard input, for `--template -`, can be read once).
    func settings(_ wording: ReportWording, documents: [Document], folder: String, figures: Bool) throws -> ReportSettings {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return ReportSettings(wording: wording, title: title, sources: SourceLinks(documents: documents, outputFolder: folder),
                              figureFolder: figures ? SurveyFigures.folder : nil)
    }
}

/// Writes every figure of the survey as an SVG file in the figures folder of `directory`.
func writeFigures(_ survey: Survey, wording: ReportWording, in directory: String) throws {
    let folder = URL(fileURLWithPath: directory).appendingPathComponent(SurveyFigures.folder).path
    // Made inside the staging folder, never the staging folder itself (see `write(_:to:in:)`).
    do {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        }
    } catch {
        throw runFailure("--output: cannot write \(folder): \(OutputFile.reason(error)); choose a folder you can write to")
    }
    for figure in SurveyFigures.all(survey, wording: wording) { try write(figure.file, to: figure.fileName, in: folder) }
}
