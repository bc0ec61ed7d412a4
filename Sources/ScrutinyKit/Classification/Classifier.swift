import Foundation

/// Codes each recommendation to a theme and sub-theme of a scheme, conservatively and with its
/// evidence: the item's own words count fully (a little more near its start, where its topic
/// usually stands), the words of the section headings above it and of its actor count less, and a
/// term said again adds less. The theme with the highest total wins, then its best sub-theme;
/// below the scheme's threshold the item is `unclassified` rather than guessed.
public struct Classifier: Sendable {
    public let scheme: ThemeScheme
    private let matcher: LexiconMatcher
    /// The same lexicon's matcher told the learned layer's words too (``LearnedWords``), for the
    /// items the layer applies to; the others' words are scanned without them, which is quicker.
    private let matcherWithLearnedWords: LexiconMatcher?
    private let threshold: Double
    private let sectionWeight: Double
    private let actorWeight: Double
    private let secondaryRatio: Double
    private let positionEmphasis: Double
    private let repeatWeight: Double
    /// `theme_by_best_subtheme: 1`: the theme whose best sub-theme scores highest wins, rather than
    /// the theme with the highest total (a theme with many sub-themes gathers background terms).
    private let themeByBestSubtheme: Bool
    /// The matcher's categories, their paths, and for each the indices of itself and its ancestors.
    private let categories: [LexiconCategory]
    private let paths: [String]
    private let names: [String]
    let ancestors: IndexLists
    private let themeIndices: [Int]
    private let childIndices: IndexLists
    /// Every category's terms end to end: term `t` of category `c` is at `termOffset[c] + t`.
    private let termOffset: [Int]
    private let patterns: [String]
    let weights: [Double]
    private let termNames: TermMatches.Names
    /// The scheme's learned layer: its words, read among those the scheme's matcher scans when
    /// every term of the layer is one word (``LearnedWords``), else its own matcher; the scheme's
    /// index of each of its categories, and where its terms start in `patterns` and `weights`. Its
    /// weights add to the item's own words, once per term, with no emphasis or discount.
    private let learnedWords: LearnedWords?
    private let layer: LexiconMatcher?
    let layerCategory: [Int]
    let layerTermOffset: [Int]
    let layerTypes: Set<String>?

    public init(scheme: ThemeScheme) {
        self.scheme = scheme
        let lexicon = scheme.lexicon
        threshold = lexicon.setting("threshold", default: 1)
        sectionWeight = lexicon.setting("section_weight", default: 0.4)
        actorWeight = lexicon.setting("actor_weight", default: 0.6)
        secondaryRatio = lexicon.setting("secondary_ratio", default: 0.5)
        positionEmphasis = lexicon.setting("position_emphasis", default: 0.25)
        repeatWeight = lexicon.setting("repeat_weight", default: 0.5)
        themeByBestSubtheme = lexicon.setting("theme_by_best_subtheme", default: 0) > 0
        let categories = lexicon.allCategories
        self.categories = categories
        let paths = categories.map(\.path)
        self.paths = paths
        names = categories.map(\.name)
        let ancestorLists = paths.map { path in paths.indices.filter { path == paths[$0] || path.hasPrefix(paths[$0] + ".") } }
        ancestors = IndexLists(ancestorLists)
        themeIndices = lexicon.categories.compactMap { theme in paths.firstIndex(of: theme.path) }
        childIndices = IndexLists(categories.map { category in category.children.compactMap { paths.firstIndex(of: $0.path) } })
        var offsets: [Int] = []
        var patterns: [String] = []
        var weights: [Double] = []
        for category in categories {
            offsets.append(patterns.count)
            patterns += category.terms.map(\.pattern)
            weights += category.terms.map(\.weight)
        }
        termOffset = offsets
        var layerCategory: [Int] = []
        var layerOffsets: [Int] = []
        var learnedWords: LearnedWords?
        if let learned = scheme.learned {
            for category in learned.allCategories {
                layerCategory.append(paths.firstIndex(of: category.path) ?? -1)
                layerOffsets.append(patterns.count)
                patterns += category.terms.map(\.pattern)
                weights += category.terms.map(\.weight)
            }
            learnedWords = LearnedWords(layer: learned, categoryIndex: layerCategory, termOffset: layerOffsets, ancestors: ancestorLists)
            layer = learnedWords == nil ? LexiconMatcher(lexicon: learned) : nil
        } else {
            layer = nil
        }
        matcher = LexiconMatcher(lexicon: lexicon)
        if let learnedWords {
            let withWords = LexiconMatcher(lexicon: lexicon, alsoScanning: learnedWords.words)
            precondition(learnedWords.areKnown(by: withWords), "the matcher numbers the learned words in order")
            matcherWithLearnedWords = withWords
        } else {
            matcherWithLearnedWords = nil
        }
        self.learnedWords = learnedWords
        layerTypes = scheme.learnedDocumentTypes
        self.layerCategory = layerCategory
        layerTermOffset = layerOffsets
        self.patterns = patterns
        self.weights = weights
        termNames = TermMatches.Names(categories: paths, terms: patterns, learned: learnedWords)
    }

