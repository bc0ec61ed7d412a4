/// Codes each recommendation to a theme and sub-theme of a scheme, conservatively and with its
/// evidence: the item's own words count fully (a little more near its start, where its topic
/// usually stands), the words of the section headings above it and of its actor count less, and a
/// term said again adds less. The theme with the highest total wins, then its best sub-theme;
/// below the scheme's threshold the item is `unclassified` rather than guessed.
public struct Classifier: Sendable {
    public let scheme: ThemeScheme
    private let matcher: LexiconMatcher
    private let threshold: Double
    private let sectionWeight: Double
    private let actorWeight: Double
    private let secondaryRatio: Double
    private let positionEmphasis: Double
    private let repeatWeight: Double
    /// The matcher's categories, their paths, and for each the indices of itself and its ancestors.
    private let categories: [LexiconCategory]
    private let paths: [String]
    private let ancestors: [[Int]]
    private let themeIndices: [Int]
    private let childIndices: [[Int]]

    public init(scheme: ThemeScheme) {
        self.scheme = scheme
        matcher = LexiconMatcher(lexicon: scheme.lexicon)
        let lexicon = scheme.lexicon
        threshold = lexicon.setting("threshold", default: 1)
        sectionWeight = lexicon.setting("section_weight", default: 0.4)
        actorWeight = lexicon.setting("actor_weight", default: 0.6)
        secondaryRatio = lexicon.setting("secondary_ratio", default: 0.5)
        positionEmphasis = lexicon.setting("position_emphasis", default: 0.25)
        repeatWeight = lexicon.setting("repeat_weight", default: 0.5)
        categories = matcher.categories
        let paths = categories.map(\.path)
        self.paths = paths
        ancestors = paths.map { path in paths.indices.filter { path == paths[$0] || path.hasPrefix(paths[$0] + ".") } }
        themeIndices = lexicon.categories.compactMap { theme in paths.firstIndex(of: theme.path) }
        childIndices = categories.map { category in category.children.compactMap { paths.firstIndex(of: $0.path) } }
    }

    public func classify(_ recommendation: Recommendation) -> ClassifiedItem {
        var cache = SectionCache()
        return classify(recommendation, sectionCache: &cache)
    }

    /// Classifies a batch; the items of one section share the matching of its headings.
    public func classify(_ recommendations: [Recommendation]) -> [ClassifiedItem] {
        var cache = SectionCache()
        return recommendations.map { classify($0, sectionCache: &cache) }
    }

    /// Matches in one source string, with their offsets and words.
    public struct Located: Sendable {
        var matches: [LexiconMatcher.Match]
        var spans: [(Int, Int, String)]
        var scalarCount: Int
    }

    /// The matches of section paths already seen in a batch; the last one is checked first, since a
    /// document's items come section by section.
    struct SectionCache {
        var last: (text: String, located: Located)?
        var all: [String: Located] = [:]
    }

    func classify(_ recommendation: Recommendation, sectionCache: inout SectionCache) -> ClassifiedItem {
        var matches: [ClassifiedItem.TermMatch] = []
        var scores = [Double](repeating: 0, count: categories.count)
        var seen: [(category: Int, term: Int)] = []
        // The actor named at the start of the item ("The Executive should …") is who acts, not what
        // the item is about: its words count as actor evidence, not as the item's own.
        let actorEnd = actorSpan(in: recommendation)
        let sources: [(String, ClassifiedItem.TermMatch.Source, Double)] = [
            (recommendation.text, .text, 1),
            (recommendation.section, .section, sectionWeight),
            (actorEnd == nil ? recommendation.actor ?? "" : "", .actor, actorWeight),
        ]
        for (text, source, factor) in sources where !text.isEmpty && factor > 0 {
            let located: Located
            if source == .section, let last = sectionCache.last, last.text == text {
                located = last.located
            } else if source == .section, let cached = sectionCache.all[text] {
                located = cached
            } else {
                let found = matcher.matches(in: text)
                located = found.isEmpty ? Located(matches: [], spans: [], scalarCount: 0) : locate(found, in: text)
                if source == .section { sectionCache.all[text] = located }
            }
            if source == .section { sectionCache.last = (text, located) }
            let found = located.matches
            guard !found.isEmpty else { continue }
            let length = Double(max(1, located.scalarCount))
            for (index, match) in found.enumerated() {
                let (start, end, matched) = located.spans[index]
                let term = categories[match.category].terms[match.term]
                var weight = term.weight * factor
                var matchSource = source
                if source == .text, let actorEnd, end <= actorEnd {
                    weight = term.weight * actorWeight
                    matchSource = .actor
                } else if source == .text {
                    weight *= 1 + positionEmphasis * (1 - 2 * Double(start) / length)
                }
                if seen.contains(where: { $0.category == match.category && $0.term == match.term }) {
                    weight *= repeatWeight
                } else {
                    seen.append((match.category, match.term))
                }
                matches.append(ClassifiedItem.TermMatch(category: paths[match.category], term: term.pattern, matched: matched,
                                                        source: matchSource, start: start, end: end, weight: round(weight)))
                // A term counts for its category and every category above it.
                for ancestor in ancestors[match.category] { scores[ancestor] += weight }
            }
        }
        return decide(recommendation, scores: scores, matches: matches)
    }
}

