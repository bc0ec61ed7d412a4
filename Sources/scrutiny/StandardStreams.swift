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
        let name = PrintedFile.currentTarget.map { "-o: cannot write \($0)" } ?? "cannot write standard output"
        _ = write("scrutiny: \(name): \(String(cString: strerror(error)))\n", to: STDERR_FILENO)
        SignalCleanup.removeAllAndExit(status: 1)
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
