import Foundation

/// The document types a lexicons folder knows: the `types` list of `documents.yml`, in the order the
/// survey's tables list them, each with the label reports give it. Every file that names a type
/// (documents.yml's cues, inspections.yml, arrangements.yml, a manifest) is checked against it.
public struct DocumentTypes: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var type: DocumentType
        public var label: String
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The types, in order.
    public var all: [DocumentType] { entries.map(\.type) }

    /// The label reports give `type` (its name where the list has none).
    public func label(_ type: DocumentType) -> String {
        entries.first { $0.type == type }?.label ?? type.rawValue
    }

    public func contains(_ name: String) -> Bool { entries.contains { $0.type.rawValue == name } }

    /// The known names, for messages: "scrutiny-report, jtai-letter, …".
    public var names: String { all.map(\.rawValue).joined(separator: ", ") }

    /// The type `name` names, or an error naming the file, where in it, and the types there are.
    public func type(_ name: String, in path: String, at key: String) throws(LexiconError) -> DocumentType {
        guard contains(name) else {
            throw .malformed(path: path, line: nil, cause: "\(key): unknown document type '\(name)'; use \(names) "
                + "(the types listed in documents.yml)")
        }
        return DocumentType(rawValue: name)
    }

    /// `types` of `documents.yml`.
    init(file entries: [FileEntry]?, path: String) throws(LexiconError) {
        guard let entries, !entries.isEmpty else {
            throw .malformed(path: path, line: nil, cause: "types is empty; list the document types (id and label)")
        }
        var seen: Set<String> = []
        self.entries = []
        for entry in entries {
            guard seen.insert(entry.id).inserted else {
                throw .malformed(path: path, line: nil, cause: "types: '\(entry.id)' is listed twice")
            }
            self.entries.append(Entry(type: DocumentType(rawValue: entry.id), label: entry.label ?? entry.id))
        }
    }

    /// One entry of `types` as written.
    struct FileEntry: Decodable {
        var id: String
        var label: String?
    }
}

public extension LexiconDirectory {
    /// The document types of `documents.yml` alone (for a manifest, or a lexicon that names types).
    func documentTypes() throws(LexiconError) -> DocumentTypes {
        struct File: Decodable { var types: [DocumentTypes.FileEntry]? }
        let url = try requiredFile("documents.yml")
        return try DocumentTypes(file: DataFiles.decode(File.self, contentsOf: url, otherKeys: .passedOver).types, path: url.path)
    }
}
