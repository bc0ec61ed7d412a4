/// Reads one sentence against every indicator of the lexicon: which indicators it speaks to, and
/// whether it says yes, no or a number.
public struct IndicatorMatcher: Sendable {
    /// What one sentence says about one indicator.
    public struct Finding: Sendable, Hashable {
        public var indicator: String
        public var value: IndicatorValue
        public var cue: String
    }

    public let lexicon: ArrangementLexicon
    /// Each indicator with its group, made once: every sentence is read against every indicator,
    /// and looking a group up (and copying it) for each would cost more than the matching.
    private let entries: [Entry]
    /// The entries (positions in `entries`) a word may bring into play: each cue is filed under
    /// the first word it needs (`keyWords`, searched as a phrase list is, by first byte and a hash
    /// of the bytes; `entriesOfKeyWord` by position there), so an entry none of whose words stands
    /// in a sentence is passed by without a look at its cues. `anywhere`: the entries with a cue
    /// that needs no particular word, or one a phrase list would not read as the same one word.
    private let keyWords: PhraseList
    private let entriesOfKeyWord: [[Int]]
    private let anywhere: [Int]

    public init(lexicon: ArrangementLexicon) {
        self.lexicon = lexicon
        let entries = lexicon.indicators.compactMap { indicator in
            lexicon.groups.firstIndex { $0.id == indicator.group }.map { Entry(indicator: indicator, group: lexicon.groups[$0], groupIndex: $0) }
        }
        var byWord: [String: [Int]] = [:]
        var anywhere: [Int] = []
        for (position, entry) in entries.enumerated() {
            let words = Set(entry.cues.compactMap(\.required.first))
            guard !entry.mayMatchAnywhere, words.allSatisfy({ WordTokenizer.plainWord(Substring($0)) != nil }) else {
                anywhere.append(position)
                continue
            }
            for word in words { byWord[word, default: []].append(position) }
        }
        self.entries = entries
        self.anywhere = anywhere
        keyWords = PhraseList(Array(byWord.keys).sorted())
        entriesOfKeyWord = keyWords.phrases.map { byWord[$0.source] ?? [] }
    }

    /// Every sentence of `document` that speaks to an indicator, as evidence. A partnership's
    /// quotation (``Metadata/quotation``) and the section of an inspection that reviews the board
    /// (``ArrangementLexicon/BoardReview``) are about scrutiny throughout; outside that section an
    /// inspection that reviews the board is read only where a sentence names the board, and an
    /// inspection of the council's services (``ArrangementLexicon/councilInspection``) only where
    /// a sentence names the partnership.
    /// `sentences`: the document's context sentences when already made, with this lexicon's
    /// contents headings (``ArrangementLexicon/contentsHeadings``).
    public func evidence(in document: Document, sentences given: [ContextSentence]? = nil) -> [(indicator: String, evidence: IndicatorEvidence)] {
        // A quoted partnership's part is read as its lexicon says (a scrutiny report's sentences).
        let type = document.metadata.readAs ?? document.metadata.documentType
        let sentences = given ?? document.contextSentences(contentsHeadings: lexicon.contentsHeadings)
        let quoted = document.metadata.quotation == true
        let board = lexicon.boardReview.flatMap { $0.applies(to: type, sentences: sentences) ? $0 : nil }
        // An inspection of the council's services: only sentences that name the partnership.
        let partnershipNamed = board == nil ? lexicon.councilInspection.flatMap { type.map($0.documentTypes.contains) == true ? $0.mentions : nil } : nil
        let name = document.name
        // What the headings alone say, asked once for each run of sentences under the same headings.
        var headings: (words: [[String]], skipped: Bool)?
        return sentences.flatMap { sentence -> [(indicator: String, evidence: IndicatorEvidence)] in
            var aboutScrutiny = quoted
            if let board {
                if board.inSection(sentence) {
                    aboutScrutiny = true
                } else if !board.mentions.matches(sentence.wordTexts) {
                    return []
                }
            } else if let partnershipNamed, !quoted, !partnershipNamed.matches(sentence.wordTexts) {
                return []
            }
            if headings?.words != sentence.headingWords {
                headings = (sentence.headingWords, headingsSkipped(sentence.headingWords, documentType: type))
            }
            return findings(in: sentence, documentType: type, aboutScrutiny: aboutScrutiny, headingsSkipped: headings?.skipped).map { finding in
                (finding.indicator, IndicatorEvidence(
                    document: name, value: finding.value, text: sentence.text, cue: finding.cue,
                    section: sentence.section, page: sentence.page, range: sentence.range, placement: sentence.placement))
            }
        }
    }

