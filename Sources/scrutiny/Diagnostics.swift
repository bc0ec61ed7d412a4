import Foundation
import ArgumentParser
import ScrutinyKit

/// The front end's diagnostics collector: one per run, made with the command's options and shared
/// by every function the run calls (``DiagnosticOptions`` holds it). It says each line on standard
/// error, keeps the per-file problems for the report's "Files not read or read with errors" list,
/// keeps every line said (so that `analyse` can store them with its report and say them again on a
/// warm run), and owns the exit status: ``finish()`` ends the run with status 1 when any file or
/// output failed. Failures of the whole run (a missing `--lines` file, a bad `--scheme`) are
/// ``RunFailure`` errors, said in one line by ``Scrutiny/main()``.
///
/// Lines are said as they come, from one thread: commands read on many threads but say what
/// happened to each file afterwards, in the files' order.
final class Diagnostics: @unchecked Sendable {
    private let lock = NSLock()
    private var failedFlag = false
    private var problemLines: [String] = []
    /// Those of `problemLines` that were passed by, not failures (a folder's README).
    private var passedLines: Set<String> = []
    private var saidLines: [String] = []
    private let timings = ProcessInfo.processInfo.environment["SCRUTINY_TIMINGS"] == "1"
    private var lastMark = Date()

    /// A file could not be read, was read with errors, or a folder could not be walked: one line,
    /// kept for the report, and the run fails.
    func problem(_ message: String) {
        lock.withLock {
            failedFlag = true
            problemLines.append(message)
        }
        say(message)
    }

    /// Something went wrong that is not about one input file (an output not written): one line, and
    /// the run fails.
    func failure(_ message: String) {
        lock.withLock { failedFlag = true }
        say(message)
    }

    /// The run fails for something said already, on standard output (`lexicon check`'s problems).
    func markFailed() {
        lock.withLock { failedFlag = true }
    }

    /// A note or a warning that does not fail the run (a link passed by, a version left out); `quiet`
    /// keeps it off standard error. A passed-by item of a folder walk is still kept for the report
    /// with `keep`.
    func note(_ message: String, quiet: Bool, keep: Bool = false) {
        if keep {
            lock.withLock {
                problemLines.append(message)
                passedLines.insert(message)
            }
        }
        if !quiet { say(message) }
    }

    /// The file `path` read as `document`: when the reader met errors, says so as a problem.
    func read(_ document: Document, from path: String) {
        guard let errors = document.readErrors else { return }
        problem("read \(StandardInput.describe(path)) with errors: \(errors.joined(separator: "; ")); the text may be incomplete")
    }

    var failed: Bool { lock.withLock { failedFlag } }
    /// The per-file problems and passed-by folder entries, in the order said.
    var problems: [String] { lock.withLock { problemLines } }

    /// How many of `problems` are files that failed or were read with errors (not entries passed by).
    var fileProblems: Int { lock.withLock { problemLines.filter { !passedLines.contains($0) }.count } }

    /// `problems` as the report's notes name them: files that failed, and entries passed by (a
    /// folder's README is no failure: session 32's audit found it among them).
    var reportNotes: [String] {
        lock.withLock {
            problemLines.map { (passedLines.contains($0) ? "Passed by: " : "File not read or read with errors: ") + TerminalText.escaped($0) }
        }
    }
    /// Every line said on standard error so far, as said (with the `scrutiny: ` prefix).
    var said: [String] { lock.withLock { saidLines } }

    /// Says again, as they were, the lines of the earlier run whose report is taken from the store,
    /// and fails this run where that one failed.
    func replay(_ lines: [String], failed: Bool) {
        // What this run has said already (the folder walk's passed-by README, said before the store
        // was asked) is not said twice (session 37's second audit).
        var already = Dictionary(said.map { ($0, 1) }, uniquingKeysWith: +)
        for line in lines {
            if let count = already[line], count > 0 {
                already[line] = count - 1
                continue
            }
            write(line)
        }
        if failed { lock.withLock { failedFlag = true } }
    }

    /// Ends the run: status 1 when any file or output failed, else nothing.
    func finish() throws {
        if failed { throw ExitCode.failure }
    }

    /// `SCRUTINY_TIMINGS=1`: the wall time since the last mark, labelled, with the resident memory
    /// now and at its peak (Linux), for `make bench-pipeline`.
    func mark(_ stage: String) {
        guard timings else { return }
        let now = Date()
        let elapsed = lock.withLock { () -> TimeInterval in
            defer { lastMark = now }
            return now.timeIntervalSince(lastMark)
        }
        write(String(format: "scrutiny: timing %-28@ %8.3f s%@", stage as NSString, elapsed, Self.memory as NSString))
    }

    /// A line among the `SCRUTINY_TIMINGS=1` lines.
    func timing(_ text: String) {
        guard timings else { return }
        write("scrutiny: timing \(text)")
    }
}

/// A failure of the whole run, not a mistake in the command line: ``Scrutiny/main()`` says it in
/// one line naming the file and the cause and exits with status 1, without the usage text (usage
/// errors exit 64).
struct RunFailure: Error {
    var message: String
}

/// Builds the ``RunFailure`` a command throws: `throw runFailure("--lines: cannot read …")`.
func runFailure(_ message: String) -> RunFailure {
    RunFailure(message: message)
}

/// One line on standard error, outside any run's collector (``Scrutiny/main()``'s last word).
/// Control characters (a newline or an escape sequence in a file name or a document's text) are
/// shown escaped, so a message is always one line and cannot clear or recolour the terminal.
func sayError(_ message: String) {
    StandardStreams.err("scrutiny: " + TerminalText.escaped(message) + "\n")
}

private extension Diagnostics {
    func say(_ message: String) {
        let line = "scrutiny: " + TerminalText.escaped(message)
        lock.withLock { saidLines.append(line) }
        write(line)
    }

    func write(_ line: String) {
        StandardStreams.err(line + "\n")
    }

    static var memory: String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func field(_ name: String) -> String {
            let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
            let kilobytes = line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return kilobytes.map { "\($0 / 1024) MB" } ?? "?"
        }
        return ", memory \(field("VmRSS")), peak \(field("VmHWM"))"
    }
}
