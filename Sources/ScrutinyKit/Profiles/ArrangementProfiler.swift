/// Builds each partnership's arrangement profile from its documents: every indicator of the
/// lexicon, decided from the sentences that speak to it.
public struct ArrangementProfiler: Sendable {
    public let lexicon: ArrangementLexicon
    /// Where given, inspection documents also give the `inspection.*` indicators.
    public let inspections: InspectionLexicon?

    /// Where given, a document without a partnership of its own that quotes enough partnerships
    /// under labels (the national survey) gives each quoted partnership a profile from its passages.
    public var quotes: QuotedPartnerships?

    public init(lexicon: ArrangementLexicon, inspections: InspectionLexicon? = nil, quotes: QuotedPartnerships? = nil) {
        self.lexicon = lexicon
        self.inspections = inspections
        self.quotes = quotes
    }

    /// One profile per partnership, in order of name. Documents without a partnership are left
    /// out, unless they quote partnerships (see `quotes`).
    /// - Parameter jobs: documents read for evidence at once, and partnerships decided at once, on as
    ///   many threads; the profiles are the same for any number.
    public func profiles(of documents: [Document], jobs: Int = 1) -> [PartnershipProfile] {
        var placed = documents.filter { $0.metadata.partnership != nil }
        var extra: [String: [(indicator: String, evidence: IndicatorEvidence)]] = [:]
        if let quotes {
            for document in documents where document.metadata.partnership == nil {
                for (label, quoted) in quotes.split(document).sorted(by: { $0.key < $1.key }) {
                    placed.append(quoted.document)
                    extra[label, default: []] += quoted.sectionEvidence
                }
            }
        }
        let matcher = IndicatorMatcher(lexicon: lexicon)
        let evidence = Parallel.map(placed, jobs: jobs) { document in matcher.evidence(in: document).map { IndicatorFinding(indicator: $0.indicator, evidence: $0.evidence) } }
        let grouped = Dictionary(grouping: zip(placed, evidence).map { (document: $0, evidence: $1) }) { $0.document.metadata.partnership! }
        let sectionEvidence = extra
        return Parallel.map(grouped.keys.sorted(), jobs: jobs) { partnership in
            let group = grouped[partnership]!
            let documents = group.map(\.document)
            let reader = inspections.map(InspectionReader.init(lexicon:))
            let read = documents.compactMap { document in reader?.read(document).map { InspectionRead(document: document, inspection: $0) } }
            return profile(of: partnership, documents: documents, evidence: group.map(\.evidence), inspections: read,
                           extra: sectionEvidence[partnership] ?? [])
        }
    }

    /// The documents without a partnership that `quotes` splits, with the number of partnerships
    /// each quotes.
    public func quotingDocuments(_ documents: [Document]) -> [(document: String, partnerships: Int)] {
        guard let quotes else { return [] }
        return documents.filter { $0.metadata.partnership == nil }.compactMap { document in
            let count = quotes.split(document).count
            return count > 0 ? (document.name, count) : nil
        }
    }

    /// The profile of one partnership from its documents, and any evidence found otherwise (the
    /// section a quotation stands in).
    public func profile(of partnership: String, documents: [Document],
                        extra: [(indicator: String, evidence: IndicatorEvidence)] = []) -> PartnershipProfile {
        let matcher = IndicatorMatcher(lexicon: lexicon)
        let evidence = documents.map { matcher.evidence(in: $0).map { IndicatorFinding(indicator: $0.indicator, evidence: $0.evidence) } }
        let reader = inspections.map(InspectionReader.init(lexicon:))
        let read = documents.compactMap { document in reader?.read(document).map { InspectionRead(document: document, inspection: $0) } }
        return profile(of: partnership, documents: documents, evidence: evidence, inspections: read, extra: extra)
    }

