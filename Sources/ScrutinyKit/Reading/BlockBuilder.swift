/// Groups classified lines into blocks: joins hard-wrapped lines, recovers list items whose
/// marker was lost, tracks list nesting and tells standalone title lines from paragraphs.
struct BlockBuilder {
    let lines: [Line]
    let wrapWidth: Int?
    private(set) var blocks: [Block] = []
    private var pending: Pending?
    private var listIndents: [Int] = []
    /// True after a paragraph ending in a colon, until a blank line or another block ends the run:
    /// the lines that follow it without a blank are items even when they lost their markers.
    private var inLeadIn = false
    /// True once a line with its marker has followed the lead-in: the list keeps its markers, so a
    /// line without one after it is no entry whose marker was lost but the text after the list
    /// (a news page without blank lines: "Three areas in particular require improvement:", three
    /// "- " entries, then the article's next paragraph).
    private var leadInListMarked = false
    /// True after a numbered entry of a list that a paragraph ending in a colon began, until a
    /// block of another kind.
    private var numberedEntriesAfterLeadIn = false
    /// True after a paragraph ending in a colon, and after each line of six words or more standing
    /// alone that followed it: such a line is an entry of a list whose markers were lost (a web
    /// page copied as text, one entry a line between blank lines), not a title ("Some of the
    /// recommendations include:", then "Increasing therapeutic support for victims and their
    /// families").
    private var entriesAfterLeadIn = false
    private let indentMeansItem: Bool
    /// The level of the last Markdown heading (`### …`), where the text has one: a title line found
    /// after it is a heading within its section, one level down (or at its usual level, 3 or 2 in
    /// capitals, where that is deeper, as in the HTML, DOCX and ODT readers).
    private var markdownLevel: Int?

    init(lines: [Line], wrapWidth: Int?) {
        self.lines = lines
        self.wrapWidth = wrapWidth
        // Where paragraphs are customarily indented, indentation says nothing about lost markers.
        var starts = 0
        var indented = 0
        for (index, line) in lines.enumerated() where !line.isBlank {
            guard case .plain = line.kind, index == 0 || lines[index - 1].isBlank else { continue }
            starts += 1
            if line.indent > 0 { indented += 1 }
        }
        indentMeansItem = !(indented >= 3 && indented * 10 >= starts * 7)
    }

    struct Pending {
        var kind: Block.Kind
        var parts: [Substring]
        var marker: String?
        var ordinal: String?
        var depth: Int
        var indent: Int
        var blankBefore: Bool
        var bold: Bool
        var lastRaw: Substring
        /// The column where a marked item's text begins ("1. The …": 3), if known: a line indented
        /// to it goes on with the item.
        var textColumn: Int? = nil
    }

    mutating func build() -> [Block] {
        var blankBefore = true
        for (index, line) in lines.enumerated() {
            let blankAfter = index + 1 == lines.count || lines[index + 1].isBlank
            switch line.kind {
            case .blank, .rule:
                flush(blankAfter: true)
                inLeadIn = false
                blankBefore = true
                continue
            case .markdownHeading(let level):
                flush(blankAfter: true)
                let body = line.content.dropFirst(level).drop(while: { $0 == " " })
                // Its closing hashes and spaces dropped, by index (a string made of a reversed
                // collection twice reversed went character by character through generic indices).
                var end = body.endIndex
                while end > body.startIndex, let last = body[..<end].last, last == "#" || last == " " { end = body.index(before: end) }
                appendHeading(String(body[..<end]), level: level)
                markdownLevel = level
            case .table(let cells):
                flush(blankAfter: true)
                let cleaned = cells.map { BlockBuilder.clean(Substring($0)) }
                blocks.append(.tableRow(cleaned))
                listIndents = []
            case .marked(let marker):
                if headsMarkedList() { inLeadIn = false } else { flush(blankAfter: false) }
                if inLeadIn { leadInListMarked = true }
                startItem(marker: marker.marker, ordinal: marker.ordinal, text: marker.rest, line: line, blankBefore: blankBefore)
            case .plain:
                handlePlain(line, blankBefore: blankBefore, blankAfter: blankAfter)
            }
            blankBefore = false
        }
        flush(blankAfter: true)
        return blocks
    }
}

