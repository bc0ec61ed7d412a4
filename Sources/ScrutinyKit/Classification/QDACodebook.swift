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

public enum QDACodebook {
    /// Reads the codes of a `.qdc` file, or of the `project.qde` inside a `.qdpx` archive (read
    /// within the same limits as a Word file). The XML is parsed without network access or entity
    /// expansion, and a document type declaration is refused.
    public static func read(path: String) throws(ReadError) -> [QDACode] {
        guard let data = StandardInput.contents(atPath: path) else {
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
        return try codes(xml: bytes, part: (path as NSString).lastPathComponent, path: path)
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

    /// The theme codes of a project `scrutiny export` wrote (its top level is `theme`, `kind` and
    /// `form`): the themes and their sub-themes, without `unclassified`. Nil for any other code tree.
    public static func exportedThemes(_ codes: [QDACode]) -> [QDACode]? {
        guard Set(codes.map(\.name)) == ["theme", "kind", "form"], let theme = codes.first(where: { $0.name == "theme" }),
              !theme.isCodable else { return nil }
        return theme.children.filter { $0.name != ClassifiedItem.unclassified }
    }

    /// A lexicon skeleton with one category per code, nested as the codes are, and no terms.
    /// Names are made valid as lexicon keys: dots (the path separator) become hyphens, a leading
    /// underscore (a setting) is dropped, and a repeated name among siblings gets a number.
    public static func lexicon(_ codes: [QDACode], name: String) -> Lexicon {
        Lexicon(name: name, categories: categories(codes, parent: nil))
    }
}

private extension QDACodebook {
    static func code(_ node: XMLNode) -> QDACode {
        let description = node.child("Description").map { description in
            description.children.map(\.text).joined().trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return QDACode(guid: node.attribute("guid") ?? "", name: node.attribute("name") ?? "",
                       isCodable: node.attribute("isCodable") != "false",
                       description: description?.isEmpty == false ? description : nil,
                       children: node.elements.filter { $0.is("Code") }.map(code))
    }

    static func categories(_ codes: [QDACode], parent: String?) -> [LexiconCategory] {
        var used: Set<String> = []
        return codes.map { code in
            var name = code.name.replacingOccurrences(of: ".", with: "-").trimmingCharacters(in: .whitespacesAndNewlines)
            while name.hasPrefix("_") { name.removeFirst() }
            if name.isEmpty { name = "code" }
            var unique = name
            var copy = 1
            while !used.insert(unique.lowercased()).inserted {
                copy += 1
                unique = "\(name) \(copy)"
            }
            let path = parent.map { $0 + "." + unique } ?? unique
            return LexiconCategory(name: unique, path: path, children: categories(code.children, parent: path))
        }
    }
}
