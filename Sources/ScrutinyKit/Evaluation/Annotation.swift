import Foundation

/// One hand-coded item: `document,kind,theme,subtheme,text` (the coding scheme's annotation format).
public struct Annotation: Hashable, Sendable, Codable {
    public var document: String
    public var kind: Recommendation.Kind
    public var theme: String?
    public var subtheme: String?
    public var text: String
    /// The 1-based line of the CSV row, for messages.
    public var line: Int

    public enum LoadError: LocalizedError, Equatable {
        case unreadable(path: String, cause: String)
        case missingColumns(path: String, missing: [String])
        case badKind(path: String, line: Int, kind: String)

        public var errorDescription: String? {
            switch self {
            case .unreadable(let path, let cause): return "cannot read \(path): \(cause)"
            case .missingColumns(let path, let missing):
                return "cannot use \(path): it lacks the column(s) \(missing.joined(separator: ", ")); the header must be document,kind,theme,subtheme,text"
            case .badKind(let path, let line, let kind):
                return "cannot use \(path), line \(line): unknown kind '\(kind)'; use recommendation, area_for_improvement, strength or procedural"
            }
        }
    }

    public static func load(path: String) throws(LoadError) -> [Annotation] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, cause: "no such file or not readable")
        }
        let (header, records) = CSVReader.records(String(decoding: data, as: UTF8.self))
        let missing = ["document", "kind", "text"].filter { !header.contains($0) }
        guard missing.isEmpty else { throw .missingColumns(path: path, missing: missing) }
        var annotations: [Annotation] = []
        for (index, record) in records.enumerated() {
            let kindText = (record["kind"] ?? "").trimmingCharacters(in: " ")
            guard let kind = Recommendation.Kind(rawValue: kindText) else {
                throw .badKind(path: path, line: index + 2, kind: kindText)
            }
            let theme = record["theme"].flatMap { $0.isEmpty ? nil : $0 }
            let subtheme = record["subtheme"].flatMap { $0.isEmpty ? nil : $0 }
            annotations.append(Annotation(document: record["document"] ?? "", kind: kind, theme: theme, subtheme: subtheme,
                                          text: record["text"] ?? "", line: index + 2))
        }
        return annotations
    }
}
