/// Decides whether a sentence of prose is an item: it must ask for action (an obligation cue)
/// or commend, and must not be a quotation of guidance, a prediction, a legal duty described,
/// a statement of intent, or a remark about the report itself.
final class ProseJudge: Sendable {
    let rules: ItemRules
    /// The cues and openers of every subordinate clause, to pass by a sentence (or a word) that
    /// has none before looking clause by clause.
    private let subordinateCues: Set<String>
    private let subordinateOpeners: Set<String>
    /// The first bytes a cue of `subordinateCues` can start with: most words are passed by
    /// without hashing.
    private let subordinateCueInitials: FirstByteSet

    init(rules: ItemRules) {
        self.rules = rules
        subordinateCues = rules.subordinateClauses.reduce(into: []) { $0.formUnion($1.cues) }
        subordinateOpeners = rules.subordinateClauses.reduce(into: []) { $0.formUnion($1.openers) }
        subordinateCueInitials = FirstByteSet(subordinateCues)
    }

    /// Whether `word` is one of the cues of a subordinate clause.
    private func isSubordinateCue(_ word: String) -> Bool {
        guard let (first, _) = word.firstByteAndLength else { return subordinateCues.contains(word) }
        return subordinateCueInitials.mayStart(first) && subordinateCues.contains(word)
    }

    struct Verdict {
        var kind: Recommendation.Kind
        var strength: Recommendation.Strength?
        var cue: String
        /// Index of the word where the cue starts.
        var cueAt: Int
        /// A request is explicit, and so is a sentence that commends in so many words ("we
        /// commend", "is to be commended"): a strength the author states outright, reported with
        /// or without `--narrative` (narrative findings are only judged, and only with it).
        var form: Recommendation.Form = .explicit
        /// A procedural decision said again in the body, or put to the committee ("it is
        /// recommended that …", "Members are asked to note …", "To note …"): it merges into a like
        /// decision already found. A resolution ("That …", "The report be noted.") stands alone.
        var restated = false
    }

    /// `words`: the sentence's words, when already made (they are used where no quotation or web
    /// address was taken out).
    func judge(_ sentence: String, words sentenceWords: [String]? = nil) -> Verdict? {
        let unquoted = Self.removingQuotedTitles(sentence)
        let words = (unquoted == sentence ? sentenceWords : nil) ?? WordTokenizer.words(unquoted).map(\.text)
        guard !words.isEmpty, !sentence.hasSuffix(":") else { return nil }
        // "What does the local authority need to improve?" is a heading (here an entry of a
        // contents page read as text), not a request.
        if sentence.hasSuffix("?"), rules.questionOpeners.matchesAtStart(words) { return nil }
        if rules.meetingHousekeeping.matches(words) { return nil }
        if let procedural = proceduralVerdict(sentence, words: words) { return procedural }
        // Only a cue below makes an item; most sentences hold none, and need no test of what would
        // unmake one.
        guard rules.itemCues.matches(words) else { return nil }
        if rules.notItems.matches(words) { return nil }
        if isQuotation(sentence, words: words) { return nil }
        // "Child in need planning requires improvement": said of a practice, a call to improve it.
        if rules.improvementFindings.matches(words), let finding = rules.improvementFindings.firstMatch(in: rules.withoutFalseCues(words)) {
            return Verdict(kind: .recommendation, strength: .should, cue: finding.phrase.source, cueAt: finding.at)
        }
        if let obligation = requestOutsideConcession(unquoted, words: words) {
            return Verdict(kind: .recommendation, strength: obligation.strength, cue: obligation.cue, cueAt: obligation.at)
        }
        if let commend = rules.strengthVerbs.firstMatch(in: words) {
            return Verdict(kind: .strength, strength: nil, cue: commend.phrase.source, cueAt: commend.at)
        }
        return nil
    }

