import Foundation

/// The documented mapping between the wt2018 and wt2023 schemes
/// (`lexicons/wt2018-wt2023-mapping.csv`), by which a corpus spanning both eras is tabulated on
/// one axis. Each row pairs a wt2018 sub-theme with a wt2023 sub-theme; `default` says which way
/// the pair is the default: `forward` (wt2018 → wt2023), `backward` (wt2023 → wt2018), `both` or
/// `no`.
public struct SchemeMapping: Sendable {
    /// "purpose.safeguarded" → "practice.children-in-need".
    public private(set) var forward: [String: String] = [:]
    /// "practice.send" → "purpose.safeguarded".
    public private(set) var backward: [String: String] = [:]
    /// Every pair of the file, whatever its default: "purpose.safeguarded" → the nine wt2023
    /// sub-themes it splits into.
    public private(set) var pairs: [String: [String]] = [:]
    public let from: String
    public let to: String

    public init(csv text: String, path: String = "wt2018-wt2023-mapping.csv") throws(LexiconError) {
        let rows = CSVReader.rows(text)
        guard let header = rows.first, header.count >= 5,
              let fromTheme = header.firstIndex(where: { $0.hasSuffix("_theme") }),
              let defaultColumn = header.firstIndex(of: "default") else {
            throw .malformed(path: path, line: 1, cause: "the header must name FROM_theme,FROM_subtheme,TO_theme,TO_subtheme,default")
        }
        from = String(header[fromTheme].dropLast("_theme".count))
        to = String(header[fromTheme + 2].dropLast("_theme".count))
        for (index, row) in rows.dropFirst().enumerated() where row.count > defaultColumn {
            let old = row[fromTheme] + "." + row[fromTheme + 1]
            let new = row[fromTheme + 2] + "." + row[fromTheme + 3]
            pairs[old, default: []].append(new)
            switch row[defaultColumn] {
            case "both":
                forward[old] = forward[old] ?? new
                backward[new] = backward[new] ?? old
            case "forward": forward[old] = forward[old] ?? new
            case "backward": backward[new] = backward[new] ?? old
            case "no": break
            default:
                throw .malformed(path: path, line: index + 2, cause: "default must be both, forward, backward or no, not '\(row[defaultColumn])'")
            }
        }
    }

    public init(contentsOf url: URL) throws(LexiconError) {
        try self.init(csv: DataFiles.read(url), path: url.path)
    }

    /// A coding of `scheme` as `target` names it: (theme, sub-theme); unclassified stays so.
    public func map(theme: String, subtheme: String?, from scheme: String, to target: String) -> (theme: String, subtheme: String?) {
        guard scheme != target, theme != ClassifiedItem.unclassified else { return (theme, subtheme) }
        let table = scheme == from && target == to ? forward : scheme == to && target == from ? backward : [:]
        if let subtheme, let mapped = table[theme + "." + subtheme] { return Self.split(mapped) }
        // A theme without a sub-theme: the most frequent target theme of its sub-themes.
        let targets = table.filter { $0.key.hasPrefix(theme + ".") }.map { Self.split($0.value).theme }
        let counts = Dictionary(targets.map { ($0, 1) }, uniquingKeysWith: +)
        guard let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else { return (theme, subtheme) }
        return (best.key, nil)
    }

    /// Whether the file pairs `fromPath` of the mapping's first scheme with `toPath` of its second
    /// ("purpose.safeguarded" with "practice.send").
    public func pairs(_ fromPath: String, with toPath: String) -> Bool {
        pairs[fromPath]?.contains(toPath) ?? false
    }

    /// Whether the file pairs the sub-theme `first` was coded (in the mapping's first scheme) with
    /// the one `second` was coded (in its second); false where either has none.
    public func pairs(_ first: ClassifiedItem, with second: ClassifiedItem) -> Bool {
        guard let one = first.subtheme, let two = second.subtheme else { return false }
        return pairs(first.theme + "." + one, with: second.theme + "." + two)
    }

    static func split(_ path: String) -> (theme: String, subtheme: String?) {
        guard let dot = path.firstIndex(of: ".") else { return (path, nil) }
        return (String(path[..<dot]), String(path[path.index(after: dot)...]))
    }
}

public extension LexiconDirectory {
    func schemeMapping() throws(LexiconError) -> SchemeMapping {
        try SchemeMapping(contentsOf: requiredFile("wt2018-wt2023-mapping.csv"))
    }
}