    public func classify(_ recommendation: Recommendation) -> ClassifiedItem {
        classify([recommendation])[0]
    }

    /// Classifies a batch, reusing one set of buffers; the items of one section share the
    /// matching of its headings.
    public func classify(_ recommendations: [Recommendation]) -> [ClassifiedItem] {
        var workspace = Workspace(classifier: self)
        var result: [ClassifiedItem] = []
        result.reserveCapacity(recommendations.count)
        for recommendation in recommendations {
            weigh(recommendation, workspace: &workspace)
            let decision = decide(scores: workspace.scores, records: workspace.records, matches: workspace.matchCount)
            result.append(ClassifiedItem(recommendation: recommendation,
                                         theme: decision.theme < 0 ? ClassifiedItem.unclassified : names[decision.theme],
                                         subtheme: decision.subtheme < 0 ? nil : names[decision.subtheme],
                                         secondary: decision.secondary,
                                         scores: CategoryScores(paths: paths, evidence: decision.evidence),
                                         matches: TermMatches(names: termNames, source: recommendation, evidence: decision.evidence)))
        }
        return result
    }

    /// What ``decide(scores:records:matches:)`` makes of an item's weighed terms: the indices of its theme
    /// and sub-theme (-1 for none), the secondary ones, and the records and rounded scores to keep.
    struct Decision {
        var theme: Int
        var subtheme: Int
        var secondary: [ClassifiedItem.ThemeScore]
        var evidence: ItemEvidence
    }

    /// A term found in one source string: the match, its offsets in Unicode scalars and its words.
    struct Span {
        var match: LexiconMatcher.Match
        var start: Int
        var end: Int
    }

    /// The spans of one source string, and its length in Unicode scalars.
    struct Located {
        var spans: [Span] = []
        var scalarCount = 0
    }

    /// The spans of section paths (or actors) already seen in a batch, found by their length and
    /// bytes (hashing and comparing Strings would normalise them to NFC each time). The last one is checked
    /// first, since a document's items come section by section.
    struct SpanCache {
        private var entries: [(length: Int, text: String, located: Located)] = []
        private var last: Int?

        mutating func find(_ text: String) -> Located? {
            let length = text.utf8.count
            if let last, entries[last].length == length, Self.same(entries[last].text, text) { return entries[last].located }
            guard let index = entries.firstIndex(where: { $0.length == length && Self.same($0.text, text) }) else { return nil }
            last = index
            return entries[index].located
        }

        mutating func add(_ text: String, _ located: Located) {
            entries.append((text.utf8.count, text, located))
            last = entries.count - 1
        }

        static func same(_ a: String, _ b: String) -> Bool {
            let equal = a.utf8.withContiguousStorageIfAvailable { x in
                b.utf8.withContiguousStorageIfAvailable { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
            }
            return (equal ?? nil) ?? a.utf8.elementsEqual(b.utf8)
        }
    }

