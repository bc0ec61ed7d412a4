import Foundation

/// How one pasted line reads: its marker and label, its table cell, whether it heads the lines
/// under it, ends open, names a closing section or a byline (the parts ``PastedList`` is read from).
extension PastedList {
    /// Whether a line ends where a sentence cannot: a comma, a word such as "the", or a
    /// possessive ("… the safeguarding hub's" / "Police and Health staffing …").
    static func endsOpen(_ text: String, openEndings: Set<String>) -> Bool {
        if text.hasSuffix(",") { return true }
        guard let last = text.split(separator: " ").last?.lowercased() else { return false }
        return openEndings.contains(last) || (last.count > 2 && (last.hasSuffix("'s") || last.hasSuffix("\u{2019}s")))
    }

    /// Whether a short line names the items that follow ("Summary of recommendations", "Areas for
    /// improvement"), rather than being one ("Develop the front door").
    static func namesItems(_ words: [String]) -> Bool {
        words.contains { $0.hasPrefix("recommendation") || $0.hasPrefix("improvement") || $0.hasPrefix("finding") || $0 == "actions"
            || $0.hasPrefix("suggestion") }
    }

    /// The kind a line announces of the lines under it, as a lead-in of a document's list does
    /// (``RecommendationFinder/isLeadIn(_:listItem:)``, with "the following" or a colon).
    static func announcedKind(_ content: String, finder: RecommendationFinder) -> Recommendation.Kind? {
        guard finder.isLeadIn(content, listItem: true), case .items(let kind, _) = finder.leadInKind(content) else { return nil }
        return kind
    }

    /// The kind a lead-in announces that asks by the words of its kind ("The following areas need to
    /// improve:", session 46's re-audit: its points were merged into one recommendation): "the
    /// following" and a colon, one kind named, at most twelve words.
    static func announcedKindAsking(_ content: String, overMarkedLines: Bool, finder: RecommendationFinder) -> Recommendation.Kind? {
        let words = WordTokenizer.words(content).map(\.text)
        guard content.hasSuffix(":") || overMarkedLines, words.count <= 12, finder.rules.leadInAnnouncers.matches(words) else { return nil }
        return finder.rules.onlyLeadInKind(words)
    }

    /// Whether a short line names a section that holds no items ("Next steps", "Background",
    /// "Documents reviewed"): a heading, after which only a line that asks is an item.
    static func namesClosingSection(_ words: [String], finder: RecommendationFinder) -> Bool {
        [finder.rules.pasted.closingHeadings, finder.rules.closingSections, finder.rules.nonItemSections].contains { $0.matchesAtStart(words) }
    }

    /// A line without the marks of a reply quoted in an e-mail ("> ", ">> ").
    static func withoutReplyMarks(_ line: String) -> String {
        var rest = Substring(line)
        while let first = rest.drop(while: { $0 == " " }).first, first == ">" {
            rest = rest.drop(while: { $0 == " " }).dropFirst()
        }
        return String(rest)
    }

    /// A row of a table pasted as tab-separated text ("1<tab>The partnership should …<tab>Business
    /// manager<tab>June 2024"): its item, the cell of most words, after the row's marker or number;
    /// any other line with tabs, its tabs made spaces.
    static func itemCell(_ line: String, column: Int? = nil) -> String {
        // A row of a Markdown or pipe table ("| 1 | The Executive should … | LSCP |") is read as a
        // row of tabs; its rule ("|---|---|") is nothing (session 28's user audit: the bars and
        // every column stayed in the item).
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.count > 2, trimmed.hasPrefix("|"), trimmed.hasSuffix("|") {
            let cells = trimmed.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { return "" }
            return itemCell(cells.joined(separator: "\t"), column: column)
        }
        // The column the header named, where this row has it.
        if let column, line.contains("\t") {
            let all = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if column < all.count, all[column].contains(where: \.isLetter) {
                let lead = column > 0 ? all.first.flatMap(leadMarker) : nil
                return (lead.map { $0 + " " } ?? "") + all[column]
            }
        }
        let cells = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard cells.count > 1 else { return line.replacingOccurrences(of: "\t", with: " ") }
        let lead = leadMarker(cells[0])
        let rest = lead == nil ? cells : Array(cells.dropFirst())
        guard let item = rest.max(by: { $0.split(separator: " ").count < $1.split(separator: " ").count }),
              item.split(separator: " ").count >= 4 else { return line.replacingOccurrences(of: "\t", with: " ") }
        return (lead.map { $0 + " " } ?? "") + item
    }

    /// A row's first cell as the marker of its item: a list marker ("1.", "a.", "•"), or a number
    /// alone made one ("3" is "3."); nil for any other cell.
    static func leadMarker(_ cell: String) -> String? {
        guard !cell.isEmpty else { return nil }
        return ListMarker.parse(Substring(cell + " x")).flatMap { $0.rest == "x" ? cell : nil }
            ?? (cell.allSatisfy { $0.isNumber || $0 == "." } ? cell + "." : nil)
    }

