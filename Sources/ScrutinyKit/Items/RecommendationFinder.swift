/// Finds every item in a document: list items and table rows in sections and lists that
/// announce items ("Recommendations", "Areas for improvement", "Strengths", a lead-in such as
/// "the following areas were identified as in need of improvement"), and prose sentences that
/// ask for action anywhere else, graded must / should / could.
public struct RecommendationFinder: Sendable {
    public let rules: ItemRules
    /// Whether judgements in the running text are items too (form `narrative`).
    public var narrative: Bool

    public init(rules: ItemRules, narrative: Bool = false) {
        self.rules = rules
        self.narrative = narrative
    }

    /// - Parameters:
    ///   - contentKey: the document's ``Document/contentKey`` when the caller has it (it gives the
    ///     items' ids); made here otherwise.
    ///   - blockWords: the document's blocks' words when the caller has them; made here otherwise.
    public func recommendations(in document: Document, contentKey: String? = nil, blockWords: BlockWords? = nil) -> [Recommendation] {
        var state = SectionState()
        var candidates: [Candidate] = []
        var table = TableState()
        let judge = ProseJudge(rules: rules)
        let narrativeJudge = narrative ? NarrativeJudge(cues: rules.narrative, documentType: document.metadata.documentType?.rawValue) : nil
        for passage in document.passages(contentsHeadings: rules.contentsHeadings, sectionTables: rules.sectionTables, sectionBoxes: rules.sectionBoxes) {
            state.headings = passage.headings
            switch passage.kind {
            case .heading:
                if passage.headingRole == .section { state.enter(heading: passage.text, level: passage.block.level ?? 1, rules: rules) }
            case .tableRow:
                // A row that heads a section (a judgement boxed with its grade) begins it, as a heading does.
                if let level = passage.sectionLevel, let cell = passage.block.cells?.first {
                    state.enter(heading: cell, level: level, rules: rules)
                }
                candidates += tableItems(passage.block, isHeader: passage.isTableHeader, table: &table, state: state, judge: judge)
            case .paragraph:
                for (index, block) in zip(passage.blocks.indices, passage.blocks) {
                    let following = index + 1 < document.blocks.endIndex ? document.blocks[index + 1] : nil
                    state.paragraphHeadsList = following?.kind == .listItem
                    // A paragraph is one entry (the block itself), or several cut from it.
                    let entries = entries(of: block, state: state)
                    for entry in entries {
                        candidates.add(blockItems(entry, words: entries.count == 1 ? blockWords?[block: index] : nil,
                                                  state: &state, judge: judge, narrative: narrativeJudge))
                    }
                }
            case .listItem:
                let next = passage.blocks.endIndex < document.blocks.endIndex ? document.blocks[passage.blocks.endIndex] : nil
                state.itemHasPoints = next.map { $0.kind == .listItem && ($0.depth ?? 0) > (passage.block.depth ?? 0) } ?? false
                candidates.add(blockItems(passage.block, words: blockWords?[block: passage.blocks.startIndex],
                                          state: &state, judge: judge, narrative: narrativeJudge))
            }
        }
        let merged = ItemMerger.merge(candidates)
        // Keyed on the words, not the file: the PDF and the text of one report give the same ids.
        let prefix = document.blocks.isEmpty ? "" : String((contentKey ?? document.contentKey).prefix(12))
        let actors = ActorFinder(rules: rules)
        let idPrefix = (prefix.isEmpty ? "doc" : prefix) + "-"
        let (name, metadata) = (document.name, document.metadata)
        var used = Set<String>()
        return merged.map { candidate in
            // A label before the text ("R1:", "Recommendation 3 –") is no part of the item; the
            // cue's word moves back by the words it held.
            let text = ItemLabel.unlabelled(candidate.text, labels: rules.pasted.labels)
            let cueAt = candidate.cueAt.map { text == candidate.text ? $0 : $0 - (WordTokenizer.words(candidate.text).count - WordTokenizer.words(text).count) }
            var item = Recommendation(
                id: Self.id(idPrefix, words: text, used: &used),
                document: name, kind: candidate.kind,
                form: candidate.form, text: text, section: candidate.locations[candidate.textAt].section,
                page: candidate.locations[candidate.textAt].page,
                strength: candidate.kind == .recommendation ? (candidate.strength ?? rules.pasted.unstatedGrade(WordTokenizer.words(text).map(\.text), text: text)) : nil,
                actor: candidate.actor ?? (candidate.kind == .recommendation || candidate.kind == .areaForImprovement
                    ? actors.actor(in: text, cueAt: cueAt) : nil),
                cue: candidate.cue, locations: candidate.locations)
            item.describe(metadata)
            return item
        }
    }
}

