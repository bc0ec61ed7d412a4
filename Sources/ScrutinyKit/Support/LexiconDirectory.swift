import Foundation

/// Why a lexicon or rules file could not be used.
public enum LexiconError: LocalizedError, Equatable, Sendable {
    case notFound(name: String, searched: [String])
    case unreadable(path: String, cause: String)
    case malformed(path: String, line: Int?, cause: String)

    public var errorDescription: String? {
        switch self {
        case .notFound(let name, let searched):
            return "cannot find \(name); looked in \(searched.joined(separator: ", ")); pass --lexicons DIR or set SCRUTINY_LEXICONS"
        case .unreadable(let path, let cause):
            return "cannot read \(path): \(cause)"
        case .malformed(let path, let line, let cause):
            return "cannot use \(path)\(line.map { " (line \($0))" } ?? ""): \(cause); fix the file and try again"
        }
    }
}

/// Where the editable data files live: `--lexicons DIR`, `$SCRUTINY_LEXICONS`, `./lexicons`, or the
/// `lexicons` folder of the checkout the executable was built in.
public struct LexiconDirectory: Sendable {
    public var url: URL

    public init(url: URL) { self.url = url }

    /// The path of the running executable, as the system knows it: `CommandLine.arguments[0]` is
    /// only "scrutiny" when the command is found through PATH, and its folder would be taken for
    /// the current one (session 28's user audit: the checkout's lexicons were not found).
    public static var runningExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
            ?? CommandLine.arguments.first ?? ""
    }

    public static func locate(explicit: String? = nil, executable: String = runningExecutable) throws(LexiconError) -> LexiconDirectory {
        var candidates: [String] = []
        if let explicit { candidates.append(explicit) }
        let environment = ProcessInfo.processInfo.environment["SCRUTINY_LEXICONS"].flatMap { $0.isEmpty ? nil : $0 }
        if let environment { candidates.append(environment) }
        // A variable set to a folder without the rules is a mistake to say, not to pass by for
        // ./lexicons (session 38's audit: a mistyped path was ignored without a word).
        if explicit == nil, let environment, !FileManager.default.fileExists(atPath: environment + "/items.yml") {
            throw .notFound(name: "items.yml", searched: [environment + " (from SCRUTINY_LEXICONS)"])
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/lexicons")
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(binary.appendingPathComponent("../../lexicons").standardized.path)
        candidates.append(binary.appendingPathComponent("../../../lexicons").standardized.path)
        candidates.append(binary.appendingPathComponent("../share/scrutiny/lexicons").standardized.path)
        if explicit != nil {
            guard FileManager.default.fileExists(atPath: explicit! + "/items.yml") else {
                throw .notFound(name: "items.yml", searched: [explicit!])
            }
            return LexiconDirectory(url: URL(fileURLWithPath: explicit!))
        }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/items.yml") {
            return LexiconDirectory(url: URL(fileURLWithPath: candidate))
        }
        // Near the root, "../../" and "../../../" are the same folder: each is named once.
        let searched = candidates.reduce(into: [String]()) { names, candidate in
            if !names.contains(candidate) { names.append(candidate) }
        }
        throw .notFound(name: "the lexicons folder", searched: searched)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The file `name` of the folder, which must be there: else an error naming it and the folder.
    public func requiredFile(_ name: String) throws(LexiconError) -> URL {
        let url = file(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .notFound(name: name, searched: [self.url.path])
        }
        return url
    }

}