    /// The column of a pasted table that its header row names as the items' ("Recommendation",
    /// "Action": `table_headers.item` in items.yml), counted as ``itemCell(_:column:)`` counts
    /// cells; nil where no row of tabs or bars names one.
    /// Without such a header, the column whose cells ask (an obligation, an imperative, a request
    /// in note form) in more rows than any other's, in two rows at least: a tracker's Progress
    /// cell is often longer than its item (session 47; until then each row gave its longest cell).
    static func itemColumn(_ lines: [String], finder: RecommendationFinder) -> Int? {
        let rows = lines.compactMap(cells(of:))
        guard let header = rows.first else { return nil }
        // The first row of cells is the header, or none is.
        if let named = header.firstIndex(where: { cell in
            let words = WordTokenizer.words(cell).map { $0.text.lowercased() }
            return !words.isEmpty && words.count <= 4 && finder.rules.itemColumns.matchesAtStart(words)
        }) {
            return named
        }
        var asking: [Int: Int] = [:]
        for row in rows {
            for (column, cell) in row.enumerated() {
                let words = WordTokenizer.words(ListMarker.parse(Substring(cell)).map { String($0.rest) } ?? cell).map { $0.text.lowercased() }
                if finder.rules.obligationStrength(words) != nil || words.first.map(finder.rules.pasted.imperatives.contains) == true
                    || finder.rules.pasted.asksInNoteForm(words) {
                    asking[column, default: 0] += 1
                }
            }
        }
        let ranked = asking.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
        guard let best = ranked.first, best.value >= 2, ranked.dropFirst().first.map({ $0.value < best.value }) ?? true else { return nil }
        return best.key
    }

