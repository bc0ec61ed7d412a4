import Foundation

/// An evaluation as a report a researcher reads in the terminal.
public enum EvaluationText {
    /// Theme figures form by form: listed, explicit, narrative, then any other.
    static func themeFormTable(_ byForm: [String: ThemeEvaluation.Summary]) -> String {
        let order = ["listed", "explicit", "narrative", "listed+explicit"]
        let names = byForm.keys.sorted { (order.firstIndex(of: $0) ?? 9, $0) < (order.firstIndex(of: $1) ?? 9, $1) }
        let rows = names.map { name -> [String] in
            let score = byForm[name]!
            return [name, String(score.items), figure(score.themeAccuracy, over: score.items), figure(score.kappa, over: score.items),
                    figure(score.subthemeAccuracy, over: score.subthemeItems), figure(score.macroF1, over: score.items),
                    figure(score.unclassified, over: score.items)]
        }
        return MarkdownTable.render(header: ["themes by form", "items", "accuracy", "kappa", "sub-theme", "macro-F1", "unclassified"],
                                    rows: rows, alignRight: [1, 2, 3, 4, 5, 6])
    }

    public static func render(_ evaluation: ExtractionEvaluation, show: Int = 50) -> String {
        var output = "Items: \(evaluation.overall.found) found, \(evaluation.overall.gold) annotated, \(evaluation.overall.matched) matched\n"
        if let codedWith = evaluation.codedWith { output += "Themes coded with \(codedWith).\n" }
        if evaluation.parts != nil {
            output += "The tables before the parts, and the figures after them, pool the tuning and held-back documents; "
                + "what was tuned or fitted on the tuning part is measured by the held-back part alone.\n"
        }
        output += "\n"
        let kinds = Recommendation.Kind.allCases.map(\.rawValue)
        let scores: [(String, ExtractionEvaluation.Score)] = kinds.map { ($0, evaluation.byKind[$0]!) } + [("overall", evaluation.overall)]
        let rows = scores.map { name, score -> [String] in
            let within = name == "overall"
                ? evaluation.intervals.map { EvaluationIntervals.KindIntervals(precision: $0.precision, recall: $0.recall, f1: $0.f1) }
                : evaluation.intervals?.byKind[name]
            // A figure with nothing to count ("–"): precision with nothing found, recall with nothing annotated.
            return [name, String(score.found), String(score.gold), String(score.matched), figure(score.precision, over: score.found, within: within?.precision),
                    figure(score.recall, over: score.gold, within: within?.recall), figure(score.f1, over: min(score.found, score.gold), within: within?.f1)]
        }
        output += MarkdownTable.render(header: ["kind", "found", "gold", "matched", "precision", "recall", "F1"], rows: rows,
                                       alignRight: [1, 2, 3, 4, 5, 6])
        // A pair whose kinds differ is a false find of one kind and a miss of the other.
        let differing = evaluation.matches.filter { $0.found.kind != $0.gold.kind }.count
        if differing > 0 {
            output += "A kind's row counts a pair as matched where both are of that kind; \(differing) matched pair\(differing == 1 ? " differs" : "s differ") in kind, "
                + "so the kinds' matched add up to \(evaluation.overall.matched - differing) of the overall \(evaluation.overall.matched).\n"
        }
        output += "\nBy form (precision over the items found in that form, recall over the items annotated in it; for narrative findings the kind accuracy is polarity):\n"
        output += formTable(evaluation.byForm, intervals: evaluation.intervals)
        // Gold without forms (`corpus/annotations.csv` has no `form` column): its rows count under
        // listed+explicit only, and the listed and explicit rows' gold of 0 is no failure.
        let formless = ["listed", "explicit", "narrative"].allSatisfy { (evaluation.byForm[$0]?.gold ?? 0) == 0 }
        if formless, (evaluation.byForm["listed+explicit"]?.gold ?? 0) > 0 {
            output += "The hand annotation gives no form: its items count under listed+explicit only, so listed and explicit have no gold of their own.\n"
        }
        if let parts = evaluation.parts {
            for name in ["tuning", "heldout"] {
                guard let part = parts[name], part.documents > 0 else { continue }
                output += "\nPart \(name == "heldout" ? "held back" : "tuning") (\(part.documents) documents):\n"
                output += formTable(part.byForm, intervals: part.intervals)
                if let themes = part.themes {
                    let within = part.intervals?.themes
                    output += "themes: accuracy \(figure(themes.themeAccuracy, over: themes.items, within: within?.themeAccuracy))  "
                        + "kappa \(figure(themes.kappa, over: themes.items, within: within?.kappa))  "
                    output += "sub-theme accuracy \(figure(themes.subthemeAccuracy, over: themes.subthemeItems, within: within?.subthemeAccuracy))  "
                        + "macro-F1 \(figure(themes.macroF1, over: themes.items, within: within?.macroF1))  "
                    output += "unclassified \(figure(themes.unclassified, over: themes.items))  (\(themes.items) items)\n"
                }
                if let byForm = part.themesByForm, byForm.count > 1 { output += themeFormTable(byForm) }
                if let comparison = part.comparison, let themes = part.themes {
                    output += comparisonTable(themes, comparison, codedWith: evaluation.codedWith, differences: part.intervals?.themeDifference,
                                              drawn: part.intervals?.unit)
                }
            }
        }
        let agreeing = evaluation.matches.filter { $0.found.kind == $0.gold.kind }.count
        let overall = evaluation.overall
        // The pooled figures below mix in the part that was tuned on: said where they begin, with
        // the held-back figures beside them, so that the figure copied is the one that measures.
        if let parts = evaluation.parts, let heldOut = parts["heldout"], heldOut.documents > 0 {
            let tuning = parts["tuning"]?.documents ?? 0
            output += "\nBelow, every document pooled (\(tuning) tuning and \(heldOut.documents) held back); the part tuned on "
                + "flatters them. Held back alone: precision \(figure(heldOut.overall.precision, over: heldOut.overall.found)), "
                + "recall \(figure(heldOut.overall.recall, over: heldOut.overall.gold))"
            if let themes = heldOut.themes {
                output += ", theme accuracy \(figure(themes.themeAccuracy, over: themes.items)), kappa \(figure(themes.kappa, over: themes.items)) "
                    + "(\(themes.items) items)"
            }
            output += ".\n"
        }
        let intervals = evaluation.intervals
        output += "\nkind accuracy: \(figure(evaluation.kindAccuracy, over: evaluation.matches.count, within: intervals?.kindAccuracy)) "
            + "(\(agreeing) of \(evaluation.matches.count) matched items)\n"
        output += "precision: \(figure(overall.precision, over: overall.found, within: intervals?.precision))  "
            + "recall: \(figure(overall.recall, over: overall.gold, within: intervals?.recall))  "
            + "F1: \(figure(overall.f1, over: min(overall.found, overall.gold), within: intervals?.f1))\n"
        if let comparison = evaluation.ruleComparison {
            output += "\n" + ruleComparisonTable(evaluation, comparison, differences: intervals?.ruleDifference, show: show)
        }
        if let themes = evaluation.themes {
            let within = intervals?.themes
            output += "\nThemes (\(themes.items) matched items with a hand-coded theme):\n"
            output += "theme accuracy: \(figure(themes.themeAccuracy, over: themes.items, within: within?.themeAccuracy))  "
                + "sub-theme accuracy: \(figure(themes.subthemeAccuracy, over: themes.subthemeItems, within: within?.subthemeAccuracy))  "
            output += "macro-F1: \(figure(themes.macroF1, over: themes.items, within: within?.macroF1))  "
                + "Cohen's kappa: \(figure(themes.kappa, over: themes.items, within: within?.kappa))\n\n"
            if let comparison = evaluation.comparison {
                output += comparisonTable(themes.summary, comparison, codedWith: evaluation.codedWith, differences: intervals?.themeDifference,
                                          drawn: intervals?.unit) + "\n"
            }
            if let byForm = evaluation.themesByForm, byForm.count > 1 { output += themeFormTable(byForm) + "\n" }
            let rows = themes.labels.filter { themes.confusion[$0] != nil }.map { gold in
                [gold] + themes.labels.map { String(themes.confusion[gold]?[$0] ?? 0) }
            }
            output += MarkdownTable.render(header: ["gold \\ coded"] + themes.labels, rows: rows,
                                           alignRight: Set(1...max(1, themes.labels.count)))
            output += list("Coded differently", themes.disagreements, show: show) { item in
                "\(item.document)  \(item.gold) → \(item.predicted)  \(excerpt(item.text, limit: 90))  [\(item.evidence.prefix(5).joined(separator: ", "))]"
            }
        }
        if evaluation.byDocument.count > 1, show > 0 { output += documentTable(evaluation.byDocument, show: show) }
        if !evaluation.unannotatedDocuments.isEmpty {
            output += "\nnot scored (no annotation; a row of kind none says a document holds no item): \(evaluation.unannotatedDocuments.map(TerminalText.escaped).joined(separator: ", "))\n"
        }
        if !evaluation.missingDocuments.isEmpty {
            output += "annotated but not given: \(evaluation.missingDocuments.joined(separator: ", "))\n"
        }
        output += list("Wrong kind", evaluation.matches.filter { $0.found.kind != $0.gold.kind }, show: show) { match in
            "\(match.gold.document):\(match.gold.line)  \(match.found.kind.rawValue) for \(match.gold.kind.rawValue)  \(excerpt(match.gold.text))"
        }
        output += list("Misses", evaluation.misses, show: show) { miss in "\(miss.document):\(miss.line)  \(miss.kind.rawValue)  \(excerpt(miss.text))" }
        output += list("False finds", evaluation.falseFinds, show: show) { item in
            "\(item.document)  \(item.kind.rawValue)  [\(item.cue)]  \(excerpt(item.text))"
        }
        return output
    }