    /// What `sentence` says about each indicator it speaks to. Where `aboutScrutiny`, the sentence
    /// is the partnership's account of its scrutiny: every method it names is in context and every
    /// topic in scope.
    public func findings(in sentence: ContextSentence, documentType: DocumentType?, aboutScrutiny: Bool = false) -> [Finding] {
        findings(in: sentence, documentType: documentType, aboutScrutiny: aboutScrutiny, headingsSkipped: nil)
    }
}

private extension IndicatorMatcher {
    /// `headingsSkipped`: what ``headingsSkipped(_:documentType:)`` says of the sentence's
    /// headings, when already asked.
    func findings(in sentence: ContextSentence, documentType: DocumentType?, aboutScrutiny: Bool, headingsSkipped skipped: Bool?) -> [Finding] {
        let words = sentence.wordTexts
        guard !words.isEmpty else { return [] }
        if skipped ?? headingsSkipped(sentence.headingWords, documentType: documentType) { return [] }
        guard !isSkipped(sentence, words: words, documentType: documentType) else { return [] }
        let otherActor = lexicon.otherActors.matches(words)
        var findings: [Finding] = []
        // Whether the sentence is in each group's context: the same for every indicator of a group.
        var inContextByGroup = [Bool?](repeating: nil, count: lexicon.groups.count)
        // The entries a word of the sentence brings into play, read in the lexicon's order.
        var inPlay = [Bool](repeating: false, count: entries.count)
        for position in anywhere { inPlay[position] = true }
        keyWords.forEachMatch(in: words) { key in
            for position in entriesOfKeyWord[key] { inPlay[position] = true }
        }
        for position in entries.indices where inPlay[position] {
            let entry = entries[position]
            // An indicator none of whose cues can match here has nothing to say: its context and
            // exceptions are not looked at.
            if !entry.mayMatchAnywhere, !entry.cues.contains(where: { sentence.mayMatch($0) }) { continue }
            if entry.group.skipsOtherActors, otherActor { continue }
            if entry.indicator.unless.contains(where: { sentence.matches($0) }) { continue }
            if !aboutScrutiny, let context = entry.group.context {
                let known = inContextByGroup[entry.groupIndex]
                let inGroupContext = known ?? inContext(sentence, context: context, documentType: documentType)
                if known == nil { inContextByGroup[entry.groupIndex] = inGroupContext }
                if !inGroupContext { continue }
            }
            let finding: Finding?
            if entry.group.scope != nil {
                finding = scoped(entry, sentence: sentence, words: words, documentType: documentType, aboutScrutiny: aboutScrutiny)
            } else if entry.indicator.kind == .count {
                finding = counted(entry, sentence: sentence)
            } else {
                finding = flagged(entry, sentence: sentence, aboutScrutiny: aboutScrutiny)
            }
            if let finding { findings.append(finding) }
        }
        return findings
    }
}

