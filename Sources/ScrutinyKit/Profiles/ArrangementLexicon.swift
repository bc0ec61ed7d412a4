import Foundation

/// The indicator definitions and reading rules of `lexicons/arrangements.yml`: what counts as
/// evidence that a partnership has an independent chair, uses focus groups, scrutinises its budget.
public struct ArrangementLexicon: Sendable {
    public var indicators: [IndicatorDefinition]
    public var groups: [IndicatorGroup]
    public var negators: PhraseList
    public var negationWindow: Int
    public var clauseBreaks: PhraseList
    /// Quality words that, between a negation and a cue, make the negation deny how well a thing
    /// is done rather than that it is ("does not provide sufficient analysis").
    public var negationQualities: PhraseList
    public var silencers: PhraseList
    public var proposals: PhraseList
    /// Words that make a sentence a proposal when it opens with them ("Consider …").
    public var proposalOpeners: PhraseList
    /// Phrases holding a proposal word that do not propose ("determining the need to conduct").
    public var proposalExceptions: PhraseList
    /// Phrases that name something to improve ("recognised the need to improve its oversight"):
    /// proposals whatever the exceptions (which spare "the need to" of "determining the need to conduct").
    public var improvementNeeds: PhraseList
    public var proposalSections: PhraseList
    /// Lead-ins of lists that announce what is to improve ("inspectors identified the following
    /// areas for improvement:"): their items are no evidence of an arrangement.
    public var proposalLeadIns: PhraseList
    public var ignoredSections: PhraseList
    /// The document types there are (documents.yml), in the order reports list them.
    public var documentTypes: DocumentTypes
    public var ownStudyTypes: Set<DocumentType>
    public var ownStudySections: PhraseList
    public var firstPerson: PhraseList
    public var otherActors: PhraseList
    public var decide: DecisionRule
    /// Headings of a contents page: the page and its entries (headings ending in a page number)
    /// never become the section of what follows them.
    public var contentsHeadings: PhraseList
    /// Inspections that review the partnership's board (the single inspections' review of the
    /// Local Safeguarding Children Board), read for the board's arrangements only.
    public var boardReview: BoardReview?
    /// Inspections of the council's services (no review of the board), read only where a sentence
    /// names the partnership: the document types, and the words that name it.
    public var councilInspection: (documentTypes: Set<DocumentType>, mentions: PhraseList)?
    /// How the survey's indicator tables name what they count (`survey`).
    public var tableWording = IndicatorTableWording()

    /// The words of the survey's indicator tables (`survey` in arrangements.yml; indicators.csv's
    /// `base` column and survey.json): the partnerships each row's N is of, and the buckets of a
    /// count's distribution, the last holding its number and more.
    public struct IndicatorTableWording: Sendable, Hashable {
        public var addressedBase = "partnerships whose documents address it"
        /// {indicator}: the indicator a count requires (`who.scrutineer`).
        public var requiredBase = "partnerships where {indicator} is yes"
        public var statedBase = "partnerships stating a number"
        /// The base of an indicator no document can answer `no` (what is scrutinised): every
        /// partnership read, so that the share is of them all, not "100% of those that say yes".
        public var namedBase = "partnerships read (none can say no: a denial is no evidence)"
        public var countBuckets = ["one", "two", "three", "four or more"]
    }

    /// An inspection document that reviews the board: the review's section is the board's
    /// arrangements, read as a scrutiny report (every method and topic it states is the board's);
    /// outside it only sentences that name the board are read (the rest is the inspectors' work on
    /// children's services).
    public struct BoardReview: Sendable, Hashable {
        public var documentTypes: Set<DocumentType>
        /// Headings that open the review (matched at their start).
        public var sections: PhraseList
        /// Words that make a sentence outside the review about the board.
        public var mentions: PhraseList

        /// Whether `sentence` stands in the review's section.
        public func inSection(_ sentence: ContextSentence) -> Bool {
            sentence.headingWords.contains(where: { sections.matchesAtStart($0) })
        }

        /// Whether `document`'s sentences hold a review of the board.
        public func applies(to type: DocumentType?, sentences: [ContextSentence]) -> Bool {
            guard let type, documentTypes.contains(type) else { return false }
            return sentences.contains(where: inSection)
        }
    }

    /// How a partnership's value is chosen when its documents disagree.
    public enum DecisionRule: String, Sendable {
        /// The latest document that speaks to the indicator decides; within it, yes outweighs no.
        case latest
        /// Any document saying yes makes it yes.
        case anyYes = "any_yes"
    }

    /// `types`: the document types there are (``DocumentTypes``), which the file may name.
    public init(contentsOf url: URL, types: DocumentTypes) throws(LexiconError) {
        try self.init(yaml: DataFiles.read(url), path: url.path, types: types)
    }

