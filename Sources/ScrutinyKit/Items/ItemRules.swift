import Foundation

/// The cue lists that decide what counts as an item, read from `lexicons/items.yml`.
public struct ItemRules: Sendable {
    public var sections: [(kind: Recommendation.Kind, phrases: PhraseList)]
    public var closingSections: PhraseList
    public var nonItemSections: PhraseList
    /// Describing sections whose sub-sections describe too ("What the inspection judgements mean ›
    /// The LSCB"): the sub-headings under one stay outside the items.
    public var nonItemContainers = PhraseList([])
    /// Headings of a contents page ("Contents"): neither it nor its entries make a section path.
    public var contentsHeadings: PhraseList
    /// Header cells of tables whose rows head sections (`table_headers.section`: "Key judgement").
    public var sectionTables = PhraseList([])
    /// Openings of a table of one row that heads a section by itself (`table_headers.section_box`:
    /// a judgement boxed with its grade, with no header above it).
    public var sectionBoxes = PhraseList([])
    public var quotationCues: PhraseList
    /// Words that, beside a quotation cue, make a sentence quote or paraphrase the guidance
    /// ("Working Together states …", "… requires", "paragraph 8"): `quotation_verbs`.
    public var quotationVerbs: Set<String> = []
    /// Words that name an inspection's report as the source of a quotation ("said the report",
    /// "inspectors said"): a paragraph so quoted holds findings, not guidance.
    public var reportAttributions: PhraseList = PhraseList([])
    /// Words naming an inspection's report ("Ofsted's inspection report for Stockport states"), and
    /// the reporting verbs that close an attribution after a quotation: a quotation so attributed
    /// is the report's findings, and so is a paragraph wholly in quotation marks right after it.
    public var reportSources: Set<String> = []
    public var reportingVerbs: Set<String> = []
    /// Words that label an item with its number where it stands ("Recommendation 1. The Head of
    /// Safeguarding to …"): a paragraph so labelled is an item of the label's kind.
    public var numberedItemLabels: [String] = []
    public var nonItemLeadIns: PhraseList
    public var leadIns: [(kind: Recommendation.Kind, phrases: PhraseList)]
    public var restatementCues: PhraseList
    /// Lead-ins that give an inspection's own words ("In their report inspectors say that:"): the
    /// quoted entries after one are findings to judge, not quoted guidance.
    public var reportedFindingsLeadIns: PhraseList = PhraseList([])
    /// Openings of a sentence that illustrates a finding ("For example, …"): not a request.
    public var exampleOpeners: PhraseList
    /// Words by which a list entry without a colon announces the entries after it ("However, the
    /// following areas were identified as in need of improvement").
    public var leadInAnnouncers: PhraseList = PhraseList([])
    /// Words that open a lead-in pointing back to the sentence before it ("It asks whether:"):
    /// a quotation named there is what the list quotes.
    public var leadInPointers: PhraseList = PhraseList([])
    /// Last words of a lead-in that asks and lists what it asks for ("The partnership should:",
    /// "Continued efforts are needed to:").
    public var leadInRequestEndings: Set<String> = []
    /// Openings of a decision put to a committee ("To note the changes …", "Considers the Annual
    /// Report …"): a sentence or entry opening with one is procedural.
    public var proceduralOpenings: PhraseList = PhraseList([])
    /// Words that open a question ("What does the local authority need to improve?"): a
    /// question so opened asks nothing of anyone. A request with a question after it ("Data
    /// needs analysis, otherwise how do you know …?") still asks.
    public var questionOpeners: PhraseList = PhraseList([])
    public var obligation: [(strength: Recommendation.Strength, phrases: PhraseList)]
    public var notItems: PhraseList
    /// Adverbs passed by between the words of an obligation, a false cue or a `not_items` phrase,
    /// and between a subordinate clause's opener and a cue that must follow it
    /// (`transparent_adverbs`).
    public var transparentAdverbs: Set<String> = []
    /// What a pasted list (`classify --lines`) holds besides its items (`pasted_lines`).
    public var pasted: PastedLineRules
    public var strengthVerbs: PhraseList
    public var purposeClauses: PhraseList
    public var falseCues: PhraseList
    public var acknowledgedNeeds: PhraseList
    /// Words that open an embedded question or relative clause ("how", "what", "whether").
    public var embeddedClauses: Set<String>
    /// The obligation cues that an embedded clause makes descriptive ("should", "must").
    public var embeddedClauseCues: Set<String>
    /// A question reported ("asked if", "queried whether"): any obligation within four words after
    /// it is the question's, not a request ("asked if any comment could be given …").
    public var indirectQuestions: PhraseList = PhraseList([])
    /// Subordinate clauses inside a sentence ("… levels when social workers should intervene"):
    /// a cue word of a clause within `subordinateClauseWindow` words after one of its openers,
    /// with no comma between, describes. At the start of a sentence only a cue that ends the
    /// clause at its comma ("When respite is needed, …") does: "When a child goes missing
    /// workers should…" asks.
    public var subordinateClauses: [SubordinateClause]
    public var subordinateClauseWindow: Int

