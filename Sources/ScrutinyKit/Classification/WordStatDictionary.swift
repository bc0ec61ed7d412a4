import Foundation

/// WordStat's `.cat` dictionary format: categories and their entries as an outline, one per line,
/// nested by leading tabs; an entry ends with its weight in brackets, a category has none. Words
/// of a phrase are joined by `_`, and `*` ends a prefix.
///
/// ```
/// PURPOSE
/// 	SAFEGUARDED
/// 		THRESHOLD* (1)
/// 		FRONT_DOOR (1)
/// ```
///
/// WordStat has no exclusions: they are dropped on export. Weights are whole numbers there; other
/// weights are rounded, at least 1.
public enum WordStatDictionary {
    public static func parse(_ text: String, name: String, path: String = "dictionary.cat") throws(LexiconError) -> Lexicon {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        let root = Outline(name: "", path: "", line: nil)
        // The open categories, outermost first, with the depth of each.
        var open: [(depth: Int, node: Outline)] = [(-1, root)]
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let depth = raw.prefix { $0 == "\t" }.count
            let content = raw.dropFirst(depth).trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            // Spaces would nest nothing: the line would silently move to another category.
            if raw.dropFirst(depth).first == " " {
                throw .malformed(path: path, line: number, cause: "`\(content)` is indented with spaces; a WordStat dictionary nests "
                    + "categories and entries with tabs, one a level")
            }
            while let last = open.last, last.depth >= depth { open.removeLast() }
            guard let parent = open.last?.node else { continue }
            // One tab deeper than its category; more means a category line is missing above it.
            if parent !== root, depth > (open.last?.depth ?? 0) + 1 {
                throw .malformed(path: path, line: number, cause: "`\(content)` is \(depth) tabs in, under `\(parent.path)` at \(open.last?.depth ?? 0); "
                    + "a WordStat dictionary nests one tab a level (is a category line missing above it?)")
            }
            if let entry = entry(content) {
                guard parent !== root else {
                    throw .malformed(path: path, line: number, cause: "the entry `\(content)` is outside any category")
                }
                parent.terms.append(LexiconTerm(pattern: entry.pattern, weight: entry.weight, line: number))
            } else {
                let child = Outline(name: content, path: parent === root ? content : parent.path + "." + content, line: number)
                parent.children.append(child)
                open.append((depth, child))
            }
        }
        guard !root.children.isEmpty else {
            throw .malformed(path: path, line: nil, cause: "a WordStat dictionary needs at least one category")
        }
        return try Lexicon(name: name, categories: root.children.map(\.category)).requiringDistinctCategories(path: path)
    }

    public static func render(_ lexicon: Lexicon) -> String {
        var output = ""
        func write(_ category: LexiconCategory, depth: Int) {
            output += String(repeating: "\t", count: depth) + category.name + "\r\n"
            for term in category.terms {
                let words = term.pattern.split(separator: " ").joined(separator: "_")
                output += String(repeating: "\t", count: depth + 1) + words + " (\(max(1, Int(term.weight.rounded()))))\r\n"
            }
            for child in category.children { write(child, depth: depth + 1) }
        }
        for category in lexicon.categories { write(category, depth: 0) }
        return output
    }
}

private extension WordStatDictionary {
    /// A category being read: a reference, so that entries can be added to it while its children are open.
    final class Outline {
        let name: String
        let path: String
        let line: Int?
        var terms: [LexiconTerm] = []
        var children: [Outline] = []

        init(name: String, path: String, line: Int?) {
            self.name = name
            self.path = path
            self.line = line
        }

        var category: LexiconCategory {
            LexiconCategory(name: name, path: path, terms: terms, children: children.map(\.category), line: line)
        }
    }

    /// `WORD (1)` or `TWO_WORDS* (2)`: the pattern (words joined by spaces) and the weight; nil for a category line.
    static func entry(_ line: String) -> (pattern: String, weight: Double)? {
        guard line.hasSuffix(")"), let open = line.lastIndex(of: "("),
              let weight = Double(line[line.index(after: open)..<line.index(before: line.endIndex)].trimmingCharacters(in: .whitespaces))
        else { return nil }
        let words = line[..<open].trimmingCharacters(in: .whitespaces)
        guard !words.isEmpty else { return nil }
        return (words.split(separator: "_").joined(separator: " "), weight)
    }
}
