import Foundation
import Testing

/// The command line's front end as a user meets it: `-` reads standard input, `--quiet` keeps
/// only the errors, the old names of formats and options still work, `-o` means the same wherever
/// it writes a lexicon (the progress line: ``ProgressLineTests``).
@Suite struct FrontEndTests {
    /// A real report (seed 004), piped in whole.
    static var seed: String { CLI.seed("004") }

    /// What a command prints for the seed read by its path, with the path and file name written
    /// as standard input's name, so that it can be compared with the same command reading `-`.
    static func byPath(_ arguments: [String]) throws -> CLI.Result {
        var result = try CLI.run(arguments + [seed])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        result.stdout = result.stdout.replacingOccurrences(of: seed, with: "stdin")
            .replacingOccurrences(of: (seed as NSString).lastPathComponent, with: "stdin")
        return result
    }

    /// A mistyped command is named as one, with the command meant: the parser blamed its options
    /// ("Unknown option '--lines'") or paths ("2 unexpected arguments") until session 19.
    /// Run by its name through PATH from another folder, with no `SCRUTINY_LEXICONS`, the command
    /// still finds the lexicons of the checkout it was built in (session 28's user audit: its
    /// folder was taken from `arguments[0]`, "scrutiny", and so was the current one).
    @Test func foundThroughPathItFindsItsLexicons() throws {
        let folder = try CLI.temporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["scrutiny", "classify", "--lines", "-", "--format", "csv"]
        var environment = ProcessInfo.processInfo.environment
        environment["SCRUTINY_LEXICONS"] = nil
        environment["PATH"] = CLI.executable.deletingLastPathComponent().path
        process.environment = environment
        process.currentDirectoryURL = folder
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("The partnership should review its neglect strategy.\n".utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed.contains("The partnership should review its neglect strategy."), "\(printed)")
    }

    @Test func aMistypedCommandIsNamedWithTheOneMeant() throws {
        let result = try CLI.run(["clasify", "--lines", "x.txt"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: 'clasify' is not a scrutiny command. Did you mean 'classify'?"), "\(result.stderr)")
        let far = try CLI.run(["frobnicate"]).stderr
        #expect(far.hasPrefix("Error: 'frobnicate' is not a scrutiny command. The commands: extract, recommendations,"), "\(far)")
        #expect(!far.contains("read-worker") && !far.contains("Did you mean"), "\(far)")
        #expect(try CLI.run(["help", "classify"]).status == 0)
        // The same one level down, where the parser would say only "Unexpected argument".
        let nested = try CLI.run(["lexicon", "chek", "lexicons/wt2018.yml"])
        #expect(nested.status == 64)
        #expect(nested.stderr.hasPrefix("Error: 'chek' is not a scrutiny lexicon command. Did you mean 'check'? The commands: check, convert, learn, import-codebook."), "\(nested.stderr)")
        #expect(try CLI.run(["lexicon", "check", "--help"]).status == 0)
    }

    /// A folder named among other paths that holds nothing to read fails the run in one line, as it
    /// does named alone (session 31's user audit: a mistyped or empty folder in a batch went
    /// without a word, status 0); the other files are read.
    @Test func aFolderWithNothingToReadAmongOthersFailsTheRun() throws {
        let folder = try CLI.temporaryDirectory()
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("not a document".utf8).write(to: empty.appendingPathComponent("picture.jpg"))
        let good = folder.appendingPathComponent("good.txt")
        try "Recommendations\n\n1. The partnership should publish its audit plan.\n".write(to: good, atomically: true, encoding: .utf8)
        let both = try CLI.run(["recommendations", "--format", "csv", empty.path, good.path])
        #expect(both.status == 1)
        #expect(both.stderr == "scrutiny: skipped \(empty.path): no supported files found in it\n", "\(both.stderr)")
        #expect(both.stdout.contains("publish its audit plan"))
        let alone = try CLI.run(["recommendations", empty.path])
        #expect(alone.status == 1)
        #expect(alone.stderr.components(separatedBy: "no supported files found").count == 2, "said once: \(alone.stderr)")
    }

    /// A file whose name is not UTF-8 (Latin-1 "café" from an archive made on Windows) is named
    /// with the cause, found in a folder or named itself, and the rest of the run goes on (a
    /// researcher's audit: "it vanished while the folder was read", "no such file").
    @Test func aFileNameThatIsNotUTF8IsSaidToBeSo() throws {
        let folder = try CLI.temporaryDirectory()
        let bytes = Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(" report.txt".utf8) + [0]
        let written = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { fopen($0, "w") }
        }
        let file = try #require(written)
        fputs("Recommendations\n\n1. The board should meet.\n", file)
        fclose(file)
        try "Recommendations\n\n1. The partnership should publish its audit plan.\n"
            .write(to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        let walked = try CLI.run(["recommendations", "--format", "csv", folder.path])
        #expect(walked.status == 1)
        #expect(walked.stderr.contains("report.txt: its name is not UTF-8 text"), "\(walked.stderr)")
        #expect(walked.stdout.contains("publish its audit plan"))
        let named = try CLI.run(["recommendations", folder.path + "/caf\u{FFFD} report.txt"])
        #expect(named.status == 1 && named.stderr.contains("its name is not UTF-8 text"), "\(named.stderr)")
    }

    /// Without `--format`, `-o`'s extension names the format (session 32's audit: `-o items.csv`
    /// wrote a Markdown table into it); a format given wins. A file the run reads is never
    /// written over (`extract report.txt -o report.txt` put the text in the document's place).
    @Test func dashOsExtensionNamesTheFormatAndNoInputIsWrittenOver() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("report.txt")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("corpus/documents/hollinsmoor-committee-report-2021.txt"), to: document)
        let csv = folder.appendingPathComponent("items.csv")
        #expect(try CLI.run(["recommendations", document.path, "-o", csv.path]).status == 0)
        #expect(try String(contentsOf: csv, encoding: .utf8).hasPrefix("id,document,"))
        let json = folder.appendingPathComponent("items.json")
        #expect(try CLI.run(["recommendations", document.path, "-o", json.path]).status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) is [Any])
        #expect(try CLI.run(["recommendations", document.path, "--format", "table", "-o", csv.path]).status == 0)
        #expect(try String(contentsOf: csv, encoding: .utf8).hasPrefix("| "), "a format given wins")
        let before = try Data(contentsOf: document)
        let over = try CLI.run(["extract", document.path, "-o", document.path])
        #expect(over.status == 1)
        #expect(over.stderr == "scrutiny: -o: \(document.path) is one of the files read; give another name\n")
        let other = try CLI.run(["extract", "report.txt", "-o", "./report.txt"], in: folder)
        #expect(other.status == 1 && other.stderr.contains("is the same file as report.txt, one of the files read"), "\(other.stderr)")
        #expect(try Data(contentsOf: document) == before)
    }

