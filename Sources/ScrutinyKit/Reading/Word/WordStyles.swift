/// The paragraph styles of a DOCX (`word/styles.xml`): which make headings, at what level, and
/// which carry list numbering, following each style's `basedOn` chain.
struct WordStyles {
    struct Style {
        var name: String
        var basedOn: String?
        /// `w:outlineLvl`, 0 for a level-1 heading; 9 is body text.
        var outlineLevel: Int?
        var numId: Int?
        var ilvl: Int?
    }

    private(set) var styles: [String: Style] = [:]
    private(set) var defaultStyle: String?

    init() {}

    init(_ root: XMLNode) {
        for node in root.elements where WordXML.is(node, "style") {
            guard WordXML.attribute(node, "type") ?? "paragraph" == "paragraph",
                  let id = WordXML.attribute(node, "styleId") else { continue }
            let properties = WordXML.child(node, "pPr")
            let numbering = properties.flatMap { WordXML.child($0, "numPr") }
            styles[id] = Style(
                name: WordXML.value(WordXML.child(node, "name")) ?? id,
                basedOn: WordXML.value(WordXML.child(node, "basedOn")),
                outlineLevel: WordXML.intValue(properties, "outlineLvl"),
                numId: WordXML.intValue(numbering, "numId"),
                ilvl: WordXML.intValue(numbering, "ilvl")
            )
            if let flag = WordXML.attribute(node, "default"), ["1", "true", "on"].contains(flag.lowercased()) {
                defaultStyle = id
            }
        }
    }

    /// The heading level (1–9) a paragraph of style `id` has: from a "heading N" or "Title"
    /// style name or an outline level, the nearest in the `basedOn` chain first.
    func headingLevel(_ id: String?) -> Int? {
        for style in chain(id) {
            let name = style.name.lowercased()
            if name == "title" { return 1 }
            if name.hasPrefix("heading "), let level = Int(name.dropFirst("heading ".count)), (1...9).contains(level) {
                return level
            }
            if let outline = style.outlineLevel { return outline < 9 ? outline + 1 : nil }
        }
        return nil
    }

    /// The list a paragraph of style `id` is numbered in, the nearest in the chain first.
    func numbering(_ id: String?) -> (numId: Int, ilvl: Int?)? {
        for style in chain(id) {
            if let numId = style.numId { return (numId, style.ilvl) }
        }
        return nil
    }

    /// Whether style `id` is a table-of-contents entry ("toc 1" ...), left out of the blocks.
    func isTableOfContents(_ id: String?) -> Bool {
        chain(id).first.map { $0.name.lowercased().hasPrefix("toc ") || $0.name.lowercased() == "toc heading" } ?? false
    }
}

private extension WordStyles {
    /// Style `id` (or the default paragraph style) and the styles it is based on, at most 20.
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var next = id ?? defaultStyle
        var seen: Set<String> = []
        while let current = next, let style = styles[current], !seen.contains(current), result.count < 20 {
            result.append(style)
            seen.insert(current)
            next = style.basedOn
        }
        return result
    }
}
