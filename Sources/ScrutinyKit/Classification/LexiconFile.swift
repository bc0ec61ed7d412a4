import Foundation
import Yams

/// Reads and writes lexicons in quanteda's YAML dictionary format, extended compatibly:
///
/// ```yaml
/// _settings:                 # optional numbers for the classifier
///   threshold: 1.0
/// purpose:                   # a category with sub-categories
///   safeguarded:             # a leaf: a list of terms, as quanteda has it
///     - threshold*
///     - front door
///     - early help: 1.5      # a weighted term (a one-key mapping)
///     - "!early help assessment tool"   # an exclusion: vetoes matches it covers
/// ```
///
/// A lexicon started from a REFI-QDA codebook carries its codes' GUIDs, by category path:
///
/// ```yaml
/// _codes:
///   Commits: A182CD3A-D83C-4D8C-BC80-26D9103EC6D6
/// ```
///
/// Any quanteda dictionary file reads as it is. Keys starting with `_` are not categories.
public enum LexiconFile {
    public static func read(path: String) throws(LexiconError) -> Lexicon {
        let (text, name, _) = try DataFiles.readLexicon(path: path)
        return try parse(text, name: name, path: path)
    }

    public static func parse(_ yaml: String, name: String, path: String = "lexicon") throws(LexiconError) -> Lexicon {
        try lexicon(in: topLevel(yaml, path: path), name: name, path: path).requiringDistinctCategories(path: path)
    }

    /// The lexicon of a file and the top-level lists of strings in it named `keys`
    /// (`_document_types: [inspection-report]`; a key the file has not is left out), the YAML read once.
    static func read(path: String, lists keys: [String]) throws(LexiconError) -> (lexicon: Lexicon, lists: [String: [String]]) {
        let (text, name, _) = try DataFiles.readLexicon(path: path)
        let mapping = try topLevel(text, path: path)
        let lexicon = try lexicon(in: mapping, name: name, path: path).requiringDistinctCategories(path: path)
        var lists: [String: [String]] = [:]
        for key in keys {
            guard let value = mapping[Node(key)] else { continue }
            guard let sequence = value.sequence else {
                throw .malformed(path: path, line: value.mark?.line, cause: "`\(key)` must be a list")
            }
            lists[key] = sequence.compactMap(\.string)
        }
        return (lexicon, lists)
    }

    /// Writes the lexicon back as YAML (weights and exclusions kept; `quanteda: true` drops them
    /// for tools that know only the plain format).
    public static func render(_ lexicon: Lexicon, quanteda: Bool = false) -> String {
        var output = ""
        if !quanteda, !lexicon.settings.isEmpty {
            output += "_settings:\n"
            for key in lexicon.settings.keys.sorted() { output += "  \(key): \(number(lexicon.settings[key]!))\n" }
        }
        if !quanteda, !lexicon.codeGUIDs.isEmpty {
            output += "_codes:   # the codebook's code GUIDs: `scrutiny export` codes into these codes\n"
            for category in lexicon.allCategories {
                if let guid = lexicon.codeGUIDs[category.path] { output += "  \(quote(category.path)): \(guid)\n" }
            }
        }
        for category in lexicon.categories { output += render(category, indent: 0, quanteda: quanteda) }
        return output
    }
}

extension LexiconFile {
    /// A weight written as plain digits ("0.84", "-1", "2"), read as YAML reads it without Yams's
    /// general reading of numbers (which took a learned layer's 9,000 weights longer than parsing
    /// the file); nil for anything else, left to Yams ("1_000", ".inf", "1e3").
    static func plainNumber(_ node: Node) -> Double? {
        guard let text = node.scalar?.string, !text.isEmpty,
              text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
              text.utf8.dropFirst().allSatisfy({ $0 != UInt8(ascii: "-") }),
              text.utf8.filter({ $0 == UInt8(ascii: ".") }).count <= 1,
              text.utf8.first != UInt8(ascii: "."), text.utf8.last != UInt8(ascii: ".") else { return nil }
        return Double(text)
    }
}

