import Foundation

/// The code tree of a REFI-QDA codebook (`.qdc`) or project (`.qdpx`), as NVivo, ATLAS.ti,
/// MAXQDA and QualCoder export it: for starting a lexicon from a codebook people already use.
public struct QDACode: Hashable, Sendable {
    public var guid: String
    public var name: String
    public var isCodable: Bool
    public var description: String?
    public var children: [QDACode]

    public init(guid: String, name: String, isCodable: Bool, description: String? = nil, children: [QDACode] = []) {
        self.guid = guid
        self.name = name
        self.isCodable = isCodable
        self.description = description
        self.children = children
    }

    /// This code and every code below it, parents first.
    public var all: [QDACode] { [self] + children.flatMap(\.all) }
}

/// Reads the code tree of a REFI-QDA codebook or project; ``QDACodebook`` makes a lexicon of it.
public enum QDACodebookReader {
    /// Reads the codes of a `.qdc` file, or of the `project.qde` inside a `.qdpx` archive (read
    /// within the same limits as a Word file). The XML is parsed without network access or entity
    /// expansion, and a document type declaration is refused.
    public static func read(path: String) throws(ReadError) -> [QDACode] {
        let data: Data
        do {
            data = try StandardInput.contents(atPath: path)
        } catch {
            if path == StandardInput.path { throw .unreadable(path: path, cause: error.cause) }
            throw FileManager.default.fileExists(atPath: path) ? .unreadable(path: path, cause: "permission denied") : .notFound(path: path)
        }
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw .empty(path: path) }
        if bytes.starts(with: [0x50, 0x4B]) {
            var archive = try ArchiveReader(bytes: bytes, path: path)
            guard let project = try archive.read("project.qde") else {
                throw .corrupt(path: path, cause: "the archive has no project.qde; is it a REFI-QDA project?")
            }
            return try codes(xml: project, part: "project.qde", path: path)
        }
        // A project is a zip archive: one that is not was said to be damaged XML (session 46's
        // interop audit).
        if (path as NSString).pathExtension.lowercased() == "qdpx" {
            throw .corrupt(path: path, cause: "a .qdpx project is a zip archive, and this file is not one")
        }
        return try codes(xml: bytes, part: (path as NSString).lastPathComponent, path: path)
    }

    /// The software a REFI-QDA project says made it (its `Project` element's `origin`: "ATLAS.ti
    /// 23", "scrutiny 0.7.0"); nil where the file is no project, or names none.
    public static func projectOrigin(path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.starts(with: [0x50, 0x4B]),
              var archive = try? ArchiveReader(bytes: [UInt8](data), path: path),
              let project = try? archive.read("project.qde"),
              let tree = try? MarkupParser.xml(project, part: "project.qde", path: path),
              let root = tree.root, root.is("Project") else { return nil }
        return root.attribute("origin")
    }

    /// The codes of a codebook or project document.
    public static func codes(xml bytes: [UInt8], part: String, path: String) throws(ReadError) -> [QDACode] {
        let tree = try MarkupParser.xml(bytes, part: part, path: path)
        guard let root = tree.root, root.is("CodeBook") || root.is("Project") else {
            throw .unknownFormat(path: path)
        }
        let book = root.is("CodeBook") ? root : root.child("CodeBook")
        guard let list = book?.child("Codes") else { return [] }
        return list.elements.filter { $0.is("Code") }.map(code)
    }
}

private extension QDACodebookReader {
    static func code(_ node: XMLNode) -> QDACode {
        let description = node.child("Description").map { description in
            description.children.map(\.text).joined().trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return QDACode(guid: node.attribute("guid") ?? "", name: node.attribute("name") ?? "",
                       isCodable: node.attribute("isCodable") != "false",
                       description: description?.isEmpty == false ? description : nil,
                       children: node.elements.filter { $0.is("Code") }.map(code))
    }
}
