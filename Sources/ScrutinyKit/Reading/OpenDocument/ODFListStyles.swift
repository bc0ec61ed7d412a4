/// The list styles of an ODT (`text:list-style` in `styles.xml` and `content.xml`) and its
/// heading numbering (`text:outline-style`): how each level shows its number or bullet.
struct ODFListStyles {
    struct Level {
        /// nil for a bullet or image.
        var style: ListNumberStyle?
        var bullet = "\u{2022}"
        var prefix = ""
        var suffix = ""
        /// How many levels the number shows: 2 gives "1.4" at level 2.
        var displayLevels = 1
        var start = 1
    }

    private(set) var lists: [String: [Int: Level]] = [:]
    private(set) var outline: [Int: Level] = [:]
    private var paragraphLists: [String: String] = [:]
    private var paragraphParents: [String: String] = [:]

    /// Reads `styles.xml` then `content.xml`, whose automatic styles apply to the content.
    init(styles: XMLNode?, content: XMLNode?) {
        for root in [styles, content].compactMap({ $0 }) {
            for container in root.elements where container.is("styles", in: ODF.office)
                || container.is("automatic-styles", in: ODF.office) {
                read(container)
            }
        }
    }

    /// Level `level` (1-based) of list style `name`.
    func level(_ level: Int, of name: String?) -> Level? {
        name.flatMap { lists[$0]?[level] }
    }

    /// The list style a paragraph style carries, following its parents.
    func listStyle(ofParagraphStyle name: String?) -> String? {
        var next = name
        var steps = 0
        while let current = next, steps < 20 {
            if let list = paragraphLists[current] { return list }
            next = paragraphParents[current]
            steps += 1
        }
        return nil
    }

    /// The marker and ordinal a number shows, from the counters of levels 1…`level` (nil where unused).
    static func render(_ level: Level, at depth: Int, counters: [Int?], levels: (Int) -> Level?) -> (marker: String?, ordinal: String?) {
        guard let style = level.style else { return (MarkupBlocks.bullet(level.bullet), nil) }
        guard style != .none else { return (nil, nil) }
        let first = max(1, depth - level.displayLevels + 1)
        let shown = (first...depth).map { index -> String in
            let value = counters[index - 1] ?? levels(index)?.start ?? 1
            return (index == depth ? style : (levels(index)?.style ?? .decimal)).format(value)
        }.filter { !$0.isEmpty }
        let joined = shown.joined(separator: ".")
        let marker = MarkupBlocks.clean(level.prefix + joined + level.suffix)
        return (marker.isEmpty ? nil : marker, joined.isEmpty ? nil : joined.lowercased())
    }
}

private extension ODFListStyles {
    mutating func read(_ container: XMLNode) {
        for node in container.elements {
            if node.is("list-style", in: ODF.text), let name = node.attribute("name", in: ODF.style) {
                lists[name] = Self.levels(node)
            } else if node.is("outline-style", in: ODF.text) {
                outline = Self.levels(node)
            } else if node.is("style", in: ODF.style), let name = node.attribute("name", in: ODF.style) {
                if let list = node.attribute("list-style-name", in: ODF.style), !list.isEmpty { paragraphLists[name] = list }
                if let parent = node.attribute("parent-style-name", in: ODF.style) { paragraphParents[name] = parent }
            }
        }
    }

    static func levels(_ style: XMLNode) -> [Int: Level] {
        var levels: [Int: Level] = [:]
        for node in style.elements {
            guard let number = ODF.int(node, "level", in: ODF.text) else { continue }
            var level = Level()
            switch node.name {
            case "list-level-style-number", "outline-level-style":
                level.style = ListNumberStyle(odf: node.attribute("num-format", in: ODF.style) ?? "")
            case "list-level-style-bullet":
                level.style = nil
                level.bullet = node.attribute("bullet-char", in: ODF.text) ?? "\u{2022}"
            case "list-level-style-image":
                level.style = nil
            default:
                continue
            }
            level.prefix = node.attribute("num-prefix", in: ODF.style) ?? ""
            level.suffix = node.attribute("num-suffix", in: ODF.style) ?? ""
            level.displayLevels = min(max(ODF.int(node, "display-levels", in: ODF.text) ?? 1, 1), 10)
            level.start = ODF.int(node, "start-value", in: ODF.text) ?? 1
            levels[number] = level
        }
        return levels
    }
}