    /// Words that open a subordinate clause, and the cue words that describe inside one.
    public struct SubordinateClause: Sendable {
        public var openers: Set<String>
        public var cues: Set<String>
        /// Words after a cue that make it ask all the same ("an area where partnership working is
        /// required to develop more opportunities" says what for); an entry of several words
        /// ("to be") is matched word by word.
        public var unlessFollowedBy: Set<String> = []
        /// The cue must follow the opener directly: a relative pronoun that is the subject of its
        /// clause ("the actions that need to be taken"); "that leaders need to" is a complement.
        public var adjacent = false
        /// Words before the opener that make it something else ("and that needs to change": a
        /// demonstrative), or a comma before it ("…, which needs to be addressed": a clause about
        /// the whole sentence, which asks).
        public var unlessPrecededBy: Set<String> = []
        /// Where not empty, the opener counts only directly after one of these words ("children
        /// that need to come into care": "that" after a word for people is a relative pronoun).
        public var onlyAfter: Set<String> = []
        public var notAfterComma = false
        /// The clause describes only as the complement of a word of knowing or describing that
        /// stands before its opener in the same clause (`ItemRules.knowingWords`): "understand
        /// the actions that need to be taken"; "a good start which now needs to be built on" asks.
        public var afterKnowing = false
        /// How many words after the opener the cue may stand (the clauses' `window` if nil).
        public var window: Int?
        /// Only a clause that opens the sentence ("Where children need to move, moves are
        /// planned"); inside a sentence "areas where recording needs to be strengthened" asks.
        public var atStartOnly = false
        /// Words after which a comma does not end the clause ("If children's needs change, or new
        /// information indicates that a different response is required, …": two conditions joined).
        public var across: Set<String> = []
        /// This clause's own words of knowing, where they differ from `ItemRules.knowingWords`.
        public var knowing: PhraseList?
    }
    /// Words of knowing, identifying or describing ("understand", "identify", "clear about").
    public var knowingWords: PhraseList
    /// How many words before a clause's opener a word of knowing may stand.
    public var knowingWindow: Int
    /// A reduced relative clause ("the data it needs to plan services"): a `pronoun` before
    /// "need(s) to", with a `determiner` two words before it (determiner, noun, pronoun), says
    /// what the noun is for.
    public var reducedRelativePronouns: Set<String>
    public var reducedRelativeDeterminers: Set<String>
    public var improvementFindings: PhraseList
    /// Every cue that can make a prose sentence an item (`obligation`, `acknowledged_needs`,
    /// `improvement_findings`, `strength_verbs`) in one list, with the obligations' adverbs passed
    /// by: a sentence none of which holds is no item, whatever else it says, and one search tells
    /// so (``ProseJudge``). Made from the lists as read.
    let itemCues: PhraseList
    public var proceduralRestated: PhraseList
    public var proceduralDecisions: PhraseList
    public var proceduralOpening: String
    public var proceduralBodies: PhraseList
    /// A resolution's verb: "That the content of the presentation be noted."
    public var proceduralResolutions: PhraseList
    /// A request put to a committee: "Members are asked to note …".
    public var proceduralRequests: PhraseList
    /// A decision minuted, after the body that made it at the sentence's start: "The Cabinet noted
    /// the comments of …", "The Committee noted the report".
    public var proceduralRecorded: PhraseList = PhraseList([])
    /// Words a minuted decision may open with before its "That": "RESOLVED – (1) That …".
    public var proceduralPreambles: Set<String>
    /// A meeting's own housekeeping ("That the minutes … be confirmed as a correct record",
    /// "declarations of interest"): a sentence with one is no item and no finding.
    public var meetingHousekeeping: PhraseList = PhraseList([])
    /// Words after which a resolution's verb is no resolution ("should be noted", "to be agreed"):
    /// elsewhere its bare subjunctive resolves ("The annual report be noted.").
    public var proceduralNotSubjunctive: Set<String> = []
    /// Words after which the procedural opening is a pronoun ("That is the verdict of …").
    public var proceduralNotAfterOpening: Set<String> = []
    public var itemColumns: PhraseList
    public var actorColumns: PhraseList
    public var notActors: PhraseList
    /// The grammar words by which an item's actor is read (`actor_grammar:` in items.yml).
    public var actorGrammar = ActorGrammar()
    /// The cues of narrative findings (`narrative:` in items.yml).
    public var narrative: NarrativeCues