private extension BlockBuilder {
    /// Makes the pending line a heading when it is a title that a lead-in's colon made its first
    /// entry and marked entries follow it: "… our priority areas of business:", "Summary of
    /// achievements", then its "- " entries (a page copied as text, its heading's mark-up lost;
    /// session 33's blind set read the title as an entry, so its list was announced by nothing).
    mutating func headsMarkedList() -> Bool {
        guard let current = pending, current.kind == .listItem, current.marker?.isEmpty == true, current.parts.count == 1,
              inLeadIn, !leadInListMarked, blocks.last.map({ $0.kind == .paragraph && $0.text.hasSuffix(":") }) == true
        else { return false }
        let text = BlockBuilder.clean(current.parts[0])
        guard HeadingHeuristics.isTitle(text, bold: false), text.split(separator: " ").count <= 6,
              text.last.map({ ":;".contains($0) }) != true else { return false }
        pending = nil
        appendHeading(text, level: nil)
        return true
    }

    mutating func handlePlain(_ line: Line, blankBefore: Bool, blankAfter: Bool) {
        let first = line.content.first!
        if var current = pending, !blankBefore {
            if joins(current, line) || continuesMarkedItem(current, line) {
                pending = nil // so that appending to the parts does not copy them: linear in the lines joined
                current.parts.append(line.content)
                current.lastRaw = line.raw
                current.bold = current.bold && isBold(line.content)
                pending = current
                return
            }
            // Items that end in semicolons end their list at the one that ends in a full stop
            // ("… Health;", "… genograms;", "… protocol."): the lines after it are paragraphs again.
            let closesList = current.kind == .listItem && current.lastRaw.trimmingCharacters(in: " \t").hasSuffix(".")
                && blocks.last.map { $0.kind == .listItem && ["; and", "; or", ";"].contains(where: $0.text.hasSuffix) } == true
            if closesList { inLeadIn = false }
            let continuesList = current.kind == .listItem && (current.marker?.isEmpty ?? false) && !closesList
            let leadIn = (inLeadIn && !leadInListMarked) || (current.kind == .paragraph && current.lastRaw.trimmingCharacters(in: " \t").hasSuffix(":"))
            if first.isUppercase || first.isNumber, leadIn || continuesList || (indentMeansItem && line.indent > 0 && line.indent <= 3) {
                flush(blankAfter: false)
                startItem(marker: "", ordinal: nil, text: line.content, line: line, blankBefore: false)
                return
            }
            flush(blankAfter: false)
        } else if blankBefore, first.isLowercase, pending == nil, let last = blocks.last,
                  last.kind == .paragraph || last.kind == .listItem,
                  let end = last.text.last, !".!?:;".contains(end) {
            // A paragraph broken by a page or column break: rejoin it.
            blocks.removeLast()
            pending = Pending(kind: last.kind, parts: [Substring(last.text), line.content], marker: last.marker,
                              ordinal: last.ordinal, depth: last.depth ?? 0, indent: line.indent,
                              blankBefore: false, bold: false, lastRaw: line.raw)
            return
        }
        if indentMeansItem, line.indent > 0, line.indent <= 3, first.isUppercase, blankBefore,
           !(blocks.last?.kind == .paragraph && pending == nil && !lineLooksLikeItem(line)) {
            startItem(marker: "", ordinal: nil, text: line.content, line: line, blankBefore: true)
            return
        }
        pending = Pending(kind: .paragraph, parts: [line.content], marker: nil, ordinal: nil, depth: 0,
                          indent: line.indent, blankBefore: blankBefore, bold: isBold(line.content), lastRaw: line.raw)
    }

    /// An indented line after a paragraph is an item only when it reads like one: a sentence.
    func lineLooksLikeItem(_ line: Line) -> Bool {
        line.content.split(separator: " ").count >= 6
    }