    /// The obligation that asks for something, if the sentence asks at all. In a sentence opened by a concession ("While
    /// leaders know there is scope for X, children receive good services") the clause after the
    /// comma is the judgement, so an obligation only in the conceded clause asks for nothing.
    func requestOutsideConcession(_ sentence: String, words: [String]) -> (strength: Recommendation.Strength, cue: String, at: Int)? {
        let words = withoutSubordinateCues(sentence, words: words)
        // "For example, …" illustrates a finding; it asks for nothing.
        guard !rules.exampleOpeners.matchesAtStart(words), let obligation = rules.obligationStrength(words) else { return nil }
        guard rules.narrative.concessions.matchesAtStart(words), let comma = sentence.firstIndex(of: ",") else { return obligation }
        let conceded = WordTokenizer.words(String(sentence[..<comma])).count
        guard obligation.at < conceded, conceded < words.count else { return obligation }
        guard let main = rules.obligationStrength(Array(words[conceded...])) else { return nil }
        return (main.strength, main.cue, conceded + main.at)
    }

    /// The words with every cue that stands inside a subordinate clause blanked ("prevent needs
    /// rising to levels when social workers should intervene", "waits when an interpreter is
    /// required"): the clause opens after the sentence's first word, and no comma, semicolon or
    /// colon stands between its opener and the cue. A clause that opens the sentence is its
    /// condition, and describes only where a comma ends it within `conditionTail` words after the
    /// cue ("When respite is needed, short breaks follow", "When children need to come into care,
    /// …"): "When children go missing they should be offered…" asks. Some clauses describe only
    /// after a word of knowing ("understand the actions that need to be taken"), or only at the
    /// start (`ItemRules.SubordinateClause`). `words` are the sentence's words in order.
    func withoutSubordinateCues(_ sentence: String, words: [String]) -> [String] {
        guard words.contains(where: { isSubordinateCue($0) }) else { return words }
        let placed = WordTokenizer.words(sentence)
        guard placed.count == words.count else { return words }
        let scalars = Array(sentence.unicodeScalars)
        func punctuation(_ range: Range<Int>) -> Bool {
            scalars[range].contains(where: { $0 == "," || $0 == ";" || $0 == ":" })
        }
        var result = words
        for (index, word) in words.enumerated() where subordinateOpeners.contains(word) {
            let clauses = rules.subordinateClauses.filter { clause in
                guard clause.openers.contains(word) else { return false }
                if clause.adjacent, index == 0 { return false }
                if clause.atStartOnly, index > 0 { return false }
                if index > 0, clause.unlessPrecededBy.contains(words[index - 1]) { return false }
                if !clause.onlyAfter.isEmpty, index == 0 || !clause.onlyAfter.contains(words[index - 1]) { return false }
                if clause.notAfterComma, index > 0, scalars[placed[index - 1].end..<placed[index].start].contains(",") { return false }
                if clause.afterKnowing, !knowing(clause.knowing ?? rules.knowingWords, before: index, words: words, placed: placed, scalars: scalars) {
                    return false
                }
                return true
            }
            guard !clauses.isEmpty else { continue }
            let window = clauses.map { $0.window ?? rules.subordinateClauseWindow }.max() ?? rules.subordinateClauseWindow
            // Whether the words between the opener and `cue` stay in one clause for `clause`: no
            // comma, semicolon or colon, or (for a clause with `across` words) only commas each
            // followed by one of them.
            func inOneClause(_ clause: ItemRules.SubordinateClause, to cue: Int) -> Bool {
                guard punctuation(placed[index].end..<placed[cue].start) else { return true }
                guard !clause.across.isEmpty else { return false }
                return (index..<cue).allSatisfy { word in
                    let gap = scalars[placed[word].end..<placed[word + 1].start]
                    if gap.contains(where: { $0 == ";" || $0 == ":" }) { return false }
                    return !gap.contains(",") || clause.across.contains(words[word + 1])
                }
            }
            for cue in (index + 1)..<min(words.count, index + 1 + window) {
                if !clauses.contains(where: { inOneClause($0, to: cue) }) { break }
                func followedBy(_ phrase: String) -> Bool {
                    let parts = phrase.split(separator: " ").map(String.init)
                    return cue + parts.count < words.count && Array(words[(cue + 1)...(cue + parts.count)]) == parts
                }
                guard clauses.contains(where: { $0.cues.contains(words[cue]) && inOneClause($0, to: cue) && !$0.unlessFollowedBy.contains(where: followedBy)
                    && (!$0.adjacent || words[(index + 1)..<cue].allSatisfy(rules.transparentAdverbs.contains))
                    && cue - index <= ($0.window ?? rules.subordinateClauseWindow) }) else { continue }
                // At the start, the cue is the condition's when the clause ends at a comma within
                // a few words after it ("When children need to come into care, …").
                let clauseEnd = min(words.count - 1, cue + Self.conditionTail)
                if index > 0 || (cue < clauseEnd && scalars[placed[cue].end..<placed[clauseEnd].start].contains(",")) {
                    result[cue] = "\u{0}"
                }
                // A condition that opens the sentence runs on to its end ("If children's needs
                // change, or new information indicates that a different response is required, …"
                // holds two cues); inside a sentence a clause holds the first cue only.
                if index > 0 { break }
            }
        }
        return result
    }

