/// Reads text and Markdown as converted reports really are: Markdown or plain headings, bullets
/// and numbering of every kind, list items whose marker was lost, tab-separated and pipe
/// tables, hard-wrapped paragraphs and stray HTML.
public struct PlainTextReader: Sendable {
    public init() {}

    /// The blocks of `text` (already decoded).
    public func blocks(from text: String) -> [Block] {
        let cleaned = CharacterNormalizer.normalize(InlineMarkup.stripHTML(Self.withoutFootnotes(text)))
        let lines = Self.withoutExtractHeader(Self.lines(of: cleaned))
        var builder = BlockBuilder(lines: lines, wrapWidth: Self.wrapWidth(of: lines))
        return builder.build()
    }

    /// `text` without its footnotes: a paragraph that opens with a superscript number ("⁶ The
    /// child safeguarding practice review … regulations 2018" and its link on the next line), as
    /// a PDF exported to text sets them between the pages. The other readers leave footnotes out;
    /// left in, one cut a quotation that ran over a page of the national survey and gave its words
    /// to the partnership quoted (session 43's audit). The number itself goes later with every
    /// superscript (``CharacterNormalizer``).
    static func withoutFootnotes(_ text: String) -> String {
        func isSuperscript(_ character: Character) -> Bool {
            character.unicodeScalars.count == 1 && CharacterNormalizer.isSuperscriptDigit(character.unicodeScalars.first!.value)
        }
        guard text.unicodeScalars.contains(where: { CharacterNormalizer.isSuperscriptDigit($0.value) }) else { return text }
        var kept: [Substring] = []
        var inFootnote = false
        var previousBlank = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.drop { $0 == " " || $0 == "\t" }
            let blank = content.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if blank {
                inFootnote = false
            } else if previousBlank {
                let number = content.prefix(while: isSuperscript)
                let next = content.dropFirst(number.count).first
                inFootnote = !number.isEmpty && number.count <= 3 && (next == " " || next == "\t" || next?.isLetter == true)
            }
            previousBlank = blank
            // The footnote's lines are left as empty lines, so that the paragraphs around it stay apart.
            kept.append(inFootnote ? "" : line)
        }
        return kept.joined(separator: "\n")
    }

    /// `lines` without the `==> FILE <==` line that `scrutiny extract` (like `head` and `tail`)
    /// prints above a document's text: read back, it named the document's partnership (a path) and
    /// changed its ids (session 39's audit).
    static func withoutExtractHeader(_ lines: [Line]) -> [Line] {
        guard let first = lines.firstIndex(where: { !$0.isBlank }) else { return lines }
        let text = lines[first].content
        guard text.hasPrefix("==> "), text.hasSuffix(" <=="), !text.dropFirst(4).dropLast(4).isEmpty else { return lines }
        return Array(lines[(first + 1)...])
    }

    /// The lines of `text`, except that a run of empty lines (nothing but spaces and tabs) keeps
    /// only its first: one empty line ends a block as surely as many do, so the blocks are the
    /// same, and a file of 8 MB of newlines no longer costs a classified line each (1.5 GB).
    /// `text` has no carriage returns (``CharacterNormalizer`` drops them), so a line feed is a
    /// character of its own and the lines are those `split(separator: "\n")` gives.
    static func lines(of text: String) -> [Line] {
        var lines: [Line] = []
        let utf8 = text.utf8
        text.withUTF8Bytes { bytes in
            var start = 0
            var lastWasEmpty = false
            while true {
                let end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
                let empty = !bytes.extracting(start..<end).contains { $0 != 0x20 && $0 != 0x09 }
                if !(empty && lastWasEmpty) {
                    let lower = utf8.index(utf8.startIndex, offsetBy: start)
                    lines.append(Line(text[lower..<utf8.index(lower, offsetBy: end - start)]))
                }
                lastWasEmpty = empty
                guard end < bytes.count else { break }
                start = end + 1
            }
        }
        return lines
    }
}

/// One physical line, classified.
struct Line {
    /// `marked` is boxed: inline, its marker made every line 144 bytes (88 boxed), which 8
    /// million one-character lines paid for in full.
    enum Kind {
        case blank, markdownHeading(Int), rule, table([String]), plain
        indirect case marked(ListMarker)
    }

