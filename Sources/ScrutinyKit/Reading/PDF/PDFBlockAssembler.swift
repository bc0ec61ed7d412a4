/// Turns lines in reading order into the blocks every reader produces. Headings are told by font
/// size and weight against the body text; list items by their bullets and numbering; a line
/// continues the block above unless the spacing, a marker, a change of type, or a short line
/// ending a sentence (one the next word would have fitted on) says otherwise; words broken at a
/// line end are rejoined.
struct PDFBlockAssembler {
    let lines: [PDFLine]
    private let bodySize: Double
    private let headingSizes: [Double]
    private let pitches: [Double: Double]
    private let hyphenation: Hyphenation

    init(lines: [PDFLine]) {
        self.lines = lines
        let bodySize = Self.bodySize(of: lines)
        self.bodySize = bodySize
        self.headingSizes = Set(lines.filter { !$0.isTableRow && $0.fontSize >= bodySize * 1.12 }.map(\.fontSize))
            .sorted(by: >)
        self.pitches = Self.pitches(of: lines)
        self.hyphenation = Hyphenation(lines: lines.lazy.flatMap { $0.isTableRow ? $0.cells : [$0] }.map { $0.words.map(\.text) })
    }

    func blocks() -> [Block] {
        var state = State()
        for unit in units() {
            switch unit {
            case .table(let line):
                flush(&state)
                state.listIndents = []
                let cells = line.cells.map { joinedText([$0]) }
                if let merged = Self.rowContinued(across: state.blocks.last, by: cells, page: line.page) {
                    state.blocks[state.blocks.count - 1] = merged
                } else {
                    state.blocks.append(.tableRow(cells, page: line.page))
                }
            case .heading(let group):
                flush(&state)
                state.listIndents = []
                appendHeading(group, to: &state)
            case .text(let line):
                add(line, to: &state)
            }
        }
        flush(&state)
        return state.blocks
    }
}

extension PDFBlockAssembler {
    /// A table row that a page break cut in two: the last row of one page and the first of the
    /// next, with the same columns, each filling only cells the other leaves empty. The row is
    /// kept whole, on the page where it starts.
    static func rowContinued(across previous: Block?, by cells: [String], page: Int?) -> Block? {
        guard let previous, previous.kind == .tableRow, let before = previous.cells, before.count == cells.count,
              let page, let previousPage = previous.page, page == previousPage + 1 else { return nil }
        let complementary = zip(before, cells).allSatisfy { $0.isEmpty || $1.isEmpty }
        let bothPartial = before.contains(where: \.isEmpty) && cells.contains(where: \.isEmpty)
        guard complementary, bothPartial else { return nil }
        return .tableRow(zip(before, cells).map { $0.isEmpty ? $1 : $0 }, page: previousPage)
    }

    /// Whether `word` ends in a dash after a digit and `next` opens with a digit: a range of years
    /// or numbers broken at its dash.
    static func isOpenRange(_ word: String, before next: String) -> Bool {
        let scalars = Array(word.unicodeScalars.suffix(2))
        guard scalars.count == 2, ["\u{2013}", "\u{2012}", "\u{2014}"].contains(scalars[1]), ("0"..."9").contains(scalars[0]),
              let first = next.unicodeScalars.first else { return false }
        return ("0"..."9").contains(first)
    }

    /// The heading's lines without the words set apart after a gap of two type sizes or more
    /// (another cell of the box it stands in: "… achieving" and "Requires improvement" beside it,
    /// then "permanence", read "… achieving Requires improvement permanence" in two single
    /// inspections until session 40), and those words, to be read after the heading's own. A
    /// number apart (a contents entry's page) stays where it is.
    static func withoutCellsAside(_ group: [PDFLine]) -> (heading: [PDFLine], aside: [PDFLine]) {
        var heading: [PDFLine] = []
        var aside: [PDFLine] = []
        for line in group {
            let words = line.words
            guard let cut = words.indices.dropFirst().first(where: { words[$0].rect.x0 - words[$0 - 1].rect.x1 >= 2 * max(line.fontSize, 1) }),
                  words[cut...].contains(where: { $0.text.contains(where: \.isLetter) }) else {
                heading.append(line)
                continue
            }
            heading.append(PDFLine(words: Array(words[..<cut]), page: line.page))
            aside.append(PDFLine(words: Array(words[cut...]), page: line.page))
        }
        return (heading, aside)
    }

