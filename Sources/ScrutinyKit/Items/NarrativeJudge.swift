/// Decides whether a sentence of running text judges something, and which way: a strength
/// ("Leaders have a clear understanding of …") or an area for improvement ("Too often, plans do
/// not …"). A condition is set aside ("When risks escalate, …"); the deciding clause is the one
/// after the last contrast ("X, but Y" is judged on Y; "Although X, Y" on Y; "X, although Y" on
/// X). In it a shrinking problem is a strength ("turnover has fallen"), and a negative cue
/// outweighs a positive one ("not consistently effective"); failing both, the rest of the main
/// clause decides. The cues are `narrative:` in items.yml.
struct NarrativeJudge {
    let cues: NarrativeCues
    /// Whether the weak cues judge on their own in this document (``NarrativeCues/weakCuesJudge(in:)``).
    let weakCuesJudge: Bool

    init(cues: NarrativeCues, documentType: String? = nil) {
        self.cues = cues
        weakCuesJudge = cues.weakCuesJudge(in: documentType)
    }

    struct Verdict {
        var kind: Recommendation.Kind
        var cue: String
        var cueAt: Int
    }

    func judge(_ sentence: String, words: [String]) -> Verdict? {
        guard words.count >= 4, !sentence.hasSuffix(":"), !sentence.hasSuffix("?"),
              !cues.instructions.contains(words[0]), !cues.aims.matchesAtStart(words), !cues.notFindings.matches(words),
              !cues.meetingHousekeeping.matches(words) else { return nil }
        // Where each word stands in the sentence, placed once for the filters that read the
        // sentence around its words (capitals, punctuation, quotation marks).
        let placed = PlacedWords(sentence, wordCount: words.count)
        if isGradeLabel(sentence, words: words, placed: placed) { return nil }
        if cues.priorityOpenings.matchesAtStart(words), !SentenceSplitter.endsAsSentence(sentence) { return nil }
        var words = withoutNeutralPhrases(words)
        if namesFindingsOnly(words) { return nil }
        if let placed {
            words = withoutEmbeddedQuestions(words, placed: placed)
            words = withoutEnsuredClauses(words, placed: placed)
            words = withoutFalseNegations(words, placed: placed)
            words = withoutNames(words, placed: placed)
            words = withoutQuotedGrades(sentence, words: words, placed: placed)
        }
        words = withoutReportedGrades(words)
        words = withoutProspectiveChange(words)
        // Outside inspections a sentence whose only cues are weak ones describes ("Partners were
        // informed of the changes"); beside a stronger cue they judge as anywhere ("concerned by
        // the lack of …, however pleased with the progress made" is judged on "progress").
        if !weakCuesJudge, !cues.strongPositive.matches(words), !cues.negative.matches(words),
           !cues.improvingTrends.matches(words) { return nil }
        guard let main = mainClause(sentence, words: words) else { return nil }
        let clause = decidingClause(sentence, words: words, within: main)
        for range in [clause, main] {
            let deciding = Array(words[range])
            let negative = cues.negative.firstMatch(in: deciding)
            // A longer fault that holds the trend's words is the fault: "have fallen short" is no
            // "have fallen" (while "no" stays within "no delay", which is the trend).
            if let trend = cues.improvingTrends.firstMatch(in: deciding),
               negative.map({ $0.at <= trend.at && $0.at + $0.phrase.wordCount >= trend.at + trend.phrase.wordCount
                   && $0.phrase.wordCount > trend.phrase.wordCount }) != true {
                return Verdict(kind: .strength, cue: trend.phrase.source, cueAt: range.lowerBound + trend.at)
            }
            if let negative {
                return Verdict(kind: .areaForImprovement, cue: negative.phrase.source, cueAt: range.lowerBound + negative.at)
            }
            if let positive = cues.positive.firstMatch(in: deciding) {
                return Verdict(kind: .strength, cue: positive.phrase.source, cueAt: range.lowerBound + positive.at)
            }
        }
        return nil
    }
}

private extension NarrativeJudge {
    /// Whether the words name findings of both kinds (``NarrativeCues/namedStrengths``,
    /// ``NarrativeCues/namedWeaknesses``) without saying where each lies: "found strengths in early
    /// help, but weaknesses in the quality of plans" states both, and is judged.
    func namesFindingsOnly(_ words: [String]) -> Bool {
        guard let strengths = cues.namedStrengths.firstSpan(in: words),
              let weaknesses = cues.namedWeaknesses.firstSpan(in: words) else { return false }
        func placed(_ range: Range<Int>) -> Bool { range.upperBound < words.count && words[range.upperBound] == "in" }
        return !(placed(strengths.range) && placed(weaknesses.range))
    }

