import Foundation

/// `-`: standard input wherever a file is read (documents, `--lines`, `--manifest`, `--gold`,
/// dictionaries, codebooks). Standard input can be read once in a run, so the front end lets
/// `-` stand for one input at most.
public enum StandardInput {
    /// The path that names standard input.
    public static let path = "-"
    /// How messages name it.
    public static let name = "standard input"

    /// The bytes of the file at `path`, or of standard input (read to its end) for `-`; nil when the
    /// file cannot be read.
    public static func contents(atPath path: String) -> Data? {
        path == Self.path ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
    }

    /// `path`, or "standard input" for `-`: for messages.
    public static func describe(_ path: String) -> String {
        path == Self.path ? name : path
    }
}
