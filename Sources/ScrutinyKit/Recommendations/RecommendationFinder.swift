/// Finds every item in a document: list items and table rows in sections and lists that
/// announce items ("Recommendations", "Areas for improvement", "Strengths", a lead-in such as
/// "the following areas were identified as in need of improvement"), and prose sentences that
/// ask for action anywhere else, graded must / should / could.
public struct RecommendationFinder: Sendable {
    public let rules: ItemRules

    public init(rules: ItemRules) {
        self.rules = rules
    }

    public func recommendations(in document: Document) -> [Recommendation] {
        var state = SectionState()
        var candidates: [Candidate] = []
        var table = TableState()
        let judge = ProseJudge(rules: rules)
        for block in document.blocks {
            if block.kind != .tableRow { table = TableState() }
            switch block.kind {
            case .heading:
                state.enter(heading: block.text, level: block.level ?? 1, rules: rules)
            case .tableRow:
                candidates += tableItems(block, table: &table, state: state, judge: judge)
            case .paragraph, .listItem:
                candidates += blockItems(block, state: &state, judge: judge)
            }
        }
        let merged = ItemMerger.merge(candidates)
        let prefix = String(document.sha256.prefix(12))
        let actors = ActorFinder(rules: rules)
        return merged.enumerated().map { index, candidate in
            Recommendation(
                id: "\(prefix.isEmpty ? "doc" : prefix)-\(String(format: "%03d", index + 1))",
                document: document.fileName, partnership: document.metadata.partnership, kind: candidate.kind,
                text: candidate.text, section: candidate.locations[0].section, page: candidate.locations[0].page,
                strength: candidate.kind == .recommendation ? (candidate.strength ?? .should) : nil,
                actor: candidate.actor ?? (candidate.kind == .recommendation || candidate.kind == .areaForImprovement
                    ? actors.actor(in: candidate.text, cueAt: candidate.cueAt) : nil),
                cue: candidate.cue, locations: candidate.locations)
        }
    }
}

/// An item before duplicates are merged.
struct Candidate {
    var kind: Recommendation.Kind
    var text: String
    var strength: Recommendation.Strength?
    var cue: String
    var cueAt: Int?
    var actor: String?
    var locations: [Recommendation.Location]
}

private extension RecommendationFinder {
    struct TableState {
        var itemColumn: Int?
        var actorColumn: Int?
        var sawHeader = false
    }

    func blockItems(_ block: Block, state: inout SectionState, judge: ProseJudge) -> [Candidate] {
        let depth = block.kind == .listItem ? (block.depth ?? 0) : 0
        let numbered = block.ordinal.map { $0.contains(".") || $0.allSatisfy(\.isNumber) } ?? false
        defer {
            if block.kind == .listItem { state.lastItem = (depth, block.text.hasSuffix(":")) }
        }
        // A numbered paragraph or a plain paragraph ends the list a lead-in announced.
        if let leadIn = state.leadIn, block.kind == .paragraph || depth < leadIn.depth || (numbered && !leadIn.numbered) || (numbered && depth <= leadIn.depth) {
            state.leadIn = nil
        }
        if isLeadIn(block.text) {
            state.leadIn = (leadInKind(block.text), block.kind == .listItem ? depth + 1 : 0, numbered)
            if block.kind == .listItem, case .items = state.leadIn!.kind { state.leadIn!.depth = depth }
            return []
        }
        guard !state.nonItemSection, !state.inNonItemList(depth: depth) else { return [] }
        let location = Recommendation.Location(section: state.path, page: block.page, range: block.range)
        if block.kind == .listItem, let structured = state.structuredKind(depth: depth), !isSubPoint(depth, state) {
            state.noteItem()
            let words = WordTokenizer.words(block.text).map(\.text)
            if let procedural = judge.proceduralVerdict(block.text, words: words) {
                return [Candidate(kind: procedural.kind, text: block.text, cue: structured.cue, locations: [location])]
            }
            let obligation = rules.obligationStrength(words)
            let kind = structured.kind == .procedural ? Recommendation.Kind.recommendation : structured.kind
            return [Candidate(kind: kind, text: block.text, strength: obligation?.strength, cue: structured.cue,
                              cueAt: obligation?.at, locations: [location])]
        }
        if block.kind == .listItem, isSubPoint(depth, state) { return [] }
        // Prose: each sentence that asks for action is an item.
        return SentenceSplitter.sentences(block.text).compactMap { sentence in
            guard let verdict = judge.judge(sentence.text) else { return nil }
            if state.structuredKind(depth: depth) != nil { state.noteItem() }
            var sentenceLocation = location
            sentenceLocation.range = TextRange(start: block.range.start + sentence.range.lowerBound,
                                               end: block.range.start + sentence.range.upperBound)
            return Candidate(kind: verdict.kind, text: sentence.text, strength: verdict.strength, cue: verdict.cue,
                             cueAt: verdict.cueAt, locations: [sentenceLocation])
        }
    }

    /// A deeper item under an item that was not a lead-in is a sub-point of that item.
    func isSubPoint(_ depth: Int, _ state: SectionState) -> Bool {
        guard let last = state.lastItem, depth > last.depth, !last.endsWithColon else { return false }
        if let leadIn = state.leadIn, depth >= leadIn.depth { return false }
        return true
    }

    func isLeadIn(_ text: String) -> Bool {
        if text.hasSuffix(":") { return true }
        guard let last = text.last, !".!?)\"'".contains(last) else { return false }
        let words = WordTokenizer.words(text).map(\.text)
        return words.count >= 4 && rules.sectionKind(words) != nil && rules.obligationStrength(words) == nil
    }

    func leadInKind(_ text: String) -> SectionState.LeadIn {
        let words = WordTokenizer.words(text).map(\.text)
        if rules.quotationCues.matches(words) { return .quotation }
        if let kind = rules.sectionKind(words) { return .items(kind, cue: text) }
        if rules.nonItemLeadIns.matches(words) { return .notItems }
        return .neutral
    }

    func tableItems(_ block: Block, table: inout TableState, state: SectionState, judge: ProseJudge) -> [Candidate] {
        let cells = block.cells ?? [block.text]
        if !table.sawHeader {
            table.sawHeader = true
            if let column = cells.firstIndex(where: { rules.itemColumns.matchesAtStart(WordTokenizer.words($0).map(\.text)) && $0.count < 40 }) {
                table.itemColumn = column
                table.actorColumn = cells.firstIndex { rules.actorColumns.matchesAtStart(WordTokenizer.words($0).map(\.text)) && $0.count < 30 }
                return []
            }
        }
        guard !state.nonItemSection else { return [] }
        let location = Recommendation.Location(section: state.path, page: block.page, range: block.range)
        if let column = table.itemColumn, column < cells.count, !cells[column].isEmpty {
            let text = cells[column]
            let words = WordTokenizer.words(text).map(\.text)
            let obligation = rules.obligationStrength(words)
            let actor = table.actorColumn.flatMap { $0 < cells.count && !cells[$0].isEmpty ? cells[$0] : nil }
            let kind = state.structuredKind(depth: 0)?.kind ?? .recommendation
            return [Candidate(kind: kind == .procedural ? .recommendation : kind, text: text, strength: obligation?.strength,
                              cue: "table column", cueAt: obligation?.at, actor: actor, locations: [location])]
        }
        return []
    }
}