    /// A titled list of `rows`, the first `show` of them ("Misses (51, the first 50):"); with
    /// `--show 0` its count alone, not a title over nothing (session 47's audit).
    static func list<Row>(_ title: String, _ rows: [Row], show: Int, _ line: (Row) -> String) -> String {
        guard !rows.isEmpty else { return "" }
        guard show > 0 else { return "\n\(title): \(rows.count) (--show lists them).\n" }
        let shown = rows.prefix(show)
        return "\n\(title) (\(rows.count)\(shown.count < rows.count ? ", the first \(shown.count)" : "")):\n"
            + shown.map { "  " + TerminalText.escaped(line($0)) + "\n" }.joined()
    }

    static func formTable(_ byForm: [String: ExtractionEvaluation.FormScore], intervals: EvaluationIntervals? = nil) -> String {
        let rows = ExtractionEvaluation.formGroups.compactMap { group -> [String]? in
            guard let score = byForm[group.name], score.found + score.gold > 0 else { return nil }
            let within = intervals?.byForm[group.name]
            return [group.name, String(score.found), String(score.gold), figure(score.precision, over: score.found, within: within?.precision),
                    figure(score.recall, over: score.gold, within: within?.recall),
                    figure(score.kindAccuracy, over: score.goldMatched, within: within?.kindAccuracy)]
        }
        var table = MarkdownTable.render(header: ["form", "found", "gold", "precision", "recall", "kind accuracy"], rows: rows,
                                         alignRight: [1, 2, 3, 4, 5])
        if let intervals { table += intervalNote(intervals) + "\n" }
        return table
    }