private extension LexiconFile {
    static func topLevel(_ yaml: String, path: String) throws(LexiconError) -> Node.Mapping {
        let root: Node?
        do {
            // No tag is resolved (each by up to seven regular expressions, most of the time a
            // lexicon took to read): terms and weights are read from the scalars' text.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch {
            let problem = YAMLProblem.describe(error, in: yaml)
            throw .malformed(path: path, line: problem.line, cause: problem.cause)
        }
        guard let mapping = root?.mapping else {
            throw .malformed(path: path, line: root?.mark?.line, cause: "the top level must be a mapping of category names")
        }
        return mapping
    }

    static func lexicon(in mapping: Node.Mapping, name: String, path: String) throws(LexiconError) -> Lexicon {
        var settings: [String: Double] = [:]
        var categories: [LexiconCategory] = []
        var codes: Node?
        var budget = maximumEntries
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if name == "_settings" {
                // A setting misspelt or not a number was ignored until session 29, and the run went on
                // with the default (a user audit: `threshhold: 0.5`, `threshold: low`).
                guard let entries = value.mapping else {
                    throw .malformed(path: path, line: value.mark?.line, cause: "`_settings` must be a mapping of names to numbers (`threshold: 0.25`)")
                }
                for (settingKey, settingValue) in entries {
                    guard let settingName = settingKey.string else { continue }
                    guard Lexicon.settingNames.contains(settingName) else {
                        throw .malformed(path: path, line: settingKey.mark?.line,
                                         cause: "`_settings` has no setting `\(settingName)`; the settings are \(Lexicon.settingNames.sorted().joined(separator: ", "))")
                    }
                    guard let number = settingValue.float else {
                        throw .malformed(path: path, line: settingValue.mark?.line, cause: "the setting `\(settingName)` must be a number")
                    }
                    settings[settingName] = number
                }
                continue
            }
            if name == "_codes" { codes = value }
            if name.hasPrefix("_") { continue }
            categories.append(try category(name: name, path: name, node: value, line: key.mark?.line, file: path, budget: &budget))
        }
        var lexicon = Lexicon(name: name, categories: categories, settings: settings)
        if let codes { lexicon.codeGUIDs = try codeGUIDs(codes, of: lexicon, path: path) }
        return lexicon
    }

    /// `_codes`: a category path and its code's GUID (REFI-QDA's form, 8-4-4-4-12 hexadecimal
    /// digits), each path a category of the file and each GUID given once.
    static func codeGUIDs(_ node: Node, of lexicon: Lexicon, path: String) throws(LexiconError) -> [String: String] {
        guard let mapping = node.mapping else {
            throw .malformed(path: path, line: node.mark?.line, cause: "`_codes` must be a mapping of category paths to GUIDs")
        }
        let paths = Set(lexicon.allCategories.map(\.path))
        var result: [String: String] = [:]
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let category = key.string, let guid = value.string else { continue }
            guard paths.contains(category) else {
                throw .malformed(path: path, line: key.mark?.line, cause: "`_codes` names `\(category)`, which is no category of this file")
            }
            guard guid.wholeMatch(of: /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/) != nil else {
                throw .malformed(path: path, line: value.mark?.line, cause: "`\(guid)` (the code of `\(category)`) is no GUID; "
                    + "a GUID is 32 hexadecimal digits as 8-4-4-4-12")
            }
            guard seen.insert(guid.uppercased()).inserted else {
                throw .malformed(path: path, line: value.mark?.line, cause: "the GUID \(guid) is given to two categories")
            }
            result[category] = guid.uppercased()
        }
        return result
    }

    /// The most categories and terms a lexicon may hold, together: YAML aliases can repeat a
    /// mapping inside itself, so that a file of a few hundred bytes names billions of categories
    /// (session 38's audit: 785 bytes took 19 GB before it was stopped). The largest shipped
    /// scheme holds a few thousand; the largest published dictionaries tried, tens of thousands.
    static let maximumEntries = 2_000_000

    static func spend(_ count: Int, of budget: inout Int, file: String, line: Int?) throws(LexiconError) {
        budget -= count
        guard budget >= 0 else {
            throw .malformed(path: file, line: line, cause: "it holds more than \(maximumEntries.formatted()) categories and terms "
                + "(YAML aliases repeating a mapping or a list?); a lexicon holds at most that many")
        }
    }

    static func category(name: String, path: String, node: Node, line: Int?, file: String, budget: inout Int) throws(LexiconError) -> LexiconCategory {
        try spend(1, of: &budget, file: file, line: line)
        var result = LexiconCategory(name: name, path: path, line: line)
        switch node {
        case .sequence(let sequence):
            try spend(sequence.count, of: &budget, file: file, line: line)
            try readTerms(sequence, into: &result, file: file)
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let childName = key.string else { continue }
                switch childName {
                case "_terms":
                    guard let sequence = value.sequence else {
                        throw .malformed(path: file, line: value.mark?.line, cause: "`_terms` must be a list")
                    }
                    try spend(sequence.count, of: &budget, file: file, line: line)
                    try readTerms(sequence, into: &result, file: file)
                case "_exclude":
                    for item in value.sequence ?? [] {
                        if let pattern = item.string { result.exclusions.append(LexiconTerm(pattern: pattern, line: item.mark?.line)) }
                    }
                default:
                    if childName.hasPrefix("_") { continue }
                    result.children.append(try category(name: childName, path: path + "." + childName, node: value,
                                                        line: key.mark?.line, file: file, budget: &budget))
                }
            }
        case .scalar(let scalar):
            if !scalar.string.isEmpty, scalar.string != "~" {
                throw .malformed(path: file, line: node.mark?.line, cause: "category `\(path)` must hold a list of terms or sub-categories")
            }
        case .alias:
            throw .malformed(path: file, line: node.mark?.line, cause: "aliases are not supported in lexicons")
        }
        return result
    }

    static func readTerms(_ sequence: Node.Sequence, into category: inout LexiconCategory, file: String) throws(LexiconError) {
        for item in sequence {
            let line = item.mark?.line
            if let pattern = item.string {
                if pattern.hasPrefix("!") {
                    category.exclusions.append(LexiconTerm(pattern: String(pattern.dropFirst()), line: line))
                } else {
                    category.terms.append(LexiconTerm(pattern: pattern, line: line))
                }
            } else if let mapping = item.mapping, mapping.count == 1, let (key, value) = mapping.first, let pattern = key.string {
                guard let weight = plainNumber(value) ?? value.float ?? value.int.map(Double.init) else {
                    throw .malformed(path: file, line: line, cause: "the weight of `\(pattern)` must be a number")
                }
                category.terms.append(LexiconTerm(pattern: pattern, weight: weight, line: line))
            } else {
                throw .malformed(path: file, line: line, cause: "a term must be a string or `term: weight`")
            }
        }
    }

    static func render(_ category: LexiconCategory, indent: Int, quanteda: Bool) -> String {
        let pad = String(repeating: "  ", count: indent)
        var output = "\(pad)\(quote(category.name)):\n"
        if category.children.isEmpty {
            for term in category.terms {
                output += term.weight == 1 || quanteda
                    ? "\(pad)  - \(quote(term.pattern))\n" : "\(pad)  - \(quote(term.pattern)): \(number(term.weight))\n"
            }
            if !quanteda { for exclusion in category.exclusions { output += "\(pad)  - \(quote("!" + exclusion.pattern))\n" } }
            if category.terms.isEmpty && (quanteda || category.exclusions.isEmpty) { output = "\(pad)\(quote(category.name)): []\n" }
        } else {
            if !category.terms.isEmpty {
                output += "\(pad)  _terms:\n"
                for term in category.terms { output += "\(pad)    - \(quote(term.pattern))\n" }
            }
            for child in category.children { output += render(child, indent: indent + 1, quanteda: quanteda) }
        }
        return output
    }

    static func quote(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || " -*'/".contains($0) }
            && !text.hasPrefix(" ") && !text.hasPrefix("-") && !text.hasPrefix("*") && !text.isEmpty
            && !["yes", "no", "true", "false", "null", "on", "off", "y", "n"].contains(text.lowercased())
        return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.3g", value)
    }

}
