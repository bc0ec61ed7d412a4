/// Removes footnotes from the foot of PDF pages, as the Word, OpenDocument and HTML readers leave
/// Word's and a web page's footnotes out. A footnote is told by its look, since a PDF keeps no
/// note structure: at the foot of the page, below a gap, a row that opens with a number (set
/// smaller than the body, or followed by text set smaller), and every row from there to the
/// foot set smaller than the body text. Left in, a footnote cut the paragraph that ran over
/// the page break in two (Derby 2025's "oversight for decision-" … "making when progressing").
struct FootnoteFilter: Sendable {
    /// Text this much smaller than the body, or smaller, can be a footnote.
    var noteSize = 0.92
    /// A footnote's number is set this much smaller than the body, or smaller, when its text is not.
    var markSize = 0.8
    /// A footnote starts in the lower part of the page: below this share of its height.
    var lowerPart = 0.5

    init() {}

    func filter(_ pages: [RunningHeaderFilter.Page]) -> [RunningHeaderFilter.Page] {
        let body = PDFBlockAssembler.bodySize(of: pages.flatMap(\.lines))
        guard body > 0 else { return pages }
        return pages.map { page in
            let rows = PDFReadingOrder.rows(of: page.lines)
            guard let start = footnoteStart(in: rows, height: page.height, body: body) else { return page }
            let removed = Set(rows[start...].flatMap { $0.map(\.rect) })
            return RunningHeaderFilter.Page(lines: page.lines.filter { !removed.contains($0.rect) }, height: page.height)
        }
    }
}

private extension FootnoteFilter {
    /// The index of the first footnote row of a page's rows (top to bottom), if the page has footnotes.
    func footnoteStart(in rows: [[PDFLine]], height: Double, body: Double) -> Int? {
        // From the foot up, while rows are set small: the first of them that opens a note, with a
        // gap above it, starts the notes (a note of two lines, or two notes, are all taken).
        var candidate: Int?
        var index = rows.count - 1
        while index > 0, isSmall(rows[index], body: body) {
            if rows[index][0].rect.y0 > height * lowerPart, opensNote(rows[index], body: body),
               rows[index][0].rect.y0 - rows[index - 1].map(\.rect.y1).max()! >= 0.6 * body {
                candidate = index
            }
            index -= 1
        }
        // Body text must stand above the notes: a page set small throughout has none.
        guard let start = candidate, rows[..<start].contains(where: { !isSmall($0, body: body) }) else { return nil }
        return start
    }

    /// Whether every word of the row, a note's number aside, is set smaller than the body.
    func isSmall(_ row: [PDFLine], body: Double) -> Bool {
        let words = row.flatMap(\.words)
        let text = words.count > 1 && Self.isNoteNumber(words[0].text) ? words.dropFirst() : words[...]
        return !text.isEmpty && text.allSatisfy { $0.fontSize <= noteSize * body }
    }

    /// A row opening with a note's number: "1", "12", set small or followed by words.
    func opensNote(_ row: [PDFLine], body: Double) -> Bool {
        let words = row.flatMap(\.words)
        guard words.count >= 2, Self.isNoteNumber(words[0].text) else { return false }
        return words[0].fontSize <= markSize * body || words[1].text.first?.isLetter == true
    }

    static func isNoteNumber(_ text: String) -> Bool {
        (1...3).contains(text.count) && text.allSatisfy { ("0"..."9").contains($0) }
    }
}