    /// A row of a table of judgements set out as text: no full stop, and a capitalised grade at
    /// the end after other words ("Children who need help and protection Requires improvement").
    /// "Attendance at the board is good" (a bullet without its full stop) still judges.
    func isGradeLabel(_ sentence: String, words: [String], placed: PlacedWords?) -> Bool {
        guard !sentence.hasSuffix("."), let at = cues.gradeLabels.matchAtEnd(words), at > 0 else { return false }
        return placed?.isCapitalised(at) == true
    }

    /// The words of an embedded question blanked, from its opening to the end of its clause (the
    /// next comma, semicolon or colon, or a contrast: "lacked clarity about how carers will meet
    /// children's needs but the reports are of good quality" is judged on its last clause). "The
    /// role of the scrutineer is to ask questions about how well services are safeguarding
    /// children" says nothing of how well they do (session 25's audit: a scrutineer's role
    /// described on a partnership's page was a strength).
    func withoutEmbeddedQuestions(_ words: [String], placed: PlacedWords) -> [String] {
        guard let match = cues.embeddedQuestions.firstMatch(in: words) else { return words }
        return blankingClause(words, from: match.at, placed: placed)
    }

    /// The words after each opening of what is made sure of blanked, to the end of its clause:
    /// "Child protection chairs … ensure that drift and delay do not occur" and "The early help
    /// hub ensures that children who do not require statutory services get the right help" say
    /// what is secured, and were areas for improvement on their "not" (session 40: 8 such
    /// sentences of the tuning documents). The opening's own verb still judges, and a negation
    /// before it still counts ("has not ensured that …").
    func withoutEnsuredClauses(_ words: [String], placed: PlacedWords) -> [String] {
        var words = words
        var start = 0
        while start < words.count, let match = cues.ensuredClauses.firstMatch(in: Array(words[start...])) {
            let end = start + match.at + match.phrase.wordCount
            guard end < words.count else { break }
            words = blankingClause(words, from: end, placed: placed)
            start = end
        }
        return words
    }

    /// `words` blanked from `start` to the end of its clause: the next comma, semicolon or colon,
    /// or a contrast.
    func blankingClause(_ words: [String], from start: Int, placed: PlacedWords) -> [String] {
        var words = words
        for index in start..<words.count {
            words[index] = "\u{0}"
            guard index + 1 < words.count else { break }
            if placed.between(index, index + 1).contains(where: { ",;:".unicodeScalars.contains($0) })
                || cues.contrasts.matchesAtStart(Array(words[(index + 1)...])) { break }
        }
        return words
    }

    /// The words of two cues that negate nothing blanked: "No." before a number numbers a paper
    /// ("Report No. 185/2017 from the Independent Chair …"), and a "too" that ends its clause means
    /// "also" ("Our partnership working has become much stronger too, allowing …"); "No child
    /// waited" and "too slow" still weigh. Session 25's audits.
    func withoutFalseNegations(_ words: [String], placed: PlacedWords) -> [String] {
        guard words.contains("no") || words.contains("too") else { return words }
        var words = words
        for index in words.indices {
            let isLast = index + 1 == words.count
            let after = placed.after(index)
            switch words[index] {
            case "no" where !isLast && after.first == "." && placed.words[index + 1].text.first?.isNumber == true:
                words[index] = "\u{0}"
            case "too" where isLast || after.contains(where: { ",;:.!?".unicodeScalars.contains($0) }):
                words[index] = "\u{0}"
            default:
                break
            }
        }
        return words
    }

    /// The words with every name blanked: two or more capitalised words together after the
    /// sentence's first ("the Principal Investigator", "the Safeguarding Improvement Board") name
    /// a role or a body, and judge nothing ("improv*" and "invest*" in them are no cues). A
    /// capitalised second word after a capitalised first is a name's too ("Ryan Swift, research
    /// fellow at …" was praise for "swift*": session 33's blind audit); the first word stays.
    func withoutNames(_ words: [String], placed: PlacedWords) -> [String] {
        guard words.count > 2 else { return words }
        var capitalised = words.indices.map(placed.isCapitalised)
        // A possessive's "s" goes on with the name it follows ("the Young People's Trust": the
        // tokenizer ends a word at the apostrophe, and "Trust" was praise for "trust*").
        for index in words.indices.dropFirst() where words[index] == "s" && capitalised[index - 1]
            && placed.between(index - 1, index).allSatisfy({ $0 == "'" || $0 == "\u{2019}" }) {
            capitalised[index] = true
        }
        var words = words
        for index in capitalised.indices where capitalised[index] {
            let before = index > 1 ? capitalised[index - 1] : index == 1 && placed.startsUppercase(0)
            let after = index + 1 < capitalised.count && capitalised[index + 1]
            if before || after { words[index] = "\u{0}" }
        }
        return words
    }

