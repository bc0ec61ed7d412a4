import Foundation
import Testing

/// Where outputs go: `-o FILE` for what a command prints, the file a lexicon command writes, and
/// the folder a report goes to, each refused in one plain line where it cannot be written, before
/// the work where it can be told beforehand.
@Suite struct OutputPathTests {
    /// `-o FILE` on the commands that print writes what they print there (session 31's user audit:
    /// "Unknown option '-o'"), whole at the end of the run: a run that prints nothing leaves the
    /// file as it was, a folder that is not there fails in one line, `-o -` prints.
    /// Why an output cannot be written is said in the C library's words, as every command says
    /// it, not in Foundation's sentence ("The operation could not be completed. A file with the
    /// same name already exists.;": session 42's audit of `export`).
    @Test func whyAnOutputCannotBeWrittenIsSaidPlainly() throws {
        for arguments in [["export", "-o", "README.md/x.qdpx"], ["analyse", "-o", "README.md/report"], ["survey", "-o", "README.md/report"]] {
            let result = try CLI.run(arguments + ["corpus/documents/hartsey-annual-report-2022.md"])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains(": File exists; choose a"), "\(result.stderr)")
            #expect(!result.stderr.contains("could not be completed"), "\(result.stderr)")
        }
    }

    @Test func dashOWritesWhatIsPrintedToAFile() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = "corpus/documents/ravensholme-scrutiny-report-2022.md"
        let file = folder.appendingPathComponent("items.csv")
        // Three of the six commands: the option is one declaration (`OutputOption<PrintedFileOutput>`)
        // and one redirection (`PrintedFile`), and each command's help shows it (the help's goldens).
        for command in [["recommendations", "--format", "csv"], ["extract", "--format", "text"], ["profile", "--format", "csv"]] {
            let printed = try CLI.run(command + [document])
            let written = try CLI.run(command + ["-o", file.path, document])
            #expect(written.status == 0 && written.stdout.isEmpty, "\(command): \(written.stderr)")
            #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout, "\(command)")
            #expect(written.stderr.contains("wrote \(file.path)"), "\(written.stderr)")
        }
        let kept = try String(contentsOf: file, encoding: .utf8)
        let nothing = try CLI.run(["recommendations", "-o", file.path, "/nonexistent/report.txt"])
        #expect(nothing.status == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == kept, "nothing printed: the file is left alone")
        let nowhere = try CLI.run(["recommendations", "-o", folder.appendingPathComponent("none/items.csv").path, document])
        #expect(nowhere.status == 1 && nowhere.stdout.isEmpty)
        #expect(nowhere.stderr.hasSuffix("no such folder \(folder.appendingPathComponent("none").path)\n"), "\(nowhere.stderr)")
        let dash = try CLI.run(["recommendations", "--format", "csv", "-o", "-", document])
        #expect(dash.stdout == (try CLI.run(["recommendations", "--format", "csv", document])).stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["items.csv"], "no temporary file is left")
    }

    /// Every command that writes one file refuses a folder, or a file in a folder that is not
    /// there, in the same plain words, before any work (session 37's third audit: the lexicon
    /// commands gave Foundation's "The operation could not be completed").
    @Test func aFileToWriteInNoFolderIsRefusedAlikeEverywhere() throws {
        let missing = "/nonexistent-\(UUID().uuidString.prefix(8))/out.yml"
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["lexicon", "convert", "lexicons/six-steps.yml"], ["lexicon", "learn", "--gold", "corpus/annotations.csv"],
                          ["recommendations", "corpus/documents/calderwick-jtai-letter-2022.txt"]] {
            let result = try CLI.run(arguments + ["-o", missing])
            #expect(result.status == 1 && result.stderr.contains("-o: cannot write \(missing): no such folder"), "\(arguments): \(result.stderr)")
            let intoFolder = try CLI.run(arguments + ["-o", folder.path])
            #expect(intoFolder.status == 1 && intoFolder.stderr.contains("-o: \(folder.path) is a folder; give a file name"), "\(arguments): \(intoFolder.stderr)")
        }
    }

    /// A report folder named like a file is a usage mistake, said before anything is read; a file
    /// where the folder should go is refused before the documents are read (session 37's third
    /// audit: `survey -o survey.csv` made a folder of that name, and an existing file was refused
    /// only after every document had been read).
    @Test func aReportFolderNamedLikeAFileIsRefusedAtOnce() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["survey", "analyse"] {
            let named = folder.appendingPathComponent("tables.csv").path
            let result = try CLI.run([command, "corpus/documents", "-o", named])
            #expect(result.status == 64 && result.stderr.contains("--output: \(named) names a file, but the report is a folder of files"),
                    "\(command): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: named))
        }
        let file = folder.appendingPathComponent("notes")
        try "mine".write(to: file, atomically: true, encoding: .utf8)
        let onFile = try CLI.run(["survey", "corpus/documents", "-o", file.path])
        #expect(onFile.status == 1 && onFile.stderr.contains("is a file, not a folder") && !onFile.stderr.contains("counted each document once"),
                "\(onFile.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
    }
    /// A file named for a data format the command does not write is refused, where it held a table
    /// that whatever reads it cannot (session 38's audit: `evaluate -o eval.csv`); `--format`
    /// chooses otherwise on purpose.
    @Test func aFileNamedForAFormatTheCommandLacksIsRefused() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = "corpus/documents/ravensholme-scrutiny-report-2022.md"
        for arguments in [["evaluate", "--gold", "corpus/annotations.csv", report], ["extract", report], ["profile", report], ["count", report]] {
            for name in ["x.csv", "x.jsonl", "x.html", "x.xlsx", "x.PDF"] where !(arguments[0] == "count" && name == "x.csv") && !(arguments[0] == "profile" && name == "x.csv") {
                let target = folder.appendingPathComponent(name).path
                let result = try CLI.run(arguments + ["-o", target])
                #expect(result.status == 64, "\(arguments[0]) -o \(name): \(result.stderr)")
                #expect(result.stderr.contains("\(arguments[0]) writes no .\((name as NSString).pathExtension.lowercased()) (its formats: "), "\(result.stderr)")
                #expect(!FileManager.default.fileExists(atPath: target))
            }
        }
        let chosen = folder.appendingPathComponent("table.csv").path
        #expect(try CLI.run(["extract", report, "--format", "text", "-o", chosen, "-q"]).status == 0)
        #expect(try CLI.run(["extract", report, "-o", folder.appendingPathComponent("text.txt").path, "-q"]).status == 0)
    }
    /// `-o` writes through what its name points at, as `> FILE` would, and never replaces it: a
    /// symbolic link stays a link (the file or folder it names is written), a FIFO is written
    /// into (session 38's audit: each became a regular file, and as root `-o /dev/full` did).
    @Test func linksAndFIFOsAreWrittenThroughNotReplaced() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = "corpus/documents/ravensholme-scrutiny-report-2022.md"
        let manager = FileManager.default
        let target = folder.appendingPathComponent("target.csv"), link = folder.appendingPathComponent("link.csv")
        try "old\n".write(to: target, atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: link.path, withDestinationPath: "target.csv")
        let printed = try CLI.run(["recommendations", "--format", "csv", document]).stdout
        #expect(try CLI.run(["recommendations", "--format", "csv", "-o", link.path, document]).status == 0)
        #expect(try manager.destinationOfSymbolicLink(atPath: link.path) == "target.csv")
        #expect(try String(contentsOf: target, encoding: .utf8) == printed)

        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread { received = FileHandle(forReadingAtPath: fifo.path)?.readDataToEndOfFile() ?? Data() }
        reader.start()
        #expect(try CLI.run(["recommendations", "--format", "csv", "-o", fifo.path, document]).status == 0)
        for _ in 0..<400 where received.isEmpty { usleep(5_000) }
        #expect(String(decoding: received, as: UTF8.self) == printed)
        var status = stat()
        #expect(stat(fifo.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "still a FIFO")

        // `export` onto a FIFO writes through, without reading it first (it waited for ever).
        let qdpx = folder.appendingPathComponent("project.qdpx")
        #expect(mkfifo(qdpx.path, 0o600) == 0)
        nonisolated(unsafe) var project = Data()
        let projectReader = Thread { project = FileHandle(forReadingAtPath: qdpx.path)?.readDataToEndOfFile() ?? Data() }
        projectReader.start()
        #expect(try CLI.run(["export", document, "-o", qdpx.path, "-q"]).status == 0)
        for _ in 0..<400 where project.isEmpty { usleep(5_000) }
        #expect(project.starts(with: [0x50, 0x4B]), "a zip archive came through the FIFO")

        // `-o /dev/stdout` writes to standard output as it is: a log opened to append to keeps its
        // earlier lines (session 38's re-audit: the link was followed and the log replaced).
        let log = folder.appendingPathComponent("log.txt")
        try "line before\n".write(to: log, atomically: true, encoding: .utf8)
        let appending = try #require(FileHandle(forWritingAtPath: log.path))
        try appending.seekToEnd()
        let process = CLI.process(["recommendations", "--format", "csv", "-o", "/dev/stdout", "-q", document])
        process.standardOutput = appending
        try process.run()
        process.waitUntilExit()
        try appending.close()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOf: log, encoding: .utf8) == "line before\n" + printed)

        let real = folder.appendingPathComponent("real"), linked = folder.appendingPathComponent("report")
        try manager.createDirectory(at: real, withIntermediateDirectories: false)
        try manager.createSymbolicLink(atPath: linked.path, withDestinationPath: "real")
        let analysed = try CLI.run(["analyse", document, "-o", linked.path, "-q"])
        #expect(analysed.status == 0, "\(analysed.stderr)")
        #expect(try manager.destinationOfSymbolicLink(atPath: linked.path) == "real")
        #expect(manager.fileExists(atPath: real.appendingPathComponent("report.md").path))
    }
}
