import Foundation
import ScrutinyKit
#if canImport(Glibc)
import Glibc
#endif

/// Writing to standard output and standard error without trapping: Foundation's
/// `FileHandle.write(_:)` stops the process with a stack trace when the stream is closed or its
/// disk is full (session 38's audit: exit 132 for `>&-`, `>/dev/full` and `-o` on a full disk).
/// Standard output that cannot be written ends the run in one line on standard error with status
/// 1, after removing what the run was writing (``SignalCleanup``); standard error that cannot be
/// written is let be, since there is nowhere left to say so, and the exit status still tells.
enum StandardStreams {
    /// Writes `text` to standard output, or ends the run as above.
    static func out(_ text: String) {
        guard let error = write(text, to: STDOUT_FILENO) else { return }
        // The reader went away (`| head -1`): end quietly as SIGPIPE would, what the run was
        // writing removed, as Unix tools do.
        if error == EPIPE { SignalCleanup.removeAllAndEnd(by: SIGPIPE) }
        let name = PrintedFile.currentTarget.map { "-o: cannot write \($0)" } ?? "cannot write standard output"
        _ = write("scrutiny: \(name): \(String(cString: strerror(error)))\n", to: STDERR_FILENO)
        SignalCleanup.removeAllAndExit(status: 1)
    }

    /// Fills a standard stream the run was started without (`<&-`, `>&-`, as cron and some CI
    /// runners leave them) with /dev/null opened the wrong way round: reading it or writing it
    /// then fails with EBADF, which is said in one line, where otherwise the first file the run
    /// opened took the stream's number, and `-` read that file, or the output went into it
    /// (session 43's audit: "cannot write standard output: Invalid argument").
    static func holdClosedStreams() {
        for (stream, flags) in [(STDIN_FILENO, O_WRONLY), (STDOUT_FILENO, O_RDONLY), (STDERR_FILENO, O_RDONLY)]
        where fcntl(stream, F_GETFD) == -1 && errno == EBADF {
            let held = open("/dev/null", flags)
            if held >= 0, held != stream {
                dup2(held, stream)
                close(held)
            }
        }
    }

    /// Writes `text` to standard error; a failure is let be.
    static func err(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }
}

private extension StandardStreams {
    /// Writes all of `text`, again after an interruption or a short write; the error number on failure.
    static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}
