/// Walks a parsed HTML tree in reading order and turns it into blocks: text outside block
/// elements gathers into paragraphs, headings, list items and table rows become their own blocks,
/// and page furniture (navigation, scripts, forms, hidden elements) is skipped.
struct HTMLBlockWalker {
    private var blocks: [Block] = []
    /// Text gathered for the paragraph being built; `lineBreak` marks a `<br>`.
    private var inline = ""
    /// Inside how many `b` or `strong` elements the walk is, and whether the paragraph being built
    /// has text outside them.
    private var boldDepth = 0
    private var inlineHasPlainText = false
    /// True inside `main` or `article`, where `header` and `footer` hold the content's own title and notes.
    private var insideArticle: Bool

    init(insideArticle: Bool) {
        self.insideArticle = insideArticle
    }

    mutating func walk(_ node: XMLNode) {
        visitChildren(of: node, depth: 0)
    }

    mutating func finish() -> [Block] {
        flush()
        return blocks
    }
}

private extension HTMLBlockWalker {
    static let lineBreak: Character = "\u{2028}"

    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "object", "embed", "svg",
        "math", "button", "select", "textarea", "input", "head", "title", "meta", "link", "canvas", "video",
        "audio", "map", "dialog", "menu",
    ]
    static let skippedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"]
    static let blockContainers: Set<String> = [
        "html", "body", "div", "section", "article", "main", "p", "blockquote", "center", "figure", "figcaption",
        "details", "summary", "address", "fieldset", "dl", "dt", "dd", "header", "footer", "hgroup", "caption",
        "legend", "hr",
    ]
    static let headings: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    /// Whether `node` and everything in it is page furniture rather than content.
    func isSkipped(_ node: XMLNode) -> Bool {
        let name = node.name
        if Self.skipped.contains(name) { return true }
        // A footnote's marker ("policy<sup>2</sup>") is no part of the words it follows (session
        // 37's third audit: "policy2", "2024.1").
        if name == "sup", InlineMarkup.isFootnoteMarker(text(of: node)) { return true }
        if Self.isFootnotes(node) { return true }
        if (name == "header" || name == "footer") && !insideArticle { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let role = node.attribute("role")?.lowercased(), Self.skippedRoles.contains(role) { return true }
        if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        return false
    }

    /// Whether `node` holds a page's footnotes or endnotes (`<ol class="footnotes">`, pandoc's and
    /// kramdown's `role="doc-endnotes"`), left out as a Word document's footnotes are: under a
    /// "Recommendations" heading their list would read as recommendations (session 37's third audit).
    static func isFootnotes(_ node: XMLNode) -> Bool {
        if let role = node.attribute("role")?.lowercased(), role.hasPrefix("doc-endnote") || role.hasPrefix("doc-footnote") {
            return true
        }
        let names = [node.attribute("class"), node.attribute("id")].compactMap { $0?.lowercased() }
            .flatMap { $0.split(whereSeparator: { $0.isWhitespace }) }
        return names.contains { $0.contains("footnotes") || $0.contains("endnotes") || $0 == "footnote" || $0 == "endnote" }
    }

    mutating func visitChildren(of node: XMLNode, depth: Int) {
        for child in node.children { visit(child, depth: depth) }
    }

    mutating func visit(_ node: XMLNode, depth: Int) {
        switch node.kind {
        case .text:
            inline += node.text
            if boldDepth == 0, node.text.contains(where: { !$0.isWhitespace }) { inlineHasPlainText = true }
            return
        case .other:
            return
        case .element:
            break
        }
        guard !isSkipped(node) else { return }
        let name = node.name
        if let level = Self.headings[name] {
            flush()
            if let heading = MarkupBlocks.heading(text(of: node), level: level) { blocks.append(heading) }
        } else if name == "ul" || name == "ol" || name == "dir" {
            flush()
            visitList(node, depth: depth)
        } else if name == "li" {
            flush()
            visitItem(node, marker: "\u{2022}", ordinal: nil, depth: depth)
        } else if name == "table" {
            flush()
            visitTable(node, depth: depth)
        } else if name == "br" {
            inline.append(Self.lineBreak)
        } else if name == "pre" {
            // Preformatted text is laid out like a text file: the text reader finds its structure.
            flush()
            blocks.append(contentsOf: PlainTextReader().blocks(from: text(of: node)))
        } else if name == "b" || name == "strong" {
            boldDepth += 1
            visitChildren(of: node, depth: depth)
            boldDepth -= 1
        } else if Self.blockContainers.contains(name) {
            flush()
            let wasInside = insideArticle
            if name == "article" || name == "main" { insideArticle = true }
            visitChildren(of: node, depth: depth)
            insideArticle = wasInside
            flush()
        } else {
            visitChildren(of: node, depth: depth)
        }
    }

    /// The paragraphs gathered so far: one per run of text, split at double line breaks.
    mutating func flush() {
        let allBold = !inlineHasPlainText
        defer {
            inline = ""
            inlineHasPlainText = false
        }
        guard inline.contains(where: { !$0.isWhitespace }) else { return }
        if allBold, !inline.contains(Self.lineBreak) {
            let isFirst = !blocks.contains { $0.kind != .tableRow }
            if let block = MarkupBlocks.emphasised(inline, isFirst: isFirst) { blocks.append(block) }
            return
        }
        // No `<br>` (U+2028 is a grapheme cluster of its own, so a scalar search finds every
        // one): the paragraph is the text as the loop below would make it, without splitting.
        if !inline.unicodeScalars.contains("\u{2028}") {
            if let block = MarkupBlocks.paragraph(" " + inline) { blocks.append(block) }
            return
        }
        var paragraph = ""
        for line in inline.split(separator: Self.lineBreak, omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if let block = MarkupBlocks.paragraph(paragraph) { blocks.append(block) }
                paragraph = ""
            } else {
                paragraph += " " + line
            }
        }
        if let block = MarkupBlocks.paragraph(paragraph) { blocks.append(block) }
    }

    // MARK: lists

    mutating func visitList(_ list: XMLNode, depth: Int) {
        let ordered = list.name == "ol"
        let items = list.elements.filter { $0.is("li") }
        var style: ListNumberStyle? = ordered ? (list.attribute("type").flatMap(ListNumberStyle.init(htmlType:)) ?? .decimal) : nil
        if let css = Self.listStyleType(list) { style = css }
        let reversed = ordered && list.attribute("reversed") != nil
        var counter = list.attribute("start").flatMap(Self.number) ?? (reversed ? items.count : 1)
        for child in list.children {
            if child.is("li") {
                guard !isSkipped(child) else { continue }
                if let value = child.attribute("value").flatMap(Self.number) { counter = value }
                switch style {
                case .none?:
                    visitItem(child, marker: nil, ordinal: nil, depth: depth)
                case let style?:
                    let number = style.format(counter)
                    visitItem(child, marker: number + ".", ordinal: number.lowercased(), depth: depth)
                case nil:
                    visitItem(child, marker: "\u{2022}", ordinal: nil, depth: depth)
                }
                counter += reversed ? -1 : 1
            } else if child.is("ul") || child.is("ol") {
                // A list nested straight into a list (without its `li`) belongs to the item before it.
                visitList(child, depth: depth + 1)
            } else if child.kind == .element || child.text.contains(where: { !$0.isWhitespace }) {
                visit(child, depth: depth)
                flush()
            }
        }
    }

    /// One list item: its own text (with any paragraphs in it) as one block, then the lists and
    /// tables nested in it.
    mutating func visitItem(_ item: XMLNode, marker: String?, ordinal: String?, depth: Int) {
        if let block = MarkupBlocks.item(text(of: item, stoppingAtLists: true), marker: marker, ordinal: ordinal,
                                         depth: depth, typedWins: true) {
            blocks.append(block)
        }
        for nested in item.descendants(where: { $0.is("ul") || $0.is("ol") || $0.is("table") || isSkipped($0) })
        where !isSkipped(nested) {
            if nested.is("table") { visitTable(nested, depth: depth + 1) } else { visitList(nested, depth: depth + 1) }
        }
    }

    /// A `start` or `value` attribute, within ±1,000,000 so that counting on cannot overflow.
    static func number(_ attribute: String) -> Int? {
        Int(attribute.trimmingCharacters(in: " \t\n")).map { min(max($0, -1_000_000), 1_000_000) }
    }

    static func listStyleType(_ list: XMLNode) -> ListNumberStyle? {
        guard let style = list.attribute("style")?.lowercased() else { return nil }
        for declaration in style.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let property = parts[0].trimmingCharacters(in: " \t\n")
            guard property == "list-style-type" || property == "list-style" else { continue }
            for keyword in parts[1].split(separator: " ") {
                if let style = ListNumberStyle(css: String(keyword)) { return style }
            }
        }
        return nil
    }

    // MARK: tables

    /// A data table becomes one row block per `tr`; a layout table (cells holding headings,
    /// lists or tables) is read cell by cell as ordinary content.
    mutating func visitTable(_ table: XMLNode, depth: Int) {
        let rows = table.descendants { $0.is("tr") || $0.is("table") }.filter { $0.is("tr") }
        let cells = rows.flatMap { $0.elements.filter { $0.is("td") || $0.is("th") } }
        let isLayout = cells.contains { cell in
            !cell.descendants { Self.headings[$0.name] != nil || ["ul", "ol", "table"].contains($0.name) }.isEmpty
        }
        if isLayout {
            for cell in cells where !isSkipped(cell) {
                visitChildren(of: cell, depth: depth)
                flush()
            }
            return
        }
        if let caption = table.child("caption"), let block = MarkupBlocks.paragraph(text(of: caption)) {
            blocks.append(block)
        }
        for row in rows where !isSkipped(row) {
            let texts = row.elements.filter { ($0.is("td") || $0.is("th")) && !isSkipped($0) }.map { text(of: $0) }
            if let block = MarkupBlocks.row(texts) { blocks.append(block) }
        }
    }

    // MARK: text

    /// The text of `node` with page furniture left out; block elements inside it are kept apart by spaces.
    func text(of node: XMLNode, stoppingAtLists: Bool = false) -> String {
        var output = ""
        appendText(of: node, to: &output, stoppingAtLists: stoppingAtLists)
        return output
    }

    func appendText(of node: XMLNode, to output: inout String, stoppingAtLists: Bool) {
        for child in node.children {
            switch child.kind {
            case .text:
                output += child.text
            case .other:
                continue
            case .element:
                let name = child.name
                if isSkipped(child) { continue }
                if stoppingAtLists && (name == "ul" || name == "ol" || name == "table") { continue }
                let separate = name == "br" || Self.blockContainers.contains(name) || Self.headings[name] != nil
                    || name == "li" || name == "td" || name == "th" || name == "tr"
                if separate { output += " " }
                appendText(of: child, to: &output, stoppingAtLists: stoppingAtLists)
                if separate { output += " " }
            }
        }
    }
}
