/// The cross-partnership survey: the national survey's who / how / what figures drawn from the
/// partnerships' own documents, and the themes their recommendations fall under.
public struct Survey: Sendable, Codable {
    public struct Options: Sendable {
        /// The kinds of item theme statistics count. Procedural decisions are never coded to a theme.
        public var themeKinds: [Recommendation.Kind] = [.recommendation, .areaForImprovement]
        /// How many sub-themes the table of the most frequent lists.
        public var topSubthemes = 10
        /// The themes in the order to show them (a scheme's own order); others follow.
        public var themeOrder: [String] = []
        /// The eras in order of date, as `lexicons/eras.yml` lists them; eras it does not name
        /// follow by name, and documents of no known era last.
        public var eraOrder: [String] = []

        public init(themeKinds: [Recommendation.Kind] = [.recommendation, .areaForImprovement], topSubthemes: Int = 10,
                    themeOrder: [String] = [], eraOrder: [String] = []) {
            self.themeKinds = themeKinds
            self.topSubthemes = topSubthemes
            self.themeOrder = themeOrder
            self.eraOrder = eraOrder
        }
    }

    public struct Group: Hashable, Sendable, Codable {
        public var id: String
        public var label: String
    }

    /// What the tables of items count: the partnerships and documents that can hold items (not
    /// those a document only quotes), and of their items those the themes count.
    public struct Counted: Hashable, Sendable, Codable {
        public var partnerships: Int
        public var documents: Int
        public var items: Int
        public var themed: Int
    }

    /// What coded the themes: the scheme, whether its learned layer joined it (and for which
    /// document types), and whether each document was coded with its era's scheme (`--scheme auto`).
    public struct CodedWith: Hashable, Sendable, Codable {
        public var scheme: String
        public var learnedLayer: Bool
        public var learnedFor: [String]?
        public var byEra: Bool

        public init(scheme: String, learnedLayer: Bool, learnedFor: [String]? = nil, byEra: Bool = false) {
            (self.scheme, self.learnedLayer, self.learnedFor, self.byEra) = (scheme, learnedLayer, learnedFor, byEra)
        }
    }

    public var partnerships: [String]
    /// One per document, and one per partnership's part of a document that quotes many.
    public var documents: [DocumentSummary]
    /// How many files the documents come from (a document quoting many partnerships is one).
    public var fileCount: Int { Set(documents.map(\.file)).count }
    /// Every item of the partnerships' documents, each with whether the theme tables count it.
    public var items: [SurveyItem]
    public var groups: [Group]
    public var indicators: IndicatorTable
    /// The indicators split by era; present where the partnerships' documents span two eras or more.
    public var indicatorsByEra: EraIndicatorTable?
    /// The inspection judgements of the partnerships' areas, where their documents include inspections.
    public var inspections: InspectionTable?
    public var themes: ThemeMatrix
    public var kinds: KindTable
    public var subthemes: SubthemeTable
    public var gaps: ThemeGaps
    /// Present where the documents' dates span more than one year.
    public var trends: YearTrends?
    /// The theme table split by era; present where the counted items come from documents of two eras or more.
    public var eras: EraThemeTable?
    /// The kinds of item the theme tables count.
    public var themeKinds: [String]
    /// What the run says about how the numbers were made (files left out, versions skipped): the
    /// report's notes add what the tables' wording explains (``ReportWording/notes(of:)``).
    public var notes: [String]
    public var counted: Counted
    /// Set by the pipeline that coded the items.
    public var codedWith: CodedWith?
    /// Whether narrative findings were read (`--narrative`); set by the pipeline that found the
    /// items, so that a table with none does not read as documents without them.
    public var narrativeRead: Bool?
    /// The few documents that hold much of what the themes count, where there are such (the
    /// report says so in its notes, in report.yml's words).
    public var heaviestDocuments: HeaviestDocuments?
    /// Files of the run that failed or were read with errors (named in `notes`): the summary says how many.
    public var filesNotRead = 0