    let raw: Substring
    let indent: Int
    let content: Substring
    let kind: Kind

    init(_ raw: Substring) {
        self.raw = raw
        var indent = 0
        for character in raw {
            if character == " " { indent += 1 } else if character == "\t" { indent += 4 } else { break }
        }
        self.indent = indent
        let content = raw.drop(while: { $0 == " " || $0 == "\t" })
        var trimmed = content
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        self.content = trimmed
        self.kind = Line.classify(raw: raw, content: trimmed)
    }

    var isBlank: Bool { if case .blank = kind { true } else { false } }

    static func classify(raw: Substring, content: Substring) -> Kind {
        // Tests of characters that are each one ASCII byte are made on the bytes: a character made
        // of more (a mark combined with "-") is none of them, and neither are its bytes.
        if content.isEmpty || content.utf8.allSatisfy({ $0 == 0x2A || $0 == 0x5F }) { return .blank }
        if content.first == "#" {
            let hashes = content.prefix(while: { $0 == "#" }).count
            let after = content.dropFirst(hashes)
            if hashes <= 6, after.isEmpty || after.first == " " { return .markdownHeading(hashes) }
        }
        if content.utf8.count >= 3, content.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x3D || $0 == 0x5F || $0 == 0x20 }) {
            return .rule
        }
        if content.first == "|", content.last == "|", content.count > 2 {
            let cells = content.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: " ") }
            if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { return .rule }
            return .table(cells)
        }
        // A tab is always a character of its own: looked for as a byte, by `memchr` (Foundation's
        // search was a fifth of reading; the view's own `contains`, a tenth of it still).
        if raw.containsByte(0x09) {
            var cells = raw.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " ") }
            while cells.last?.isEmpty == true { cells.removeLast() }
            let filled = cells.filter { !$0.isEmpty }.count
            // A list copied out of Word: its marker, a tab, its text ("1.<tab>The partnership should …").
            if filled == 2, let marker = Self.markerBeforeTab(cells) { return .marked(marker) }
            if filled >= 2 || (filled == 1 && cells.count >= 2) { return .table(cells) }
            if filled == 1, cells.count == 1, let only = cells.first, raw.hasSuffix("\t") {
                return ListMarker.parse(Substring(only)).map(Kind.marked) ?? .table([only])
            }
        }
        if let marker = ListMarker.parse(content) { return .marked(marker) }
        return .plain
    }

    /// The list marker of a line of two cells whose first is a marker alone ("1.", "•", "(a)",
    /// Word's symbol-font bullet) and whose second is text of several words; nil for a table row.
    static func markerBeforeTab(_ cells: [String]) -> ListMarker? {
        let filled = cells.filter { !$0.isEmpty }
        guard filled.count == 2, filled[1].split(separator: " ").count >= 3,
              let alone = ListMarker.parse(Substring(filled[0] + " x")), alone.rest == "x" else { return nil }
        return ListMarker.parse(Substring(filled[0] + " " + filled[1]))
    }
}

private extension PlainTextReader {
    /// The column at which the text was hard-wrapped, or nil when each paragraph is one line.
    static func wrapWidth(of lines: [Line]) -> Int? {
        // Table rows are as long as their cells make them; they say nothing about the wrap column.
        // Lengths only: filtering the lines first copied every one of them (a gigabyte for 8 million).
        let lengths = lines.compactMap { line -> Int? in
            if case .table = line.kind { return nil }
            return line.isBlank ? nil : line.raw.characterCount
        }.sorted()
        guard lengths.count >= 8 else { return nil }
        let p90 = lengths[lengths.count * 9 / 10]
        guard p90 <= 110 else { return nil }
        let nearWidth = lengths.filter { $0 >= p90 - 15 && $0 <= p90 + 5 }
        // The wrap column is the longest line of that cluster, not an outlier beyond it.
        return Double(nearWidth.count) >= Double(lengths.count) * 0.3 ? nearWidth.max() : nil
    }
}