/// Reading one block: the finder's tables (TableItems.swift) read their cells through it too.
extension RecommendationFinder {
    /// `words`: the block's words, when made before.
    /// The items of one block. `asProse`: the sentences before a lead-in, judged as prose only
    /// (never one of the section's items, never a lead-in of their own).
    func blockItems(_ block: Block, words given: [Word]?, state: inout SectionState, judge: ProseJudge, narrative: NarrativeJudge?,
                    asProse: Bool = false) -> [Candidate] {
        let depth = block.kind == .listItem ? (block.depth ?? 0) : 0
        // "6.2 The Executive accepted ..." is a numbered paragraph: prose, whatever the section.
        let numberedParagraph = block.ordinal?.contains(".") ?? false
        var announcedList = false
        var madeItem = false
        let subPoint = block.kind == .listItem && isSubPoint(depth, state)
        let continuesQuotation = state.quotationOpen && block.kind == .paragraph
        let continuesReport = state.reportQuoted && block.kind == .paragraph
        defer {
            // Sub-points keep pointing at their parent item, so that all of them are recognised.
            if block.kind == .listItem, !subPoint { state.lastItem = (depth, announcedList, madeItem) }
            if block.kind == .paragraph {
                state.quotationOpen = QuotedEntry.leavesQuotationOpen(block.text, continuing: continuesQuotation)
                state.reportQuoted = quotesAReport(block.text) || (continuesReport && isQuotedGuidance(block.text))
            }
        }
        // A list whose markers were lost (a web page copied as text: "Some of the recommendations
        // include:", then one entry a line) has its entries as paragraphs: each one right after
        // the lead-in, or after another such entry, is an entry when it is short and has no
        // full stop (session 27's audit of news pages: a scrutiny review's nine recommendations
        // were lost so).
        let flattenedEntry = !asProse && block.kind == .paragraph && state.entriesMayFollow && isFlattenedEntry(block, state: state)
        if !asProse { state.entriesMayFollow = false }
        // A paragraph, a shallower item or a sibling of the item that made the lead-in ends its list.
        if let leadIn = state.leadIn, leadIn.scope.isEnded(by: block), !flattenedEntry {
            state.leadIn = nil
        }
        // An inspection's findings quoted entry by entry ("In their report inspectors say that:",
        // then "'Adoption is a strength. …'" on a council's page) are judged without their marks.
        let block = state.quotesFindings(depth: depth) ? QuotedEntry.withoutQuotationMarks(block) ?? block : block
        let placed = given ?? WordTokenizer.words(block.text)
        let words = placed.map(\.text)
        // Under a heading that announces findings ("Areas for improvement" in a SEND report), a
        // section written as paragraphs rather than a list holds one item a paragraph.
        let inFindings = !asProse && block.kind == .paragraph && state.leadIn == nil && !state.nonItemSection && block.text.hasMoreCharacters(than: 39)
            && [Recommendation.Kind.areaForImprovement, .strength].contains(state.structuredKind(depth: 0)?.kind)
        // The block's obligation, looked for once (three tests below ask for it).
        var obligationFound: (strength: Recommendation.Strength, cue: String, at: Int)??
        func obligation() -> (strength: Recommendation.Strength, cue: String, at: Int)? {
            if let found = obligationFound { return found }
            let found = rules.obligationStrength(words)
            obligationFound = .some(found)
            return found
        }
        let asks = inFindings && obligation() != nil
        // "Leaders should act with urgency to ensure that:" followed by its points is one item: the
        // paragraph, with the points as its parts (they are not items of their own).
        if inFindings, asks, block.text.hasSuffix(":"), let kind = state.structuredKind(depth: 0) {
            state.noteItem()
            state.leadIn = (.parts, ListScope(introducedBy: block))
            announcedList = true
            let location = Recommendation.Location(section: state.path, page: block.page, range: block.range)
            return [Candidate(kind: kind.kind, form: .listed, text: block.text, cue: kind.cue, locations: [location])]
        }
        // A sentence, not a label ("Quality of work with children", "Adoption performance: good").
        let isSentence = block.text.last.map { ".!?".contains($0) } ?? false && words.count >= 8
        // Under "Recommendations", a paragraph in the imperative ("Review the escalation policy and
        // relaunch it.", "Consider how …") is an item, as it is in a list there; a paragraph with an
        // obligation's words is one already (session 45's re-audit: a scrutineer's unnumbered
        // recommendations lost their imperatives, in text and Word alike).
        let imperativeUnderRecommendations = !asProse && block.kind == .paragraph && state.leadIn == nil && !state.nonItemSection
            && !state.sawListItem && state.structuredKind(depth: 0)?.kind == .recommendation && words.count >= 4
            && (block.text.last.map { ".!?".contains($0) } ?? false) && words.first.map { rules.pasted.imperatives.contains($0.lowercased()) } == true
        let paragraphItem = (inFindings && isSentence && (!state.sawListItem || asks)) || imperativeUnderRecommendations
        if block.kind == .listItem { state.sawListItem = true }
        let structured = (block.kind == .listItem && !numberedParagraph && !state.nonItemSection
            && !state.inNonItemList(depth: depth)) || paragraphItem || flattenedEntry ? state.structuredKind(depth: depth) : nil
        if flattenedEntry, structured != nil { state.entriesMayFollow = true }
        // "The Youth Justice Service manager should:" among a list's entries, its own entries set
        // out beside it rather than under it, names who they are for and asks nothing of its own
        // (an inspection's recommendations in a committee's minutes, session 26's audit). With
        // points under it, it is an item with its points as parts, as any entry is.
        if structured != nil, block.kind == .listItem, !state.itemHasPoints, block.text.hasSuffix(":"), let asked = obligation(),
           asked.at + WordTokenizer.words(asked.cue).count == words.count {
            return []
        }
        // In a list of items, an item that ends in a colon is still an item when it asks for something.
        let asksForAction = structured != nil && obligation() != nil
        // "Recommendations include: emphasise …; ensure …; review …": the items a label announces,
        // set out in its own paragraph one to a clause.
        if structured == nil, !subPoint, !state.nonItemSection, !state.inNonItemList(depth: depth),
           let labelled = labelledClauses(block) {
            return labelled.clauses.map { clause in
                let clauseWords = WordTokenizer.words(clause.text).map(\.text)
                let location = Recommendation.Location(section: state.path, page: clause.page, range: clause.range)
                if let procedural = judge.proceduralVerdict(clause.text, words: clauseWords) {
                    return Candidate(kind: procedural.kind, form: .listed, text: clause.text, cue: labelled.cue, locations: [location])
                }
                let asked = rules.obligationStrength(clauseWords)
                return Candidate(kind: labelled.kind, form: .listed, text: clause.text, strength: asked?.strength, cue: labelled.cue,
                                 cueAt: asked?.at, locations: [location])
            }
        }
        // A decision put to a committee that names "recommendations" without its full stop ("That
        // Council: 1. Considers the Annual Report and makes any recommendations as necessary") is
        // that decision, not a lead-in (modern.gov pages drop the stop; session 23's audit).
        if !asProse, isLeadIn(block.text, listItem: block.kind == .listItem) || namesTheListBelow(block, state: state), !asksForAction,
           block.text.hasSuffix(":") || judge.proceduralVerdict(block.text, words: words) == nil {
            // The lead-in is the paragraph's last sentence; the sentences before it are prose of
            // their own ("… the area's strengths and development priorities. Areas for
            // development include:"), judged before the list it announces begins.
            let before = block.kind == .paragraph ? Self.beforeLastSentence(block) : nil
            let earlier = before.map { blockItems($0, words: nil, state: &state, judge: judge, narrative: narrative, asProse: true) } ?? []
            state.leadIn = (leadInKind(block.text), ListScope(introducedBy: block))
            state.entriesMayFollow = block.kind == .paragraph && block.text.hasSuffix(":")
            announcedList = true
            return earlier
        }
        let location = Recommendation.Location(section: state.path, page: block.page, range: block.range)
        if block.kind == .listItem, state.isPart(depth: depth) {
            return [Candidate(kind: .recommendation, text: block.text, cue: "", locations: [location], isPart: true)]
        }
        guard !state.nonItemSection, !state.inNonItemList(depth: depth), continuesQuotation || continuesReport || !isQuotedGuidance(block.text) else { return [] }
        // "Areas for development: return home interviews, the local offer …": a label that
        // announces findings, with them in the same entry (council minutes, session 22's audit).
        if structured == nil, !subPoint, let labelled = labelledFindings(block.text) {
            return [Candidate(kind: labelled.kind, form: .listed, text: block.text, cue: labelled.cue, locations: [location])]
        }
        // "Recommendation 1. The Head of Safeguarding to produce …": numbered and labelled where it
        // stands, an item whatever its wording (minutes that set out a review's recommendations
        // one to a paragraph, session 27's audit).
        if structured == nil, !subPoint, let numbered = numberedItem(block.text) {
            let asked = obligation()
            return [Candidate(kind: numbered.kind, form: .listed, text: block.text, strength: asked?.strength, cue: numbered.cue,
                              cueAt: asked?.at, locations: [location])]
        }
        if let structured, !subPoint {
            // A label of one or two words is no item: "Communications", "Locality working" after
            // "41 recommendations grouped under the following work themes:" (no hand coding of the
            // corpus, the seeds or the 48 real documents has an item so short).
            guard words.count >= 3 else { return [] }
            if let procedural = judge.proceduralVerdict(block.text, words: words) {
                state.noteItem()
                return [Candidate(kind: procedural.kind, form: .listed, text: block.text, cue: structured.cue, locations: [location])]
            }
            // Every item of a list its heading or lead-in announces is an item, whatever it says
            // ("The annual report should be published by September", "An audit should take place
            // within six months"): until session 19 the prose judge's predictions and intents
            // dropped such items from a list headed "Recommendations" (on the corpus, the seeds
            // and the 48 real documents, dropping that test changed no item).
            state.noteItem()
            madeItem = true
            let asked = obligation()
            let kind = structured.kind == .procedural ? Recommendation.Kind.recommendation : structured.kind
            return [Candidate(kind: kind, form: .listed, text: block.text, strength: asked?.strength, cue: structured.cue,
                              cueAt: asked?.at, locations: [location])]
        }
        // The sub-points of a listed item are parts of it; those of anything else are not items.
        if subPoint { return state.lastItem?.isItem == true ? [Candidate(kind: .recommendation, text: block.text, cue: "", locations: [location], isPart: true)] : [] }
        // Prose: each sentence that asks for action is an item.
        // A sentence's words are the block's words within its range: a sentence ends after its
        // punctuation and the next opens after a space, so no word runs across the cut.
        var firstWord = 0
        let sentences = SentenceSplitter.sentences(block.text)
        let sentenceWords: [[String]] = sentences.map { sentence in
            while firstWord < placed.count, placed[firstWord].start < sentence.range.lowerBound { firstWord += 1 }
            var endWord = firstWord
            while endWord < placed.count, placed[endWord].end <= sentence.range.upperBound { endWord += 1 }
            return Array(words[firstWord..<endWord])
        }
        let proseList = state.structuredKind(depth: depth) == nil ? self.proseList(sentenceWords) : nil
        return sentences.indices.compactMap { index in
            let sentence = sentences[index]
            let sentenceWords = sentenceWords[index]
            var sentenceLocation = location
            sentenceLocation.range = TextRange(start: block.range.start + sentence.range.lowerBound,
                                               end: block.range.start + sentence.range.upperBound)
            sentenceLocation.page = block.page(at: sentence.range.lowerBound)
            if let proseList, index == proseList.leadIn { return nil }
            if let proseList, proseList.items.contains(index) {
                let asked = rules.obligationStrength(sentenceWords)
                return Candidate(kind: proseList.kind, form: .listed, text: sentence.text, strength: asked?.strength,
                                 cue: sentences[proseList.leadIn].text, cueAt: asked?.at, locations: [sentenceLocation])
            }
            guard let verdict = judge.judge(sentence.text, words: sentenceWords) else {
                // A judgement of the running text is a whole sentence: a paragraph's words that stop
                // without a full stop are a table's cell or a heading the layout broke ("The
                // experiences and progress of children", "The impact of leaders on … children and").
                guard let narrative, state.structuredKind(depth: depth) == nil,
                      block.kind == .listItem || SentenceSplitter.endsAsSentence(sentence.text),
                      let finding = narrative.judge(sentence.text, words: sentenceWords) else { return nil }
                return Candidate(kind: finding.kind, form: .narrative, text: sentence.text, cue: finding.cue,
                                 cueAt: finding.cueAt, locations: [sentenceLocation])
            }
            if state.structuredKind(depth: depth) != nil { state.noteItem() }
            return Candidate(kind: verdict.kind, form: verdict.form, text: sentence.text, strength: verdict.strength, cue: verdict.cue,
                             cueAt: verdict.cueAt, locations: [sentenceLocation],
                             restated: verdict.restated)
        }
    }
}

