import Foundation
import ZIPFoundation

/// A REFI-QDA project (`.qdpx`): the exchange format NVivo, ATLAS.ti, MAXQDA and QualCoder import.
///
/// It holds:
/// - each document's normalised text as a plain-text source (`sources/<GUID>.txt`, UTF-8); a
///   PDF given with its bytes as a PDF source (`sources/<GUID>.pdf`) whose text representation
///   holds the selections (REFI-QDA 1.5 §9.1.4 and §10.3);
/// - the scheme's themes and sub-themes as nested codes (with `unclassified`), the item kinds
///   under a `kind` code and the item forms under a `form` code;
/// - each item as a selection of its source, coded with its theme, sub-theme, kind and form;
/// - partnership, document type, date, year and format as variables of the sources, one case
///   per partnership holding its sources, and one set of sources per document type.
///
/// Selections count Unicode code points from 0, end exclusive (REFI-QDA 1.5 §10.2, and its
/// example "granola" at 62–69), the unit of ``Block/range``, so an item's location is its
/// position in the source. GUIDs come from ``StableGUID`` and nothing depends on the clock: the
/// same documents give the same bytes. A source is dated with its document's date where known.
public struct QDPXProject: Sendable {
    /// A document and the items found in it (procedural items carry only their kind and form).
    public struct Entry: Sendable {
        public var document: Document
        public var items: [ClassifiedItem]
        /// The PDF file's bytes, for a document read from a PDF: stored as the source itself, its
        /// text the representation the selections are made in.
        public var pdf: Data?

        public init(document: Document, items: [ClassifiedItem], pdf: Data? = nil) {
            (self.document, self.items, self.pdf) = (document, items, pdf)
        }
    }

    /// A file of the archive's `sources/` folder.
    public struct SourceFile: Hashable, Sendable {
        /// The path inside the archive: `sources/<GUID>.txt` or `sources/<GUID>.pdf`.
        public var path: String
        public var data: Data
        /// The file as UTF-8 text (a text source's whole content).
        public var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// What a project holds, as `export` reports it.
    public struct Summary: Hashable, Sendable {
        /// Documents, each a text source.
        public var sources = 0
        /// Codes of the codebook, the groups that hold others among them.
        public var codes = 0
        /// Passages selected in the sources: one an item.
        public var selections = 0
        /// Codes applied to selections.
        public var codings = 0
        /// Cases: one a partnership.
        public var cases = 0
    }

    /// The text of `project.qde`.
    public let projectXML: String
    public let sourceFiles: [SourceFile]
    public let summary: Summary

    /// Builds the project. `origin` names the exporting software ("scrutiny 0.6.0").
    /// `documentTypes`: the types `lexicons/documents.yml` defines, named in the description of
    /// the document-type variable.
    public init(name: String, origin: String, scheme: Lexicon, entries: [Entry], documentTypes: DocumentTypes? = nil) {
        var builder = Builder(scheme: scheme)
        builder.documentTypes = documentTypes
        builder.build(name: name, origin: origin, entries: entries)
        projectXML = builder.xml.text
        sourceFiles = builder.sourceFiles
        summary = builder.summary
    }

    /// The `.qdpx` archive: `project.qde` and the sources, deflated, with fixed dates and permissions.
    public func archive() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        // The earliest date a zip entry can carry: no clock, so two exports are byte-identical.
        let date = Date(timeIntervalSince1970: 315_532_800 + 43_200)
        for (path, data) in [("project.qde", Data(projectXML.utf8))] + sourceFiles.map({ ($0.path, $0.data) }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
        return data
    }
}

// MARK: - Building

private extension QDPXProject {
    struct Code {
        var guid: String
        var name: String
        var codable: Bool
        var color: String?
        var description: String?
        var children: [Code] = []
    }

    struct Builder {
        let scheme: Lexicon
        var guids = StableGUID()
        var xml = XMLBuilder()
        var sourceFiles: [SourceFile] = []
        var summary = Summary()
        var userGUID = ""
        var codes: [Code] = []
        /// Code GUIDs by category path ("purpose", "purpose.safeguarded", "unclassified").
        var themeCodes: [String: String] = [:]
        var kindCodes: [Recommendation.Kind: String] = [:]
        var formCodes: [Recommendation.Form: String] = [:]
        var variables: [(name: String, type: String, description: String, guid: String)] = []
        var documentTypes: DocumentTypes?

