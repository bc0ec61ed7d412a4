import Foundation

/// A folder of hand-coded profiles (Tests/Gold/profiles): `indicators.csv` (only stated values have
/// a row; an absent partnership × indicator pair is `not_stated`) and `heldout.txt` (the
/// partnerships held back from tuning). Each partnership is profiled from the documents its rows
/// name, and from a document that quotes many partnerships only the passages that quote it.
public struct ProfileGold: Sendable {
    public struct Row: Sendable, Hashable {
        public var partnership: String
        public var indicator: String
        public var value: IndicatorValue
        public var document: String
        public var evidence: String
    }

    public var rows: [Row]
    public var heldOut: Set<String>

    public var partnerships: [String] { Array(Set(rows.map(\.partnership))).sorted() }

    /// `path` is a folder with `indicators.csv` (and optionally `heldout.txt`), or a CSV alone.
    public init(path: String) throws(ProfileEvaluation.LoadError) {
        var isFolder: ObjCBool = false
        // `-` is standard input (session 43's re-audit: it was looked for as a file named "-").
        let folder = path != StandardInput.path && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        let csv = folder ? (path as NSString).appendingPathComponent("indicators.csv") : path
        let data: Data
        do { data = try StandardInput.contents(atPath: csv) } catch { throw .unreadable(path: csv, cause: error.cause) }
        let (header, records) = CSVReader.records(TextDecoding.decode([UInt8](data))?.text ?? String(decoding: data, as: UTF8.self))
        let missing = PartnershipProfile.csvColumns.filter { !header.contains($0) }
        guard missing.isEmpty else { throw .missingColumns(path: csv, missing: missing) }
        rows = records.map {
            Row(partnership: $0["partnership"] ?? "", indicator: $0["indicator"] ?? "", value: IndicatorValue(parsing: $0["value"] ?? ""),
                document: $0["document"] ?? "", evidence: $0["evidence"] ?? "")
        }
        let list = folder ? (path as NSString).appendingPathComponent("heldout.txt") : ""
        let text = FileManager.default.contents(atPath: list).map { String(decoding: $0, as: UTF8.self) } ?? ""
        heldOut = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// The gold partnerships' profiles, each from the documents its rows name (quoted passages
    /// only, where a document quotes many partnerships). A partnership none of whose documents was
    /// read has no profile: it is not measured (``unread(_:)``), rather than counted as stating nothing.
    public func profiles(documents: [Document], profiler: ArrangementProfiler, quotes: QuotedPartnerships?) -> [PartnershipProfile] {
        let byName = Dictionary(documents.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var split: [String: [String: QuotedPartnerships.Quoted]] = [:]
        return partnerships.compactMap { partnership in
            let files = Set(rows.filter { $0.partnership == partnership }.map(\.document)).sorted()
            var extra: [(indicator: String, evidence: IndicatorEvidence)] = []
            let chosen = files.compactMap { file -> Document? in
                guard let document = byName[file] else { return nil }
                if let quotes {
                    if split[file] == nil { split[file] = quotes.split(document) }
                    if let quoted = split[file]![partnership] {
                        extra += quoted.sectionEvidence
                        return quoted.document
                    }
                }
                return document
            }
            return chosen.isEmpty ? nil : profiler.profile(of: partnership, documents: chosen, extra: extra)
        }
    }

    /// The coded partnerships without a profile: none of the documents their rows name was read.
    public func unread(_ profiles: [PartnershipProfile]) -> [String] {
        let profiled = Set(profiles.map(\.partnership))
        return partnerships.filter { !profiled.contains($0) }
    }

    /// The lexicon's indicators of the groups the coding has rows for (who, how, what): the cells the
    /// coding speaks to.
    public func indicators(of lexicon: ArrangementLexicon) -> [String] {
        let groups = Set(rows.map { String($0.indicator.prefix { $0 != "." }) })
        return lexicon.indicators.filter { groups.contains($0.group) }.map(\.id)
    }

    /// Every partnership × indicator cell of the given partnerships: stated ones from the rows,
    /// the rest `not_stated`.
    public func coding(of partnerships: Set<String>, indicators: [String]) -> [(partnership: String, indicator: String, value: IndicatorValue, evidence: String)] {
        let stated = Dictionary(rows.map { ("\($0.partnership)\u{1F}\($0.indicator)", $0) }, uniquingKeysWith: { first, _ in first })
        return partnerships.sorted().flatMap { partnership in
            indicators.map { indicator in
                let row = stated["\(partnership)\u{1F}\(indicator)"]
                return (partnership, indicator, row?.value ?? .notStated, row?.evidence ?? "")
            }
        }
    }

    /// The held-back partnerships' evaluation and the rest's, over the partnerships profiled.
    public func evaluate(_ profiles: [PartnershipProfile], indicators: [String]) -> (heldOut: ProfileEvaluation, rest: ProfileEvaluation) {
        let all = Set(partnerships).intersection(profiles.map(\.partnership))
        return (ProfileEvaluation(profiles: profiles, coding: coding(of: all.intersection(heldOut), indicators: indicators)),
                ProfileEvaluation(profiles: profiles, coding: coding(of: all.subtracting(heldOut), indicators: indicators)))
    }
}
