/// Where the finder is in a document: whether the current section lists items of a kind, and
/// whether a lead-in has just announced a list. The headings come from the document's walk
/// (``SectionWalk``).
struct SectionState {
    /// What a lead-in says about the list after it.
    enum LeadIn: Equatable {
        case items(Recommendation.Kind, cue: String)
        case quotation
        case notItems
        /// The points of the item just found ("Leaders should act with urgency to ensure that:"):
        /// they are parts of it, not items of their own.
        case parts
        /// An inspection's own words follow, in quotation marks ("In their report inspectors say
        /// that:"): each quoted entry is judged as the inspectors' finding.
        case reportedFindings
        case neutral
    }

    /// The headings above the block, as the walk gives them.
    var headings: [String] = []
    /// The kind of item the section lists, the heading that said so, and that heading's level.
    private(set) var mode: (kind: Recommendation.Kind, cue: String, level: Int)?
    private(set) var modeHasItems = false
    /// True in a section that only describes (methodology, scope, appendices), and in the
    /// sections under one that contains only description ("What the inspection judgements mean ›
    /// The LSCB").
    private(set) var nonItemSection = false
    /// The level of the heading that began a describing container: a heading below it stays inside.
    private var nonItemLevel: Int?
    /// True after a closing heading (conclusion, appendix) until a new item section begins.
    private(set) var closed = false
    /// The current lead-in and the reach of the list it announced.
    var leadIn: (kind: LeadIn, scope: ListScope)?
    /// The depth and text ending of the last list item, to tell sub-points from items, and whether
    /// it was a listed item (its sub-points are parts of it).
    var lastItem: (depth: Int, endsWithColon: Bool, isItem: Bool)?
    /// Whether the current section has had a list item (a section of paragraphs holds its items
    /// one a paragraph).
    var sawListItem = false
    /// Whether the last paragraph opened a quotation it did not close: the next paragraph that
    /// opens with a quotation mark goes on with it (a letter quoted over several paragraphs, each
    /// opening with its own mark, as news pages set it out).
    var quotationOpen = false
    /// Whether the last paragraph quoted an inspection's report and said so ("'…,' the inspection
    /// report states."), or went on with such a quotation: a paragraph wholly in quotation marks
    /// next is more of the report's words, not quoted guidance.
    var reportQuoted = false
    /// Whether the list item being read has deeper entries after it (its points).
    var itemHasPoints = false
    /// Whether the paragraph being read stands directly above a list.
    var paragraphHeadsList = false
    /// Whether the block before was a paragraph's lead-in ending in a colon, or an entry of the
    /// list it announced set out as a paragraph: the next short paragraph may be an entry too.
    var entriesMayFollow = false

    var path: String { headings.joined(separator: " \u{203A} ") }

    /// A section heading (the walk has told contents pages and their entries apart: they change nothing).
    mutating func enter(heading text: String, level: Int, rules: ItemRules) {
        let words = WordTokenizer.words(text).map(\.text)
        leadIn = nil
        lastItem = nil
        if let kind = rules.sectionKind(words, atStart: true) {
            begin(kind, cue: text, level: level)
        } else if rules.closingSections.matchesAtStart(words) {
            mode = nil
            closed = true
            // A conclusion ends the lists but may still ask for action in prose; appendices do not.
            nonItemSection = rules.nonItemSections.matchesAtStart(words)
            nonItemLevel = nonItemSection && rules.nonItemContainers.matchesAtStart(words) ? level : nil
            return
        } else if rules.nonItemSections.matchesAtStart(words) {
            mode = nil
            nonItemSection = true
            nonItemLevel = rules.nonItemContainers.matchesAtStart(words) ? level : nil
            return
        } else if let outer = nonItemLevel, level > outer {
            return
        } else if let kind = rules.sectionKind(words) {
            begin(kind, cue: text, level: level)
        } else if let current = mode, level <= current.level, modeHasItems {
            mode = nil
        }
        nonItemSection = false
        nonItemLevel = nil
    }

    mutating func noteItem() { modeHasItems = true }

    /// The kind of item the structure around a block announces, if any.
    func structuredKind(depth: Int) -> (kind: Recommendation.Kind, cue: String)? {
        if let leadIn, leadIn.scope.covers(depth: depth) {
            switch leadIn.kind {
            case .items(let kind, let cue): return (kind, cue)
            case .quotation, .notItems, .parts: return nil
            case .neutral, .reportedFindings: break
            }
        }
        guard !closed, let mode else { return nil }
        return (mode.kind, mode.cue)
    }

    /// Whether the list a block belongs to quotes an inspection's findings.
    func quotesFindings(depth: Int) -> Bool {
        guard let leadIn, leadIn.scope.covers(depth: depth) else { return false }
        return leadIn.kind == .reportedFindings
    }

    /// Whether the list a block belongs to is a quotation or a list of non-items.
    func inNonItemList(depth: Int) -> Bool {
        guard let leadIn, leadIn.scope.covers(depth: depth) else { return false }
        return leadIn.kind == .quotation || leadIn.kind == .notItems || leadIn.kind == .parts
    }

    /// Whether a list item of this depth is a point of the item just found.
    func isPart(depth: Int) -> Bool {
        guard let leadIn, leadIn.scope.covers(depth: depth) else { return false }
        return leadIn.kind == .parts
    }

    private mutating func begin(_ kind: Recommendation.Kind, cue: String, level: Int) {
        mode = (kind, cue, level)
        modeHasItems = false
        sawListItem = false
        closed = false
        nonItemSection = false
        nonItemLevel = nil
    }
}
