/// One step of a walk through a document (``SectionWalk``): a heading, a list item, a table row or
/// a paragraph, with what stands around it as a reader meets it. A paragraph that a conversion
/// broke in mid-sentence comes as one passage of several blocks.
public struct Passage: Sendable {
    /// The list a list item or table row belongs to, as announced: the last sentence of the
    /// paragraph or list item ending in a colon that introduced it, and the list's reach.
    public struct LeadIn: Sendable, Hashable {
        public var text: String
        public var scope: ListScope
    }

    public var kind: Block.Kind
    /// The blocks the passage is made of: one, or a paragraph and those that go on with it.
    public var blocks: ArraySlice<Block>
    /// The text: the blocks' texts joined by spaces.
    public var text: String
    /// Where the text starts in the document's normalised text (Unicode scalars).
    public var start: Int
    /// The page of the first block.
    public var page: Int?
    /// The headings above the passage, outermost first; for a heading, the path in force where it
    /// stands, before it changes it.
    public var headings: [String]
    /// For a heading, what it is to the path (a section, a contents page, or one of its entries).
    public var headingRole: HeadingPath.Role?
    /// For a table row that heads a section with its first cell (``SectionWalk``), that section's level.
    public var sectionLevel: Int?
    /// For a list item or table row, the lead-in of its list.
    public var leadIn: LeadIn?
    /// For a table row, the cells of its table's first row; `isTableHeader` on that row.
    public var tableHeader: [String]?
    public var isTableHeader: Bool
    /// Whether the passage stands before the document's first paragraph of prose (title, byline):
    /// before the first paragraph or list item longer than 150 characters.
    public var inHead: Bool

    /// The first block, the whole passage but for a paragraph that goes on in later blocks.
    public var block: Block { blocks[blocks.startIndex] }
    /// The headings as a section name: "Findings › Leadership".
    public var section: String { headings.joined(separator: " \u{203A} ") }

    /// The page at `offset` in `text` (Unicode scalars): that of the block holding it, and of
    /// the part of the block where it runs on over a page break.
    public func page(at offset: Int) -> Int? {
        let at = start + offset
        guard let block = blocks.last(where: { $0.range.start <= at }) else { return page }
        return block.page(at: at - block.range.start)
    }
}
