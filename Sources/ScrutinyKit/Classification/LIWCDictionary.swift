import Foundation

/// LIWC's `.dic` dictionary format: a header of numbered categories between `%` lines, then one
/// entry per line, a word or phrase followed by the numbers of its categories. Published files
/// vary, and all of these read: numbers separated by tabs or spaces (several after one tab, as in
/// the Moral Foundations Dictionary 1.0), CR, LF or CRLF line endings, blank lines anywhere.
///
/// ```
/// %
/// 1	purpose
/// 2	purpose.safeguarded
/// %
/// threshold*	1	2
/// front door	1	2
/// ```
///
/// LIWC categories are flat; scrutiny writes a nested category as its dotted path and reads dotted
/// names back into a hierarchy. On export a parent holds the union of its children's terms (so that
/// LIWC and quanteda count "purpose" too); on import an entry's parent numbers that only repeat a
/// child's are dropped again, so a round trip keeps each term where it was. LIWC has no weights or
/// exclusions: they are dropped on export.
public enum LIWCDictionary {
    public static func read(path: String) throws(LexiconError) -> Lexicon {
        let (text, name, _) = try DataFiles.readLexicon(path: path)
        return try parse(text, name: name, path: path)
    }

    public static func parse(_ text: String, name: String, path: String = "dictionary.dic") throws(LexiconError) -> Lexicon {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count, lines[index].trimmingCharacters(in: " \t").isEmpty { index += 1 }
        guard index < lines.count, lines[index].trimmingCharacters(in: " \t") == "%" else {
            throw .malformed(path: path, line: index + 1, cause: "a LIWC dictionary starts with a line holding only %")
        }
        index += 1
        var categoryNames: [String: String] = [:]
        var order: [String] = []
        while index < lines.count, lines[index].trimmingCharacters(in: " \t") != "%" {
            let fields = lines[index].split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            if fields.count >= 2 {
                let category = fields[1...].joined(separator: " ")
                // A number or a name given twice would file one category's words under the other.
                if categoryNames[fields[0]] != nil {
                    throw .malformed(path: path, line: index + 1, cause: "category number \(fields[0]) is in the header twice")
                }
                if let other = order.firstIndex(where: { categoryNames[$0] == category }) {
                    throw .malformed(path: path, line: index + 1, cause: "category '\(category)' is in the header twice (also as number \(order[other]))")
                }
                categoryNames[fields[0]] = category
                order.append(fields[0])
            } else if !fields.isEmpty {
                throw .malformed(path: path, line: index + 1, cause: "a category line needs a number and a name")
            }
            index += 1
        }
        guard index < lines.count else { throw .malformed(path: path, line: index, cause: "the category header is not closed by %") }
        // As a WordStat file without a category is refused (session 42's audit: an empty header was
        // "0 problems", and converted it became a file scrutiny then refused).
        guard !order.isEmpty else { throw .malformed(path: path, line: index + 1, cause: "a LIWC dictionary needs at least one category in its header") }
        index += 1
        var terms: [String: [LexiconTerm]] = [:]
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard !line.trimmingCharacters(in: " \t").isEmpty else { continue }
            let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: " ") }
            // Tab-separated where the entry is a phrase; LIWC2007 files separate with spaces, and
            // some put several numbers, space-separated, after one tab.
            let (pattern, ids): (String, [String]) = fields.count >= 2
                ? (fields[0], fields[1...].flatMap { $0.split(separator: " ").map(String.init) })
                : splitSpaced(String(line))
            guard !pattern.isEmpty, !ids.isEmpty else {
                throw .malformed(path: path, line: index, cause: "an entry needs a word and at least one category number")
            }
            var categories: [String] = []
            for id in ids {
                guard let category = categoryNames[id] else {
                    throw .malformed(path: path, line: index, cause: "category \(id) is not in the header")
                }
                if !categories.contains(category) { categories.append(category) }
            }
            // A parent listed beside its own child holds the term through the child.
            for category in categories where !categories.contains(where: { $0.hasPrefix(category + ".") }) {
                terms[category, default: []].append(LexiconTerm(pattern: pattern, line: index))
            }
        }
        return try Lexicon(name: name, categories: hierarchy(order.compactMap { categoryNames[$0] }, terms: terms))
            .requiringDistinctCategories(path: path)
    }

    public static func render(_ lexicon: Lexicon) -> String {
        // A parent made only for dotted names is not the file's: it is left out, so that a
        // dictionary with dots in its names (MFD 2.0's "care.virtue") keeps its categories and numbers.
        let categories = lexicon.allCategories.filter { !$0.implied }
        var output = "%\n"
        for (index, category) in categories.enumerated() { output += "\(index + 1)\t\(category.path)\n" }
        output += "%\n"
        var entries: [String: [Int]] = [:]
        var order: [String] = []
        let numbers = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1.path, $0 + 1) })
        for category in categories {
            // The category and every parent above it: a parent holds the union of its children.
            let parts = category.path.split(separator: ".")
            let owners = (1...parts.count).compactMap { numbers[parts.prefix($0).joined(separator: ".")] }
            for term in category.terms {
                if entries[term.pattern] == nil { order.append(term.pattern) }
                for number in owners where !entries[term.pattern, default: []].contains(number) {
                    entries[term.pattern, default: []].append(number)
                }
            }
        }
        for pattern in order { output += pattern + "\t" + entries[pattern]!.sorted().map(String.init).joined(separator: "\t") + "\n" }
        return output
    }
}

private extension LIWCDictionary {
    static func splitSpaced(_ line: String) -> (String, [String]) {
        var words = line.split(separator: " ").map(String.init)
        var ids: [String] = []
        while let last = words.last, Int(last) != nil { ids.insert(last, at: 0); words.removeLast() }
        return (words.joined(separator: " "), ids)
    }

    /// Rebuilds nesting from dotted names ("purpose.safeguarded" under "purpose").
    static func hierarchy(_ names: [String], terms: [String: [LexiconTerm]]) -> [LexiconCategory] {
        func build(_ prefix: String, depth: Int) -> [LexiconCategory] {
            let direct = names.filter { name in
                let parts = name.split(separator: ".")
                return parts.count == depth + 1 && (prefix.isEmpty || name.hasPrefix(prefix + "."))
            }
            var result = direct.map { name in
                LexiconCategory(name: String(name.split(separator: ".").last!), path: name, terms: terms[name] ?? [],
                                children: build(name, depth: depth + 1))
            }
            // A dotted name whose parent is not declared still gets its parent, in the order the
            // names first come.
            var implied: [String] = []
            for name in names where name.split(separator: ".").count > depth + 1 && (prefix.isEmpty || name.hasPrefix(prefix + ".")) {
                let parent = (prefix.isEmpty ? "" : prefix + ".") + name.split(separator: ".")[depth]
                if !direct.contains(parent), !implied.contains(parent) { implied.append(parent) }
            }
            result += implied.map { path in
                var parent = LexiconCategory(name: String(path.split(separator: ".").last!), path: path, children: build(path, depth: depth + 1))
                parent.implied = true
                return parent
            }
            return result
        }
        return build("", depth: 0)
    }
}