private extension RecommendationFinder {
    /// A list written as sentences: a sentence that asks or announces items ("I would like to
    /// highlight four key messages … that the partnership should consider as a priority.") and
    /// then two or more sentences that each open with a purpose ("To meet the needs of children
    /// earlier …. To ensure schools remain …."), as a scrutineer's foreword may set out its
    /// recommendations (session 22's audit). The purposes are the items, of the kind the first
    /// sentence announces (a recommendation where it only asks); the first is their lead-in.
    func proseList(_ sentences: [[String]]) -> (leadIn: Int, items: Range<Int>, kind: Recommendation.Kind)? {
        let narrative = rules.narrative
        func isPurpose(_ words: [String]) -> Bool {
            words.count >= 4 && narrative.purposes.matchesAtStart(words) && !narrative.notPurposes.matchesAtStart(words)
        }
        for index in sentences.indices.dropLast(2) {
            // Two purposes after it, the cheap test, before the lead-in's cues are looked for.
            guard isPurpose(sentences[index + 1]), isPurpose(sentences[index + 2]) else { continue }
            let words = sentences[index]
            guard !isPurpose(words) else { continue }
            let kind = rules.leadInKind(words)
            guard kind != nil || rules.obligationStrength(words) != nil else { continue }
            var end = index + 1
            while end < sentences.count, isPurpose(sentences[end]) { end += 1 }
            if end - index > 2 { return (index, (index + 1)..<end, kind ?? .recommendation) }
        }
        return nil
    }

