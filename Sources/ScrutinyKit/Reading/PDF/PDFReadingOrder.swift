/// Puts a page's line fragments in reading order: rows top to bottom; on a two-column page, the
/// left column of each stretch between full-width lines before the right one. A list marker set
/// apart from its text rejoins it, and rows of aligned cells become table rows.
enum PDFReadingOrder {
    /// The lines of a document's pages (running headers and footers already removed), in reading order.
    static func lines(of pages: [[PDFLine]]) -> [PDFLine] {
        tables(from: pages.flatMap(order))
    }

    /// The rows of one page in reading order, each row's fragments left to right, markers rejoined with their text.
    static func order(_ fragments: [PDFLine]) -> [[PDFLine]] {
        guard !fragments.isEmpty else { return [] }
        guard let gutter = gutter(of: fragments) else {
            return withColumnRight(rows(of: fragments)).map(mergeMarker)
        }
        // Full-width lines (with any marker beside them) cut the page into stretches; each
        // stretch reads down its left column, then down its right one.
        let crosses = { (line: PDFLine) in line.rect.x0 < gutter && line.rect.x1 > gutter }
        let spanning = fragments.filter(crosses)
        var columns = fragments.filter { !crosses($0) }
        var spanningRows: [[PDFLine]] = []
        for row in rows(of: spanning) {
            let beside = columns.filter { fragment in row.contains { $0.rect.verticalOverlap(fragment.rect) >= 0.5 } }
            columns.removeAll { fragment in beside.contains(fragment) }
            spanningRows.append((row + beside).sorted { $0.rect.x0 < $1.rect.x0 })
        }
        let edge = rightEdge(of: fragments)
        var ordered: [[PDFLine]] = []
        for row in spanningRows + [[]] {
            let limit = row.first?.rect.y0 ?? .infinity
            let above = columns.filter { $0.rect.y0 < limit }
            columns.removeAll { $0.rect.y0 < limit }
            ordered += withColumnRight(rows(of: above.filter { $0.rect.x1 <= gutter }))
            ordered += withColumnRight(rows(of: above.filter { $0.rect.x0 >= gutter }))
            if !row.isEmpty { ordered.append(row.map { with($0, column: (fragments.map(\.rect.x0).min(), edge)) }) }
        }
        return ordered.map(mergeMarker)
    }

    /// Groups fragments into rows that share a baseline, top to bottom, each row left to right.
    /// A row is measured by its shortest fragment: a page number set large beside a footer of two
    /// lines shares a baseline with the first only (Richmond's 2023 report joined both lines of
    /// its footer into one row on one page, and that page's footer was kept as text).
    static func rows(of fragments: [PDFLine]) -> [[PDFLine]] {
        let sorted = fragments.sorted { ($0.rect.y0, $0.rect.x0) < ($1.rect.y0, $1.rect.x0) }
        var rows: [[PDFLine]] = []
        var anchor: PDFRect?
        for fragment in sorted {
            if let current = anchor, current.verticalOverlap(fragment.rect) >= 0.5 {
                rows[rows.count - 1].append(fragment)
                if fragment.rect.height < current.height { anchor = fragment.rect }
            } else {
                rows.append([fragment])
                anchor = fragment.rect
            }
        }
        return rows.map { $0.sorted { $0.rect.x0 < $1.rect.x0 } }
    }

    /// The x position between two columns of text, or nil when the page is not set in two columns:
    /// both sides must hold several fragments, most of them as wide as their column (the lines of
    /// justified prose, not the short cells of a table), and few fragments may cross the gap.
    static func gutter(of fragments: [PDFLine]) -> Double? {
        guard fragments.count >= 10 else { return nil }
        let minX = fragments.map(\.rect.x0).min()!
        let maxX = fragments.map(\.rect.x1).max()!
        let width = maxX - minX
        guard width > 100 else { return nil }
        var best: (crossing: Int, start: Double, end: Double)?
        var x = minX + 0.3 * width
        while x <= minX + 0.7 * width {
            let crossing = fragments.reduce(0) { $0 + ($1.rect.x0 < x - 0.5 && $1.rect.x1 > x + 0.5 ? 1 : 0) }
            if best == nil || crossing < best!.crossing {
                best = (crossing, x, x)
            } else if crossing == best!.crossing, best!.end >= x - 1.01 {
                best!.end = x
            }
            x += 1
        }
        guard let found = best else { return nil }
        let centre = (found.start + found.end) / 2
        let left = fragments.filter { $0.rect.x1 <= centre }
        let right = fragments.filter { $0.rect.x0 >= centre }
        guard left.count >= 5, right.count >= 5, found.crossing * 2 <= left.count + right.count else { return nil }
        guard let leftEdge = left.map(\.rect.x1).max(), let rightStart = right.map(\.rect.x0).min(), rightStart - leftEdge >= 4
        else { return nil }
        func mostlyFull(_ side: [PDFLine]) -> Bool {
            let start = side.map(\.rect.x0).min()!
            let end = side.map(\.rect.x1).max()!
            guard end - start >= 0.25 * width else { return false }
            let full = side.filter { $0.rect.width >= 0.75 * (end - start) }
            // A column of text runs on in lines of several words; a table's column of grades
            // ("Requires improvement" beside each area, Plymouth 2015) does not.
            let words = full.map(\.words.count).sorted()
            return full.count >= 5 && full.count * 10 >= side.count * 3 && words[words.count / 2] >= 4
        }
        guard mostlyFull(left), mostlyFull(right) else { return nil }
        return (leftEdge + rightStart) / 2
    }

