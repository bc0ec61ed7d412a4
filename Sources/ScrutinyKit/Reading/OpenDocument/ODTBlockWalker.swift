/// Walks the body of an ODT's `content.xml` in reading order: `text:h` headings numbered by
/// the outline style, `text:p` paragraphs, `text:list` lists counted as LibreOffice counts them
/// (continued numbering, start values, nesting), and `table:table` rows. Comments
/// (`office:annotation`), footnotes, tracked deletions, tables of contents and drawings are left out.
struct ODTBlockWalker {
    let styles: ODFListStyles
    private(set) var blocks: [Block] = []
    private var outlineCounters: [Int?] = Array(repeating: nil, count: 10)
    /// The counters of the list last finished, for `text:continue-numbering`.
    private var lastList: [Int?]?
    /// The counters of lists with an `xml:id`, for `text:continue-list`.
    private var listsByID: [String: [Int?]] = [:]

    init(styles: ODFListStyles) {
        self.styles = styles
    }

    mutating func walk(_ container: XMLNode) {
        for node in container.elements {
            if node.is("h", in: ODF.text) {
                heading(node)
            } else if node.is("p", in: ODF.text) {
                if let block = MarkupBlocks.paragraph(Self.text(of: node)) { blocks.append(block) }
            } else if node.is("list", in: ODF.text) {
                topLevelList(node)
            } else if node.is("table", in: ODF.table) {
                table(node)
            } else if node.is("section", in: ODF.text) {
                walk(node)
            }
        }
    }
}

private extension ODTBlockWalker {
    /// Inline elements whose text is not part of the visible body text.
    static let skippedInline: Set<String> = [
        "note", "number", "tracked-changes", "change", "change-start", "change-end", "ruby-text", "bookmark",
        "bookmark-start", "bookmark-end", "toc-mark", "alphabetical-index-mark", "reference-mark", "soft-page-break",
    ]

    // MARK: headings

    mutating func heading(_ node: XMLNode) {
        let level = min(max(ODF.int(node, "outline-level", in: ODF.text) ?? 1, 1), 10)
        var ordinal: String?
        if node.attribute("is-list-header", in: ODF.text) != "true" {
            if let start = ODF.int(node, "start-value", in: ODF.text) {
                outlineCounters[level - 1] = start - 1
            } else if node.attribute("restart-numbering", in: ODF.text) == "true" {
                outlineCounters[level - 1] = nil
            }
            let start = styles.outline[level]?.start ?? 1
            outlineCounters[level - 1] = (outlineCounters[level - 1] ?? (start - 1)) + 1
            for deeper in level..<10 { outlineCounters[deeper] = nil }
            if let style = styles.outline[level] {
                ordinal = ODFListStyles.render(style, at: level, counters: outlineCounters, levels: { styles.outline[$0] }).ordinal
            }
        }
        if let cached = Self.cachedNumber(in: node) { ordinal = cached.ordinal ?? ordinal }
        if let block = MarkupBlocks.heading(Self.text(of: node), level: min(level, 6), ordinal: ordinal) {
            blocks.append(block)
        }
    }

    // MARK: lists

    mutating func topLevelList(_ list: XMLNode) {
        var counters: [Int?] = Array(repeating: nil, count: 10)
        if let continued = list.attribute("continue-list", in: ODF.text), let previous = listsByID[continued] {
            counters = previous
        } else if list.attribute("continue-numbering", in: ODF.text) == "true", let previous = lastList {
            counters = previous
        }
        let style = list.attribute("style-name", in: ODF.text) ?? firstParagraphListStyle(list)
        visitList(list, level: 1, style: style, counters: &counters)
        lastList = counters
        if let id = list.attribute("id", in: ODF.xml) { listsByID[id] = counters }
    }

