/// The judgements an inspection document states: its judgement table at the head, judgement
/// headings ("The Local Safeguarding Children Board is inadequate") and a SEND report's outcome.
extension InspectionReader {
    func judgements(_ lines: [Line]) -> [InspectionProfile.Judgement] {
        var found: [String: InspectionProfile.Judgement] = [:]
        for judgement in table(lines) where found[judgement.judgement] == nil { found[judgement.judgement] = judgement }
        for judgement in lexicon.judgements where found[judgement.id] == nil {
            if let stated = statement(judgement, lines) ?? outcome(judgement, lines) { found[judgement.id] = stated }
        }
        return lexicon.judgements.compactMap { found[$0.id] }
    }

    /// Every word of the head up to the first line that ends the judgement table, with the line it
    /// stands in.
    func tableWords(_ lines: [Line]) -> [(word: String, line: Int)] {
        var words: [(word: String, line: Int)] = []
        for (index, line) in lines.enumerated() {
            // After any numbers the line opens with (a page number, a paragraph's).
            let first = line.texts.firstIndex { !$0.allSatisfy(\.isNumber) } ?? line.texts.count
            if lexicon.tableEnds.longest(in: line.texts, at: first) != nil { break }
            words += line.texts.map { ($0, index) }
        }
        return words
    }

    /// Labels of the table and the first grade within the window after each, up to the next label.
    func table(_ lines: [Line]) -> [InspectionProfile.Judgement] {
        let stream = tableWords(lines)
        let words = stream.map(\.word)
        // Every judgement's labels in one list, made once: one search at each word, not one a judgement.
        let labels = TableLabels(lexicon.judgements)
        var results: [InspectionProfile.Judgement] = []
        var index = 0
        while index < words.count {
            guard let (judgement, length) = label(in: words, at: index, labels: labels) else { index += 1; continue }
            let id = lexicon.judgements[judgement].id
            let start = index + length
            var position = start
            while position < min(words.count, start + lexicon.window), label(in: words, at: position, labels: labels) == nil {
                if let grade = grade(in: words, at: position, grades: lexicon.grades) {
                    let line = lines[stream[index].line]
                    results.append(.init(judgement: id, grade: grade.id, evidence: line.block.text,
                                         page: line.block.page, range: line.block.range))
                    break
                }
                position += 1
            }
            index = start
        }
        return results
    }

    /// Every judgement's table labels, in the judgements' order, as one list, and the judgement
    /// (its position in the lexicon's `judgements`) of each.
    struct TableLabels {
        let list: PhraseList
        let judgements: [Int]

        init(_ judgements: [InspectionLexicon.Judgement]) {
            list = PhraseList(judgements.flatMap { $0.table.phrases.map(\.source) })
            self.judgements = judgements.indices.flatMap { Array(repeating: $0, count: judgements[$0].table.phrases.count) }
        }
    }

    /// The judgement whose table label is longest at `index` (of two as long, the one listed
    /// first), and the label's length.
    func label(in words: [String], at index: Int, labels: TableLabels) -> (judgement: Int, length: Int)? {
        labels.list.longestPosition(in: words, at: index).map { (labels.judgements[$0], labels.list.phrases[$0].wordCount) }
    }

    func grade(in words: [String], at index: Int, grades: [InspectionLexicon.Grade]) -> InspectionLexicon.Grade? {
        var best: (InspectionLexicon.Grade, Int)?
        for grade in grades {
            if let phrase = grade.cues.longest(in: words, at: index), phrase.wordCount > (best?.1 ?? 0) { best = (grade, phrase.wordCount) }
        }
        return best?.0
    }

    /// A heading that opens with one of the judgement's statements, the grade within the window.
    func statement(_ judgement: InspectionLexicon.Judgement, _ lines: [Line]) -> InspectionProfile.Judgement? {
        guard !judgement.statements.isEmpty else { return nil }
        for line in lines where line.block.kind == .heading {
            guard let phrase = judgement.statements.longest(in: line.texts, at: 0) else { continue }
            let end = min(line.texts.count, phrase.wordCount + lexicon.window)
            for position in phrase.wordCount..<max(phrase.wordCount, end) {
                if let grade = grade(in: line.texts, at: position, grades: lexicon.grades) {
                    return .init(judgement: judgement.id, grade: grade.id, evidence: line.block.text, page: line.block.page,
                                 range: line.block.range)
                }
            }
        }
        return nil
    }

    /// A SEND report's outcome: the first line after the outcome heading that states one.
    func outcome(_ judgement: InspectionLexicon.Judgement, _ lines: [Line]) -> InspectionProfile.Judgement? {
        guard judgement.outcomes, let heading = lines.firstIndex(where: { lexicon.outcomeHeading.matchesAtStart($0.texts) }) else {
            return nil
        }
        for line in lines[(heading + 1)...].prefix(5) {
            for grade in lexicon.outcomeGrades where grade.cues.matches(line.texts) {
                return .init(judgement: judgement.id, grade: grade.id, evidence: line.block.text, page: line.block.page,
                             range: line.block.range)
            }
        }
        return nil
    }
}