    /// Each document's figures, the lowest F1 first (where the misses and false finds gather), at
    /// most `show` rows.
    static func documentTable(_ documents: [ExtractionEvaluation.DocumentScore], show: Int) -> String {
        func f1(_ score: ExtractionEvaluation.DocumentScore) -> Double { score.items.found == 0 || score.items.gold == 0 ? 0 : score.items.f1 }
        let sorted = documents.sorted { (f1($0), $0.document) < (f1($1), $1.document) }
        let rows = sorted.prefix(show).map { score -> [String] in
            let items = score.items
            return [score.document, String(items.found), String(items.gold), String(items.matched), figure(items.precision, over: items.found),
                    figure(items.recall, over: items.gold), items.found == 0 || items.gold == 0 ? "–" : format(items.f1),
                    score.themeItems == 0 ? "–" : "\(format(Double(score.themesAgreeing) / Double(score.themeItems))) (\(score.themeItems))"]
        }
        let shown = sorted.count > show ? ", first \(show) of \(sorted.count)" : ""
        return "\nBy document (the lowest F1 first\(shown)):\n"
            + MarkdownTable.render(header: ["document", "found", "gold", "matched", "precision", "recall", "F1", "theme accuracy (items)"],
                                   rows: rows, alignRight: [1, 2, 3, 4, 5, 6, 7])
    }