public extension IndicatorMatcher {
    /// Whether `sentence` speaks to `indicator` only to deny it: a `yes` cue matches, and each
    /// match has a negation before it in its clause (in a group that reads negations). A quotation
    /// quoted under an indicator's section that denies it ("not direct impact on outcomes for
    /// children") does not bear the section out.
    func denies(_ indicator: String, in sentence: ContextSentence) -> Bool {
        guard let entry = entries.first(where: { $0.indicator.id == indicator }), entry.group.negation else { return false }
        var denied = false
        for pattern in entry.indicator.yes {
            guard let match = sentence.match(pattern) else { continue }
            if isAffirmed(pattern, first: match, in: sentence, window: entry.group.negationWindow) { return false }
            if !isQualified(match, in: sentence, window: entry.group.negationWindow) { denied = true }
        }
        return denied
    }

    /// Whether a `yes` cue of `indicator` matches `sentence` without a negation before it.
    func affirms(_ indicator: String, in sentence: ContextSentence) -> Bool {
        guard let entry = entries.first(where: { $0.indicator.id == indicator }) else { return false }
        return entry.indicator.yes.contains { pattern in
            guard let match = sentence.match(pattern) else { return false }
            return !entry.group.negation || isAffirmed(pattern, first: match, in: sentence, window: entry.group.negationWindow)
        }
    }

    /// Whether some match of `pattern` in `sentence` has no negation before it in its clause
    /// ("did not attend training events, … practitioners who had attended training": the second
    /// is affirmed). `first`: the first match, already found.
    internal func isAffirmed(_ pattern: CuePattern, first: CuePattern.Match, in sentence: ContextSentence, window: Int?) -> Bool {
        if !isNegated(first, in: sentence, window: window) { return true }
        return pattern.allMatches(in: sentence.wordTexts).contains { $0.start > first.start && !isNegated($0, in: sentence, window: window) }
    }
}

private extension IndicatorMatcher {
    /// An indicator and its group, shared rather than copied for each sentence.
    final class Entry: Sendable {
        let indicator: IndicatorDefinition
        let group: IndicatorGroup
        /// The group's position in the lexicon's `groups`.
        let groupIndex: Int
        /// Every cue that can give the indicator a value; a finding needs one of them to match.
        let cues: [CuePattern]
        /// Whether a cue needs no particular word (then any sentence may match).
        let mayMatchAnywhere: Bool

        init(indicator: IndicatorDefinition, group: IndicatorGroup, groupIndex: Int) {
            self.indicator = indicator
            self.group = group
            self.groupIndex = groupIndex
            cues = indicator.no + indicator.yes + indicator.ownAccount + indicator.count
            mayMatchAnywhere = cues.contains { $0.required.isEmpty }
        }
    }
}

private extension IndicatorMatcher {
    /// Proposals, ignored sections and a research report's own study are no evidence: whether
    /// the sentence's headings put it in one of those sections.
    func headingsSkipped(_ headingWords: [[String]], documentType: DocumentType?) -> Bool {
        if headingWords.contains(where: { lexicon.ignoredSections.matchesAtStart($0) }) { return true }
        if headingWords.contains(where: { lexicon.proposalSections.matchesAtStart($0) }) { return true }
        if let documentType, lexicon.ownStudyTypes.contains(documentType) {
            if headingWords.contains(where: { lexicon.ownStudySections.matchesAtStart($0) }) { return true }
        }
        return false
    }

    /// The same of the sentence itself (its headings aside).
    func isSkipped(_ sentence: ContextSentence, words: [String], documentType: DocumentType?) -> Bool {
        // An item of a list announcing what is to improve ("… identified the following areas for improvement:").
        if !sentence.leadInWords.isEmpty, lexicon.proposalLeadIns.matches(sentence.leadInWords) { return true }
        if !sentence.isHeading, lexicon.proposes(words) { return true }
        if let documentType, lexicon.ownStudyTypes.contains(documentType), lexicon.firstPerson.matches(words) { return true }
        return false
    }

    func inContext(_ sentence: ContextSentence, context: IndicatorGroup.Context, documentType: DocumentType?) -> Bool {
        if let documentType, context.everywhereIn.contains(documentType) { return true }
        return context.cues.matches(sentence.wordTexts) || context.cues.matches(sentence.leadInWords)
            || sentence.headingWords.contains(where: { context.cues.matches($0) })
    }

