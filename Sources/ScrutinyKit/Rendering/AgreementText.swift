import Foundation

/// Two hand codings' agreement (``CoderAgreement``) as a report a researcher reads in the terminal.
public enum AgreementText {
    /// - Parameters:
    ///   - names: how the two codings are named (their paths).
    ///   - show: how many rows of each list (coded differently, found by one coder only) to give.
    public static func render(_ agreement: CoderAgreement, names: (first: String, second: String), show: Int = 50) -> String {
        let (first, second) = (TerminalText.escaped(names.first), TerminalText.escaped(names.second))
        var output = "First coding: \(first). Second coding: \(second).\n"
        output += "Documents both name: \(agreement.documents) (the rows of the others are left out); "
            + "rows in them: \(agreement.first) of the first, \(agreement.second) of the second; paired: \(agreement.paired).\n"
        // Which documents were left out, and with how many rows (session 47's audit).
        for (which, alone) in [("first", agreement.onlyFirstNames), ("second", agreement.onlySecondNames)] where !alone.isEmpty {
            let shown = alone.prefix(3).map { "\(TerminalText.escaped($0.document)) (\($0.rows) row\($0.rows == 1 ? "" : "s"))" }.joined(separator: ", ")
            output += "Named by the \(which) coding only, left out: \(shown)\(alone.count > 3 ? " and \(alone.count - 3) more" : "").\n"
        }
        output += "Items: agreement \(figure(agreement.items, over: agreement.first + agreement.second)) "
            + "(twice the pairs over both codings' rows: where the second codes a sample of the first's items, the sample's share, "
            + "not agreement on what is an item).\n\n"
        let themes = agreement.themes, within = agreement.intervals
        let rows: [[String]] = [
            ["kind", String(agreement.kind.items), figure(agreement.kind.agreement, over: agreement.kind.items), figure(agreement.kind.kappa, over: agreement.kind.items),
             figure(agreement.kind.alpha, over: agreement.kind.items)],
            ["form", String(agreement.form.items), figure(agreement.form.agreement, over: agreement.form.items), figure(agreement.form.kappa, over: agreement.form.items),
             figure(agreement.form.alpha, over: agreement.form.items)],
            ["theme", String(themes.items), EvaluationText.figure(themes.themeAccuracy, over: themes.items, within: within?.themeAccuracy),
             EvaluationText.figure(themes.kappa, over: themes.items, within: within?.kappa), figure(agreement.themeAlpha, over: themes.items)],
            ["sub-theme", String(themes.subthemeItems), EvaluationText.figure(themes.subthemeAccuracy, over: themes.subthemeItems, within: within?.subthemeAccuracy), "–", "–"],
            ["theme, a runner-up counted", String(themes.items), figure(agreement.themesWithRunnerUp, over: themes.items), "–", "–"],
        ]
        output += MarkdownTable.render(header: ["paired rows", "pairs", "agreement", "Cohen's kappa", "Krippendorff's alpha"], rows: rows,
                                       alignRight: [1, 2, 3, 4])
        if let drawn = agreement.drawn, let units = agreement.drawnUnits, let resamples = agreement.resamples {
            let what = drawn == .document
                ? "the \(units) document\(units == 1 ? "" : "s")"
                : "the \(units) paired rows (fewer than \(EvaluationIntervals.minimumDocuments) documents are too few to draw documents)"
            output += "In brackets, 95% intervals of the theme figures: \(resamples.formatted(.number.grouping(.automatic))) samples of \(what), "
                + "drawn with replacement.\n"
        }
        if agreement.themedByOne > 0 {
            output += "\(agreement.themedByOne) paired row\(agreement.themedByOne == 1 ? " has" : "s have") a theme in one coding only, "
                + "and \(agreement.themedByOne == 1 ? "is" : "are") left out of the theme figures.\n"
        }
        if agreement.subthemedByOne > 0 {
            output += "\(agreement.subthemedByOne) paired row\(agreement.subthemedByOne == 1 ? " has" : "s have") a sub-theme in one coding only, "
                + "and \(agreement.subthemedByOne == 1 ? "is" : "are") left out of the sub-theme figure.\n"
        }
        if themes.items > 0 {
            let rows = themes.labels.filter { themes.confusion[$0] != nil }.map { label in
                [label] + themes.labels.map { String(themes.confusion[label]?[$0] ?? 0) }
            }
            output += "\n" + MarkdownTable.render(header: ["first \\ second"] + themes.labels, rows: rows,
                                                  alignRight: Set(1...max(1, themes.labels.count)))
        }
        output += list("Coded differently", themes.disagreements, show: show) { "\($0.document)  \($0.gold) → \($0.predicted)  \(EvaluationText.excerpt($0.text, limit: 90))" }
        output += list("Of another kind or form", agreement.differences, show: show) {
            "\($0.document)  \($0.label) \($0.first) → \($0.second)  \(EvaluationText.excerpt($0.text, limit: 90))"
        }
        // Where every row of one coding pairs, it may code a sample of the other's items: the rows
        // left over are then the rest of them, not disagreements. Said, and listed all the same
        // (session 44's re-audit: a coder who missed five of eight items was taken for a sample).
        for (name, other, rows, otherRows) in [("first", "second", agreement.onlyFirst, agreement.onlySecond),
                                               ("second", "first", agreement.onlySecond, agreement.onlyFirst)] {
            output += list("Only in the \(name)", rows, show: show) { "\($0.document):\($0.line)  \($0.kind.rawValue)  \(EvaluationText.excerpt($0.text))" }
            if !rows.isEmpty, otherRows.isEmpty, agreement.paired > 0 {
                output += "  (every row of the \(other) pairs: where it codes a sample of these documents' items, these are the rest of them, not disagreements)\n"
            }
        }
        return output
    }
}

private extension AgreementText {
    static func figure(_ value: Double?, over count: Int) -> String {
        value.map { EvaluationText.figure($0, over: count) } ?? "–"
    }

    static func list<Row>(_ title: String, _ rows: [Row], show: Int, _ line: (Row) -> String) -> String {
        EvaluationText.list(title, rows, show: show, line)
    }
}
