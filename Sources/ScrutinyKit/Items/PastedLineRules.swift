import Foundation

/// The cues of `pasted_lines` in `lexicons/items.yml`: what a pasted list holds besides its items.
public struct PastedLineRules: Sendable {
    /// A short line that opens with one ("Hi all,", "Dear colleagues") is a greeting.
    public var greetings: PhraseList
    /// A short line that opens with one ("Kind regards,", "Sent from my iPhone") ends the list.
    public var signOffs: PhraseList
    /// A short line that opens with one and has a number ("Page 4 of 12") is page furniture.
    public var furniture: PhraseList
    /// A line that opens with one ("Please find below my recommendations …") announces the list:
    /// a lead-in, however it ends, never an item.
    public var announcements: PhraseList = PhraseList([])
    /// Words that label an item before its number ("R1:", "Recommendation 3 –").
    public var labels: [String]
    /// The kind a label names where no heading cue tells it ("r": recommendation).
    public var labelKinds: [String: Recommendation.Kind] = [:]
    /// Verbs an item in the imperative opens with ("Review Early Help"): such a line is an item,
    /// never a heading or a title.
    public var imperatives: Set<String> = []
    /// Of those, the verbs that ask tentatively ("Consider how …"): an item opening with one, with
    /// no obligation's words, is graded could; any other, should.
    public var tentative: Set<String> = []
    /// Words a question that asks tentatively opens with ("Could the partnership publish …?"):
    /// graded could; any other question (a request for an answer), should.
    public var tentativeQuestions: Set<String> = []
    /// The words of a request in note form (`note_verbs`, `note_finite`, `note_comparatives`):
    /// ``asksInNoteForm(_:)``.
    public var noteVerbs: Set<String> = []
    public var noteFinite: Set<String> = []
    public var noteComparatives: Set<String> = []
    /// Headings after which what is pasted says what will happen, not what is asked ("Next
    /// steps"), as under a document's closing and describing sections (`closing_headings`).
    public var closingHeadings: PhraseList = PhraseList([])
    /// Words after which a pasted line cannot end a sentence (`open_endings`).
    public var openEndings: Set<String> = []
    /// Labels of a line that answers the item above it ("Response:", "Update –"): ``isReply(_:)``.
    public var replies: PhraseList = PhraseList([])
    /// Headings of a committee's decisions ("Resolved:"): a line under one opening "That" is procedural.
    public var resolutionHeadings: PhraseList = PhraseList([])
    /// Words of a line that points elsewhere ("are set out in", "see appendix"): ``isDescription``.
    public var pointers: PhraseList = PhraseList([])
    /// Verbs that make a line a statement (`describing_verbs` and the document rules'
    /// `reporting_verbs`), lower-cased: ``describes(_:)``.
    public var describingVerbs: Set<String> = []

    /// A line that answers the item above it: a reply's label, then a colon or a dash ("Response:
    /// Agreed.", "Management response – partially agreed").
    func isReply(_ line: String) -> Bool {
        guard let end = line.firstIndex(where: { ":–—".contains($0) }) ?? line.range(of: " - ")?.lowerBound else { return false }
        let label = WordTokenizer.words(String(line[..<end])).map(\.text)
        return !label.isEmpty && label.count <= 4 && replies.longest(in: label, at: 0)?.wordCount == label.count
    }

    /// Whether a line gives an account of a meeting, a report or an intention, by a verb of
    /// ``describingVerbs`` (`words` lower-cased).
    func describes(_ words: [String]) -> Bool {
        words.contains(where: describingVerbs.contains)
    }

    /// A request in note form: "Partners to agree the budget", "Police to attend every strategy
    /// meeting" ("to" and a verb an imperative opens with, or a note verb, after words none of
    /// which is a verb of its own, and none after it: "Leaders have worked to improve …" and
    /// "Suggestions to improve … are made" state), "More robust
    /// quality assurance of …" (a comparative first), "… needs improving". `words` lower-cased.
    func asksInNoteForm(_ words: [String]) -> Bool {
        if let first = words.first, noteComparatives.contains(first), words.count >= 3,
           !words.contains(where: { ["is", "are", "was", "were", "has", "have", "had"].contains($0) }) { return true }
        if let needs = words.firstIndex(where: { $0 == "needs" || $0 == "need" }), needs + 1 < words.count,
           words[needs + 1].hasSuffix("ing") { return true }
        guard let to = words.firstIndex(of: "to"), to > 0, to + 1 < words.count,
              imperatives.contains(words[to + 1]) || noteVerbs.contains(words[to + 1]) else { return false }
        // A note has no verb of its own anywhere: "A number of suggestions to strengthen the
        // arrangements are made …" states (session 45's third re-audit: a lead-in counted as an item).
        // ("To be" is the note's own verb: "Recommendations to be added to the business plan".)
        return !words[..<to].contains { $0.count > 4 && $0.hasSuffix("ed") }
            && !words.indices.contains { $0 != to + 1 && noteFinite.contains(words[$0]) }
    }

    /// The grade of an item with no obligation's words in it (`words` its words, from the first;
    /// `text` the item).
    func unstatedGrade(_ words: [String], text: String) -> Recommendation.Strength {
        guard let first = words.first?.lowercased() else { return .should }
        let question = text.trimmingCharacters(in: .whitespaces).hasSuffix("?")
        return tentative.contains(first) || (question && tentativeQuestions.contains(first)) ? .could : .should
    }
}
