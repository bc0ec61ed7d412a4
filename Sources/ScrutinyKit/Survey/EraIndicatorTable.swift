/// The arrangement indicators split by era, present where the partnerships' documents span more
/// than one era (`lexicons/eras.yml`): each partnership is profiled again from its documents of
/// each era alone, so a 2015 review of an LSCB's independent chair and lay members is not read as
/// a 2022 partnership's arrangements. Each cell is the survey's figure for that era: n saying yes,
/// of N whose documents of that era address it, and how many of the era's partnerships are silent.
public struct EraIndicatorTable: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var id: String
        public var group: String
        public var label: String
        public var kind: IndicatorDefinition.Kind
        /// Which partnerships N is of, in words, as ``IndicatorTable/Row/base`` (the same in every era).
        public var base: String
        /// One per era, in the order of `eras`.
        public var cells: [Cell]
    }

    public struct Cell: Hashable, Sendable, Codable {
        public var proportion: Proportion
        public var silent: Int
        /// The sentence of the era's documents that decided each stated partnership, yes first.
        public var evidence: [SurveyEvidence] = []
        public var silentPartnerships: [String] = []
        /// Of the N, those known only from another document's quotations in this era (the
        /// national survey's "LSCP 14"): a quotation is chosen to show what a partnership does.
        public var quoted = 0
    }

    /// The eras present, oldest first, then ``EraThemeTable/unknown`` where some documents' era is not known.
    public var eras: [String]
    /// Each era's partnerships: those with a document of that era.
    public var partnerships: [Int]
    /// Of each era's partnerships, those known only from another document's quotations: every
    /// document of theirs of that era quotes them.
    public var quotedPartnerships: [Int]
    public var rows: [Row]

    /// Nil unless the profiles' documents come from two known eras or more.
    /// `eraOrder`: as ``Survey/Options/eraOrder``.
    public init?(profiles: [PartnershipProfile], lexicon: ArrangementLexicon, eraOrder: [String] = []) {
        let present = Set(profiles.flatMap(\.documents).map(EraThemeTable.era(of:)))
        guard present.subtracting([EraThemeTable.unknown]).count > 1 else { return nil }
        eras = EraThemeTable.ordered(present, by: eraOrder)
        let profiler = ArrangementProfiler(lexicon: lexicon)
        let byEra = eras.map { era in profiles.compactMap { profiler.profile($0, keeping: { EraThemeTable.era(of: $0) == era }) } }
        let tables = byEra.map { IndicatorTable(profiles: $0, lexicon: lexicon) }
        let quoted = byEra.map { Set($0.filter { $0.documents.allSatisfy { $0.quotation == true } }.map(\.partnership)) }
        partnerships = tables.map(\.partnerships)
        quotedPartnerships = quoted.map(\.count)
        let bases = Dictionary(tables.flatMap(\.rows).map { ($0.id, $0.base) }, uniquingKeysWith: { first, _ in first })
        rows = lexicon.indicators.map { indicator in
            Row(id: indicator.id, group: indicator.group, label: indicator.label, kind: indicator.kind,
                base: bases[indicator.id] ?? lexicon.tableWording.addressedBase,
                cells: zip(tables, quoted).map { table, quoted in
                    guard let row = table.row(indicator.id) else { return Cell(proportion: Proportion(0, of: 0), silent: 0) }
                    // N's partnerships: those stating a number and those of the base stating none for
                    // a count, those saying yes or no otherwise (as the headline counts them).
                    // (Of every partnership for an indicator none can answer no.)
                    let counted = row.kind == .count || row.proportion.of == table.partnerships && row.no.isEmpty && row.base == lexicon.tableWording.namedBase
                        ? row.yes + row.silentPartnerships : row.yes + row.no
                    return Cell(proportion: row.proportion, silent: row.silent, evidence: row.evidence, silentPartnerships: row.silentPartnerships,
                                quoted: counted.filter(quoted.contains).count)
                })
        }
    }
}