    mutating func visitList(_ list: XMLNode, level: Int, style inherited: String?, counters: inout [Int?]) {
        let style = level == 1 ? inherited : (list.attribute("style-name", in: ODF.text) ?? inherited)
        let levelStyle = styles.level(min(level, 10), of: style)
        for item in list.elements {
            let isHeader = item.is("list-header", in: ODF.text)
            guard isHeader || item.is("list-item", in: ODF.text) else { continue }
            let paragraphs = item.elements.filter { $0.is("p", in: ODF.text) || $0.is("h", in: ODF.text) }
            var number: (marker: String?, ordinal: String?) = (nil, nil)
            if !isHeader, !paragraphs.isEmpty, level <= 10 {
                if let start = ODF.int(item, "start-value", in: ODF.text) { counters[level - 1] = start - 1 }
                counters[level - 1] = (counters[level - 1] ?? ((levelStyle?.start ?? 1) - 1)) + 1
                for deeper in level..<10 { counters[deeper] = nil }
                if let levelStyle {
                    number = ODFListStyles.render(levelStyle, at: level, counters: counters,
                                                  levels: { styles.level($0, of: style) })
                }
            }
            if let cached = paragraphs.lazy.compactMap(Self.cachedNumber).first { number = cached }
            let text = paragraphs.map { Self.text(of: $0) }.joined(separator: " ")
            if let block = MarkupBlocks.item(text, marker: number.marker, ordinal: number.ordinal, depth: level - 1) {
                blocks.append(block)
            }
            for child in item.elements {
                if child.is("list", in: ODF.text) {
                    visitList(child, level: level + 1, style: style, counters: &counters)
                } else if child.is("table", in: ODF.table) {
                    table(child)
                }
            }
        }
    }

    /// The list style the first paragraph of a list without a style of its own carries.
    func firstParagraphListStyle(_ list: XMLNode) -> String? {
        let paragraph = list.descendants { $0.is("p", in: ODF.text) || $0.is("h", in: ODF.text) }.first
        return styles.listStyle(ofParagraphStyle: paragraph?.attribute("style-name", in: ODF.text))
    }

    // MARK: tables

    mutating func table(_ table: XMLNode) {
        let rows = table.descendants { $0.is("table-row", in: ODF.table) || $0.is("table", in: ODF.table) }
            .filter { $0.is("table-row", in: ODF.table) }
        for row in rows {
            var cells: [(text: String, repeated: Int)] = []
            for cell in row.elements where cell.is("table-cell", in: ODF.table) || cell.is("covered-table-cell", in: ODF.table) {
                let text = cell.descendants { $0.is("p", in: ODF.text) || $0.is("h", in: ODF.text) }
                    .map { Self.text(of: $0) }.joined(separator: " ")
                cells.append((text, min(max(ODF.int(cell, "number-columns-repeated", in: ODF.table) ?? 1, 1), 64)))
            }
            // LibreOffice pads rows with one empty cell repeated to the sheet's width.
            if let last = cells.last, last.repeated > 1, last.text.allSatisfy(\.isWhitespace) { cells.removeLast() }
            let expanded = cells.flatMap { Array(repeating: $0.text, count: $0.repeated) }
            if let block = MarkupBlocks.row(expanded) { blocks.append(block) }
        }
    }

    // MARK: text

    /// The visible text of a paragraph or heading.
    static func text(of node: XMLNode) -> String {
        var output = ""
        appendText(of: node, to: &output)
        return output
    }

    static func appendText(of node: XMLNode, to output: inout String) {
        for child in node.children {
            switch child.kind {
            case .text:
                output += child.text
            case .other:
                continue
            case .element:
                guard child.namespaceURI == ODF.text, !skippedInline.contains(child.name) else { continue }
                switch child.name {
                case "s":
                    output += String(repeating: " ", count: min(max(ODF.int(child, "c", in: ODF.text) ?? 1, 1), 8))
                case "tab", "line-break":
                    output += " "
                default:
                    appendText(of: child, to: &output)
                }
            }
        }
    }

    /// The number LibreOffice cached in a paragraph (`text:number`), as shown and as an ordinal.
    static func cachedNumber(in paragraph: XMLNode) -> (marker: String?, ordinal: String?)? {
        guard let number = paragraph.child("number", in: ODF.text) else { return nil }
        let shown = MarkupBlocks.clean(number.textContent)
        guard !shown.isEmpty else { return nil }
        let ordinal = ListMarker.parse(Substring(shown + " x"))?.ordinal
        return (shown, ordinal ?? shown.trimmingCharacters(in: "().").lowercased())
    }
}
