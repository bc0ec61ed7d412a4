import Foundation
import Testing

/// Two different reports under one file name in two folders (`2022/annual-report.md`,
/// `2023/annual-report.md`): every command calls each by as much of its path as tells it apart, so
/// their items, profiles, links and manifest rows stay apart. Until session 19 they went by the
/// bare file name: items of both under one name, links to the first, a manifest row relabelling
/// both (session 18 only said so).
@Suite struct SharedFileNameTests {
    static func folder() throws -> URL {
        let root = try CLI.temporaryDirectory().appendingPathComponent("reports")
        for (year, source) in [("2022", "hartsey-annual-report-2022.md"), ("2023", "brindlecombe-annual-report-2023.md")] {
            let folder = root.appendingPathComponent(year)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("corpus/documents/" + source),
                                             to: folder.appendingPathComponent("annual-report.md"))
        }
        return root
    }

    /// The `document` column of a CSV (its second column for items, first for documents).
    static func column(_ csv: String, _ name: String) -> [String] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let index = header.firstIndex(of: name) else { return [] }
        return lines.dropFirst().map { $0[index] }
    }

    @Test func itemsOfEachReportGoByItsFolder() throws {
        let root = try Self.folder()
        let result = try CLI.run(["recommendations", root.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = Set(Self.column(result.stdout, "document"))
        #expect(documents == ["2022/annual-report.md", "2023/annual-report.md"], "\(documents)")
        // Each report's items carry its own partnership.
        let rows = zip(Self.column(result.stdout, "document"), Self.column(result.stdout, "partnership"))
        let partnerships = Dictionary(grouping: rows, by: \.0).mapValues { Set($0.map(\.1)) }
        #expect(partnerships["2022/annual-report.md"]?.count == 1 && partnerships["2023/annual-report.md"]?.count == 1)
        #expect(partnerships["2022/annual-report.md"] != partnerships["2023/annual-report.md"], "\(partnerships)")
        #expect(result.stderr.contains("1 file name is shared by files in different folders"), "\(result.stderr)")
    }

    /// A manifest row with the folder fits its file alone; a bare file name fits both and is used
    /// for neither, with one line saying so.
    @Test func manifestRowsNameTheFolder() throws {
        let root = try Self.folder()
        let manifest = root.deletingLastPathComponent().appendingPathComponent("manifest.csv")
        try "file,partnership\n2022/annual-report.md,Alpha Safeguarding Children Partnership\n".write(to: manifest, atomically: true, encoding: .utf8)
        let result = try CLI.run(["profile", root.path, "--manifest", manifest.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let pairs = Set(zip(Self.column(result.stdout, "partnership"), Self.column(result.stdout, "document")).map { "\($0.0) <- \($0.1)" })
        #expect(pairs.contains("Alpha Safeguarding Children Partnership <- 2022/annual-report.md"), "\(pairs)")
        #expect(!pairs.contains { $0.hasPrefix("Alpha") && $0.hasSuffix("2023/annual-report.md") }, "\(pairs)")

        try "file,partnership\nannual-report.md,Alpha Safeguarding Children Partnership\n".write(to: manifest, atomically: true, encoding: .utf8)
        let bare = try CLI.run(["profile", root.path, "--manifest", manifest.path, "--format", "csv"])
        #expect(!bare.stdout.contains("Alpha Safeguarding"), "\(bare.stdout)")
        #expect(bare.stderr.contains("the manifest row for annual-report.md fits 2 files of that name (2022/annual-report.md, 2023/annual-report.md)"),
                "\(bare.stderr)")
    }

    /// The report's evidence links lead to each document's own file, and a warm run (from the
    /// store) writes the same report.
    @Test func theReportLinksEachToItsOwnFile() throws {
        let root = try Self.folder()
        let output = root.deletingLastPathComponent().appendingPathComponent("report")
        let cold = try CLI.run(["analyse", root.path, "-o", output.path, "-q"])
        #expect(cold.status == 0, "\(cold.stderr)")
        let items = try String(contentsOf: output.appendingPathComponent("items.csv"), encoding: .utf8)
        #expect(Set(Self.column(items, "document")) == ["2022/annual-report.md", "2023/annual-report.md"])
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("href=\"../reports/2022/annual-report.md\"") && html.contains("href=\"../reports/2023/annual-report.md\""))
        let warm = try CLI.run(["analyse", root.path, "-o", output.path, "-q"])
        #expect(warm.status == 0, "\(warm.stderr)")
        #expect(try String(contentsOf: output.appendingPathComponent("items.csv"), encoding: .utf8) == items)
    }

    /// Rows with folders are read from the manifest's folder: the same manifest gives a document
    /// the same row wherever the run starts (it depended on the working folder until session 19),
    /// and two rows for one document are said. A gold row for one of two same-named files is not
    /// scored against the other.
    @Test func rowsAreReadFromTheManifestsFolder() throws {
        let root = try Self.folder()          // …/reports/2022/annual-report.md, …/reports/2023/annual-report.md
        let base = root.deletingLastPathComponent()
        let manifest = base.appendingPathComponent("m.csv")
        try "file,partnership\nreports/2022/annual-report.md,Long\n2022/annual-report.md,Short\n".write(to: manifest, atomically: true, encoding: .utf8)
        let fromBase = try CLI.run(["recommendations", "reports", "--manifest", "m.csv", "--format", "csv"], in: base)
        let fromReports = try CLI.run(["recommendations", ".", "--manifest", "../m.csv", "--format", "csv"], in: root)
        for result in [fromBase, fromReports] {
            #expect(result.status == 0, "\(result.stderr)")
            let rows = zip(Self.column(result.stdout, "document"), Self.column(result.stdout, "partnership"))
            #expect(Set(rows.filter { $0.0 == "2022/annual-report.md" }.map(\.1)) == ["Long"], "\(result.stdout)")
            #expect(result.stderr.contains("the manifest has 2 rows for 2022/annual-report.md"), "\(result.stderr)")
        }
        let gold = try CLI.run(["evaluate", "--gold", "-", root.path], stdin: "document,kind,text\n2022/annual-report.md,recommendation,The partnership should\n")
        #expect(gold.stdout.contains(" 1 annotated"), "\(gold.stdout)")
    }
}