private extension Classifier {
    func decide(_ recommendation: Recommendation, scores: [Double], matches: [ClassifiedItem.TermMatch]) -> ClassifiedItem {
        var named: [String: Double] = [:]
        named.reserveCapacity(16)
        for (index, score) in scores.enumerated() where score > 0 { named[paths[index]] = round(score) }
        var best: Int?
        for index in themeIndices where scores[index] > (best.map { scores[$0] } ?? 0) { best = index }
        guard let theme = best, scores[theme] >= threshold else {
            return ClassifiedItem(recommendation: recommendation, theme: ClassifiedItem.unclassified, subtheme: nil,
                                  scores: named, matches: matches)
        }
        var subtheme: Int?
        for index in childIndices[theme] where scores[index] > (subtheme.map { scores[$0] } ?? 0) { subtheme = index }
        let primaryScore = subtheme.map { scores[$0] } ?? scores[theme]
        var secondary: [ClassifiedItem.ThemeScore] = []
        for themeIndex in themeIndices {
            let children = childIndices[themeIndex]
            if children.isEmpty {
                if themeIndex != theme, scores[themeIndex] >= secondaryRatio * primaryScore, scores[themeIndex] >= threshold / 2 {
                    secondary.append(.init(theme: categories[themeIndex].name, subtheme: nil, score: round(scores[themeIndex])))
                }
                continue
            }
            for index in children where index != subtheme {
                if scores[index] >= secondaryRatio * primaryScore, scores[index] >= threshold / 2 {
                    secondary.append(.init(theme: categories[themeIndex].name, subtheme: categories[index].name, score: round(scores[index])))
                }
            }
        }
        secondary.sort { $0.score > $1.score }
        return ClassifiedItem(recommendation: recommendation, theme: categories[theme].name,
                              subtheme: subtheme.map { categories[$0].name }, secondary: secondary, scores: named, matches: matches)
    }

    /// Each match's Unicode-scalar offsets and matched words, found in one pass over the text.
    func locate(_ found: [LexiconMatcher.Match], in text: String) -> Located {
        var spans: [(Int, Int, String)] = []
        spans.reserveCapacity(found.count)
        var copy = text
        return copy.withUTF8 { bytes in
            var isASCII = true
            for byte in bytes where byte >= 0x80 {
                isASCII = false
                break
            }
            if isASCII {
                for match in found {
                    spans.append((match.bytes.lowerBound, match.bytes.upperBound,
                                  String(decoding: UnsafeBufferPointer(rebasing: bytes[match.bytes]), as: UTF8.self)))
                }
                return Located(matches: found, spans: spans, scalarCount: bytes.count)
            }
            var scalarAt = [Int](repeating: 0, count: bytes.count + 1)
            var count = 0
            for (index, byte) in bytes.enumerated() {
                scalarAt[index] = count
                if byte & 0xC0 != 0x80 { count += 1 }
            }
            scalarAt[bytes.count] = count
            for match in found {
                spans.append((scalarAt[match.bytes.lowerBound], scalarAt[match.bytes.upperBound],
                              String(decoding: UnsafeBufferPointer(rebasing: bytes[match.bytes]), as: UTF8.self)))
            }
            return Located(matches: found, spans: spans, scalarCount: count)
        }
    }

    /// Where the actor ends when the item opens with it (within its first 30 characters), in Unicode scalars.
    func actorSpan(in recommendation: Recommendation) -> Int? {
        guard let actor = recommendation.actor, !actor.isEmpty else { return nil }
        var text = recommendation.text
        var needle = actor
        return text.withUTF8 { haystack in
            needle.withUTF8 { actorBytes -> Int? in
                guard actorBytes.count <= haystack.count else { return nil }
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
                    if equal {
                        // Scalars up to the end of the match: count the bytes that start one.
                        var scalars = 0
                        for index in 0..<(start + actorBytes.count) where haystack[index] & 0xC0 != 0x80 { scalars += 1 }
                        return scalars
                    }
                }
                return nil
            }
        }
    }

    func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
