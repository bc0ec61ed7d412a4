/// Removes running headers and footers and page numbers: rows in the top or bottom band of the
/// page that recur on most pages once their digits are ignored (so "Annual Report – page 3" and
/// "– page 4" are one line), and rows there that are only a page number ("12", "Page 3 of 14",
/// "- 3 -", "3 | Page").
struct RunningHeaderFilter: Sendable {
    /// One page's fragments and its height in points.
    struct Page: Sendable {
        var lines: [PDFLine]
        var height: Double
    }

    /// The share of the page height, at the top and at the bottom, where headers and footers sit.
    var band = 0.12
    /// How many rows from each edge of the page are considered.
    var rowsPerEdge = 3
    /// A line must recur on at least this share of pages (and on two) to be a running line.
    var recurrence = 0.4

    init() {}

    func filter(_ pages: [Page]) -> [Page] {
        let candidates = pages.map(edgeRows)
        var counts: [String: Int] = [:]
        for page in candidates {
            for key in Set(page.map(\.key)) { counts[key, default: 0] += 1 }
        }
        let needed = max(2, Int((Double(pages.count) * recurrence).rounded(.up)))
        return zip(pages, candidates).map { page, rows in
            var removed = Set<PDFRect>()
            for row in rows where (counts[row.key] ?? 0) >= needed || (row.outermost && Self.isPageNumber(row.text)) {
                for fragment in row.fragments { removed.insert(fragment.rect) }
            }
            return Page(lines: page.lines.filter { !removed.contains($0.rect) }, height: page.height)
        }
    }

    /// The text of a row with digits made "#", case and white space folded: what recurs.
    static func key(_ text: String) -> String {
        var folded = ""
        var lastWasDigit = false
        for character in CharacterNormalizer.normalize(text).lowercased() {
            if !character.isNumber {
                folded.append(character)
            } else if !lastWasDigit {
                folded.append("#")
            }
            lastWasDigit = character.isNumber
        }
        return folded.collapsingWhitespace()
    }

    /// Whether `text` is only a page number: "12", "xii", "Page 3 of 14", "- 3 -", "3 | Page", "3/14".
    static func isPageNumber(_ text: String) -> Bool {
        let key = key(text)
        let romanLetters = Set("ivxlc")
        if !key.isEmpty, key.count <= 6, key.allSatisfy({ romanLetters.contains($0) }) { return true }
        guard key.contains("#") else { return false }
        let tokens = key.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "|" || $0 == "/" || $0 == "." || $0 == "(" || $0 == ")" })
        return tokens.allSatisfy { ["#", "page", "of", "p", "pg"].contains($0) }
    }
}

private extension RunningHeaderFilter {
    struct Row {
        var fragments: [PDFLine]
        var text: String
        var key: String
        /// The first or last row of the page's text: where a page number sits.
        var outermost: Bool
    }

    /// The rows near the top and the bottom edge of a page, keyed by edge and text.
    func edgeRows(_ page: Page) -> [Row] {
        let rows = PDFReadingOrder.rows(of: page.lines)
        var result: [Row] = []
        for (index, row) in rows.prefix(rowsPerEdge).enumerated() where row[0].rect.y0 < page.height * band {
            let text = row.map(\.text).joined(separator: " ")
            result.append(Row(fragments: row, text: text, key: "top:" + Self.key(text), outermost: index < 2))
        }
        let bottom = rows.count > rowsPerEdge ? Array(rows.suffix(rowsPerEdge)) : rows
        for (index, row) in bottom.enumerated().reversed() where row[0].rect.y1 > page.height * (1 - band) {
            let text = row.map(\.text).joined(separator: " ")
            result.append(Row(fragments: row, text: text, key: "bottom:" + Self.key(text), outermost: index >= bottom.count - 2))
        }
        return result
    }
}
