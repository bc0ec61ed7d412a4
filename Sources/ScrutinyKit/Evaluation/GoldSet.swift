import Foundation

/// A folder of hand annotation: `items/*.csv` (or, without `items/`, the `*.csv` at its top), `scope/*.tsv` saying
/// where narrative findings were annotated in each document, and `heldout.txt` naming the
/// documents held back from tuning. A single CSV file is a gold set with no scopes or parts.
public struct GoldSet: Sendable {
    public var annotations: [Annotation]
    /// Per document, where narrative findings were annotated.
    public var scopes: [String: NarrativeScope]
    /// Documents held back from tuning (empty when the set names none).
    public var heldOut: Set<String>
    /// Documents the coder read and found no item in (rows of kind `none`): what a run finds in
    /// them is false, where a document without rows is not scored at all.
    public var itemless: Set<String>

    public init(annotations: [Annotation], scopes: [String: NarrativeScope] = [:], heldOut: Set<String> = [], itemless: Set<String> = []) {
        self.annotations = annotations
        self.scopes = scopes
        self.heldOut = heldOut
        self.itemless = itemless
    }

    init(_ sheet: Annotation.Sheet) {
        self.init(annotations: sheet.annotations, itemless: sheet.itemless)
    }

    /// Adds another set's rows, scopes, held-back and itemless documents (the first scope of a document stays).
    public mutating func merge(_ other: GoldSet) {
        annotations += other.annotations
        scopes.merge(other.scopes) { first, _ in first }
        heldOut.formUnion(other.heldOut)
        itemless.formUnion(other.itemless)
    }

    /// Reads a CSV file or a gold folder.
    public static func load(path: String) throws(Annotation.LoadError) -> GoldSet {
        if path == StandardInput.path { return GoldSet(try Annotation.loadSheet(path: path)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, cause: "no such file or folder")
        }
        guard isDirectory.boolValue else { return GoldSet(try Annotation.loadSheet(path: path)) }
        let folder = URL(fileURLWithPath: path)
        var annotations: [Annotation] = []
        var itemless = Set<String>()
        // A folder with items/ keeps other CSVs (a second coding) beside it; otherwise its CSVs are the gold.
        let items = files(in: folder.appendingPathComponent("items"), extension: "csv")
        for file in items.isEmpty ? files(in: folder, extension: "csv") : items {
            let sheet = try Annotation.loadSheet(path: file.path)
            annotations += sheet.annotations
            itemless.formUnion(sheet.itemless)
        }
        guard !annotations.isEmpty || !itemless.isEmpty else { throw .unreadable(path: path, cause: "the folder holds no annotation (*.csv or items/*.csv)") }
        var scopes: [String: NarrativeScope] = [:]
        for file in files(in: folder.appendingPathComponent("scope"), extension: "tsv") {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            for line in text.split(whereSeparator: \.isNewline) {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
                guard fields.count >= 2, !fields[0].hasPrefix("#") else { continue }
                let from = fields[1].trimmingCharacters(in: .whitespaces)
                let to = fields.count > 2 ? fields[2].trimmingCharacters(in: .whitespaces) : ""
                scopes[fields[0]] = from.lowercased() == "none" ? .nothing
                    : NarrativeScope(from: from == "all" || from.isEmpty ? nil : from, to: to.isEmpty ? nil : to)
            }
        }
        var heldOut = Set<String>()
        if let text = try? String(contentsOf: folder.appendingPathComponent("heldout.txt"), encoding: .utf8) {
            heldOut = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") })
        }
        return GoldSet(annotations: annotations, scopes: scopes, heldOut: heldOut, itemless: itemless)
    }

    /// The annotations that repeat an earlier one (the same document, kind and text): a row
    /// pasted twice, or a backup copy of a file in the gold folder. Each is scored as an item of
    /// its own, so it costs recall; a run says so.
    public var repeated: [Annotation] {
        var seen = Set<[String]>()
        return annotations.filter { !seen.insert([$0.document, $0.kind.rawValue, $0.text]).inserted }
    }

    /// The repeated annotations that the items found do not account for. Two items of a document
    /// can begin with the same 80 characters ("Leaders, including the council, the integrated care
    /// board, and …", then "must …" in one and "should …" in the other), which rows of prefixes
    /// cannot tell apart: such rows are no copies when the run finds as many items with their words.
    public func repeated(amongFound found: [Recommendation]) -> [Annotation] {
        let rows = Dictionary(grouping: annotations) { [$0.document, $0.kind.rawValue, $0.text] }.mapValues(\.count)
        return repeated.filter { row in
            let count = rows[[row.document, row.kind.rawValue, row.text]] ?? 1
            let texts = found.filter { $0.document == row.document || ItemMatcher.stem($0.document) == ItemMatcher.stem(row.document) }.map(\.text)
            return ItemMatcher.pairs(found: texts, gold: Array(repeating: row.text, count: count)).count < count
        }
    }

