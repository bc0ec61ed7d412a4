/// Builds each partnership's arrangement profile from its documents: every indicator of the
/// lexicon, decided from the sentences that speak to it.
public struct ArrangementProfiler: Sendable {
    public let lexicon: ArrangementLexicon

    public init(lexicon: ArrangementLexicon) {
        self.lexicon = lexicon
    }

    /// One profile per partnership, in order of name. Documents without a partnership are left out.
    public func profiles(of documents: [Document]) -> [PartnershipProfile] {
        let grouped = Dictionary(grouping: documents.filter { $0.metadata.partnership != nil }) { $0.metadata.partnership! }
        return grouped.keys.sorted().map { profile(of: $0, documents: grouped[$0]!) }
    }

    /// The profile of one partnership from its documents.
    public func profile(of partnership: String, documents: [Document]) -> PartnershipProfile {
        let matcher = IndicatorMatcher(lexicon: lexicon)
        let dates = Dictionary(documents.map { ($0.fileName, $0.metadata.date ?? "") }, uniquingKeysWith: { first, _ in first })
        var found: [String: [IndicatorEvidence]] = [:]
        for document in documents {
            for (indicator, evidence) in matcher.evidence(in: document) { found[indicator, default: []].append(evidence) }
        }
        var results: [String: IndicatorResult] = [:]
        for indicator in lexicon.indicators {
            results[indicator.id] = decide(found[indicator.id] ?? [], dates: dates)
        }
        for indicator in lexicon.indicators {
            if let required = indicator.requires, results[required]?.value != .yes, results[indicator.id]?.value.isStated == true {
                results[indicator.id] = IndicatorResult(value: .notStated, evidence: results[indicator.id]!.evidence)
            }
        }
        return PartnershipProfile(partnership: partnership, documents: documents.map(DocumentSummary.init).sorted { $0.file < $1.file },
                                  indicators: results)
    }
}

private extension ArrangementProfiler {
    /// The value the evidence supports, with the deciding sentences first.
    func decide(_ evidence: [IndicatorEvidence], dates: [String: String]) -> IndicatorResult {
        guard !evidence.isEmpty else { return IndicatorResult(value: .notStated) }
        let considered: [IndicatorEvidence]
        switch lexicon.decide {
        case .anyYes:
            considered = evidence
        case .latest:
            // The latest document decides; documents of the same date are read together.
            let latest = evidence.map { dates[$0.document] ?? "" }.max() ?? ""
            considered = evidence.filter { (dates[$0.document] ?? "") == latest }
        }
        let value = Self.value(of: considered)
        let deciding = evidence.filter { $0.value == value }
        return IndicatorResult(value: value, evidence: deciding + evidence.filter { $0.value != value })
    }

    /// Yes outweighs no; of several numbers, the most often stated (the larger on a tie).
    static func value(of evidence: [IndicatorEvidence]) -> IndicatorValue {
        var counts: [Int: Int] = [:]
        for item in evidence { if case .count(let number) = item.value { counts[number, default: 0] += 1 } }
        if let best = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) { return .count(best.key) }
        if evidence.contains(where: { $0.value == .yes }) { return .yes }
        if evidence.contains(where: { $0.value == .no }) { return .no }
        return .notStated
    }
}
