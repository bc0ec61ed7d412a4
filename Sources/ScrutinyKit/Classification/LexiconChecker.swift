/// Finds what is wrong or wasted in a lexicon: malformed patterns, duplicate terms, terms shadowed
/// by a `*` pattern or claimed by two categories, and empty categories, each with its line.
public enum LexiconChecker {
    public struct Problem: Hashable, Sendable, Codable {
        public enum Severity: String, Sendable, Codable { case error, warning }
        public var severity: Severity
        public var line: Int?
        public var message: String
    }

    public static func check(_ lexicon: Lexicon) -> [Problem] {
        var problems: [Problem] = []
        var owners: [String: (path: String, line: Int?)] = [:]
        // Where a term counts in each of its categories (the LIWC and quanteda rule), being in two is no problem.
        let countsInEach = LexiconMatcher.countsInEachCategory(lexicon)
        for category in lexicon.allCategories {
            if category.terms.isEmpty && category.children.isEmpty {
                problems.append(.init(severity: .warning, line: category.line, message: "category `\(category.path)` is empty"))
            }
            var seen: [String: Int?] = [:]
            // `fair-*` is the word "fair" at the start of a hyphenated word: no prefix, shadowing nothing.
            let globs = category.terms.filter { $0.pattern.hasSuffix("*") && !$0.pattern.hasSuffix("-*") && !$0.pattern.contains(" ") }
            for term in category.terms + category.exclusions {
                if let problem = LexiconPattern.problem(term.pattern) {
                    // A `*` inside a word is a slip published dictionaries carry: the term is left
                    // out of matching, and the rest of the dictionary works.
                    let ignored = LexiconPattern.isIgnored(term.pattern)
                    problems.append(.init(severity: ignored ? .warning : .error, line: term.line,
                                          message: "`\(term.pattern)` in `\(category.path)`: \(problem)\(ignored ? "; the term is ignored" : "")"))
                    continue
                }
                if term.weight <= 0 {
                    problems.append(.init(severity: .error, line: term.line, message: "`\(term.pattern)` in `\(category.path)`: the weight must be positive"))
                }
            }
            for term in category.terms where LexiconPattern.problem(term.pattern) == nil {
                let key = normalized(term.pattern)
                if let first = seen[key], !term.pattern.hasSuffix("-*") {
                    problems.append(.init(severity: .warning, line: term.line,
                                          message: "`\(term.pattern)` is a duplicate in `\(category.path)`\(first.map { " (first on line \($0))" } ?? "")"))
                    continue
                }
                seen[key] = term.line
                if !term.pattern.hasSuffix("*"), !term.pattern.contains(" "),
                   let glob = globs.first(where: { key.hasPrefix(normalized(String($0.pattern.dropLast()))) }) {
                    problems.append(.init(severity: .warning, line: term.line,
                                          message: "`\(term.pattern)` is shadowed by `\(glob.pattern)` in `\(category.path)`"))
                }
                if let owner = owners[key], owner.path != category.path, !countsInEach {
                    problems.append(.init(severity: .warning, line: term.line,
                                          message: "`\(term.pattern)` is in both `\(owner.path)`\(owner.line.map { " (line \($0))" } ?? "") and `\(category.path)`; a match counts for one of them only"))
                } else {
                    owners[key] = (category.path, term.line)
                }
            }
        }
        return problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    static func normalized(_ pattern: String) -> String {
        LexiconPattern.words(pattern).map { $0.text + ($0.glob ? "*" : "") }.joined(separator: " ")
    }
}