    /// A line indented to the text of the marked item above it goes on with that item, whatever
    /// its first letter ("1. The Executive should ask the MASH" / "   Strategic Group to report …":
    /// session 28's user audit found such an item read as two).
    func continuesMarkedItem(_ current: Pending, _ line: Line) -> Bool {
        guard current.kind == .listItem, current.marker?.isEmpty == false, let column = current.textColumn, column > 0 else { return false }
        return line.indent == column && ListMarker.parse(line.content) == nil
    }

    func joins(_ current: Pending, _ line: Line) -> Bool {
        guard let first = line.content.first else { return false }
        if first.isLowercase { return true }
        let last = current.lastRaw.trimmingCharacters(in: " \t")
        if let end = last.last, end == "," || end == "-" || end == "/" || end == "&" { return true }
        if let width = wrapWidth {
            let nextWord = line.content.prefix(while: { $0 != " " }).count
            if current.lastRaw.count + 1 + nextWord > width - 3 { return true }
        }
        // A marked item whose sentence has not ended, and an unmarked line under it that ends one:
        // the list was broken before a capitalised word ("1. The ICB should improve the timeliness
        // of Initial Health" / "Assessments for children in care."; session 45's audit found the
        // second half dropped).
        // Not a line that opens with a label ("R4: Learning from …", "Note: …"): an item of its own
        // (session 45's re-audit), nor a question; and only under a line as long as a wrapped one.
        if current.kind == .listItem, current.marker?.isEmpty == false, let end = last.last, !".!?:;".contains(end), last.count >= 40,
           line.content.last == ".", ListMarker.parse(line.content) == nil, line.content.split(separator: " ").count >= 3,
           line.content.split(separator: " ").first?.hasSuffix(":") != true {
            return true
        }
        return false
    }

    mutating func startItem(marker: String, ordinal: String?, text: Substring, line: Line, blankBefore: Bool) {
        // An item that lost its marker sits at the level of the list it belongs to.
        let indent = marker.isEmpty ? (listIndents.last ?? 0) : line.indent
        while let last = listIndents.last, last > indent { listIndents.removeLast() }
        if listIndents.last != indent { listIndents.append(indent) }
        // Where the text begins on its line, when it is a part of the line as read.
        let textColumn = line.raw.startIndex <= text.startIndex && text.startIndex <= line.raw.endIndex
            ? line.raw.distance(from: line.raw.startIndex, to: text.startIndex) : nil
        pending = Pending(kind: .listItem, parts: [text], marker: marker, ordinal: ordinal, depth: listIndents.count - 1,
                          indent: indent, blankBefore: blankBefore, bold: isBold(text), lastRaw: line.raw, textColumn: textColumn)
    }

    mutating func flush(blankAfter: Bool) {
        guard let current = pending else { return }
        pending = nil
        let text = BlockBuilder.clean(Substring(current.parts.joined(separator: " ")))
        guard !text.isEmpty else { return }
        let standalone = current.parts.count == 1 && current.blankBefore && blankAfter
        let isNumbering = current.ordinal != nil && !(current.marker.map { $0.count == 1 && ListMarker.isBullet($0.first!) } ?? false)
        if current.kind == .paragraph, standalone || current.bold, HeadingHeuristics.isTitle(text, bold: current.bold) {
            // A title as short as a heading ("Recommendations", "Areas for improvement") stays one.
            if entriesAfterLeadIn, !current.bold, text.split(separator: " ").count >= 6 {
                blocks.append(.paragraph(text))
                return
            }
            appendHeading(text, level: nil)
            return
        }
        // An entry longer than a title keeps the run going: it has no full stop either.
        entriesAfterLeadIn = current.kind == .paragraph
            && (text.hasSuffix(":") || entriesAfterLeadIn && !(text.last.map { ".!?".contains($0) } ?? true))
        // A short numbered line standing alone is a numbered title ("2. Findings"), but not in a
        // numbered list that a lead-in's colon began: there it is the list's next entry ("These
        // weaknesses were:", "1) The quality of plans …", "2) The timeliness of assessments for
        // autism", session 28's audit; the second became a heading "2"). A line in capitals is
        // a heading all the same ("2. REASONS FOR RECOMMENDATIONS").
        let afterLeadIn = blocks.last.map { $0.kind == .paragraph && $0.text.hasSuffix(":") } ?? false
        let entryOfLeadIn = current.kind == .listItem && isNumbering && (afterLeadIn || numberedEntriesAfterLeadIn)
            && !HeadingHeuristics.isAllCaps(text)
        numberedEntriesAfterLeadIn = entryOfLeadIn
        if current.kind == .listItem, isNumbering, standalone || current.bold, !entryOfLeadIn,
           HeadingHeuristics.isNumberedTitle(text, bold: current.bold) {
            appendHeading(text, level: HeadingHeuristics.level(ofOrdinal: current.ordinal!), ordinal: current.ordinal)
            return
        }
        if current.kind == .listItem {
            blocks.append(.listItem(text, marker: current.marker ?? "", ordinal: current.ordinal, depth: current.depth))
        } else {
            blocks.append(.paragraph(text))
            listIndents = []
            inLeadIn = text.hasSuffix(":")
            leadInListMarked = false
        }
    }