    /// The right edge of a column: where most of its full lines end.
    static func rightEdge(of lines: [PDFLine]) -> Double? {
        let ends = lines.filter { $0.cells.isEmpty }.map(\.rect.x1).sorted()
        guard !ends.isEmpty else { return nil }
        return ends[min(ends.count - 1, ends.count * 9 / 10)]
    }
}

private extension PDFReadingOrder {
    static func with(_ line: PDFLine, column: (left: Double?, right: Double?)) -> PDFLine {
        var line = line
        line.columnLeft = column.left
        line.columnRight = column.right
        return line
    }

    static func withColumnRight(_ rows: [[PDFLine]]) -> [[PDFLine]] {
        let edge = rightEdge(of: rows.filter { $0.count == 1 }.flatMap { $0 })
        let left = rows.flatMap { $0 }.map(\.rect.x0).min()
        return rows.map { row in row.map { with($0, column: (left, edge)) } }
    }

    /// Rejoins a row's list marker with its text when a tab or hanging indent set it apart.
    static func mergeMarker(_ row: [PDFLine]) -> [PDFLine] {
        guard row.count >= 2, PDFListMarker.isMarkerOnly(row[0]) else { return row }
        return [row[0].appending(row[1])] + row.dropFirst(2)
    }

    /// Makes rows of two or more fragments table rows when a nearby row has cells aligned with
    /// theirs; a wrapped cell's next line joins its cell, a row with empty cells gets them; other
    /// rows read as one line. Each table's rows are then laid on one grid of columns.
    static func tables(from rows: [[PDFLine]]) -> [PDFLine] {
        var lines: [PDFLine] = []
        var grid: [Double] = []
        for (index, row) in rows.enumerated() {
            if let last = lines.last, !last.cells.isEmpty {
                if let merged = continuation(of: last, with: row, grid: grid) {
                    lines[lines.count - 1] = merged
                    continue
                }
                if row.count == 1, let placed = placed(row[0], under: last, grid: grid) {
                    lines.append(placed)
                    continue
                }
            }
            let nearby = rows[max(0, index - 3)..<min(rows.count, index + 4)].indices.filter { $0 != index }.map { rows[$0] }
            if row.count >= 2, nearby.contains(where: { aligned(row, $0) }) {
                var row = row
                if let last = lines.last, last.cells.isEmpty, let first = firstLine(last, ofCellOf: row) {
                    // The cell's first line stood alone above the row (see ``firstLine(_:ofCellOf:)``).
                    lines.removeLast()
                    row[0] = first
                }
                if lines.last?.cells.isEmpty ?? true { grid = [] }
                grid = merge(grid, row.map(\.rect.x0))
                lines.append(tableRow(row))
            } else {
                grid = []
                lines.append(row.dropFirst().reduce(row[0]) { $0.appending($1) })
            }
        }
        return onGrid(lines)
    }

    /// `line` and `row`'s first cell as one, where `line` is that cell's first line: right above
    /// it, at its left edge and within its column, and level with another cell of the row, which
    /// the table centres on the cell's two lines. Single inspections box their judgements so
    /// ("The experiences and progress of children / who need help and protection" beside
    /// "Requires improvement"), and the first line stood as a paragraph of its own (session 40's
    /// reading audit, four reports). Nil otherwise: a paragraph above a table is none of these,
    /// and a bold line may be a heading.
    static func firstLine(_ line: PDFLine, ofCellOf row: [PDFLine]) -> PDFLine? {
        // A bold line is left to the heading finder (Darlington 2018 sets its boxes bold and large,
        // and its first line heads the section).
        guard row.count >= 2, !line.bold, line.page == row[0].page, abs(line.rect.x0 - row[0].rect.x0) < 4,
              line.rect.x1 < row[1].rect.x0, abs(line.fontSize - row[0].fontSize) < 0.5 else { return nil }
        let gap = row[0].rect.y0 - line.rect.y1
        guard gap > -2, gap < 0.35 * max(line.fontSize, 1) else { return nil }
        guard row.dropFirst().contains(where: { $0.rect.y0 < line.rect.y1 - 1 && $0.rect.y1 > line.rect.y0 }) else { return nil }
        return line.appending(row[0])
    }

    static func tableRow(_ cells: [PDFLine]) -> PDFLine {
        var line = cells.dropFirst().reduce(cells[0]) { $0.appending($1) }
        line.cells = cells
        line.columnLeft = cells[0].columnLeft
        line.columnRight = cells[0].columnRight
        return line
    }

