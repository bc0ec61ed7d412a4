import Foundation

/// A pasted list's lines, one at a time: items given on their own, and headings among them.
public extension RecommendationFinder {
    /// One recommendation given on its own (a line of a scrutineer's list), with its strength and
    /// actor found as they would be in a document.
    ///
    /// Its kind is the one the heading above it announced (`announced`: "Strengths:" then its
    /// lines); failing that, a line that asks nothing (no obligation, no imperative opening) and
    /// judges something ("The partnership has a strong and visible leadership") is a strength or an
    /// area for improvement, as a sentence of an inspection report would be; every other line is a
    /// recommendation (session 28's user audit: praise pasted among the lines came out as one).
    /// `listed`: the line is an entry of a list (marked, or under a heading), so its form is
    /// `listed`; else `explicit`, as a sentence outside a list.
    func recommendation(line text: String, id: String, document: String, announced: Recommendation.Kind? = nil,
                        listed: Bool = false) -> Recommendation {
        let words = WordTokenizer.words(text).map(\.text)
        let obligation = rules.obligationStrength(words)
        var kind = announced.map { $0 == .procedural ? .recommendation : $0 } ?? .recommendation
        // A committee's decision ("That the report be noted.") is procedural, as in a document's
        // minutes (session 46's re-audit: it was a recommendation graded should).
        if announced == nil || announced == .procedural, ProseJudge(rules: rules).proceduralVerdict(text, words: words)?.kind == .procedural {
            kind = .procedural
        }
        // Under a committee's heading ("Resolved:", "Recommendations to the Board") a line opening
        // "That" with no obligation is its decision ("That Health confirms its attendance …").
        if announced == .procedural, obligation == nil, words.first?.lowercased() == rules.proceduralOpening {
            kind = .procedural
        }
        // A request in note form ("Police attendance at strategy meetings to improve") asks, as an
        // imperative does: not judged a strength (session 45's re-audit).
        if announced == nil, kind != .procedural, obligation == nil, words.first.map(rules.pasted.imperatives.contains) != true,
           !rules.pasted.asksInNoteForm(words.map { $0.lowercased() }),
           let finding = NarrativeJudge(cues: rules.narrative, documentType: "inspection-report").judge(text, words: words) {
            kind = finding.kind
        }
        return Recommendation(id: id, document: document, kind: kind, form: listed ? .listed : .explicit, text: text, section: "",
                              strength: kind == .recommendation ? obligation?.strength ?? rules.pasted.unstatedGrade(words, text: text) : nil,
                              actor: ActorFinder(rules: rules).actor(in: text, cueAt: obligation?.at),
                              cue: obligation?.cue ?? "line", locations: [])
    }

    /// Whether a line given on its own is a heading that announces items ("Recommendations",
    /// "Areas for improvement:") rather than an item: a pasted list often starts with one.
    func isHeading(line text: String) -> Bool {
        let words = WordTokenizer.words(text).map(\.text)
        // A question may head a list ("What's working well?", Signs of Safety's); a sentence may not.
        guard !words.isEmpty, words.count <= 6, text.last.map({ ".!".contains($0) }) != true else { return false }
        return rules.sectionKind(words, atStart: true) != nil && rules.obligationStrength(words) == nil
    }
}
