/// What a run keeps of one document once it is read: the document's description without its text,
/// its items, the sentences that speak to an arrangement indicator, and what it says as an
/// inspection. The survey, the profiles and the report need nothing else, so the text can be
/// dropped as soon as this is made (a run's memory then grows with its items, not its text), and a
/// store can keep it between runs (``DocumentAnalysis`` is what `analyse` keeps in its store).
public struct DocumentAnalysis: Sendable, Codable, Hashable {
    /// The document with its metadata final (detected, then the manifest's, then the era) and no blocks.
    public var document: Document
    /// The items found, when the document has a partnership (none otherwise: such a document is left out).
    public var items: [Recommendation]
    /// Every indicator's evidence in the document's sentences, when it has a partnership.
    public var evidence: [IndicatorFinding]
    /// The document read as an inspection report or letter, when it is one and has a partnership.
    public var inspection: InspectionRead?
    /// The ``Document/contentKey`` of the document as read (nil when it had no text): versions of
    /// one document are found by it once the text is gone.
    public var contentKey: String? = nil
    /// The ``TextSketch`` of the document as read (nil when it has too few words): near-copies are
    /// found by it once the text is gone.
    public var sketch: TextSketch? = nil
}

/// Makes the ``DocumentAnalysis`` of each document read: its metadata detected and overridden by
/// the manifest (as ``CorpusSelection`` does), then items, indicator evidence and inspection.
public struct DocumentAnalyser: Sendable {
    public let detector: MetadataDetector?
    public var manifest: Manifest?
    public var finder: RecommendationFinder
    public var matcher: IndicatorMatcher
    public let inspections: InspectionLexicon?
    /// Where given, a document without a partnership that quotes partnerships under labels (the
    /// national survey) keeps its text, for ``ArrangementProfiler/profiles(of:jobs:)`` to split.
    public var quotes: QuotedPartnerships?

    public init(detector: MetadataDetector?, manifest: Manifest?, finder: RecommendationFinder, lexicon: ArrangementLexicon,
                inspections: InspectionLexicon?, quotes: QuotedPartnerships? = nil) {
        self.quotes = quotes
        self.detector = detector
        self.manifest = manifest
        self.finder = finder
        matcher = IndicatorMatcher(lexicon: lexicon)
        self.inspections = inspections
        detectorReadsTheSameInspections = detector.map { $0.rules.inspections == inspections } ?? false
    }

    /// Whether the detector reads inspections with ``inspections``: then a document is read as an
    /// inspection once, for both.
    private let detectorReadsTheSameInspections: Bool

    /// The document's metadata made final, exactly as ``CorpusSelection`` makes it.
    public func prepared(_ document: Document) -> Document {
        CorpusSelection.prepared(document, manifest: manifest, detector: detector)
    }

    /// The analysis of a document read (its metadata not yet detected).
    public func analysis(of read: Document) -> DocumentAnalysis {
        // The sentences depend on the blocks alone: made once for metadata, era and indicators,
        // from the blocks' words, made once for them, the item finder and the inspection reader.
        let blockWords = BlockWords(read)
        let sentences = read.contextSentences(blockWords: blockWords)
        let words = read.blocks.isEmpty ? nil : read.contentWords
        let key = words.map(SHA256.hex)
        let sketch = words.flatMap(TextSketch.init(words:))
        // The reading depends on the blocks alone, which preparing leaves as they are.
        let profile = inspections.flatMap { InspectionReader(lexicon: $0).read(read, blockWords: blockWords) }
        let document = CorpusSelection.prepared(read, manifest: manifest, detector: detector, sentences: sentences,
                                                inspection: detectorReadsTheSameInspections ? .init(profile) : nil)
        var stub = document
        stub.blocks = []
        guard document.metadata.partnership != nil else {
            let quoting = quotes.map { !$0.split(document).isEmpty } ?? false
            return DocumentAnalysis(document: quoting ? document : stub, items: [], evidence: [], inspection: nil, contentKey: key, sketch: sketch)
        }
        // The indicators read sentences made with the lexicon's contents headings, where one of
        // them opens a contents page (the same sentences, their words taken from those made above).
        let contents = matcher.lexicon.contentsHeadings
        let indicatorSentences = !HeadingPath(contentsHeadings: contents).opensContentsPage(in: document.blocks) ? sentences
            : document.contextSentences(contentsHeadings: contents, reusing: sentences, blockWords: blockWords)
        let evidence = matcher.evidence(in: document, sentences: indicatorSentences).map { IndicatorFinding(indicator: $0.indicator, evidence: $0.evidence) }
        let inspection = profile.map { InspectionRead(document: document, inspection: $0) }
        return DocumentAnalysis(document: stub, items: finder.recommendations(in: document, contentKey: key, blockWords: blockWords), evidence: evidence,
                                inspection: inspection, contentKey: key, sketch: sketch)
    }
}
