import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files and folders that must not outlive the process: removed if it is stopped by SIGINT or
/// SIGTERM. The report folder's staging folder and lock (``ReportFolder`` in the command) and
/// the office readers' temporary zip copy (``ArchiveReader``) are registered here while they exist.
///
/// The first registration installs the handlers (the signal handler only writes to a pipe, so the
/// clean-up runs on an ordinary thread, not inside the handler); on a signal every registered path
/// is removed, newest first, and the process then ends by that signal.
public enum SignalCleanup {
    /// Registers `path` for removal on SIGINT or SIGTERM; pass the token to ``release(_:)`` once
    /// the path is gone or kept on purpose.
    public static func register(_ path: String) -> Int {
        state.lock.lock()
        defer { state.lock.unlock() }
        if !state.installed { installHandlers() }
        state.next += 1
        state.paths.append((state.next, path))
        return state.next
    }

    /// Forgets the path registered under `token`; it is no longer removed on a signal.
    public static func release(_ token: Int) {
        state.lock.lock()
        defer { state.lock.unlock() }
        state.paths.removeAll { $0.token == token }
    }

    /// Runs `body` with the clean-up held off: a signal that comes meanwhile is acted on when it
    /// ends. For moves that must not be cut in two (a report folder put in place of the old one:
    /// session 43's audit found the clean-up deleting the staging folder while it was being moved
    /// into place, and the process ending while the old report was being deleted).
    public static func withoutInterruption<T>(_ body: () throws -> T) rethrows -> T {
        state.lock.lock()
        defer { state.lock.unlock() }
        return try body()
    }

    /// Removes every registered path and ends the process as `number` would (128 + it, quietly):
    /// for a write that found its reader gone (EPIPE), which SIGPIPE's own clean-up may race.
    public static func removeAllAndEnd(by number: Int32) -> Never {
        state.lock.lock()
        removeRegistered()
        endBy(number)
    }

    /// Removes every registered path, newest first, and ends the process with `status`: a run that
    /// cannot go on (its output cannot be written) leaves nothing half-made behind.
    public static func removeAllAndExit(status: Int32) -> Never {
        state.lock.lock()
        removeRegistered()
        exit(status)
    }

    /// The paths registered now, oldest first (for tests).
    static var registered: [String] {
        state.lock.lock()
        defer { state.lock.unlock() }
        return state.paths.map(\.path)
    }
}

private extension SignalCleanup {
    final class State: @unchecked Sendable {
        /// Recursive: the body of ``withoutInterruption(_:)`` may register and release paths.
        let lock = NSRecursiveLock()
        var paths: [(token: Int, path: String)] = []
        var next = 0
        var installed = false
    }

    static let state = State()

    /// Ends the process as the signal would have, the lock held so that nothing registers
    /// meanwhile. The signal is raised on this thread, unblocked, so it is delivered before
    /// `raise` returns.
    static func endBy(_ number: Int32) -> Never {
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        exit(128 + number)
    }

    /// Called with the lock held: removes every registered path, newest first. The other threads
    /// may still be writing into a folder being removed (a report's staging folder), so a path is
    /// moved aside before it is removed, and removed once more at the end in case a write made it
    /// again (session 43's audit: the staging folder was left behind in four runs of five).
    static func removeRegistered() {
        let manager = FileManager.default
        let paths = state.paths.reversed().map(\.path)
        let asides = paths.map { $0 + ".removing-\(getpid())" }
        for (path, aside) in zip(paths, asides) {
            if rename(path, aside) == 0 {
                try? manager.removeItem(atPath: aside)
            } else {
                try? manager.removeItem(atPath: path)
            }
        }
        // A thread still writing may have put a file into a folder while it was being removed, so
        // that its removal stopped at a folder no longer empty (a session-45 CI run left
        // ".report.scrutiny-new-….removing-…" once): tried again, as the path itself is.
        for _ in 0..<3 {
            let left = (paths + asides).filter { manager.fileExists(atPath: $0) }
            if left.isEmpty { break }
            for path in left { try? manager.removeItem(atPath: path) }
        }
        state.paths = []
    }

    /// Called with the lock held. A C signal handler writes the signal's number to a pipe (all it
    /// may safely do); a thread of its own reads the pipe, removes the paths and ends the process
    /// by that signal. (A dispatch signal source is not used: on Linux it reads a signalfd, which
    /// sees only signals blocked in every thread, and the signal ignored to feed it is lost when
    /// another thread takes it.)
    static func installHandlers() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        signalPipe = ends[1]
        let reading = ends[0]
        let thread = Thread {
            var number: Int32 = 0
            while read(reading, &number, MemoryLayout<Int32>.size) != MemoryLayout<Int32>.size {}
            state.lock.lock()
            removeRegistered()
            endBy(number)
        }
        thread.name = "scrutiny-signal-cleanup"
        thread.start()
        // SIGPIPE too: a run whose standard error or output is a closed pipe (`2>&1 | head -1`)
        // ended without removing its staging folder and lock (session 43's audit).
        for signalNumber in [SIGINT, SIGTERM, SIGPIPE] {
            signal(signalNumber, forwardSignal)
        }
        state.installed = true
    }
}

/// The pipe's writing end, set once before the handlers are installed and only read after.
nonisolated(unsafe) private var signalPipe: Int32 = -1

/// The C signal handler: writes the signal's number to the pipe, which is async-signal-safe.
private func forwardSignal(_ number: Int32) {
    var value = number
    _ = write(signalPipe, &value, MemoryLayout<Int32>.size)
}
