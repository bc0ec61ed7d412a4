import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a named output really goes, so that writing it never replaces what the name points at
/// (session 38's audit: `-o` onto a symbolic link, a FIFO or a device, even `/dev/full` run as
/// root, put a regular file in its place). A symbolic link is followed to its end and the file it
/// names is replaced, the link kept; a device, FIFO or socket is written through, as `> FILE`
/// would, never replaced.
enum OutputFile {
    /// `path`, or the end of the chain of symbolic links it starts (which may not exist yet).
    static func resolved(_ path: String) -> String {
        var path = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return path }
            path = destination.hasPrefix("/") ? destination
                : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return path
    }

    /// Whether `path` is there and is neither a regular file nor a folder: a device, a FIFO, a socket.
    static func isSpecial(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Writes `data` whole: into a file beside it that then takes its place, for a file; straight
    /// through, for a device or a FIFO.
    static func write(_ data: Data, to path: String) throws {
        let target = resolved(path)
        if isSpecial(target) {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
        } else {
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        }
    }
}
