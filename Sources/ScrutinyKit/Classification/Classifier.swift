import Foundation

/// Codes each recommendation to a theme and sub-theme of a scheme, conservatively and with its
/// evidence: the item's own words count fully (a little more near its start, where its topic
/// usually stands), the words of the section headings above it and of its actor count less, and a
/// term said again adds less. The theme with the highest total wins, then its best sub-theme;
/// below the scheme's threshold the item is `unclassified` rather than guessed.
public struct Classifier: Sendable {
    public let scheme: ThemeScheme
    let matcher: LexiconMatcher
    /// The same lexicon's matcher told the learned layer's words too (``LearnedWords``), for the
    /// items the layer applies to; the others' words are scanned without them, which is quicker.
    let matcherWithLearnedWords: LexiconMatcher?
    private let threshold: Double
    let sectionWeight: Double
    /// How much the words of a section path's outermost heading (the document's title, where the
    /// path has two or more headings) weigh against the other headings': 1 as much, 0 not at all.
    let titleWeight: Double
    let actorWeight: Double
    private let secondaryRatio: Double
    let positionEmphasis: Double
    let repeatWeight: Double
    /// `theme_by_best_subtheme: 1`: the theme whose best sub-theme scores highest wins, rather than
    /// the theme with the highest total (a theme with many sub-themes gathers background terms).
    private let themeByBestSubtheme: Bool
    /// The matcher's categories, their paths, and for each the indices of itself and its ancestors.
    let categories: [LexiconCategory]
    private let paths: [String]
    private let names: [String]
    let ancestors: IndexLists
    private let themeIndices: [Int]
    private let childIndices: IndexLists
    /// Every category's terms end to end: term `t` of category `c` is at `termOffset[c] + t`.
    let termOffset: [Int]
    let patterns: [String]
    let weights: [Double]
    private let termNames: TermMatches.Names
    /// The scheme's learned layer: its words, read among those the scheme's matcher scans when
    /// every term of the layer is one word (``LearnedWords``), else its own matcher; the scheme's
    /// index of each of its categories, and where its terms start in `patterns` and `weights`. Its
    /// weights add to the item's own words, once per term, with no emphasis or discount.
    let learnedWords: LearnedWords?
    let layer: LexiconMatcher?
    let layerCategory: [Int]
    let layerTermOffset: [Int]
    let layerTypes: Set<String>?

    public init(scheme: ThemeScheme) {
        self.scheme = scheme
        let lexicon = scheme.lexicon
        threshold = lexicon.setting("threshold", default: 1)
        sectionWeight = lexicon.setting("section_weight", default: 0.4)
        titleWeight = lexicon.setting("title_weight", default: 1)
        actorWeight = lexicon.setting("actor_weight", default: 0.6)
        secondaryRatio = lexicon.setting("secondary_ratio", default: 0.5)
        // 0 unless the scheme asks: in a dictionary without settings (a LIWC .dic) every match of the
        // item's own words counts 1, so that one clear term reaches the default threshold of 1 (session
        // 38's audit: at 0.25, a term past an item's first words scored 0.75–0.93 and left it unclassified).
        positionEmphasis = lexicon.setting("position_emphasis", default: 0)
        repeatWeight = lexicon.setting("repeat_weight", default: 0.5)
        themeByBestSubtheme = lexicon.setting("theme_by_best_subtheme", default: 0) > 0
        let categories = lexicon.allCategories
        self.categories = categories
        let paths = categories.map(\.path)
        self.paths = paths
        names = categories.map(\.name)
        // Looked up by path, not searched: a scheme of 20,000 categories took minutes when each
        // category searched all the others (session 38's audit).
        var indicesByPath: [String: [Int]] = [:]
        for (index, path) in paths.enumerated() { indicesByPath[path, default: []].append(index) }
        let ancestorLists = paths.map { path in
            // The category itself and every category whose path is a dotted prefix of its path.
            let prefixes = path.indices.filter { path[$0] == "." }.map { String(path[..<$0]) } + [path]
            return prefixes.flatMap { indicesByPath[$0] ?? [] }.sorted()
        }
        ancestors = IndexLists(ancestorLists)
        themeIndices = lexicon.categories.compactMap { theme in indicesByPath[theme.path]?.first }
        childIndices = IndexLists(categories.map { category in category.children.compactMap { indicesByPath[$0.path]?.first } })
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
                layerCategory.append(indicesByPath[category.path]?.first ?? -1)
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

}

private extension Classifier {
    /// How much a score must exceed another's to win: two scores equal but for the order their
    /// weights were added in are a tie, which the category listed first takes (session 42: the fast
    /// reading of a learned layer and matching it as a lexicon chose differently in a tie of 3.08).
    static let tie = 1e-9

    /// The theme with the highest total, then its best sub-theme, and the others near enough to be
    /// secondary; the scores rounded and the matches copied, to keep with the item.
    func decide(scores: [Double], records: [TermMatches.Record], matches: Int) -> Decision {
        // The records and the rounded scores, kept together in one allocation.
        let evidence = ItemEvidence.make(records: records, matches: matches, scores: scores.count) { scores[$0] > 0 ? round(scores[$0]) : 0 }
        var theme = -1
        if themeByBestSubtheme {
            var best = 0.0
            for index in themeIndices {
                var value = childIndices.isEmpty(index) ? scores[index] : 0
                childIndices.forEach(index) { child in value = max(value, scores[child]) }
                if value > best + Self.tie { best = value; theme = index }
            }
        } else {
            for index in themeIndices where scores[index] > (theme < 0 ? 0 : scores[theme] + Self.tie) { theme = index }
        }
        var subtheme = -1
        var secondary: [ClassifiedItem.ThemeScore] = []
        if theme >= 0, scores[theme] >= threshold {
            childIndices.forEach(theme) { index in
                if scores[index] > (subtheme < 0 ? 0 : scores[subtheme] + Self.tie) { subtheme = index }
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
