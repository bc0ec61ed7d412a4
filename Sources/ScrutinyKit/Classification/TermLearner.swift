import Foundation

/// Proposes lexicon terms and weights from hand-coded items: for each sub-theme, the words and
/// two-word phrases that are more frequent in its items than in the others', by the weighted
/// log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008). The result
/// is an ordinary lexicon that people read and edit, never an opaque model.
public struct TermLearner: Sendable {
    public struct Options: Sendable {
        /// Smallest number of items of the sub-theme a term must occur in.
        public var minimumCount = 2
        /// Terms kept per sub-theme, best first.
        public var top = 25
        /// z-score a term must reach.
        public var minimumZ = 1.96
        /// Strength of the prior, in pseudo-counts.
        public var prior = 100.0

        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// A lexicon with one category per theme and sub-theme found in `annotations`.
    public func learn(from annotations: [Annotation], name: String = "learned") -> Lexicon {
        let coded = annotations.filter { $0.theme != nil }
        let documents = coded.map { Set(terms(in: $0.text)) }
        var total: [String: Double] = [:]
        for terms in documents { for term in terms { total[term, default: 0] += 1 } }
        let totalCount = total.values.reduce(0, +)
        let groups = Dictionary(grouping: coded.indices) { key(coded[$0]) }
        var themes: [String: [LexiconCategory]] = [:]
        for group in groups.keys.sorted() {
            let members = groups[group]!
            var inGroup: [String: Double] = [:]
            for index in members { for term in documents[index] { inGroup[term, default: 0] += 1 } }
            let groupCount = inGroup.values.reduce(0, +)
            let restCount = totalCount - groupCount
            var scored: [(term: String, z: Double)] = []
            for (term, count) in inGroup where count >= Double(options.minimumCount) {
                let alpha = options.prior * (total[term]! / totalCount)
                let rest = total[term]! - count
                let delta = log((count + alpha) / (groupCount + options.prior - count - alpha))
                    - log((rest + alpha) / (restCount + options.prior - rest - alpha))
                let z = delta / sqrt(1 / (count + alpha) + 1 / (rest + alpha))
                if z >= options.minimumZ { scored.append((term, z)) }
            }
            scored.sort { $0.z > $1.z || ($0.z == $1.z && $0.term < $1.term) }
            let chosen = scored.prefix(options.top).map {
                LexiconTerm(pattern: $0.term, weight: (min(3, max(0.5, $0.z / 2)) * 10).rounded() / 10)
            }
            let parts = group.split(separator: ".", maxSplits: 1).map(String.init)
            let subtheme = parts.count > 1 ? parts[1] : parts[0]
            themes[parts[0], default: []].append(LexiconCategory(name: subtheme, path: group, terms: chosen))
        }
        let categories = themes.keys.sorted().map { theme in
            LexiconCategory(name: theme, path: theme, children: themes[theme]!.sorted { $0.name < $1.name })
        }
        return Lexicon(name: name, categories: categories)
    }
}

private extension TermLearner {
    func key(_ annotation: Annotation) -> String {
        [annotation.theme, annotation.subtheme].compactMap { $0 }.joined(separator: ".")
    }

    /// Words and two-word phrases, stop words left out. A hyphenated word is one term
    /// ("multi-agency", not "multi"), and a phrase never runs across punctuation ("police, health"
    /// is no phrase): session 46's interop audit found both proposed.
    func terms(in text: String) -> [String] {
        var terms: [String] = []
        for clause in text.lowercased().split(whereSeparator: { ",;:.!?()[]\"“”".contains($0) }) {
            let words = clause.split(whereSeparator: \.isWhitespace)
                .map { $0.trimmingCharacters(in: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-'’")).inverted) }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-'’")) }
                .filter { $0.count > 1 && !$0.allSatisfy(\.isNumber) && $0.contains(where: \.isLetter) }
            terms += words.filter { !Self.stopWords.contains($0) }
            for index in words.indices.dropLast() where !Self.stopWords.contains(words[index]) && !Self.stopWords.contains(words[index + 1]) {
                terms.append(words[index] + " " + words[index + 1])
            }
        }
        return terms
    }

    /// English function words and the verbs of asking, which say nothing of a theme.
    static let stopWords: Set<String> = [
        "the", "and", "of", "to", "in", "for", "on", "with", "at", "by", "from", "as", "is", "are", "was", "were", "be", "been",
        "being", "it", "its", "this", "that", "these", "those", "there", "their", "they", "them", "which", "who", "whom", "what",
        "when", "where", "how", "or", "but", "if", "so", "than", "then", "also", "into", "about", "an", "all", "any", "each",
        "more", "most", "other", "such", "can", "could", "should", "would", "may", "might", "must", "will", "shall", "need",
        "needs", "has", "have", "had", "do", "does", "not", "no", "we", "our", "us", "i", "my", "you", "your", "he", "she",
        "his", "her", "both", "between", "within", "over", "under", "up", "out", "through", "consider", "consideration",
        "ensure", "given", "make", "further", "well", "further", "including", "whether", "so", "very", "only", "one", "two",
        "three", "new", "current", "currently", "every", "against", "before", "after", "least", "rather", "next", "some",
        "many", "much", "own", "same", "just", "still", "yet", "while", "because", "since", "until", "upon", "without", "per",
        "via", "across", "among", "around", "during", "towards", "toward", "again", "already", "always", "often", "never",
        "here", "now", "though", "although", "whose", "why", "few", "less", "lot",
    ]
}