    /// How many words after its cue a condition that opens a sentence may run before its comma.
    static let conditionTail = 5

    /// Whether a word of knowing or describing stands before word `index`, within
    /// `knowingWindow` words and the same clause (no comma, semicolon or colon between).
    func knowing(_ knowingWords: PhraseList, before index: Int, words: [String], placed: [Word], scalars: [Unicode.Scalar]) -> Bool {
        var start = index
        while start > 0, index - start < rules.knowingWindow,
              !scalars[placed[start - 1].end..<placed[start].start].contains(where: { $0 == "," || $0 == ";" || $0 == ":" }) {
            start -= 1
        }
        return knowingWords.matches(Array(words[start..<index]))
    }

    /// Removes quoted spans: a title quoted ("What needs to improve?") asks for nothing, and
    /// words quoted from someone else (the chair's 'more work is required to …', a young person's
    /// "…") are what they said, reported, not the writer's request. The readers make every quote
    /// mark straight; a single quote opens a quotation only after a space or bracket and before
    /// a letter, and closes it only before a space or punctuation, so apostrophes ("children's")
    /// stay. A quotation left open keeps its words.
    static func removingQuotedTitles(_ sentence: String) -> String {
        let sentence = withoutAddresses(sentence)
        guard mayHoldQuotation(sentence) else { return sentence }
        // The end of a quotation begun in an earlier sentence: a lone double quote followed only
        // by its attribution ("… in isolation\" (Partner 26).") closes a quotation; the words
        // before it are someone else's.
        if sentence.filter({ $0 == "\"" }).count == 1, let close = sentence.lastIndex(of: "\""),
           close > sentence.startIndex, !sentence[sentence.index(before: close)].isWhitespace,
           sentence.index(after: close) == sentence.endIndex || !sentence[sentence.index(after: close)].isLetter,
           WordTokenizer.words(String(sentence[sentence.index(after: close)...])).count <= 4,
           WordTokenizer.words(String(sentence[..<close])).count > 4 {
            return String(sentence[sentence.index(after: close)...])
        }
        let characters = Array(sentence)
        var output = ""
        var quoted = ""
        var closer: Character?
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : " "
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if let open = closer {
                if character == open, open == "\"" || (!next.isLetter && !next.isNumber && !previous.isWhitespace) {
                    closer = nil
                    quoted = ""
                } else {
                    quoted.append(character)
                }
            } else if character == "\"" {
                closer = "\""
            } else if character == "'", previous.isWhitespace || previous == "(" || index == 0, next.isLetter || next.isNumber {
                closer = "'"
            } else {
                output.append(character)
            }
        }
        return output + quoted
    }

    /// False where the sentence surely holds no quotation, read as bytes: no double quote, and no
    /// single quote after a space, a bracket or nothing (an apostrophe comes after a letter). Any
    /// other byte before a single quote (one of a multi-byte character) leaves the question to
    /// ``removingQuotedTitles(_:)``, which reads characters.
    static func mayHoldQuotation(_ sentence: String) -> Bool {
        // Read as one buffer of bytes (the view's iteration was most of this test's cost).
        sentence.withUTF8Bytes { bytes in
            var previous: UInt8?
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == 0x22 { return true }
                if byte == 0x27 {
                    guard let before = previous, before < 0x80 else { return true }
                    switch before {
                    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x28: return true
                    default: break
                    }
                }
                previous = byte
            }
            return false
        }
    }

    /// The sentence without web addresses ("https://…/safeguarding-system-needs-to-…"): their
    /// words are a name, not the writer's.
    static func withoutAddresses(_ sentence: String) -> String {
        // Foundation's search only where the bytes are there: nothing else is canonically
        // equivalent to these ASCII characters.
        guard sentence.containsBytes("://") && sentence.contains("://") || sentence.containsBytes("www.") && sentence.contains("www.")
        else { return sentence }
        return sentence.split(separator: " ", omittingEmptySubsequences: false)
            .filter { !$0.contains("://") && !$0.hasPrefix("www.") && !$0.hasPrefix("<www.") }
            .joined(separator: " ")
    }

    /// "That Cabinet note ...", "That the outcomes ... be recommended for consideration by Full Council".
    func proceduralVerdict(_ text: String, words: [String]) -> Verdict? {
        if let restated = rules.proceduralRestated.firstMatch(in: words) {
            let rest = Array(words[restated.at...])
            if rules.proceduralBodies.matches(rest), rules.proceduralDecisions.matches(rest) {
                return Verdict(kind: .procedural, strength: nil, cue: restated.phrase.source, cueAt: restated.at, restated: true)
            }
        }
        if let request = rules.proceduralRequests.firstMatch(in: words) {
            return Verdict(kind: .procedural, strength: nil, cue: request.phrase.source, cueAt: request.at, restated: true)
        }
        // "The Cabinet noted the comments of …": the body first, then what it did with the paper.
        if let body = rules.proceduralBodies.longest(in: words, at: 0),
           let recorded = rules.proceduralRecorded.longest(in: words, at: body.wordCount) {
            return Verdict(kind: .procedural, strength: nil, cue: recorded.source, cueAt: body.wordCount)
        }
        if let opening = rules.proceduralOpenings.longest(in: words, at: 0) {
            return Verdict(kind: .procedural, strength: nil, cue: opening.source, cueAt: 0, restated: true)
        }
        // "RESOLVED – (1) That …": the minute's word and its number stand before the opening.
        let preamble = words.prefix(3).prefix { rules.proceduralPreambles.contains($0) || $0.allSatisfy(\.isNumber) }.count
        let opened = Array(words.dropFirst(preamble))
        if opened.first == rules.proceduralOpening, text.first(where: \.isLetter)?.isUppercase == true, opened.count > 3,
           !rules.proceduralNotAfterOpening.contains(opened[1]) {
            let afterOpening = Array(opened.dropFirst())
            if rules.proceduralBodies.matchesAtStart(afterOpening) || rules.proceduralBodies.matches(afterOpening)
                || rules.proceduralResolutions.matches(afterOpening) {
                return Verdict(kind: .procedural, strength: nil, cue: rules.proceduralOpening, cueAt: preamble)
            }
        }
        // "1. The annual report be noted.": a resolution's verb in the bare subjunctive, after its
        // subject rather than after a modal ("should be noted") or "to" (session 23's audit).
        if !rules.proceduralNotSubjunctive.isEmpty, let resolution = rules.proceduralResolutions.firstMatch(in: words),
           resolution.at > 1, !rules.proceduralNotSubjunctive.contains(words[resolution.at - 1]) {
            return Verdict(kind: .procedural, strength: nil, cue: resolution.phrase.source, cueAt: resolution.at)
        }
        return nil
    }

    /// A sentence that quotes or paraphrases guidance: a quotation cue with one of
    /// `quotation_verbs` or quote marks.
    func isQuotation(_ sentence: String, words: [String]) -> Bool {
        guard rules.quotationCues.matches(words) else { return false }
        return words.contains(where: { rules.quotationVerbs.contains($0) }) || Self.opensAQuotation(sentence) || sentence.contains(":")
    }

    /// Whether a quotation opens in `sentence`: a double mark anywhere, or a single one at a word's
    /// start. An apostrophe inside a word is none ("agenda's": a scrutineer's own praise, with
    /// "WT18" in a bracket, had been taken for a quotation of it; session 42).
    static func opensAQuotation(_ sentence: String) -> Bool {
        var previous: Character = " "
        for character in sentence {
            if character == "\"" || character == "\u{201C}" || character == "\u{201D}" { return true }
            if character == "'" || character == "\u{2018}", previous.isWhitespace || "([-\u{2013}\u{2014}".contains(previous) { return true }
            previous = character
        }
        return false
    }
}
