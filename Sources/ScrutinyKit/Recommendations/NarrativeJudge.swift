/// Decides whether a sentence of running text judges something, and which way: a strength
/// ("Leaders have a clear understanding of …") or an area for improvement ("Too often, plans do
/// not …"). The deciding clause is the one after the last contrast ("X, but Y" is judged on Y;
/// "Although X, Y" on Y); in it a negative cue outweighs a positive one ("not consistently
/// effective"). The cues are `narrative:` in items.yml.
struct NarrativeJudge {
    let cues: NarrativeCues

    struct Verdict {
        var kind: Recommendation.Kind
        var cue: String
        var cueAt: Int
    }

    func judge(_ sentence: String, words: [String]) -> Verdict? {
        guard words.count >= 4, !sentence.hasSuffix(":"), !sentence.hasSuffix("?"),
              !cues.notFindings.matches(words) else { return nil }
        let clause = decidingClause(sentence, words: words)
        let deciding = Array(words[clause])
        if let negative = cues.negative.firstMatch(in: deciding) {
            return Verdict(kind: .areaForImprovement, cue: negative.phrase.source, cueAt: clause.lowerBound + negative.at)
        }
        if let positive = cues.positive.firstMatch(in: deciding) {
            return Verdict(kind: .strength, cue: positive.phrase.source, cueAt: clause.lowerBound + positive.at)
        }
        // The rest of the sentence may carry the only judgement ("Plans are clear, although brief").
        if let negative = cues.negative.firstMatch(in: words) {
            return Verdict(kind: .areaForImprovement, cue: negative.phrase.source, cueAt: negative.at)
        }
        if let positive = cues.positive.firstMatch(in: words) {
            return Verdict(kind: .strength, cue: positive.phrase.source, cueAt: positive.at)
        }
        return nil
    }
}

private extension NarrativeJudge {
    /// The words of the deciding clause. A contrast ("X, but Y", "However, Y") hands the decision
    /// to the words after it; a concession opening the sentence ("Although X, Y") to the clause
    /// after its comma; a concession inside it ("X, although Y") leaves it to the clause before.
    func decidingClause(_ sentence: String, words: [String]) -> Range<Int> {
        var start = 0
        var end = words.count
        for index in words.indices where index < end {
            let rest = Array(words[index...])
            if index > start, cues.contrasts.matchesAtStart(rest) {
                start = index + 1
            } else if cues.concessions.matchesAtStart(rest) {
                if index == 0 {
                    start = firstWordAfterComma(sentence, words: words) ?? 0
                } else if index > start {
                    end = index
                }
            }
        }
        return start < end ? start..<end : 0..<words.count
    }

    /// The index of the first word after the sentence's first comma.
    func firstWordAfterComma(_ sentence: String, words: [String]) -> Int? {
        guard let comma = sentence.firstIndex(of: ",") else { return nil }
        let before = WordTokenizer.words(String(sentence[..<comma])).count
        return before < words.count ? before : nil
    }
}
