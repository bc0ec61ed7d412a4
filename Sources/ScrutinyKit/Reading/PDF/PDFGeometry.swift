/// A rectangle on a PDF page in points, with y growing downwards (poppler's text coordinates).
struct PDFRect: Hashable, Sendable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }

    func union(_ other: PDFRect) -> PDFRect {
        PDFRect(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// How much of the shorter of the two rectangles' heights they share, from 0 to 1.
    func verticalOverlap(_ other: PDFRect) -> Double {
        let shared = min(y1, other.y1) - max(y0, other.y0)
        let shorter = min(height, other.height)
        guard shorter > 0 else { return shared >= 0 ? 1 : 0 }
        return max(0, shared) / shorter
    }
}

/// A word as poppler laid it out: its text (not yet normalised), box and type style.
struct PDFWord: Hashable, Sendable {
    var text: String
    var rect: PDFRect
    var fontSize: Double
    var bold = false
    /// Set in a symbol font (Symbol, Wingdings, ZapfDingbats), where Word's bullets live.
    var symbolFont = false
}

/// Words on one baseline: a line of a paragraph or a heading, one cell of a table, or (with
/// `cells`) a whole table row.
struct PDFLine: Hashable, Sendable {
    private(set) var words: [PDFWord]
    var page: Int
    /// The cells of a table row, each a line of its own; empty for other lines.
    var cells: [PDFLine] = []
    /// The left and right edges of the column the line sits in, once reading order has found them.
    var columnLeft: Double?
    var columnRight: Double?
    private(set) var rect: PDFRect
    /// The font size most of the line's characters are set in.
    private(set) var fontSize: Double
    /// Whether (nearly) all of the line's letters are bold.
    private(set) var bold: Bool

    init(words: [PDFWord], page: Int) {
        self.words = words
        self.page = page
        self.rect = words.dropFirst().reduce(words.first?.rect ?? PDFRect(x0: 0, y0: 0, x1: 0, y1: 0)) { $0.union($1.rect) }
        var sizes: [Double: Int] = [:]
        var boldCount = 0
        var total = 0
        for word in words {
            let count = word.text.unicodeScalars.count
            sizes[(word.fontSize * 2).rounded() / 2, default: 0] += count
            total += count
            if word.bold { boldCount += count }
        }
        self.fontSize = sizes.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key ?? 0
        self.bold = total > 0 && boldCount * 10 >= total * 8
    }

    /// An empty table cell whose column starts at `x`.
    static func emptyCell(x: Double, top: Double, bottom: Double, page: Int) -> PDFLine {
        var line = PDFLine(words: [], page: page)
        line.rect = PDFRect(x0: x, y0: top, x1: x, y1: bottom)
        return line
    }

    /// The words joined with single spaces, as poppler decoded them.
    var text: String { words.map(\.text).joined(separator: " ") }

    var isTableRow: Bool { !cells.isEmpty }

    /// The line with `other`'s words appended (the two read as one).
    func appending(_ other: PDFLine) -> PDFLine {
        guard !other.words.isEmpty else { return self }
        guard !words.isEmpty else {
            var line = other
            line.columnLeft = columnLeft
            line.columnRight = columnRight
            return line
        }
        var line = PDFLine(words: words + other.words, page: page)
        line.columnLeft = columnLeft
        line.columnRight = columnRight
        return line
    }
}

/// One page as poppler extracted it: its text in poppler's order, one box per character, and
/// the font runs over that text.
struct PDFPageText: Sendable {
    struct Style: Sendable {
        /// Character offsets into `text`, end exclusive.
        var range: Range<Int>
        var fontName: String
        var fontSize: Double
    }

    /// 1-based page number.
    var number: Int
    var width: Double
    var height: Double
    var text: [Unicode.Scalar]
    /// The text as UTF-8, and where each scalar of `text` starts in it (one more entry for the end).
    var utf8: [UInt8]
    var offsets: [Int]
    /// One box per scalar of `text`; empty when poppler gave none (or a count that does not match).
    var boxes: [PDFRect]
    var styles: [Style]

    init(number: Int, width: Double, height: Double, text: String, boxes: [PDFRect], styles: [Style]) {
        self.number = number
        self.width = width
        self.height = height
        self.text = Array(text.unicodeScalars)
        self.utf8 = Array(text.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(self.text.count + 1)
        var offset = 0
        for scalar in self.text {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.offsets = offsets
        self.boxes = boxes.count == self.text.count ? boxes : []
        self.styles = styles
    }

    /// The scalars in `range` as a string.
    func string(_ range: Range<Int>) -> String {
        String(decoding: utf8[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
    }
}
