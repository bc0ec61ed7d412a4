/// Per indicator, the survey's figure: n partnerships saying yes, of N whose documents address
/// it, and how many are silent. A count indicator (how many scrutineers) gives n partnerships
/// stating a number, of N that employ scrutineers, and a distribution like the survey's figure 3.
public struct IndicatorTable: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var id: String
        public var group: String
        public var label: String
        public var kind: IndicatorDefinition.Kind
        /// n (yes, or a number stated) of N (partnerships whose documents address it).
        public var proportion: Proportion
        /// Partnerships whose documents do not address it.
        public var silent: Int
        /// Which partnerships N and `silent` are of, in words: all those whose documents address it,
        /// or for a count those that employ scrutineers (the indicator it requires), so that a
        /// reader of the long CSV does not take two bases for one.
        public var base: String
        public var yes: [String]
        public var no: [String]
        public var silentPartnerships: [String]
        /// The sentence that decided each partnership's value, yes first.
        public var evidence: [SurveyEvidence]
    }

    /// How many partnerships state each number ("one", "two", "three", "four or more").
    public struct Distribution: Hashable, Sendable, Codable {
        public struct Bucket: Hashable, Sendable, Codable {
            public var label: String
            /// The number the label says, as a number ("two": 2); the last bucket's is its least
            /// ("four or more": 4).
            public var value: Int
            /// Partnerships stating this number, of those stating any.
            public var proportion: Proportion
            public var partnerships: [String]
        }

        public var id: String
        public var label: String
        public var buckets: [Bucket]
    }

    public var partnerships: Int
    public var rows: [Row]
    public var distributions: [Distribution]

    public init(profiles: [PartnershipProfile], lexicon: ArrangementLexicon) {
        partnerships = profiles.count
        let wording = lexicon.tableWording
        let yesOnly = Set(lexicon.groups.filter { $0.negationGives == .notStated }.map(\.id))
        rows = lexicon.indicators.map { Self.row($0, profiles: profiles, wording: wording, yesOnly: yesOnly.contains($0.group) && $0.no.isEmpty) }
        distributions = lexicon.indicators.filter { $0.kind == .count }.map { Self.distribution($0, profiles: profiles, buckets: wording.countBuckets) }
    }

    public func row(_ id: String) -> Row? { rows.first { $0.id == id } }
}

public extension IndicatorTable.Distribution {
    /// How many partnerships state a number at all.
    var stated: Int { buckets.first?.proportion.of ?? 0 }
}

private extension IndicatorTable {
    /// `yesOnly`: no document can answer `no`, so N is every partnership read.
    static func row(_ indicator: IndicatorDefinition, profiles: [PartnershipProfile], wording: ArrangementLexicon.IndicatorTableWording,
                    yesOnly: Bool) -> Row {
        var yes: [String] = []
        var no: [String] = []
        var silent: [String] = []
        var evidence: [SurveyEvidence] = []
        for profile in profiles {
            let result = profile.indicators[indicator.id] ?? IndicatorResult(value: .notStated)
            switch result.value {
            case .yes, .count, .term: yes.append(profile.partnership)
            case .no: no.append(profile.partnership)
            case .notStated: silent.append(profile.partnership)
            }
            if let deciding = result.value.isStated ? result.deciding.first : nil {
                evidence.append(SurveyEvidence(partnership: profile.partnership, document: deciding.document, text: deciding.text,
                                               note: deciding.value.description, section: deciding.section, page: deciding.page))
            }
        }
        evidence.sort { ($0.note == "no" ? 1 : 0, $0.partnership) < ($1.note == "no" ? 1 : 0, $1.partnership) }
        var proportion = Proportion(yes.count, of: yes.count + no.count)
        var base = wording.addressedBase
        if yesOnly, indicator.kind == .flag {
            proportion = Proportion(yes.count, of: profiles.count)
            base = wording.namedBase
        }
        if indicator.kind == .count {
            // Of the partnerships that employ scrutineers (or, with no such base, of all that state a
            // number); the silent ones are those of the base that state none.
            if let required = indicator.requires {
                let employing = Set(profiles.filter { $0.value(required) == .yes }.map(\.partnership))
                silent = silent.filter(employing.contains)
                proportion = Proportion(yes.count, of: yes.count + silent.count, isRate: false)
                base = wording.requiredBase.replacing("{indicator}", with: required)
            } else {
                silent = []
                proportion = Proportion(yes.count, of: yes.count, isRate: false)
                base = wording.statedBase
            }
        }
        return Row(id: indicator.id, group: indicator.group, label: indicator.label, kind: indicator.kind, proportion: proportion,
                   silent: silent.count, base: base, yes: yes, no: no, silentPartnerships: silent, evidence: evidence)
    }

    /// The partnerships stating each number: one bucket a label, the last holding its number and more.
    static func distribution(_ indicator: IndicatorDefinition, profiles: [PartnershipProfile], buckets labels: [String]) -> Distribution {
        var stated: [(partnership: String, number: Int)] = []
        for profile in profiles {
            if case .count(let number) = profile.value(indicator.id) { stated.append((profile.partnership, number)) }
        }
        let last = labels.count
        let buckets = (1...last).map { bucket in
            let members = stated.filter { bucket == last ? $0.number >= last : $0.number == bucket }.map(\.partnership)
            return Distribution.Bucket(label: labels[bucket - 1], value: bucket, proportion: Proportion(members.count, of: stated.count),
                                       partnerships: members)
        }
        return Distribution(id: indicator.id, label: indicator.label, buckets: buckets)
    }
}
