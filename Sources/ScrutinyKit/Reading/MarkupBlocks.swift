/// Builds blocks from the text of mark-up elements (HTML, DOCX, ODT) the way the text reader
/// would build them from lines: characters normalised, white space collapsed, and numbers or
/// bullets that the author typed into a paragraph or heading recognised as list markers.
enum MarkupBlocks {
    /// Normalised characters with every run of white space made one space, ends trimmed.
    static func clean(_ text: String) -> String {
        CharacterNormalizer.normalize(text).collapsingWhitespace()
    }


    /// A paragraph, or a list item when the paragraph starts with a typed marker ("1.4 The
    /// JTAI", "• Item", "(a) the front door"); nil when there is no text.
    static func paragraph(_ raw: String, depth: Int = 0) -> Block? {
        let text = clean(raw)
        guard !text.isEmpty else { return nil }
        if let typed = ListMarker.parse(Substring(text)) {
            return .listItem(String(typed.rest), marker: typed.marker, ordinal: typed.ordinal, depth: depth)
        }
        return .paragraph(text)
    }

    /// A page written as plain paragraphs, with no heading marked anywhere (in a PDF: no line set
    /// larger or bolder than the body), gets its headings as
    /// the text reader finds them: a paragraph that reads like a title ("Recommendations") is
    /// one when something other than such a title follows it; level 1 for the first block, 2 in
    /// capitals, else 3. A page with headings is left alone.
    static func inferringHeadings(_ blocks: [Block]) -> [Block] {
        guard !blocks.contains(where: { $0.kind == .heading }) else { return blocks }
        func titleLike(_ index: Int) -> Bool {
            blocks[index].kind == .paragraph && HeadingHeuristics.isTitle(blocks[index].text, bold: false)
        }
        var isFirst = true
        return blocks.indices.map { index in
            let block = blocks[index]
            defer { if block.kind != .tableRow { isFirst = false } }
            // A heading heads something: it is followed by a block that is not one too.
            guard titleLike(index), index + 1 < blocks.count, !titleLike(index + 1),
                  let heading = heading(block.text, level: isFirst ? 1 : HeadingHeuristics.isAllCaps(block.text) ? 2 : 3) else {
                return block
            }
            var inferred = heading
            inferred.page = block.page
            return inferred
        }
    }

    /// A paragraph set entirely in bold: a heading when it reads like a title (short, no closing
    /// full stop), as authors who bold a line instead of using a heading style mean it; the
    /// level follows the text reader's rule (1 for the first block, 2 for capitals, else 3, or
    /// from a typed number).
    static func emphasised(_ raw: String, isFirst: Bool) -> Block? {
        let text = clean(raw)
        guard HeadingHeuristics.isTitle(text, bold: true) else { return paragraph(raw) }
        let typed = ListMarker.parse(Substring(text)).flatMap { $0.ordinal }
        let level = typed.map(HeadingHeuristics.level(ofOrdinal:)) ?? (isFirst ? 1 : HeadingHeuristics.isAllCaps(text) ? 2 : 3)
        return heading(text, level: level)
    }

    /// A heading; a typed number at its start ("2.2 Outcome") becomes its ordinal unless one is given.
    /// A label and what it gives ("REPORT OF: THE DIRECTOR OF CHILDREN'S SERVICES", "Date of
    /// meeting: 13 July 2022") is a paragraph however it is marked, as a PDF's is however large
    /// its type: it heads no section, and every format of a document keeps one structure.
    static func heading(_ raw: String, level: Int, ordinal: String? = nil) -> Block? {
        var text = clean(raw)
        if ordinal == nil, HeadingHeuristics.isDatedLabel(text) { return paragraph(raw) }
        var ordinal = ordinal
        if ordinal == nil, let typed = ListMarker.parse(Substring(text)), typed.ordinal != nil {
            ordinal = typed.ordinal
            text = String(typed.rest)
        }
        guard !text.isEmpty else { return nil }
        return .heading(text, level: min(max(level, 1), 6), ordinal: ordinal)
    }

    /// A list item whose marker the format gave (`marker` nil when it shows none). A marker typed
    /// at the start of the text is used instead when the format shows none, or always when
    /// `typedWins` (HTML, where style sheets may hide the list's own numbers).
    static func item(_ raw: String, marker: String?, ordinal: String?, depth: Int, typedWins: Bool = false) -> Block? {
        let text = clean(raw)
        guard !text.isEmpty else { return nil }
        if marker == nil || typedWins, let typed = ListMarker.parse(Substring(text)) {
            return .listItem(String(typed.rest), marker: typed.marker, ordinal: typed.ordinal, depth: depth)
        }
        return .listItem(text, marker: marker ?? "", ordinal: ordinal, depth: depth)
    }

    /// A table row; nil when every cell is empty.
    static func row(_ cells: [String]) -> Block? {
        let cleaned = cells.map(clean)
        guard cleaned.contains(where: { !$0.isEmpty }) else { return nil }
        return .tableRow(cleaned)
    }

    /// The bullet to show for a bullet character from a symbol font or a lettered font ("o" in
    /// Courier New, "§" in Wingdings): the character itself when it is a real bullet, "•" otherwise.
    static func bullet(_ raw: String) -> String {
        let text = clean(raw)
        guard let first = text.first, text.count == 1, ListMarker.isBullet(first),
              first.unicodeScalars.allSatisfy({ !(0xE000...0xF8FF).contains($0.value) }) else { return "\u{2022}" }
        return text == "\u{00A7}" ? "\u{25AA}" : text
    }
}
