/// One arrangement indicator as `lexicons/arrangements.yml` defines it: its cues for `yes` and
/// `no`, or for a number.
public struct IndicatorDefinition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// yes, no or not stated.
        case flag
        /// A whole number (how many scrutineers), or not stated.
        case count
    }

    /// "who.independent_chair".
    public var id: String
    /// The group the id starts with: "who", "how" or "what".
    public var group: String
    /// How a report names it: "Independent chair".
    public var label: String
    public var kind: Kind
    public var yes: [CuePattern]
    public var no: [CuePattern]
    /// For counts: patterns with `{n}`.
    public var count: [CuePattern]
    /// A sentence matching one of these is no evidence for this indicator.
    public var unless: [CuePattern]
    /// `yes` cues that count only where the text is the partnership's own account of its scrutiny
    /// (a quotation, a board review): there its own quality assurance is its scrutiny (its own
    /// multi-agency audits), while in a scrutineer's report the partners' own audits are
    /// what was scrutinised, not how.
    public var ownAccount: [CuePattern] = []
    /// Another indicator that must be `yes` for this one to have a value (a count of scrutineers
    /// needs scrutineers).
    public var requires: String?
}

/// The indicators of one group (who, how, what) and how their evidence is read.
public struct IndicatorGroup: Sendable, Hashable {
    public var id: String
    public var label: String
    /// Whether a negation before a `yes` cue (in the same clause) denies it.
    public var negation: Bool
    /// What a denied cue says: `no` (who, how: "does not have a Lay Member"), or nothing
    /// (`notStated`: what is scrutinised, where "the board does not yet have oversight of outcomes
    /// for children" neither shows the topic scrutinised nor, by the coding rules, states `no`).
    public var negationGives: IndicatorValue = .no
    /// How many words before a cue a negation may stand, where the group sets its own (a topic
    /// stands further from the verb that denies it: "has not, until recently, evaluated the impact
    /// of training … and outcomes for children"); else the lexicon's `negation.window`.
    public var negationWindow: Int?
    /// Whether sentences about someone else's work (``ArrangementLexicon/otherActors``) are skipped.
    public var skipsOtherActors: Bool
    /// Where set, a sentence counts only in these document types or in a scrutiny context.
    public var context: Context?
    /// Where set, a topic counts only where the text says scrutiny covered it.
    public var scope: Scope?

    public struct Context: Sendable, Hashable {
        /// Document types in which every sentence is about scrutiny.
        public var everywhereIn: Set<DocumentType>
        /// Words that make a sentence, its lead-in or its headings about scrutiny.
        public var cues: PhraseList
    }

    public struct Scope: Sendable, Hashable {
        public var cues: [CuePattern]
        public var negated: [CuePattern]
        public var tableHeaders: PhraseList
        public var headingsIn: Set<DocumentType>
        public var notUnder: PhraseList
    }
}
