/// Codes each recommendation to a theme and sub-theme of a scheme, conservatively and with its
/// evidence: the item's own words count fully, the words of the section headings above it and
/// of its actor count less; the theme with the highest total wins, and its best sub-theme;
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

    public init(scheme: ThemeScheme) {
        self.scheme = scheme
        matcher = LexiconMatcher(lexicon: scheme.lexicon)
        threshold = scheme.lexicon.setting("threshold", default: 1)
        sectionWeight = scheme.lexicon.setting("section_weight", default: 0.4)
        actorWeight = scheme.lexicon.setting("actor_weight", default: 0.6)
        secondaryRatio = scheme.lexicon.setting("secondary_ratio", default: 0.5)
        positionEmphasis = scheme.lexicon.setting("position_emphasis", default: 0.25)
        repeatWeight = scheme.lexicon.setting("repeat_weight", default: 0.5)
    }

    public func classify(_ recommendation: Recommendation) -> ClassifiedItem {
        var matches: [ClassifiedItem.TermMatch] = []
        var scores: [String: Double] = [:]
        let sources: [(String, ClassifiedItem.TermMatch.Source, Double)] = [
            (recommendation.text, .text, 1),
            (recommendation.section, .section, sectionWeight),
            (recommendation.actor ?? "", .actor, actorWeight),
        ]
        // The actor named at the start of the item ("The Executive should …") is who acts, not what
        // the item is about: its words count as actor evidence, not as the item's own.
        let actorEnd = actorSpan(in: recommendation)
        var seenTerms: [String: Int] = [:]
        for (text, source, factor) in sources where !text.isEmpty && factor > 0 {
            if source == .actor, actorEnd != nil { continue }
            let length = max(1, text.unicodeScalars.count)
            for match in matchesWithOffsets(in: text) {
                let category = matcher.categories[match.match.category]
                let term = category.terms[match.match.term]
                var weight = term.weight * factor
                var matchSource = source
                if source == .text, let actorEnd, match.end <= actorEnd {
                    weight = term.weight * actorWeight
                    matchSource = .actor
                } else if source == .text {
                    // The topic of a recommendation usually comes first: earlier words weigh a little more.
                    weight *= 1 + positionEmphasis * (1 - 2 * Double(match.start) / Double(length))
                }
                // A term said again adds less.
                let repeats = seenTerms[category.path + "|" + term.pattern, default: 0]
                seenTerms[category.path + "|" + term.pattern] = repeats + 1
                if repeats > 0 { weight *= repeatWeight }
                matches.append(ClassifiedItem.TermMatch(category: category.path, term: term.pattern, matched: match.matched,
                                                        source: matchSource, start: match.start, end: match.end, weight: round(weight)))
                // A term counts for its category and every category above it.
                var path = category.path
                while true {
                    scores[path, default: 0] += weight
                    guard let dot = path.lastIndex(of: ".") else { break }
                    path = String(path[..<dot])
                }
            }
        }
        return decide(recommendation, scores: scores, matches: matches)
    }

    public func classify(_ recommendations: [Recommendation]) -> [ClassifiedItem] { recommendations.map(classify) }
}

private extension Classifier {
    func decide(_ recommendation: Recommendation, scores: [String: Double], matches: [ClassifiedItem.TermMatch]) -> ClassifiedItem {
        let themes = scheme.lexicon.categories
        let ranked = themes.map { ($0, scores[$0.path] ?? 0) }.enumerated()
            .max { ($0.element.1, -$0.offset) < ($1.element.1, -$1.offset) }
        guard let (theme, themeScore) = ranked?.element, themeScore >= threshold else {
            return ClassifiedItem(recommendation: recommendation, theme: ClassifiedItem.unclassified, subtheme: nil,
                                  scores: rounded(scores), matches: matches)
        }
        let subthemes = theme.children.map { ($0, scores[$0.path] ?? 0) }.filter { $0.1 > 0 }
        let best = subthemes.enumerated().max { ($0.element.1, -$0.offset) < ($1.element.1, -$1.offset) }?.element
        let primaryScore = best?.1 ?? themeScore
        var secondary: [ClassifiedItem.ThemeScore] = []
        for other in themes {
            for child in other.children where child.path != best?.0.path {
                let score = scores[child.path] ?? 0
                if score >= secondaryRatio * primaryScore, score >= threshold / 2 {
                    secondary.append(.init(theme: other.name, subtheme: child.name, score: round(score)))
                }
            }
            if other.children.isEmpty, other.path != theme.path, let score = scores[other.path], score >= secondaryRatio * primaryScore {
                secondary.append(.init(theme: other.name, subtheme: nil, score: round(score)))
            }
        }
        secondary.sort { $0.score > $1.score }
        return ClassifiedItem(recommendation: recommendation, theme: theme.name, subtheme: best?.0.name,
                              secondary: secondary, scores: rounded(scores), matches: matches)
    }

    func matchesWithOffsets(in text: String) -> [(match: LexiconMatcher.Match, matched: String, start: Int, end: Int)] {
        let found = matcher.matches(in: text)
        guard !found.isEmpty else { return [] }
        let utf8 = Array(text.utf8)
        // Byte offsets to Unicode-scalar offsets: count the bytes that start a scalar.
        func scalarOffset(_ byte: Int) -> Int { utf8[..<byte].reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) } }
        return found.map { match in
            let matched = String(decoding: utf8[match.bytes], as: UTF8.self)
            return (match, matched, scalarOffset(match.bytes.lowerBound), scalarOffset(match.bytes.upperBound))
        }
    }

    /// Where the actor ends when the item opens with it, in Unicode scalars.
    func actorSpan(in recommendation: Recommendation) -> Int? {
        guard let actor = recommendation.actor, !actor.isEmpty else { return nil }
        let text = recommendation.text.lowercased()
        guard let range = text.range(of: actor.lowercased()), text.distance(from: text.startIndex, to: range.lowerBound) < 30 else {
            return nil
        }
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.upperBound.samePosition(in: text.unicodeScalars) ?? text.unicodeScalars.endIndex)
    }

    func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    func rounded(_ scores: [String: Double]) -> [String: Double] { scores.mapValues(round) }
}
