import Yams

/// Entries written twice in one list of a YAML rules file ("achievements" twice under
/// `sections.strength`): harmless to the reading, but a sign of an edit made twice or of a list
/// merged by hand, which `lexicon check` reports as a warning, as it reports duplicate terms of a
/// lexicon.
public struct RepeatedListEntry: Hashable, Sendable {
    /// Where the list stands: its keys, outermost first ("sections.strength").
    public var path: String
    public var entry: String
    /// The lines of the entry's second and later appearances.
    public var line: Int?

    /// Every entry repeated within its own list, in the order of the file. Comparison ignores case.
    public static func find(in yaml: String) -> [RepeatedListEntry] {
        guard let root = try? Yams.compose(yaml: yaml, .basic) else { return [] }
        var found: [RepeatedListEntry] = []
        walk(root, path: [], into: &found)
        return found.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }
}

private extension RepeatedListEntry {
    static func walk(_ node: Node, path: [String], into found: inout [RepeatedListEntry]) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping { walk(value, path: path + [key.string ?? "?"], into: &found) }
        case .sequence(let sequence):
            var seen = Set<String>()
            for (index, entry) in sequence.enumerated() {
                if case .scalar(let scalar) = entry {
                    if !seen.insert(scalar.string.lowercased()).inserted {
                        found.append(RepeatedListEntry(path: path.joined(separator: "."), entry: scalar.string, line: entry.mark?.line))
                    }
                } else {
                    walk(entry, path: path + [String(index + 1)], into: &found)
                }
            }
        default:
            break
        }
    }
}
