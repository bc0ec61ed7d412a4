/// A partnership's inspection as indicators, like the arrangement indicators: `inspection.kind`,
/// `inspection.date` (the last day of the fieldwork) and one `inspection.<judgement>` per
/// judgement stated, each a term (`focused_visit`, `2015-07-16`, `requires_improvement`) with the
/// line that states it. The kind and date are the latest inspection's that states judgements
/// (else the latest's); each judgement is the latest inspection's that states it, so that a SEND
/// area report, which grades nothing of children's services, hides no ILACS grade (session 28's
/// user audit: Bexley's "outstanding" and Plymouth's LSCB judgement went silent). A judgement no
/// inspection states stays silent.
public struct InspectionIndicators: Sendable {
    public let lexicon: InspectionLexicon

    public init(lexicon: InspectionLexicon) {
        self.lexicon = lexicon
    }

    /// Every indicator id this lexicon can give, in order: kind, date, then the judgements.
    public var ids: [String] {
        [InspectionProfile.kindIndicator, InspectionProfile.dateIndicator]
            + lexicon.judgements.map { InspectionProfile.indicatorPrefix + $0.id }
    }

    /// The label a reader sees for an inspection indicator id.
    public func label(_ id: String) -> String {
        switch id {
        case InspectionProfile.kindIndicator: return "Inspection"
        case InspectionProfile.dateIndicator: return "Inspection date (last day of fieldwork)"
        default: return lexicon.label(judgement: String(id.dropFirst(InspectionProfile.indicatorPrefix.count)))
        }
    }

    /// The label of a value: a grade's or a kind's label, else the value itself (a date).
    public func label(value: IndicatorValue) -> String {
        guard case .term(let term) = value else { return value.description }
        let kind = lexicon.label(kind: term)
        return kind != term ? kind : lexicon.label(grade: term)
    }

    /// The indicators of the latest inspection among `documents`; empty when none is one.
    public func indicators(of documents: [Document]) -> [String: IndicatorResult] {
        let reader = InspectionReader(lexicon: lexicon)
        return indicators(of: documents.compactMap { document in reader.read(document).map { InspectionRead(document: document, inspection: $0) } })
    }

    /// The indicators of these inspections (read beforehand, in the documents' order): kind and
    /// date of the latest, each judgement of the latest that states it.
    public func indicators(of read: [InspectionRead]) -> [String: IndicatorResult] {
        // The latest that states a judgement (a later focused visit does not hide an inspection's grades), else the latest.
        let judged = read.filter { !$0.inspection.judgements.isEmpty }
        guard let chosen = (judged.isEmpty ? read : judged).max(by: { ($0.inspection.date ?? "") < ($1.inspection.date ?? "") }) else {
            return [:]
        }
        let inspection = chosen.inspection
        var results: [String: IndicatorResult] = [:]
        func evidence(_ value: IndicatorValue, text: String, page: Int?, range: TextRange, in document: String? = nil) -> IndicatorResult {
            IndicatorResult(value: value, evidence: [IndicatorEvidence(document: document ?? chosen.document, value: value, text: text,
                                                                       cue: "inspections.yml", section: "", page: page, range: range,
                                                                       placement: .table)])
        }
        results[InspectionProfile.kindIndicator] = evidence(.term(inspection.kind), text: chosen.headText ?? "", page: chosen.headPage,
                                                            range: chosen.headRange ?? TextRange(start: 0, end: 0))
        if let date = inspection.date {
            results[InspectionProfile.dateIndicator] = evidence(.term(date), text: chosen.headText ?? "", page: chosen.headPage,
                                                                range: chosen.headRange ?? TextRange(start: 0, end: 0))
        }
        // Each judgement from the latest inspection that states it: later ones overwrite earlier,
        // and the chosen one comes last, so that it wins among those of its date.
        let byDate = judged.sorted { ($0.inspection.date ?? "") < ($1.inspection.date ?? "") }
        for read in byDate.filter({ $0 != chosen }) + [chosen] {
            for judgement in read.inspection.judgements {
                results[InspectionProfile.indicatorPrefix + judgement.judgement] = evidence(
                    .term(judgement.grade), text: judgement.evidence, page: judgement.page, range: judgement.range, in: read.document)
            }
        }
        return results
    }
}
