/// One unit of a document's structure, in reading order.
///
/// Readers produce blocks; every later stage works on them. A block's `range` locates its
/// text in ``Document/text``, counted in Unicode scalars (so that Python's `str` slicing and
/// R's `substr` agree with it).
public struct Block: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case heading, paragraph, listItem, tableRow
    }

    public var kind: Kind
    /// The cleaned text: markers, numbering and mark-up removed, lines joined.
    public var text: String
    /// Heading level, 1 for a title; nil for other kinds.
    public var level: Int?
    /// The list marker as written ("•", "-", "1.", "(a)", "2.5"); empty when the marker was lost
    /// in conversion; nil for other kinds.
    public var marker: String?
    /// The number or letter of a numbered item or heading ("2.5", "a", "3"); nil when unnumbered.
    public var ordinal: String?
    /// Nesting depth of a list item, 0 for the outermost.
    public var depth: Int?
    /// The cells of a table row.
    public var cells: [String]?
    /// 1-based page number, where the format has pages: the page the block begins on. Always in
    /// JSON (null where the format has no pages), so that every block object carries `kind`,
    /// `text` and `page`.
    @NullEncoded public var page: Int?
    /// Where a block runs on over later pages (a paragraph a PDF carries over a page break): the
    /// offset in `text`, in Unicode scalars, at which each later page begins. Nil for a block on
    /// one page.
    public var pageBreaks: [Int]?
    /// Location of `text` in the document's normalised text, in Unicode scalars.
    public var range: TextRange

    public init(
        kind: Kind, text: String, level: Int? = nil, marker: String? = nil, ordinal: String? = nil,
        depth: Int? = nil, cells: [String]? = nil, page: Int? = nil, range: TextRange = .init(start: 0, end: 0)
    ) {
        self.kind = kind
        self.text = text
        self.level = level
        self.marker = marker
        self.ordinal = ordinal
        self.depth = depth
        self.cells = cells
        self.page = page
        self.range = range
    }

    /// The page at `offset` in `text` (Unicode scalars): the block's own page, or a later one
    /// where the block runs on over a page break. A sentence is cited at the page it begins on.
    public func page(at offset: Int) -> Int? {
        guard let page, let pageBreaks else { return page }
        return page + pageBreaks.filter { $0 <= offset }.count
    }

    /// The part of the block's text from `start` to `end` (Unicode-scalar offsets in `text`) as a
    /// block of its own: its text, range, page and page breaks those of that part.
    func part(from start: Int, to end: Int) -> Block {
        var part = self
        let scalars = text.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: start), to = scalars.index(scalars.startIndex, offsetBy: end)
        part.text = String(scalars[from..<to])
        part.range = TextRange(start: range.start + start, end: range.start + end)
        part.page = page(at: start)
        let later = pageBreaks?.filter { $0 > start && $0 < end }.map { $0 - start } ?? []
        part.pageBreaks = later.isEmpty ? nil : later
        return part
    }

    public static func heading(_ text: String, level: Int, ordinal: String? = nil, page: Int? = nil) -> Block {
        Block(kind: .heading, text: text, level: level, ordinal: ordinal, page: page)
    }

    public static func paragraph(_ text: String, page: Int? = nil) -> Block {
        Block(kind: .paragraph, text: text, page: page)
    }

    public static func listItem(
        _ text: String, marker: String, ordinal: String? = nil, depth: Int = 0, page: Int? = nil
    ) -> Block {
        // A symbol font's private-use bullet ("\u{F06E}", "\u{F0B7}") shows as nothing, or as a
        // box, anywhere but in its font: it is kept as the bullet it stands for (session 40's
        // reading audit: 404 such lines in `extract`'s text of the 36 tuning PDFs).
        let privateUse = !marker.isEmpty && marker.unicodeScalars.allSatisfy { (0xE000...0xF8FF).contains($0.value) }
        return Block(kind: .listItem, text: text, marker: privateUse ? "\u{2022}" : marker, ordinal: ordinal, depth: depth, page: page)
    }

    public static func tableRow(_ cells: [String], page: Int? = nil) -> Block {
        Block(kind: .tableRow, text: cells.joined(separator: "\t"), cells: cells, page: page)
    }
}

/// A half-open range `[start, end)` of Unicode-scalar offsets.
public struct TextRange: Hashable, Sendable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