    /// The font size most of the text is set in.
    static func bodySize(of lines: [PDFLine]) -> Double {
        var counts: [Double: Int] = [:]
        for line in lines where !line.isTableRow {
            counts[line.fontSize, default: 0] += line.words.reduce(0) { $0 + $1.text.unicodeScalars.count }
        }
        return counts.max { $0.value < $1.value }?.key ?? 10
    }
}

private extension PDFBlockAssembler {
    enum Unit {
        case table(PDFLine), heading([PDFLine]), text(PDFLine)
    }

    struct Pending {
        var lines: [PDFLine]
        var marker: PDFListMarker.Parsed?
        /// Where the block's later lines start: after the marker of an item, at the margin of a paragraph.
        var continuationX: Double
        var leftX: Double
    }

    struct State {
        var blocks: [Block] = []
        var pending: Pending?
        var listIndents: [Double] = []
    }

    // MARK: units

    func units() -> [Unit] {
        var units: [Unit] = []
        for line in lines {
            if line.isTableRow {
                units.append(.table(line))
            } else if isHeadingCandidate(line) {
                if case .heading(let group)? = units.last, let last = group.last, continuesHeading(last, line) {
                    units[units.count - 1] = .heading(group + [line])
                } else {
                    units.append(.heading([line]))
                }
            } else {
                units.append(.text(line))
            }
        }
        return units.flatMap { unit -> [Unit] in
            guard case .heading(let group) = unit, !isHeading(group) else { return [unit] }
            return group.map(Unit.text)
        }
    }

    func isHeadingCandidate(_ line: PDFLine) -> Bool {
        if let marker = PDFListMarker.parse(line), marker.ordinal == nil { return false }
        if line.fontSize >= bodySize * 1.12 { return line.words.count <= 30 }
        return line.bold && line.fontSize >= bodySize * 0.95 && line.words.count <= 20
    }

    func continuesHeading(_ previous: PDFLine, _ line: PDFLine) -> Bool {
        guard line.page == previous.page, abs(line.fontSize - previous.fontSize) < 0.5, line.bold == previous.bold,
              line.rect.y0 > previous.rect.y0, line.rect.y0 - previous.rect.y1 < 0.6 * line.fontSize else { return false }
        return PDFListMarker.parse(line)?.ordinal == nil
    }

    func isHeading(_ group: [PDFLine]) -> Bool {
        let text = joinedText(group)
        guard text.contains(where: \.isLetter), !HeadingHeuristics.isDatedLabel(text) else { return false }
        if group[0].fontSize >= bodySize * 1.12 { return text.split(separator: " ").count <= 30 }
        if let marker = ListMarker.parse(Substring(text)), marker.ordinal != nil {
            return HeadingHeuristics.isNumberedTitle(String(marker.rest), bold: true)
        }
        return HeadingHeuristics.isTitle(text, bold: true)
    }

    func appendHeading(_ group: [PDFLine], to state: inout State) {
        // A cell set apart beside the heading (a judgement's grade in its box) ends it, after the
        // heading's own words, as a box whose heading and grade are one run of text reads.
        let (heading, aside) = Self.withoutCellsAside(group)
        var text = joinedText(heading + aside)
        var ordinal: String?
        if let marker = ListMarker.parse(Substring(text)), let number = marker.ordinal, !marker.rest.isEmpty {
            ordinal = number
            text = String(marker.rest)
        }
        let size = group[0].fontSize
        let level = headingSizes.firstIndex(of: size).map { $0 + 1 } ?? headingSizes.count + 1
        state.blocks.append(.heading(text, level: min(6, max(1, level)), ordinal: ordinal, page: group[0].page))
    }

    // MARK: paragraphs and list items

    func add(_ line: PDFLine, to state: inout State) {
        let marker = PDFListMarker.parse(line)
        if let pending = state.pending {
            let continues = continues(pending, with: line)
            if continues, marker == nil || isSoftWrap(pending, line) {
                state.pending!.lines.append(line)
                if pending.marker == nil, pending.lines.count == 1 { state.pending!.continuationX = line.rect.x0 }
                state.pending!.leftX = min(pending.leftX, line.rect.x0)
                return
            }
            flush(&state)
        }
        let textX = marker != nil && line.words.count >= 2 ? line.words[1].rect.x0 : line.rect.x0
        state.pending = Pending(lines: [line], marker: marker, continuationX: textX, leftX: line.rect.x0)
    }

