/// The body of `word/document.xml` in reading order: paragraphs with their style and numbering
/// properties, and tables as rows of cell texts. Deleted text (tracked changes), field codes,
/// hidden text, drawings and text boxes, comment marks and tables of contents are left out;
/// page headers, footers, comments and footnotes live in other parts and are never read.
struct WordBody {
    struct Paragraph {
        var text: String
        var style: String?
        /// Direct `w:numPr`: `numId` 0 switches off a style's numbering.
        var numId: Int?
        var ilvl: Int?
        var outlineLevel: Int?
        /// Every run with text is bold (`w:b`, or the Strong character style).
        var bold = false
    }

    enum Item {
        case paragraph(Paragraph)
        case table([[String]])
    }

    private(set) var items: [Item] = []

    init(_ body: XMLNode, styles: WordStyles) {
        collect(body, styles: styles)
    }
}

private extension WordBody {
    mutating func collect(_ container: XMLNode, styles: WordStyles) {
        for node in container.elements {
            if WordXML.is(node, "p") {
                let paragraph = Self.paragraph(node)
                if !styles.isTableOfContents(paragraph.style) { items.append(.paragraph(paragraph)) }
            } else if WordXML.is(node, "tbl") {
                items.append(.table(Self.rows(of: node)))
            } else if WordXML.is(node, "sdt") {
                guard !Self.isTableOfContents(node), let content = WordXML.child(node, "sdtContent") else { continue }
                collect(content, styles: styles)
            } else if WordXML.is(node, "customXml") || WordXML.is(node, "ins") || WordXML.is(node, "moveTo") {
                collect(node, styles: styles)
            }
        }
    }

    static func paragraph(_ node: XMLNode) -> Paragraph {
        let properties = WordXML.child(node, "pPr")
        let numbering = properties.flatMap { WordXML.child($0, "numPr") }
        var text = ""
        appendText(of: node, to: &text)
        return Paragraph(
            text: text,
            style: WordXML.value(properties.flatMap { WordXML.child($0, "pStyle") }),
            numId: WordXML.intValue(numbering, "numId"),
            ilvl: WordXML.intValue(numbering, "ilvl"),
            outlineLevel: WordXML.intValue(properties, "outlineLvl"),
            bold: isBold(node)
        )
    }

    /// Whether every run of the paragraph that has text is bold.
    static func isBold(_ paragraph: XMLNode) -> Bool {
        let runs = paragraph.descendants { WordXML.is($0, "r") }.filter { run in
            run.elements.contains { WordXML.is($0, "t") && $0.textContent.contains(where: { !$0.isWhitespace }) }
        }
        return !runs.isEmpty && runs.allSatisfy { run in
            let properties = WordXML.child(run, "rPr")
            let style = WordXML.value(properties.flatMap { WordXML.child($0, "rStyle") })?.lowercased() ?? ""
            return WordXML.isOn(properties.flatMap { WordXML.child($0, "b") }) || style.contains("strong") || style.contains("bold")
        }
    }

    /// Containers whose runs are part of the visible text.
    static let transparent: Set<String> = [
        "hyperlink", "smartTag", "ins", "moveTo", "customXml", "fldSimple", "dir", "bdo", "sdtContent",
    ]

    /// The visible text of a paragraph's runs.
    static func appendText(of node: XMLNode, to text: inout String) {
        for child in node.elements {
            if WordXML.is(child, "r") {
                guard !WordXML.isOn(WordXML.child(child, "rPr").flatMap { WordXML.child($0, "vanish") }) else { continue }
                for part in child.elements {
                    appendRunContent(part, to: &text)
                }
            } else if WordXML.is(child, "sdt") {
                if let content = WordXML.child(child, "sdtContent") { appendText(of: content, to: &text) }
            } else if child.namespaceURI.map(WordXML.namespaces.contains) == true, transparent.contains(child.name) {
                appendText(of: child, to: &text)
            }
        }
    }

    static func appendRunContent(_ part: XMLNode, to text: inout String) {
        guard part.namespaceURI.map(WordXML.namespaces.contains) == true else { return }
        switch part.name {
        case "t": text += part.textContent
        case "tab", "ptab", "br", "cr": text += " "
        case "noBreakHyphen": text += "-"
        case "sym":
            if let code = WordXML.attribute(part, "char").flatMap({ UInt32($0, radix: 16) }),
               let scalar = Unicode.Scalar(code) {
                text.unicodeScalars.append(scalar)
            }
        default: break
        }
    }

    /// Each row's cells, each cell's paragraphs (and any table nested in it) joined with spaces.
    static func rows(of table: XMLNode) -> [[String]] {
        var rows: [[String]] = []
        for row in table.elements where WordXML.is(row, "tr") {
            let cells = row.elements.filter { WordXML.is($0, "tc") }.map { cell in
                cell.descendants { WordXML.is($0, "p") || ["drawing", "pict", "AlternateContent"].contains($0.name) }
                    .filter { WordXML.is($0, "p") }.map { paragraph in
                    var text = ""
                    appendText(of: paragraph, to: &text)
                    return text
                }.joined(separator: " ")
            }
            rows.append(cells)
        }
        return rows
    }

    /// A content control that holds a table of contents.
    static func isTableOfContents(_ sdt: XMLNode) -> Bool {
        guard let properties = WordXML.child(sdt, "sdtPr") else { return false }
        let gallery = properties.descendants { WordXML.is($0, "docPartGallery") }.first
        return WordXML.value(gallery)?.lowercased().contains("table of contents") ?? false
    }
}
