/// A dictionary of categories and the terms that signal them: quanteda's nested form, with
/// optional per-term weights and per-category exclusions.
public struct Lexicon: Hashable, Sendable {
    public var name: String
    public var categories: [LexiconCategory]
    /// Numeric settings a scheme carries (`threshold`, `section_weight`, `actor_weight`, …).
    public var settings: [String: Double]
    /// The GUIDs of the codes a REFI-QDA codebook gave its categories, by category path (`_codes`,
    /// written by `lexicon import-codebook`): `export` codes into those codes, so that a project
    /// opened beside the codebook's own finds its codings on the codes it already has.
    public var codeGUIDs: [String: String] = [:]

    public init(name: String, categories: [LexiconCategory], settings: [String: Double] = [:], codeGUIDs: [String: String] = [:]) {
        self.name = name
        self.categories = categories
        self.settings = settings
        self.codeGUIDs = codeGUIDs
    }

    /// Every category, parents before children.
    public var allCategories: [LexiconCategory] {
        categories.flatMap { [$0] + $0.descendants }
    }

    /// The categories that hold terms of their own or have no children: what items are coded to.
    public var leaves: [LexiconCategory] { allCategories.filter { $0.children.isEmpty } }

    public func setting(_ name: String, default value: Double) -> Double { settings[name] ?? value }

    /// The lexicon, refused where two categories have one path ("care.virtue" beside "care" with a
    /// child "virtue", a WordStat category written twice): each would take the other's words, and
    /// the counts keyed by path could not hold both (session 42's audit: `count` stopped with a
    /// fatal error, `classify` kept one without a word). Every reader of a lexicon file ends here.
    func requiringDistinctCategories(path file: String) throws(LexiconError) -> Lexicon {
        var seen: [String: Int?] = [:]
        for category in allCategories {
            let key = category.path
            if let earlier = seen[key] {
                let also = earlier.map { " (also line \($0))" } ?? ""
                throw .malformed(path: file, line: category.line, cause: "category '\(category.path)' is declared twice\(also)")
            }
            seen[key] = category.line
        }
        return self
    }

    /// Every setting a scheme's `_settings` may give (the README's "Settings" says what each does).
    public static let settingNames: Set<String> = [
        "threshold", "section_weight", "actor_weight", "title_weight", "position_emphasis", "repeat_weight",
        "secondary_ratio", "theme_by_best_subtheme", "count_in_each_category", "run_together",
    ]

    /// Whether a pattern of several words also matches them run together ("front door" matching
    /// "frontdoor"): scrutiny's own schemes do (`run_together: 1` in their `_settings`); a LIWC,
    /// WordStat or quanteda dictionary matches its entries as written, as those tools do, so
    /// "re-sign" is not "resign" (session 46's interop audit: Laver and Garry's RE-USE counted the
    /// "reuse" of Ofsted's copyright notice).
    public var runsTogether: Bool { setting("run_together", default: 0) != 0 }

    /// Whether a term is of several words ("front door", "multi-agency"), which ``runsTogether`` concerns.
    public var hasTermsOfSeveralWords: Bool {
        allCategories.contains { $0.terms.contains { LexiconPattern.words($0.pattern).count > 1 } }
    }
}

public struct LexiconCategory: Hashable, Sendable {
    public var name: String
    /// Dotted path from the root: "purpose.safeguarded".
    public var path: String
    public var terms: [LexiconTerm]
    /// Patterns that veto a match of this category's terms when they cover the same words.
    public var exclusions: [LexiconTerm]
    public var children: [LexiconCategory]
    /// The line of the category's key in its file.
    public var line: Int?
    /// A parent the file does not declare, made for its dotted children ("care" above LIWC's
    /// "care.virtue"): it counts them together but is not written back to a flat dictionary.
    public var implied = false

    public init(name: String, path: String, terms: [LexiconTerm] = [], exclusions: [LexiconTerm] = [],
                children: [LexiconCategory] = [], line: Int? = nil) {
        self.name = name
        self.path = path
        self.terms = terms
        self.exclusions = exclusions
        self.children = children
        self.line = line
    }

    public var descendants: [LexiconCategory] { children.flatMap { [$0] + $0.descendants } }

    /// The top-level category this one belongs to.
    public var root: String { String(path.split(separator: ".").first ?? Substring(path)) }
}

/// A pattern: words separated by spaces, hyphens or nothing ("multi-agency" also matches
/// "multi agency" and "multiagency"); a `*` ending a word matches any ending ("safeguard*").
public struct LexiconTerm: Hashable, Sendable {
    public var pattern: String
    public var weight: Double
    public var line: Int?

    public init(pattern: String, weight: Double = 1, line: Int? = nil) {
        self.pattern = pattern
        self.weight = weight
        self.line = line
    }
}
