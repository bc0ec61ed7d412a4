import Foundation

/// A CSV that says, per file, what the tool would otherwise detect: `file` and any of
/// `partnership`, `document_type`, `date` (YYYY-MM or YYYY; a day, YYYY-MM-DD or DD/MM/YYYY, is cut to its month), `title`, `authors` (separated by
/// semicolons) and `version_of` (the file this one was generated from). Empty cells leave the
/// detected value alone.
///
/// A row names a document by its ``Document/name`` (its file name, or where files in different
/// folders share one, as much of its path as tells it apart); a row may give more of the path
/// ("reports/2022/annual-report.pdf" names the document called "2022/annual-report.pdf" or
/// "annual-report.pdf").
public struct Manifest: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// The file as the row writes it ("./" and doubled slashes taken out).
        public var file: String
        public var metadata: Metadata
        /// The original this file is a version of (a PDF made from a text file), by name.
        public var versionOf: String?
        /// The row's file as a full path, taken from the manifest's folder (nil for a manifest read
        /// from standard input, or made in code): the row that names a document's own file wins.
        public var resolved: String? = nil
        /// The file as the row gives it, before ``Manifest/written(_:)``.
        public var given: String = ""
    }

    public var entries: [String: Entry]
    /// What the manifest says that changes nothing, for a note: columns it does not read, files
    /// with more than one row (the last is used).
    public var warnings: [String] = []

    /// The columns a manifest reads.
    public static let columns = ["file", "partnership", "document_type", "date", "title", "authors", "version_of"]

    public init(entries: [Entry]) {
        self.entries = Dictionary(entries.map { ($0.file, $0) }, uniquingKeysWith: { _, last in last })
        byFileName = Dictionary(grouping: self.entries.values.sorted { $0.file < $1.file }) { ($0.file as NSString).lastPathComponent }
    }

    /// The entries by the file name they end with.
    private var byFileName: [String: [Entry]] = [:]

    public enum LoadError: LocalizedError, Equatable {
        case unreadable(path: String, cause: String = "no such file; check the path")
        case missingColumn(path: String)
        case badValue(path: String, line: Int, column: String, value: String, expected: String)
        /// A quoted field opened and never closed: every line after it would be swallowed into it.
        case unclosedQuote(path: String, line: Int)

        public var errorDescription: String? {
            switch self {
            case .unreadable(let path, let cause):
                return "--manifest: cannot read \(StandardInput.describe(path)): \(cause)"
            case .missingColumn(let path):
                return "cannot use the manifest \(path): it has no `file` column; the header must name file and any of "
                    + "partnership, document_type, date, title, authors, version_of"
            case .badValue(let path, let line, let column, let value, let expected):
                return "cannot use the manifest \(path), line \(line): \(column) '\(value)' is not valid; use \(expected)"
            case .unclosedQuote(let path, let line):
                return "cannot use the manifest \(path), line \(line): a quoted field opens there and never closes; close its \" or remove it"
            }
        }
    }

    /// The manifest at `path` (`-`: standard input); `types`: the document types its
    /// `document_type` column may name (``DocumentTypes``, from documents.yml).
    public static func load(path: String, types: DocumentTypes) throws(LoadError) -> Manifest {
        let data: Data
        do { data = try StandardInput.contents(atPath: path) } catch { throw .unreadable(path: path, cause: error.cause) }
        var manifest = try parse(String(decoding: data, as: UTF8.self), path: path, types: types)
        if path != StandardInput.path {
            // Rows with folders are read from the manifest's own folder, wherever the run is started.
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            let entries = manifest.entries.values.map { entry -> Entry in
                var entry = entry
                entry.resolved = URL(fileURLWithPath: entry.given, relativeTo: folder).standardizedFileURL.path
                return entry
            }
            let warnings = manifest.warnings
            manifest = Manifest(entries: entries)
            manifest.warnings = warnings
        }
        return manifest
    }

    public static func parse(_ text: String, path: String = "manifest.csv", types: DocumentTypes) throws(LoadError) -> Manifest {
        if let line = CSVReader.unclosedQuote(in: text) { throw .unclosedQuote(path: path, line: line) }
        let (header, records) = CSVReader.records(text)
        guard header.contains("file") else { throw .missingColumn(path: path) }
        var entries: [Entry] = []
        for (index, record) in records.enumerated() {
            func field(_ name: String) -> String? {
                guard let value = record[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
                return value
            }
            guard let file = field("file") else { continue }
            var metadata = Metadata(title: field("title"), partnership: field("partnership"), date: field("date"))
            if let type = field("document_type") {
                guard types.contains(type) else {
                    throw .badValue(path: path, line: index + 2, column: "document_type", value: type, expected: types.names)
                }
                metadata.documentType = DocumentType(rawValue: type)
            }
            if let date = metadata.date {
                guard let month = Self.month(date) else {
                    throw .badValue(path: path, line: index + 2, column: "date", value: date,
                                    expected: "YYYY-MM, YYYY, or a day (YYYY-MM-DD or DD/MM/YYYY)")
                }
                metadata.date = month
            }
            if let authors = field("authors") {
                metadata.authors = authors.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            entries.append(Entry(file: Self.written(file), metadata: metadata, versionOf: field("version_of").map(Self.written), given: file))
        }
        var manifest = Manifest(entries: entries)
        let unread = header.filter { !$0.isEmpty && !columns.contains($0) }
        if !unread.isEmpty {
            manifest.warnings.append("the manifest \(path) has column\(unread.count == 1 ? "" : "s") \(unread.joined(separator: ", ")), which it does not read "
                + "(it reads \(columns.joined(separator: ", ")))")
        }
        let repeated = Dictionary(grouping: entries, by: \.file).filter { $0.value.count > 1 }.keys.sorted()
        if !repeated.isEmpty {
            manifest.warnings.append("the manifest \(path) has more than one row for \(repeated.prefix(3).joined(separator: ", "))"
                + "\(repeated.count > 3 ? " …" : ""); the last row of each is used")
        }
        return manifest
    }

    /// The entry for a document: of the rows that name it (``entry(named:path:)``), the one that
    /// gives most of its path.
    public func entry(for document: Document) -> Entry? { entry(named: document.name, path: document.source) }

    /// The entry of the document called `name` (``Document/name``) read from `path`: of the rows
    /// that write its name or more of its path, the longest that is the end of `path`
    /// (`wiltshire/2023/x.pdf` before `2023/x.pdf` for `reports/wiltshire/2023/x.pdf`); without one,
    /// the one row that writes the name, or more of a path, if there is just one.
    public func entry(named name: String, path: String? = nil) -> Entry? {
        let fitting = (byFileName[(name as NSString).lastPathComponent] ?? []).filter { Self.fits($0.file, name: name) }
        guard fitting.count > 1 else { return fitting.first }
        if let path {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            if let own = fitting.first(where: { $0.resolved == absolute }) { return own }
            let source = Self.written(path)
            let inPath = fitting.filter { source == $0.file || Self.fits(source, name: $0.file) }
            if let longest = inPath.max(by: { $0.file.count < $1.file.count }) { return longest }
        }
        return entries[name]
    }

    /// Whether a row's `file` (or `version_of`) names the document called `name`: the same, or
    /// more of the same path.
    public static func fits(_ file: String, name: String) -> Bool {
        file == name || file.hasSuffix("/" + name)
    }

    /// `document` with every field the manifest gives replacing the document's own.
    public func apply(to document: Document) -> Document {
        guard let entry = entry(for: document) else { return document }
        var document = document
        document.metadata = document.metadata.overridden(by: entry.metadata)
        return document
    }

    /// A path as a row writes it, without "./" and doubled slashes ("./2022//x.pdf" -> "2022/x.pdf").
    static func written(_ file: String) -> String {
        file.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// The date as the tool keeps dates (YYYY-MM or YYYY), or nil where it is none. A day, as
    /// spreadsheets write dates (2022-05-17, or 17/05/2022 in British order), is cut to its month.
    static func month(_ text: String) -> String? {
        func number(_ part: Substring, digits: ClosedRange<Int>, in range: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part), range.contains(value) else { return nil }
            return value
        }
        let slashed = text.split(separator: "/", omittingEmptySubsequences: false)
        if slashed.count == 3 {
            guard number(slashed[0], digits: 1...2, in: 1...31) != nil, let month = number(slashed[1], digits: 1...2, in: 1...12),
                  number(slashed[2], digits: 4...4, in: 1000...9999) != nil else { return nil }
            return "\(slashed[2])-" + (month < 10 ? "0\(month)" : "\(month)")
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first, number(year, digits: 4...4, in: 1000...9999) != nil, parts.count <= 3 else { return nil }
        if parts.count == 1 { return String(year) }
        guard number(parts[1], digits: 2...2, in: 1...12) != nil else { return nil }
        if parts.count == 3, number(parts[2], digits: 2...2, in: 1...31) == nil { return nil }
        return "\(year)-\(parts[1])"
    }
}
