public extension ArrangementProfiler {
    /// One profile per partnership, in order of name, from the documents' analyses (their text
    /// already dropped). Analyses without a partnership are left out. The same profiles as
    /// ``profiles(of:jobs:)`` over the documents the analyses were made from.
    func profiles(of analyses: [DocumentAnalysis], jobs: Int = 1) -> [PartnershipProfile] {
        typealias Placed = (document: Document, evidence: [IndicatorFinding], inspection: InspectionRead?)
        var placed: [Placed] = analyses.filter { $0.document.metadata.partnership != nil }.map { ($0.document, $0.evidence, $0.inspection) }
        // A quoting document keeps its text (``DocumentAnalyser``): each quoted partnership's passages are read here.
        var extra: [String: [(indicator: String, evidence: IndicatorEvidence)]] = [:]
        if let quotes {
            let matcher = IndicatorMatcher(lexicon: lexicon)
            for analysis in analyses where analysis.document.metadata.partnership == nil && !analysis.document.blocks.isEmpty {
                for (label, quoted) in quotes.split(analysis.document).sorted(by: { $0.key < $1.key }) {
                    let evidence = matcher.evidence(in: quoted.document).map { IndicatorFinding(indicator: $0.indicator, evidence: $0.evidence) }
                    var stub = quoted.document
                    stub.blocks = []
                    placed.append((stub, evidence, nil))
                    extra[label, default: []] += quoted.sectionEvidence
                }
            }
        }
        let grouped = Dictionary(grouping: placed) { $0.document.metadata.partnership! }
        let sectionEvidence = extra
        return Parallel.map(grouped.keys.sorted(), jobs: jobs) { partnership in
            let group = grouped[partnership]!
            return profile(of: partnership, documents: group.map(\.document), evidence: group.map(\.evidence),
                           inspections: group.compactMap(\.inspection), extra: sectionEvidence[partnership] ?? [])
        }
    }
}
