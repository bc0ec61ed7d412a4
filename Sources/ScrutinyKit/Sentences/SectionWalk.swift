/// The one walk through a document's blocks that every later stage reads: each block once, in
/// reading order, as a ``Passage`` with the headings above it (``HeadingPath``, with its rule for
/// contents pages), the lead-in of the list it belongs to (its reach: ``ListScope``), its table's
/// header row, its page, and whether it stands in the document's head. Paragraphs that a conversion
/// broke in mid-sentence (a prose line with no closing punctuation followed by another paragraph)
/// come as one passage.
///
/// The sentence stream (``Document/contextSentences(contentsHeadings:reusing:)``) is this walk cut
/// into sentences; the item finder reads its headings and tables from it, and gives the lead-ins
/// it judges the same reach.
public struct SectionWalk: Sequence, IteratorProtocol, Sendable {
    private let blocks: [Block]
    private var index = 0
    private var path: HeadingPath
    private var leadIn: Passage.LeadIn?
    private var tableHeader: [String]?
    private var inHead = true
    /// Tables whose header's first cell is one of these head a section with each row's first cell.
    private let sectionTables: PhraseList?
    /// Openings of a one-row table that heads a section by itself.
    private let sectionBoxes: PhraseList?
    /// The level such a row's section takes; headings under it go one level down.
    private var tableSectionLevel: Int?

    /// `contentsHeadings`: the headings of contents pages (none: no page is a contents page).
    /// `sectionTables`: header cells of tables whose rows head sections ("Key judgement": a single
    /// inspection boxes each judgement so, "The experiences and progress of children who need help
    /// and protection | Requires improvement", and the sections under it were all "Summary").
    /// `sectionBoxes`: openings of a table of one row, with no header above it, that heads a
    /// section with its first cell (Darlington 2018 boxes each judgement so, on its own).
    public init(_ blocks: [Block], contentsHeadings: PhraseList? = nil, sectionTables: PhraseList? = nil, sectionBoxes: PhraseList? = nil) {
        self.blocks = blocks
        path = HeadingPath(contentsHeadings: contentsHeadings)
        self.sectionTables = sectionTables
        self.sectionBoxes = sectionBoxes
    }

    public mutating func next() -> Passage? {
        guard index < blocks.count else { return nil }
        let block = blocks[index]
        var passage = Passage(kind: block.kind, blocks: blocks[index...index], text: block.text, start: block.range.start,
                              page: block.page, headings: path.texts, isTableHeader: false, inHead: inHead)
        if block.kind != .tableRow { tableHeader = nil }
        switch block.kind {
        case .heading:
            var level = block.level ?? 1
            if let boxed = tableSectionLevel {
                if level < boxed { tableSectionLevel = nil } else { level += 1 }
            }
            passage.headingRole = path.enter(block.text, level: level, page: block.page)
            if passage.headingRole != .contentsEntry { leadIn = nil }
        case .tableRow:
            passage.isTableHeader = tableHeader == nil
            if tableHeader == nil { tableHeader = block.cells ?? [block.text] }
            passage.tableHeader = tableHeader
            passage.leadIn = leadIn
            if !passage.isTableHeader, let cell = block.cells?.first, !cell.isEmpty, headsSection(tableHeader) {
                // The row's section takes the level of the heading that follows it (which goes one
                // level down), or the next level below the path.
                let deeper = (path.deepestLevel ?? 0) + 1
                let level = tableSectionLevel ?? Swift.max(deeper, nextHeadingLevel(after: index) ?? deeper)
                tableSectionLevel = level
                passage.sectionLevel = level
                _ = path.enter(cell, level: level, page: block.page)
                leadIn = nil
            } else if passage.isTableHeader, let cell = block.cells?.first, isBox(cell, at: index) {
                // A boxed judgement stands in for the heading it is: it takes the place of the last
                // heading met (a peer of it), or of the boxes before it.
                let level = tableSectionLevel ?? path.deepestLevel ?? 1
                tableSectionLevel = level
                passage.sectionLevel = level
                _ = path.enter(cell, level: level, page: block.page)
                leadIn = nil
            }
        case .listItem:
            if let current = leadIn, current.scope.isEnded(by: block) { leadIn = nil }
            if block.text.hasMoreCharacters(than: 150) { inHead = false }
            passage.inHead = inHead
            passage.leadIn = leadIn
            if let last = Self.closingLeadIn(block.text) { leadIn = Passage.LeadIn(text: last, scope: ListScope(introducedBy: block)) }
        case .paragraph:
            var last = index
            while last + 1 < blocks.count, blocks[last + 1].kind == .paragraph,
                  Self.breaksMidSentence(blocks[last].text, next: blocks[last + 1].text) {
                last += 1
            }
            if last > index {
                passage.blocks = blocks[index...last]
                passage.text = passage.blocks.map(\.text).joined(separator: " ")
            }
            if passage.text.hasMoreCharacters(than: 150) { inHead = false }
            passage.inHead = inHead
            leadIn = Self.closingLeadIn(passage.text).map { Passage.LeadIn(text: $0, scope: ListScope(introducedBy: block)) }
            index = last
        }
        index += 1
        return passage
    }
}