    /// Reads rules from a YAML file.
    public init(contentsOf url: URL) throws(LexiconError) {
        try self.init(yaml: DataFiles.read(url), path: url.path)
    }

    public init(yaml: String, path: String = "items.yml") throws(LexiconError) {
        let file = try DataFiles.decode(File.self, from: yaml, path: path)
        if let version = file.version, version != 1 {
            throw .malformed(path: path, line: nil, cause: "the file is of version \(version); this scrutiny reads version 1 of items.yml")
        }
        let order: [Recommendation.Kind] = [.procedural, .areaForImprovement, .strength, .recommendation]
        let kinds = order.map(\.rawValue), strengths = [Recommendation.Strength.must, .should, .could].map(\.rawValue)
        try DataFiles.requireKnownKeys(file.sections.keys, known: kinds, under: ["sections"], file: path, yaml: yaml)
        try DataFiles.requireKnownKeys((file.lead_ins ?? [:]).keys, known: kinds, under: ["lead_ins"], file: path, yaml: yaml)
        try DataFiles.requireKnownKeys(file.obligation.keys, known: strengths, under: ["obligation"], file: path, yaml: yaml)
        try DataFiles.requireKnownKeys((file.table_headers ?? [:]).keys, known: ["item", "actor", "section", "section_box"], under: ["table_headers"],
                                       file: path, yaml: yaml)
        sections = order.compactMap { kind in file.sections[kind.rawValue].map { (kind, PhraseList($0)) } }
        closingSections = PhraseList(file.closing_sections ?? [])
        nonItemSections = PhraseList(file.non_item_sections ?? [])
        nonItemContainers = PhraseList(file.non_item_containers ?? [])
        contentsHeadings = PhraseList(file.contents_headings ?? [])
        quotationCues = PhraseList(file.quotation_cues ?? [])
        quotationVerbs = Set(file.quotation_verbs ?? [])
        reportAttributions = PhraseList(file.report_attributions ?? [])
        reportSources = Set((file.report_sources ?? []).map { $0.lowercased() })
        reportingVerbs = Set((file.reporting_verbs ?? []).map { $0.lowercased() })
        numberedItemLabels = file.numbered_item_labels ?? []
        nonItemLeadIns = PhraseList(file.non_item_lead_ins ?? [])
        leadIns = order.compactMap { kind in file.lead_ins?[kind.rawValue].map { (kind, PhraseList($0)) } }
        restatementCues = PhraseList(file.restatement_cues ?? [])
        reportedFindingsLeadIns = PhraseList(file.reported_findings_lead_ins ?? [])
        exampleOpeners = PhraseList(file.example_openers ?? [])
        leadInAnnouncers = PhraseList(file.lead_in_announcers ?? [])
        leadInPointers = PhraseList(file.lead_in_pointers ?? [])
        leadInRequestEndings = Set((file.lead_in_request_endings ?? []).map { $0.lowercased() })
        questionOpeners = PhraseList(file.question_openers ?? [])
        // Adverbs between the words of a request or of a descriptive phrase leave it what it is
        // ("The CQC is therefore recommending that …", "what also needs to change").
        let adverbs = Set((file.transparent_adverbs ?? []).map { $0.lowercased() })
        obligation = [Recommendation.Strength.must, .should, .could].compactMap { strength in
            file.obligation[strength.rawValue].map { (strength, PhraseList($0, skipping: adverbs)) }
        }
        notItems = PhraseList((file.not_items ?? [:]).values.flatMap { $0 }, skipping: adverbs)
        transparentAdverbs = adverbs
        pasted = PastedLineRules(greetings: PhraseList(file.pasted_lines?.greetings ?? []),
                                 signOffs: PhraseList(file.pasted_lines?.sign_offs ?? []),
                                 furniture: PhraseList(file.pasted_lines?.furniture ?? []),
                                 announcements: PhraseList(file.pasted_lines?.announcements ?? []),
                                 labels: file.pasted_lines?.labels ?? [],
                                 imperatives: Set((file.pasted_lines?.imperatives ?? []).map { $0.lowercased() }),
                                 tentative: Set((file.pasted_lines?.tentative ?? []).map { $0.lowercased() }),
                                 tentativeQuestions: Set((file.pasted_lines?.tentative_questions ?? []).map { $0.lowercased() }),
                                 noteVerbs: Set((file.pasted_lines?.note_verbs ?? []).map { $0.lowercased() }),
                                 noteFinite: Set((file.pasted_lines?.note_finite ?? []).map { $0.lowercased() }),
                                 noteComparatives: Set((file.pasted_lines?.note_comparatives ?? []).map { $0.lowercased() }),
                                 openEndings: Set((file.pasted_lines?.open_endings ?? []).map { $0.lowercased() }))
        pasted.closingHeadings = PhraseList(file.pasted_lines?.closing_headings ?? [])
        pasted.replies = PhraseList(file.pasted_lines?.replies ?? [])
        pasted.resolutionHeadings = PhraseList(file.pasted_lines?.resolution_headings ?? [])
        pasted.pointers = PhraseList(file.pasted_lines?.pointers ?? [])
        pasted.describingVerbs = Set((file.pasted_lines?.describing_verbs ?? []).map { $0.lowercased() })
            .union((file.reporting_verbs ?? []).map { $0.lowercased() })
        try DataFiles.requireKnownKeys((file.pasted_lines?.label_kinds ?? [:]).keys, known: file.pasted_lines?.labels ?? [],
                                       under: ["pasted_lines", "label_kinds"], file: path, yaml: yaml)
        for (label, kind) in file.pasted_lines?.label_kinds ?? [:] {
            guard let named = Recommendation.Kind(rawValue: kind) else {
                throw .malformed(path: path, line: nil, cause: "pasted_lines.label_kinds.\(label): \(kind) is no kind; "
                    + "use \(order.map(\.rawValue).joined(separator: ", "))")
            }
            pasted.labelKinds[label.lowercased()] = named
        }
        strengthVerbs = PhraseList(file.strength_verbs ?? [])
        purposeClauses = PhraseList(file.purpose_clauses ?? [])
        falseCues = PhraseList(file.false_cues ?? [], skipping: adverbs)
        acknowledgedNeeds = PhraseList(file.acknowledged_needs ?? [])
        embeddedClauses = Set((file.embedded_clauses?.openers ?? []).map { $0.lowercased() })
        embeddedClauseCues = Set(file.embedded_clauses?.cues ?? [])
        indirectQuestions = PhraseList(file.embedded_clauses?.indirect_questions ?? [])
        subordinateClauses = (file.subordinate_clauses?.clauses ?? []).map { clause in
            SubordinateClause(openers: Set(clause.openers.map { $0.lowercased() }), cues: Set(clause.cues.map { $0.lowercased() }),
                              unlessFollowedBy: Set((clause.unless_followed_by ?? []).map { $0.lowercased() }),
                              adjacent: clause.adjacent ?? false,
                              unlessPrecededBy: Set((clause.unless_preceded_by ?? []).map { $0.lowercased() }),
                              onlyAfter: Set((clause.only_after ?? []).map { $0.lowercased() }),
                              notAfterComma: clause.not_after_comma ?? false,
                              afterKnowing: clause.after_knowing ?? false, window: clause.window,
                              atStartOnly: clause.at_start_only ?? false, across: Set((clause.across ?? []).map { $0.lowercased() }),
                              knowing: clause.knowing.map { PhraseList($0) })
        }
        knowingWords = PhraseList(file.subordinate_clauses?.knowing ?? [])
        knowingWindow = file.subordinate_clauses?.knowing_window ?? 10
        reducedRelativePronouns = Set((file.reduced_relatives?.pronouns ?? []).map { $0.lowercased() })
        reducedRelativeDeterminers = Set((file.reduced_relatives?.determiners ?? []).map { $0.lowercased() })
        subordinateClauseWindow = file.subordinate_clauses?.window ?? 6
        improvementFindings = PhraseList(file.improvement_findings ?? [])
        itemCues = PhraseList(obligation.flatMap { $0.phrases.phrases.map(\.source) } + (file.acknowledged_needs ?? [])
            + (file.improvement_findings ?? []) + (file.strength_verbs ?? []), skipping: adverbs)
        proceduralRestated = PhraseList(file.procedural?.restated ?? [])
        proceduralDecisions = PhraseList(file.procedural?.decisions ?? [])
        proceduralOpening = file.procedural?.opening ?? "that"
        proceduralBodies = PhraseList(file.procedural?.bodies ?? [])
        proceduralResolutions = PhraseList(file.procedural?.resolutions ?? [])
        proceduralRequests = PhraseList(file.procedural?.requests ?? [])
        proceduralRecorded = PhraseList(file.procedural?.recorded ?? [])
        proceduralOpenings = PhraseList(file.procedural?.openings ?? [])
        proceduralPreambles = Set((file.procedural?.preambles ?? []).map { $0.lowercased() })
        let housekeeping = PhraseList(file.procedural?.housekeeping ?? [])
        meetingHousekeeping = housekeeping
        proceduralNotSubjunctive = Set((file.procedural?.not_subjunctive_after ?? []).map { $0.lowercased() })
        proceduralNotAfterOpening = Set((file.procedural?.not_after_opening ?? []).map { $0.lowercased() })
        itemColumns = PhraseList(file.table_headers?["item"] ?? [])
        actorColumns = PhraseList(file.table_headers?["actor"] ?? [])
        sectionTables = PhraseList(file.table_headers?["section"] ?? [])
        sectionBoxes = PhraseList(file.table_headers?["section_box"] ?? [])
        notActors = PhraseList(file.not_actors ?? [])
        if let grammar = file.actor_grammar {
            func words(_ list: [String]?) -> Set<String> { Set((list ?? []).map { $0.lowercased() }) }
            actorGrammar = ActorGrammar(noActorAtCue: words(grammar.no_actor_at_cue), passiveAdverbs: words(grammar.passive_adverbs),
                                        openings: words(grammar.openings), adverbialOpenings: words(grammar.adverbial_openings),
                                        notImperativeBeforeTo: words(grammar.not_imperative_before_to),
                                        auxiliaries: words(grammar.auxiliaries), pronouns: words(grammar.pronouns),
                                        clauseOpenings: words(grammar.clause_openings), bodies: words(grammar.bodies),
                                        subordinators: words(grammar.subordinators), coordinators: words(grammar.coordinators),
                                        determiners: words(grammar.determiners))
        }
        let weak = Set(file.narrative?.weak?.cues ?? [])
        narrative = NarrativeCues(contrasts: PhraseList(file.narrative?.contrasts ?? []),
                                  concessions: PhraseList(file.narrative?.concessions ?? []),
                                  conditions: PhraseList(file.narrative?.conditions ?? []),
                                  conditionNouns: Set((file.narrative?.condition_nouns ?? []).map { $0.lowercased() }),
                                  improvingTrends: PhraseList(file.narrative?.improving_trends ?? []),
                                  negative: PhraseList(file.narrative?.negative ?? []),
                                  positive: PhraseList(file.narrative?.positive ?? []),
                                  notFindings: PhraseList(file.narrative?.not_findings ?? []),
                                  meetingHousekeeping: housekeeping,
                                  neutral: PhraseList(file.narrative?.neutral ?? []),
                                  instructions: Set((file.narrative?.instructions ?? []).map { $0.lowercased() }),
                                  purposes: PhraseList(file.narrative?.purposes ?? []),
                                  notPurposes: PhraseList(file.narrative?.not_purposes ?? []),
                                  gradeLabels: PhraseList(file.narrative?.grade_labels ?? []),
                                  aims: PhraseList(file.narrative?.aims ?? []),
                                  priorityOpenings: PhraseList(file.narrative?.priority_openings ?? []),
                                  embeddedQuestions: PhraseList(file.narrative?.embedded_questions ?? []),
                                  ensuredClauses: PhraseList(file.narrative?.ensured_clauses ?? []),
                                  gradeVerbs: PhraseList(file.narrative?.reported_grades?.verbs ?? []),
                                  gradeNouns: PhraseList(file.narrative?.reported_grades?.nouns ?? []),
                                  gradeWindow: file.narrative?.reported_grades?.window ?? 4,
                                  gradeObjectWindow: file.narrative?.reported_grades?.object_window ?? 4,
                                  strongPositive: PhraseList((file.narrative?.positive ?? []).filter { !weak.contains($0) }),
                                  weakDocumentTypes: Set(file.narrative?.weak?.document_types ?? []),
                                  prospectiveMarkers: PhraseList(file.narrative?.prospective?.markers ?? []),
                                  prospectiveCues: PhraseList(file.narrative?.prospective?.cues ?? []),
                                  prospectiveWindow: file.narrative?.prospective?.window ?? 3,
                                  prospectiveWindowAfter: file.narrative?.prospective?.window_after ?? 1,
                                  namedStrengths: PhraseList(file.narrative?.named_findings?.strengths ?? []),
                                  namedWeaknesses: PhraseList(file.narrative?.named_findings?.weaknesses ?? []))
        guard !obligation.isEmpty, !sections.isEmpty else {
            throw .malformed(path: path, line: nil, cause: "it needs `sections` and `obligation`")
        }
    }

