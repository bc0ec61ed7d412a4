import Foundation

/// How far two hand codings of the same documents agree: the ceiling a tool's agreement with
/// either is judged against. The rows of the documents both codings name are paired one to one by
/// their words, as ``ItemMatcher`` pairs a tool's items with a coding's (two prefixes of one item
/// pair, the shorter a prefix of the longer); then kind, form, theme and sub-theme are compared
/// over the pairs, the first coding standing where an evaluation has its gold.
///
/// A second coding of a sample of items (a second coder given the first's items to code again)
/// pairs every row it has and says nothing of finding items: `items` is then the share of the
/// first's rows the sample holds. Where both coders read whole documents and coded every item they
/// found, `items` is their agreement on what is an item.
public struct CoderAgreement: Sendable, Codable {
    /// The documents both codings name (rows of other documents are left out), and each coding's
    /// rows in them.
    public var documents: Int
    /// The documents only the first (or the second) coding names, with how many rows each has:
    /// left out of every figure.
    public var onlyFirstNames: [LeftOutDocument] = []
    public var onlySecondNames: [LeftOutDocument] = []

    /// A document one coding alone names, and its rows there.
    public struct LeftOutDocument: Sendable, Codable, Equatable {
        public var document: String
        public var rows: Int
    }
    public var first: Int
    public var second: Int
    /// Rows paired one to one.
    public var paired: Int
    /// Agreement on what is an item: twice the pairs over both codings' rows (F1, either coding
    /// taken as the gold).
    public var items: Double?
    public var kind: Labels
    /// Over the pairs where both give a form.
    public var form: Labels
    /// Over the pairs where both give a theme: the first coding as `gold`, the second as `predicted`.
    public var themes: ThemeEvaluation
    /// Pairs one coding gives a theme and the other not: left out of the theme figures.
    public var themedByOne: Int
    /// Of the pairs both give a theme, those with a sub-theme in one coding only: left out of the
    /// sub-theme figure.
    public var subthemedByOne = 0
    /// Krippendorff's alpha of the themes over those pairs.
    public var themeAlpha: Double?
    /// Share of those pairs where one coder's theme is the other's primary or runner-up.
    public var themesWithRunnerUp: Double?
    /// 95% intervals of the theme figures, by the bootstrap ``EvaluationIntervals`` draws (by
    /// document from ``EvaluationIntervals/minimumDocuments`` documents, else by pair).
    public var intervals: EvaluationIntervals.ThemeIntervals?
    public var drawn: EvaluationIntervals.Unit?
    /// How many documents, or rows, were drawn from; and how many samples.
    public var drawnUnits: Int?
    public var resamples: Int?
    /// Rows of one coding that pair with none of the other's, in the documents both name.
    public var onlyFirst: [Annotation]
    public var onlySecond: [Annotation]
    /// Documents a coding names by paths in different folders that read as one document (the same
    /// file name: "2022/report.pdf", "2023/report.pdf"), each as the names it has.
    public var merged: [[String]]
    /// Paired rows that differ in kind or in form.
    public var differences: [Difference]

    /// Agreement on one label over the pairs that give it on both sides.
    public struct Labels: Sendable, Codable, Equatable {
        public var items: Int
        public var agreement: Double?
        /// Cohen's kappa; nil where it is undefined (no pairs, or one label on both sides).
        public var kappa: Double?
        /// Krippendorff's alpha (nominal), as content analysis reports it; nil where undefined.
        public var alpha: Double?

        init(_ pairs: [(String, String)]) {
            items = pairs.count
            agreement = pairs.isEmpty ? nil : Double(pairs.filter { $0.0 == $0.1 }.count) / Double(pairs.count)
            kappa = ThemeEvaluation.kappa(pairs.map(\.0), pairs.map(\.1))
            alpha = ThemeEvaluation.alpha(pairs.map(\.0), pairs.map(\.1))
        }
    }

    /// A paired row the two codings give another kind or form: `label` is "kind" or "form".
    public struct Difference: Sendable, Codable, Equatable {
        public var document: String
        public var text: String
        public var label: String
        public var first: String
        public var second: String
    }