    /// The profile from each document's evidence, found beforehand (`evidence[i]` is `documents[i]`'s).
    /// `inspections` are the documents read as inspections, in the documents' order.
    func profile(of partnership: String, documents: [Document], evidence: [[IndicatorFinding]], inspections read: [InspectionRead],
                 extra: [(indicator: String, evidence: IndicatorEvidence)] = []) -> PartnershipProfile {
        let dates = Dictionary(documents.map { ($0.name, $0.metadata.date ?? "") }, uniquingKeysWith: { first, _ in first })
        var found: [String: [IndicatorEvidence]] = [:]
        for documentEvidence in evidence {
            for item in documentEvidence { found[item.indicator, default: []].append(item.evidence) }
        }
        for (indicator, evidence) in extra { found[indicator, default: []].append(evidence) }
        var results = decide(found, dates: dates)
        if let inspections {
            results.merge(InspectionIndicators(lexicon: inspections).indicators(of: read)) { first, _ in first }
        }
        let inspected = Dictionary(read.map { ($0.document, $0.inspection) }, uniquingKeysWith: { first, _ in first })
        let summaries = documents.map { document in
            var summary = DocumentSummary(document)
            summary.inspectionKind = inspected[document.name]?.kind
            summary.inspectionDate = inspected[document.name]?.date
            return summary
        }
        return PartnershipProfile(partnership: partnership, documents: summaries.sorted { $0.file < $1.file }, indicators: results)
    }
}

public extension ArrangementProfiler {
    /// The profile's arrangement indicators decided again from the evidence of its documents that
    /// `keep` keeps alone (its documents of one era, say); nil where it keeps none of them.
    /// Inspection judgements are not carried over.
    func profile(_ profile: PartnershipProfile, keeping keep: (DocumentSummary) -> Bool) -> PartnershipProfile? {
        let documents = profile.documents.filter(keep)
        guard !documents.isEmpty else { return nil }
        let kept = Set(documents.map(\.file))
        var found: [String: [IndicatorEvidence]] = [:]
        for indicator in lexicon.indicators {
            let evidence = (profile.indicators[indicator.id]?.evidence ?? []).filter { kept.contains($0.document) }
            if !evidence.isEmpty { found[indicator.id] = evidence }
        }
        let dates = Dictionary(documents.map { ($0.file, $0.date ?? "") }, uniquingKeysWith: { first, _ in first })
        return PartnershipProfile(partnership: profile.partnership, documents: documents, indicators: decide(found, dates: dates))
    }
}

private extension ArrangementProfiler {
    /// Every arrangement indicator decided from the evidence found for it; an indicator that
    /// requires another (the number of scrutineers, employing any) is not stated without it.
    func decide(_ found: [String: [IndicatorEvidence]], dates: [String: String]) -> [String: IndicatorResult] {
        var results: [String: IndicatorResult] = [:]
        for indicator in lexicon.indicators {
            results[indicator.id] = decide(found[indicator.id] ?? [], dates: dates)
        }
        for indicator in lexicon.indicators {
            if let required = indicator.requires, results[required]?.value != .yes, results[indicator.id]?.value.isStated == true {
                results[indicator.id] = IndicatorResult(value: .notStated, evidence: results[indicator.id]!.evidence)
            }
        }
        return results
    }

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
        // The sentences that decided it first, prose before lists, tables, headings and titles; then the rest.
        let decidingDocuments = Set(considered.filter { $0.value == value }.map(\.document))
        // Each sentence ranked once (ranking splits its words), then sorted by rank; the offset makes every rank distinct.
        let ranked = evidence.enumerated().map { (rank: Self.rank($0.element, value, decidingDocuments, $0.offset), evidence: $0.element) }
            .sorted { $0.rank < $1.rank }.map(\.evidence)
        return IndicatorResult(value: value, evidence: ranked)
    }

    static let placementOrder: [IndicatorEvidence.Placement] = [.prose, .list, .table, .heading, .title]

    static func rank(_ evidence: IndicatorEvidence, _ value: IndicatorValue, _ documents: Set<String>, _ offset: Int)
        -> (Int, Int, Int, Int) {
        // A line of a few words (a signature, a label) says least, wherever it stands.
        let placement = !hasWords(evidence.text, atLeast: 6) ? placementOrder.count
            : placementOrder.firstIndex(of: evidence.placement) ?? 0
        return (evidence.value == value ? 0 : 1, documents.contains(evidence.document) ? 0 : 1, placement, offset)
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

extension ArrangementProfiler {
    /// Whether `text` has at least `count` pieces between spaces (as `split(separator: " ")` cuts
    /// it), counted without cutting it and no further than `count`.
    static func hasWords(_ text: String, atLeast count: Int) -> Bool {
        var pieces = 0
        var inPiece = false
        for character in text {
            if character == " " {
                inPiece = false
            } else if !inPiece {
                pieces += 1
                if pieces >= count { return true }
                inPiece = true
            }
        }
        return pieces >= count
    }
}