    /// The entries a paragraph holds. Under a heading that announces findings, a paragraph whose
    /// later sentence opens with the same words as its first ("Leaders across the partnership
    /// should …") holds two entries that the layout ran together; elsewhere a paragraph is one.
    func entries(of block: Block, state: SectionState) -> [Block] {
        guard state.leadIn == nil, !state.nonItemSection,
              [Recommendation.Kind.areaForImprovement, .strength].contains(state.structuredKind(depth: 0)?.kind) else { return [block] }
        let sentences = SentenceSplitter.sentences(block.text)
        guard sentences.count > 1 else { return [block] }
        let opening = Array(WordTokenizer.words(sentences[0].text).map { $0.text.lowercased() }.prefix(4))
        guard opening.count == 4 else { return [block] }
        let starts = [0] + sentences.dropFirst().filter {
            Array(WordTokenizer.words($0.text).map { $0.text.lowercased() }.prefix(4)) == opening
        }.map(\.range.lowerBound)
        guard starts.count > 1 else { return [block] }
        let scalars = Array(block.text.unicodeScalars)
        return starts.indices.map { index in
            var end = index + 1 < starts.count ? starts[index + 1] : scalars.count
            while end > starts[index], scalars[end - 1] == " " { end -= 1 }
            return block.part(from: starts[index], to: end)
        }
    }

