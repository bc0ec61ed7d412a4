import Foundation

/// Profiles compared with a hand coding of arrangements (`partnership,indicator,value,document,evidence`,
/// the format of `corpus/arrangements.csv`): value agreement over every coded cell.
public struct ProfileEvaluation: Sendable, Codable {
    /// One coded cell and what the tool found for it.
    public struct Cell: Sendable, Codable, Hashable {
        public var partnership: String
        public var indicator: String
        public var expected: IndicatorValue
        public var found: IndicatorValue
        /// The hand coder's evidence fragment.
        public var evidence: String
        public var agrees: Bool { expected == found }
    }

    public var cells: [Cell]
    /// Partnerships coded by hand but not among the profiles.
    public var missingPartnerships: [String]

    public var agreeing: Int { cells.filter(\.agrees).count }
    public var accuracy: Double { cells.isEmpty ? 0 : Double(agreeing) / Double(cells.count) }
    public var disagreements: [Cell] { cells.filter { !$0.agrees } }

    /// Fewest partnerships drawn as partnerships for ``accuracyInterval(resamples:seed:)``; with
    /// fewer, cells are drawn.
    public static let minimumPartnerships = 10

    /// The 95% interval of ``accuracy``, by the percentile bootstrap (``Bootstrap``): the
    /// partnerships drawn again with replacement, since one partnership's documents decide all of
    /// its cells together (cells where there are fewer than ``minimumPartnerships``), never
    /// narrower than the Wilson interval of the cells. Nil with no cells.
    public func accuracyInterval(resamples: Int = EvaluationIntervals.standardResamples, seed: UInt64 = 2022) -> EvaluationIntervals.Interval? {
        let partnerships = Set(cells.map(\.partnership))
        let drawing = partnerships.count >= Self.minimumPartnerships ? partnerships.sorted() : []
        let rows = cells.map { [1, $0.agrees ? 1 : 0] as Bootstrap.Row }
        var generator = SplitMix64(seed: seed)
        return Bootstrap.intervals(of: [.share(1, of: 0)], clusters: Bootstrap.clusters(rows, by: cells.map(\.partnership), drawing: drawing),
                                   resamples: max(1, resamples), generator: &generator)[0]
    }

    /// Of the values the coding states (yes, no, a count), the share the profiles give alike
    /// (recall); of the values the profiles state, the share the coding gives alike (precision);
    /// and what answering `not_stated` everywhere would score: most cells are silent on both sides,
    /// so the cells' accuracy alone flatters (session 37's second audit).
    public struct StatedFigures: Sendable, Equatable {
        public var coded: Int
        public var codedFound: Int
        public var stated: Int
        public var statedAgreeing: Int
        public var silentBaseline: Double
        public var recall: EvaluationIntervals.Interval?
        public var precision: EvaluationIntervals.Interval?
    }

    /// ``StatedFigures``, the intervals drawn as ``accuracyInterval(resamples:seed:)`` draws.
    public func statedFigures(resamples: Int = EvaluationIntervals.standardResamples, seed: UInt64 = 2022) -> StatedFigures {
        let rows = cells.map { cell -> Bootstrap.Row in
            let (coded, stated) = (cell.expected.isStated, cell.found.isStated)
            return [coded ? 1 : 0, coded && cell.agrees ? 1 : 0, stated ? 1 : 0, stated && cell.agrees ? 1 : 0]
        }
        let partnerships = Set(cells.map(\.partnership))
        let drawing = partnerships.count >= Self.minimumPartnerships ? partnerships.sorted() : []
        var generator = SplitMix64(seed: seed)
        let intervals = Bootstrap.intervals(of: [.share(1, of: 0), .share(3, of: 2)],
                                            clusters: Bootstrap.clusters(rows, by: cells.map(\.partnership), drawing: drawing),
                                            resamples: max(1, resamples), generator: &generator)
        let total = Bootstrap.total(rows, width: 4)
        return StatedFigures(coded: Int(total[0]), codedFound: Int(total[1]), stated: Int(total[2]), statedAgreeing: Int(total[3]),
                             silentBaseline: cells.isEmpty ? 0 : Double(cells.count - Int(total[0])) / Double(cells.count),
                             recall: intervals[0], precision: intervals[1])
    }

    public enum LoadError: LocalizedError, Equatable {
        case unreadable(path: String, cause: String)
        case missingColumns(path: String, missing: [String])

        public var errorDescription: String? {
            switch self {
            case .unreadable(let path, let cause): return "cannot read \(StandardInput.describe(path)): \(cause)"
            case .missingColumns(let path, let missing):
                return "cannot use \(path): it lacks the column(s) \(missing.joined(separator: ", ")); "
                    + "the header must be partnership,indicator,value,document,evidence"
            }
        }
    }

    /// The hand coding as rows: partnership, indicator, value, evidence.
    public static func loadCoding(path: String) throws(LoadError) -> [(partnership: String, indicator: String, value: IndicatorValue, evidence: String)] {
        // `-` is standard input here too (it was read as a file named "-").
        let data: Data
        do { data = try StandardInput.contents(atPath: path) } catch { throw .unreadable(path: path, cause: error.cause) }
        let (header, records) = CSVReader.records(TextDecoding.decode([UInt8](data))?.text ?? String(decoding: data, as: UTF8.self))
        let missing = ["partnership", "indicator", "value"].filter { !header.contains($0) }
        guard missing.isEmpty else { throw .missingColumns(path: path, missing: missing) }
        return records.map { ($0["partnership"] ?? "", $0["indicator"] ?? "", IndicatorValue(parsing: $0["value"] ?? ""), $0["evidence"] ?? "") }
    }

    public init(profiles: [PartnershipProfile], coding: [(partnership: String, indicator: String, value: IndicatorValue, evidence: String)]) {
        let byName = Dictionary(profiles.map { ($0.partnership, $0) }, uniquingKeysWith: { first, _ in first })
        cells = coding.map { row in
            Cell(partnership: row.partnership, indicator: row.indicator, expected: row.value,
                 found: byName[row.partnership]?.value(row.indicator) ?? .notStated, evidence: row.evidence)
        }
        missingPartnerships = Array(Set(coding.map(\.partnership)).subtracting(byName.keys)).sorted()
    }
}