    public init(yaml: String, path: String = "arrangements.yml", types: DocumentTypes) throws(LexiconError) {
        let file = try DataFiles.decode(File.self, from: yaml, path: path, otherKeys: .refused(readElsewhere: ["quoted_partnerships"]))
        documentTypes = types
        let gap = file.gap ?? 6
        func patterns(_ sources: [String]?) -> [CuePattern] { (sources ?? []).compactMap { CuePattern($0, gap: gap) } }
        let shared = file.unless_lists ?? [:]
        func typeSet(_ names: [String]?, _ key: String) throws(LexiconError) -> Set<DocumentType> {
            var result: Set<DocumentType> = []
            for name in names ?? [] { result.insert(try types.type(name, in: path, at: key)) }
            return result
        }
        var groups: [IndicatorGroup] = []
        for group in file.groups + (file.more_groups ?? []) {
            var context: IndicatorGroup.Context?
            if let given = group.context {
                context = .init(everywhereIn: try typeSet(given.everywhere_in, "groups.\(group.id).context"),
                                cues: PhraseList(given.cues ?? []))
            }
            var scope: IndicatorGroup.Scope?
            if let given = group.scope {
                scope = .init(cues: patterns(given.cues), negated: patterns(given.negated),
                              tableHeaders: PhraseList(given.table_headers ?? []),
                              headingsIn: try typeSet(given.headings_in, "groups.\(group.id).scope"),
                              notUnder: PhraseList(given.not_under ?? []))
            }
            var made = IndicatorGroup(id: group.id, label: group.label ?? group.id, negation: group.negation ?? false,
                                      skipsOtherActors: group.other_actors ?? false, context: context, scope: scope)
            switch group.negation_gives ?? "no" {
            case "no": made.negationGives = .no
            case "not_stated": made.negationGives = .notStated
            default: throw .malformed(path: path, line: nil, cause: "group \(group.id): negation_gives is no or not_stated")
            }
            made.negationWindow = group.negation_window
            groups.append(made)
        }
        var indicators: [IndicatorDefinition] = []
        var seen: Set<String> = []
        for entry in file.indicators + (file.more_indicators ?? []) {
            let groupID = String(entry.id.prefix { $0 != "." })
            guard groups.contains(where: { $0.id == groupID }) else {
                throw .malformed(path: path, line: nil, cause: "indicator \(entry.id): its group '\(groupID)' is not among `groups`")
            }
            guard seen.insert(entry.id).inserted else {
                throw .malformed(path: path, line: nil, cause: "indicator \(entry.id) is defined twice")
            }
            let kind: IndicatorDefinition.Kind = entry.count == nil ? .flag : .count
            if kind == .flag, (entry.yes ?? []).isEmpty {
                throw .malformed(path: path, line: nil, cause: "indicator \(entry.id) has no `yes` cues (or `count` patterns)")
            }
            if kind == .count, !(entry.count ?? []).allSatisfy({ $0.contains("{n}") }) {
                throw .malformed(path: path, line: nil, cause: "indicator \(entry.id): every `count` pattern needs {n}")
            }
            // `unless_lists: [other_chairs]` adds the file's shared list of that name to `unless`.
            var unless = entry.unless ?? []
            for name in entry.unless_lists ?? [] {
                guard let list = shared[name] else {
                    throw .malformed(path: path, line: nil, cause: "indicator \(entry.id): unless list '\(name)' is not among `unless_lists`")
                }
                unless += list
            }
            indicators.append(IndicatorDefinition(
                id: entry.id, group: groupID, label: entry.label ?? entry.id, kind: kind, yes: patterns(entry.yes),
                no: patterns(entry.no), count: patterns(entry.count), unless: patterns(unless),
                ownAccount: patterns(entry.own_account), requires: entry.requires))
        }
        for indicator in indicators {
            if let required = indicator.requires, !seen.contains(required) {
                throw .malformed(path: path, line: nil, cause: "indicator \(indicator.id) requires '\(required)', which is not defined")
            }
        }
        self.indicators = indicators
        self.groups = groups
        negators = PhraseList(file.negation?.cues ?? ["not", "no", "never"])
        negationWindow = file.negation?.window ?? 8
        clauseBreaks = PhraseList(file.negation?.breaks ?? [])
        negationQualities = PhraseList(file.negation?.qualities ?? [])
        silencers = PhraseList(file.negation?.silencers ?? [])
        proposals = PhraseList(file.proposals ?? [])
        proposalOpeners = PhraseList(file.proposal_openers ?? [])
        proposalExceptions = PhraseList(file.proposal_exceptions ?? [])
        improvementNeeds = PhraseList(file.improvement_needs ?? [])
        proposalSections = PhraseList(file.proposal_sections ?? [])
        proposalLeadIns = PhraseList(file.proposal_lead_ins ?? [])
        ignoredSections = PhraseList(file.ignored_sections ?? [])
        ownStudyTypes = try typeSet(file.own_study?.document_types, "own_study")
        ownStudySections = PhraseList(file.own_study?.sections ?? [])
        firstPerson = PhraseList(file.own_study?.first_person ?? [])
        otherActors = PhraseList(file.other_actors ?? [])
        guard let rule = DecisionRule(rawValue: file.decide ?? "latest") else {
            throw .malformed(path: path, line: nil, cause: "decide: use latest or any_yes")
        }
        decide = rule
        contentsHeadings = PhraseList(file.contents_headings ?? [])
        if let given = file.board_review {
            boardReview = BoardReview(documentTypes: try typeSet(given.document_types, "board_review"),
                                      sections: PhraseList(given.sections ?? []), mentions: PhraseList(given.mentions ?? []))
        }
        if let given = file.survey {
            if let bases = given.bases {
                tableWording.addressedBase = bases.addressed ?? tableWording.addressedBase
                tableWording.requiredBase = bases.required ?? tableWording.requiredBase
                tableWording.statedBase = bases.stated ?? tableWording.statedBase
                tableWording.namedBase = bases.named ?? tableWording.namedBase
            }
            if let buckets = given.count_buckets {
                guard !buckets.isEmpty else { throw .malformed(path: path, line: nil, cause: "survey.count_buckets: name at least one bucket") }
                tableWording.countBuckets = buckets
            }
        }
        if let given = file.council_inspection {
            councilInspection = (try typeSet(given.document_types, "council_inspection"), PhraseList(given.mentions ?? []))
        }
    }

