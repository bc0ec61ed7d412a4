/// A recommendation with the theme it serves, and why: the classifier's output.
///
/// In JSON the recommendation's own fields come first, then `theme`, `subtheme`, `secondary`,
/// `scores` and `matches`.
public struct ClassifiedItem: Hashable, Sendable, Codable {
    /// A theme and sub-theme with the score that chose it.
    public struct ThemeScore: Hashable, Sendable, Codable {
        public var theme: String
        public var subtheme: String?
        public var score: Double
    }

    /// One lexicon term found in the evidence, and where.
    public struct TermMatch: Hashable, Sendable, Codable {
        /// `learned`: a term of the scheme's learned layer, in the item's own words.
        public enum Source: String, Hashable, Sendable, Codable { case text, section, actor, learned }
        /// The category path the term belongs to, e.g. "purpose.challenge".
        public var category: String
        /// The lexicon pattern, e.g. "audit*" or "voice of the child".
        public var term: String
        /// The words matched, as they stand.
        public var matched: String
        public var source: Source
        /// Offsets in the source string (Unicode scalars).
        public var start: Int
        public var end: Int
        public var weight: Double

        public init(category: String, term: String, matched: String, source: Source, start: Int, end: Int, weight: Double) {
            self.category = category
            self.term = term
            self.matched = matched
            self.source = source
            self.start = start
            self.end = end
            self.weight = weight
        }
    }

    public static let unclassified = "unclassified"

    public var recommendation: Recommendation
    /// The primary theme, or "unclassified" when no theme scores above the threshold.
    public var theme: String
    public var subtheme: String?
    public var secondary: [ThemeScore]
    /// Score per category path ("purpose", "purpose.safeguarded", …).
    public var scores: CategoryScores
    public var matches: TermMatches

    public init(recommendation: Recommendation, theme: String, subtheme: String?, secondary: [ThemeScore] = [],
                scores: CategoryScores = [:], matches: TermMatches = []) {
        self.recommendation = recommendation
        self.theme = theme
        self.subtheme = subtheme
        self.secondary = secondary
        self.scores = scores
        self.matches = matches
    }

    public var isClassified: Bool { theme != Self.unclassified }

    enum CodingKeys: String, CodingKey { case theme, subtheme, secondary, scores, matches }

    public func encode(to encoder: any Encoder) throws {
        try recommendation.encode(to: encoder)
        try encoder.encodeMembers([CodingKeys.theme: theme, .subtheme: subtheme, .secondary: secondary, .scores: scores, .matches: matches])
    }

    public init(from decoder: any Decoder) throws {
        let recommendation = try Recommendation(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(recommendation: recommendation, theme: try container.decode(String.self, forKey: .theme),
                  subtheme: try container.decodeIfPresent(String.self, forKey: .subtheme),
                  secondary: try container.decode([ThemeScore].self, forKey: .secondary),
                  scores: try container.decode(CategoryScores.self, forKey: .scores),
                  matches: try container.decode(TermMatches.self, forKey: .matches))
    }
}