    /// The words with every grade in quotation marks blanked ("rated 'good' overall", "maintained
    /// its 'outstanding' judgement", "still \"requires improvement\""): a grade reported by a page
    /// or a paper, not its own judgement; the rest of the sentence decides (session 23's audits of
    /// news and papers on inspections). Inspectors' own letters do not quote their grades.
    func withoutQuotedGrades(_ sentence: String, words: [String], placed: PlacedWords) -> [String] {
        let quotes = QuotationMarks.all
        let scalars = placed.scalars
        guard scalars.contains(where: quotes.contains) else { return words }
        var result = words, remaining = words
        while let grade = cues.gradeLabels.firstMatch(in: remaining) {
            let last = grade.at + grade.phrase.wordCount - 1
            for index in grade.at...last { remaining[index] = "\u{0}" }
            let start = placed.words[grade.at].start, end = placed.words[last].end
            if start > 0, quotes.contains(scalars[start - 1]), end < scalars.count, quotes.contains(scalars[end]) {
                for index in grade.at...last { result[index] = "\u{0}" }
            }
        }
        return result
    }

    /// The words with every reported grade blanked: a grade after a verb that reports one ("Ofsted
    /// rated the council as requiring improvement", "has been deemed inadequate") or before a
    /// noun that names one ("improved to a good Ofsted rating") is a label, not the sentence's
    /// own judgement; the rest of the sentence decides (session 26's audits of news and minutes
    /// on inspections).
    func withoutReportedGrades(_ words: [String]) -> [String] {
        guard !cues.gradeVerbs.isEmpty || !cues.gradeNouns.isEmpty else { return words }
        var result = words, remaining = words
        while let grade = cues.gradeLabels.firstMatch(in: remaining) {
            let end = grade.at + grade.phrase.wordCount
            for index in grade.at..<end { remaining[index] = "\u{0}" }
            let ofObject = grade.at >= 2 && words[grade.at - 2] == "to" && words[grade.at - 1] == "be" || grade.at >= 1 && words[grade.at - 1] == "as"
            let window = ofObject ? max(cues.gradeWindow, cues.gradeObjectWindow) : cues.gradeWindow
            let before = Array(words[max(0, grade.at - window)..<grade.at])
            let after = Array(words[end..<min(words.count, end + 2)])
            if cues.gradeVerbs.matches(before) || cues.gradeNouns.matches(after) {
                for index in grade.at..<end { result[index] = "\u{0}" }
            }
        }
        return result
    }

    /// The words with every cue of change to come blanked: "improv*" within a few words after
    /// "will", "would" or "pledged", or right before one ("will help improve the situation",
    /// "improvements would need to follow"), hopes or plans, and finds nothing (session 33's blind
    /// audit: nine such sentences were strengths).
    func withoutProspectiveChange(_ words: [String]) -> [String] {
        guard !cues.prospectiveMarkers.isEmpty else { return words }
        var result = words, remaining = words
        while let cue = cues.prospectiveCues.firstMatch(in: remaining) {
            let end = cue.at + cue.phrase.wordCount
            for index in cue.at..<end { remaining[index] = "\u{0}" }
            let before = Array(words[max(0, cue.at - cues.prospectiveWindow)..<cue.at])
            let after = Array(words[end..<min(words.count, end + cues.prospectiveWindowAfter)])
            if cues.prospectiveMarkers.matches(before) || cues.prospectiveMarkers.matchesAtStart(after) {
                for index in cue.at..<end { result[index] = "\u{0}" }
            }
        }
        return result
    }

    /// The words with every neutral phrase blanked ("leaders know the strengths and weaknesses
    /// of their services" judges by what is left).
    func withoutNeutralPhrases(_ words: [String]) -> [String] {
        guard !cues.neutral.isEmpty else { return words }
        var words = words
        while let neutral = cues.neutral.firstMatch(in: words) {
            for index in neutral.at..<min(words.count, neutral.at + neutral.phrase.wordCount) { words[index] = "\u{0}" }
        }
        return words
    }