        init(scheme: Lexicon) {
            self.scheme = scheme
        }

        mutating func build(name: String, origin: String, entries: [Entry]) {
            userGUID = guids.make("user:scrutiny")
            makeCodes()
            makeVariables()
            let sources = entries.map { entry in
                (entry: entry, guid: guids.make("source:\(entry.document.contentKey):\(entry.document.name)"))
            }
            xml.declaration()
            xml.open("Project", [
                ("xmlns", "urn:QDA-XML:project:1.0"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", "urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"),
                ("name", name), ("origin", origin), ("creatingUserGUID", userGUID),
            ])
            xml.open("Users")
            xml.empty("User", [("guid", userGUID), ("name", "scrutiny")])
            xml.close()
            writeCodeBook()
            writeVariables()
            writeCases(sources)
            xml.open("Sources")
            for source in sources { writeSource(source.entry, guid: source.guid) }
            xml.close()
            writeSets(sources)
            xml.leaf("Description", """
                Exported by \(origin): \(entries.count) document\(entries.count == 1 ? "" : "s") as plain-text sources \
                (a PDF as itself, with its text as the representation the selections are made in), each item found in them as a selection coded with its theme and sub-theme (scheme \(scheme.name)), \
                its kind and its form. Positions are Unicode code points of the source text, end exclusive.
                """)
            xml.close()
            summary.sources = entries.count
        }

        // MARK: Codes

        mutating func makeCodes() {
            let palette = ["#1F77B4", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#17BECF", "#BCBD22"]
            var themes: [Code] = []
            for (index, category) in scheme.categories.enumerated() {
                themes.append(code(for: category, color: palette[index % palette.count]))
            }
            if themeCodes[ClassifiedItem.unclassified] == nil {
                let guid = guids.make("code:\(scheme.name):\(ClassifiedItem.unclassified)")
                themeCodes[ClassifiedItem.unclassified] = guid
                themes.append(Code(guid: guid, name: ClassifiedItem.unclassified, codable: true, color: "#7F7F7F",
                                   description: "No theme scored above the scheme's threshold."))
            }
            // A scheme started from a codebook keeps its codes where the codebook had them, at the top.
            if scheme.codeGUIDs.isEmpty {
                codes.append(Code(guid: guids.make("code:\(scheme.name):"), name: "theme", codable: false, color: nil,
                                  description: "The themes and sub-themes of the \(scheme.name) scheme, as scrutiny coded each item.",
                                  children: themes))
            } else {
                codes += themes
            }
            var kinds: [Code] = []
            for kind in Recommendation.Kind.allCases {
                let guid = guids.make("code:kind:\(kind.rawValue)")
                kindCodes[kind] = guid
                kinds.append(Code(guid: guid, name: kind.rawValue.replacingOccurrences(of: "_", with: " "), codable: true,
                                  color: nil, description: nil))
            }
            codes.append(Code(guid: guids.make("code:kind"), name: "kind", codable: false, color: nil,
                              description: "What the item is: a recommendation, an area for improvement, a strength or a committee decision.",
                              children: kinds))
            var forms: [Code] = []
            let formDescriptions: [Recommendation.Form: String] = [
                .listed: "An entry of a list or table that announces items.",
                .explicit: "A sentence of the running text that asks for action.",
                .narrative: "A judgement of the running text (found with --narrative).",
            ]
            for form in Recommendation.Form.allCases {
                let guid = guids.make("code:form:\(form.rawValue)")
                formCodes[form] = guid
                forms.append(Code(guid: guid, name: form.rawValue, codable: true, color: nil, description: formDescriptions[form]))
            }
            codes.append(Code(guid: guids.make("code:form"), name: "form", codable: false, color: nil,
                              description: "Where in the document the item stands.", children: forms))
            summary.codes = Self.count(codes)
        }

        mutating func code(for category: LexiconCategory, color: String?) -> Code {
            let guid = scheme.codeGUIDs[category.path] ?? guids.make("code:\(scheme.name):\(category.path)")
            themeCodes[category.path] = guid
            let terms = category.terms.prefix(12).map(\.pattern)
            let description = terms.isEmpty ? nil
                : "Terms of the lexicon: " + terms.joined(separator: ", ") + (category.terms.count > terms.count ? ", …" : "")
            var result = Code(guid: guid, name: category.name, codable: true, color: color, description: description)
            result.children = category.children.map { code(for: $0, color: nil) }
            return result
        }

        static func count(_ codes: [Code]) -> Int {
            codes.reduce(0) { $0 + 1 + count($1.children) }
        }

        mutating func writeCodeBook() {
            xml.open("CodeBook")
            xml.open("Codes")
            for code in codes { write(code) }
            xml.close()
            xml.close()
        }

        mutating func write(_ code: Code) {
            let attributes = [("guid", code.guid), ("name", code.name), ("isCodable", code.codable ? "true" : "false")]
                + (code.color.map { [("color", $0)] } ?? [])
            if code.description == nil, code.children.isEmpty {
                xml.empty("Code", attributes)
                return
            }
            xml.open("Code", attributes)
            if let description = code.description { xml.leaf("Description", description) }
            for child in code.children { write(child) }
            xml.close()
        }

        // MARK: Variables, cases and sets

        mutating func makeVariables() {
            let definitions = [
                ("partnership", "Text", "The safeguarding partnership the document is about, as detected from its text."),
                // From the run's documents.yml: a list written here went stale (6 of its 9 types; an architecture review).
                ("document type", "Text", "The kind of document, as lexicons/documents.yml names it"
                    + (documentTypes.map { ": " + $0.names + "." } ?? ".")),
                ("date", "Text", "The document's date: year and month (2022-04), or the year alone."),
                ("year", "Integer", "The year of the document's date."),
                ("format", "Text", "The format the document was read from: pdf, html, docx, odt, text or markdown."),
            ]
            variables = definitions.map { ($0.0, $0.1, $0.2, guids.make("variable:\($0.0)")) }
        }

        func variableGUID(_ name: String) -> String {
            variables.first { $0.name == name }!.guid
        }

        mutating func writeVariables() {
            xml.open("Variables")
            for variable in variables {
                xml.open("Variable", [("guid", variable.guid), ("name", variable.name), ("typeOfVariable", variable.type)])
                xml.leaf("Description", variable.description)
                xml.close()
            }
            xml.close()
        }

        mutating func writeCases(_ sources: [(entry: Entry, guid: String)]) {
            var members: [String: [String]] = [:]
            for source in sources {
                guard let partnership = source.entry.document.metadata.partnership, !partnership.isEmpty else { continue }
                members[partnership, default: []].append(source.guid)
            }
            guard !members.isEmpty else { return }
            xml.open("Cases")
            for partnership in members.keys.sorted() {
                xml.open("Case", [("guid", guids.make("case:\(partnership)")), ("name", partnership)])
                writeValue("partnership", text: partnership)
                for guid in members[partnership]! { xml.empty("SourceRef", [("targetGUID", guid)]) }
                xml.close()
            }
            xml.close()
            summary.cases = members.count
        }

        mutating func writeSets(_ sources: [(entry: Entry, guid: String)]) {
            var members: [String: [String]] = [:]
            for source in sources {
                guard let type = source.entry.document.metadata.documentType else { continue }
                members[type.rawValue, default: []].append(source.guid)
            }
            guard !members.isEmpty else { return }
            xml.open("Sets")
            for type in members.keys.sorted() {
                xml.open("Set", [("guid", guids.make("set:document type:\(type)")), ("name", "document type: \(type)")])
                for guid in members[type]! { xml.empty("MemberSource", [("targetGUID", guid)]) }
                xml.close()
            }
            xml.close()
        }

        mutating func writeValue(_ variable: String, text: String) {
            xml.open("VariableValue")
            xml.empty("VariableRef", [("targetGUID", variableGUID(variable))])
            xml.leaf("TextValue", text)
            xml.close()
        }

        mutating func writeValue(_ variable: String, integer: Int) {
            xml.open("VariableValue")
            xml.empty("VariableRef", [("targetGUID", variableGUID(variable))])
            xml.leaf("IntegerValue", String(integer))
            xml.close()
        }

        // MARK: Sources and selections

        mutating func writeSource(_ entry: Entry, guid: String) {
            let document = entry.document
            let text = document.text
            let scalars = Array(text.unicodeScalars)
            var attributes = [("guid", guid), ("name", document.name), ("creatingUser", userGUID)]
            if let date = document.metadata.date.flatMap(Self.dateTime) { attributes.append(("creationDateTime", date)) }
            var description = "Read by scrutiny from \(document.source) (\(document.format.rawValue), SHA-256 \(document.sha256))."
            if let title = document.metadata.title, !title.isEmpty { description = title + "\n" + description }
            // A PDF is stored as itself; the selections are made in its text, the representation
            // (a text source inside the PDF source, named for it as the standard's example names it).
            let textGUID = entry.pdf == nil ? guid : guids.make("representation:\(guid)")
            if let pdf = entry.pdf {
                sourceFiles.append(SourceFile(path: "sources/\(guid).pdf", data: pdf))
                xml.open("PDFSource", [attributes[0], attributes[1], ("path", "internal://\(guid).pdf")] + attributes.dropFirst(2))
                xml.leaf("Description", description)
                xml.open("Representation", [("guid", textGUID), ("name", "Representation_for_\(document.name)"),
                                            ("plainTextPath", "internal://\(textGUID).txt")] + attributes.dropFirst(2))
            } else {
                xml.open("TextSource", [attributes[0], attributes[1], ("plainTextPath", "internal://\(guid).txt")] + attributes.dropFirst(2))
                xml.leaf("Description", description)
            }
            sourceFiles.append(SourceFile(path: "sources/\(textGUID).txt", data: Data(text.utf8)))
            let located = entry.items.map { (item: $0, range: Self.locate($0.recommendation, scalars: scalars, text: text)) }
                .sorted { ($0.range.start, $0.range.end, $0.item.recommendation.id) < ($1.range.start, $1.range.end, $1.item.recommendation.id) }
            for (item, range) in located { writeSelection(item, range: range, source: guid) }
            if entry.pdf != nil { xml.close() }
            let metadata = document.metadata
            if let partnership = metadata.partnership, !partnership.isEmpty { writeValue("partnership", text: partnership) }
            if let type = metadata.documentType { writeValue("document type", text: type.rawValue) }
            if let date = metadata.date, !date.isEmpty {
                writeValue("date", text: date)
                if let year = Int(date.prefix(4)), date.prefix(4).allSatisfy(\.isNumber) { writeValue("year", integer: year) }
            }
            writeValue("format", text: document.format.rawValue)
            xml.close()
        }

        mutating func writeSelection(_ item: ClassifiedItem, range: TextRange, source: String) {
            let recommendation = item.recommendation
            let guid = guids.make("selection:\(source):\(recommendation.id)")
            xml.open("PlainTextSelection", [("guid", guid), ("name", Self.shortName(recommendation.text)),
                                            ("startPosition", String(range.start)), ("endPosition", String(range.end)),
                                            ("creatingUser", userGUID)])
            xml.leaf("Description", Self.describe(item))
            var targets: [String] = []
            if recommendation.kind != .procedural {
                if let theme = themeCodes[item.theme] { targets.append(theme) }
                if let subtheme = item.subtheme, let code = themeCodes[item.theme + "." + subtheme] { targets.append(code) }
            }
            if let kind = kindCodes[recommendation.kind] { targets.append(kind) }
            if let form = formCodes[recommendation.form] { targets.append(form) }
            for target in targets {
                xml.open("Coding", [("guid", guids.make("coding:\(guid):\(target)")), ("creatingUser", userGUID)])
                xml.empty("CodeRef", [("targetGUID", target)])
                xml.close()
            }
            xml.close()
            summary.selections += 1
            summary.codings += targets.count
        }
    }
}

// MARK: - Helpers

private extension QDPXProject.Builder {
    /// The item's range in the document text. A location holding the item's words (white space
    /// aside) is narrowed to them: a table row's location covers every cell, and a merged item
    /// keeps every location while its wording may be a later one's. Otherwise the location that
    /// begins with the item's first words, else the first location, else where the text occurs;
    /// clamped to the text.
    static func locate(_ item: Recommendation, scalars: [Unicode.Scalar], text: String) -> TextRange {
        let needle = Array(squeeze(item.text).unicodeScalars)
        let prefix = String(String.UnicodeScalarView(needle.prefix(40)))
        func clamp(_ range: TextRange) -> TextRange {
            let start = min(max(range.start, 0), scalars.count)
            return TextRange(start: start, end: min(max(range.end, start), scalars.count))
        }
        func slice(_ range: TextRange) -> String {
            squeeze(String(String.UnicodeScalarView(scalars[range.start..<range.end])))
        }
        let ranges = item.locations.map { clamp($0.range) }
        for range in ranges {
            if let found = find(needle, in: scalars, within: range) { return found }
        }
        if let range = ranges.first(where: { slice($0).hasPrefix(prefix) }) ?? ranges.first(where: { slice($0).contains(prefix) }) {
            return range
        }
        if let range = ranges.first { return range }
        return find(needle, in: scalars, within: TextRange(start: 0, end: scalars.count)) ?? TextRange(start: 0, end: 0)
    }

