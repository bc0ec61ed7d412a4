import Yams

/// The first key of a YAML rules file that the type it is read into has no place for. Decoding
/// passes over keys it does not ask for, so a misspelt key in an edited `items.yml`
/// (`pasive_adverbs:`) was read without a word and the edit did nothing; now it is named, with its
/// line and the key it is nearest to.
///
/// The decoded value is walked beside the YAML: a struct's stored properties are the keys its
/// mapping may hold (as written, or in snake case: `howMarkdown` as `how_markdown`), a dictionary
/// takes any key, a list is walked entry by entry; scalars and values read from scalars end the walk.
/// A key whose value carries an anchor (`base: &base`) holds values for others and is let be.
/// The rules files' types decode with synthesised `Decodable`, whose keys are their property names.
struct UnknownYAMLKey: Equatable {
    /// Where the key stands: the keys above it, outermost first.
    var path: [String]
    var key: String
    var line: Int?
    /// The keys the mapping may hold.
    var known: [String]

    /// `passingOver`: top-level keys that other readers of the file take, or that are not this
    /// reader's to judge.
    /// `anchoredLines`: the lines whose key's value carries an anchor (`base: &base`), which hold
    /// values for other keys (Yams's composed nodes do not keep their anchors).
    static func first(in node: Node, readAs value: Any, passingOver: (String) -> Bool = { _ in false },
                      anchoredLines: Set<Int> = []) -> UnknownYAMLKey? {
        first(in: node, value: value, path: [], passingOver: passingOver, anchoredLines: anchoredLines)
    }

    /// The lines of `yaml` (from 1) whose key's value opens with an anchor: `base: &base`.
    static func anchoredLines(in yaml: String) -> Set<Int> {
        var lines: Set<Int> = []
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[line.index(after: colon)...].drop(while: { $0 == " " }).first == "&" { lines.insert(index + 1) }
        }
        return lines
    }

    /// One line for a person who edited the file.
    var description: String {
        let place = path.isEmpty ? "at the top of the file" : "under `\(path.joined(separator: "."))`"
        let hint = key.nearest(among: known).map { " (did you mean `\($0)`?)" } ?? ""
        let keys = known.count <= 16 ? "; the keys there: " + known.joined(separator: ", ") : ""
        return "`\(key)` \(place) is not a key this file has a use for, and would be passed over\(hint)\(keys)"
    }
}

private extension UnknownYAMLKey {
    static func first(in node: Node, value: Any, path: [String], passingOver: (String) -> Bool = { _ in false },
                      anchoredLines: Set<Int> = []) -> UnknownYAMLKey? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { first(in: node, value: $0.value, path: path, passingOver: passingOver, anchoredLines: anchoredLines) }
        case .struct, .class:
            guard case .mapping(let mapping) = node else { return nil }
            var fields: [String: Any] = [:]
            var known: [String] = []
            for case let (label?, field) in mirror.children {
                let key = snakeCase(label)
                known.append(key)
                fields[key] = field
                fields[label] = field
            }
            guard !known.isEmpty else { return nil }
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.string, key != "<<" else { continue }
                guard let field = fields[key] else {
                    if path.isEmpty, passingOver(key) { continue }
                    // A key whose value is anchored holds values other keys take (`base: &base`, then
                    // `<<: *base`), not a rule of its own.
                    if let line = keyNode.mark?.line, anchoredLines.contains(line) { continue }
                    return UnknownYAMLKey(path: path, key: key, line: keyNode.mark?.line, known: known)
                }
                if let found = first(in: valueNode, value: field, path: path + [key], anchoredLines: anchoredLines) { return found }
            }
            return nil
        case .dictionary:
            guard case .mapping(let mapping) = node else { return nil }
            var entries: [String: Any] = [:]
            for entry in mirror.children {
                let pair = Mirror(reflecting: entry.value).children.map(\.value)
                if pair.count == 2, let key = pair[0] as? String { entries[key] = pair[1] }
            }
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.string, let entry = entries[key] else { continue }
                if let found = first(in: valueNode, value: entry, path: path + [key], anchoredLines: anchoredLines) { return found }
            }
            return nil
        case .collection:
            guard case .sequence(let sequence) = node else { return nil }
            for (index, (entryNode, entry)) in zip(sequence, mirror.children.map(\.value)).enumerated() {
                if let found = first(in: entryNode, value: entry, path: path + [String(index + 1)], anchoredLines: anchoredLines) {
                    return found
                }
            }
            return nil
        default:
            return nil
        }
    }

    static func snakeCase(_ label: String) -> String {
        var key = ""
        for character in label {
            if character.isUppercase, !key.isEmpty { key.append("_") }
            key.append(contentsOf: character.lowercased())
        }
        return key
    }
}