    /// `--scheme auto` is offered only where it is taken (the help of `count`, `evaluate`, `export`
    /// and `lexicon learn` listed it, then refused it: session 31's user audit), and refused
    /// elsewhere as a usage mistake.
    @Test func schemeAutoIsOfferedOnlyWhereItIsTaken() throws {
        for command in [["count"], ["evaluate"], ["export"], ["lexicon", "learn"]] {
            let help = try CLI.run(command + ["--help"]).stdout
            #expect(help.contains("--scheme <scheme>") && !help.contains("auto"), "\(command): \(help)")
        }
        for command in [["classify"], ["survey"], ["analyse"]] {
            let help = try CLI.run(command + ["--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.contains("auto (each document against its era's scheme"), "\(command)")
        }
        let refused = try CLI.run(["count", "--scheme", "auto", "corpus/documents/ravensholme-scrutiny-report-2022.md"])
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("Error: --scheme auto: codes each document against its era's scheme in classify, survey and analyse"),
                "\(refused.stderr)")
    }

    /// Standard input is "standard input" in every message (a file of unknown format piped in was
    /// "cannot read -" until session 31's user audit) and `stdin` in the data.
    @Test func standardInputIsNamedSoInMessages() throws {
        let unknown = try CLI.run(["recommendations", "-"], stdin: "\u{01}\u{02}\u{03}\u{04} binary \u{00}\u{05}\u{06}")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("scrutiny: cannot read standard input: unknown format"), "\(unknown.stderr)")
        let empty = try CLI.run(["recommendations", "-"], stdin: "")
        #expect(empty.stderr.hasPrefix("scrutiny: cannot read standard input: the file is empty"), "\(empty.stderr)")
        let read = try CLI.run(["recommendations", "--format", "csv", "-"], stdin: "Recommendations\n\n1. The partnership should publish its plan.\n")
        #expect(read.stdout.contains(",stdin,"), "\(read.stdout)")
    }

    /// When nothing could be read, the table a person reads is not printed empty; CSV keeps its header.
    @Test func nothingReadPrintsNoEmptyTable() throws {
        let table = try CLI.run(["recommendations", "/nonexistent/report.txt"])
        #expect(table.status == 1 && table.stdout.isEmpty, "\(table.stdout)")
        #expect(table.stderr.split(separator: "\n").count == 1)
        let csv = try CLI.run(["recommendations", "/nonexistent/report.txt", "--format", "csv"])
        #expect(csv.status == 1 && csv.stdout.hasPrefix("id,document,"))
        // `classify` as `recommendations` (session 32's audit: it printed an empty table and "0 items").
        let classified = try CLI.run(["classify", "/nonexistent/report.txt"])
        #expect(classified.status == 1 && classified.stdout.isEmpty, "\(classified.stdout)")
        #expect(classified.stderr.split(separator: "\n").count == 1, "\(classified.stderr)")
        // The other printing commands as these (session 43's audit: profile and count printed an
        // empty table, survey a report of zeros, evaluate a second line blaming the gold).
        for command in [["profile"], ["count"], ["survey"], ["survey", "--format", "html"], ["evaluate", "--gold", "corpus/annotations.csv"]] {
            let nothing = try CLI.run(command + ["/nonexistent/report.txt"])
            #expect(nothing.status == 1 && nothing.stdout.isEmpty, "\(command): \(nothing.stdout.prefix(200))")
            #expect(nothing.stderr.split(separator: "\n").count == 1, "\(command): \(nothing.stderr)")
        }
        let profiled = try CLI.run(["profile", "/nonexistent/report.txt", "--format", "csv"])
        #expect(profiled.status == 1 && profiled.stdout.hasPrefix("partnership,indicator,"), "\(profiled.stdout)")
        let scored = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "/nonexistent/report.txt", "--format", "json"])
        #expect(scored.status == 1 && scored.stdout.hasPrefix("{") && scored.stderr.split(separator: "\n").count == 1, "\(scored.stdout.prefix(80)) \(scored.stderr)")
        let part = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "corpus/documents/calderwick-jtai-letter-2022.txt", "--part", "heldout"])
        #expect(part.stderr.contains("--part heldout: the gold names no held-back documents"), "\(part.stderr)")
    }

    /// `lexicon learn` says which themes of the hand coding the scheme has not (a typo was learned as
    /// a category of its own in silence: session 46's interop audit); its proposals keep a hyphenated
    /// word whole and make no phrase across a comma.
    @Test func learningSaysThemesTheSchemeHasNot() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gold = folder.appendingPathComponent("g.csv")
        try """
        document,kind,theme,subtheme,text
        a.txt,recommendation,purpos,,"The police, health and multi-agency partners should publish their plan"
        a.txt,recommendation,purpose,safeguarded,"Schools should review thresholds for early help"
        """.write(to: gold, atomically: true, encoding: .utf8)
        let result = try CLI.run(["lexicon", "learn", "--gold", gold.path, "--min-count", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: --gold codes 1 row under themes or sub-themes that wt2018 has not (purpos ×1)"), "\(result.stderr)")
        let proposed = try CLI.run(["lexicon", "learn", "--gold", "corpus/annotations.csv", "--holdout", "corpus/heldout.txt"])
        #expect(proposed.stdout.contains("- multi-agency") && !proposed.stdout.contains("- multi\n") && !proposed.stdout.contains("- multi:")
                && !proposed.stdout.contains("police health"), "\(proposed.stdout)")
    }

    /// `lexicon learn` says when its layer codes worse than the scheme alone (it wrote the layer
    /// without a word), and claims no held-back documents it was not given.
    @Test func learningFromTooFewItemsIsWarnedOf() throws {
        let output = try CLI.temporaryDirectory().appendingPathComponent("x.learned.yml")
        let result = try CLI.run(["lexicon", "learn", "--gold", "corpus/annotations.csv", "corpus/documents/hartsey-annual-report-2022.md",
                                  "corpus/documents/ravensholme-scrutiny-report-2022.md", "corpus/documents/calderwick-jtai-letter-2022.txt",
                                  "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        let alone = try #require(lines.first { $0.contains("wt2018 alone: theme accuracy") })
        let layered = try #require(lines.first { $0.contains("with the learned layer: theme accuracy") })
        // theme accuracy, kappa and sub-theme accuracy: the warning names each that fell, and is given if any did.
        let figures = { (line: Substring) in line.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .punctuationCharacters)) } }
        let (before, after) = (figures(alone), figures(layered))
        #expect(before.count == 3 && after.count == 3, "\(alone) / \(layered)")
        let fell = zip(["theme accuracy", "kappa", "sub-theme accuracy"], zip(before, after)).filter { $0.1.1 < $0.1.0 }.map(\.0)
        let warning = result.stderr.split(separator: "\n").first { $0.contains("warning: the learned layer codes worse than wt2018 alone") }
        #expect((warning != nil) == !fell.isEmpty, "\(result.stderr)")
        let named = warning.map { String($0.split(separator: "(").last?.split(separator: ")").first ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: " 0").first ?? "" } } ?? []
        #expect(named == fell, "\(result.stderr)")
        #expect(!(try String(contentsOf: output, encoding: .utf8)).contains("held-back documents left out"))
    }

    @Test(.enabled(if: CLI.seedsExist), arguments: [
        ["extract"], ["extract", "--format", "json"],
        ["recommendations", "--format", "csv"],
        ["classify", "--format", "csv"],
        ["count", "--format", "csv"],
        ["profile", "--format", "csv"],
    ])
    func dashReadsStandardInputAsTheFileWouldBeRead(_ arguments: [String]) throws {
        let text = try String(contentsOfFile: Self.seed, encoding: .utf8)
        let piped = try CLI.run(arguments + ["-"], stdin: text)
        #expect(piped.status == 0, "\(arguments) -: \(piped.stderr)")
        #expect(piped.stderr.isEmpty, "\(piped.stderr)")
        let expected = try Self.byPath(arguments)
        // Something was found (count prints a header and one row), and it is what reading the file by its path finds.
        #expect(piped.stdout.split(separator: "\n").count >= 2, "\(piped.stdout.prefix(300))")
        #expect(piped.stdout == expected.stdout)
    }

    @Test(.enabled(if: CLI.seedsExist)) func standardInputGoesWithFilesInOneRun() throws {
        let text = try String(contentsOfFile: Self.seed, encoding: .utf8)
        let result = try CLI.run(["recommendations", "--format", "csv", "corpus/documents/calderwick-jtai-letter-2022.txt", "-"], stdin: text)
        #expect(result.status == 0, "\(result.stderr)")
        let documents = Set(result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] })
        #expect(documents == ["calderwick-jtai-letter-2022.txt", "stdin"])
    }

    // MARK: --quiet

    /// A file whose contents are another format than its name says is read by its contents, and
    /// said to be so in one line (session 32's audit: a Word document named .pdf was read without a
    /// word, where plain text so named is refused); the run does not fail for it, and `-q` keeps
    /// the note off. A name that agrees with the contents says nothing.
    @Test func aFileHoldingAnotherFormatThanItsNameIsSaidToBeReadAsIt() throws {
        let folder = try CLI.temporaryDirectory()
        let report = "corpus/documents/calderwick-committee-report-2022"
        for (from, to) in [("docx", "word.pdf"), ("html", "page.pdf"), ("txt", "plain.md")] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("\(report).\(from)"), to: folder.appendingPathComponent(to))
        }
        for (name, said) in [("word.pdf", "read \(folder.path)/word.pdf as a Word document (.docx), which is what it holds, though it is named .pdf"),
                             ("page.pdf", "read \(folder.path)/page.pdf as a web page (HTML), which is what it holds, though it is named .pdf")] {
            let run = try CLI.run(["recommendations", "--format", "csv", folder.appendingPathComponent(name).path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr == "scrutiny: \(said)\n", "\(run.stderr)")
            #expect(run.stdout.contains("That Cabinet note the findings"), "\(name) is read: \(run.stdout)")
            let quiet = try CLI.run(["recommendations", "--format", "csv", "-q", folder.appendingPathComponent(name).path])
            #expect(quiet.stderr.isEmpty && quiet.stdout == run.stdout, "\(quiet.stderr)")
        }
        let agreeing = try CLI.run(["recommendations", "--format", "csv", folder.appendingPathComponent("plain.md").path])
        #expect(agreeing.status == 0 && agreeing.stderr.isEmpty, "\(agreeing.stderr)")
    }

    @Test func quietKeepsTheNotesOffStandardError() throws {
        // corpus/documents holds versions of the same reports: a note says which were left out.
        let noisy = try CLI.run(["recommendations", "--format", "csv", "corpus/documents"])
        #expect(noisy.status == 0)
        #expect(noisy.stderr.contains("scrutiny: "), "the run should say something to keep quiet")
        let quiet = try CLI.run(["recommendations", "--format", "csv", "-q", "corpus/documents"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(quiet.stdout == noisy.stdout)
    }

    /// The commands that write files (`analyse`, `export`) say where on standard error, and `-q`
    /// keeps that off too: standard output stays empty either way (until session 18 the line went
    /// to standard output, where `-q` did not reach it).
    @Test func commandsThatWriteFilesSayWhereOnStandardError() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = "corpus/documents/ravensholme-scrutiny-report-2022.md"
        let runs: [(arguments: [String], said: String)] = [
            (["analyse", "--no-cache", "-o", folder.appendingPathComponent("report").path, document], "report written to"),
            (["export", "-o", folder.appendingPathComponent("project.qdpx").path, document], "wrote "),
        ]
        for run in runs {
            let noisy = try CLI.run(run.arguments)
            #expect(noisy.status == 0, "\(noisy.stderr)")
            #expect(noisy.stdout.isEmpty, "\(noisy.stdout)")
            #expect(noisy.stderr.contains(run.said), "\(noisy.stderr)")
            let quiet = try CLI.run(run.arguments + ["-q"])
            #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stderr)")
        }
    }

    @Test func quietNeverHidesAFailedFileNorChangesTheStatus() throws {
        let file = "corpus/documents/calderwick-jtai-letter-2022.txt"
        for quietly in [false, true] {
            let result = try CLI.run(["recommendations", "--format", "csv", file, "/nonexistent/report.pdf"] + (quietly ? ["--quiet"] : []))
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(result.stderr)")
            #expect(lines.first?.contains("/nonexistent/report.pdf") == true)
            #expect(result.stdout.split(separator: "\n").count > 1)
        }
        let lines = try CLI.run(["classify", "-q", "--lines", "/nonexistent"])
        #expect(lines.status == 1)
        #expect(lines.stderr.split(separator: "\n").count == 1)
    }

    @Test func quietSilencesTheNoteOfALexiconConversion() throws {
        // wt2018 has weights, which LIWC cannot hold: converting says so, unless --quiet.
        let noisy = try CLI.run(["lexicon", "convert", "lexicons/wt2018.yml", "--to", "liwc"])
        #expect(noisy.status == 0)
        #expect(noisy.stderr.contains("left out"))
        let quiet = try CLI.run(["lexicon", "convert", "-q", "lexicons/wt2018.yml", "--to", "liwc"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
        #expect(quiet.stdout == noisy.stdout)
    }

    // MARK: one name per format and option

    @Test func theOldFormatNamesStillWork() throws {
        let gold = ["--gold", "corpus/annotations.csv", "corpus/documents/calderwick-jtai-letter-2022.txt"]
        let table = try CLI.run(["evaluate", "--format", "table"] + gold)
        let text = try CLI.run(["evaluate", "--format", "text"] + gold)
        #expect(table.status == 0 && text.status == 0)
        #expect(table.stdout.contains("| kind"))
        #expect(text.stdout == table.stdout)
        let wrong = try CLI.run(["evaluate", "--format", "csv"] + gold)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("table") && wrong.stderr.contains("json"))
    }

    @Test func surveyCallsItsMarkdownTableAndItsThemeKindsByTheirNewNames() throws {
        let files = ["corpus/documents/calderwick-jtai-letter-2022.txt", "corpus/documents/kestlebury-jtai-letter-2022.txt"]
        let table = try CLI.run(["survey", "--format", "table", "--theme-kinds", "strength"] + files)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("|"))
        let markdown = try CLI.run(["survey", "--format", "markdown", "--kinds", "strength"] + files)
        #expect(markdown.stdout == table.stdout)
        let standard = try CLI.run(["survey"] + files)
        #expect(standard.stdout != table.stdout, "--theme-kinds strength should change the theme tables")
        let both = try CLI.run(["survey", "--kinds", "strength", "--theme-kinds", "strength"] + files)
        #expect(both.status == 64)
        let procedural = try CLI.run(["survey", "--theme-kinds", "procedural"] + files)
        #expect(procedural.status == 64)
        #expect(procedural.stderr.contains("--theme-kinds"))
    }

    @Test func lexiconConvertWritesToTheSecondArgumentOrToDashO() throws {
        let temporary = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let positional = temporary.appendingPathComponent("a.dic").path
        let option = temporary.appendingPathComponent("b.dic").path
        #expect(try CLI.run(["lexicon", "convert", "-q", "lexicons/topics.yml", positional]).status == 0)
        #expect(try CLI.run(["lexicon", "convert", "-q", "lexicons/topics.yml", "-o", option]).status == 0)
        let written = try String(contentsOfFile: option, encoding: .utf8)
        #expect(written.hasPrefix("%"))
        #expect(written == (try String(contentsOfFile: positional, encoding: .utf8)))
        let both = try CLI.run(["lexicon", "convert", "lexicons/topics.yml", positional, "-o", option])
        #expect(both.status == 64)
    }

    /// Gold with no `form` column counts under listed+explicit only, and says so under the forms'
    /// table (session 31's user audit: "listed … gold 0" read as a failure); gold with forms does
    /// not say it.
    @Test func goldWithoutFormsIsSaidSo() throws {
        let document = "corpus/documents/ravensholme-scrutiny-report-2022.md"
        let note = "The hand annotation gives no form"
        let formless = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", document])
        #expect(formless.status == 0, "\(formless.stderr)")
        #expect(formless.stdout.contains(note + ": its items count under listed+explicit only"), "\(formless.stdout)")
        let gold = try String(contentsOfFile: "corpus/annotations.csv", encoding: .utf8).split(separator: "\n")
        let header = try #require(gold.first)
        let rows = gold.dropFirst().filter { $0.hasPrefix("ravensholme-scrutiny-report-2022.md,") }
        #expect(!rows.isEmpty)
        let withForms = ([header + ",form"] + rows.map { $0 + ",listed" }).joined(separator: "\n") + "\n"
        let formed = try CLI.run(["evaluate", "--gold", "-", document], stdin: withForms)
        #expect(formed.status == 0, "\(formed.stderr)")
        #expect(!formed.stdout.contains(note), "\(formed.stdout)")
    }

    /// `-` is standard input for the files options read too: the hand coding of `evaluate --gold`,
    /// a manifest, a dictionary to check or count with. Each gives what the file's path gives.
    @Test func dashReadsStandardInputForGoldManifestAndDictionaries() throws {
        let gold = try String(contentsOfFile: "corpus/annotations.csv", encoding: .utf8)
        let piped = try CLI.run(["evaluate", "--gold", "-", "corpus/documents"], stdin: gold)
        let byPath = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "corpus/documents"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("matched"))
        #expect(piped.stdout == byPath.stdout)

        let manifest = try String(contentsOfFile: "corpus/manifest.csv", encoding: .utf8)
        let profiled = try CLI.run(["profile", "--format", "csv", "--manifest", "-", "corpus/documents"], stdin: manifest)
        let profiledByPath = try CLI.run(["profile", "--format", "csv", "--manifest", "corpus/manifest.csv", "corpus/documents"])
        #expect(profiled.status == 0, "\(profiled.stderr)")
        #expect(profiled.stdout == profiledByPath.stdout)

        let lexicon = try String(contentsOfFile: "lexicons/topics.yml", encoding: .utf8)
        let checked = try CLI.run(["lexicon", "check", "-"], stdin: lexicon)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.hasPrefix("-: quanteda YAML"), "\(checked.stdout)")
        let counted = try CLI.run(["count", "--format", "csv", "--scheme", "-", "corpus/documents"], stdin: lexicon)
        let countedByPath = try CLI.run(["count", "--format", "csv", "--scheme", "lexicons/topics.yml", "corpus/documents"])
        #expect(counted.status == 0, "\(counted.stderr)")
        #expect(counted.stdout == countedByPath.stdout)
    }

    /// Standard input is read once, so `-` for two inputs is a mistake in the command line.
    @Test func dashForTwoInputsIsAUsageError() throws {
        for arguments in [["extract", "-", "-"], ["evaluate", "--gold", "-", "-"], ["profile", "--manifest", "-", "-"],
                          ["lexicon", "learn", "--gold", "-", "--holdout", "-"]] {
            let result = try CLI.run(arguments, stdin: "x")
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains("standard input"), "\(arguments): \(result.stderr)")
        }
    }

    /// A failure of the whole run is one line and status 1, never the usage text.
    @Test func aRunFailureIsOneLineAndStatusOne() throws {
        for arguments in [["classify", "--lines", "/nonexistent"], ["profile", "--manifest", "/nonexistent.csv", "corpus/documents"],
                          ["count", "--scheme", "/nonexistent.yml", "corpus/documents"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("scrutiny: ") && lines[0].contains("/nonexistent"), "\(arguments): \(result.stderr)")
        }
    }

}
