import Foundation
import Yams

/// What is wrong with a YAML file a person edited, as one short line and its line number: the
/// parser's problem without the file it quotes, a duplicated key named, a tab called a tab, a
/// value of the wrong kind named by where it is ("sections.area_for_improvement: expected a
/// list"). Until session 19 a duplicated key printed the whole file, and a tab the decoder's debug
/// description.
enum YAMLProblem {
    static func describe(_ error: any Error, in yaml: String) -> (line: Int?, cause: String) {
        switch error {
        case let error as YamlError:
            return describe(yaml: error, in: yaml)
        case let DecodingError.dataCorrupted(context):
            if let underlying = context.underlyingError { return describe(underlying, in: yaml) }
            return (nil, place(context.codingPath) + oneLine(context.debugDescription))
        case let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context):
            if context.codingPath.isEmpty, holdsNothing(yaml) {
                return (nil, "the file holds no keys (it is empty, or comments only)")
            }
            return (nil, place(context.codingPath) + "expected \(kind(of: type))")
        case let DecodingError.keyNotFound(key, context):
            // A required key misspelt is missing: the key beside it that it is nearest to is named,
            // with its line (session 39's re-audit: "the key 'partnership' is missing" for `partnrship:`).
            if let near = nearestKey(to: key.stringValue, at: context.codingPath, in: yaml) {
                return (near.line, place(context.codingPath) + "the key '\(key.stringValue)' is missing; "
                    + "`\(near.key)` here looks like it, misspelt")
            }
            return (nil, place(context.codingPath) + "the key '\(key.stringValue)' is missing")
        default:
            return (nil, oneLine(String(describing: error)))
        }
    }
}

private extension YAMLProblem {
    static func describe(yaml error: YamlError, in yaml: String) -> (line: Int?, cause: String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // A tab where YAML wants spaces is the usual cause of "cannot start any token".
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let text = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : ""
            if text.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                return (mark.line, "a tab indents this line; YAML indents with spaces only")
            }
            let while_ = context.map { " (\($0.text))" } ?? ""
            return (mark.line, "not valid YAML: \(problem)\(while_)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            // The line of the key's second appearance, after the mapping's start (where the parser points).
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let second = duplicates.first.flatMap { key in
                lines.indices.filter { $0 + 1 >= context.mark.line && lines[$0].drop(while: { $0 == " " }).hasPrefix(key + ":") }.dropFirst().first
            }
            return (second.map { $0 + 1 } ?? context.mark.line, "the key \(keys) appears twice in one mapping; merge the two into one")
        default:
            return (nil, "not valid YAML: " + oneLine(error.description))
        }
    }

    static func place(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") + ": "
    }

    static func kind(of type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list" }
        if name.hasPrefix("Dictionary") { return "a mapping of names to values" }
        if name == "String" { return "text" }
        if name == "Int" || name == "Double" { return "a number" }
        if name == "Bool" { return "true or false" }
        return name
    }

    /// Whether the YAML holds nothing but blank lines and comments.
    static func holdsNothing(_ yaml: String) -> Bool {
        yaml.split(separator: "\n").allSatisfy { line in
            let text = line.drop(while: { $0 == " " || $0 == "\t" })
            return text.isEmpty || text.hasPrefix("#") || text == "---"
        }
    }

    /// The key of the mapping at `path` that `missing` is at most two edits from, and its line.
    static func nearestKey(to missing: String, at path: [any CodingKey], in yaml: String) -> (key: String, line: Int?)? {
        guard var node = try? Yams.compose(yaml: yaml, .basic) else { return nil }
        for step in path {
            if let index = step.intValue, case .sequence(let sequence) = node, sequence.indices.contains(index) {
                node = sequence[index]
            } else if case .mapping(let mapping) = node, let next = mapping[step.stringValue] {
                node = next
            } else {
                return nil
            }
        }
        guard case .mapping(let mapping) = node else { return nil }
        guard let near = missing.nearest(among: mapping.keys.compactMap(\.string).filter { $0 != missing }) else { return nil }
        let line = mapping.keys.first { $0.string == near }?.mark?.line
        return (near, line)
    }

    static func oneLine(_ text: String) -> String {
        let first = text.split(separator: "\n").first.map(String.init) ?? text
        return first.count > 160 ? String(first.prefix(160)) + "…" : first
    }
}