    // The helpers below take the entry and read its indicator in place: a struct bound out of a
    // class instance is copied whole (a dozen arrays retained and released) for every sentence.
    func flagged(_ entry: Entry, sentence: ContextSentence, aboutScrutiny: Bool) -> Finding? {
        for pattern in entry.indicator.no where sentence.matches(pattern) {
            return Finding(indicator: entry.indicator.id, value: .no, cue: pattern.source)
        }
        var negated: Finding?
        // The yes cues, then (in the partnership's own account) those of its own account.
        func yes(_ patterns: [CuePattern]) -> Finding? {
            for pattern in patterns {
                guard let match = sentence.match(pattern) else { continue }
                if entry.group.negation, isNegated(match, in: sentence, by: lexicon.silencers, window: entry.group.negationWindow) { continue }
                if entry.group.negation, isNegated(match, in: sentence, window: entry.group.negationWindow) {
                    if entry.group.negationGives == .no, !isQualified(match, in: sentence, window: entry.group.negationWindow) {
                        negated = negated ?? Finding(indicator: entry.indicator.id, value: .no, cue: pattern.source)
                    }
                    continue
                }
                return Finding(indicator: entry.indicator.id, value: .yes, cue: pattern.source)
            }
            return nil
        }
        if let found = yes(entry.indicator.yes) { return found }
        if aboutScrutiny, let found = yes(entry.indicator.ownAccount) { return found }
        return negated
    }

    func counted(_ entry: Entry, sentence: ContextSentence) -> Finding? {
        for pattern in entry.indicator.count {
            guard let match = sentence.match(pattern), let number = match.number else { continue }
            if isNegated(match, in: sentence) { continue }
            return Finding(indicator: entry.indicator.id, value: .count(number), cue: pattern.source)
        }
        return nil
    }

    /// A topic counts where the sentence, its list's lead-in or its table says scrutiny covered it,
    /// or where it heads a section of a scrutiny report; it is `no` where scrutiny is said not to.
    func scoped(_ entry: Entry, sentence: ContextSentence, words: [String], documentType: DocumentType?, aboutScrutiny: Bool) -> Finding? {
        guard let scope = entry.group.scope else { return nil }
        let indicator = entry.indicator.id
        // The first topic cue the sentence does not deny; a denied one ("the board does not yet
        // have oversight of outcomes for children", "settings not represented on the board, namely
        // schools") is what the group's negation gives.
        var topic: CuePattern?
        var denied: CuePattern?
        for pattern in entry.indicator.yes {
            guard let match = sentence.match(pattern) else { continue }
            if entry.group.negation, !isAffirmed(pattern, first: match, in: sentence, window: entry.group.negationWindow) {
                if !isQualified(match, in: sentence, window: entry.group.negationWindow) { denied = denied ?? pattern }
                continue
            }
            topic = pattern
            break
        }
        if let pattern = topic ?? denied, scope.negated.contains(where: { sentence.matches($0) }) {
            return Finding(indicator: indicator, value: .no, cue: pattern.source)
        }
        guard let topic else {
            guard let denied, entry.group.negationGives == .no else { return nil }
            return Finding(indicator: indicator, value: .no, cue: denied.source)
        }
        let inScope: Bool
        if aboutScrutiny {
            inScope = !sentence.isHeading
        } else if sentence.isHeading {
            inScope = documentType.map(scope.headingsIn.contains) ?? false && !sentence.inHead
                && !sentence.headingWords.contains(where: { scope.notUnder.matchesAtStart($0) }) && !scope.notUnder.matchesAtStart(words)
        } else if sentence.tableHeader != nil {
            inScope = sentence.tableHeaderWords.contains(where: { scope.tableHeaders.matchesAtStart($0) })
        } else {
            inScope = scope.cues.contains { sentence.matches($0) || $0.matches(sentence.leadInWords) }
        }
        return inScope ? Finding(indicator: indicator, value: .yes, cue: topic.source) : nil
    }

