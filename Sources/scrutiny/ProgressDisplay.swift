import Foundation
import ScrutinyKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line of a run over many documents (``ProgressLine``), redrawn in place on standard
/// error as documents are read. Made only when standard error is a terminal and the run has more
/// than a few documents: pipes, files and tests see nothing. Shared by the threads reading, so it
/// locks; it is made per run and passed along, never kept in a global.
final class ProgressDisplay: @unchecked Sendable {
    /// Runs over this many documents or fewer show no line: they are over before it would help.
    static let fewDocuments = 5
    /// The line is redrawn at most this often (seconds), and always for the last document.
    static let interval = 0.1

    private let lock = NSLock()
    private let total: Int
    private let width: Int
    private let start = Date()
    private var done = 0
    private var current: String?
    private var drawn: Date?

    init?(total: Int, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        guard isTerminal, total > Self.fewDocuments else { return nil }
        self.total = total
        width = Self.terminalWidth()
    }

    /// A document's reading has begun: it becomes the file the line names.
    func started(_ file: String) {
        lock.lock()
        defer { lock.unlock() }
        current = file
        draw(force: false)
    }

    /// A document's reading is over, read or not.
    func finished(_ file: String) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        draw(force: done == total)
    }

    /// Clears the line, so that what is said next starts on an empty line.
    func end() {
        lock.lock()
        defer { lock.unlock() }
        if drawn != nil { write("\r\u{1B}[K") }
        drawn = nil
    }

    private func draw(force: Bool) {
        let now = Date()
        if !force, let drawn, now.timeIntervalSince(drawn) < Self.interval { return }
        drawn = now
        let line = ProgressLine.text(done: done, total: total, elapsed: now.timeIntervalSince(start), file: current, width: width)
        write("\r" + line + "\u{1B}[K")
    }

    private func write(_ text: String) {
        StandardStreams.err(text)
    }

    /// The terminal's width in columns: asked of standard error's terminal, else $COLUMNS, else 80.
    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
