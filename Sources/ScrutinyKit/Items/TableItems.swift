/// Items in tables: a column named for items (and one for actors) in the table's first row, or,
/// in a table without one, the cells that ask for action as a paragraph's sentences would.
extension RecommendationFinder {
    /// The columns of the current table that hold items and actors, named in its first row.
    struct TableState {
        var itemColumn: Int?
        var actorColumn: Int?
    }

    func tableItems(_ block: Block, isHeader: Bool, table: inout TableState, state: SectionState, judge: ProseJudge) -> [Candidate] {
        let cells = block.cells ?? [block.text]
        if isHeader {
            table = TableState()
            if let column = cells.firstIndex(where: { rules.itemColumns.matchesAtStart(WordTokenizer.words($0).map(\.text)) && $0.count < 40 }) {
                table.itemColumn = column
                table.actorColumn = cells.firstIndex { rules.actorColumns.matchesAtStart(WordTokenizer.words($0).map(\.text)) && $0.count < 30 }
                return []
            }
        }
        guard !state.nonItemSection else { return [] }
        let location = Recommendation.Location(section: state.path, page: block.page, range: block.range)
        if let column = table.itemColumn, column < cells.count, !cells[column].isEmpty {
            let text = cells[column]
            let words = WordTokenizer.words(text).map(\.text)
            let obligation = rules.obligationStrength(words)
            let actor = table.actorColumn.flatMap { $0 < cells.count && !cells[$0].isEmpty ? cells[$0] : nil }
            let kind = state.structuredKind(depth: 0)?.kind ?? .recommendation
            return [Candidate(kind: kind == .procedural ? .recommendation : kind, form: .listed, text: text, strength: obligation?.strength,
                              cue: "table column", cueAt: obligation?.at, actor: actor, locations: [location])]
        }
        // A table with no column named for items still holds prose: a cell that asks for action is
        // an item as the sentence would be in a paragraph ("Area | Finding", then "The partnership
        // should repeat the audit.": session 37's third audit). Only a cell that ends as a sentence:
        // a PDF's table is found by its layout, best effort, and a cell cut there is no sentence.
        // Judgements are left to the running text: a grade table's cells are labels, not findings.
        var items: [Candidate] = []
        var start = 0
        for cell in cells {
            defer { start += cell.scalarCount + 1 }
            guard cell.hasMoreCharacters(than: 39) else { continue }
            // A cell ending in a colon closes on the lead-in of the points listed under its row,
            // which are the section's items. Under a heading that announces findings, the cell's
            // sentences before that lead-in, when they ask for action, are one item too, as a
            // paragraph is ("Areas for priority action": "Responsible body | The partnership
            // should … In particular they should urgently improve:", then its points; Suffolk's
            // 2024 SEND report, the one listed item of the 48 missed until session 41).
            if cell.hasSuffix(":") {
                let sentences = SentenceSplitter.sentences(cell)
                if sentences.count > 1, let section = state.structuredKind(depth: 0), [.areaForImprovement, .strength].contains(section.kind) {
                    let text = String(String.UnicodeScalarView(Array(cell.unicodeScalars)[..<sentences[sentences.count - 2].range.upperBound]))
                        .trimmingCharacters(in: .whitespaces)
                    if rules.obligationStrength(WordTokenizer.words(text).map(\.text)) != nil {
                        items.append(Candidate(kind: section.kind, form: .listed, text: text, cue: section.cue, locations: [location]))
                    }
                }
                continue
            }
            guard SentenceSplitter.endsAsSentence(cell) else { continue }
            var cellState = state
            let paragraph = Block(kind: .paragraph, text: cell, page: block.page(at: start),
                                  range: TextRange(start: block.range.start + start, end: block.range.start + start + cell.scalarCount))
            items += blockItems(paragraph, words: nil, state: &cellState, judge: judge, narrative: nil, asProse: true)
        }
        return items
    }
}
