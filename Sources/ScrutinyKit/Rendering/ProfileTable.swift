/// Partnership profiles as a table a person reads (indicators down, partnerships across, then the
/// sentence behind each value) or as CSV in the hand coding's format
/// (`partnership,indicator,value,document,evidence`), so that the two can be compared directly,
/// and the evidence's `page` after them (a national team traces each value to its page: session
/// 40's audit; the hand coding has no page, and its reader asks only for its own columns).
public enum ProfileTable {
    public static let csvHeader = PartnershipProfile.csvColumns + ["page"]

    public static func csv(_ profiles: [PartnershipProfile], lexicon: ArrangementLexicon) -> String {
        CSVWriter.render(header: csvHeader, rows: profiles.flatMap { profile in
            ids(profiles, lexicon: lexicon).map { id -> [String] in
                let result = profile.indicators[id] ?? IndicatorResult(value: .notStated)
                let evidence = result.value.isStated ? result.deciding.first : nil
                return [profile.partnership, id, result.value.description, evidence?.document ?? "", evidence.map { cells($0.text) } ?? "",
                        evidence?.page.map(String.init) ?? ""]
            }
        })
    }

    /// For a person: indicators by label ("Independent chair", "Overall effectiveness"), inspection
    /// grades and kinds by label; the ids are in the CSV and JSON.
    public static func markdown(_ profiles: [PartnershipProfile], lexicon: ArrangementLexicon,
                                inspections: InspectionLexicon? = nil) -> String {
        let header = ["indicator"] + profiles.map(\.partnership)
        let ids = ids(profiles, lexicon: lexicon)
        let names = inspections.map(InspectionIndicators.init(lexicon:))
        func label(_ id: String) -> String {
            if let indicator = lexicon.indicator(id) { return indicator.label }
            if id.hasPrefix(InspectionProfile.indicatorPrefix), let names { return names.label(id) }
            return id
        }
        func shown(_ id: String, _ value: IndicatorValue) -> String {
            if id.hasPrefix(InspectionProfile.indicatorPrefix), let names, value.isStated { return names.label(value: value) }
            return symbol(value)
        }
        let rows = ids.map { id in [label(id)] + profiles.map { shown(id, $0.value(id)) } }
        var output = MarkdownTable.render(header: header, rows: rows)
        output += "\nyes / no as the documents state it; · where they are silent; a number for counts.\n"
        for profile in profiles {
            output += "\n## \(profile.partnership)\n\nDocuments: \(profile.documents.map(describe).joined(separator: "; "))\n\n"
            let evidenceRows = ids.compactMap { id -> [String]? in
                guard let result = profile.indicators[id], result.value.isStated,
                      let evidence = result.deciding.first else { return nil }
                return [label(id), shown(id, result.value), evidence.document, excerpt(evidence.text)]
            }
            output += evidenceRows.isEmpty ? "No indicator is stated.\n"
                : MarkdownTable.render(header: ["indicator", "value", "document", "evidence"], rows: evidenceRows)
        }
        return output
    }

    /// The profiles with every indicator the CSV gives them: an inspection indicator another
    /// partnership of the run states is `not_stated` here too, so that JSON and CSV hold the same
    /// cells and every partnership the same keys (session 39's audit: 293 cells of the CSV were
    /// missing from the JSON of the 48 real documents).
    public static func complete(_ profiles: [PartnershipProfile], lexicon: ArrangementLexicon) -> [PartnershipProfile] {
        let all = ids(profiles, lexicon: lexicon)
        return profiles.map { profile in
            var profile = profile
            for id in all where profile.indicators[id] == nil { profile.indicators[id] = IndicatorResult(value: .notStated) }
            return profile
        }
    }

    /// The lexicon's indicators, then the inspection indicators any profile states (kind, date, then
    /// the judgements in order of name).
    static func ids(_ profiles: [PartnershipProfile], lexicon: ArrangementLexicon) -> [String] {
        let inspection = Set(profiles.flatMap { profile in
            profile.indicators.filter { $0.key.hasPrefix(InspectionProfile.indicatorPrefix) && $0.value.value.isStated }.map(\.key)
        })
        let first = [InspectionProfile.kindIndicator, InspectionProfile.dateIndicator]
        return lexicon.indicators.map(\.id) + first.filter(inspection.contains) + inspection.subtracting(first).sorted()
    }

    /// "calderwick-jtai-letter-2022.txt (jtai-letter, 2022-06, era wt2018)".
    static func describe(_ document: DocumentSummary) -> String {
        let details = [document.documentType?.rawValue, document.date, document.era.map { "era " + $0 }].compactMap { $0 }
        return TerminalText.escaped(document.file) + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
    }

    static func symbol(_ value: IndicatorValue) -> String {
        value == .notStated ? "·" : value.description
    }

    static func excerpt(_ text: String, limit: Int = 120) -> String {
        let text = cells(text)
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A table row's text (cells between tabs, as the readers keep it) with its cells between
    /// bars, empty ones left out, as `extract` shows rows: "2.1 Adoption performance | Good", not
    /// "\t\t2.1 Adoption performance\tGood" (whose opening tab drew CSV's formula guard).
    static func cells(_ text: String) -> String {
        guard text.contains("\t") else { return text }
        return text.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " | ")
    }
}
