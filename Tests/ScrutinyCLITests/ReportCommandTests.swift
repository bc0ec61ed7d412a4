import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `scrutiny analyse` writes a report a national team can publish: evidence that leads to its
/// documents, figures as files, and a printed version of at most 30 pages.
@Suite(.serialized) struct ReportCommandTests {
    /// The report of corpus/, written once for the tests that read it.
    static let corpus: Result<URL, Error> = Result {
        let folder = try CLI.temporaryDirectory().appendingPathComponent("report out")
        let result = try CLI.run(["analyse", "--output", folder.path])
        guard result.status == 0 else { throw Failure(message: result.stderr) }
        return folder
    }

    struct Failure: Error { var message: String }

    func file(_ name: String, in folder: URL) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }

    /// Each relative link's file, from the report's folder.
    func target(_ link: String, from folder: URL) -> String? {
        guard let path = link.components(separatedBy: "#").first?.removingPercentEncoding else { return nil }
        return folder.appendingPathComponent(path).standardizedFileURL.path
    }

    @Test func everyEvidenceLinkOfTheHTMLReportLeadsToItsDocument() throws {
        let folder = try Self.corpus.get()
        let html = try file("report.html", in: folder)
        let links = matches(#"<a class="source" href="([^"]+)""#, in: html)
        #expect(links.count > 300)
        for link in Set(links) {
            #expect(!link.hasPrefix("/") && !link.contains(" "), "relative and percent-encoded: \(link)")
            let path = try #require(target(link, from: folder))
            #expect(FileManager.default.fileExists(atPath: path), "\(link) does not resolve from \(folder.path)")
            #expect(path.hasPrefix(CLI.root.appendingPathComponent("corpus/documents").path))
        }
        #expect(html.range(of: #"<details[^>]*\bopen\b"#, options: .regularExpression) == nil)
    }

    @Test func everyEvidenceLinkOfTheMarkdownReportLeadsToItsDocument() throws {
        let folder = try Self.corpus.get()
        let markdown = try file("report.md", in: folder)
        let links = matches(#"\]\(([^)#][^)]*)\)"#, in: markdown)
        let documents = links.filter { !$0.hasPrefix("figures/") }
        #expect(documents.count > 150)
        for link in Set(links) {
            let path = try #require(target(link, from: folder))
            #expect(FileManager.default.fileExists(atPath: path), "\(link) does not resolve from \(folder.path)")
        }
    }

    @Test func everyFigureIsAlsoAWellFormedSVGFileLinkedFromTheReport() throws {
        let folder = try Self.corpus.get()
        let html = try file("report.html", in: folder)
        let downloads = matches(#"<a href="(figures/[^"]+\.svg)" download="#, in: html)
        #expect(downloads.count == html.components(separatedBy: "<figure").count - 1, "one download per figure")
        for link in downloads {
            let data = try Data(contentsOf: folder.appendingPathComponent(link))
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(link) is not well-formed XML")
        }
    }

    @Test func evidenceFromAPDFLinksToItsPage() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["analyse", "corpus/documents/hartsey-independent-review-2021.pdf", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try file("report.html", in: folder)
        let links = matches(#"(<a class="source" href="[^"]+">[^<]+</a>)"#, in: html)
        let paged = links.filter { $0.contains("· p. ") }
        #expect(!paged.isEmpty, "the PDF's items know their pages")
        for link in paged {
            let page = try #require(matches(#"· p\. (\d+)<"#, in: link).first)
            #expect(link.contains(".pdf#page=\(page)\""), "\(link)")
            let href = try #require(matches(#"href="([^"]+)""#, in: link).first)
            #expect(FileManager.default.fileExists(atPath: try #require(target(href, from: folder))))
        }
        #expect(try file("report.md", in: folder).contains(".pdf#page="))
    }

    @Test func theTemplateOptionChangesTheWording() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("wording.yml")
        let original = try String(contentsOf: CLI.root.appendingPathComponent("lexicons/report.yml"), encoding: .utf8)
        try original.replacingOccurrences(of: "heading: Documents\n", with: "heading: What we read\n")
            .write(to: template, atomically: true, encoding: .utf8)
        let result = try CLI.run(["survey", "Tests/ScrutinyKitTests/Fixtures/survey/documents", "--format", "html", "--template", template.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<h2>What we read</h2>"))
        try "title: [unclosed\n".write(to: template, atomically: true, encoding: .utf8)
        let broken = try CLI.run(["survey", "Tests/ScrutinyKitTests/Fixtures/survey/documents", "--template", template.path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains(template.path), "the error names the file: \(broken.stderr)")
        // A file not there is said as that, with no advice about --lexicons, and before the reading
        // or the folder (session 38's audit).
        let output = folder.appendingPathComponent("report")
        let missing = try CLI.run(["analyse", "Tests/ScrutinyKitTests/Fixtures/survey/documents", "--template", "/nonexistent/wording.yml", "-o", output.path])
        #expect(missing.status == 1)
        #expect(missing.stderr == "scrutiny: --template: no such file /nonexistent/wording.yml\n", "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// `$SCRUTINY_LEXICONS` naming a folder without the rules is an error, as `--lexicons` is, not
    /// passed by for ./lexicons (session 38's audit: a mistyped path went unnoticed).
    @Test func aLexiconsVariableWithoutTheRulesIsAnError() throws {
        let wrong = try CLI.run(["recommendations", "corpus/documents/ravensholme-scrutiny-report-2022.md"],
                                environment: ["SCRUTINY_LEXICONS": "/nonexistent/lexicon"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("cannot find items.yml; looked in /nonexistent/lexicon (from SCRUTINY_LEXICONS)"), "\(wrong.stderr)")
        let overridden = try CLI.run(["recommendations", "--lexicons", "lexicons", "corpus/documents/ravensholme-scrutiny-report-2022.md", "-q"],
                                     environment: ["SCRUTINY_LEXICONS": "/nonexistent/lexicon"])
        #expect(overridden.status == 0, "--lexicons wins: \(overridden.stderr)")
    }

    /// Prints the corpus report with headless Chromium, as `make report-pdf` does; skipped where
    /// Chromium or pdfinfo is not installed.
    @Test(.enabled(if: Self.tool("chromium") != nil && Self.tool("pdfinfo") != nil, "needs chromium and pdfinfo (poppler-utils)"))
    func theCorpusReportPrintsOnAtMostThirtyPages() throws {
        let folder = try Self.corpus.get()
        let pdf = folder.appendingPathComponent("report.pdf")
        let print = try Self.run(Self.tool("chromium")!, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                          "--print-to-pdf=\(pdf.path)", folder.appendingPathComponent("report.html").absoluteString])
        #expect(FileManager.default.fileExists(atPath: pdf.path), "chromium printed nothing: \(print)")
        let info = try Self.run(Self.tool("pdfinfo")!, [pdf.path])
        let pages = try #require(matches(#"Pages:\s+(\d+)"#, in: info).first.flatMap { Int($0) })
        #expect(pages > 3 && pages <= 30, "\(pages) pages")
    }

    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
