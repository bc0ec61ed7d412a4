/// A sentence of a document with what surrounds it: the headings above it, the lead-in of the
/// list it belongs to, the header of its table. The unit the indicator matcher reads.
public struct ContextSentence: Sendable, Hashable {
    public var text: String
    /// The sentence's words, lower-cased, offsets in `text`.
    public var words: [Word]
    /// Where the sentence stands in the document's normalised text (Unicode scalars).
    public var range: TextRange
    public var page: Int?
    /// The headings above the sentence, outermost first.
    public var headings: [String]
    /// The kind of block the sentence stands in.
    public var kind: Block.Kind
    /// Whether the sentence is a heading itself.
    public var isHeading: Bool { kind == .heading }
    /// For a list item: the last sentence of the paragraph that introduced the list.
    public var leadIn: String?
    /// For a table row: the cells of its table's first row.
    public var tableHeader: [String]?
    /// Whether the sentence stands before the document's first paragraph of prose (title, byline):
    /// before the first paragraph or list item longer than 150 characters.
    public var inHead: Bool

    /// The words as text, and those of the headings, lead-in and table header, tokenised once.
    public var wordTexts: [String]
    public var headingWords: [[String]]
    public var leadInWords: [String]
    public var tableHeaderWords: [[String]]
    /// The signature of the sentence's words, for ruling cues out quickly.
    public var signature: WordSignature

    public var section: String { headings.joined(separator: " › ") }

    /// The first match of `pattern` in the sentence's words.
    public func match(_ pattern: CuePattern) -> CuePattern.Match? { pattern.firstMatch(in: wordTexts, signature: signature) }

    public func matches(_ pattern: CuePattern) -> Bool { match(pattern) != nil }

    /// False when the sentence lacks a word every match of `pattern` needs (then it has no match).
    public func mayMatch(_ pattern: CuePattern) -> Bool {
        signature.mayContainAll(of: pattern.requiredSignature) && pattern.required.allSatisfy({ wordTexts.contains($0) })
    }
}

public extension Document {
    /// Every sentence of the document in reading order, with its context: the document's walk
    /// (``SectionWalk``) cut into sentences. A paragraph that a conversion broke in mid-sentence is
    /// read as one. With `contentsHeadings`, a contents page's heading heads only its entries (see
    /// ``HeadingPath``).
    /// `reusing`: this document's sentences made before (with other contents headings), whose
    /// words are taken rather than tokenised again (the sentences are the same; only their
    /// headings and lead-ins can differ). `blockWords`: the blocks' words, made before, from which
    /// a sentence of one block takes its own.
    func contextSentences(contentsHeadings: PhraseList? = nil, reusing earlier: [ContextSentence]? = nil,
                          blockWords: BlockWords? = nil) -> [ContextSentence] {
        var result: [ContextSentence] = []
        var shared = SharedTokens()
        shared.earlier = earlier ?? []
        for passage in passages(contentsHeadings: contentsHeadings) {
            shared.setHeadings(passage.headings)
            let block = passage.blocks.startIndex
            switch passage.kind {
            case .heading, .tableRow:
                // One block, its whole text.
                result.append(ContextSentence.make(passage.text, at: passage.start, page: passage.page, kind: passage.kind,
                                                   leadIn: passage.leadIn?.text, tableHeader: passage.tableHeader,
                                                   inHead: passage.inHead, index: result.count, shared: &shared,
                                                   words: { blockWords?[block: block] }))
            case .listItem, .paragraph:
                // A passage of one block has its text; one of several joins theirs.
                let ofOneBlock = passage.blocks.count == 1 ? blockWords : nil
                var firstWord = 0
                for sentence in SentenceSplitter.sentences(passage.text) {
                    result.append(ContextSentence.make(sentence.text, at: passage.start + sentence.range.lowerBound,
                                                       page: passage.page(at: sentence.range.lowerBound), kind: passage.kind, leadIn: passage.leadIn?.text,
                                                       inHead: passage.inHead, index: result.count, shared: &shared,
                                                       words: { ofOneBlock?.words(ofBlock: block, in: sentence.range, from: &firstWord) }))
                }
            }
        }
        return result
    }
}

/// The headings above the sentences being made, and the tokens of the headings, lead-in and table
/// header, worked out once for all the sentences under them rather than once a sentence: the
/// sentences share the arrays (copy-on-write), so a long section costs no copy of its context per
/// sentence, in time or memory.
private struct SharedTokens {
    private(set) var headings: [String] = []
    private(set) var headingWords: [[String]] = []
    private var leadIn: (text: String, words: [String])?
    private var tableHeader: (cells: [String], words: [[String]])?
    /// Sentences made before from the same blocks, whose words can be taken.
    var earlier: [ContextSentence] = []

    static func tokens(_ text: String) -> [String] { WordTokenizer.words(text).map(\.text) }

    /// The headings of the next sentences; their words are worked out again only when they change.
    mutating func setHeadings(_ texts: [String]) {
        guard texts != headings else { return }
        headings = texts
        headingWords = texts.map(Self.tokens)
    }

    mutating func leadInWords(_ text: String?) -> [String] {
        guard let text else { return [] }
        if leadIn?.text != text { leadIn = (text, Self.tokens(text)) }
        return leadIn?.words ?? []
    }

    mutating func tableHeaderWords(_ cells: [String]?) -> [[String]] {
        guard let cells else { return [] }
        if tableHeader?.cells != cells { tableHeader = (cells, cells.map(Self.tokens)) }
        return tableHeader?.words ?? []
    }
}

private extension ContextSentence {
    static func make(_ text: String, at start: Int, page: Int?, kind: Block.Kind, leadIn: String? = nil,
                     tableHeader: [String]? = nil, inHead: Bool, index: Int, shared: inout SharedTokens,
                     words given: () -> [Word]?) -> ContextSentence {
        if index < shared.earlier.count, shared.earlier[index].text == text {
            var sentence = shared.earlier[index]
            sentence.headings = shared.headings
            sentence.headingWords = shared.headingWords
            sentence.kind = kind
            sentence.leadIn = leadIn
            sentence.leadInWords = shared.leadInWords(leadIn)
            sentence.tableHeader = tableHeader
            sentence.tableHeaderWords = shared.tableHeaderWords(tableHeader)
            sentence.inHead = inHead
            sentence.page = page
            sentence.range = TextRange(start: start, end: start + text.scalarCount)
            return sentence
        }
        let words = given() ?? WordTokenizer.words(text)
        let texts = words.map(\.text)
        return ContextSentence(
            text: text, words: words, range: TextRange(start: start, end: start + text.scalarCount), page: page,
            headings: shared.headings, kind: kind, leadIn: leadIn, tableHeader: tableHeader, inHead: inHead,
            wordTexts: texts, headingWords: shared.headingWords, leadInWords: shared.leadInWords(leadIn),
            tableHeaderWords: shared.tableHeaderWords(tableHeader), signature: WordSignature(texts))
    }
}
