/// The items a second set of item rules finds in the same documents, scored against the same hand
/// coding (`evaluate --compare-rules`): its figures, and the items on which the two disagree, so
/// that whoever edits `items.yml` sees what the edit gains and loses, item by item.
///
/// A is the run's own rules, B the other's; the differences are A's figure less B's, as
/// ``ExtractionEvaluation/ThemeComparison`` gives them for schemes.
public struct RuleComparison: Sendable, Codable {
    /// Where A's and B's rules come from (the paths of their `items.yml`).
    public var rulesA: String
    public var rulesB: String
    public var overall: ExtractionEvaluation.Score
    public var kindAccuracy: Double
    public var byForm: [String: ExtractionEvaluation.FormScore]
    /// Annotations that A's items match and B's do not, and the other way round.
    public var matchedByAOnly: [Annotation]
    public var matchedByBOnly: [Annotation]
    /// Found items that match no annotation, found by one set of rules only (the same document and
    /// text in both counts as the same find).
    public var falseFindsOfAOnly: [Recommendation]
    public var falseFindsOfBOnly: [Recommendation]
    /// Annotations both match, where A's item and B's differ in kind, grade or actor: what an
    /// edit of a grading or kind cue changes without losing the item.
    public var changed: [Change]
    /// B's evaluation, which the paired intervals are drawn from (not written out: the lists above
    /// and the figures say what differs).
    var other = ExtractionEvaluation.Items(matches: [], misses: [], falseFinds: [])

    /// One field of an item both rule sets find, as each gives it ("" where it has none).
    public struct Change: Sendable, Codable, Equatable {
        public enum Field: String, Sendable, Codable { case kind, strength, actor }
        public var annotation: Annotation
        public var field: Field
        public var inA: String
        public var inB: String
    }

    private enum CodingKeys: String, CodingKey {
        case rulesA, rulesB, overall, kindAccuracy, byForm, matchedByAOnly, matchedByBOnly, falseFindsOfAOnly, falseFindsOfBOnly, changed
    }

    /// `mine` and `other` are evaluations of the same documents against the same annotations.
    init(_ mine: ExtractionEvaluation, _ other: ExtractionEvaluation, rules: (a: String, b: String)) {
        (rulesA, rulesB) = rules
        overall = other.overall
        kindAccuracy = other.kindAccuracy
        byForm = other.byForm
        self.other = other.items
        let (mineByAnnotation, otherByAnnotation) = (Self.found(mine.matches), Self.found(other.matches))
        matchedByAOnly = mine.matches.map(\.gold).filter { otherByAnnotation[$0] == nil }
        matchedByBOnly = other.matches.map(\.gold).filter { mineByAnnotation[$0] == nil }
        changed = mine.matches.flatMap { match -> [Change] in
            guard let theirs = otherByAnnotation[match.gold] else { return [] }
            let fields: [(Change.Field, (Recommendation) -> String)] = [
                (.kind, \.kind.rawValue), (.strength, { $0.strength?.rawValue ?? "" }), (.actor, { $0.actor ?? "" }),
            ]
            return fields.compactMap { field, value in
                value(match.found) == value(theirs) ? nil
                    : Change(annotation: match.gold, field: field, inA: value(match.found), inB: value(theirs))
            }
        }
        let (mineFalse, otherFalse) = (Set(mine.falseFinds.map(FindKey.init)), Set(other.falseFinds.map(FindKey.init)))
        falseFindsOfAOnly = mine.falseFinds.filter { !otherFalse.contains(FindKey($0)) }
        falseFindsOfBOnly = other.falseFinds.filter { !mineFalse.contains(FindKey($0)) }
    }
}

extension ExtractionEvaluation {
    /// Scores the items that other item rules found in the same documents against the same
    /// annotations (`other`, an evaluation made as this one was), for the differences between the
    /// two (before ``estimateIntervals(resamples:)``, which draws their intervals).
    /// `rules` says where each set of rules comes from, this evaluation's first.
    public mutating func compareRules(with other: ExtractionEvaluation, rules: (a: String, b: String)) {
        ruleComparison = RuleComparison(self, other, rules: rules)
    }
}

private extension RuleComparison {
    struct FindKey: Hashable {
        var document: String
        var text: String
        init(_ find: Recommendation) { (document, text) = (find.document, find.text) }
    }

    /// The item each matched annotation was found as (both evaluations hold the same annotations,
    /// so an annotation is its own key).
    static func found(_ matches: [ExtractionEvaluation.Match]) -> [Annotation: Recommendation] {
        Dictionary(matches.map { ($0.gold, $0.found) }) { first, _ in first }
    }
}