    /// Whether a negation (or one of `words`) stands before the match or inside it, in the same
    /// clause and within the window.
    func isNegated(_ match: CuePattern.Match, in sentence: ContextSentence, by words: PhraseList? = nil, window: Int? = nil) -> Bool {
        guard let span = negationSpan(match, in: sentence, window: window) else { return false }
        return (words ?? lexicon.negators).matches(Array(sentence.wordTexts[span]))
    }

    /// Whether the negation before the match denies a quality rather than the thing: a quality
    /// word stands between the negation and the cue ("does not provide sufficient analysis", "has
    /// not been sufficiently challenging of partners"). Such a sentence says neither that the
    /// arrangement is missing (`no` needs an explicit statement) nor that it works.
    func isQualified(_ match: CuePattern.Match, in sentence: ContextSentence, window: Int? = nil) -> Bool {
        guard !lexicon.negationQualities.isEmpty, let span = negationSpan(match, in: sentence, window: window) else { return false }
        let words = Array(sentence.wordTexts[span.lowerBound..<match.start])
        guard let (negator, at) = lexicon.negators.firstMatch(in: words) else { return false }
        return lexicon.negationQualities.matches(Array(words[min(words.count, at + negator.wordCount)...]))
    }

    /// The words from the start of the match's clause (at most `window` words before it) to its end.
    func negationSpan(_ match: CuePattern.Match, in sentence: ContextSentence, window: Int?) -> Range<Int>? {
        var start = max(0, match.start - (window ?? lexicon.negationWindow))
        // The scalars are made only for a sentence that is not all ASCII (where each byte is one).
        let ascii = sentence.text.withUTF8Bytes { bytes in bytes.isASCII }
        let scalars = ascii ? nil : Array(sentence.text.unicodeScalars)
        for index in stride(from: match.start, to: start, by: -1) where startsClause(index, in: sentence, scalars: scalars) {
            start = index
            break
        }
        guard start < match.end else { return nil }
        return start..<match.end
    }

    /// Whether a clause starts at word `index`: a semicolon, colon or spaced dash stands before it, or
    /// the word before it is a contrast word ("but", "yet").
    /// `scalars`: the sentence's text, as scalars (the words' offsets count them); nil for an
    /// all-ASCII sentence, read from its bytes.
    func startsClause(_ index: Int, in sentence: ContextSentence, scalars: [Unicode.Scalar]?) -> Bool {
        guard index > 0, index < sentence.words.count else { return index == 0 }
        let gap = sentence.words[index - 1].end..<sentence.words[index].start
        guard let scalars else {
            // No spaced dash is ASCII: a semicolon or colon, or the word before, decides.
            if sentence.text.withUTF8Bytes({ bytes in bytes.extracting(gap).contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") } }) { return true }
            return lexicon.clauseBreaks.matches([sentence.words[index - 1].text])
        }
        let betweenScalars = scalars[gap]
        // Between two words there is mostly an ASCII space or comma: each ASCII scalar is a
        // character of its own (but for CR LF, neither of them punctuation), and no spaced dash
        // is ASCII, so the test is made on the scalars without building a string.
        if betweenScalars.allSatisfy(\.isASCII) {
            if betweenScalars.contains(where: { $0 == ";" || $0 == ":" }) { return true }
            return lexicon.clauseBreaks.matches([sentence.words[index - 1].text])
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: betweenScalars)
        let between = String(view)
        // Foundation's search only where the bytes are there (nothing else is canonically
        // equivalent to a spaced dash).
        if between.contains(where: { ";:".contains($0) }) || between.containsBytes(" – ") && between.contains(" – ")
            || between.containsBytes(" — ") && between.contains(" — ") { return true }
        return lexicon.clauseBreaks.matches([sentence.words[index - 1].text])
    }
}
