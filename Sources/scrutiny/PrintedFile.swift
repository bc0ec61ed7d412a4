import Foundation
import ScrutinyKit
import Synchronization

/// `-o FILE` on a command that prints: standard output goes to a file beside `FILE` while the
/// command runs, and the file takes `FILE`'s place when it ends (``finish(_:)``), so that a run
/// that fails or is stopped never leaves a half-written file where the last good one stood.
/// Every printing function writes to standard output (``emit(_:)``), so the redirection is of the
/// process's standard output itself, here, in one place. A run stopped by Ctrl-C or SIGTERM
/// removes the file it was writing (``SignalCleanup``).
final class PrintedFile {
    private let target: String
    /// Where the file goes: `target`, or the file its symbolic link names.
    private let destination: String
    /// The file written until `finish`; nil where `destination` is a device or FIFO, written through.
    private let temporary: String?
    private let saved: Int32
    private let cleanup: Int?
    /// Set when the run read no document: what it printed (a header, an empty list) does not
    /// replace an earlier file.
    private var nothingRead = false

    /// The `-o` file standard output goes to while one is open, for the line that says it could
    /// not be written (``StandardStreams``).
    static var currentTarget: String? { current.withLock { $0 } }
    private static let current = Mutex<String?>(nil)

    /// Sends standard output to a new file in `target`'s folder; nil where `target` is none or `-`.
    /// `reading`: the files the run reads (its paths, manifest, gold, lines), none of which may be
    /// `target` (session 32's audit: `extract report.pdf -o report.pdf` put the text in the PDF's place).
    /// `within`: folders every file of which the run may read (a gold folder, the lexicons folder).
    static func open(_ target: String?, reading: [String?], within folders: [String?] = []) throws -> PrintedFile? {
        guard let target, target != StandardInput.path else { return nil }
        try refuseRead(target, reading: reading, within: folders)
        return try PrintedFile(target: target)
    }

    /// Refuses `target` where it is one of the files the run reads (the same file by any name),
    /// among them the files of a folder it walks (session 43's audit: `recommendations docs -o
    /// docs/notes.md` replaced a document the run had just read, and exited 0).
    static func refuseRead(_ target: String, reading: [String?], within folders: [String?] = []) throws {
        guard let identity = identity(OutputFile.resolved(target)) else { return }
        var isFolder: ObjCBool = false
        let read = reading.compactMap { $0 }.flatMap { path -> [String] in
            guard path != StandardInput.path, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
            return InputFiles.list([path], followLinks: true).files
        }
        if let same = read.first(where: { self.identity($0) == identity }) {
            let name = StandardInput.describe(same)
            throw runFailure("-o: \(target) is \(same == target ? "" : "the same file as \(name), ")one of the files read; give another name")
        }
        // Every file of a gold folder or of the lexicons folder may be read (session 43's audit:
        // `-o lexicons/wt2018.yml` and `-o gold/items/a.csv` replaced them).
        let place = URL(fileURLWithPath: OutputFile.resolved(target)).resolvingSymlinksInPath().path
        for folder in folders.compactMap({ $0 }) where FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue {
            let inside = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
            if place.hasPrefix(inside.hasSuffix("/") ? inside : inside + "/") {
                throw runFailure("-o: \(target) is in \(folder), whose files the run reads; give a name outside it")
            }
        }
    }

    /// The device and file number of an existing file, through any symbolic links (session 43's
    /// audit: a document named through a link was replaced), or of standard input for `-` where
    /// it is a file (`- < report.txt`); nil for none.
    private static func identity(_ path: String) -> [Int]? {
        var status = stat()
        let found = path == StandardInput.path ? fstat(STDIN_FILENO, &status) : stat(path, &status)
        guard found == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return [Int(status.st_dev), Int(status.st_ino)]
    }

    /// Refuses, in plain words, a file to write that is a folder or whose folder does not exist:
    /// every command that writes one file says it alike (session 37's third audit: the lexicon
    /// commands gave Foundation's words).
    static func checkTarget(_ target: String, reading: [String?] = []) throws {
        try refuseRead(target, reading: reading)
        let folder = (target as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
            throw runFailure("-o: \(target) is a folder; give a file name")
        }
        guard folder.isEmpty || FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue else {
            throw runFailure("-o: cannot write \(target): no such folder \(folder)")
        }
    }

    private init(target: String) throws {
        try Self.checkTarget(target)
        self.target = target
        // Through a symbolic link to the file it names; a device or FIFO written through (OutputFile).
        let destination = OutputFile.resolved(target)
        self.destination = destination
        let descriptor: Int32
        if OutputFile.writesThrough(destination) {
            descriptor = Foundation.open(destination, OutputFile.throughFlags)
            guard descriptor >= 0 else { throw runFailure("-o: cannot write \(target): \(String(cString: strerror(errno)))") }
            (temporary, cleanup) = (nil, nil)
        } else {
            // Named and registered for removal before it is made, so that a signal at any moment
            // leaves nothing (made by mkstemp, it existed a moment before it was registered).
            let temporary = OutputFile.hiddenBeside(destination)
            let cleanup = SignalCleanup.register(temporary)
            descriptor = Foundation.open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else {
                SignalCleanup.release(cleanup)
                throw runFailure("-o: cannot write \(target): \(String(cString: strerror(errno)))")
            }
            (self.temporary, self.cleanup) = (temporary, cleanup)
        }
        saved = dup(STDOUT_FILENO)
        dup2(descriptor, STDOUT_FILENO)
        close(descriptor)
        Self.current.withLock { $0 = target }
    }

    /// Keeps an earlier file as it was when `nothing` (the run read no document), though the
    /// format printed its shape (session 32: `-o items.csv` names CSV, whose header was printed).
    func keepEarlierFile(ifNothingRead nothing: Bool) {
        if nothing { nothingRead = true }
    }

    /// Gives standard output back and puts the file in place, unless nothing was printed; a file
    /// that cannot be put in place is said as a failure of the run.
    func finish(_ diagnostics: DiagnosticOptions) {
        fsync(STDOUT_FILENO)
        dup2(saved, STDOUT_FILENO)
        close(saved)
        Self.current.withLock { $0 = nil }
        guard let temporary, let cleanup else {
            if !nothingRead { diagnostics.note("wrote \(target)") }
            return
        }
        defer { SignalCleanup.release(cleanup) }
        let size = (try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int) ?? 0
        guard size > 0, !nothingRead else {
            try? FileManager.default.removeItem(atPath: temporary)
            return
        }
        // The permissions of the file it replaces, or the umask's, as `> file` would give; not
        // the owner-only ones it was made with.
        chmod(temporary, OutputFile.permissions(replacing: destination))
        if rename(temporary, destination) != 0 {
            diagnostics.collector.failure("-o: cannot write \(target): \(String(cString: strerror(errno)))")
            try? FileManager.default.removeItem(atPath: temporary)
        } else {
            diagnostics.note("wrote \(target)")
        }
    }
}
