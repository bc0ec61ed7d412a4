/// Puts a page's line fragments in reading order: rows top to bottom; on a two-column page, the
/// left column of each stretch between full-width lines before the right one. A list marker set
/// apart from its text rejoins it, and rows of aligned cells become table rows.
enum PDFReadingOrder {
    /// The lines of one page (running headers and footers already removed), in reading order.
    static func order(_ fragments: [PDFLine]) -> [PDFLine] {
        guard !fragments.isEmpty else { return [] }
        let rows = rows(of: fragments)
        var ordered: [[PDFLine]] = []
        if let gutter = gutter(of: fragments) {
            var left: [[PDFLine]] = []
            var right: [[PDFLine]] = []
            func flush() {
                ordered += withColumnRight(left) + withColumnRight(right)
                left = []
                right = []
            }
            var spanning: [[PDFLine]] = []
            for row in rows {
                if row.contains(where: { $0.rect.x0 < gutter && $0.rect.x1 > gutter }) {
                    flush()
                    spanning.append(row)
                    ordered.append(row)
                    continue
                }
                let leftPart = row.filter { $0.rect.x1 <= gutter }
                let rightPart = row.filter { $0.rect.x0 >= gutter }
                if !leftPart.isEmpty { left.append(leftPart) }
                if !rightPart.isEmpty { right.append(rightPart) }
            }
            flush()
            let edge = rightEdge(of: fragments)
            ordered = ordered.map { row in row.map { $0.columnRight == nil ? with($0, columnRight: edge) : $0 } }
        } else {
            ordered = withColumnRight(rows)
        }
        return tables(from: ordered.map(mergeMarker))
    }

    /// Groups fragments into rows that share a baseline, top to bottom, each row left to right.
    static func rows(of fragments: [PDFLine]) -> [[PDFLine]] {
        let sorted = fragments.sorted { ($0.rect.y0, $0.rect.x0) < ($1.rect.y0, $1.rect.x0) }
        var rows: [[PDFLine]] = []
        var band: PDFRect?
        for fragment in sorted {
            if let current = band, current.verticalOverlap(fragment.rect) >= 0.5 {
                rows[rows.count - 1].append(fragment)
                band = current.union(fragment.rect)
            } else {
                rows.append([fragment])
                band = fragment.rect
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
        guard left.count >= 5, right.count >= 5, found.crossing <= max(3, min(left.count, right.count) / 2) else { return nil }
        guard let leftEdge = left.map(\.rect.x1).max(), let rightStart = right.map(\.rect.x0).min(), rightStart - leftEdge >= 4
        else { return nil }
        func mostlyFull(_ side: [PDFLine]) -> Bool {
            let start = side.map(\.rect.x0).min()!
            let end = side.map(\.rect.x1).max()!
            let full = side.filter { $0.rect.width >= 0.75 * (end - start) }.count
            return full >= 4 && full * 5 >= side.count * 2
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
    static func with(_ line: PDFLine, columnRight: Double?) -> PDFLine {
        var line = line
        line.columnRight = columnRight
        return line
    }

    static func withColumnRight(_ rows: [[PDFLine]]) -> [[PDFLine]] {
        let edge = rightEdge(of: rows.filter { $0.count == 1 }.flatMap { $0 })
        return rows.map { row in row.map { with($0, columnRight: edge) } }
    }

    /// Rejoins a row's list marker with its text when a tab or hanging indent set it apart.
    static func mergeMarker(_ row: [PDFLine]) -> [PDFLine] {
        guard row.count >= 2, PDFListMarker.isMarkerOnly(row[0]) else { return row }
        return [row[0].appending(row[1])] + row.dropFirst(2)
    }

    /// Makes rows of two or more fragments table rows when a neighbouring row has cells aligned
    /// with theirs; a wrapped cell's next line joins its cell; other rows read as one line.
    static func tables(from rows: [[PDFLine]]) -> [PDFLine] {
        var lines: [PDFLine] = []
        for (index, row) in rows.enumerated() {
            if let last = lines.last, last.isTableRow, let merged = continuation(of: last, with: row) {
                lines[lines.count - 1] = merged
                continue
            }
            guard row.count >= 2 else {
                lines.append(row[0])
                continue
            }
            let nearby = rows[max(0, index - 3)..<min(rows.count, index + 4)].indices.filter { $0 != index }.map { rows[$0] }
            if nearby.contains(where: { aligned(row, $0) }) {
                var line = row.dropFirst().reduce(row[0]) { $0.appending($1) }
                line.cells = row
                line.columnRight = row[0].columnRight
                lines.append(line)
            } else {
                lines.append(row.dropFirst().reduce(row[0]) { $0.appending($1) })
            }
        }
        return lines
    }

    static func aligned(_ row: [PDFLine], _ other: [PDFLine]) -> Bool {
        guard other.count >= 2 else { return false }
        let starts = other.map(\.rect.x0)
        let matches = row.dropFirst().filter { cell in starts.contains { abs($0 - cell.rect.x0) < 4 } }.count
        return matches >= 1
    }

    /// `row` as the next line of wrapped cells of `table`: right under it, each fragment under a cell.
    static func continuation(of table: PDFLine, with row: [PDFLine]) -> PDFLine? {
        guard let first = row.first, first.page == table.page else { return nil }
        let gap = first.rect.y0 - table.rect.y1
        guard gap > -2, gap < 0.35 * max(first.fontSize, 1) else { return nil }
        var cells = table.cells
        for fragment in row {
            guard let index = cells.firstIndex(where: { abs($0.rect.x0 - fragment.rect.x0) < 4 }) else { return nil }
            cells[index] = cells[index].appending(fragment)
        }
        var merged = cells.dropFirst().reduce(cells[0]) { $0.appending($1) }
        merged.cells = cells
        merged.columnRight = table.columnRight
        return merged
    }
}