    /// Whether `line` reads on from the pending block's last line.
    func continues(_ pending: Pending, with line: PDFLine) -> Bool {
        let previous = pending.lines[pending.lines.count - 1]
        let size = max(previous.fontSize, line.fontSize, 1)
        guard abs(line.fontSize - previous.fontSize) <= 0.15 * size else { return false }
        let broken = previous.words.last.flatMap { Hyphenation.trailingHyphen($0.text) } != nil
        let samePlace = line.page == previous.page && line.rect.y0 > previous.rect.y0 + 0.3 * size
            && line.rect.y0 - previous.rect.y0 < 4 * size && sameColumn(line, previous)
        if samePlace {
            if line.rect.y0 - previous.rect.y0 > pitch(for: previous.fontSize) * 1.2 + 0.5 { return false }
            if broken { return true }
            let sentenceEnds = endsSentence(previous)
            if sentenceEnds, !isFull(previous, before: line) { return false }
            if sentenceEnds, line.rect.x0 > pending.continuationX + 0.8 * size { return false }
            return line.rect.x0 >= pending.leftX - 0.8 * size
        }
        // A page or column break: the block goes on when the last line was full and does not end
        // a sentence that the next line opens, or when a sentence plainly runs on.
        if broken { return true }
        if pending.marker != nil, let indent = hangingIndent(pending, previous), let left = line.columnLeft {
            // An item with a hanging indent goes on at that indent and nowhere else. Over a page
            // break the margins stay where they were, though the column finder may put the new
            // page's first lines, all at the indent, in a column of their own (Bexley 2018's
            // paragraph 18 was cut at "the physical and").
            if abs(line.rect.x0 - left - indent) < 2 { return true }
            if line.page != previous.page, abs(line.rect.x0 - pending.continuationX) < 2,
               !endsSentence(previous) || isFull(previous, before: line) { return true }
            if line.rect.x0 - left < indent - 2 { return false }
        }
        let sentenceEnds = endsSentence(previous)
        let startsLower = line.words.first?.text.first?.isLowercase ?? false
        return (isFull(previous, before: line) && !(sentenceEnds && !startsLower)) || (!sentenceEnds && startsLower)
    }

    /// Whether `line` lies in `previous`'s column: the same right edge, or (a short last line
    /// that the column finder gave a column of its own) inside its edges.
    func sameColumn(_ line: PDFLine, _ previous: PDFLine) -> Bool {
        guard let right = previous.columnRight else { return line.columnRight == nil }
        if abs((line.columnRight ?? 0) - right) < 2 { return true }
        guard let left = previous.columnLeft else { return false }
        return line.rect.x0 >= left - 2 && line.rect.x1 <= right + 2
    }

    /// How far an item's later lines are indented from its column's margin, when they are.
    func hangingIndent(_ pending: Pending, _ previous: PDFLine) -> Double? {
        guard let left = previous.columnLeft else { return nil }
        let indent = pending.continuationX - left
        return indent >= 0.8 * previous.fontSize ? indent : nil
    }

    /// Whether `line`, though it starts like an item ("2.5 million"), only carries on a wrapped line.
    func isSoftWrap(_ pending: Pending, _ line: PDFLine) -> Bool {
        let previous = pending.lines[pending.lines.count - 1]
        guard pending.lines.count >= 2 || pending.marker != nil else { return false }
        return line.page == previous.page && isFull(previous, before: line) && abs(line.rect.x0 - pending.continuationX) < 2
    }

    /// Whether the next line's first word would not have fitted on `previous`: a soft wrap.
    func isFull(_ previous: PDFLine, before line: PDFLine) -> Bool {
        guard let right = previous.columnRight, let next = line.words.first else { return true }
        return previous.rect.x1 + 0.25 * previous.fontSize + next.rect.width > right + 1
    }

    func endsSentence(_ line: PDFLine) -> Bool {
        guard let word = line.words.last?.text else { return false }
        let trimmed = word.unicodeScalars.reversed().drop { "\"'\u{201D}\u{2019})]".unicodeScalars.contains($0) }
        guard let last = trimmed.first else { return false }
        return ".!?:;".unicodeScalars.contains(last)
    }

    func pitch(for size: Double) -> Double {
        pitches[size] ?? size * 1.2
    }

