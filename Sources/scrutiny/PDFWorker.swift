import Foundation
import Glibc

/// One helper process (`scrutiny read-worker`) and the two channels to it: requests go down a
/// socket (written with `MSG_NOSIGNAL`, so a helper that has died makes the write fail rather than
/// end this process with SIGPIPE), answers come up a pipe. The helper ends when its socket closes:
/// when ``finish()`` closes it, or when this process ends however it ends. Used by one thread at a
/// time (``PDFWorkerPool`` hands it out).
final class PDFWorker {
    private let process = Process()
    private let requests: Int32
    private let answers: LineReader

    init(executable: URL) throws {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw WorkerStopped(reason: "no socket: \(String(cString: strerror(errno)))")
        }
        let helperEnd = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let output = Pipe()
        process.executableURL = executable
        process.arguments = ["read-worker"]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"   // a crash is reported here, in one line
        process.environment = environment
        process.standardInput = helperEnd
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            close(ends[0])
            throw WorkerStopped(reason: "cannot start \(executable.path): \(error.localizedDescription)")
        }
        try? helperEnd.close()
        try? output.fileHandleForWriting.close()
        requests = ends[0]
        answers = LineReader(output.fileHandleForReading)
    }

    /// Sends `request` and the file's bytes and waits for the answer.
    func read(_ request: WorkerRequest, bytes: [UInt8]) throws(WorkerStopped) -> WorkerAnswer {
        guard let header = try? JSONEncoder().encode(request) else { throw WorkerStopped(reason: "the request could not be encoded") }
        guard send(Array(header) + [0x0A]), send(bytes), let line = answers.line() else { throw stopped() }
        guard let answer = try? JSONDecoder().decode(WorkerAnswer.self, from: Data(line)) else {
            throw WorkerStopped(reason: "its answer could not be read")
        }
        return answer
    }

    /// Closes the helper's socket, so that it ends, and waits for it.
    func finish() {
        close(requests)
        waitForExit()
    }

    deinit {
        if process.isRunning { finish() }
    }
}

private extension PDFWorker {
    /// Writes all of `bytes` to the helper; false when it can no longer read them.
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.send(requests, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Waits for the helper to end: Foundation's own monitor of the process sets `isRunning`.
    /// (`waitUntilExit` runs a run loop on the calling thread, and each of those threads kept a
    /// weak reference that LeakSanitizer reports as a leak, 32 bytes a helper.)
    func waitForExit() {
        while process.isRunning { usleep(1_000) }
    }

    /// How the helper ended, once it has stopped answering.
    func stopped() -> WorkerStopped {
        waitForExit()
        switch process.terminationReason {
        case .uncaughtSignal: return WorkerStopped(reason: "signal \(process.terminationStatus)")
        default: return WorkerStopped(reason: "exit status \(process.terminationStatus)")
        }
    }
}
