import Foundation
import Testing

/// What the command line promises of its streams and outputs: standard input closed or a folder,
/// `-` wherever a file is read, outputs that keep their permissions, help and version that cannot
/// be written, and what `lexicon learn` says of too little to cross-validate (session 43's audits).
@Suite struct StreamsAndOutputsTests {
    /// Standard input closed (`<&-`, as cron leaves it) or a folder (`< /`): every way of reading
    /// `-` says so in one line with status 1 (session 43's audit: Foundation stopped the process
    /// with a stack trace, status 132, and `analyse` left its lock behind).
    @Test func aClosedOrFolderStandardInputIsOneLine() throws {
        let seed = CLI.root.appendingPathComponent("corpus/documents/hollinsmoor-committee-report-2021.txt").path
        let commands = [["recommendations", "-"], ["extract", "-"], ["classify", "--lines", "-"], ["count", "--scheme", "-", seed],
                        ["recommendations", "--manifest", "-", seed], ["lexicon", "convert", "-"], ["lexicon", "check", "-"]]
        for (redirect, cause) in [("<&-", "it is closed"), ("< /", "it is a folder")] {
            for command in commands {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "exec \"$0\" \"$@\" \(redirect)", CLI.executable.path] + command
                process.currentDirectoryURL = CLI.root
                let (status, stderr) = try CLI.stderrOf(process)
                #expect(status == 1, "\(command) \(redirect): \(stderr)")
                #expect(stderr.hasPrefix("scrutiny: ") && stderr.contains(cause) && stderr.filter { $0 == "\n" }.count == 1,
                        "\(command) \(redirect): \(stderr)")
            }
        }
    }

    /// A file or report replaced keeps the permissions it had, as `> FILE` keeps them (session 43's
    /// audit: a group-only output, and a report folder, became readable by everyone).
    @Test func aReplacedOutputKeepsItsPermissions() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = CLI.root.appendingPathComponent("corpus/documents/hollinsmoor-committee-report-2021.txt").path
        func mode(_ path: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1 }
        let csv = folder.appendingPathComponent("items.csv").path
        try "old\n".write(toFile: csv, atomically: false, encoding: .utf8)
        chmod(csv, 0o640)
        #expect(try CLI.run(["recommendations", document, "-o", csv]).status == 0)
        #expect(try mode(csv) == 0o640)
        let dictionary = folder.appendingPathComponent("six.dic").path
        #expect(try CLI.run(["lexicon", "convert", "lexicons/six-steps.yml", dictionary]).status == 0)
        chmod(dictionary, 0o600)
        #expect(try CLI.run(["lexicon", "convert", "lexicons/six-steps.yml", dictionary]).status == 0)
        #expect(try mode(dictionary) == 0o600)
        let report = folder.appendingPathComponent("report").path
        #expect(try CLI.run(["analyse", document, "-o", report, "--no-cache"]).status == 0)
        chmod(report, 0o750)
        chmod(report + "/report.html", 0o640)
        let figure = try #require(try FileManager.default.contentsOfDirectory(atPath: report + "/figures").first.map { report + "/figures/" + $0 })
        chmod(figure, 0o600)
        #expect(try CLI.run(["analyse", document, "-o", report, "--no-cache", "--title", "Again"]).status == 0)
        #expect(try mode(report) == 0o750 && mode(report + "/report.html") == 0o640 && mode(figure) == 0o600)
        #expect(try String(contentsOfFile: report + "/report.md", encoding: .utf8).contains("Again"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    /// `-` is standard input for `--template` and `--compare-rules` too, and `-o -` never makes a
    /// folder named `-`: `survey` prints, `analyse` (whose report is a folder) refuses (session 43's audit).
    @Test func dashIsStandardInputForTemplatesAndRulesAndNeverAFolder() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = CLI.root.appendingPathComponent("corpus/documents/hollinsmoor-committee-report-2021.txt").path
        let wording = try String(contentsOf: CLI.root.appendingPathComponent("lexicons/report.yml"), encoding: .utf8)
            .replacingOccurrences(of: "\ntitle: \"Scrutiny of the partnerships: a survey from their own documents\"", with: "\ntitle: \"Read from a pipe\"")
        let survey = try CLI.run(["survey", document, "--template", "-", "-o", "-", "--lexicons", CLI.root.appendingPathComponent("lexicons").path],
                                 stdin: wording, in: folder)
        #expect(survey.status == 0 && survey.stdout.hasPrefix("# Read from a pipe"), "\(survey.stderr)")
        let analyse = try CLI.run(["analyse", document, "-o", "-"], in: folder)
        #expect(analyse.status == 64 && analyse.stderr.contains("cannot go to standard output"), "\(analyse.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let rules = try String(contentsOf: CLI.root.appendingPathComponent("lexicons/items.yml"), encoding: .utf8)
        let compared = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", document, "--compare-rules", "-", "--bootstrap", "0"], stdin: rules)
        #expect(compared.status == 0 && compared.stdout.contains("B = standard input."), "\(compared.stdout)")
        #expect(try CLI.run(["survey", "-", "--template", "-"], stdin: "").status == 64)
        // `analyse` does not take its stored report for one written with another template read
        // from standard input (session 43's re-audit: "nothing changed", the old title kept).
        let report = folder.appendingPathComponent("report").path
        for title in ["First title", "Second title"] {
            let text = wording.replacingOccurrences(of: "title: \"Read from a pipe\"", with: "title: \"\(title)\"")
            let run = try CLI.run(["analyse", document, "--template", "-", "-o", report,
                                   "--lexicons", CLI.root.appendingPathComponent("lexicons").path], stdin: text, in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try String(contentsOfFile: report + "/report.md", encoding: .utf8).hasPrefix("# \(title)"))
        }
    }

    /// `lexicon learn` on one document gives no cross-validated figure (it wrote "0.000" for
    /// both), and a `--holdout` that holds back every coded document says so rather than blaming
    /// the hand coding (session 43's audit).
    @Test func learningFromOneDocumentGivesNoCrossValidatedFigure() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "hollinsmoor-committee-report-2021.txt"
        let rows = try String(contentsOf: CLI.root.appendingPathComponent("corpus/annotations.csv"), encoding: .utf8).split(separator: "\n")
        let gold = folder.appendingPathComponent("gold.csv")
        try ([String(rows[0])] + rows.filter { $0.hasPrefix(name + ",") }.map(String.init)).joined(separator: "\n").appending("\n")
            .write(to: gold, atomically: true, encoding: .utf8)
        let document = "corpus/documents/" + name
        let learned = try CLI.run(["lexicon", "learn", "--gold", gold.path, document])
        #expect(learned.status == 0, "\(learned.stderr)")
        #expect(learned.stderr.contains("needs two documents or more") && !learned.stderr.contains("0.000"), "\(learned.stderr)")
        #expect(learned.stdout.contains("Not cross-validated: one document.") && !learned.stdout.contains("0.000"))
        let holdout = folder.appendingPathComponent("holdout.txt")
        try (name + "\n").write(to: holdout, atomically: true, encoding: .utf8)
        let none = try CLI.run(["lexicon", "learn", "--gold", gold.path, "--holdout", holdout.path, document])
        #expect(none.status == 1 && none.stderr.contains("--holdout: every document of gold.csv with a coded theme is held back"), "\(none.stderr)")
        // A name the hand coding does not have holds nothing back: said (session 43's re-audit).
        try "nosuch.pdf\n".write(to: holdout, atomically: true, encoding: .utf8)
        let typo = try CLI.run(["lexicon", "learn", "--gold", gold.path, "--holdout", holdout.path, document])
        #expect(typo.status == 0 && typo.stderr.contains("names 1 document that --gold does not code"), "\(typo.stderr)")
    }

    /// `--help` and `--version` that cannot be written are said and fail, as every other output
    /// (session 43's audit: both exited 0 into /dev/full).
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"))) func helpAndVersionThatCannotBeWrittenFail() throws {
        for arguments in [["--version"], ["extract", "--help"]] {
            let process = CLI.process(arguments)
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let (status, stderr) = try CLI.stderrOf(process)
            #expect(status == 1 && stderr.contains("cannot write standard output"), "\(arguments): \(stderr)")
        }
        #expect(try CLI.run(["--version"]).stdout == "scrutiny 0.7.0\n")
    }

    /// `-o` never writes over a file the run reads, by any name: a document found by walking a
    /// folder, named through a link or given as standard input, any file of a gold folder or of
    /// the lexicons folder (session 43's audits: each was replaced, exit 0).
    @Test func noFileTheRunReadsIsWrittenOver() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("report.txt")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("corpus/documents/hollinsmoor-committee-report-2021.txt"), to: document)
        let before = try Data(contentsOf: document)
        // Found by walking a folder, on every command that prints.
        for command in [["extract"], ["recommendations"], ["classify"], ["count"], ["profile"]] {
            let walked = try CLI.run(command + [folder.path, "-o", document.path])
            #expect(walked.status == 1 && walked.stderr.contains("is one of the files read"), "\(command): \(walked.stderr)")
            #expect(try Data(contentsOf: document) == before, "\(command)")
        }
        // Named through a symbolic link, or given as standard input; a file of a gold folder or of
        // the lexicons folder the run reads (session 43's re-audit: each was replaced, exit 0).
        let link = folder.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: document)
        #expect(try CLI.run(["recommendations", link.path, "-o", document.path]).status == 1)
        let redirected = Process()
        redirected.executableURL = URL(fileURLWithPath: "/bin/sh")
        redirected.arguments = ["-c", "exec \"$0\" recommendations - -o \"$1\" < \"$1\"", CLI.executable.path, document.path]
        redirected.currentDirectoryURL = CLI.root
        let fromStandardInput = try CLI.stderrOf(redirected)
        #expect(fromStandardInput.status == 1 && fromStandardInput.stderr.contains("the same file as standard input"), "\(fromStandardInput.stderr)")
        #expect(try Data(contentsOf: document) == before)
        let gold = folder.appendingPathComponent("gold/items")
        try FileManager.default.createDirectory(at: gold, withIntermediateDirectories: true)
        let coded = gold.appendingPathComponent("a.csv")
        try "document,kind,form,theme,subtheme,theme2,subtheme2,text\n".write(to: coded, atomically: true, encoding: .utf8)
        let intoGold = try CLI.run(["evaluate", "--gold", gold.deletingLastPathComponent().path, link.path, "--format", "table", "-o", coded.path])
        #expect(intoGold.status == 1 && intoGold.stderr.contains("whose files the run reads"), "\(intoGold.stderr)")
        let lexicons = folder.appendingPathComponent("lx")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("lexicons"), to: lexicons)
        let scheme = lexicons.appendingPathComponent("wt2018.yml")
        let kept = try Data(contentsOf: scheme)
        let intoLexicons = try CLI.run(["classify", "--lexicons", lexicons.path, link.path, "-o", scheme.path])
        #expect(intoLexicons.status == 1 && intoLexicons.stderr.contains("whose files the run reads"), "\(intoLexicons.stderr)")
        #expect(try Data(contentsOf: scheme) == kept)
    }

    /// `profile --gold -` reads the hand coding from standard input, as every `-` does (session
    /// 43's re-audit: it looked for a file named "-").
    @Test func profileGoldReadsStandardInput() throws {
        let coding = try String(contentsOf: CLI.root.appendingPathComponent("corpus/arrangements.csv"), encoding: .utf8)
        let piped = try CLI.run(["profile", "--gold", "-", "corpus/documents", "--manifest", "corpus/manifest.csv"], stdin: coding)
        let named = try CLI.run(["profile", "--gold", "corpus/arrangements.csv", "corpus/documents", "--manifest", "corpus/manifest.csv"])
        #expect(piped.status == 0 && named.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == named.stdout && piped.stdout.contains("rest (8 partnerships)"))
    }
}