    func flush(_ state: inout State) {
        guard let pending = state.pending else { return }
        state.pending = nil
        let text = joinedText(pending.lines)
        guard !text.isEmpty else { return }
        let page = pending.lines[0].page
        let breaks = pageBreaks(pending.lines, in: text)
        guard let marker = pending.marker else {
            var paragraph = Block.paragraph(text, page: page)
            paragraph.pageBreaks = breaks
            state.blocks.append(paragraph)
            if pending.leftX <= (state.listIndents.first ?? .infinity) + 2 { state.listIndents = [] }
            return
        }
        let body: String
        if marker.isArtefact {
            body = String(text.drop { $0 != " " }.dropFirst())
        } else if let parsed = ListMarker.parse(Substring(text)) {
            body = String(parsed.rest)
        } else {
            var paragraph = Block.paragraph(text, page: page)
            paragraph.pageBreaks = breaks
            state.blocks.append(paragraph)
            return
        }
        let x = pending.leftX
        let size = pending.lines[0].fontSize
        if let last = state.listIndents.last, x > last + 6 * size { state.listIndents = [] }
        while let last = state.listIndents.last, last > x + 2 { state.listIndents.removeLast() }
        if state.listIndents.last.map({ abs($0 - x) > 2 }) ?? true { state.listIndents.append(x) }
        var item = Block.listItem(body, marker: marker.marker, ordinal: marker.ordinal, depth: state.listIndents.count - 1, page: page)
        // The marker is no part of the body: the breaks move back by what it took.
        let taken = text.unicodeScalars.count - body.unicodeScalars.count
        item.pageBreaks = breaks.flatMap { breaks in
            let moved = breaks.map { $0 - taken }.filter { $0 > 0 }
            return moved.isEmpty ? nil : moved
        }
        state.blocks.append(item)
    }

    /// Where lines carried over a page break begin in their joined `text`: the length of the
    /// text of the lines before each new page, and the space after it (given once for each page
    /// passed, so that a page skipped is counted). A word broken across the break is counted on
    /// the page where it starts. Nil for lines on one page.
    func pageBreaks(_ lines: [PDFLine], in text: String) -> [Int]? {
        guard let last = lines.last, last.page != lines[0].page else { return nil }
        let total = text.unicodeScalars.count
        var breaks: [Int] = []
        for index in lines.indices.dropFirst() where lines[index].page != lines[index - 1].page {
            let before = joinedText(Array(lines[..<index])).unicodeScalars.count
            // A page skipped (a full-page table or figure between) counts too: one break a page.
            let pages = lines[index].page - lines[index - 1].page
            if before > 0, before + 1 < total, pages > 0 { breaks += Array(repeating: before + 1, count: pages) }
        }
        return breaks.isEmpty ? nil : breaks
    }

    // MARK: text

    /// The lines' words as one normalised string, words broken at a line end rejoined.
    func joinedText(_ lines: [PDFLine]) -> String {
        var words: [String] = []
        var previous: PDFWord?
        for line in lines {
            for (index, word) in line.words.enumerated() {
                let newLine = index == 0 || previous.map { word.rect.x0 < $0.rect.x0 } ?? false
                if previous != nil, newLine, let text = words.last, Hyphenation.trailingHyphen(text) != nil {
                    words[words.count - 1] = hyphenation.join(text, word.text)
                } else if previous != nil, newLine, let text = words.last, Self.isOpenRange(text, before: word.text) {
                    // A range broken after its dash ("2012–" + "2013") is one range.
                    words[words.count - 1] = text + word.text
                } else {
                    words.append(word.text)
                }
                previous = word
            }
        }
        return Self.clean(CharacterNormalizer.normalize(words.joined(separator: " ")))
    }

    /// White space runs made single spaces, none at the ends.
    static func clean(_ text: String) -> String {
        // Words joined by single spaces need nothing done unless normalising left odd spaces.
        var previous: UInt8 = 32
        var tidy = true
        for byte in text.utf8 {
            if (byte == 32 && previous == 32) || byte == 9 || byte == 10 || byte == 13 || byte >= 0x80 {
                tidy = false
                break
            }
            previous = byte
        }
        if tidy, previous != 32 { return text }
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || (!scalar.isASCII && scalar.properties.isWhitespace) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                output.append(scalar)
                pendingSpace = false
            }
        }
        return String(output)
    }

    // MARK: measures

    /// The usual distance from one line's top to the next within a block, per font size.
    static func pitches(of lines: [PDFLine]) -> [Double: Double] {
        var samples: [Double: [Double]] = [:]
        for (line, next) in zip(lines, lines.dropFirst()) where line.page == next.page && line.fontSize == next.fontSize
            && !line.isTableRow && !next.isTableRow {
            let distance = next.rect.y0 - line.rect.y0
            if distance > 0.5 * line.fontSize, distance < 3 * line.fontSize, abs(next.rect.x0 - line.rect.x0) < 3 * line.fontSize {
                samples[line.fontSize, default: []].append(distance)
            }
        }
        return samples.compactMapValues { values in
            guard values.count >= 3 else { return nil }
            return values.sorted()[values.count / 4]
        }
    }
}
