import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files and folders that must not outlive the process: removed if it is stopped by SIGINT or
/// SIGTERM. The report folder's staging folder and lock (``ReportFolder`` in the command) and
/// the office readers' temporary zip copy (``ArchiveReader``) are registered here while they exist.
///
/// The first registration installs the handlers (a dispatch source per signal, so the clean-up
/// runs on an ordinary thread, not inside a signal handler); on a signal every registered path is
/// removed, newest first, and the process then ends by that signal.
public enum SignalCleanup {
    /// Registers `path` for removal on SIGINT or SIGTERM; pass the token to ``release(_:)`` once
    /// the path is gone or kept on purpose.
    public static func register(_ path: String) -> Int {
        state.lock.lock()
        defer { state.lock.unlock() }
        if state.sources.isEmpty { installHandlers() }
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

    /// The paths registered now, oldest first (for tests).
    static var registered: [String] {
        state.lock.lock()
        defer { state.lock.unlock() }
        return state.paths.map(\.path)
    }
}

private extension SignalCleanup {
    final class State: @unchecked Sendable {
        let lock = NSLock()
        var paths: [(token: Int, path: String)] = []
        var next = 0
        var sources: [DispatchSourceSignal] = []
    }

    static let state = State()

    /// Called with the lock held.
    static func installHandlers() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                state.lock.lock()
                for (_, path) in state.paths.reversed() { try? FileManager.default.removeItem(atPath: path) }
                state.paths = []
                // End as the signal would have; the lock stays held so nothing registers meanwhile.
                signal(signalNumber, SIG_DFL)
                kill(getpid(), signalNumber)
                exit(128 + signalNumber)
            }
            source.resume()
            state.sources.append(source)
        }
    }
}
