/// Every stage after reading, as one function: profile the partnerships, find and classify the
/// items of their documents, and build the survey. Documents without a partnership are left out
/// (a document quoting many partnerships gives them profiles, with `quotes`, but no items: a
/// quotation is not a partnership's report).
public struct SurveyPipeline: Sendable {
    public var profiler: ArrangementProfiler
    public var finder: RecommendationFinder
    public var classifier: Classifier
    public var options: Survey.Options
    /// `--scheme auto`: when set, each item is coded against its era's scheme and tabulated on the
    /// era classifier's axis scheme (`classifier` must then be the axis scheme's).
    public var eraClassifier: EraClassifier?
    /// Documents profiled and searched for items at once, on as many threads (`--jobs`); the
    /// result is the same for any number.
    public var jobs = 1

    /// The survey's theme order defaults to the classifier scheme's own.
    public init(lexicon: ArrangementLexicon, finder: RecommendationFinder, classifier: Classifier,
                options: Survey.Options = Survey.Options(), inspections: InspectionLexicon? = nil,
                quotes: QuotedPartnerships? = nil) {
        profiler = ArrangementProfiler(lexicon: lexicon, inspections: inspections, quotes: quotes)
        self.finder = finder
        self.classifier = classifier
        var options = options
        if options.themeOrder.isEmpty { options.themeOrder = classifier.scheme.lexicon.categories.map(\.name) }
        self.options = options
    }

    public struct Result: Sendable {
        public var profiles: [PartnershipProfile]
        /// Every item of the partnerships' documents; procedural decisions are not coded to a theme.
        public var items: [ClassifiedItem]
        /// With `--scheme auto`, each item's codings, in the order of `items` (nil for a procedural
        /// decision): its era's coding, with its own scores and evidence, beside the axis one
        /// `items` holds.
        public var codings: [EraClassifier.Coding?]?
        public var survey: Survey
    }

    public func run(_ documents: [Document], notes: [String] = []) -> Result {
        let profiles = profiler.profiles(of: documents, jobs: jobs)
        let finder = finder
        let found = Parallel.map(documents.filter { $0.metadata.partnership != nil }, jobs: jobs) { finder.recommendations(in: $0) }
            .flatMap { $0 }
        return finish(profiles: profiles, found: RecommendationFinder.distinctIDs(found), notes: notes)
    }

    /// The same result from the documents' analyses (``DocumentAnalyser``, made with this
    /// pipeline's finder and the profiler's lexicons), their text already dropped.
    /// `filesNotRead` counts the files of the run that failed or were read with errors, for the summary.
    public func run(analyses: [DocumentAnalysis], notes: [String] = [], filesNotRead: Int = 0) -> Result {
        let profiles = profiler.profiles(of: analyses, jobs: jobs)
        let found = RecommendationFinder.distinctIDs(analyses.filter { $0.document.metadata.partnership != nil }.flatMap(\.items))
        return finish(profiles: profiles, found: found, notes: notes, filesNotRead: filesNotRead)
    }

    /// What coded the themes, for the report's notes (it did not say: session 19's audit).
    var codedWith: Survey.CodedWith {
        let scheme = classifier.scheme
        return Survey.CodedWith(scheme: scheme.name, learnedLayer: scheme.learned != nil,
                                learnedFor: scheme.learned == nil ? nil : scheme.learnedDocumentTypes.map { $0.sorted() }, byEra: eraClassifier != nil)
    }

    private func finish(profiles: [PartnershipProfile], found: [Recommendation], notes: [String], filesNotRead: Int = 0) -> Result {
        // Coded in one batch, which shares buffers and the matching of section headings, then put back in order.
        let codable = found.filter { $0.kind != .procedural }
        let eraCodings = eraClassifier?.classify(codable)
        var coded = (eraCodings.map { $0.map(\.onAxis) } ?? classifier.classify(codable)).makeIterator()
        let items = found.map { item in
            item.kind == .procedural ? ClassifiedItem(recommendation: item, theme: ClassifiedItem.unclassified, subtheme: nil)
                : coded.next()!
        }
        var codingsLeft = eraCodings?.makeIterator()
        let codings = eraCodings.map { _ in found.map { $0.kind == .procedural ? nil : codingsLeft?.next() } }
        // Each item's theme under the axis scheme's own coding, for the eras' table on one scheme.
        let oneScheme = eraClassifier.map { era in
            (scheme: era.axis, themes: Dictionary(zip(codable, eraCodings ?? []).compactMap { item, coding in
                (coding.scheme == era.axis ? coding.item : coding.otherScheme == era.axis ? coding.other : nil).map { (item.id, $0.theme) }
            }, uniquingKeysWith: { first, _ in first }))
        }
        var survey = Survey(profiles: profiles, items: items, lexicon: profiler.lexicon, options: options, notes: notes,
                            inspections: profiler.inspections, oneScheme: oneScheme)
        survey.filesNotRead = filesNotRead
        survey.codedWith = codedWith
        survey.narrativeRead = finder.narrative
        return Result(profiles: profiles, items: items, codings: codings, survey: survey)
    }
}