    /// A text lower-cased with its runs of white space one space: how rows' texts and items' are
    /// compared for beginning one another.
    public static func textKey(_ text: String) -> String { text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Whether `text` begins `other`, as ``textKey(_:)`` compares them.
    public static func begins(_ text: String, _ other: String) -> Bool { textKey(other).hasPrefix(textKey(text)) }

    /// Pairs of rows of one document whose texts, lower-cased with white space squeezed, are the
    /// same or one begins with the other, of 60 characters at least, and which are coded
    /// otherwise (kind, theme or sub-theme): a found item may pair with either, and the pairs are
    /// then taken in row order (session 47's audit: theme accuracy 1.000 or 0.333 by the rows'
    /// order alone).
    public var ambiguousPrefixes: [(Annotation, Annotation)] {
        let key = Self.textKey
        var found: [(Annotation, Annotation)] = []
        for rows in Dictionary(grouping: annotations, by: { ItemMatcher.stem($0.document) }).values {
            let keyed = rows.sorted { $0.line < $1.line }.map { ($0, key($0.text)) }
            for (index, (row, text)) in keyed.enumerated() {
                for (other, otherText) in keyed[(index + 1)...] where min(text.count, otherText.count) >= 60
                    && (text.hasPrefix(otherText) || otherText.hasPrefix(text))
                    && (row.kind, row.theme, row.subtheme) != (other.kind, other.theme, other.subtheme) {
                    found.append((row, other))
                }
            }
        }
        return found.sorted { ($0.0.document, $0.0.line) < ($1.0.document, $1.0.line) }
    }

    /// The annotations with each document named as the run names it: a row that gives more of a
    /// document's path than its name ("corpus/documents/x.md" for "x.md") is taken for that
    /// document, where exactly one document read fits it.
    public func named(as names: Set<String>) -> GoldSet {
        var copy = self
        var fitting: [String: String?] = [:]
        func named(_ document: String) -> String? {
            guard !names.contains(document) else { return nil }
            let name = fitting[document] ?? {
                // A Windows path ("C:\\Users\\me\\report.pdf") has its folders after backslashes.
                let path = document.replacingOccurrences(of: "\\", with: "/")
                let fits = names.filter { path.hasSuffix("/" + $0) }
                return fits.count == 1 ? fits.first : nil
            }()
            fitting[document] = .some(name)
            return name
        }
        copy.annotations = annotations.map { annotation in
            guard let name = named(annotation.document) else { return annotation }
            var renamed = annotation
            renamed.document = name
            return renamed
        }
        copy.itemless = Set(itemless.map { named($0) ?? $0 })
        return copy
    }

    /// Drops the narrative findings that lie outside the part of their document where narrative
    /// findings were annotated, so that they are neither credited nor counted as false finds.
    public func scoped(_ found: [Recommendation], in documents: [Document]) -> [Recommendation] {
        var ranges: [String: Range<Int>?] = [:]
        for document in documents where scopes[document.name] != nil {
            ranges[document.name] = scopes[document.name]!.range(in: document)
        }
        return found.filter { item in
            guard item.form == .narrative, let range = ranges[item.document] else { return true }
            guard let range else { return false }
            // A finding repeated in a summary is merged into one item that keeps every location.
            return item.locations.contains { range.contains($0.range.start) }
        }
    }

    private static func files(in folder: URL, extension suffix: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix("." + suffix) }.sorted().map { folder.appendingPathComponent($0) }
    }
}

/// The part of a document where narrative findings were annotated: from the heading that opens
/// it to the heading that follows it, or the whole document.
public struct NarrativeScope: Sendable, Hashable {
    /// The opening heading's text; nil for the whole document.
    public var from: String?
    /// The next heading's text; nil to the end of the document.
    public var to: String?

    /// No part: the document was coded for listed and explicit items only (`none` in the scope file).
    public var isNothing = false

    public init(from: String?, to: String?) {
        self.from = from
        self.to = to
    }

    /// No part of the document: its narrative findings are neither credited nor counted as false.
    public static let nothing: NarrativeScope = {
        var scope = NarrativeScope(from: nil, to: nil)
        scope.isNothing = true
        return scope
    }()

    /// The scalar range of the document the scope covers. A contents page repeats headings, so
    /// the opening heading is the last block that starts with it (before the closing one).
    public func range(in document: Document) -> Range<Int>? {
        guard !isNothing else { return nil }
        guard let from else { return 0..<Int.max }
        let blocks = document.blocks
        func starts(_ block: Block, with heading: String) -> Bool {
            let words = TokenOverlap.tokens(heading)
            let blockWords = TokenOverlap.tokens(block.text)
            return !words.isEmpty && blockWords.count <= words.count + 8 && blockWords.starts(with: words)
        }
        let end = to.flatMap { heading in blocks.lastIndex { starts($0, with: heading) } }
        let limit = end ?? blocks.count
        guard let start = blocks[..<limit].lastIndex(where: { starts($0, with: from) }) else { return nil }
        let upper = end.map { blocks[$0].range.start } ?? Int.max
        return blocks[start].range.start..<upper
    }
}

public extension GoldSet {
    /// The annotations with each theme and sub-theme spelled as `lexicon` spells it, where they
    /// differ only in case, surrounding spaces, or "-", "_" and spaces between words: a coding
    /// sheet from a spreadsheet says "Purpose" and "information sharing" where the scheme says
    /// `purpose` and `information-sharing`. Until session 29 such rows could never agree, and a
    /// whole coding scored kappa 0 (a user audit). A name the scheme does not have stays as written.
    func spelled(as lexicon: Lexicon) -> GoldSet {
        func key(_ name: String) -> String { name.nameKey(joiningWordsWith: "-") }
        let themes = Dictionary(lexicon.categories.map { (key($0.name), $0) }) { first, _ in first }
        func spelled(_ theme: String?, _ subtheme: String?) -> (String?, String?) {
            guard let theme, let category = themes[key(theme)] else { return (theme, subtheme) }
            let sub = subtheme.flatMap { written in category.children.first { key($0.name) == key(written) }?.name ?? written }
            return (category.name, sub)
        }
        var set = self
        set.annotations = annotations.map { annotation in
            var annotation = annotation
            (annotation.theme, annotation.subtheme) = spelled(annotation.theme, annotation.subtheme)
            (annotation.theme2, annotation.subtheme2) = spelled(annotation.theme2, annotation.subtheme2)
            return annotation
        }
        return set
    }
}