    /// Whether a later cell of `row` starts where a cell of `other` does: `other` is a row of
    /// the same table, or a row of it whose first cells are empty.
    static func aligned(_ row: [PDFLine], _ other: [PDFLine]) -> Bool {
        let starts = other.map(\.rect.x0)
        guard other.count >= 2 || (other.count == 1 && starts[0] > row[0].rect.x0 + 8) else { return false }
        return row.dropFirst().contains { cell in starts.contains { abs($0 - cell.rect.x0) < 4 } }
    }

    /// `row` as the next line of wrapped cells of `table`: right under it (or at the top of the next
    /// page), each fragment under a column of the table.
    static func continuation(of table: PDFLine, with row: [PDFLine], grid: [Double]) -> PDFLine? {
        guard let first = row.first else { return nil }
        // A header row set in bold is not wrapped into the plain row under it.
        let filled = table.cells.filter { !$0.words.isEmpty }
        if !filled.isEmpty, filled.allSatisfy(\.bold), !row.contains(where: \.bold) { return nil }
        if first.page == table.page {
            // Each fragment right under the cell it goes on (or under the row, for an empty
            // cell): a box whose cells are centred on each other's lines has rows that overlap
            // (Darlington 2018's judgement boxes: "children who need help and" sits beside the
            // gap between "Requires improvement" and "to be good").
            for fragment in row {
                let cell = table.cells.first { !$0.words.isEmpty && abs($0.rect.x0 - fragment.rect.x0) < 4 }
                let gap = fragment.rect.y0 - (cell?.rect.y1 ?? table.rect.y1)
                guard gap > -2, gap < 0.35 * max(fragment.fontSize, 1) else { return nil }
            }
        } else {
            // A row broken by a page break goes on in lower case, under a later column.
            guard first.page == table.page + 1, first.text.first?.isLowercase == true,
                  let column = grid.first, first.rect.x0 > column + 4 else { return nil }
        }
        var cells = table.cells
        for fragment in row {
            if let index = cells.firstIndex(where: { abs($0.rect.x0 - fragment.rect.x0) < 4 }) {
                cells[index] = cells[index].appending(fragment)
            } else if grid.contains(where: { abs($0 - fragment.rect.x0) < 4 }) {
                cells.append(fragment)
                cells.sort { $0.rect.x0 < $1.rect.x0 }
            } else {
                return nil
            }
        }
        return tableRow(cells)
    }

    /// A lone fragment under a later column of the table (or at the top of the next page, where
    /// that column would be): a row whose other cells are empty.
    static func placed(_ fragment: PDFLine, under table: PDFLine, grid: [Double]) -> PDFLine? {
        let below = fragment.page == table.page && fragment.rect.y0 - table.rect.y1 < 1.5 * max(fragment.fontSize, 1)
        guard below || fragment.page == table.page + 1, let column = grid.first, fragment.rect.x0 > column + 4,
              grid.contains(where: { abs($0 - fragment.rect.x0) < 4 }) else { return nil }
        return tableRow([fragment])
    }

    /// Column starts `a` and `b` together, those within 4 points of each other counted once.
    static func merge(_ a: [Double], _ b: [Double]) -> [Double] {
        var grid: [Double] = []
        for x in (a + b).sorted() where grid.last.map({ x - $0 >= 4 }) ?? true { grid.append(x) }
        return grid
    }

    /// Lays each table's rows on the columns all its rows share: a cell that ran over a column
    /// start is split there, and a column a row has nothing in gets an empty cell.
    static func onGrid(_ lines: [PDFLine]) -> [PDFLine] {
        var result = lines
        var start = 0
        while start < result.count {
            guard !result[start].cells.isEmpty else {
                start += 1
                continue
            }
            var end = start
            while end < result.count, !result[end].cells.isEmpty { end += 1 }
            let grid = result[start..<end].reduce([Double]()) { merge($0, $1.cells.filter { !$0.words.isEmpty }.map(\.rect.x0)) }
            for index in start..<end { result[index] = laid(result[index], on: grid) }
            start = end
        }
        return result
    }

    static func laid(_ row: PDFLine, on grid: [Double]) -> PDFLine {
        let column = { (x: Double) in max(0, (grid.lastIndex { $0 <= x + 4 }) ?? 0) }
        var columns: [[PDFWord]] = Array(repeating: [], count: grid.count)
        for cell in row.cells {
            var current = cell.words.first.map { column($0.rect.x0) } ?? 0
            var previous: PDFWord?
            for word in cell.words {
                if let last = previous, word.rect.x0 - last.rect.x1 > 0.4 * word.fontSize,
                   let next = grid.firstIndex(where: { abs($0 - word.rect.x0) < 4 }), next > current {
                    current = next
                }
                columns[current].append(word)
                previous = word
            }
        }
        let cells = columns.enumerated().map { index, words in
            words.isEmpty ? PDFLine.emptyCell(x: grid[index], top: row.rect.y0, bottom: row.rect.y1, page: row.page)
                : PDFLine(words: words, page: row.page)
        }
        var line = row
        line.cells = cells
        return line
    }
}