    /// A paragraph that opens with a quotation mark and attributes it to guidance: "'The safeguarding
    /// partners should agree …' (Working Together 2018)". A quotation that names an inspection's
    /// report as its source ("'…,' said the report. '…'", `report_attributions`) is the report's
    /// findings, as news of an inspection gives them (session 26's audit: a monitoring visit's
    /// findings, quoted paragraph by paragraph, were all lost).
    func isQuotedGuidance(_ text: String) -> Bool {
        guard let first = text.first, first == "'" || first == "\"" else { return false }
        guard !rules.reportAttributions.matches(text) else { return false }
        guard let close = text.dropFirst().lastIndex(where: { $0 == "'" || $0 == "\"" }) else { return false }
        let attribution = text[text.index(after: close)...]
        return attribution.count < 80 && (rules.quotationCues.matches(String(attribution)) || attribution.isEmpty)
    }

    /// A paragraph that quotes an inspection's report and names it after the quotation ("'… and
    /// staff,' Ofsted's inspection report for the London borough states."), or with one of
    /// `report_attributions` anywhere in it.
    func quotesAReport(_ text: String) -> Bool {
        guard QuotationMarks.appear(in: text) else { return false }
        if rules.reportAttributions.matches(text) { return true }
        // The last mark that closes a quotation: not an apostrophe inside a word ("Ofsted's").
        let scalars = Array(text.unicodeScalars)
        guard let close = scalars.indices.last(where: { index in
            QuotationMarks.all.contains(scalars[index])
                && (index + 1 == scalars.count || !scalars[index + 1].properties.isAlphabetic)
        }) else { return false }
        let attribution = WordTokenizer.words(String(String.UnicodeScalarView(scalars[(close + 1)...]))).map { $0.text.lowercased() }
        guard (2...12).contains(attribution.count), let verb = attribution.last, rules.reportingVerbs.contains(verb) else { return false }
        return attribution.contains(where: rules.reportSources.contains)
    }

