import Foundation

/// Splits a document that quotes many partnerships under labels (the national survey's
/// "…" (LSCP 21)) into one document per quoted partnership: its quotations and the narrative
/// sentences that name it (not the survey's headings), each block keeping its range in the whole
/// document. A quotation under a section whose
/// heading (or lead-in paragraph) is an indicator is evidence `yes` for that indicator. The cues
/// are `quoted_partnerships` in `lexicons/arrangements.yml`.
public struct QuotedPartnerships: Sendable {
    public struct Section: Sendable, Hashable {
        public var cues: PhraseList
        public var indicators: [String]
        /// Where given, the quotation must state one of these for the section's indicators ("to
        /// chair the … partnership" under "The Independent Scrutineer holds some chairing duties").
        public var onlyWith: [CuePattern] = []
        /// A quotation stating one of these does not bear the section out (a reciprocal peer
        /// review with another partnership, quoted under "peer review within the partnership").
        public var unless: [CuePattern] = []

        func isBorneOut(by words: [String]) -> Bool {
            (onlyWith.isEmpty || onlyWith.contains { $0.matches(words) }) && !unless.contains { $0.matches(words) }
        }
    }

    /// One quoted partnership's part of the document.
    public struct Quoted: Sendable {
        public var document: Document
        /// Evidence from the section each quotation stands in.
        public var sectionEvidence: [(indicator: String, evidence: IndicatorEvidence)]
    }

    /// "LSCP {n}": the label as written, {n} its number.
    public var label: String
    public var labelWords: [String]
    public var plural: String
    public var minLabels: Int
    public var documentType: DocumentType?
    public var openingMarks: [String]
    public var sections: [Section]
    public var proposals: PhraseList
    /// The file's full reading of proposals (exceptions and openers too), when it reads as a lexicon.
    var proposalRules: ArrangementLexicon?
    /// Reads whether a quotation denies the indicator of its section (made from `proposalRules`).
    private var denials: IndicatorMatcher?
    /// Headings that caption a figure or table ("Figure 4 - …"): they do not end the section
    /// they stand in.
    public var captions: PhraseList

    /// `types`: the document types there are (``DocumentTypes``), which the file may name. Nil
    /// when the file has no `quoted_partnerships`.
    public init?(contentsOf url: URL, types: DocumentTypes) throws(LexiconError) {
        let file = try DataFiles.decode(File.self, from: DataFiles.read(url), path: url.path, otherKeys: .passedOver)
        guard let entry = file.quoted_partnerships else { return nil }
        label = entry.label
        labelWords = entry.label.split(separator: " ").map { $0.lowercased() }
        plural = entry.plural ?? ""
        minLabels = entry.min_labels ?? 5
        documentType = try entry.document_type.map { name throws(LexiconError) in
            try types.type(name, in: url.path, at: "quoted_partnerships.document_type")
        }
        openingMarks = entry.opening_marks ?? ["\"", "\u{201C}"]
        sections = (entry.sections ?? []).map {
            Section(cues: PhraseList($0.cues), indicators: $0.indicators, onlyWith: ($0.only_with ?? []).compactMap { CuePattern($0) },
                    unless: ($0.unless ?? []).compactMap { CuePattern($0) })
        }
        proposals = PhraseList(file.proposals ?? [])
        proposalRules = try? ArrangementLexicon(contentsOf: url, types: types)
        denials = proposalRules.map(IndicatorMatcher.init(lexicon:))
        captions = PhraseList(entry.captions ?? [])
    }

    private struct File: Decodable {
        struct Entry: Decodable {
            struct SectionEntry: Decodable {
                var cues: [String]
                var indicators: [String]
                var only_with: [String]?
                var unless: [String]?
            }
            var label: String
            var plural: String?
            var min_labels: Int?
            var document_type: String?
            var opening_marks: [String]?
            var sections: [SectionEntry]?
            var captions: [String]?
        }
        var quoted_partnerships: Entry?
        var proposals: [String]?
    }