    /// The theme figures of the run's scheme beside another's on the same items (`--compare`), with
    /// the differences and their paired intervals.
    static func comparisonTable(_ themes: ThemeEvaluation.Summary, _ comparison: ExtractionEvaluation.ThemeComparison, codedWith: String?,
                                differences: EvaluationIntervals.ThemeIntervals?, drawn unit: EvaluationIntervals.Unit?) -> String {
        let other = comparison.themes
        func row(_ name: String, _ mine: Double, _ theirs: Double, over count: Int, _ interval: EvaluationIntervals.Interval?) -> [String] {
            guard count > 0, !mine.isNaN, !theirs.isNaN else { return [name, figure(mine, over: count), figure(theirs, over: count), "–"] }
            let difference = signed(mine - theirs) + (interval.map { " (\(signed($0.low)) to \(signed($0.high)))" } ?? "")
            return [name, format(mine), format(theirs), difference]
        }
        let rows = [
            row("theme accuracy", themes.themeAccuracy, other.themeAccuracy, over: themes.items, differences?.themeAccuracy),
            row("kappa", themes.kappa, other.kappa, over: themes.items, differences?.kappa),
            row("sub-theme accuracy", themes.subthemeAccuracy, other.subthemeAccuracy, over: themes.subthemeItems, differences?.subthemeAccuracy),
            row("macro-F1", themes.macroF1, other.macroF1, over: themes.items, differences?.macroF1),
        ]
        var table = "Compared on the same \(themes.items) items: A = \(codedWith ?? "this run's scheme"); B = \(comparison.codedWith).\n"
        table += MarkdownTable.render(header: ["themes", "A", "B", "A − B (95% interval)"], rows: rows, alignRight: [1, 2, 3])
        if differences != nil {
            // Items are drawn where fewer than 10 documents are scored: the interval then says
            // little of other documents (session 37's third audit: the line claimed documents).
            table += unit == .item
                ? "The difference's interval draws the same items for A and B; with fewer than \(EvaluationIntervals.minimumDocuments) documents "
                    + "scored, an interval that leaves out 0 says little of other documents.\n"
                : "The difference's interval draws the same documents for A and B; where it leaves out 0, the two differ on documents like these.\n"
        }
        return table
    }

    /// The item figures of the run's rules beside another set's on the same documents
    /// (`--compare-rules`), with the differences, their paired intervals, and the items on which
    /// the two differ.
    static func ruleComparisonTable(_ evaluation: ExtractionEvaluation, _ comparison: RuleComparison,
                                    differences: EvaluationIntervals.ItemIntervals?, show: Int) -> String {
        func row(_ name: String, _ mine: Double, _ theirs: Double, over counts: (Int, Int), _ interval: EvaluationIntervals.Interval?) -> [String] {
            guard counts.0 > 0, counts.1 > 0 else { return [name, figure(mine, over: counts.0), figure(theirs, over: counts.1), "–"] }
            return [name, format(mine), format(theirs), signed(mine - theirs) + (interval.map { " (\(signed($0.low)) to \(signed($0.high)))" } ?? "")]
        }
        let (a, b) = (evaluation.overall, comparison.overall)
        var rows = [
            ["found", String(a.found), String(b.found), String(format: "%+d", a.found - b.found)],
            ["matched", String(a.matched), String(b.matched), String(format: "%+d", a.matched - b.matched)],
            row("precision", a.precision, b.precision, over: (a.found, b.found), differences?.precision),
            row("recall", a.recall, b.recall, over: (a.gold, b.gold), differences?.recall),
            row("F1", a.f1, b.f1, over: (min(a.found, a.gold), min(b.found, b.gold)), differences?.f1),
            row("kind accuracy", evaluation.kindAccuracy, comparison.kindAccuracy, over: (evaluation.matches.count, b.matched), differences?.kindAccuracy),
        ]
        for group in ["listed+explicit", "narrative"] {
            // A group neither rule set finds items of (narrative findings without --narrative) is left out.
            guard let mine = evaluation.byForm[group], let theirs = comparison.byForm[group], mine.found + theirs.found > 0 else { continue }
            let within = differences?.byForm[group]
            rows.append(row("\(group) precision", mine.precision, theirs.precision, over: (mine.found, theirs.found), within?.precision))
            rows.append(row("\(group) recall", mine.recall, theirs.recall, over: (mine.gold, theirs.gold), within?.recall))
            rows.append(row("\(group) \(group == "narrative" ? "polarity" : "kind accuracy")", mine.kindAccuracy, theirs.kindAccuracy,
                            over: (mine.goldMatched, theirs.goldMatched), within?.kindAccuracy))
        }
        var output = "Item rules compared on the same \(evaluation.byDocument.count) documents: A = \(comparison.rulesA); B = \(comparison.rulesB).\n"
        output += MarkdownTable.render(header: ["items", "A", "B", "A − B (95% interval)"], rows: rows, alignRight: [1, 2, 3])
        output += differences != nil
            ? "The difference's interval draws the same documents for A and B; where it leaves out 0, the two differ on documents like these.\n"
            : "No interval for the differences: two rule sets find different items, so only documents can be paired, and fewer than "
                + "\(EvaluationIntervals.minimumDocuments) are scored.\n"
        func list(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            output += "\n\(title) (\(lines.count)):\n"
            for line in lines.prefix(show) { output += "  \(line)\n" }
            if lines.count > show { output += "  … \(lines.count - show) more (--show, or --format json for all)\n" }
        }
        func annotated(_ annotation: Annotation) -> String { "\(annotation.document)  \(annotation.kind.rawValue)  \(excerpt(annotation.text, limit: 90))" }
        func found(_ item: Recommendation) -> String { "\(item.document)  \(item.kind.rawValue)  \(excerpt(item.text, limit: 90))" }
        list("Annotated items A finds and B misses", comparison.matchedByAOnly.map(annotated))
        list("Annotated items B finds and A misses", comparison.matchedByBOnly.map(annotated))
        list("False finds of A alone", comparison.falseFindsOfAOnly.map(found))
        list("False finds of B alone", comparison.falseFindsOfBOnly.map(found))
        list("Found by both, told otherwise (A → B)", comparison.changed.map { change in
            let shown = { (value: String) in value.isEmpty ? "none" : value }
            let annotated = change.field == .kind ? " (annotated \(change.annotation.kind.rawValue))" : ""
            return "\(change.annotation.document)  \(change.field.rawValue) \(shown(change.inA)) → \(shown(change.inB))\(annotated)  "
                + excerpt(change.annotation.text, limit: 80)
        })
        if comparison.matchedByAOnly.isEmpty, comparison.matchedByBOnly.isEmpty, comparison.falseFindsOfAOnly.isEmpty,
           comparison.falseFindsOfBOnly.isEmpty, comparison.changed.isEmpty {
            output += "A and B match the same annotations with the same kinds, grades and actors, and make the same false finds.\n"
        }
        return output
    }