    /// The kind a short label opening a text announces ("Areas for development: …", "Strengths:
    /// …"), where the label is a heading of areas for improvement or strengths in its own right
    /// and at least three words follow it.
    func labelledFindings(_ text: String) -> (kind: Recommendation.Kind, cue: String)? {
        guard let label = OpeningLabel(text, rules: rules), [.areaForImprovement, .strength].contains(label.kind),
              WordTokenizer.words(String(text.unicodeScalars.dropFirst(label.end))).count >= 3 else { return nil }
        return (label.kind, label.text)
    }

    /// The kind and label of a text that opens with a numbered label of an item ("Recommendation
    /// 1.", "Recommendation 3 -"; `numbered_item_labels` in items.yml), with five words or more
    /// after it, or a sentence of three or more ("Recommendation 3: Review the escalation policy.":
    /// ua67's re-audit found it left out; "Recommendation 3: Training" stays a heading).
    func numberedItem(_ text: String) -> (kind: Recommendation.Kind, cue: String)? {
        guard !rules.numberedItemLabels.isEmpty else { return nil }
        let rest = ItemLabel.unlabelled(text, labels: rules.numberedItemLabels)
        let words = WordTokenizer.words(rest).count
        guard rest != text, text.hasSuffix(rest), words >= 5 || (words >= 3 && rest.hasSuffix(".")) else { return nil }
        let label = String(text.dropLast(rest.count)).trimmingCharacters(in: .whitespaces)
        let labelWords = WordTokenizer.words(label).map(\.text).filter { !$0.allSatisfy(\.isNumber) }
        guard let kind = rules.sectionKind(labelWords, atStart: true) else { return nil }
        return (kind, label)
    }

    /// A label that announces items, with the items after it in the same paragraph one to a clause
    /// between semicolons ("Recommendations include: emphasise …; ensure …; and review …"), as
    /// the summaries of the National Collection of Case Reviews set them out (session 25's blind
    /// audit: eight recommendations of one summary were lost). "Areas for development: return
    /// home interviews, the local offer" (commas) stays one finding (`labelledFindings`).
    func labelledClauses(_ block: Block) -> (kind: Recommendation.Kind, cue: String, clauses: [Block])? {
        guard block.text.containsByte(UInt8(ascii: ";")), let label = OpeningLabel(block.text, rules: rules), label.kind != .procedural,
              let clauses = label.clauses(of: block) else { return nil }
        return (label.kind, label.text, clauses)
    }

    /// The sentences of a paragraph before its last, as a block of their own; nil for one sentence.
    static func beforeLastSentence(_ block: Block) -> Block? {
        let sentences = SentenceSplitter.sentences(block.text)
        guard sentences.count > 1 else { return nil }
        return block.part(from: 0, to: sentences[sentences.count - 2].range.upperBound)
    }

    /// A deeper item under an item that was not a lead-in is a sub-point of that item.
    func isSubPoint(_ depth: Int, _ state: SectionState) -> Bool {
        guard let last = state.lastItem, depth > last.depth else { return false }
        if let leadIn = state.leadIn, leadIn.scope.covers(depth: depth), case .items = leadIn.kind { return false }
        return true
    }

    /// Whether a paragraph after a paragraph's lead-in that announces items is one of its entries
    /// set out without a marker: a few words to a long line, no full stop, question mark or colon
    /// at its end ("Increasing therapeutic support for victims and their families").
    func isFlattenedEntry(_ block: Block, state: SectionState) -> Bool {
        guard case .items? = state.leadIn?.kind, state.leadIn?.scope.depth == -1, !state.nonItemSection,
              let last = block.text.last, !".!?:".contains(last), block.text.first?.isLetter == true else { return false }
        let count = WordTokenizer.words(block.text).count
        return count >= 3 && count <= Self.flattenedEntryWords
    }

