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
        let start = decidingClauseStart(sentence, words: words)
        let clause = Array(words[start...])
        if let negative = cues.negative.firstMatch(in: clause) {
            return Verdict(kind: .areaForImprovement, cue: negative.phrase.source, cueAt: start + negative.at)
        }
        if let positive = cues.positive.firstMatch(in: clause) {
            return Verdict(kind: .strength, cue: positive.phrase.source, cueAt: start + positive.at)
        }
        // A clause before the contrast may carry the only judgement ("Plans are clear, although brief").
        if start > 0, let positive = cues.positive.firstMatch(in: Array(words[..<start])) {
            return Verdict(kind: .strength, cue: positive.phrase.source, cueAt: positive.at)
        }
        return nil
    }
}

private extension NarrativeJudge {
    /// The index of the first word of the deciding clause. A contrast opening the sentence
    /// ("Although X, Y") hands the decision to the clause after its comma; one inside it
    /// ("X, but Y") to the words after it.
    func decidingClauseStart(_ sentence: String, words: [String]) -> Int {
        var start = 0
        for index in words.indices where cues.contrasts.matchesAtStart(Array(words[index...])) {
            if index == 0 {
                start = firstWordAfterComma(sentence, words: words) ?? 0
            } else if index > start {
                start = index
            }
        }
        return min(start, max(0, words.count - 1))
    }

    /// The index of the first word after the sentence's first comma.
    func firstWordAfterComma(_ sentence: String, words: [String]) -> Int? {
        guard let comma = sentence.firstIndex(of: ",") else { return nil }
        let before = WordTokenizer.words(String(sentence[..<comma])).count
        return before < words.count ? before : nil
    }
}
