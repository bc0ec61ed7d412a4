import Foundation
import Testing

/// `analyse` keeps each file's analysis in a store beside the report (`<report>.cache.sqlite`), so
/// that a re-run reads only what changed; the report must be the same, byte for byte, either way.
extension CLI.Result {
    /// The first line of standard error that contains `text`.
    func line(containing text: String) -> String? {
        stderr.split(separator: "\n").first { $0.contains(text) }.map { String($0) }
    }
}

@Suite(.serialized) struct StoreCommandTests {
    func files(under folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            found[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))] = try Data(contentsOf: url)
        }
        return found
    }

    func expectSame(_ left: [String: Data], _ right: [String: Data], _ what: String) {
        #expect(left.keys.sorted() == right.keys.sorted(), "\(what): the same files")
        for (name, bytes) in left { #expect(right[name] == bytes, "\(what): \(name) differs") }
    }

    /// A folder `docs` in `root` holding two small documents of the corpus.
    func twoDocuments(in root: URL) throws -> URL {
        let documents = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        for name in ["ravensholme-scrutiny-report-2022.md", "hollinsmoor-committee-report-2021.txt"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("corpus/documents/\(name)"), to: documents.appendingPathComponent(name))
        }
        return documents
    }

    /// Every stage of a run, as `SCRUTINY_TIMINGS=1` tells it: how many documents came from the store.
    func fromStore(_ stderr: String) -> String? {
        stderr.split(separator: "\n").first { $0.contains("timing store:") }.map { String($0) }
    }

    @Test func aWarmRunWritesTheSameReportAndReadsOnlyWhatChanged() throws {
        let root = try CLI.temporaryDirectory()
        let documents = root.appendingPathComponent("docs")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("corpus/documents"), to: documents)
        let manifest = CLI.root.appendingPathComponent("corpus/manifest.csv").path
        func analyse(_ folder: String, _ options: [String] = []) throws -> (CLI.Result, URL) {
            let output = root.appendingPathComponent(folder).appendingPathComponent("report")
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            let result = try CLI.run(["analyse", documents.path, "--manifest", manifest, "--output", output.path] + options,
                                     environment: ["SCRUTINY_TIMINGS": "1"])
            #expect(result.status == 0, "\(result.stderr)")
            return (result, output)
        }
        let (cold, report) = try analyse("a")
        #expect(fromStore(cold.stderr)?.contains("store: 0 of 35 documents") == true, "\(cold.stderr)")
        let store = report.deletingLastPathComponent().appendingPathComponent("report.cache.sqlite")
        #expect(FileManager.default.fileExists(atPath: store.path))
        let coldFiles = try files(under: report)
        let (warm, _) = try analyse("a")
        #expect(fromStore(warm.stderr)?.contains("store: 35 of 35 documents") == true, "\(warm.stderr)")
        expectSame(coldFiles, try files(under: report), "cold and warm")
        // Without the store: the same report, and no store written.
        let (uncached, plain) = try analyse("b", ["--no-cache"])
        #expect(fromStore(uncached.stderr) == nil)
        #expect(!FileManager.default.fileExists(atPath: plain.deletingLastPathComponent().appendingPathComponent("report.cache.sqlite").path))
        expectSame(coldFiles, try files(under: plain), "with and without the store")
        // Nothing changed, and the folder holds the report as it was put there: nothing is written.
        #expect(warm.line(containing: "report in place as the store has it") != nil, "\(warm.stderr)")
        #expect(warm.line(containing: "report written from the store") == nil)
        let html = report.appendingPathComponent("report.html").path
        let modified = try FileManager.default.attributesOfItem(atPath: html)[.modificationDate] as? Date
        // A report file changed or gone: the report kept is written again, as it was.
        try (String(contentsOfFile: html, encoding: .utf8) + "<!-- edited -->").write(toFile: html, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: report.appendingPathComponent("items.csv"))
        let (rewritten, _) = try analyse("a")
        #expect(fromStore(rewritten.stderr)?.contains("store: 35 of 35 documents") == true, "\(rewritten.stderr)")
        #expect(rewritten.line(containing: "report written from the store") != nil, "\(rewritten.stderr)")
        expectSame(coldFiles, try files(under: report), "cold, and warm after the report was edited")
        #expect(try FileManager.default.attributesOfItem(atPath: html)[.modificationDate] as? Date != modified)
        let (again, _) = try analyse("a")
        #expect(again.line(containing: "report in place as the store has it") != nil, "\(again.stderr)")

        // Another title: every analysis from the store, the report made again from them.
        let (retitled, _) = try analyse("a", ["--title", "Another title"])
        #expect(fromStore(retitled.stderr)?.contains("store: 35 of 35 documents") == true, "\(retitled.stderr)")
        #expect(retitled.line(containing: "report written from the store") == nil)
        let retitledFiles = try files(under: report)
        _ = try analyse("b", ["--no-cache", "--title", "Another title"])
        expectSame(retitledFiles, try files(under: plain), "a report made from the store's analyses and one made without it")
        #expect(retitledFiles["/report.html"] != coldFiles["/report.html"])

        // One file changed: only it is read again, and the report is what a run without the store writes.
        let changed = documents.appendingPathComponent("hollinsmoor-committee-report-2021.txt")
        let text = try String(contentsOf: changed, encoding: .utf8)
        try (text + "\n\nRecommendation 9: The partnership should publish its scrutiny plan on its website.\n")
            .write(to: changed, atomically: true, encoding: .utf8)
        let (rerun, _) = try analyse("a")
        #expect(fromStore(rerun.stderr)?.contains("store: 34 of 35 documents") == true, "\(rerun.stderr)")
        let rerunFiles = try files(under: report)
        #expect(rerunFiles["/items.csv"] != coldFiles["/items.csv"], "the new recommendation is in the report")
        _ = try analyse("b", ["--no-cache"])
        expectSame(rerunFiles, try files(under: plain), "after a change, with and without the store")
    }

    /// A report into folders that do not exist yet: the first run makes them and keeps its store,
    /// so the second run reads nothing again.
    /// A folder with files that cannot be read (as every download folder has) re-runs from the
    /// store like any other: the report left as it was, the same lines said once each, the same
    /// exit status. Until session 19 such a run read and wrote everything again, and every warm
    /// run said its summary twice.
    @Test func aWarmRunOverBadFilesIsWarmAndSaysItsLinesOnce() throws {
        let root = try CLI.temporaryDirectory()
        let documents = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("corpus/documents/ravensholme-scrutiny-report-2022.md"),
                                         to: documents.appendingPathComponent("ravensholme-scrutiny-report-2022.md"))
        let pdf = try Data(contentsOf: CLI.root.appendingPathComponent("corpus/documents/farrowdale-annual-report-2020.pdf"))
        try pdf.prefix(2000).write(to: documents.appendingPathComponent("truncated.pdf"))
        #expect(FileManager.default.createFile(atPath: documents.appendingPathComponent("empty.pdf").path, contents: Data()))
        // A folder's README is passed by, said in the walk before the store is asked: said once on
        // the warm run too (session 37's second audit found it twice).
        try "What these files are.\n".write(to: documents.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("report")
        let cold = try CLI.run(["analyse", documents.path, "--output", output.path])
        #expect(cold.stderr.split(separator: "\n").filter { $0.contains("README.md") }.count == 1, "\(cold.stderr)")
        #expect(cold.status == 1)
        let written = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("report.html").path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 1.1)
        let warm = try CLI.run(["analyse", documents.path, "--output", output.path], environment: ["SCRUTINY_TIMINGS": "1"])
        #expect(warm.status == 1)
        #expect(fromStore(warm.stderr)?.contains("and their report") == true, "\(warm.stderr)")
        let said = { (stderr: String) in stderr.split(separator: "\n").filter { !$0.hasPrefix("scrutiny: timing") } }
        // The same lines, but the summary says the report was left as it was, and only the cold
        // run, which made the store, says it did.
        #expect(said(cold.stderr).filter { $0.contains("kept what it read in") }.count == 1, "\(cold.stderr)")
        let unchanged = said(cold.stderr).filter { !$0.contains("kept what it read in") }.map { $0.replacingOccurrences(of: "; report written to ", with: "; nothing changed since the report was written: ") }
        #expect(said(warm.stderr).map(String.init) == unchanged, "\(warm.stderr)")
        #expect(said(cold.stderr).filter { $0.contains("report written to") }.count == 1)
        #expect(said(warm.stderr).filter { $0.contains("nothing changed since the report was written: ") }.count == 1)
        let after = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("report.html").path)[.modificationDate] as? Date
        #expect(written != nil && written == after, "the report is left as it was")
    }

    /// The store is pruned: an edited lexicon makes every key new, and before session 33 the old
    /// entries stayed for good (a store grew by a copy of every analysis at each edit). An entry
    /// that none of the last five runs used goes; one used again is kept.
    @Test func entriesNoRecentRunUsedAreRemoved() throws {
        let root = try CLI.temporaryDirectory()
        let documents = try twoDocuments(in: root)
        let lexicons = root.appendingPathComponent("lexicons")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("lexicons"), to: lexicons)
        let topics = lexicons.appendingPathComponent("topics.yml")
        let original = try String(contentsOf: topics, encoding: .utf8)
        /// A run with the lexicons as they are after `edit` (0: as shipped), each edit a comment more.
        func analyse(edit: Int) throws -> CLI.Result {
            try (original + (0..<edit).map { "# edit \($0)\n" }.joined()).write(to: topics, atomically: true, encoding: .utf8)
            let result = try CLI.run(["analyse", documents.path, "--lexicons", lexicons.path, "--output", root.appendingPathComponent("report").path],
                                     environment: ["SCRUTINY_TIMINGS": "1"])
            #expect(result.status == 0, "\(result.stderr)")
            return result
        }
        let removed = "entries no recent run used removed"
        for edit in 0..<5 {
            let run = try analyse(edit: edit)
            #expect(fromStore(run.stderr)?.contains("store: 0 of 2 documents") == true, "\(run.stderr)")
            #expect(run.line(containing: removed) == nil, "run \(edit + 1): \(run.stderr)")
        }
        // The sixth run: the first run's entries, used by none of the last five, go.
        let sixth = try analyse(edit: 5)
        #expect(sixth.line(containing: "store: 2 \(removed)") != nil, "\(sixth.stderr)")
        // The second run's lexicons again: its entries are used, so kept, and nothing goes.
        let seventh = try analyse(edit: 1)
        #expect(fromStore(seventh.stderr)?.contains("store: 2 of 2 documents") == true, "\(seventh.stderr)")
        #expect(seventh.line(containing: removed) == nil, "\(seventh.stderr)")
        // The first run's lexicons: read again, since their entries went.
        let eighth = try analyse(edit: 0)
        #expect(fromStore(eighth.stderr)?.contains("store: 0 of 2 documents") == true, "\(eighth.stderr)")
    }

    @Test func aFirstRunIntoNewFoldersKeepsItsStore() throws {
        let root = try CLI.temporaryDirectory()
        let documents = try twoDocuments(in: root)
        let output = root.appendingPathComponent("new/deeper/report")
        func analyse() throws -> CLI.Result {
            let result = try CLI.run(["analyse", documents.path, "--output", output.path], environment: ["SCRUTINY_TIMINGS": "1"])
            #expect(result.status == 0, "\(result.stderr)")
            return result
        }
        let first = try analyse()
        #expect(fromStore(first.stderr)?.contains("store: 0 of 2 documents") == true, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("new/deeper/report.cache.sqlite").path))
        // The run that made the store says so, once; the next, which uses it, does not.
        let told = "scrutiny: kept what it read in \(output.path).cache.sqlite, for the next run to read only the files that changed"
        #expect(first.stderr.components(separatedBy: told).count == 2, "\(first.stderr)")
        let second = try analyse()
        #expect(fromStore(second.stderr)?.contains("store: 2 of 2 documents") == true, "\(second.stderr)")
        #expect(!second.stderr.contains("kept what it read"), "\(second.stderr)")
    }

    /// `-o .` writes the report into the current folder and keeps the store beside it, named
    /// after it (session 32's audit: the store was `./..cache.sqlite`, inside the folder, and the
    /// run then refused the folder for holding files that were not the report's).
    @Test func theCurrentFolderAsOutputKeepsItsStoreBesideIt() throws {
        let parent = try CLI.temporaryDirectory()
        let here = parent.appendingPathComponent("here")
        try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
        let document = CLI.root.appendingPathComponent("corpus/documents/hollinsmoor-committee-report-2021.txt").path
        let result = try CLI.run(["analyse", document, "-o", "."], in: here)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: here.appendingPathComponent("report.html").path))
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent("here.cache.sqlite").path))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: here.path)).contains { $0.contains("cache.sqlite") })
    }

    /// A run that puts no report in place leaves no store it made: nothing read (an empty folder,
    /// a mistyped one), or a report folder holding the user's own file (session 28's user audit:
    /// a `.cache.sqlite` was left beside each). A store that was there before stays.
    @Test func aRunThatWritesNoReportLeavesNoStore() throws {
        let root = try CLI.temporaryDirectory()
        let empty = root.appendingPathComponent("empty")
        let mine = root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "my notes".write(to: mine.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let document = CLI.root.appendingPathComponent("corpus/documents/ravensholme-scrutiny-report-2022.md").path
        for (arguments, output) in [(["analyse", empty.path, "-o", root.appendingPathComponent("out1").path], "out1"),
                                    (["analyse", root.appendingPathComponent("typo").path, "-o", root.appendingPathComponent("out2").path], "out2"),
                                    (["analyse", document, "-o", mine.path], "mine"),
                                    (["survey", empty.path, "-o", root.appendingPathComponent("out3").path], "out3")] {
            let result = try CLI.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(output + ".cache.sqlite").path), "\(arguments)")
            // Nor the report folder it would have made (session 32's audit: `survey` left it, empty).
            if output != "mine" { #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(output).path), "\(arguments)") }
        }
        let kept = root.appendingPathComponent("kept")
        #expect(try CLI.run(["analyse", document, "-o", kept.path]).status == 0)
        try "my notes".write(to: kept.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["analyse", document, "-o", kept.path]).status == 1)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("kept.cache.sqlite").path), "a store made before stays")
    }

    /// A report folder is replaced only while it holds nothing but a report: a file the user put in
    /// it stops the run (it was deleted with the folder until session 18). A report written inside
    /// the folder it reads is not read back as documents, and what a killed run left beside the
    /// report (its staging folder) is cleared by the next.
    @Test func aReportFolderKeepsWhatTheUserPutInItAndIsNotReadBack() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let documents = try twoDocuments(in: root)
        let output = documents.appendingPathComponent("report")
        let killed = documents.appendingPathComponent(".report.scrutiny-new-999999")
        try FileManager.default.createDirectory(at: killed, withIntermediateDirectories: true)
        let first = try CLI.run(["analyse", documents.path, "--output", output.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!FileManager.default.fileExists(atPath: killed.path), "a killed run's staging folder is cleared")
        let again = try CLI.run(["analyse", documents.path, "--output", output.path, "--no-cache"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("2 documents"), "the report is not read back: \(again.stderr)")
        let notes = output.appendingPathComponent("notes.txt")
        try "my notes".write(to: notes, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["analyse", documents.path, "--output", output.path, "--no-cache"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("notes.txt"), "\(refused.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes")
    }

    /// A store that is not a database costs only speed: one line, and the report is written.
    @Test func aDamagedStoreIsPassedByInOneLine() throws {
        let root = try CLI.temporaryDirectory()
        try Data("not a database".utf8).write(to: root.appendingPathComponent("report.cache.sqlite"))
        let result = try CLI.run(["analyse", "corpus/documents/hartsey-annual-report-2022.md", "--output",
                                  root.appendingPathComponent("report").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").filter { $0.contains("report.cache.sqlite") }.count == 1, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("report/report.html").path))
    }
}