    /// - Parameters:
    ///   - profiles: one per partnership.
    ///   - items: every item found in the partnerships' documents, classified (procedural ones too:
    ///     they count in the kinds table only).
    ///   - notes: remarks to carry into the report (versions skipped, files left out).
    ///   - oneScheme: with `--scheme auto`, the axis scheme and each item's theme under its own
    ///     coding, by item id (``SurveyItem/oneSchemeTheme``).
    public init(profiles: [PartnershipProfile], items: [ClassifiedItem], lexicon: ArrangementLexicon,
                options: Options = Options(), notes: [String] = [], inspections: InspectionLexicon? = nil,
                oneScheme: (scheme: String, themes: [String: String])? = nil) {
        partnerships = profiles.map(\.partnership)
        documents = profiles.flatMap(\.documents).sorted { $0.file < $1.file }
        groups = lexicon.groups.map { Group(id: $0.id, label: $0.label) }
        indicators = IndicatorTable(profiles: profiles, lexicon: lexicon)
        indicatorsByEra = EraIndicatorTable(profiles: profiles, lexicon: lexicon, eraOrder: options.eraOrder)
        self.inspections = inspections.flatMap { InspectionTable(profiles: profiles, indicators: InspectionIndicators(lexicon: $0)) }
        let files = Set(documents.map(\.file))
        let ownItems = items.filter { files.contains($0.recommendation.document) }
        let counts = { (item: ClassifiedItem) in options.themeKinds.contains(item.recommendation.kind) && item.recommendation.kind != .procedural }
        let themed = ownItems.filter(counts)
        self.items = ownItems.map { item in
            var surveyItem = SurveyItem(item, themed: counts(item))
            if surveyItem.theme != nil { surveyItem.oneSchemeTheme = oneScheme?.themes[item.recommendation.id] }
            return surveyItem
        }
        // The tables of items count the documents that can hold items, and their partnerships: a
        // partnership quoted in the national survey has no items there, and would only swell the
        // denominators ("71 of 92 have no purpose item", where 70 were quoted).
        let itemDocuments = documents.filter { $0.quotation != true }
        let withDocuments = Set(itemDocuments.compactMap(\.partnership))
        let itemPartnerships = partnerships.filter { withDocuments.contains($0) }
        themes = ThemeMatrix(items: themed, partnerships: itemPartnerships, themes: options.themeOrder)
        kinds = KindTable(items: ownItems, documents: itemDocuments, types: lexicon.documentTypes)
        // A partnership none of whose items is counted (only strengths, when the themes count
        // recommendations and areas for improvement) lacks no theme in particular: the gaps and the
        // sub-themes' reach are of the partnerships with an item counted (a researcher's audit:
        // "64% of 42 have no purpose strength" were the 27 with no strength at all).
        let withCounted = Set(themed.compactMap(\.recommendation.partnership))
        let themedPartnerships = itemPartnerships.filter { withCounted.contains($0) }
        subthemes = SubthemeTable(items: themed, partnerships: themedPartnerships.count, limit: options.topSubthemes)
        gaps = ThemeGaps(items: themed, partnerships: themedPartnerships, themes: themes.themes)
        trends = YearTrends(items: themed, documents: itemDocuments, themes: themes.themes)
        themeKinds = options.themeKinds.filter { $0 != .procedural }.map(\.rawValue)
        // Remarks read as sentences in the report.
        let notes = notes.map { note in
            // One line each, whatever a file's name holds: a newline or an escape sequence in a name
            // is shown escaped, as on standard error (session 38's audit: a raw newline broke the list).
            let note = TerminalText.escaped(note)
            // A note that opens with a file's name ("survey.txt has no partnership …") keeps its case.
            let firstWord = note.prefix { $0 != " " }
            let sentence = firstWord.contains(where: { $0 == "." || $0 == "/" }) ? note : note.prefix(1).uppercased() + note.dropFirst()
            return sentence.hasSuffix(".") ? sentence : sentence + "."
        }
        // What the tables mean is said in the report's words (report.yml `notes`), from these.
        self.counted = Counted(partnerships: itemPartnerships.count, documents: itemDocuments.count, items: ownItems.count, themed: themed.count)
        heaviestDocuments = HeaviestDocuments(themed)
        self.notes = notes
        eras = EraThemeTable(self, eraOrder: options.eraOrder, oneScheme: oneScheme?.scheme)
    }
}

public extension Survey {
    /// The partnerships known only from another document's quotations (the national survey's
    /// labels), and the documents that quote them: the report's headline and the CSV of
    /// indicators say how many of a figure's N they are.
    var quotedOnly: (partnerships: Set<String>, sources: [String]) {
        var own: Set<String> = [], quoted: Set<String> = [], sources: Set<String> = []
        for document in documents {
            guard let partnership = document.partnership else { continue }
            if document.quotation == true {
                quoted.insert(partnership)
                sources.insert(document.file)
            } else {
                own.insert(partnership)
            }
        }
        return (quoted.subtracting(own), sources.sorted())
    }
}
