import Foundation

/// A lexicon from a codebook people already use (`lexicon import-codebook`): the code tree that
/// ``QDACodebookReader`` reads, made categories.
public enum QDACodebook {
    /// The theme codes of a project `scrutiny export` wrote (its top level is `theme`, `kind` and
    /// `form`): the themes and their sub-themes, without `unclassified`. Nil for any other code tree.
    public static func exportedThemes(_ codes: [QDACode]) -> [QDACode]? {
        guard Set(codes.map(\.name)) == ["theme", "kind", "form"], let theme = codes.first(where: { $0.name == "theme" }),
              !theme.isCodable else { return nil }
        return theme.children.filter { $0.name != ClassifiedItem.unclassified }
    }

    /// A lexicon skeleton with one category per code, nested as the codes are, and no terms.
    /// Names are made valid as lexicon keys: dots (the path separator) become hyphens, a leading
    /// underscore (a setting) is dropped, and a repeated name among siblings gets a number.
    public static func lexicon(_ codes: [QDACode], name: String) -> Lexicon {
        Lexicon(name: name, categories: categories(codes, parent: nil))
    }
}

private extension QDACodebook {
    static func categories(_ codes: [QDACode], parent: String?) -> [LexiconCategory] {
        var used: Set<String> = []
        return codes.map { code in
            var name = code.name.replacingOccurrences(of: ".", with: "-").trimmingCharacters(in: .whitespacesAndNewlines)
            while name.hasPrefix("_") { name.removeFirst() }
            if name.isEmpty { name = "code" }
            var unique = name
            var copy = 1
            while !used.insert(unique.lowercased()).inserted {
                copy += 1
                unique = "\(name) \(copy)"
            }
            let path = parent.map { $0 + "." + unique } ?? unique
            return LexiconCategory(name: unique, path: path, children: categories(code.children, parent: path))
        }
    }
}
