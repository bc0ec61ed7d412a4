import Foundation
import Testing

/// `scrutiny agree`: two hand codings' agreement, the ceiling the README quotes beside the tool's.
@Suite struct AgreeCommandTests {
    /// The README's "agreement between two coders" row is what `agree` computes from the two codings
    /// in Tests/Gold/real (it was computed outside the tool before session 44).
    @Test func theReadmesAgreementBetweenCodersIsWhatAgreeComputes() throws {
        let result = try CLI.run(["agree", "Tests/Gold/real", "Tests/Gold/real/second-coding.csv", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let themes = try #require(json["themes"] as? [String: Any])
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let row = try #require(readme.firstMatch(of: /\*\*agreement between two coders\*\* \((\d+) items\) \| (\d+) \| \*\*([0-9.]+)\*\* \| \*\*([0-9.]+)\*\* \| ([0-9.]+) \|/),
                               "the README's row")
        #expect(json["paired"] as? Int == Int(row.1) && themes["items"] as? Int == Int(row.2))
        func three(_ value: Any?) -> String { String(format: "%.3f", (value as? Double) ?? -1) }
        #expect(three(themes["themeAccuracy"]) == String(row.3) && three(themes["kappa"]) == String(row.4)
                && three(themes["subthemeAccuracy"]) == String(row.5), "\(themes)")
        // Every row of the sample pairs: the table says the first's rows left over are the rest of the items.
        let table = try CLI.run(["agree", "Tests/Gold/real", "Tests/Gold/real/second-coding.csv"])
        #expect(table.stdout.contains("(every row of the second pairs: where it codes a sample of these documents' items, these are the rest of them, not disagreements)"),
                "\(table.stdout.suffix(300))")
        // Plymouth's two items of one 80-character prefix are no copy: the sample holds neither.
        #expect(!table.stderr.contains("repeat"), "\(table.stderr)")
        #expect(table.stdout.contains("| theme ") && table.stdout.contains("1,000 samples of the"), "\(table.stdout.prefix(900))")
    }

    /// The same figures whichever coding comes first, from a file and from standard input.
    @Test func theOrderOfTheCodingsAndStandardInputDoNotChangeTheFigures() throws {
        let coding = try String(contentsOf: CLI.root.appendingPathComponent("Tests/Gold/real/second-items/wakefield-ofsted-focused-visit-2023.csv"),
                                encoding: .utf8)
        let forward = try CLI.run(["agree", "Tests/Gold/real", "-", "--format", "json"], stdin: coding)
        let backward = try CLI.run(["agree", "Tests/Gold/real/second-items/wakefield-ofsted-focused-visit-2023.csv", "Tests/Gold/real", "--format", "json"])
        #expect(forward.status == 0 && backward.status == 0, "\(forward.stderr) \(backward.stderr)")
        let (a, b) = (try Self.figures(forward.stdout), try Self.figures(backward.stdout))
        #expect(a.paired == b.paired && a.paired > 20 && abs(a.kappa - b.kappa) < 1e-12 && abs(a.items - b.items) < 1e-12, "\(a) \(b)")
        #expect(a.items > 0.8, "both coders coded every item of the document: \(a.items)")
    }

    static func figures(_ json: String) throws -> (paired: Int, items: Double, kappa: Double) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let themes = try #require(object["themes"] as? [String: Any])
        return (object["paired"] as? Int ?? -1, object["items"] as? Double ?? -1, themes["kappa"] as? Double ?? -1)
    }

    /// The tool as the second coder: `classify`'s CSV read by `agree` gives the theme figures
    /// `evaluate` gives for the same items.
    @Test func theToolsCodingAgreesAsEvaluateMeasuresIt() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tool = folder.appendingPathComponent("tool.csv")
        let classified = try CLI.run(["classify", "corpus/documents", "--format", "csv", "-q", "-o", tool.path])
        #expect(classified.status == 0, "\(classified.stderr)")
        let agreed = try CLI.run(["agree", "corpus/annotations.csv", tool.path, "--format", "json"])
        let evaluated = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "corpus/documents", "--format", "json", "--bootstrap", "0", "-q"])
        #expect(agreed.status == 0 && evaluated.status == 0, "\(agreed.stderr) \(evaluated.stderr)")
        let agreement = try #require(try JSONSerialization.jsonObject(with: Data(agreed.stdout.utf8)) as? [String: Any])
        let evaluation = try #require(try JSONSerialization.jsonObject(with: Data(evaluated.stdout.utf8)) as? [String: Any])
        let (mine, theirs) = (try #require(agreement["themes"] as? [String: Any]), try #require(evaluation["themes"] as? [String: Any]))
        #expect((mine["items"] as? Int).map { $0 > 150 } == true && mine["items"] as? Int == theirs["items"] as? Int, "\(mine["items"] ?? "") \(theirs["items"] ?? "")")
        for key in ["themeAccuracy", "kappa", "subthemeAccuracy"] {
            let (a, b) = ((mine[key] as? Double) ?? -1, (theirs[key] as? Double) ?? -2)
            #expect(abs(a - b) < 1e-9, "\(key): agree \(a), evaluate \(b)")
        }
    }

    /// Usage errors exit 64; a coding that cannot be read, or two codings of no common document,
    /// fail in one line with status 1; `-o` writes the table and will not replace a coding.
    @Test func mistakesAreSaidInOneLine() throws {
        let twice = try CLI.run(["agree", "-", "-"], stdin: "")
        #expect(twice.status == 64 && twice.stderr.contains("given twice"), "\(twice.stderr)")
        let single = try CLI.run(["agree", "corpus/annotations.csv"])
        #expect(single.status == 64, "\(single.stderr)")
        let missing = try CLI.run(["agree", "corpus/annotations.csv", "/nonexistent/coding.csv"])
        #expect(missing.status == 1 && missing.stdout.isEmpty, "\(missing.stdout)")
        #expect(missing.stderr.split(separator: "\n").count == 1 && missing.stderr.contains("/nonexistent/coding.csv"), "\(missing.stderr)")
        let apart = try CLI.run(["agree", "corpus/annotations.csv", "Tests/Gold/real/second-coding.csv"])
        #expect(apart.status == 1 && apart.stderr.contains("name no document in common"), "\(apart.stderr)")
        // A copied row pairs with nothing: said, as evaluate says it.
        let text = "Leaders have a clear understanding of the strengths and weaknesses of practice"
        let copied = try CLI.run(["agree", "-", "corpus/annotations.csv"], stdin: "document,kind,text\nx.txt,strength,\(text)\nx.txt,strength,\(text)\n")
        #expect(copied.status == 1 && copied.stderr.contains("name no document in common"), "\(copied.stderr)")
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.csv")
        try "document,kind,text\nx.txt,strength,\(text)\n".write(to: one, atomically: true, encoding: .utf8)
        let repeated = try CLI.run(["agree", one.path, "-"], stdin: "document,kind,text\nx.txt,strength,\(text)\nx.txt,strength,\(text)\n")
        #expect(repeated.status == 0 && repeated.stderr.contains("second coding: 1 row repeats another row (the same document, kind and text: x.txt, line"),
                "\(repeated.stderr)")
        // Two folders' files of one name are one document: said.
        let folders = folder.appendingPathComponent("folders.csv")
        try "document,kind,text\n2022/r.txt,strength,\(text)\n2023/r.txt,strength,Caseloads are too high in the assessment teams and staff turnover has slowed\n"
            .write(to: folders, atomically: true, encoding: .utf8)
        let merged = try CLI.run(["agree", folders.path, folders.path])
        #expect(merged.status == 0 && merged.stderr.contains("files of one name in several folders are compared as one document (2022/r.txt, 2023/r.txt)"),
                "\(merged.stderr)")
        let copy = folder.appendingPathComponent("second.csv")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/Gold/real/second-coding.csv"), to: copy)
        let refused = try CLI.run(["agree", "Tests/Gold/real", copy.path, "--format", "json", "-o", copy.path])
        let kept = try Data(contentsOf: copy) == Data(contentsOf: CLI.root.appendingPathComponent("Tests/Gold/real/second-coding.csv"))
        #expect(refused.status == 1 && kept && refused.stderr.contains("one of the files read"), "\(refused.stderr)")
        let written = folder.appendingPathComponent("agreement.json")
        let run = try CLI.run(["agree", "Tests/Gold/real", copy.path, "-o", written.path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try String(contentsOf: written, encoding: .utf8)
        #expect(json.hasPrefix("{"), "a .json name chooses JSON")
    }

    /// A theme one coding alone uses, one slip from a theme of the other ("purpse"), is named with
    /// its line: as written it is a category of its own in kappa (session 47's audit).
    @Test func aMisspeltThemeIsNamed() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "The partnership should make sure that every agency takes part in the multi-agency audit programme this year."
        try "document,kind,theme,subtheme,text\na.txt,recommendation,purpose,,\(text)\n".write(to: folder.appendingPathComponent("one.csv"), atomically: true, encoding: .utf8)
        try "document,kind,theme,subtheme,text\na.txt,recommendation,purpse,,\(text)\n".write(to: folder.appendingPathComponent("two.csv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["agree", folder.appendingPathComponent("one.csv").path, folder.appendingPathComponent("two.csv").path])
        #expect(result.stderr.contains("second coding: the theme purpse (a.txt, line 2) is not in the other coding; did you mean purpose?"), "\(result.stderr)")
    }
}
