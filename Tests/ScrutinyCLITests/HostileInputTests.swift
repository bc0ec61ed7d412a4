import Foundation
import Testing

/// Bad input is normal input: folder walks that stay inside their folders, special files named
/// with their cause, control characters escaped, and a report folder that is never lost.
@Suite struct HostileInputTests {
    static let sample = "The partnership should review its audit programme every year.\n"

    @Test func folderWalksDoNotFollowLinksOutUnlessAsked() throws {
        let folder = try CLI.temporaryDirectory()
        let outside = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: outside) }
        try Self.sample.write(to: folder.appendingPathComponent("inside.txt"), atomically: true, encoding: .utf8)
        try "SECRET-OUTSIDE-LINE should never be read.\n".write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.txt").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("linked-folder").path, withDestinationPath: outside.path)

        let walked = try CLI.run(["extract", folder.path])
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stdout.contains("review its audit programme"))
        #expect(!walked.stdout.contains("SECRET-OUTSIDE-LINE"))
        #expect(walked.stderr.contains("link.txt: a symbolic link, not followed (pass --follow-links"))
        #expect(walked.stderr.contains("linked-folder: a symbolic link, not followed"))

        let followed = try CLI.run(["extract", folder.path, "--follow-links"])
        #expect(followed.status == 0)
        #expect(followed.stdout.contains("SECRET-OUTSIDE-LINE"))
    }

    /// A folder's README describes the folder: a walk passes it by with a note (exit 0), and named
    /// on the command line it is read (session 28's user audit: `export` made one a source).
    @Test func aFoldersReadmeIsPassedByUnlessNamed() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.sample.write(to: folder.appendingPathComponent("report.txt"), atomically: true, encoding: .utf8)
        let readme = folder.appendingPathComponent("README.md")
        try "# These reports\n\nThe partnership should publish the annex with each report.\n".write(to: readme, atomically: true, encoding: .utf8)
        let walked = try CLI.run(["recommendations", folder.path, "--format", "csv"])
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stdout.contains("review its audit programme"))
        #expect(!walked.stdout.contains("publish the annex with each report"))
        #expect(walked.stderr.contains("README.md: the folder's README, not a document (name it to read it)"), "\(walked.stderr)")
        let named = try CLI.run(["recommendations", readme.path, "--format", "csv"])
        #expect(named.stdout.contains("publish the annex with each report"), "\(named.stderr)")
    }

    @Test func danglingLinksLoopsAndFIFOsAreNamedWithTheirCause() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.sample.write(to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.txt").path, withDestinationPath: "/no/such/file.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: folder.path)
        #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        // Two links that lead to each other: a loop, not "dangling" or "no such file" (session 38's audit).
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("a.pdf").path, withDestinationPath: "b.pdf")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b.pdf").path, withDestinationPath: "a.pdf")

        let walked = try CLI.run(["extract", folder.path, "--follow-links"])
        #expect(walked.stderr.contains("a.pdf: a link loop (symbolic links that lead back to themselves)"), "\(walked.stderr)")
        let named = try CLI.run(["extract", folder.appendingPathComponent("a.pdf").path])
        #expect(named.status == 1 && named.stderr.contains("a.pdf: it is a loop of symbolic links that lead back to themselves\n"), "\(named.stderr)")
        #expect(walked.status == 1, "a dangling link and a FIFO are failures")
        #expect(walked.stdout.contains("review its audit programme"))
        #expect(walked.stderr.contains("gone.txt: a symbolic link to nothing (dangling)"))
        #expect(walked.stderr.contains("pipe.txt: a FIFO (named pipe), not a regular file"))
        #expect(walked.stderr.contains("loop: a link loop"))
        // Named on the command line, a FIFO is refused, not read (which would block).
        let direct = try CLI.run(["extract", folder.appendingPathComponent("pipe.txt").path])
        #expect(direct.status == 1)
        #expect(direct.stderr.contains("it is a FIFO (named pipe), not a regular file"))
    }

    @Test func aFileOverTheSizeLimitIsRefusedInOneLineNamingTheLimit() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.sample.write(to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        // A sparse file: 300 MB long, next to nothing on disk.
        let big = folder.appendingPathComponent("huge.txt")
        #expect(FileManager.default.createFile(atPath: big.path, contents: Data("The partnership should".utf8)))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 300 << 20)
        try handle.close()
        let result = try CLI.run(["extract", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("review its audit programme"))
        #expect(result.stderr.contains("huge.txt: it is 300 MB, over the 256 MB limit for one file"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func aBlockOverTheLineLimitIsCutAndTheFileNamedWithTheLimit() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.sample.write(to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        // One line of 1.5 MB: "é" (two bytes) at the cut, which must not split it.
        let sentence = "The partnership should review its audit programme. "
        let head = String(repeating: sentence, count: (1 << 20) / sentence.utf8.count)
        let padded = head + String(repeating: "x", count: (1 << 20) - 1 - head.utf8.count)
        let line = padded + "é" + String(repeating: "x", count: 512 << 10)
        let long = folder.appendingPathComponent("one-line.txt")
        try ("Audit report\n\n" + line + "\n").write(to: long, atomically: true, encoding: .utf8)
        let result = try CLI.run(["extract", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("review its audit programme every year"), "the good file is read whole")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("read \(long.path) with errors: a block of text (paragraph, list item, table row or heading) of 1.5 MB was cut at the 1 MB limit for one block"),
                "\(result.stderr)")
        let kept = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("The partnership should") && $0.utf8.count > 1000 })
        #expect(kept == padded, "cut before the two-byte é that straddles the limit, not inside it")

        // Finding items in a cut block fails the run too (one sentence and padding: the 20,000
        // sentences above cost seconds in a debug build and show nothing more).
        let padding = folder.appendingPathComponent("padding.txt")
        try ("Audit report\n\n" + sentence + String(repeating: "x", count: 3 << 19) + "\n").write(to: padding, atomically: true, encoding: .utf8)
        let items = try CLI.run(["recommendations", "--format", "jsonl", padding.path])
        #expect(items.status == 1)
        #expect(items.stderr.contains("cut at the 1 MB limit"))
        #expect(items.stdout.contains("The partnership should review its audit programme."))
    }

    @Test func controlCharactersInNamesAreEscapedInMessages() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "bad\u{1B}[2Jname\nsecond.txt"
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data()))
        let result = try CLI.run(["extract", folder.path])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("bad\\u{1B}[2Jname\\nsecond.txt"))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func aReportIsReplacedWholeOrNotAtAll() throws {
        let parent = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("report")
        let first = try CLI.run(["analyse", "corpus/documents", "--manifest", "corpus/manifest.csv", "-o", output.path])
        #expect(first.status == 0, "\(first.stderr)")
        let html = output.appendingPathComponent("report.html")
        let before = try Data(contentsOf: html)

        // A mistyped path reads nothing: the old report stays.
        let mistyped = try CLI.run(["analyse", "corpus/documentz", "-o", output.path])
        #expect(mistyped.status == 1)
        #expect(mistyped.stderr.contains("nothing was written"))
        #expect(try Data(contentsOf: html) == before)

        // A second run on the same folder while one holds it is refused; a stale lock is taken over.
        let lock = parent.appendingPathComponent(".report.scrutiny-lock")
        try "\(ProcessInfo.processInfo.processIdentifier)\n".write(to: lock, atomically: true, encoding: .utf8)
        let locked = try CLI.run(["analyse", "corpus/documents", "-o", output.path])
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("another scrutiny run (process \(ProcessInfo.processInfo.processIdentifier)) is writing"))
        try "999999999\n".write(to: lock, atomically: true, encoding: .utf8)
        let stale = try CLI.run(["analyse", "corpus/documents", "-o", output.path])
        #expect(stale.status == 0, "\(stale.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.contains("scrutiny-new") || $0.contains("scrutiny-old") }
        #expect(leftovers.isEmpty, "\(leftovers)")

        // A folder that holds other files is never replaced.
        let other = parent.appendingPathComponent("thesis")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "my chapter".write(to: other.appendingPathComponent("chapter.txt"), atomically: true, encoding: .utf8)
        let refused = try CLI.run(["analyse", "corpus/documents", "-o", other.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("holds files that are not part of a scrutiny report (chapter.txt)"), "\(refused.stderr)")
        #expect(try String(contentsOf: other.appendingPathComponent("chapter.txt"), encoding: .utf8) == "my chapter")
    }

    /// The folder is held from the run's start: a second run on it is refused before either has
    /// read anything (session 38's audit: both read, both said "report written", and the one that
    /// finished last silently replaced the other's report).
    @Test func aSecondRunIsRefusedBeforeItReads() throws {
        let parent = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("report")
        let lock = parent.appendingPathComponent(".report.scrutiny-lock")
        for command in ["analyse", "survey"] {
            // The first run reads standard input, which stays open until the second has been refused.
            let first = CLI.process([command, "-", "-o", output.path, "-q"])
            let input = Pipe()
            first.standardInput = input
            try first.run()
            for _ in 0..<2_000 where !FileManager.default.fileExists(atPath: lock.path) { usleep(5_000) }
            #expect(FileManager.default.fileExists(atPath: lock.path), "\(command): no lock while reading")
            let second = try CLI.run([command, "corpus/documents", "-o", output.path])
            #expect(second.status == 1, "\(command): \(second.stderr)")
            #expect(second.stderr.contains("another scrutiny run (process \(first.processIdentifier)) is writing"), "\(second.stderr)")
            // The refused run leaves the first run's lock where it was (session 38's re-audit: it removed it).
            #expect(FileManager.default.fileExists(atPath: lock.path), "\(command): the refused run removed the lock")
            #expect(try CLI.run([command, "corpus/documents", "-o", output.path]).status == 1, "\(command): a third run is refused too")
            input.fileHandleForWriting.write(Data("# Hartsey Safeguarding Children Partnership annual report 2022\n\n## Recommendations\n\n1. Partners should review the neglect strategy.\n".utf8))
            try input.fileHandleForWriting.close()
            first.waitUntilExit()
            #expect(first.terminationStatus == 0, "\(command)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("report.md").path), "\(command)")
            #expect(!FileManager.default.fileExists(atPath: lock.path))
        }
    }

    /// Standard output that cannot be written (a full disk: /dev/full) ends the run in one line
    /// with status 1, in every format, where Foundation's write stopped it with a stack trace and
    /// status 132 (session 38's audit).
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "needs /dev/full"))
    func anOutputThatCannotBeWrittenIsOneLine() throws {
        for format in ["table", "csv", "json", "jsonl"] {
            let process = CLI.process(["recommendations", "--format", format, "corpus/documents/ravensholme-scrutiny-report-2022.md"])
            process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(format): \(said)")
            #expect(said == "scrutiny: cannot write standard output: No space left on device\n", "\(format): \(said)")
        }
    }

    @Test func filesNotReadOrReadWithErrorsAreNamedInTheReport() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = CLI.root.appendingPathComponent("corpus/documents")
        try FileManager.default.copyItem(at: documents.appendingPathComponent("brindlecombe-annual-report-2023.md"),
                                         to: folder.appendingPathComponent("brindlecombe-annual-report-2023.md"))
        try Data("%PDF-1.7\n1 0 obj".utf8).write(to: folder.appendingPathComponent("cut.pdf"))
        let deep = "<html><body>" + String(repeating: "<div>", count: 300) + "<p>x</p>" + String(repeating: "</div>", count: 300) + "</body></html>"
        try deep.write(to: folder.appendingPathComponent("deep.html"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let result = try CLI.run(["analyse", folder.path, "--manifest", "corpus/manifest.csv", "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cut.pdf"))
        #expect(result.stderr.contains("read \(folder.appendingPathComponent("deep.html").path) with errors: mark-up nested deeper than 256 levels"))
        for name in ["report.md", "report.html", "survey.json"] {
            let text = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("cut.pdf"), "\(name)")
            #expect(text.contains("deep.html with errors"), "\(name)")
        }
    }

    @Test func aStoppedOfficeReadLeavesNoTemporaryZipCopy() throws {
        // The DOCX reader copies the archive to $TMPDIR while it opens it, a window of milliseconds
        // that SCRUTINY_TEST_HOLD_ARCHIVE_COPY_MS holds open. SIGTERM arrives while the copy exists,
        // and nothing may be left behind.
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let copies = { ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).filter { $0.hasSuffix(".zip") } }
        let (seen, process) = try CLI.stop(["extract", "corpus/documents/calderwick-committee-report-2022.docx"],
                                           environment: ["TMPDIR": temporary.path, "SCRUTINY_TEST_HOLD_ARCHIVE_COPY_MS": "30000"]) { !copies().isEmpty }
        #expect(seen, "the temporary copy never appeared in TMPDIR")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM,
                "\(process.terminationReason) \(process.terminationStatus)")
        #expect(copies().isEmpty, "\(copies())")
    }

    /// `-o FILE` stopped while it writes leaves neither its hidden file nor FILE (session 31 left
    /// `.FILE.XXXXXX` beside it); an earlier FILE stays as it was.
    @Test func aStoppedPrintToAFileLeavesNothingBehind() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("items.csv")
        try Data("earlier\n".utf8).write(to: target)
        let hidden = { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".items.csv.") } }
        let (seen, process) = try CLI.stop(["recommendations", "corpus/documents", "corpus/documents", "--format", "csv", "-o", target.path]) {
            !hidden().isEmpty
        }
        #expect(seen, "the hidden file never appeared")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM,
                "\(process.terminationReason) \(process.terminationStatus)")
        #expect(hidden().isEmpty, "\(hidden())")
        #expect(try String(contentsOf: target, encoding: .utf8) == "earlier\n")
    }

    /// The hidden file of a run killed outright (SIGKILL) is removed by the next run writing the
    /// same `-o`, and one of a running process, or not of this form, is let be (session 43's audit:
    /// they were never swept).
    @Test func aKilledRunsHiddenFileIsSweptByTheNext() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = folder.appendingPathComponent(".items.csv.\(finished.processIdentifier)-0a1b2c3d")
        let alive = folder.appendingPathComponent(".items.csv.1-0a1b2c3d")
        let other = folder.appendingPathComponent(".items.csv.notes")
        for file in [dead, alive, other] { try "partial".write(to: file, atomically: false, encoding: .utf8) }
        let target = folder.appendingPathComponent("items.csv")
        #expect(try CLI.run(["recommendations", "corpus/documents/hollinsmoor-committee-report-2021.txt", "-o", target.path]).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == [".items.csv.1-0a1b2c3d", ".items.csv.notes", "items.csv"], "\(left)")
    }

    @Test func anInterruptedRunLeavesTheOldReportAndNoStagingFolder() throws {
        let parent = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("report")
        #expect(try CLI.run(["analyse", "corpus/documents", "--manifest", "corpus/manifest.csv", "-o", output.path]).status == 0)
        let before = try Data(contentsOf: output.appendingPathComponent("report.html"))
        // A longer run, stopped as soon as its staging folder exists.
        let staged = { (try? FileManager.default.contentsOfDirectory(atPath: parent.path))?.contains { $0.contains("scrutiny-new") } ?? false }
        _ = try CLI.stop(["analyse", "corpus/documents", "corpus/documents", "--manifest", "corpus/manifest.csv", "-o", output.path]) { staged() }
        // Beside the report only the store the first run made (issue 20; an SQLite file in
        // write-ahead-log mode, with its -wal and -shm files while a run has it open).
        let store = ["report.cache.sqlite", "report.cache.sqlite-wal", "report.cache.sqlite-shm"]
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "report" && !store.contains($0) }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(try Data(contentsOf: output.appendingPathComponent("report.html")) == before)
        // And the store is whole: the next run takes every document from it and writes the same report.
        let again = try CLI.run(["analyse", "corpus/documents", "--manifest", "corpus/manifest.csv", "-o", output.path],
                                environment: ["SCRUTINY_TIMINGS": "1"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("store: 35 of 35 documents"), "\(again.stderr)")
        #expect(try Data(contentsOf: output.appendingPathComponent("report.html")) == before)
    }

    /// Stopped while its files are being written or put in place, a run leaves either the old
    /// report as it was or the new one whole, and nothing beside it (session 43's audit: a SIGTERM
    /// during the swap left half a new report under the final name and deleted parts of the old,
    /// and one while writing left the staging folder in four runs of five).
    @Test func aRunStoppedAtAnyStageLeavesOneWholeReport() throws {
        let parent = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("report")
        let arguments = ["analyse", "corpus/documents", "--manifest", "corpus/manifest.csv", "--no-cache", "-o", output.path]
        #expect(try CLI.run(arguments).status == 0)
        let complete = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        let before = ReportFolderListing.files(output.path)
        func staged() -> Int {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
            return entries.filter { $0.contains("scrutiny-new") }.reduce(0) { count, entry in
                count + ((FileManager.default.enumerator(atPath: parent.appendingPathComponent(entry).path)?.allObjects.count) ?? 0)
            }
        }
        for files in [2, 6, 12, 18, complete.count] {
            _ = try CLI.stop(arguments + ["--title", "Stopped at \(files)"]) { staged() >= files }
            let now = ReportFolderListing.files(output.path)
            let whole = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == complete
            #expect(now == before || whole, "stopped at \(files) staged files: \(now.keys.sorted())")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "report" }
            #expect(leftovers.isEmpty, "stopped at \(files) staged files: \(leftovers)")
        }
    }
}

/// Every file of a report folder with its bytes, by path.
enum ReportFolderListing {
    static func files(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? [] {
            if let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(path)) { files[path] = data }
        }
        return files
    }
}