    /// The most words a paragraph may have to be taken for an entry of a list whose markers were lost.
    static let flattenedEntryWords = 40

}

/// Lead-ins, as the item finder and a pasted list (``PastedList``) read them.
extension RecommendationFinder {
    /// A lead-in ends in a colon; a paragraph may also lead in without one ("the following areas
    /// were identified as in need of improvement"), a list entry only where it announces what
    /// follows (`lead_in_announcers`: "the following", "including the"): an entry without its
    /// full stop that names "a significant area of concern" is a finding (session 22's blind audit).
    /// Without a colon it is the last sentence that leads in: a paragraph of findings cut off
    /// mid-sentence that named "the area's strengths" earlier on announces nothing (session 24's
    /// blind audit: a SEND letter's whole summary was lost).
    func isLeadIn(_ text: String, listItem: Bool = false) -> Bool {
        if text.hasSuffix(":") { return true }
        guard let last = text.last, !".!?)\"'".contains(last) else { return false }
        let words = WordTokenizer.words(SentenceSplitter.sentences(text).last?.text ?? text).map(\.text)
        if listItem, !rules.leadInAnnouncers.matches(words) { return false }
        // A judgement label ("Children looked after: requires improvement to be good") names a
        // grade, not a list to come.
        return words.count >= 4 && rules.leadInKind(words) != nil && rules.obligationStrength(words) == nil
            && !rules.notItems.matches(words)
    }

    /// A paragraph that names a kind of item as a heading would ("Recommendations", "Strengths",
    /// "Areas for improvement"), with no stop, standing directly above a list: the list's heading,
    /// its mark-up lost (a list pasted from Word or an e-mail with no blank line under its heading:
    /// session 46's re-audit found none of its items).
    func namesTheListBelow(_ block: Block, state: SectionState) -> Bool {
        guard block.kind == .paragraph, state.paragraphHeadsList, let last = block.text.last, !".!?:;,)\"'".contains(last) else { return false }
        let words = WordTokenizer.words(block.text).map(\.text)
        guard words.count <= 6, rules.sectionKind(words, atStart: true) != nil, rules.obligationStrength(words) == nil else { return false }
        if case .items = leadInKind(block.text) { return true }
        return false
    }

    /// What a lead-in announces, judged on its last sentence: "The review made six recommendations.
    /// In particular:" announces progress notes, not recommendations.
    func leadInKind(_ text: String) -> SectionState.LeadIn {
        let all = WordTokenizer.words(text).map(\.text)
        let sentences = SentenceSplitter.sentences(text)
        let last = WordTokenizer.words(sentences.last?.text ?? text).map(\.text)
        if rules.restatementCues.matches(all) { return .notItems }
        // A quotation is announced where the list is ("Working Together 2018 states:"), or by a
        // sentence the lead-in points back to ("I use the Six Steps … as my framework. It asks
        // whether:"); "the guidance" named in an earlier sentence of an audit's account ("to
        // identify if the guidance … was being applied. Key findings included:") quotes nothing
        // (session 25's audit).
        if rules.quotationCues.matches(rules.leadInPointers.matchesAtStart(last) ? all : last) { return .quotation }
        if let kind = rules.leadInKind(last) { return .items(kind, cue: text) }
        // A lead-in that points back names its kind in the sentence before: "Inspectors found
        // three areas for improvement. These were:", "… further improvements to be made. These
        // were outlined as follows:" (committee minutes, session 28's audit 24).
        if sentences.count > 1, rules.leadInPointers.matchesAtStart(last),
           let kind = rules.onlyLeadInKind(WordTokenizer.words(sentences[sentences.count - 2].text).map(\.text)) {
            return .items(kind, cue: text)
        }
        if rules.reportedFindingsLeadIns.matches(last) { return .reportedFindings }
        if rules.nonItemLeadIns.matches(last) { return .notItems }
        // A lead-in that asks and stops at its modal or infinitive ("The partnership should:",
        // "Continued efforts are needed to:") lists what it asks for (session 23's audit).
        if text.hasSuffix(":"), let end = last.last, rules.leadInRequestEndings.contains(end), rules.obligationStrength(last) != nil {
            return .items(.recommendation, cue: text)
        }
        return .neutral
    }
}