    /// The labels a run of words names: "LSCP 14 and 87" → ["LSCP 14", "LSCP 87"].
    func labels(in words: [String]) -> [(label: String, at: Int)] {
        guard let number = labelWords.firstIndex(of: "{n}"), number == labelWords.count - 1 else { return [] }
        let prefix = Array(labelWords[..<number])
        var found: [(String, Int)] = []
        var index = 0
        while index < words.count {
            let single = index + prefix.count <= words.count && Array(words[index..<(index + prefix.count)]) == prefix
            let many = !plural.isEmpty && words[index] == plural
            guard single || many else { index += 1; continue }
            var position = index + (single ? prefix.count : 1)
            let start = index
            while position < words.count, words[position].allSatisfy(\.isNumber) || (words[position] == "and" && position + 1 < words.count
                    && words[position + 1].allSatisfy(\.isNumber)) {
                if words[position] != "and" {
                    found.append((label.replacingOccurrences(of: "{n}", with: words[position]), start))
                }
                position += 1
            }
            index = max(position, index + 1)
        }
        return found
    }

    /// Each quoted partnership's part of `document`, keyed by label; empty when the document names
    /// fewer than `minLabels` labels.
    public func split(_ document: Document) -> [String: Quoted] {
        var blocks: [String: [Block]] = [:]
        var evidence: [String: [(String, IndicatorEvidence)]] = [:]
        var chain: [Block] = []
        var leadIn: Block?
        // A short unpunctuated line of narrative that heads what follows as a heading would.
        var subheading: Block?
        var pending: [Block] = []
        // Only the partnership's own passages: the survey's headings ("Figure 8 - …", "Contacting young
        // scrutineers through …") are the survey's words, not the partnership's; they count through `sections`.
        func emit(_ label: String, _ emitted: [Block]) {
            blocks[label, default: []] += emitted
        }
        func sectionEvidence(_ label: String, _ quotation: [Block]) {
            let words = quotation.flatMap { WordTokenizer.words($0.text).map(\.text) }
            let proposes = proposalRules.map { $0.proposes(words) } ?? proposals.matches(words)
            guard !proposes, let first = quotation.first else { return }
            // The nearest context that names a section decides: the lead-in, then the line heading
            // the passage, then the headings from the innermost out (a lead-in about the budget under
            // a heading about leadership is the budget's).
            let levels = ([leadIn, subheading] + chain.reversed()).compactMap { $0 }.map { WordTokenizer.words($0.text).map(\.text) }
            let named = levels.lazy.map { level in self.sections.filter { $0.cues.matches(level) } }.first { !$0.isEmpty } ?? []
            // A quotation that speaks to a section's indicator only to deny it ("not direct impact
            // on outcomes for children") does not bear it out.
            let sentences = named.isEmpty ? [] : denials.map { _ in
                Document(source: document.source, sha256: document.sha256, format: document.format, pageCount: document.pageCount,
                         blocks: quotation).contextSentences()
            } ?? []
            for section in named where section.isBorneOut(by: words) {
                for indicator in section.indicators {
                    if let denials, sentences.contains(where: { denials.denies(indicator, in: $0) }),
                       !sentences.contains(where: { denials.affirms(indicator, in: $0) }) { continue }
                    evidence[label, default: []].append((indicator, IndicatorEvidence(
                        document: document.name, value: .yes, text: first.text, cue: "section: " + (section.cues.phrases.first?.source ?? ""),
                        section: chain.map(\.text).joined(separator: " › "), page: first.page, range: first.range, placement: .prose)))
                }
            }
        }
        // True while `pending` is a list run after a lead-in ending with ":" (no quotation mark opened it).
        var listRun = false
        for block in document.blocks where !block.text.isEmpty {
            if block.kind == .heading, Self.isOpenQuotation(pending, marks: openingMarks) {
                // A quotation's own list, read as headings, goes on.
                pending.append(Block(kind: .paragraph, text: block.text, page: block.page, range: block.range))
                continue
            }
            if block.kind == .heading {
                if captions.matchesAtStart(WordTokenizer.words(block.text).map(\.text)) { continue }
                let level = block.level ?? 1
                chain = chain.filter { ($0.level ?? 1) < level } + [block]
                leadIn = nil
                subheading = nil
                pending = []
                listRun = false
                continue
            }
            if listRun, block.kind != .listItem {
                // A list that no label closed was not a quotation.
                pending = []
                listRun = false
            }
            let words = WordTokenizer.words(block.text).map(\.text)
            let text = block.text.trimmingCharacters(in: .whitespaces)
            let opens = openingMarks.contains { text.hasPrefix($0) }
            if opens {
                pending = []
                listRun = false
            }
            let closing = text.trimmingCharacters(in: CharacterSet(charactersIn: ". ")).hasSuffix(")")
                ? labels(in: Array(words.suffix(labelWords.count + 2))).last?.label : nil
            if let closing {
                let quotation = pending + [block]
                emit(closing, quotation)
                sectionEvidence(closing, quotation)
                pending = []
                listRun = false
                continue
            }
            // The items of a list that a narrative lead-in introduces ("… they list their methods:")
            // are a quotation when its last item closes with a label. (A numbered paragraph, read as
            // a list item, is narrative, not such a list.)
            if pending.isEmpty, !opens, block.kind == .listItem, !(block.marker ?? "").contains(where: \.isNumber),
               leadIn?.text.hasSuffix(":") == true {
                pending = [block]
                listRun = true
                continue
            }
            if opens || (!pending.isEmpty && block.kind == .listItem) || (!pending.isEmpty && !Self.isNumberedParagraph(text)) {
                pending.append(block)
                continue
            }
            // A narrative paragraph: each sentence that names labels is theirs; it leads in to what follows.
            leadIn = block
            if Self.isLineHeading(text, block: block), labels(in: words).isEmpty { subheading = block }
            for sentence in Self.sentences(block.text) {
                let named = Set(labels(in: WordTokenizer.words(sentence).map(\.text)).map(\.label))
                for label in named.sorted() {
                    emit(label, [Block(kind: .paragraph, text: sentence, page: block.page, range: Self.range(of: sentence, in: block))])
                }
            }
        }
        guard blocks.count >= minLabels else { return [:] }
        var result: [String: Quoted] = [:]
        for (label, own) in blocks {
            var part = Document(source: document.source, sha256: document.sha256, format: document.format, pageCount: document.pageCount,
                                blocks: own)
            // The blocks keep their place in the whole document, so that evidence locates its
            // sentence in the file it names (the part's own text is not a file).
            part.blocks = own
            // Named as the run names the whole file ("x/r.txt" where another "r.txt" is read:
            // session 43's re-audit found the bare name, unlinked, throughout the report).
            part.name = document.name
            part.metadata = document.metadata
            part.metadata.partnership = label
            part.metadata.quotation = true
            part.metadata.readAs = documentType
            result[label] = Quoted(document: part, sectionEvidence: evidence[label] ?? [])
        }
        return result
    }

