import ScrutinyKit

/// The lexicons a run's stages share (the item finder's rules, the arrangement indicators, the
/// document cues, the quoted partnerships), each read from its file once, when first asked for:
/// `analyse` and `survey` need them to analyse the documents and again for the survey after, and
/// a run that takes every document from the store reads them only for the survey. Used on the
/// run's own thread.
final class RunLexicons {
    let options: LexiconOptions
    let items: ItemOptions
    let quoted: QuotedOption
    private var finder: RecommendationFinder?
    private var arrangements: ArrangementLexicon?
    private var detector: MetadataDetector?
    private var quotes: QuotedPartnerships??

    init(_ options: LexiconOptions, items: ItemOptions, quoted: QuotedOption) {
        self.options = options
        self.items = items
        self.quoted = quoted
    }

    func itemFinder() throws -> RecommendationFinder {
        try Self.once(&finder) { try options.finder(items) }
    }

    func arrangementLexicon() throws -> ArrangementLexicon {
        try Self.once(&arrangements) { try options.arrangementLexicon() }
    }

    func metadataDetector() throws -> MetadataDetector {
        try Self.once(&detector) { try options.metadataDetector() }
    }

    func quotedPartnerships() throws -> QuotedPartnerships? {
        try Self.once(&quotes) { try quoted.quotes(try options.locate()) }
    }
}

private extension RunLexicons {
    static func once<Value>(_ slot: inout Value?, _ make: () throws -> Value) rethrows -> Value {
        if let made = slot { return made }
        let made = try make()
        slot = made
        return made
    }
}
