import Foundation
import Testing
import ScrutinyKit

@Suite struct ExtractCommandTests {
    /// The words a reader sees in the seed, with HTML tags removed.
    func sourceText(_ path: String) throws -> String {
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        return raw.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    @Test(.enabled(if: CLI.seedsExist), arguments: ["000", "001", "002", "003", "004"])
    func jsonKeepsEveryWordOfTheSeed(seed: String) throws {
        let path = CLI.seed(seed)
        let result = try CLI.run(["extract", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(documents.count == 1)
        let blocks = try #require(documents[0]["blocks"] as? [[String: Any]])
        #expect(blocks.allSatisfy { $0["kind"] is String && $0["text"] is String && $0.keys.contains("page") })
        #expect(Set(blocks.compactMap { $0["kind"] as? String }).isSubset(of: ["heading", "paragraph", "listItem", "tableRow"]))
        let extracted = blocks.map { block in
            [(block["ordinal"] as? String) ?? "", (block["text"] as? String) ?? ""].joined(separator: " ")
        }.joined(separator: "\n")
        let overlap = TokenOverlap(extracted: extracted, reference: try sourceText(path))
        print("seed \(seed): token F1 \(String(format: "%.4f", overlap.f1)) (precision \(String(format: "%.4f", overlap.precision)), recall \(String(format: "%.4f", overlap.recall)))")
        #expect(overlap.f1 >= 0.99)
        #expect((documents[0]["sha256"] as? String)?.count == 64)
    }

    /// The text `extract` prints is a document of its own: read back, it yields the listed and
    /// explicit items the PDF yields (two tuning single inspections whose labels, "Leadership,
    /// management and governance", once closed the section of their list and lost 50 items), with
    /// the same ids and partnership: the `==> FILE <==` line above the text named the partnership
    /// (a path), and a numbered heading printed "2 Children looked after" read back with "2" among
    /// its words, which changed every id of Plymouth's report (session 39's audit).
    @Test(.enabled(if: RealDocuments.exist),
          arguments: ["somerset-ofsted-inspection-2015", "devon-ofsted-inspection-2015", "plymouth-ofsted-inspection-2015"])
    func theTextExtractPrintsYieldsThePDFsItems(name: String) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = RealDocuments.folder.appendingPathComponent(name + ".pdf").path
        let text = try CLI.run(["extract", pdf])
        #expect(text.status == 0, "\(text.stderr)")
        let file = folder.appendingPathComponent(name + ".txt")
        try text.stdout.write(to: file, atomically: true, encoding: .utf8)
        func items(_ path: String) throws -> [String] {
            let result = try CLI.run(["recommendations", path, "--format", "jsonl"])
            #expect(result.status == 0, "\(result.stderr)")
            return try result.stdout.split(separator: "\n").map { (line: Substring) -> String in
                let item = try #require(try JSONSerialization.jsonObject(with: Data(String(line).utf8)) as? [String: Any])
                return [item["form"], item["kind"], item["id"], item["partnership"], item["text"]].map { "\($0 ?? "")" }
                    .joined(separator: " ")
            }.sorted()
        }
        let fromPDF = try items(pdf)
        #expect(fromPDF.filter { $0.hasPrefix("listed") }.count >= (name.hasPrefix("plymouth") ? 4 : 50))
        #expect(try items(file.path) == fromPDF)
    }

    @Test func badFilesGetOneLineEachAndTheRestStillRuns() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.txt")
        try "# Recommendations\n\n- The Executive should review the budget.\n".write(to: good, atomically: true, encoding: .utf8)
        let binary = folder.appendingPathComponent("image.bin")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0xFF]).write(to: binary)
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let missing = folder.appendingPathComponent("missing.txt").path
        // Binary bytes under a text file's name are said to be so (session 32's audit).
        let named = folder.appendingPathComponent("notes.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0xFF]).write(to: named)

        let result = try CLI.run(["extract", binary.path, missing, good.path, empty.path, named.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.contains { $0.contains("image.bin") && $0.contains("unknown format") })
        #expect(lines.contains { $0.contains("notes.txt: it is named .txt but does not hold text;") }, "\(lines)")
        #expect(lines.contains { $0.contains("missing.txt") && $0.contains("no such file") })
        #expect(lines.contains { $0.contains("empty.txt") && $0.contains("empty") })
        #expect(result.stdout.contains("- The Executive should review the budget."))
        #expect(result.stdout.contains("# Recommendations"))
    }

    @Test func foldersAreWalkedAndTextShowsMarkers() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Areas for improvement\n\n1) Timeliness of strategy discussions.\n2) Quality of plans.\n"
            .write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try "# A\n\n\u{2022} one\n".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", folder.path])
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "==> ").count == 3)
        #expect(result.stdout.range(of: "a.md <==")!.lowerBound < result.stdout.range(of: "b.txt <==")!.lowerBound)
        #expect(result.stdout.contains("1) Timeliness of strategy discussions."))
        #expect(result.stdout.contains("\u{2022} one"))
    }

    /// JSON gives the metadata every other command detects (session 30: only the file's own, so
    /// no partnership, type or date), and `recommendations` agrees with it.
    @Test func jsonMetadataIsTheDetectedMetadata() throws {
        let letter = "corpus/documents/calderwick-jtai-letter-2022.txt"
        let result = try CLI.run(["extract", letter, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let metadata = try #require(documents.first?["metadata"] as? [String: Any])
        let items = CSVRows.parse(try CLI.run(["recommendations", letter, "--format", "csv"]).stdout)
        let header = try #require(items.first)
        let row = try #require(items.dropFirst().first)
        for (key, column) in [("partnership", "partnership"), ("documentType", "document_type"), ("date", "date"), ("era", "era")] {
            let value = metadata[key] as? String
            #expect(value != nil && value == row[header.firstIndex(of: column)!], "\(key): \(value ?? "nil")")
        }
        // Every document has the same keys: a text file's `pageCount` is null, not missing
        // (session 31's user audit), as its blocks' `page` is.
        let document = try #require(documents.first)
        #expect(Set(document.keys).isSuperset(of: ["source", "name", "sha256", "format", "metadata", "pageCount", "blocks"]), "\(document.keys)")
        #expect(document["pageCount"] is NSNull)
    }

    @Test func helpTeachesAndBadFlagsAreExplained() throws {
        let help = try CLI.run(["extract", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--format"))
        #expect(help.stdout.contains("Examples"))
        let bad = try CLI.run(["extract", "x.txt", "--format", "xml"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--format"))
        let none = try CLI.run(["extract"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("at least one file"))
    }
}