public extension Document {
    /// The document's blocks walked once (``SectionWalk``).
    func passages(contentsHeadings: PhraseList? = nil, sectionTables: PhraseList? = nil, sectionBoxes: PhraseList? = nil) -> SectionWalk {
        SectionWalk(blocks, contentsHeadings: contentsHeadings, sectionTables: sectionTables, sectionBoxes: sectionBoxes)
    }
}

private extension SectionWalk {
    /// Whether a table of this header heads sections with its rows.
    func headsSection(_ header: [String]?) -> Bool {
        guard let sectionTables, let first = header?.first else { return false }
        return sectionTables.matchesAtStart(WordTokenizer.words(first).map(\.text))
    }

    /// Whether the row at `index`, its table's only row, is a box that heads a section.
    func isBox(_ firstCell: String, at index: Int) -> Bool {
        guard let sectionBoxes, !firstCell.isEmpty, index + 1 >= blocks.count || blocks[index + 1].kind != .tableRow else { return false }
        return sectionBoxes.matchesAtStart(WordTokenizer.words(firstCell).map(\.text))
    }

    /// The level of the first heading after `index`.
    func nextHeadingLevel(after index: Int) -> Int? {
        blocks[(index + 1)...].first { $0.kind == .heading }.map { $0.level ?? 1 }
    }
}

extension SectionWalk {
    /// The last sentence of a text that ends in a colon: the lead-in of the list that follows.
    private static func closingLeadIn(_ text: String) -> String? {
        guard text.hasSuffix(":") else { return nil }
        return SentenceSplitter.sentences(text).last?.text
    }

    /// A long line of prose that stops without punctuation was cut by the conversion, when it is
    /// prose (a sentence ends inside it, or it ends on a lower-case word) or the next line goes on
    /// in lower case or with a number. A title ("… in Kestlebury") is none of these, nor is a
    /// date alone on the next line ("9 March 2023") its continuation.
    static func breaksMidSentence(_ text: String, next: String) -> Bool {
        guard text.hasMoreCharacters(than: 60), let last = text.last, !".!?:;".contains(last),
              !HeadingHeuristics.isDateAlone(next) else { return false }
        // A source cited in brackets after the sentence it quotes ends the paragraph: "… all
        // elements of the arrangements.' (Working Together 2018)" (seed 004: the citation opened
        // the next paragraph's sentence in the evidence of two indicators; session 40's audit).
        if last == ")", let open = text.lastIndex(of: "("),
           let before = text[..<open].reversed().first(where: { !$0.isWhitespace && !"'\"\u{2019}\u{201D}".contains($0) }),
           ".!?".contains(before) {
            return false
        }
        // Foundation's search only where the bytes are there (nothing else is canonically equivalent).
        if text.containsBytes(". ") && text.contains(". ") { return true }
        let lastWord = text.split(separator: " ").last ?? ""
        let nextStart = next.first
        return lastWord.first?.isLowercase == true || nextStart?.isLowercase == true || nextStart?.isNumber == true
    }
}
