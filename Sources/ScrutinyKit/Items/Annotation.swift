import Foundation

/// One hand-coded item: `document,kind,theme,subtheme,text` (the coding scheme's annotation format).
public struct Annotation: Hashable, Sendable, Codable {
    public var document: String
    public var kind: Recommendation.Kind
    /// Listed, explicit or narrative; nil in a file without a `form` column (listed or explicit).
    public var form: Recommendation.Form?
    public var theme: String?
    public var subtheme: String?
    /// The runner-up, where the coder found a second theme almost as apt.
    public var theme2: String?
    public var subtheme2: String?
    public var text: String
    /// The 1-based line of the CSV row, for messages.
    public var line: Int

    public enum LoadError: LocalizedError, Equatable {
        case unreadable(path: String, cause: String)
        case missingColumns(path: String, missing: [String])
        case badKind(path: String, line: Int, kind: String)
        case badForm(path: String, line: Int, form: String)
        /// A quoted field opened and never closed: every row after it would be swallowed into it.
        case unclosedQuote(path: String, line: Int)

        public var errorDescription: String? {
            switch self {
            case .unreadable(let path, let cause): return "cannot read \(path): \(cause)"
            case .missingColumns(let path, let missing):
                return "cannot use \(path): it lacks the column(s) \(missing.joined(separator: ", ")); the header must be document,kind,theme,subtheme,text"
            case .badKind(let path, let line, let kind):
                return "cannot use \(path), line \(line): unknown kind '\(kind)'; use recommendation, area_for_improvement, strength or procedural (or none, for a document that holds no item)"
            case .badForm(let path, let line, let form):
                return "cannot use \(path), line \(line): unknown form '\(form)'; use listed, explicit or narrative"
            case .unclosedQuote(let path, let line):
                return "cannot use \(path), line \(line): a quoted field opens there and never closes; close its \" or remove it"
            }
        }
    }

    public init(document: String, kind: Recommendation.Kind, form: Recommendation.Form? = nil, theme: String? = nil,
                subtheme: String? = nil, theme2: String? = nil, subtheme2: String? = nil, text: String, line: Int) {
        self.document = document
        self.kind = kind
        self.form = form
        self.theme = theme
        self.subtheme = subtheme
        self.theme2 = theme2
        self.subtheme2 = subtheme2
        self.text = text
        self.line = line
    }

    /// Whether the item is listed or explicit (a file without forms holds only those).
    public var isListedOrExplicit: Bool { form != .narrative }

    /// A sheet of hand coding: its items, and the documents it says hold none (a row whose kind is
    /// `none`), so that whatever a run finds in them is scored as false.
    public struct Sheet: Sendable {
        public var annotations: [Annotation]
        public var itemless: Set<String>
    }

    public static func load(path: String) throws(LoadError) -> [Annotation] {
        try loadSheet(path: path).annotations
    }

    /// The annotations in CSV `text`; `path` names the file in errors, whose lines are the file's.
    public static func parse(_ text: String, path: String = "annotations.csv") throws(LoadError) -> [Annotation] {
        try parseSheet(text, path: path).annotations
    }

    public static func loadSheet(path: String) throws(LoadError) -> Sheet {
        let data: Data
        do { data = try StandardInput.contents(atPath: path) } catch { throw .unreadable(path: path, cause: error.cause) }
        // Read as UTF-8, or as Windows-1252 or UTF-16 where the bytes are (Excel's "CSV" on Windows,
        // its "Unicode text"), as documents and dictionaries are: decoded as UTF-8 alone, a curly
        // apostrophe of Windows-1252 became U+FFFD without a word (session 47's audit).
        return try parseSheet(TextDecoding.decode([UInt8](data))?.text ?? String(decoding: data, as: UTF8.self), path: path)
    }

    /// The name a header gives a column, made plain: any case, and "-", "_" or a space between
    /// words ("Sub-theme", "sub_theme" and "Subtheme" are all `subtheme`; "Theme 2" is `theme2`).
    public static func column(_ header: String) -> String {
        header.nameKey(joiningWordsWith: "")
    }

    /// The sheet in CSV `text`; `path` names the file in errors, whose lines are the file's.
    public static func parseSheet(_ text: String, path: String = "annotations.csv") throws(LoadError) -> Sheet {
        if let line = CSVReader.unclosedQuote(in: text) { throw .unclosedQuote(path: path, line: line) }
        let (header, records, lines) = CSVReader.records(text, names: column)
        let missing = ["document", "kind", "text"].filter { !header.contains($0) }
        guard missing.isEmpty else {
            // The causes a person can act on, before the columns.
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .unreadable(path: path, cause: "it is empty") }
            if text.unicodeScalars.contains("\u{0}") {
                throw .unreadable(path: path, cause: "it is not UTF-8 text (UTF-16?); save it as \"CSV UTF-8\"")
            }
            // (The header's names are made plain, tabs and all: the file's own first line says.)
            let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            if header.count == 1, firstLine.contains(";") || firstLine.contains("\t") {
                throw .unreadable(path: path, cause: "its columns are separated by semicolons or tabs; save it as CSV with commas")
            }
            throw .missingColumns(path: path, missing: missing)
        }
        var annotations: [Annotation] = []
        var itemless = Set<String>()
        for (index, record) in records.enumerated() {
            let line = lines[index]
            // A quote left open that a later quote closes swallows the rows between: a cell whose
            // lines go on like a row of their own ("…,strength,…") is that, not a cell of two lines.
            for value in record.values where value.contains("\n") {
                let swallowed = value.split(separator: "\n").dropFirst().contains { row in
                    let fields = row.split(separator: ",", omittingEmptySubsequences: false)
                    return fields.count >= 3 && fields.dropFirst().prefix(2).contains { Recommendation.Kind(rawValue: $0.trimmingCharacters(in: .whitespaces)) != nil }
                }
                if swallowed { throw .unclosedQuote(path: path, line: line) }
            }
            let kindText = (record["kind"] ?? "").trimmingCharacters(in: " ")
            // "report.pdf,none,,": the document was read and holds no item.
            if kindText.nameKey(joiningWordsWith: "_") == "none" {
                itemless.insert(record["document"] ?? "")
                continue
            }
            // "Recommendation", "Area for improvement" and "area-for-improvement" as a spreadsheet writes them.
            guard let kind = Recommendation.Kind(spelled: kindText) else {
                throw .badKind(path: path, line: line, kind: kindText)
            }
            func field(_ name: String) -> String? {
                record[name].flatMap { $0.trimmingCharacters(in: " ").isEmpty ? nil : $0.trimmingCharacters(in: " ") }
            }
            var form: Recommendation.Form?
            if let formText = field("form") {
                guard let parsed = Recommendation.Form(rawValue: formText.nameKey(joiningWordsWith: "_")) else {
                    throw .badForm(path: path, line: line, form: formText)
                }
                form = parsed
            }
            annotations.append(Annotation(document: record["document"] ?? "", kind: kind, form: form, theme: field("theme"),
                                          subtheme: field("subtheme"), theme2: field("theme2"), subtheme2: field("subtheme2"),
                                          text: record["text"] ?? "", line: line))
        }
        return Sheet(annotations: annotations, itemless: itemless)
    }
}