    mutating func appendHeading(_ rawText: String, level: Int?, ordinal: String? = nil) {
        var text = BlockBuilder.clean(Substring(rawText))
        var ordinal = ordinal
        if ordinal == nil, let marker = ListMarker.parse(Substring(text)), marker.ordinal != nil {
            ordinal = marker.ordinal
            text = BlockBuilder.clean(marker.rest)
        }
        guard !text.isEmpty else { return }
        let isFirst = !blocks.contains { $0.kind != .tableRow }
        // Under a Markdown heading, a title line found by its look is a sub-heading of that section
        // (the text `extract` prints keeps a PDF's headings as `###` and its short standalone
        // labels, "Leadership, management and governance", as plain lines: read back at a fixed
        // level 3, such a label closed the "What does the local authority need to improve?"
        // section around it, and its list stopped being items).
        let usual = HeadingHeuristics.isAllCaps(text) ? 2 : 3
        let inferred = markdownLevel.map { max(usual, min($0 + 1, 6)) } ?? usual
        let resolved = level ?? (isFirst ? 1 : ordinal.map(HeadingHeuristics.level(ofOrdinal:)) ?? inferred)
        blocks.append(.heading(text, level: resolved, ordinal: ordinal))
        listIndents = []
        inLeadIn = false
        entriesAfterLeadIn = false
        numberedEntriesAfterLeadIn = false
    }

    func isBold(_ text: Substring) -> Bool {
        text.hasPrefix("**") && text.hasSuffix("**") && text.count > 4
    }

    static func clean(_ text: Substring) -> String {
        InlineMarkup.stripMarkdown(String(text)).collapsingWhitespace()
    }

}