    /// The first place in `range` where `needle` (white space squeezed to single spaces) occurs,
    /// any run of white space in the text matching one space of the needle.
    static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], within range: TextRange) -> TextRange? {
        guard let first = needle.first else { return nil }
        var start = range.start
        while start < range.end {
            defer { start += 1 }
            guard scalars[start] == first else { continue }
            var position = start
            var index = 0
            while index < needle.count, position < range.end {
                if needle[index] == " " {
                    guard scalars[position].properties.isWhitespace else { break }
                    while position < range.end, scalars[position].properties.isWhitespace { position += 1 }
                } else {
                    guard scalars[position] == needle[index] else { break }
                    position += 1
                }
                index += 1
            }
            if index == needle.count { return TextRange(start: start, end: position) }
        }
        return nil
    }

    /// Runs of white space as one space, trimmed.
    static func squeeze(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The start of the item's text, as the selection's name.
    static func shortName(_ text: String, limit: Int = 60) -> String {
        let squeezed = squeeze(text)
        guard squeezed.count > limit else { return squeezed }
        return String(squeezed.prefix(limit)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// The item's details: what it is, where it stands, what decided its theme, its id.
    static func describe(_ item: ClassifiedItem) -> String {
        let recommendation = item.recommendation
        var lines: [String] = []
        var what = recommendation.kind.rawValue.replacingOccurrences(of: "_", with: " ") + " (" + recommendation.form.rawValue
        if let strength = recommendation.strength { what += ", " + strength.rawValue }
        lines.append(what + ")")
        if recommendation.kind != .procedural {
            var theme = "theme: " + item.theme + (item.subtheme.map { " › " + $0 } ?? "")
            if item.isClassified { theme += " (score " + ClassificationTable.score(item) + ")" }
            lines.append(theme)
            let evidence = ClassificationTable.evidence(item, limit: 5)
            if !evidence.isEmpty { lines.append("decided by: " + evidence) }
            let secondary = ClassificationTable.secondary(item)
            if !secondary.isEmpty { lines.append("secondary: " + secondary) }
        }
        if !recommendation.section.isEmpty { lines.append("section: " + recommendation.section) }
        if let actor = recommendation.actor, !actor.isEmpty { lines.append("actor: " + actor) }
        if let page = recommendation.page { lines.append("page: \(page)") }
        lines.append("scrutiny id: " + recommendation.id)
        return lines.joined(separator: "\n")
    }

    /// A document date ("2022-04", "2022", "2022-04-17") as the first moment it names, in UTC.
    static func dateTime(_ date: String) -> String? {
        let parts = date.split(separator: "-").map(String.init)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count == 4 else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) ?? 0 : 1
        let day = parts.count > 2 ? Int(parts[2]) ?? 0 : 1
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(parts[0])-\(two(month))-\(two(day))T00:00:00Z"
    }
}