    /// What one batch reuses from item to item.
    struct Workspace {
        var matching: LexiconMatcher.Workspace
        var located = Located()
        var layerMatching: LexiconMatcher.Workspace
        var layerLocated = Located()
        var scores: [Double]
        /// The item that last saw each term, to tell a repeated term.
        var seenBy: [Int]
        var item = 0
        /// The explained matches of the item being classified, and how many matches they stand for.
        var records: [TermMatches.Record] = []
        var matchCount = 0
        /// The learned words found in the item's text (the first `n`), what they add to each score
        /// in ten-thousandths (padded to the layer's row length, their matches counted last), and
        /// the item that last saw each learned word.
        var learnedFound: [TermMatches.Record] = []
        var learnedScores: [Int32]
        var learnedSeenBy: [Int]
        var sections = SpanCache()
        var actors = SpanCache()
        /// The document type last asked about, and whether the learned layer applies to it: a
        /// document's items come together.
        var lastDocumentType: (type: String, applies: Bool)?

        init(classifier: Classifier) {
            matching = classifier.matcher.makeWorkspace()
            layerMatching = (classifier.layer ?? classifier.matcher).makeWorkspace()
            scores = [Double](repeating: 0, count: classifier.categories.count)
            seenBy = [Int](repeating: 0, count: classifier.patterns.count)
            learnedScores = [Int32](repeating: 0, count: classifier.learnedWords?.rowLength ?? 0)
            learnedSeenBy = [Int](repeating: 0, count: classifier.learnedWords?.count ?? 0)
        }
    }

    /// Scores one item into the workspace: its matched terms and their weights.
    func weigh(_ recommendation: Recommendation, workspace: inout Workspace) {
        workspace.item += 1
        workspace.scores.withUnsafeMutableBufferPointer { scores in
            for index in scores.indices { scores[index] = 0 }
        }
        workspace.records.clear()
        workspace.matchCount = 0
        // The item's own spans go in the workspace's buffer, taken out while `add` uses the workspace.
        var located = Located()
        swap(&located, &workspace.located)
        located.spans.clear()
        var layerLocated = Located()
        swap(&layerLocated, &workspace.layerLocated)
        layerLocated.spans.clear()
        let actor = recommendation.actor
        let layerApplies = (learnedWords != nil || layer != nil) && layerApplies(to: recommendation.documentType, workspace: &workspace)
        // The text's bytes are read in place, for the actor and the matching.
        let actorEnd = Self.withBytes(of: recommendation.text) { bytes -> Int? in
            // The actor named at the start of the item ("The Executive should …") is who acts, not
            // what the item is about: its words count as actor evidence, not as the item's own.
            let actorEnd = actor.flatMap { actor in Self.withBytes(of: actor) { Self.actorSpan(of: $0, in: bytes) } }
            // Both matchers find the same matches; the one with the learned words also scans them.
            locate(bytes, into: &located, workspace: &workspace.matching,
                   using: layerApplies && learnedWords != nil ? matcherWithLearnedWords : nil)
            if layerApplies, learnedWords == nil, let layer {
                locate(bytes, into: &layerLocated, workspace: &workspace.layerMatching, using: layer)
            }
            return actorEnd
        }
        add(located, source: .text, factor: 1, actorEnd: actorEnd, workspace: &workspace)
        workspace.located = located
        if layerApplies, let learnedWords {
            // Among the words just scanned, which no other matching has replaced yet.
            Self.withBytes(of: recommendation.text) { addLearned($0, words: learnedWords, workspace: &workspace) }
        }
        addLayer(layerLocated, workspace: &workspace)
        workspace.layerLocated = layerLocated
        let section = recommendation.section
        if sectionWeight > 0, !section.isEmpty {
            let spans = cachedSpans(section, in: &workspace.sections, workspace: &workspace.matching)
            add(spans, source: .section, factor: sectionWeight, actorEnd: nil, workspace: &workspace)
        }
        if actorEnd == nil, actorWeight > 0, let actor, !actor.isEmpty {
            let spans = cachedSpans(actor, in: &workspace.actors, workspace: &workspace.matching)
            add(spans, source: .actor, factor: actorWeight, actorEnd: nil, workspace: &workspace)
        }
    }
}

private extension Classifier {
    /// The theme with the highest total, then its best sub-theme, and the others near enough to be
    /// secondary; the scores rounded and the matches copied, to keep with the item.
    func decide(scores: [Double], records: [TermMatches.Record], matches: Int) -> Decision {
        // The records and the rounded scores, kept together in one allocation.
        let evidence = records.withUnsafeBufferPointer { records in
            scores.withUnsafeBufferPointer { scores in
                ItemEvidence.make(records: records, matches: matches, scores: scores.count) { scores[$0] > 0 ? round(scores[$0]) : 0 }
            }
        }
        var theme = -1
        if themeByBestSubtheme {
            var best = 0.0
            for index in themeIndices {
                var value = childIndices.isEmpty(index) ? scores[index] : 0
                childIndices.forEach(index) { child in value = max(value, scores[child]) }
                if value > best { best = value; theme = index }
            }
        } else {
            for index in themeIndices where scores[index] > (theme < 0 ? 0 : scores[theme]) { theme = index }
        }
        var subtheme = -1
        var secondary: [ClassifiedItem.ThemeScore] = []
        if theme >= 0, scores[theme] >= threshold {
            childIndices.forEach(theme) { index in
                if scores[index] > (subtheme < 0 ? 0 : scores[subtheme]) { subtheme = index }
            }
            let primaryScore = subtheme < 0 ? scores[theme] : scores[subtheme]
            func isSecondary(_ index: Int) -> Bool {
                scores[index] >= secondaryRatio * primaryScore && scores[index] >= threshold / 2
            }
            for themeIndex in themeIndices {
                if childIndices.isEmpty(themeIndex) {
                    if themeIndex != theme, isSecondary(themeIndex) {
                        secondary.append(.init(theme: names[themeIndex], subtheme: nil, score: evidence.score(themeIndex)))
                    }
                    continue
                }
                childIndices.forEach(themeIndex) { index in
                    if index != subtheme, isSecondary(index) {
                        secondary.append(.init(theme: names[themeIndex], subtheme: names[index], score: evidence.score(index)))
                    }
                }
            }
            if secondary.count > 1 { secondary.sort { $0.score > $1.score } }
        } else {
            theme = -1
        }
        return Decision(theme: theme, subtheme: subtheme, secondary: secondary, evidence: evidence)
    }