/// Whether a standalone line is a title rather than a short paragraph.
enum HeadingHeuristics {
    static func isTitle(_ text: String, bold: Bool) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber else { return false }
        // At most 90 characters (130 set in bold), found without counting a long paragraph's
        // characters: most paragraphs are far longer than a title.
        let limit = bold ? 130 : 90
        guard text.utf8.count <= limit || text.dropFirst(limit).isEmpty else { return false }
        if let last = text.last, ".,;!".contains(last) { return false }
        if text.hasSuffix(":") && !bold { return false }
        // Foundation's search only where the bytes are there (nothing else is canonically equivalent).
        if text.containsByte(UInt8(ascii: "@")) && text.contains("@") || text.containsBytes("http") && text.contains("http") || isDatedLabel(text) {
            return false
        }
        // Set in bold on its own, a line may run longer: a graded judgement's line ("The graded
        // judgement about the experience and progress of care leavers is that it requires
        // improvement", 17 words) or, longer still, a question that heads a section ("What is it
        // like to be a child or young person with special educational needs and/or disabilities
        // (SEND) in this area?", 21): both were paragraphs in session 40's reading audit, and the
        // items under them filed under the section before.
        return text.split(separator: " ").count <= (bold ? (text.hasSuffix("?") ? 24 : 20) : 12)
    }

    /// A label and the date or person it gives, as a report's head sets them out ("Inspection
    /// dates: 9 July 2018 to 20 July 2018", "Report published: 21 December 2017", "Lead inspector:
    /// …"): however large its type, no heading for the sections after it (it stood in the section
    /// path of a whole report).
    static func isDatedLabel(_ text: String) -> Bool {
        guard let colon = text.firstIndex(ofASCII: ":") else { return false }
        let label = text[..<colon].split(separator: " ")
        let value = text[text.index(after: colon)...].split { !$0.isLetter && !$0.isNumber }.map { $0.lowercased() }
        guard (1...4).contains(label.count), !value.isEmpty, value.count <= 12 else { return false }
        if headLabels.contains(label.joined(separator: " ").lowercased()) { return true }
        let hasYear = value.contains { $0.count == 4 && $0.allSatisfy(\.isNumber) && ($0.hasPrefix("19") || $0.hasPrefix("20")) }
        // "Meeting: 10/11/2025": a date in figures.
        let inFigures = text[colon...].contains("/") && value.count == 3 && value.allSatisfy { $0.allSatisfy(\.isNumber) }
        return hasYear && (inFigures || value.contains { months.contains($0) })
    }

    /// A date alone on its line, as a page's dateline sets it ("9 Jun 2025", "Monday 5 February
    /// 2024"). Still a heading where it looks like one (a PDF sets a report's date large, and the
    /// other formats follow), but no continuation of the title above it.
    static func isDateAlone(_ text: String) -> Bool {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map { $0.lowercased() }
        guard (2...4).contains(words.count), words.contains(where: { months.contains($0) }),
              words.contains(where: { $0.count == 4 && $0.allSatisfy(\.isNumber) }) else { return false }
        let days: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        return words.allSatisfy { word in
            months.contains(word) || days.contains(word) || word.prefix { $0.isNumber }.count == word.count
                || (word.first?.isNumber == true && ["st", "nd", "rd", "th"].contains(String(word.drop { $0.isNumber })))
        }
    }

    /// Labels of a report's head or a council paper's that name a person, a date or a status,
    /// whatever follows them ("Lead inspector: … Her Majesty's Inspector", "Decision status:
    /// Recommendations approved", which stood as a heading of recommendations over the minutes).
    static let headLabels: Set<String> = ["lead inspector", "inspection dates", "inspection date", "report published", "date published",
                                          "date of publication", "published", "decision status", "status", "meeting", "meeting date",
                                          "date of meeting", "date", "report author", "author", "contact officer", "lead officer",
                                          "wards affected", "key decision", "classification",
                                          // A report's byline (session 45's audit: "Prepared by: J. Smith, Independent
                                          // Scrutineer" under "Recommendations" in a Word file without styles was taken
                                          // for the heading, and the imperative items under it were lost).
                                          "prepared by", "written by", "report by", "produced by", "compiled by", "authors",
                                          "report to", "report of", "responsible officer", "cabinet member", "portfolio holder"]

    /// Month names, and their short forms ("Jun", "Sept").
    static let months = MonthNames.all

    static func isNumberedTitle(_ text: String, bold: Bool) -> Bool {
        guard isTitle(text, bold: bold) else { return false }
        if isAllCaps(text) || bold { return true }
        let words = text.split(separator: " ")
        guard words.count <= 6, let firstWord = words.first?.lowercased() else { return false }
        return !imperatives.contains(firstWord)
    }

    /// At least three letters, and every letter a capital (a small letter settles it at once).
    static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        for character in text where character.isLetter {
            guard character.isUppercase else { return false }
            letters += 1
        }
        return letters >= 3
    }

    static func level(ofOrdinal ordinal: String) -> Int {
        var parts = ordinal.split(separator: ".")
        if parts.count > 1, parts.last == "0" { parts.removeLast() }
        return min(6, parts.count + 1)
    }

    /// Verbs that open a numbered recommendation ("3) Review the ...") rather than a heading.
    static let imperatives: Set<String> = [
        "review", "develop", "ensure", "consider", "improve", "strengthen", "establish", "clarify", "make", "agree",
        "set", "build", "create", "increase", "reduce", "publish", "undertake", "commission", "implement",
        "provide", "promote", "embed", "share", "evaluate", "monitor", "extend", "introduce", "appoint", "secure",
        "seek", "explore", "refresh", "revise", "update", "align", "map", "use", "involve", "engage", "continue",
    ]
}
