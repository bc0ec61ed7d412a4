/// The inspections of the partnerships' areas: per judgement, how many areas were given each grade,
/// of those given that judgement, and which partnerships are silent on it (not inspected on that
/// judgement, or no inspection among their documents),
/// and each area's judgements with the inspection that gave each (the latest that gives it: a
/// later SEND report or focused visit hides no earlier grade, so one area's grades may come from
/// inspections years apart).
public struct InspectionTable: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        /// "inspection.overall_effectiveness".
        public var id: String
        public var label: String
        /// Grade id → the partnerships given it.
        public var grades: [Grade]
        /// How many partnerships were given this judgement: the N of each grade's "n of N".
        public var graded: Int
        /// Partnerships without this judgement.
        public var silent: Int
        public var silentPartnerships: [String]
    }

    public struct Grade: Hashable, Sendable, Codable {
        public var id: String
        public var label: String
        /// Of the partnerships given this judgement (as the report prints it).
        public var proportion: Proportion
        public var partnerships: [String]
    }

    /// One area's inspections: the latest (that gives judgements, where one does) and the
    /// source of each judgement.
    public struct Area: Hashable, Sendable, Codable {
        public var partnership: String
        /// The latest inspection's kind, fieldwork date and document.
        public var kind: String
        public var date: String?
        public var year: Int?
        public var document: String?
        /// Judgement id → grade id.
        public var judgements: [String: String]
        /// Judgement id → the inspection that gave it.
        public var sources: [String: Source]
    }

    /// The inspection a judgement comes from: its document, kind and fieldwork date, and the page
    /// of the line that states the grade.
    public struct Source: Hashable, Sendable, Codable {
        public var document: String
        public var kind: String?
        public var date: String?
        public var page: Int?
        public var year: Int? { date.flatMap { Int($0.prefix(4)) } }
    }

    public var partnerships: Int
    public var rows: [Row]
    public var areas: [Area]

    /// Nil where no partnership has an inspection among its documents.
    public init?(profiles: [PartnershipProfile], indicators: InspectionIndicators) {
        // A partnership known only from another document's quotations (the national survey's
        // "LSCP 7") has no inspection to be read: it is in no base here, silent or not (a
        // researcher's audit: "99 of 112 silent", 70 of them such labels).
        let profiles = profiles.filter { $0.documents.contains { $0.quotation != true } }
        let inspected = profiles.filter { $0.value(InspectionProfile.kindIndicator).isStated }
        guard !inspected.isEmpty else { return nil }
        partnerships = profiles.count
        let judgementIds = indicators.ids.dropFirst(2)
        rows = judgementIds.compactMap { id -> Row? in
            var byGrade: [String: [String]] = [:]
            for profile in profiles { if case .term(let grade) = profile.value(id) { byGrade[grade, default: []].append(profile.partnership) } }
            guard !byGrade.isEmpty else { return nil }
            let order = indicators.lexicon.scale
            let graded = Set(byGrade.values.joined())
            let grades = byGrade.keys.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
                .map { Grade(id: $0, label: indicators.lexicon.label(grade: $0), proportion: Proportion(byGrade[$0]!.count, of: graded.count),
                             partnerships: byGrade[$0]!.sorted()) }
            let silent = profiles.map(\.partnership).filter { !graded.contains($0) }
            return Row(id: id, label: indicators.label(id), grades: grades, graded: graded.count, silent: silent.count, silentPartnerships: silent)
        }
        areas = inspected.map { profile in
            let date: String? = { if case .term(let date) = profile.value(InspectionProfile.dateIndicator) { return date }; return nil }()
            var judgements: [String: String] = [:]
            var sources: [String: Source] = [:]
            let documents = Dictionary(profile.documents.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
            for id in judgementIds {
                guard case .term(let grade) = profile.value(id) else { continue }
                let judgement = String(id.dropFirst(InspectionProfile.indicatorPrefix.count))
                judgements[judgement] = grade
                if let line = profile.indicators[id]?.evidence.first {
                    let document = documents[line.document]
                    sources[judgement] = Source(document: line.document, kind: document?.inspectionKind, date: document?.inspectionDate, page: line.page)
                }
            }
            return Area(partnership: profile.partnership, kind: profile.value(InspectionProfile.kindIndicator).description, date: date,
                        year: date.flatMap { Int($0.prefix(4)) }, document: profile.indicators[InspectionProfile.kindIndicator]?.evidence.first?.document,
                        judgements: judgements, sources: sources)
        }
    }
}