    public func group(_ id: String) -> IndicatorGroup? { groups.first { $0.id == id } }

    /// Whether `words` propose or predict rather than state: a proposal word outside the
    /// exceptions, or a proposal opener first.
    public func proposes(_ words: [String]) -> Bool {
        if proposalOpeners.matchesAtStart(words) { return true }
        if improvementNeeds.matches(words) { return true }
        guard proposals.matches(words) else { return false }
        guard !proposalExceptions.isEmpty else { return true }
        // The words with every exception blanked out.
        var kept = words
        var index = 0
        while index < words.count {
            if let (phrase, at) = proposalExceptions.firstMatch(in: Array(words[index...])) {
                let start = index + at
                for blank in start..<min(words.count, start + phrase.wordCount) { kept[blank] = "" }
                index = start + max(1, phrase.wordCount)
            } else {
                break
            }
        }
        return proposals.matches(kept)
    }

    public func indicator(_ id: String) -> IndicatorDefinition? { indicators.first { $0.id == id } }

    private struct File: Decodable {
        struct Negation: Decodable {
            var window: Int?
            var cues: [String]?
            var breaks: [String]?
            var qualities: [String]?
            var silencers: [String]?
        }

        struct BoardReviewEntry: Decodable {
            var document_types: [String]?
            var sections: [String]?
            var mentions: [String]?
        }

        struct Survey: Decodable {
            struct Bases: Decodable {
                var addressed: String?
                var required: String?
                var stated: String?
                var named: String?
            }

            var bases: Bases?
            var count_buckets: [String]?
        }

        struct OwnStudy: Decodable {
            var document_types: [String]?
            var sections: [String]?
            var first_person: [String]?
        }

        struct Group: Decodable {
            struct Context: Decodable {
                var everywhere_in: [String]?
                var cues: [String]?
            }

            struct Scope: Decodable {
                var cues: [String]?
                var negated: [String]?
                var table_headers: [String]?
                var headings_in: [String]?
                var not_under: [String]?
            }

            var id: String
            var label: String?
            var negation: Bool?
            var negation_gives: String?
            var negation_window: Int?
            var other_actors: Bool?
            var context: Context?
            var scope: Scope?
        }

        struct Indicator: Decodable {
            var id: String
            var label: String?
            var yes: [String]?
            var no: [String]?
            var count: [String]?
            var unless: [String]?
            var unless_lists: [String]?
            var requires: String?
            var own_account: [String]?
        }

        var gap: Int?
        var negation: Negation?
        var proposals: [String]?
        var proposal_openers: [String]?
        var proposal_exceptions: [String]?
        var improvement_needs: [String]?
        var proposal_sections: [String]?
        var proposal_lead_ins: [String]?
        /// Named lists of `unless` phrases that several indicators share (`unless_lists: [name]`).
        var unless_lists: [String: [String]]?
        var decide: String?
        var ignored_sections: [String]?
        var own_study: OwnStudy?
        var other_actors: [String]?
        var contents_headings: [String]?
        var board_review: BoardReviewEntry?
        var council_inspection: BoardReviewEntry?
        var survey: Survey?
        var groups: [Group]
        var indicators: [Indicator]
        /// A block kept apart at the end of the file (the Working Together 2023 arrangements), read
        /// after the groups and indicators above.
        var more_groups: [Group]?
        var more_indicators: [Indicator]?
    }
}

public extension LexiconDirectory {
    func arrangementLexicon() throws(LexiconError) -> ArrangementLexicon {
        try ArrangementLexicon(contentsOf: requiredFile("arrangements.yml"), types: documentTypes())
    }
}
