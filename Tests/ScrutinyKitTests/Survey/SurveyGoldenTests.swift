import Foundation
import Testing
@testable import ScrutinyKit

/// The survey tables, survey.json and the HTML report of a small fixed corpus (Fixtures/survey,
/// written for this test), checked byte for byte against the golden files beside it. Re-record with SCRUTINY_RECORD=1 (that run fails on purpose) and review the diff.
@Suite struct SurveyGoldenTests {
    static let fixture = Paths.root.appendingPathComponent("Tests/ScrutinyKitTests/Fixtures/survey")
    static let golden = fixture.appendingPathComponent("golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["SCRUTINY_RECORD"] == "1" }

    static var files: [String] { InputFiles.expand([fixture.appendingPathComponent("documents").path]) }

    /// The report as if written to the golden folder: evidence links lead to ../documents/, figures to figures/.
    static var settings: ReportSettings {
        get throws {
            let sources = files.map { (file: ($0 as NSString).lastPathComponent, path: $0, isPDF: $0.hasSuffix(".pdf")) }
            return ReportSettings(wording: try ReportTests.wording(), sources: SourceLinks(sources: sources, outputFolder: golden.path),
                                  figureFolder: SurveyFigures.folder)
        }
    }

    static func survey() throws -> Survey {
        let lexicons = LexiconDirectory(url: Paths.root.appendingPathComponent("lexicons"))
        let manifest = try Manifest.load(path: fixture.appendingPathComponent("manifest.csv").path, types: Paths.documentTypes)
        let reader = DocumentReader()
        let selection = CorpusSelection(documents: try files.map { try reader.read(path: $0) }, manifest: manifest,
                                        detector: MetadataDetector(rules: try lexicons.metadataRules(), eras: try lexicons.eraRules()))
        let pipeline = SurveyPipeline(lexicon: try lexicons.arrangementLexicon(),
                                      finder: RecommendationFinder(rules: try lexicons.itemRules()),
                                      classifier: Classifier(scheme: try lexicons.scheme("wt2018")))
        return pipeline.run(selection.documents, notes: selection.note.map { [$0] } ?? []).survey
    }

    static func check(_ name: String, _ actual: String) throws {
        let url = golden.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            // A run that records checks nothing: it fails, so that a recording never passes for a test.
            Issue.record("recorded \(url.path); review the diff and run again without SCRUTINY_RECORD")
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                    "no golden file \(name); record it with SCRUTINY_RECORD=1 and review it")
        #expect(actual == expected, "\(name) differs from its golden file; if the change is intended, re-record with SCRUTINY_RECORD=1 and review the diff")
    }

    @Test func markdownMatchesItsGoldenFile() throws {
        try Self.check("survey.md", SurveyMarkdown.render(try Self.survey(), settings: try Self.settings))
    }

    @Test func jsonMatchesItsGoldenFile() throws {
        try Self.check("survey.json", SurveyJSON.render(try Self.survey(), wording: try Self.settings.wording) + "\n")
    }

    /// The HTML report and report.md have the same sections in the same order, each in its
    /// contents list (session 37's audit: the HTML put the forms of item in the kinds' table, so
    /// "section 7" of one was not that of the other).
    @Test func bothReportsListTheSameSections() throws {
        let (survey, settings) = (try Self.survey(), try Self.settings)
        let html = HTMLReport.render(survey, settings: settings)
        let markdown = SurveyMarkdown.render(survey, settings: settings)
        let nav = try #require(html.components(separatedBy: "<nav>").dropFirst().first?.components(separatedBy: "</nav>").first)
        let htmlContents = nav.components(separatedBy: "<li><a href=\"#").dropFirst().map { $0.components(separatedBy: "</a>")[0] }
        let ids = htmlContents.map { $0.components(separatedBy: "\"")[0] }
        let htmlHeadings = htmlContents.map { $0.components(separatedBy: "\">").dropFirst().joined(separator: "\">") }
        let markdownHeadings = markdown.split(separator: "\n").compactMap { line -> String? in
            guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"),
                  line.range(of: #"^\d+\. \["#, options: .regularExpression) != nil else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(htmlHeadings.count > 8 && htmlHeadings.map { $0.replacingOccurrences(of: "&amp;", with: "&") } == markdownHeadings,
                "\(htmlHeadings) against \(markdownHeadings)")
        // Every entry of the contents leads to a section of that id.
        for id in ids { #expect(html.contains("<section id=\"\(id)\">") || html.contains("id=\"\(id)\""), "\(id)") }
        #expect(ids.contains("forms"))
    }

    @Test func htmlReportMatchesItsGoldenFile() throws {
        try Self.check("report.html", HTMLReport.render(try Self.survey(), settings: try Self.settings))
    }

    @Test func everyCSVTableMatchesItsGoldenFile() throws {
        let files = SurveyCSV.files(try Self.survey())
        #expect(files.map(\.name).contains("indicators.csv"))
        #expect(files.map(\.name).contains("themes-by-era.csv"), "the fixture spans two eras")
        for file in files { try Self.check(file.name, file.contents) }
    }

    /// A count's N is of the partnerships that employ scrutineers, every other row's of all that
    /// address it: indicators.csv says which in a `base` column (session 28's user audit).
    @Test func indicatorsSayWhichPartnershipsTheyAreOf() throws {
        let survey = try Self.survey()
        let count = try #require(survey.indicators.row("who.scrutineer_count"))
        let employed = try #require(survey.indicators.row("who.independent_scrutineer"))
        #expect(count.base == "partnerships where \(employed.id) is yes")
        #expect(employed.base == "partnerships whose documents address it")
        let csv = SurveyCSV.indicators(survey).split(separator: "\n")
        #expect(csv.first?.hasSuffix(",silent,base,quoted") == true)
        #expect(csv.contains { $0.hasPrefix("who.scrutineer_count,") && $0.hasSuffix(",partnerships where who.independent_scrutineer is yes,0") })
    }

    @Test func theFixtureCountsEachDocumentOnce() throws {
        let survey = try Self.survey()
        #expect(survey.documents.count == 5)
        #expect(survey.partnerships == ["Amberley Vale", "Thornbury Marsh", "Westfold"])
        #expect(survey.notes.first?.contains("amberley-vale-scrutiny-report-2022.html") == true)
    }

    /// Thornbury Marsh's yearly report of July 2025 is written in the words of Working Together 2023,
    /// the other four documents are dated 2022–2023: the survey spans two eras, and its themes by era
    /// table (Markdown and CSV golden above) is in the JSON too. The 2025 report has three
    /// recommendations, the only items of its era that the theme tables count.
    @Test func theFixtureSpansTwoEras() throws {
        let survey = try Self.survey()
        let eras = try #require(survey.eras)
        #expect(eras.eras == ["wt2018", "wt2023"])
        #expect(eras.documents == [4, 1])
        #expect(eras.totals.last == 3)
        let json = try JSONSerialization.jsonObject(with: Data(JSONOutput.render(survey).utf8)) as? [String: Any]
        let table = try #require(json?["eras"] as? [String: Any], "survey.json has no eras")
        #expect(table["eras"] as? [String] == eras.eras)
        #expect(table["totals"] as? [Int] == eras.totals)
    }
}
