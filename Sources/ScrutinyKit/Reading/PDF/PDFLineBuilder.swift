/// Turns a page's text, glyph boxes and font runs into words and lines. Poppler's lines are split
/// again where a gap is far wider than the line's word spacing: two table cells, or two columns
/// that poppler ran together, become separate fragments for reading order to place.
enum PDFLineBuilder {
    static func lines(of page: PDFPageText) -> [PDFLine] {
        guard page.boxes.count == page.text.count else { return unplacedLines(of: page) }
        var lines: [PDFLine] = []
        var words: [PDFWord] = []
        var start: Int?
        var rect: PDFRect?
        var styleCursor = 0
        var wordStyle: PDFPageText.Style?
        var wordFlags = (bold: false, symbol: false)
        // Each font run's weight and family, worked out once rather than for every word.
        let flags = page.styles.map { (bold: isBold($0.fontName), symbol: isSymbol($0.fontName)) }
        func startWord(at index: Int) {
            while styleCursor < page.styles.count, page.styles[styleCursor].range.upperBound <= index { styleCursor += 1 }
            if styleCursor < page.styles.count, page.styles[styleCursor].range.contains(index) {
                wordStyle = page.styles[styleCursor]
                wordFlags = flags[styleCursor]
            }
        }

        func finishWord(at end: Int) {
            if let box = rect, let first = start, end > first {
                let end = withoutFootnoteMark(first..<end)
                words.append(PDFWord(text: page.string(first..<end), rect: box, fontSize: wordStyle?.fontSize ?? box.height,
                                     bold: wordFlags.bold, symbolFont: wordFlags.symbol))
            }
            start = nil
            rect = nil
            wordStyle = nil
            wordFlags = (false, false)
        }
        func finishLine(at end: Int) {
            finishWord(at: end)
            if !words.isEmpty { lines.append(contentsOf: split(words, page: page.number)) }
            words = []
        }

        /// The word's end without a footnote's number set small after it ("What needs to
        /// improve?¹" read as "improve?1"): digits at the word's end in a font under four fifths
        /// of its first letter's, after a letter or a mark.
        func withoutFootnoteMark(_ word: Range<Int>) -> Int {
            guard let size = wordStyle?.fontSize, size > 0 else { return word.upperBound }
            func fontSize(at index: Int) -> Double? {
                var cursor = styleCursor
                while cursor < page.styles.count, page.styles[cursor].range.upperBound <= index { cursor += 1 }
                return cursor < page.styles.count && page.styles[cursor].range.contains(index) ? page.styles[cursor].fontSize : nil
            }
            var end = word.upperBound
            while end > word.lowerBound + 1, ("0"..."9").contains(page.text[end - 1]), end - word.upperBound > -3,
                  let small = fontSize(at: end - 1), small < 0.8 * size {
                end -= 1
            }
            guard end < word.upperBound, !("0"..."9").contains(page.text[end - 1]) else { return word.upperBound }
            return end
        }

        for (index, scalar) in page.text.enumerated() {
            switch scalar {
            case "\n":
                finishLine(at: index)
            case " ", "\t", "\u{00A0}":
                finishWord(at: index)
            default:
                let box = page.boxes[index]
                if let last = rect, box.x0 - last.x1 > 0.25 * (wordStyle?.fontSize ?? last.height) || box.y0 >= last.y1 {
                    // Glyphs set apart without a space character (a tab, an inline box): two words.
                    finishWord(at: index)
                }
                if start == nil {
                    start = index
                    startWord(at: index)
                }
                rect = rect.map { $0.union(box) } ?? box
            }
        }
        finishLine(at: page.text.count)
        return lines
    }

    /// Splits one of poppler's lines where a gap is much wider than its word spacing.
    static func split(_ words: [PDFWord], page: Int) -> [PDFLine] {
        guard words.count >= 2 else { return [PDFLine(words: words, page: page)] }
        let gaps = zip(words, words.dropFirst()).map { $1.rect.x0 - $0.rect.x1 }
        let size = words.map(\.fontSize).max() ?? 10
        let forward = gaps.filter { $0 >= 0 }.sorted()
        let threshold: Double
        if forward.count >= 2 {
            threshold = max(2.5 * forward[(forward.count - 1) / 2], 1.0 * size)
        } else {
            threshold = 1.5 * size
        }
        var fragments: [PDFLine] = []
        var start = 0
        // Poppler sometimes chains table cells into one line: a step back or off the baseline splits too.
        for (index, gap) in gaps.enumerated()
        where gap > threshold || gap < -0.2 * size || words[index].rect.verticalOverlap(words[index + 1].rect) < 0.5 {
            fragments.append(PDFLine(words: Array(words[start...index]), page: page))
            start = index + 1
        }
        fragments.append(PDFLine(words: Array(words[start...]), page: page))
        return fragments
    }
}

private extension PDFLineBuilder {
    static func isBold(_ fontName: String) -> Bool {
        let name = fontName.lowercased()
        return ["bold", "black", "heavy", "semibold", "demi"].contains { name.contains($0) }
    }

    static func isSymbol(_ fontName: String) -> Bool {
        let name = fontName.lowercased()
        return ["symbol", "wingdings", "webdings", "dingbats"].contains { name.contains($0) }
    }

    /// Lines without geometry (poppler gave no boxes, or boxes that do not match the text): each
    /// line is stacked under the last so that the text still reads in poppler's order.
    static func unplacedLines(of page: PDFPageText) -> [PDFLine] {
        let text = String(String.UnicodeScalarView(page.text))
        var lines: [PDFLine] = []
        for (row, line) in text.split(separator: "\n").enumerated() {
            var x = 0.0
            let top = Double(row) * 14
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word -> PDFWord in
                let width = Double(word.count) * 6
                defer { x += width + 3 }
                return PDFWord(text: String(word), rect: PDFRect(x0: x, y0: top, x1: x + width, y1: top + 12), fontSize: 11)
            }
            if !words.isEmpty { lines.append(PDFLine(words: words, page: page.number)) }
        }
        return lines
    }
}
