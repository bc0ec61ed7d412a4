import Foundation
import ScrutinyKit
#if canImport(Glibc)
import Glibc
#endif

/// Where a named output really goes, so that writing it never replaces what the name points at
/// (session 38's audit: `-o` onto a symbolic link, a FIFO or a device, even `/dev/full` run as
/// root, put a regular file in its place). A symbolic link is followed to its end and the file it
/// names is replaced, the link kept; a device, FIFO or socket is written through, as `> FILE`
/// would, never replaced.
enum OutputFile {
    /// `path`, or the end of the chain of symbolic links it starts (which may not exist yet). A
    /// path under /dev or /proc is kept as it is: `/dev/stdout` leads through `/proc/self/fd/1` to
    /// whatever standard output is, a file opened to append to or a pipe (session 38's re-audit:
    /// followed, it replaced the log a run was appending to).
    static func resolved(_ path: String) -> String {
        if isSystem(path) { return path }
        var path = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return path }
            path = destination.hasPrefix("/") ? destination
                : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return path
    }

    /// Why writing failed, in the C library's words as the other commands say it ("Permission
    /// denied"), not Foundation's sentence (session 42's audit: `export` said "The operation could
    /// not be completed. You don’t have permission.;").
    static func reason(_ error: any Error) -> String {
        if let words = SystemError.words(error) { return words }
        let error = error as NSError
        if let described = error.userInfo[NSLocalizedDescriptionKey] as? String, error.domain != NSCocoaErrorDomain { return described }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES))
        case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
        case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
        case .fileWriteFileExists: return String(cString: strerror(EEXIST))
        case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
        default:
            return (error.userInfo[NSLocalizedDescriptionKey] as? String ?? error.localizedDescription)
                .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        }
    }

    /// Whether `path` is written through rather than replaced: a device, a FIFO, a socket, or any
    /// path under /dev or /proc (`/dev/stdout`, `/dev/fd/3`).
    static func writesThrough(_ path: String) -> Bool {
        isSystem(path) || isSpecial(path)
    }

    /// The flags a path written through is opened with: appended to, never truncated, as a
    /// redirection to `>>` left it (a device or FIFO has no end to append at).
    static let throughFlags = O_WRONLY | O_APPEND

    private static func isSystem(_ path: String) -> Bool {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.hasPrefix("/dev/") || absolute.hasPrefix("/proc/")
    }

    /// Whether `path` is there and is neither a regular file nor a folder: a device, a FIFO, a socket.
    private static func isSpecial(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Writes `data` whole: into a hidden file beside it that then takes its place, for a file;
    /// straight through, for a device or a FIFO. The hidden file is removed if the run is stopped
    /// (session 43's audit: Foundation's atomic write left a `.dat.nosync…` copy of the whole
    /// project beside `export`'s output at each SIGTERM), and the file keeps the permissions of the
    /// one it replaces.
    static func write(_ data: Data, to path: String) throws {
        let target = resolved(path)
        if writesThrough(target) {
            let descriptor = open(target, throughFlags)
            guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]) }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            return
        }
        let temporary = hiddenBeside(target)
        let token = SignalCleanup.register(temporary)
        defer { SignalCleanup.release(token) }
        do {
            try data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
            chmod(temporary, permissions(replacing: target))
            guard rename(temporary, target) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// A new hidden name beside `target` (".items.csv.4711-1a2b3c4d", the process's number then a
    /// random part), for the file that takes its place. Those that runs killed outright left
    /// beside it (SIGKILL gives no chance to clean up) are removed first: their process's number
    /// names no running process (session 43's audit: they were never swept).
    static func hiddenBeside(_ target: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let prefix = "." + (target as NSString).lastPathComponent + "."
        let place = folder.isEmpty ? "." : folder
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: place)) ?? [] where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let process = Int32(rest[..<dash]), process != getpid(),
                  rest[rest.index(after: dash)...].count == 8, kill(process, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: place + "/" + entry)
        }
        return place + "/" + prefix + "\(getpid())-" + String(UUID().uuidString.prefix(8)).lowercased()
    }

    /// The permissions a file written in `target`'s place takes: those of the file it replaces, as
    /// `> FILE` keeps them (session 43's audit: a group-only report became readable by all), else
    /// the umask's.
    static func permissions(replacing target: String) -> mode_t {
        var status = stat()
        if stat(target, &status) == 0, status.st_mode & S_IFMT == S_IFREG { return status.st_mode & 0o7777 }
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }
}
