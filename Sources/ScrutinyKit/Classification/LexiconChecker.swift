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
                // "MUSIC (x)" in a WordStat outline: an entry whose weight is no number reads as a
                // category (session 46's interop audit: said only to be empty).
                let bracketed = category.name.firstMatch(of: /\(([^()]*)\)\s*$/).map { String($0.1) }
                let weightless = bracketed.map { Double($0.trimmingCharacters(in: .whitespaces)) == nil } ?? false
                problems.append(.init(severity: .warning, line: category.line, message: "category `\(category.path)` is empty"
                    + (weightless ? "; if `\(category.name)` is meant as an entry, its weight in brackets must be a number (`WORD (1)`)" : "")))
            }
            var seen: [String: (line: Int?, pattern: String)] = [:]
            // `fair-*` is the word "fair" at the start of a hyphenated word: no prefix, shadowing nothing.
            let globs = category.terms.filter { $0.pattern.hasSuffix("*") && !$0.pattern.hasSuffix("-*") && !$0.pattern.contains(" ") }
            for term in category.terms + category.exclusions {
                if let problem = termProblem(term, in: category) {
                    problems.append(problem)
                    if LexiconPattern.problem(term.pattern) != nil { continue }
                }
                if let slip = slip(in: term.pattern) {
                    problems.append(.init(severity: .warning, line: term.line, message: "`\(term.pattern)` in `\(category.path)`: \(slip)"))
                }
            }
            for term in category.terms where LexiconPattern.problem(term.pattern) == nil {
                let key = normalized(term.pattern)
                if let first = seen[key], !term.pattern.hasSuffix("-*") {
                    // Its twin by name: the two may differ in case or in `_` for a space.
                    let twin = first.pattern == term.pattern ? "" : " as `\(first.pattern)`"
                    problems.append(.init(severity: .warning, line: term.line,
                                          message: "`\(term.pattern)` is a duplicate in `\(category.path)`: it is there already\(twin)\(first.line.map { " on line \($0)" } ?? "")"))
                    continue
                }
                seen[key] = (term.line, term.pattern)
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

    /// The errors alone, without the slower search for shadowed and duplicate terms: what makes a
    /// lexicon unfit to code with. Checked whenever a scheme is loaded, so that `classify --scheme`
    /// refuses a file `lexicon check` would fail rather than code everything as unclassified.
    public static func errors(_ lexicon: Lexicon) -> [Problem] {
        lexicon.allCategories.flatMap { category in
            (category.terms + category.exclusions).compactMap { termProblem($0, in: category) }.filter { $0.severity == .error }
        }.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    /// The lexicon read from `file`, unless `lexicon check` would fail it: its first error is then
    /// the error of loading it.
    public static func usable(_ lexicon: Lexicon, file: String) throws(LexiconError) -> Lexicon {
        let errors = errors(lexicon)
        guard let first = errors.first else { return lexicon }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more error\(errors.count > 2 ? "s" : ""))" : ""
        throw .malformed(path: file, line: first.line,
                         cause: first.message + more + "; `scrutiny lexicon check \(file)` lists every problem")
    }

    /// What is wrong with a term's pattern or weight, if anything.
    static func termProblem(_ term: LexiconTerm, in category: LexiconCategory) -> Problem? {
        if let problem = LexiconPattern.problem(term.pattern) {
            // A `*` inside a word is a slip published dictionaries carry: the term is left
            // out of matching, and the rest of the dictionary works.
            let ignored = LexiconPattern.isIgnored(term.pattern)
            return .init(severity: ignored ? .warning : .error, line: term.line,
                         message: "`\(term.pattern)` in `\(category.path)`: \(problem)\(ignored ? "; the term is ignored" : "")")
        }
        if term.weight <= 0 {
            return .init(severity: .error, line: term.line, message: "`\(term.pattern)` in `\(category.path)`: the weight must be positive")
        }
        return nil
    }

    /// A slip in writing a term that makes it match something else than meant, silently: a weight
    /// written without a space after its colon (`roma:2` is the words "roma 2"), or the marks of a
    /// regular expression, which a lexicon does not read (`s(47|11) audit` is the words "s 47 11 audit").
    static func slip(in pattern: String) -> String? {
        if let colon = pattern.lastIndex(of: ":"), !pattern[pattern.index(after: colon)...].isEmpty,
           pattern[pattern.index(after: colon)...].allSatisfy({ $0.isNumber || $0 == "." }) {
            return "a weight needs a space after its colon (`\(pattern[..<colon]): \(pattern[pattern.index(after: colon)...])`); as written it is part of the term"
        }
        if pattern.contains(where: { "()|[]{}+?^$\\".contains($0) }) {
            return "a lexicon term is words, not a regular expression: ( | [ ] ? + match nothing; list each form as a term of its own"
        }
        return nil
    }

    static func normalized(_ pattern: String) -> String {
        LexiconPattern.words(pattern).map { $0.text + ($0.glob ? "*" : "") }.joined(separator: " ")
    }
}