    /// Whether `pending` is a quotation opened by a mark and not yet closed (no closing mark after
    /// the opening one).
    static func isOpenQuotation(_ pending: [Block], marks: [String]) -> Bool {
        guard let first = pending.first?.text.trimmingCharacters(in: .whitespaces),
              marks.contains(where: { first.hasPrefix($0) }), first.hasPrefix("\u{201C}") || first.hasPrefix("\"") else { return false }
        let text = pending.map(\.text).joined(separator: " ")
        return !text.dropFirst().contains("\u{201D}") && !text.dropFirst().contains("\"")
    }

    /// Where `sentence` stands in the whole document: its place inside `block`.
    static func range(of sentence: String, in block: Block) -> TextRange {
        guard let found = block.text.range(of: sentence) else { return block.range }
        let start = block.range.start + block.text[..<found.lowerBound].unicodeScalars.count
        return TextRange(start: start, end: start + sentence.unicodeScalars.count)
    }

    /// A short paragraph of a few words that ends without punctuation: a heading set as text.
    static func isLineHeading(_ text: String, block: Block) -> Bool {
        guard block.kind == .paragraph, text.count < 150, text.split(separator: " ").count >= 3, let last = text.last else { return false }
        return !".:;?!\"\u{201D})".contains(last) && !isNumberedParagraph(text)
    }

    static func isNumberedParagraph(_ text: String) -> Bool {
        let digits = text.prefix { $0.isNumber }
        return !digits.isEmpty && text.dropFirst(digits.count).hasPrefix(".")
    }

    /// Sentences of a paragraph: ends at ". ", "? ", "! " or ": " before a capital or a quotation.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            current.append(character)
            if character == " ", ".?!:".contains(previous) {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
            previous = character
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { sentences.append(current.trimmingCharacters(in: .whitespaces)) }
        return sentences
    }
}

public extension LexiconDirectory {
    /// The `quoted_partnerships` cues of `arrangements.yml`, or nil when the folder has no
    /// `arrangements.yml` or the file no `quoted_partnerships`. A mistake in them is an error (it
    /// was passed over, and quoted partnerships went unread without a word).
    func quotedPartnerships() throws(LexiconError) -> QuotedPartnerships? {
        let url = file("arrangements.yml")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try QuotedPartnerships(contentsOf: url, types: documentTypes())
    }
}