    /// The spans of a section path or actor, matched once a batch.
    func cachedSpans(_ text: String, in cache: inout SpanCache, workspace: inout LexiconMatcher.Workspace) -> Located {
        if let cached = cache.find(text) { return cached }
        var fresh = Located()
        Self.withBytes(of: text) { locate($0, into: &fresh, workspace: &workspace) }
        cache.add(text, fresh)
        return fresh
    }

    /// Calls `body` with the UTF-8 bytes of `text`, read in place when the string is stored
    /// contiguously (as native strings are), without copying it or counting references.
    static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Matches the UTF-8 `bytes` of a text and appends each match's Unicode-scalar offsets and
    /// words to `located`.
    func locate(_ bytes: UnsafeBufferPointer<UInt8>, into located: inout Located, workspace: inout LexiconMatcher.Workspace,
                using matcher: LexiconMatcher? = nil) {
        (matcher ?? self.matcher).match(bytes, in: &workspace)
        let count = workspace.result.count
        guard count > 0 else { return }
        // Scalars start at every byte but continuation bytes; in ASCII, offsets are byte offsets.
        let ascii = workspace.lastTextWasASCII
        located.scalarCount = ascii ? bytes.count : Self.scalarStarts(bytes, from: 0, to: bytes.count)
        located.spans.reserveCapacity(located.spans.count + count)
        var byteCursor = 0
        var scalarCursor = 0
        func scalarOffset(_ byteOffset: Int) -> Int {
            if ascii { return byteOffset }
            scalarCursor += Self.scalarStarts(bytes, from: byteCursor, to: byteOffset)
            byteCursor = byteOffset
            return scalarCursor
        }
        // The matches come in text order and do not overlap, so the cursor only moves forward.
        for index in 0..<count {
            let match = workspace.result[index]
            let start = scalarOffset(match.bytes.lowerBound)
            let end = scalarOffset(match.bytes.upperBound)
            located.spans.append(Span(match: match, start: start, end: end))
        }
    }