    /// "+0.078", "-0.045": signed as `lexicon learn` signs its layer's gain; a difference that
    /// rounds to nothing is "+0.000", never "-0.000" (session 37's second audit).
    static func signed(_ value: Double) -> String { String(format: "%+.3f", abs(value) < 0.0005 ? 0 : value) }

    /// "In brackets, 95% intervals: 1,000 samples of the 12 documents, drawn with replacement."
    static func intervalNote(_ intervals: EvaluationIntervals) -> String {
        let drawn = intervals.unit == .document
            ? "the \(intervals.units) document\(intervals.units == 1 ? "" : "s")"
            : "the \(intervals.units) scored items (each matched pair, miss and false find; fewer than "
                + "\(EvaluationIntervals.minimumDocuments) documents are too few to draw documents)"
        return "In brackets, \(Int((intervals.level * 100).rounded()))% intervals: \(intervals.resamples.formatted(.number.grouping(.automatic))) "
            + "samples of \(drawn), drawn with replacement."
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    /// A share of `count` things, or "–" when there are none to take a share of.
    static func figure(_ value: Double, over count: Int) -> String { count == 0 || value.isNaN ? "–" : format(value) }

    /// The figure with its interval after it ("0.929 (0.881–0.966)") where there is one; "to"
    /// between bounds where the lower is below 0 (a kappa: "-0.227 (-0.446 to 0.000)"), as a
    /// dash beside a minus sign reads as neither.
    static func figure(_ value: Double, over count: Int, within interval: EvaluationIntervals.Interval?) -> String {
        let figure = figure(value, over: count)
        guard let interval, figure != "–" else { return figure }
        let undefined = interval.undefined.map { ", undefined in \($0.formatted(.number.grouping(.automatic))) sample\($0 == 1 ? "" : "s")" } ?? ""
        return "\(figure) (\(format(interval.low))\(interval.low < 0 ? " to " : "–")\(format(interval.high))\(undefined))"
    }

    static func excerpt(_ text: String, limit: Int = 110) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