    /// The words outside a condition or a purpose: "When risks escalate, plans are reviewed" is
    /// judged on the words after the comma, "Children come into care when they cannot remain at
    /// home" on the words before "when"; "To scrutinise the delivery of improvements" (a purpose
    /// with no clause after it) has none, and judges nothing.
    func mainClause(_ sentence: String, words: [String]) -> Range<Int>? {
        if cues.purposes.matchesAtStart(words), !cues.notPurposes.matchesAtStart(words) {
            return firstWordAfterComma(sentence, words: words).map { $0..<words.count }
        }
        if cues.conditions.matchesAtStart(words), let comma = firstWordAfterComma(sentence, words: words) {
            return comma..<words.count
        }
        let cut = words.indices.dropFirst().first {
            cues.conditions.matchesAtStart(Array(words[$0...])) && !opensWhatWasFound(sentence, words: words, at: $0)
        }
        return 0..<(cut ?? words.count)
    }

    /// Whether the "where" at `index` opens what was found: right after one of `conditionNouns`,
    /// with no comma between ("found cases where visits were overdue"); "those cases, where they
    /// consider it appropriate" is a condition still.
    func opensWhatWasFound(_ sentence: String, words: [String], at index: Int) -> Bool {
        guard words[index] == "where", cues.conditionNouns.contains(words[index - 1]) else { return false }
        let placed = WordTokenizer.words(sentence)
        guard placed.count == words.count else { return false }
        let scalars = Array(sentence.unicodeScalars)
        return !scalars[placed[index - 1].end..<placed[index].start].contains(",")
    }

    /// The words of the deciding clause within `main`. A contrast ("X, but Y", "However, Y")
    /// hands the decision to the words after it; a concession opening the sentence ("Although X,
    /// Y") to the clause after its comma; a concession inside it ("X, although Y") leaves it to
    /// the clause before.
    func decidingClause(_ sentence: String, words: [String], within main: Range<Int>) -> Range<Int> {
        var start = main.lowerBound
        var end = main.upperBound
        for index in main where index < end {
            let rest = Array(words[index...])
            if index > start, cues.contrasts.matchesAtStart(rest) {
                start = index + 1
            } else if cues.concessions.matchesAtStart(rest) {
                if index == 0 {
                    start = max(start, firstWordAfterComma(sentence, words: words) ?? 0)
                } else if index > start {
                    end = index
                }
            }
        }
        return start < end ? start..<end : main
    }

    /// The index of the first word after the sentence's first comma.
    func firstWordAfterComma(_ sentence: String, words: [String]) -> Int? {
        guard let comma = sentence.firstIndex(of: ",") else { return nil }
        let before = WordTokenizer.words(String(sentence[..<comma])).count
        return before < words.count ? before : nil
    }
}

/// A sentence's words with where each stands in it (the tokenizer lower-cases words and drops
/// what lies between them: capitals, punctuation and quotation marks are read from the sentence
/// at the words' offsets).
private struct PlacedWords {
    let words: [Word]
    let scalars: [Unicode.Scalar]

    /// Nil when the sentence does not have `wordCount` words (then the filters that read around
    /// words leave them as they are).
    init?(_ sentence: String, wordCount: Int) {
        words = WordTokenizer.words(sentence)
        guard words.count == wordCount else { return nil }
        scalars = Array(sentence.unicodeScalars)
    }

    /// Whether word `index`, after the first, starts with a capital letter.
    func isCapitalised(_ index: Int) -> Bool {
        index > 0 && words[index].start < scalars.count && scalars[words[index].start].properties.isUppercase
    }

    /// Whether word `index` starts with a capital letter (the first too).
    func startsUppercase(_ index: Int) -> Bool {
        words[index].start < scalars.count && scalars[words[index].start].properties.isUppercase
    }

    /// What stands between words `first` and `second`.
    func between(_ first: Int, _ second: Int) -> ArraySlice<Unicode.Scalar> {
        scalars[words[first].end..<words[second].start]
    }

    /// What stands after word `index`, up to the next word or the end of the sentence.
    func after(_ index: Int) -> ArraySlice<Unicode.Scalar> {
        index + 1 < words.count ? between(index, index + 1) : scalars[words[index].end...]
    }
}
