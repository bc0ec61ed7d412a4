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

    /// `contentsHeadings`: the headings of contents pages (none: no page is a contents page).
    public init(_ blocks: [Block], contentsHeadings: PhraseList? = nil) {
        self.blocks = blocks
        path = HeadingPath(contentsHeadings: contentsHeadings)
    }

    public mutating func next() -> Passage? {
        guard index < blocks.count else { return nil }
        let block = blocks[index]
        var passage = Passage(kind: block.kind, blocks: blocks[index...index], text: block.text, start: block.range.start,
                              page: block.page, headings: path.texts, isTableHeader: false, inHead: inHead)
        if block.kind != .tableRow { tableHeader = nil }
        switch block.kind {
        case .heading:
            passage.headingRole = path.enter(block.text, level: block.level ?? 1, page: block.page)
            if passage.headingRole != .contentsEntry { leadIn = nil }
        case .tableRow:
            passage.isTableHeader = tableHeader == nil
            if tableHeader == nil { tableHeader = block.cells ?? [block.text] }
            passage.tableHeader = tableHeader
            passage.leadIn = leadIn
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
    func passages(contentsHeadings: PhraseList? = nil) -> SectionWalk {
        SectionWalk(blocks, contentsHeadings: contentsHeadings)
    }
}

private extension SectionWalk {
    /// The last sentence of a text that ends in a colon: the lead-in of the list that follows.
    static func closingLeadIn(_ text: String) -> String? {
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
        // Foundation's search only where the bytes are there (nothing else is canonically equivalent).
        if text.containsBytes(". ") && text.contains(". ") { return true }
        let lastWord = text.split(separator: " ").last ?? ""
        let nextStart = next.first
        return lastWord.first?.isLowercase == true || nextStart?.isLowercase == true || nextStart?.isNumber == true
    }
}
