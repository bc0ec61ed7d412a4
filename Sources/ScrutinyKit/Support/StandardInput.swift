import Foundation

/// `-`: standard input wherever a file is read (documents, `--lines`, `--manifest`, `--gold`,
/// dictionaries, codebooks). Standard input can be read once in a run, so the front end lets
/// `-` stand for one input at most.
public enum StandardInput {
    /// The path that names standard input.
    public static let path = "-"
    /// How messages name it.
    public static let name = "standard input"

    /// Why a file or standard input could not be read, in the C library's words where it said
    /// ("Bad file descriptor": standard input closed, as under cron; "Is a directory": `< /`).
    public struct Unreadable: Error, Sendable {
        public var cause: String
    }

    /// The bytes of the file at `path`, or of standard input (read to its end) for `-`.
    public static func contents(atPath path: String) throws(Unreadable) -> Data {
        if path == Self.path { return Data(try read()) }
        guard let data = FileManager.default.contents(atPath: path) else { throw Unreadable(cause: Self.cause(reading: path)) }
        return data
    }

    /// Standard input read to its end in blocks of a megabyte, or until it passes `limit` bytes
    /// (the caller sees that it holds more). Foundation's `readDataToEndOfFile` stops the process
    /// where standard input is closed or is a folder (session 43's audit: every `-` crashed with
    /// a stack trace); here that is an error with its cause.
    public static func read(limit: Int = .max) throws(Unreadable) -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            while bytes.count <= limit, let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
                bytes += chunk
            }
        } catch {
            throw Unreadable(cause: cause(of: error))
        }
        return bytes
    }

    /// Why the file at `path` could not be read, in the words the document commands use (session
    /// 43's audit: one failure was worded three ways).
    static func cause(reading path: String) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return "no such file; check the path" }
        return isFolder.boolValue ? "it is a folder" : "permission denied"
    }

    /// Why standard input could not be read, in plain words: Foundation's error names none.
    private static func cause(of error: any Error) -> String {
        var status = stat()
        // Closed, or held open for writing only where the run was started with it closed.
        if fstat(STDIN_FILENO, &status) != 0 || fcntl(STDIN_FILENO, F_GETFL) & O_ACCMODE == O_WRONLY { return "it is closed" }
        if status.st_mode & S_IFMT == S_IFDIR { return "it is a folder" }
        return SystemError.words(error) ?? error.localizedDescription
    }

    /// `path`, or "standard input" for `-`: for messages.
    public static func describe(_ path: String) -> String {
        path == Self.path ? name : path
    }
}
