import Foundation

/// Expands the paths a user gives (files and folders) into the files to read, in a stable order.
///
/// Files named on the command line are kept as given (the reader reports what is wrong with
/// them). Folders are walked for supported extensions, hidden files and folders skipped, sorted by
/// path. A walk stays inside its folder: symbolic links are not followed unless `followLinks`, and
/// each one that would have given a document is reported; unreadable subfolders, dangling links,
/// link loops and special files (FIFOs, devices, sockets) are reported too, never passed over in
/// silence.
public enum InputFiles {
    /// Why a file whose name is not UTF-8 text is not read: the name reaches the tool with U+FFFD
    /// in place of its bytes, and that name opens nothing.
    static let undecodableName = "its name is not UTF-8 text (shown with \u{FFFD} in place of what could not be read), "
        + "and scrutiny cannot open it by that name; rename it (for example with `convmv -f latin1 -t utf8`)"

    /// Why a file listed in a folder was not there to read.
    static func missingCause(_ name: String) -> String {
        name.unicodeScalars.contains("\u{FFFD}") ? undecodableName : "it vanished while the folder was read"
    }

    /// Something a walk passed by, and why, as one line for standard error and the report.
    public struct Skipped: Hashable, Sendable {
        public var path: String
        public var cause: String
        /// Whether it counts as a failure for the exit status (an unreadable folder does; a link
        /// not followed, as asked, does not).
        public var isFailure: Bool

        public var message: String { "skipped \(path): \(cause)" }
    }

    public struct Listing: Sendable {
        public var files: [String] = []
        public var skipped: [Skipped] = []
        /// What the run calls each file's document (``names(_:)``), in the order of `files`.
        public var names: [String] { InputFiles.names(files) }
    }

    public static func list(_ paths: [String], followLinks: Bool = false) -> Listing {
        var listing = Listing()
        for path in paths {
            guard path != DocumentReader.standardInput, FileKind(path: path, following: true) == .directory else {
                listing.files.append(path)
                continue
            }
            var walk = Walk(followLinks: followLinks)
            walk.visit(folder: path)
            listing.files += walk.found.sorted()
            listing.skipped += walk.skipped
            // A folder with nothing to read among other paths fails the run as a file would (alone,
            // the run's own "no supported files found" says it).
            if walk.found.isEmpty, paths.count > 1 {
                listing.skipped.append(Skipped(path: path, cause: "no supported files found in it", isFailure: true))
            }
        }
        return listing
    }

    /// The files only.
    /// The file that marks a folder as a report scrutiny wrote (written by `analyse` and `survey -o`);
    /// such a folder met while walking is passed by.
    public static let reportMarker = ".scrutiny-report"

    public static func expand(_ paths: [String], followLinks: Bool = false) -> [String] {
        list(paths, followLinks: followLinks).files
    }

    /// The name each file goes by in a run (``Document/name``), in order: its file name, or where
    /// files in different folders share one, the fewest last parts of its path that tell it from
    /// the others ("2022/annual-report.pdf", "2023/annual-report.pdf"). One path given twice, and
    /// paths to one file written differently ("./a/x.pdf", "a/x.pdf"), keep one name.
    public static func names(_ files: [String]) -> [String] {
        let parts = files.map { file -> [String] in
            file == DocumentReader.standardInput ? [DocumentReader.standardInputName] : file.split(separator: "/").filter { $0 != "." }.map(String.init)
        }
        let byName = Dictionary(grouping: parts.indices, by: { parts[$0].last ?? "" })
        var names = parts.map { $0.last ?? "" }
        for indices in byName.values {
            let paths = Set(indices.map { parts[$0] })
            guard paths.count > 1 else { continue }
            for index in indices {
                let own = parts[index]
                let others = paths.subtracting([own])
                // The shortest ending of its path that no other path of this name ends with in full.
                let length = (1...own.count).first { length in
                    let ending = Array(own.suffix(length))
                    return !others.contains { $0.count >= length && Array($0.suffix(length)) == ending }
                } ?? own.count
                names[index] = own.suffix(length).joined(separator: "/")
            }
        }
        return names
    }
}

private extension InputFiles {
    struct Walk {
        let followLinks: Bool
        var found: [String] = []
        var skipped: [Skipped] = []
        /// Real paths of the folders walked, so that a link loop is walked once.
        var visited: Set<String> = []

        init(followLinks: Bool) {
            self.followLinks = followLinks
        }

        static func supported(_ name: String) -> Bool {
            DocumentReader.extensions.contains((name as NSString).pathExtension.lowercased())
        }

        /// "README.md", "readme.txt", "ReadMe.html": a folder's description.
        static func isReadme(_ name: String) -> Bool {
            (name as NSString).deletingPathExtension.lowercased() == "readme"
        }

        mutating func visit(folder: String) {
            let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
            guard visited.insert(real).inserted else {
                skipped.append(Skipped(path: folder, cause: "a link loop (this folder was already walked)", isFailure: true))
                return
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                skipped.append(Skipped(path: folder, cause: "cannot read the folder (permission denied or I/O error)", isFailure: true))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let full = (folder as NSString).appendingPathComponent(name)
                switch FileKind(path: full) {
                case .directory:
                    // A report scrutiny wrote inside the folder it reads is its output, not a document.
                    if FileManager.default.fileExists(atPath: (full as NSString).appendingPathComponent(InputFiles.reportMarker)) {
                        skipped.append(Skipped(path: full, cause: "a report scrutiny wrote (its files are not read back as documents)", isFailure: false))
                    } else {
                        visit(folder: full)
                    }
                case .regular:
                    // A folder's README describes the folder, not a document of it (session 28's
                    // user audit: `export` made ../shared/real's README a source). Named on the
                    // command line, it is read as any file is.
                    if Self.supported(name), Self.isReadme(name) {
                        skipped.append(Skipped(path: full, cause: "the folder's README, not a document (name it to read it)", isFailure: false))
                    } else if Self.supported(name) {
                        found.append(full)
                    }
                case .symbolicLink:
                    link(full, name: name)
                case .missing:
                    if Self.supported(name) { skipped.append(Skipped(path: full, cause: InputFiles.missingCause(name), isFailure: true)) }
                case let kind:
                    if Self.supported(name) { skipped.append(Skipped(path: full, cause: "\(kind.description), not a regular file", isFailure: true)) }
                }
            }
        }

        mutating func link(_ path: String, name: String) {
            let target = FileKind(path: path, following: true)
            guard target == .directory || Self.supported(name) else { return }
            guard target != .missing else {
                skipped.append(Skipped(path: path, cause: "a symbolic link to nothing (dangling)", isFailure: true))
                return
            }
            guard target != .linkLoop else {
                skipped.append(Skipped(path: path, cause: "a link loop (symbolic links that lead back to themselves)", isFailure: true))
                return
            }
            guard followLinks else {
                skipped.append(Skipped(path: path, cause: "a symbolic link, not followed (pass --follow-links to read what it points to)",
                                       isFailure: false))
                return
            }
            switch target {
            case .directory: visit(folder: path)
            case .regular: found.append(path)
            default: skipped.append(Skipped(path: path, cause: "a link to \(target.description), not a regular file", isFailure: true))
            }
        }
    }
}
