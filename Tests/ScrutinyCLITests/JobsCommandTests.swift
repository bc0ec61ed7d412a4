import Foundation
import Testing

/// `--jobs N` reads and analyses documents on N threads; what is written must not depend on N.
@Suite(.serialized) struct JobsCommandTests {
    /// Every file under `folder` (relative path → bytes).
    func files(under folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))
            found[relative] = try Data(contentsOf: url)
        }
        return found
    }

    /// `analyse` over the corpus (every format, the manifest) writes the same bytes in every file
    /// with one job as with two, and says the same on standard error.
    @Test func analyseWritesTheSameBytesWithOneJobAsWithTwo() throws {
        let root = try CLI.temporaryDirectory()
        var reports: [[String: Data]] = []
        var messages: [String] = []
        for jobs in ["1", "2"] {
            // Sibling folders at the same depth, so that the links from report to documents read alike.
            let output = root.appendingPathComponent("jobs\(jobs)").appendingPathComponent("report")
            let result = try CLI.run(["analyse", "corpus/documents", "--manifest", "corpus/manifest.csv",
                                      "--output", output.path, "--jobs", jobs])
            #expect(result.status == 0, "\(result.stderr)")
            reports.append(try files(under: output))
            // The last line names the report's folder, which differs between the two runs.
            messages.append(result.stderr.replacingOccurrences(of: "/jobs\(jobs)/", with: "/jobsN/"))
        }
        #expect(reports[0].count > 10, "the report's files: \(reports[0].keys.sorted())")
        #expect(reports[0].keys.sorted() == reports[1].keys.sorted())
        for (name, bytes) in reports[0] {
            #expect(reports[1][name] == bytes, "\(name) differs between --jobs 1 and --jobs 2")
        }
        #expect(messages[0] == messages[1])
    }

    /// A file that cannot be read still costs only itself with several jobs: one line naming it,
    /// the other files' items all there, in the same order as with one job, and exit status 1.
    @Test func aBadFileAmongGoodOnesCostsOnlyItselfWithTwoJobs() throws {
        let folder = try CLI.temporaryDirectory()
        let documents = CLI.root.appendingPathComponent("corpus/documents")
        for name in ["hartsey-independent-review-2021.pdf", "kestlebury-independent-review-2024.docx",
                     "ravensholme-committee-report-2022.html", "orrin-valley-committee-report-2023.txt"] {
            try FileManager.default.copyItem(at: documents.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        // A PDF cut short and a Word file that is not a zip.
        let pdf = try Data(contentsOf: documents.appendingPathComponent("calderwick-committee-report-2022.pdf"))
        try pdf.prefix(pdf.count / 2).write(to: folder.appendingPathComponent("broken.pdf"))
        try Data("not a zip archive".utf8).write(to: folder.appendingPathComponent("broken.docx"))
        var outputs: [CLI.Result] = []
        for jobs in ["1", "2"] {
            let result = try CLI.run(["recommendations", folder.path, "--format", "csv", "--jobs", jobs])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.filter { $0.contains("broken.pdf") }.count == 1, "\(result.stderr)")
            #expect(lines.filter { $0.contains("broken.docx") }.count == 1, "\(result.stderr)")
            #expect(result.stdout.contains("hartsey-independent-review-2021.pdf"))
            #expect(result.stdout.contains("orrin-valley-committee-report-2023.txt"))
            outputs.append(result)
        }
        #expect(outputs[0].stdout == outputs[1].stdout)
        #expect(outputs[0].stderr == outputs[1].stderr)
    }

    /// The 48 real PDFs, read by helper processes with two jobs and in this process with one,
    /// give the same text, byte for byte.
    @Test(.enabled(if: RealDocuments.exist)) func realPDFsReadByHelpersGiveTheSameText() throws {
        let one = try CLI.run(["extract", RealDocuments.folder.path, "--format", "json", "--jobs", "1"])
        let two = try CLI.run(["extract", RealDocuments.folder.path, "--format", "json", "--jobs", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        #expect(one.stdout.count > 1_000_000)
        #expect(one.stdout == two.stdout)
        #expect(one.stderr == two.stderr)
    }

    @Test func jobsBelowOneIsRefused() throws {
        let result = try CLI.run(["extract", "corpus/documents/hartsey-annual-report-2022.md", "--jobs", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--jobs"))
        // A negative number is a number refused, not "Missing value" (session 28's user audit).
        let negative = try CLI.run(["extract", "corpus/documents/hartsey-annual-report-2022.md", "--jobs", "-3"])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("give 1 or more documents to read at once (-3 given)"), "\(negative.stderr)")
        let show = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "--show", "-1", "corpus/documents/hartsey-annual-report-2022.md"])
        #expect(show.status == 64)
        #expect(show.stderr.contains("--show: give 0 or more (-1 given)"), "\(show.stderr)")
        // And every other number an option takes (session 43's audit).
        let document = "corpus/documents/hartsey-annual-report-2022.md"
        for (arguments, said) in [(["count", "--level", "-1", document], "--level: give 1 or more"),
                                  (["evaluate", "--gold", "corpus/annotations.csv", "--bootstrap", "-1", document], "--bootstrap takes 0 (no intervals) or 100 samples or more"),
                                  (["lexicon", "learn", "--gold", "corpus/annotations.csv", "--top", "-3"], "--top: give 1 or more"),
                                  (["lexicon", "learn", "--gold", "corpus/annotations.csv", "--penalty", "-1", document], "--penalty: give 0 or more")] {
            let refused = try CLI.run(arguments)
            #expect(refused.status == 64 && refused.stderr.contains(said) && !refused.stderr.contains("Missing value"), "\(arguments): \(refused.stderr)")
        }
    }
}