    /// Weighs the spans of one source and adds them to the scores and the explained matches.
    func add(_ located: Located, source: ClassifiedItem.TermMatch.Source, factor: Double, actorEnd: Int?,
             workspace: inout Workspace) {
        guard !located.spans.isEmpty else { return }
        let length = Double(max(1, located.scalarCount))
        let item = workspace.item
        let string: UInt8 = source == .text ? 0 : source == .section ? 1 : 2
        workspace.scores.withUnsafeMutableBufferPointer { scores in
        workspace.seenBy.withUnsafeMutableBufferPointer { seenBy in
            for span in located.spans {
                let match = span.match
                let termIndex = termOffset[match.category] + match.term
                var weight = weights[termIndex] * factor
                var matchSource = source
                if source == .text, let actorEnd, span.end <= actorEnd {
                    weight = weights[termIndex] * actorWeight
                    matchSource = .actor
                } else if source == .text {
                    weight *= 1 + positionEmphasis * (1 - 2 * Double(span.start) / length)
                }
                if seenBy[termIndex] == item {
                    weight *= repeatWeight
                } else {
                    seenBy[termIndex] = item
                }
                workspace.records.append(TermMatches.Record(category: Int32(match.category), term: Int32(termIndex), source: matchSource,
                                                            string: string,
                                                            bytes: Int32(clamping: match.bytes.lowerBound)..<Int32(clamping: match.bytes.upperBound),
                                                            start: Int32(clamping: span.start), end: Int32(clamping: span.end),
                                                            first: Int32(clamping: workspace.matchCount), weight: round(weight)))
                workspace.matchCount += 1
                // A term counts for its category and every category above it.
                ancestors.forEach(match.category) { scores[$0] += weight }
            }
        }
        }
    }

    /// Where the actor ends when the item's text opens with it (within its first 30 characters),
    /// in Unicode scalars; both are UTF-8, compared ignoring ASCII case.
    static func actorSpan(of actorBytes: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !actorBytes.isEmpty, actorBytes.count <= haystack.count else { return nil }
        let lastStart = min(30, haystack.count - actorBytes.count)
        for start in 0...lastStart {
            var equal = true
            for offset in 0..<actorBytes.count {
                let a = haystack[start + offset], b = actorBytes[offset]
                let letter = (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A
                if a != b && !(letter && (a | 0x20) == (b | 0x20)) {
                    equal = false
                    break
                }
            }
            // Scalars up to the end of the match.
            if equal { return scalarStarts(haystack, from: 0, to: start + actorBytes.count) }
        }
        return nil
    }

}

/// Lists of indices kept end to end in one array, read without retaining an inner array.
struct IndexLists: Sendable {
    private let starts: [Int]
    private let items: [Int]

    init(_ lists: [[Int]]) {
        var starts = [0]
        for list in lists { starts.append(starts.last! + list.count) }
        self.starts = starts
        items = lists.flatMap { $0 }
    }

    func isEmpty(_ list: Int) -> Bool { starts[list] == starts[list + 1] }

    @inline(__always) func forEach(_ list: Int, _ body: (Int) -> Void) {
        var index = starts[list]
        let end = starts[list + 1]
        while index < end {
            body(items[index])
            index += 1
        }
    }
}

extension Classifier {
    /// To three decimals, halves away from zero: the same as `(value * 1000).rounded() / 1000`,
    /// without a call to the C library for each score.
    @inline(__always) func round(_ value: Double) -> Double {
        let scaled = value * 1000
        guard abs(scaled) < 4.5e15 else { return scaled.rounded() / 1000 }
        // Both exact below 2^52: the whole part, and what is left of the scaled value.
        let whole = Double(Int64(scaled))
        let fraction = scaled - whole
        return (fraction >= 0.5 ? whole + 1 : fraction <= -0.5 ? whole - 1 : whole) / 1000
    }
}