    /// The kind a heading or lead-in names, if any; `atStart` asks for the phrase to open the text.
    func sectionKind(_ words: [String], atStart: Bool = false) -> Recommendation.Kind? {
        sections.first { atStart ? $0.phrases.matchesAtStart(words) : $0.phrases.matches(words) }?.kind
    }

    /// The kind of list a lead-in's last sentence announces, if any.
    func leadInKind(_ words: [String]) -> Recommendation.Kind? {
        leadIns.first { $0.phrases.matches(words) }?.kind
    }

    /// The one kind `words` name, if they name exactly one: "… the achievements, area of focus and
    /// areas of development. These include:" names two, and its list is judged entry by entry.
    func onlyLeadInKind(_ words: [String]) -> Recommendation.Kind? {
        let kinds = Set(leadIns.filter { $0.phrases.matches(words) }.map(\.kind))
        return kinds.count == 1 ? kinds.first : nil
    }

    /// The strongest obligation in `words`, and the phrase that showed it. Words inside a purpose
    /// clause, and false cues such as "the need to", do not count.
    func obligationStrength(_ words: [String]) -> (strength: Recommendation.Strength, cue: String, at: Int)? {
        var considered = words
        if let clause = purposeClauses.firstMatch(in: considered) { considered = Array(considered[..<clause.at]) }
        if let need = acknowledgedNeeds.firstMatch(in: considered) { return (.should, need.phrase.source, need.at) }
        // Blanking false cues only takes matches away: most sentences hold no cue to begin with,
        // and need no search for false ones.
        guard obligation.contains(where: { $0.phrases.matches(considered) }) else { return nil }
        considered = withoutFalseCues(considered)
        for (strength, phrases) in obligation {
            var remaining = considered
            while let match = phrases.firstMatch(in: remaining) {
                // "… explains what the young person should do": an obligation inside an embedded
                // question or relative clause describes; it does not ask.
                let window = remaining[max(0, match.at - 4)..<match.at]
                let describes = embeddedClauseCues.contains(match.phrase.source) && window.contains(where: { embeddedClauses.contains($0) })
                guard describes || isInIndirectQuestion(remaining, at: match.at) else {
                    return (strength, match.phrase.source, match.at)
                }
                remaining[match.at] = "\u{0}"
                // Set aside for the weaker grades too: "what actions need to be taken" is
                // no "need to" either.
                considered[match.at] = "\u{0}"
            }
        }
        return nil
    }