    /// - Parameter resamples: bootstrap samples for the theme figures' intervals; 0: none.
    public init(first: GoldSet, second: GoldSet, resamples: Int = EvaluationIntervals.standardResamples) {
        // The documents each codes: those it has rows of, and those it says hold none.
        func coded(_ set: GoldSet) -> Set<String> { Set((set.annotations.map(\.document) + set.itemless).map(Self.documentKey)) }
        let named = coded(first).intersection(coded(second))
        // The documents one coding alone names, with the rows left out with them.
        func alone(_ set: GoldSet, _ other: GoldSet) -> [LeftOutDocument] {
            let theirs = coded(other)
            return Dictionary(grouping: set.annotations.filter { !theirs.contains(Self.documentKey($0.document)) }) { Self.documentKey($0.document) }
                .map { LeftOutDocument(document: $0.value[0].document, rows: $0.value.count) }.sorted { $0.document < $1.document }
        }
        (onlyFirstNames, onlySecondNames) = (alone(first, second), alone(second, first))
        // One key for several folders' files of one name: said, since they are compared as one.
        merged = Set(Self.merged(in: first) + Self.merged(in: second)).sorted { ($0.first ?? "") < ($1.first ?? "") }
        func rows(_ set: GoldSet) -> [String: [Annotation]] {
            Dictionary(grouping: set.annotations.filter { named.contains(Self.documentKey($0.document)) }.map(Self.spelled)) { Self.documentKey($0.document) }
        }
        let (firstRows, secondRows) = (rows(first), rows(second))
        var pairs: [(first: Annotation, second: Annotation)] = []
        var onlyFirst: [Annotation] = [], onlySecond: [Annotation] = []
        for document in named.sorted() {
            let (one, other) = (firstRows[document] ?? [], secondRows[document] ?? [])
            let matched = ItemMatcher.pairsEitherWay(one.map(\.text), other.map(\.text))
            pairs += matched.map { (one[$0.gold], other[$0.found]) }
            let (paired, pairedOther) = (Set(matched.map(\.gold)), Set(matched.map(\.found)))
            onlyFirst += one.indices.filter { !paired.contains($0) }.map { one[$0] }
            onlySecond += other.indices.filter { !pairedOther.contains($0) }.map { other[$0] }
        }
        documents = named.count
        self.first = firstRows.values.reduce(0) { $0 + $1.count }
        self.second = secondRows.values.reduce(0) { $0 + $1.count }
        paired = pairs.count
        items = self.first + self.second == 0 ? nil : 2 * Double(pairs.count) / Double(self.first + self.second)
        (self.onlyFirst, self.onlySecond) = (onlyFirst, onlySecond)
        kind = Labels(pairs.map { ($0.first.kind.rawValue, $0.second.kind.rawValue) })
        form = Labels(pairs.compactMap { pair in pair.first.form.flatMap { one in pair.second.form.map { (one.rawValue, $0.rawValue) } } })
        differences = pairs.flatMap { pair -> [Difference] in
            var found: [Difference] = []
            if pair.first.kind != pair.second.kind {
                found.append(Difference(document: pair.first.document, text: pair.first.text, label: "kind",
                                        first: pair.first.kind.rawValue, second: pair.second.kind.rawValue))
            }
            if let one = pair.first.form, let other = pair.second.form, one != other {
                found.append(Difference(document: pair.first.document, text: pair.first.text, label: "form", first: one.rawValue, second: other.rawValue))
            }
            return found
        }
        themedByOne = pairs.filter { ($0.first.theme == nil) != ($0.second.theme == nil) }.count
        // The pairs both give a theme, as one coding of each: the first's `gold`, the second's `predicted`.
        let themed = pairs.compactMap { pair in
            pair.first.theme.flatMap { one in pair.second.theme.map { (pair, one, $0) } }
        }
        // A sub-theme is compared where both codings give one, as a theme is: a second coding of
        // themes alone scored 0.000 on sub-themes, every row a disagreement (session 47's audit).
        subthemedByOne = themed.filter { pair, _, _ in (pair.first.subtheme == nil) != (pair.second.subtheme == nil) }.count
        let coded = themed.map { pair, one, other in
            ThemeEvaluation.Coded(document: pair.first.document, text: pair.first.text, gold: one,
                                  goldSubtheme: pair.second.subtheme == nil ? nil : pair.first.subtheme,
                                  predicted: other, predictedSubtheme: pair.second.subtheme)
        }
        themes = ThemeEvaluation(coded)
        themeAlpha = ThemeEvaluation.alpha(coded.map(\.gold), coded.map(\.predicted))
        themesWithRunnerUp = themed.isEmpty ? nil : Double(themed.filter { pair, one, other in
            one == other || pair.first.theme2 == other || pair.second.theme2 == one
        }.count) / Double(themed.count)
        let codings = coded.map {
            ExtractionEvaluation.ThemeCoding(document: $0.document, gold: $0.gold, goldSubtheme: $0.goldSubtheme,
                                             predicted: $0.predicted, predictedSubtheme: $0.predictedSubtheme)
        }
        if resamples > 0, let drawn = EvaluationIntervals.themes(codings, resamples: resamples) {
            (intervals, self.drawn, drawnUnits, self.resamples) = (drawn.intervals, drawn.unit, drawn.units, resamples)
        }
    }

    /// A document as both codings name it: its file's name without folders (a path written
    /// with "/" or "\\") or extension, so that "C:\\coding\\report.pdf", "report.pdf" and
    /// "reports/report.txt" are one document. Two files of one name in different folders are
    /// then one document too.
    public static func documentKey(_ name: String) -> String {
        let file = slashed(name).split(separator: "/").last.map(String.init) ?? name
        return ItemMatcher.stem(file.trimmingCharacters(in: .whitespaces))
    }

    /// The names of a coding that stand for files of one name in two folders or more.
    static func merged(in set: GoldSet) -> [[String]] {
        let names: Set<String> = Set(set.annotations.map(\.document)).union(set.itemless)
        let byKey: [String: [String]] = Dictionary(grouping: names, by: documentKey)
        return byKey.values.map { $0.sorted() }.filter { group in
            Set(group.map(folder).filter { !$0.isEmpty }).count > 1
        }
    }

    /// The folders of a path ("2022" of "2022/report.pdf", "" of "report.pdf"), "\\" read as "/".
    static func folder(_ name: String) -> String {
        let path = slashed(name)
        return path.range(of: "/", options: .backwards).map { String(path[..<$0.lowerBound]) } ?? ""
    }

    /// A path with a Windows path's "\\" read as "/".
    static func slashed(_ name: String) -> String { name.replacingOccurrences(of: "\\", with: "/") }

    /// A row with its themes and sub-themes as a scheme spells them: in lower case, with "-"
    /// for spaces and "_" ("Purpose" is `purpose`, "INFORMATION SHARING" `information-sharing`),
    /// as `evaluate` reads a coding.
    static func spelled(_ row: Annotation) -> Annotation {
        var row = row
        func clean(_ label: String?) -> String? {
            // Trimmed of any white space first, the no-break space a pasted cell brings too.
            label.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).nameKey(joiningWordsWith: "-") }.flatMap { $0.isEmpty ? nil : $0 }
        }
        (row.theme, row.subtheme, row.theme2, row.subtheme2) = (clean(row.theme), clean(row.subtheme), clean(row.theme2), clean(row.subtheme2))
        return row
    }
}