    /// A row's cells, as ``itemCell(_:column:)`` counts them: between a pipe table's bars, or
    /// between tabs; nil for a line that is no row of a table, or a pipe table's rule.
    static func cells(of line: String) -> [String]? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let piped = trimmed.count > 2 && trimmed.hasPrefix("|") && trimmed.hasSuffix("|")
        guard piped || line.contains("\t") else { return nil }
        let cells = (piped ? trimmed.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            : line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)).map { $0.trimmingCharacters(in: .whitespaces) }
        return piped && cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) ? nil : cells
    }

    /// What kind of marker: its digits and letters made alike ("1." and "2." are one kind, "(a)"
    /// and "(b)" another, "•" a third).
    /// A short line that neither asks nor judges, set over a line of another shape: marked
    /// otherwise ("5.1 Leadership" over an unmarked request, "Other points for the Executive"
    /// over bullets) or asking where it does not. A topic heading, not a recommendation (session
    /// 39's re-audit: such lines came out as recommendations graded should). Lines alike in shape
    /// ("Supervision" / "Care plans") stay items.
    static func isTopicHeading(_ content: String, words: [String], marker: String?, next: String?, finder: RecommendationFinder) -> Bool {
        // The words outside brackets: "PAQA (proposed to become a 2nd Tier operational leadership
        // group)" names one thing (session 45's third re-audit: it was an item).
        let named = WordTokenizer.words(content.replacing(/\([^)]*\)/, with: "")).count
        guard let next, named <= 6, !endsSentence(content) else { return false }
        guard NarrativeJudge(cues: finder.rules.narrative, documentType: "inspection-report").judge(content, words: words) == nil else {
            return false
        }
        let nextMarker = Self.marker(of: next)
        // Marked as the line after it is ("2. Schools on the Executive" / "3. Audit neglect cases"):
        // an entry of the same list, not a heading over it (session 46's re-audit: it was left out).
        if let marker, nextMarker.map({ kind(of: $0.marker) }) == marker { return false }
        let nextText = ItemLabel.unlabelled(nextMarker.map { String($0.rest) } ?? next, labels: finder.rules.pasted.labels)
        let nextWords = WordTokenizer.words(nextText).map { $0.text.lowercased() }
        let nextAsks = finder.rules.obligationStrength(nextWords) != nil
            || nextWords.first.map(finder.rules.pasted.imperatives.contains) == true
        return nextMarker.map { kind(of: $0.marker) } != marker || nextAsks
    }

    /// The marker a pasted line opens with; Word's sub-bullet comes out as a letter o before the text.
    /// A capital letter from A to H and a full stop mark a point too, before four words or more
    /// ("A. Schools to be represented on the Executive"; "J. Smith" is a name): a document's
    /// reader takes only "a." to "h." so (session 45's third re-audit: the label was kept).
    static func marker(of line: String) -> ListMarker? {
        if line.hasPrefix("o ") { return ListMarker(marker: "o", ordinal: nil, rest: line.dropFirst(2)) }
        if let marker = ListMarker.parse(Substring(line)) { return marker }
        guard let letter = line.first, ("A"..."H").contains(String(letter)), line.dropFirst().hasPrefix(". ") else { return nil }
        let rest = line.dropFirst(3).drop { $0 == " " }
        guard rest.split(separator: " ").count >= 4 else { return nil }
        return ListMarker(marker: String(letter) + ".", ordinal: letter.lowercased(), rest: rest)
    }

    /// A report's byline, with or without its colon ("Prepared by J. Smith", "Report to: Cabinet").
    static func isByline(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return HeadingHeuristics.headLabels.contains { lowered.hasPrefix($0 + " ") || lowered.hasPrefix($0 + ":") }
    }

    /// `text` without the hashes of a Markdown heading before it.
    static func withoutMarkdownHashes(_ text: String) -> String {
        text.firstMatch(of: /^#{1,6}\s+/).map { String(text[$0.range.upperBound...]) } ?? text
    }

    /// A Markdown heading pasted as it is ("### 3.2 Learning from reviews").
    static func isMarkdownHeading(_ line: String) -> Bool {
        let hashes = line.prefix { $0 == "#" }.count
        return (1...6).contains(hashes) && line.dropFirst(hashes).first == " "
    }

    static func kind(of marker: String) -> String {
        String(marker.map { $0.isNumber ? "9" : $0.isLetter ? "a" : $0 })
    }

    /// `line` without the bold around its marker ("**4.** Partners …" is "4. Partners …").
    static func withoutBoldMarker(_ line: String) -> String {
        for mark in ["**", "__"] where line.hasPrefix(mark) {
            let rest = line.dropFirst(2)
            guard let close = rest.range(of: mark), rest.distance(from: rest.startIndex, to: close.lowerBound) <= 8 else { continue }
            return String(rest[..<close.lowerBound]) + String(rest[close.upperBound...])
        }
        return line
    }

    /// A point's text without the stop or semicolon it ends in, before the next point is joined.
    static func withoutStop(_ text: String) -> String {
        var text = text
        while let last = text.last, ".;,".contains(last) { text.removeLast() }
        return text
    }

    /// Whether an item gives an account of a meeting, a report or an intention (``PastedLineRules/describes(_:)``)
    /// and neither asks nor judges.
    static func isDescription(_ text: String, finder: RecommendationFinder) -> Bool {
        finder.rules.pasted.describes(WordTokenizer.words(text).map { $0.text.lowercased() }) && asksOrJudgesNothing(text, finder: finder)
    }

    /// Whether an item neither asks (an obligation, an imperative, a request in note form, a
    /// question, a committee's decision) nor judges.
    static func asksOrJudgesNothing(_ text: String, finder: RecommendationFinder) -> Bool {
        let words = WordTokenizer.words(text).map(\.text)
        let lower = words.map { $0.lowercased() }
        let rules = finder.rules
        guard !text.hasSuffix("?"), rules.obligationStrength(lower) == nil,
              lower.first.map(rules.pasted.imperatives.contains) != true, !rules.pasted.asksInNoteForm(lower),
              lower.first != rules.proceduralOpening else { return false }
        if ProseJudge(rules: rules).proceduralVerdict(text, words: words) != nil { return false }
        return NarrativeJudge(cues: rules.narrative, documentType: "inspection-report").judge(text, words: words) == nil
    }

    /// Whether an item points elsewhere for what it speaks of and asks nothing ("The detailed
    /// findings … are outlined in the joint inspectorates' letter (Please see Appendix)").
    static func isPointer(_ text: String, finder: RecommendationFinder) -> Bool {
        let words = WordTokenizer.words(text).map { $0.text.lowercased() }
        return finder.rules.pasted.pointers.matches(words) && finder.rules.obligationStrength(words) == nil
    }

    /// Whether `text` ends in a word broken at the line's end ("assess-").
    static func endsBroken(_ text: String) -> Bool {
        text.split(separator: " ").last.map { Hyphenation.trailingHyphen(String($0)) != nil } ?? false
    }

    /// `text` going on with the next line's `content`: after a space, or, where its last word was
    /// broken at the line's end, that word joined with the next as ``Hyphenation`` decides.
    static func joined(_ text: String, _ content: String, hyphenation: Hyphenation) -> String {
        guard endsBroken(text), let left = text.split(separator: " ").last,
              let right = content.split(separator: " ", maxSplits: 1).first else { return text + " " + content }
        let rest = content.dropFirst(right.count)
        return text.dropLast(left.count) + hyphenation.join(String(left), String(right)) + rest
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last(where: { !"\"'”’)".contains($0) }) else { return false }
        return ".!?".contains(last)
    }

    /// `text` without Markdown emphasis around a marker or the whole ("**1.**", "*Partners …*").
    static func unemphasised(_ text: String) -> String {
        var text = text
        while text.hasPrefix("*") || text.hasPrefix("_") { text.removeFirst() }
        while text.hasSuffix("**") || text.hasSuffix("__") { text.removeLast(2) }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A title, a name or a role standing alone ("Northshire Safeguarding Children Partnership",
    /// "Jane Smith", "Independent Scrutineer"): a short line with no sentence's end, nothing it
    /// asks for, and every long word capitalised.
    static func isStandingName(_ text: String, words: [String], finder: RecommendationFinder) -> Bool {
        guard words.count <= 16, !endsSentence(text), finder.rules.obligationStrength(words.map { $0.lowercased() }) == nil else { return false }
        let long = text.split(separator: " ").filter { $0.count >= 4 }
        return !long.isEmpty && long.allSatisfy { $0.first?.isUppercase == true || $0.first?.isNumber == true }
    }
}