    /// Whether the cue at `index` stands within four words after a reported question's opening.
    func isInIndirectQuestion(_ words: [String], at index: Int) -> Bool {
        let start = max(0, index - 7)
        guard let question = indirectQuestions.firstMatch(in: Array(words[start..<index])) else { return false }
        return index - (start + question.at + question.phrase.wordCount) <= 4
    }

    /// The words with every false cue ("the need to", "schools that require improvement")
    /// blanked out, so that no cue is found in them.
    func withoutFalseCues(_ words: [String]) -> [String] {
        var words = words
        while let falseCue = falseCues.firstSpan(in: words) {
            for index in falseCue.range { words[index] = "\u{0}" }
        }
        // "the data it needs to plan services": determiner, noun, pronoun, need.
        if !reducedRelativePronouns.isEmpty {
            for index in words.indices where index >= 3 && index + 1 < words.count
                && (words[index] == "need" || words[index] == "needs") && words[index + 1] == "to"
                && reducedRelativePronouns.contains(words[index - 1]) && reducedRelativeDeterminers.contains(words[index - 3]) {
                words[index] = "\u{0}"
            }
        }
        return words
    }
}

public extension LexiconDirectory {
    /// The item cues, `items.yml`.
    func itemRules() throws(LexiconError) -> ItemRules { try ItemRules(contentsOf: file("items.yml")) }
}
