import Foundation

/// A lexicon from a codebook people already use (`lexicon import-codebook`): the code tree that
/// ``QDACodebookReader`` reads, made categories.
public enum QDACodebook {
    /// The theme codes of a project `scrutiny export` wrote (its top level is `theme`, `kind` and
    /// `form`): the themes and their sub-themes, without `unclassified`. Nil for any other code tree.
    /// (A project exported with a codebook's scheme has its theme codes at the top, beside `kind`
    /// and `form`.)
    public static func exportedThemes(_ codes: [QDACode]) -> [QDACode]? {
        let names = Set(codes.map(\.name))
        guard names.isSuperset(of: ["kind", "form"]), codes.allSatisfy({ !["kind", "form"].contains($0.name) || !$0.isCodable }) else { return nil }
        if names == ["theme", "kind", "form"], let theme = codes.first(where: { $0.name == "theme" }), !theme.isCodable {
            return theme.children.filter { $0.name != ClassifiedItem.unclassified }
        }
        return codes.filter { !["kind", "form", ClassifiedItem.unclassified].contains($0.name) }
    }

    /// A lexicon skeleton with one category per code, nested as the codes are, and no terms.
    /// Names are made valid as lexicon keys: dots (the path separator) become hyphens, a leading
    /// underscore (a setting) is dropped, and a repeated name among siblings gets a number.
    /// Each code's GUID is kept (`_codes`), so that `export` codes into the codebook's own codes.
    public static func lexicon(_ codes: [QDACode], name: String) -> Lexicon {
        let categories = categories(codes, parent: nil)
        var lexicon = Lexicon(name: name, categories: categories)
        for (code, category) in zip(codes.flatMap(\.all), lexicon.allCategories) where Self.isGUID(code.guid) {
            lexicon.codeGUIDs[category.path] = code.guid.uppercased()
        }
        return lexicon
    }

    static func isGUID(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/) != nil
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
