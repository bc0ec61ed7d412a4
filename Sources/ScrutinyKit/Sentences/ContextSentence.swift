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
    /// The set of the sentence's words.
    public var vocabulary: Set<String>
    /// The signature of `vocabulary`, for ruling cues out quickly.
    public var signature: WordSignature

    public var section: String { headings.joined(separator: " › ") }

    /// The first match of `pattern` in the sentence's words.
    public func match(_ pattern: CuePattern) -> CuePattern.Match? { pattern.firstMatch(in: wordTexts, vocabulary: vocabulary, signature: signature) }

    public func matches(_ pattern: CuePattern) -> Bool { match(pattern) != nil }

    /// False when the sentence lacks a word every match of `pattern` needs (then it has no match).
    public func mayMatch(_ pattern: CuePattern) -> Bool {
        signature.mayContainAll(of: pattern.requiredSignature) && pattern.required.allSatisfy(vocabulary.contains)
    }
}

public extension Document {
    /// Every sentence of the document in reading order, with its context. Paragraphs that a
    /// conversion broke in mid-sentence (a prose line with no closing punctuation followed by
    /// another paragraph) are joined first. With `contentsHeadings`, a contents page's heading
    /// heads only its entries: the entries that are headings (ending in a page number) never enter
    /// the section path, and the first heading that is not an entry ends the page.
    /// `reusing`: this document's sentences made before (with other contents headings), whose
    /// words are taken rather than tokenised again (the sentences are the same; only their
    /// headings and lead-ins can differ).
    func contextSentences(contentsHeadings: PhraseList? = nil, reusing earlier: [ContextSentence]? = nil) -> [ContextSentence] {
        var result: [ContextSentence] = []
        var headings: [(level: Int, text: String)] = []
        // The sentence that introduced the current list, with the depth (-1 for a paragraph) and
        // marker style of the block it ended.
        var leadIn: (text: String, depth: Int, style: String)?
        var tableHeader: [String]?
        var inHead = true
        var shared = SharedTokens()
        shared.earlier = earlier ?? []
        // The headings above a contents page, while in it.
        var beforeContents: [(level: Int, text: String)]?
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            if block.kind != .tableRow { tableHeader = nil }
            switch block.kind {
            case .heading:
                let level = block.level ?? 1
                result.append(ContextSentence.make(block.text, at: block.range.start, page: block.page,
                                                   kind: .heading, inHead: inHead, index: result.count, shared: &shared))
                if let outer = beforeContents {
                    if block.text.last?.isNumber == true {
                        index += 1
                        continue
                    }
                    headings = outer
                    beforeContents = nil
                }
                if let contentsHeadings, contentsHeadings.matchesAtStart(SharedTokens.tokens(block.text)),
                   SharedTokens.tokens(block.text).count <= 3 {
                    beforeContents = headings
                }
                while let last = headings.last, last.level >= level { headings.removeLast() }
                headings.append((level, block.text))
                shared.setHeadings(headings.map(\.text))
                leadIn = nil
                index += 1
            case .tableRow:
                if tableHeader == nil { tableHeader = block.cells ?? [block.text] }
                result.append(ContextSentence.make(block.text, at: block.range.start, page: block.page,
                                                   kind: .tableRow, leadIn: leadIn?.text,
                                                   tableHeader: tableHeader, inHead: inHead, index: result.count, shared: &shared))
                index += 1
            case .listItem:
                let depth = block.depth ?? 0
                let style = Self.markerStyle(block.marker)
                // A shallower item, or a sibling of the item that introduced the list, ends the list.
                if let current = leadIn, depth < current.depth || (depth == current.depth && style == current.style) {
                    leadIn = nil
                }
                if block.text.count > 150 { inHead = false }
                let sentences = SentenceSplitter.sentences(block.text)
                for sentence in sentences {
                    result.append(ContextSentence.make(sentence.text, at: block.range.start + sentence.range.lowerBound,
                                                       page: block.page, kind: .listItem,
                                                       leadIn: leadIn?.text, inHead: inHead, index: result.count, shared: &shared))
                }
                if block.text.hasSuffix(":"), let last = sentences.last { leadIn = (last.text, depth, style) }
                index += 1
            case .paragraph:
                var last = index
                while last + 1 < blocks.count, blocks[last + 1].kind == .paragraph,
                      Self.breaksMidSentence(blocks[last].text, next: blocks[last + 1].text) {
                    last += 1
                }
                let start = block.range.start
                let text = blocks[index...last].map(\.text).joined(separator: " ")
                if text.count > 150 { inHead = false }
                let sentences = SentenceSplitter.sentences(text)
                for sentence in sentences {
                    result.append(ContextSentence.make(sentence.text, at: start + sentence.range.lowerBound,
                                                       page: block.page, kind: .paragraph,
                                                       inHead: inHead, index: result.count, shared: &shared))
                }
                leadIn = text.hasSuffix(":") ? sentences.last.map { ($0.text, -1, "") } : nil
                index = last + 1
            }
        }
        return result
    }
}

private extension Document {
    /// A marker's shape: "3.2" and "4.1" are both "9.9", "(a)" is "(a)", "-" stays "-".
    static func markerStyle(_ marker: String?) -> String {
        String((marker ?? "").map { $0.isNumber ? "9" : $0.isLetter ? "a" : $0 })
    }

    /// A long line of prose that stops without punctuation was cut by the conversion, when it is
    /// prose (a sentence ends inside it, or it ends on a lower-case word) or the next line goes on
    /// in lower case or with a number. A title ("… in Kestlebury") is none of these.
    static func breaksMidSentence(_ text: String, next: String) -> Bool {
        guard text.count > 60, let last = text.last, !".!?:;".contains(last) else { return false }
        let lastWord = text.split(separator: " ").last ?? ""
        let nextStart = next.first
        return text.contains(". ") || lastWord.first?.isLowercase == true
            || nextStart?.isLowercase == true || nextStart?.isNumber == true
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

    mutating func setHeadings(_ texts: [String]) {
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
                     tableHeader: [String]? = nil, inHead: Bool, index: Int, shared: inout SharedTokens) -> ContextSentence {
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
            sentence.range = TextRange(start: start, end: start + text.unicodeScalars.count)
            return sentence
        }
        let words = WordTokenizer.words(text)
        let texts = words.map(\.text)
        return ContextSentence(
            text: text, words: words, range: TextRange(start: start, end: start + text.unicodeScalars.count), page: page,
            headings: shared.headings, kind: kind, leadIn: leadIn, tableHeader: tableHeader, inHead: inHead,
            wordTexts: texts, headingWords: shared.headingWords, leadInWords: shared.leadInWords(leadIn),
            tableHeaderWords: shared.tableHeaderWords(tableHeader), vocabulary: Set(texts), signature: WordSignature(texts))
    }
}
