import Foundation

/// The data of `lexicons/eras.yml`: the editions of the statutory guidance a document can be
/// written against, when each began, the windows in which a document's own words may move it to
/// the neighbouring era, and the words (cues) that mark each era.
public struct EraRules: Sendable {
    public struct Era: Sendable, Hashable {
        /// "lscb", "wt2018", "wt2023".
        public var name: String
        /// The built-in scheme its documents are coded against (`--scheme auto`).
        public var scheme: String
        /// The first day of the era, "2018-07-04".
        public var from: String
        public var guidance: String
    }

    public struct Transition: Sendable, Hashable {
        public var from: String
        public var to: String
        public var eras: [String]
    }

    public struct Cue: Sendable {
        public var phrase: PhraseList
        public var source: String
        public var weight: Double
    }

    /// In order of date.
    public var eras: [Era]
    public var transitions: [Transition]
    /// How far the winning era's cue score must lead.
    public var margin: Double
    /// How many times over a cue in the title or byline counts.
    public var headFactor: Double
    public var cues: [String: [Cue]]

    public init(contentsOf url: URL) throws(LexiconError) {
        try self.init(yaml: DataFiles.read(url), path: url.path)
    }

    public init(yaml: String, path: String = "eras.yml") throws(LexiconError) {
        let file = try DataFiles.decode(File.self, from: yaml, path: path)
        eras = file.eras.map { Era(name: $0.era, scheme: $0.scheme, from: $0.from, guidance: $0.guidance ?? "") }
            .sorted { $0.from < $1.from }
        guard !eras.isEmpty else { throw .malformed(path: path, line: nil, cause: "eras is empty; list each era with its `from` date") }
        for era in eras where EraDate.day(era.from) == nil {
            throw .malformed(path: path, line: nil, cause: "era \(era.name): `from` must be a date such as 2018-07-04, not '\(era.from)'")
        }
        let names = Set(eras.map(\.name))
        transitions = try (file.transition ?? []).map { entry throws(LexiconError) in
            for name in entry.eras where !names.contains(name) {
                throw .malformed(path: path, line: nil, cause: "transition \(entry.from)–\(entry.to): unknown era '\(name)'")
            }
            return Transition(from: entry.from, to: entry.to, eras: entry.eras)
        }
        margin = file.margin ?? 2
        headFactor = file.head_factor ?? 2
        var cues: [String: [Cue]] = [:]
        for (era, entries) in file.cues ?? [:] {
            guard names.contains(era) else {
                throw .malformed(path: path, line: nil, cause: "cues: unknown era '\(era)'; the eras are " + eras.map(\.name).joined(separator: ", "))
            }
            cues[era] = entries.flatMap { entry in
                entry.map { Cue(phrase: PhraseList([$0.key]), source: $0.key, weight: $0.value) }
            }
        }
        self.cues = cues
    }

    /// The era of a name, if the file defines it.
    public func era(named name: String) -> Era? { eras.first { $0.name == name } }

    private struct File: Decodable {
        struct EraEntry: Decodable {
            var era: String
            var scheme: String
            var from: String
            var guidance: String?
        }

        struct TransitionEntry: Decodable {
            var from: String
            var to: String
            var eras: [String]
        }

        var eras: [EraEntry]
        var transition: [TransitionEntry]?
        var margin: Double?
        var head_factor: Double?
        var cues: [String: [[String: Double]]]?
    }
}

/// Dates as the metadata gives them ("2022", "2022-05", "2022-05-17") made comparable as days.
enum EraDate {
    /// "YYYY-MM-DD"; a month stands for its 15th day, a year alone for 1 July.
    static func day(_ date: String) -> String? {
        let parts = date.trimmingCharacters(in: .whitespaces).split(separator: "-").map(String.init)
        guard let year = parts.first, year.count == 4, year.allSatisfy(\.isNumber) else { return nil }
        guard parts.count > 1 else { return year + "-07-01" }
        let month = parts[1]
        guard month.count == 2, month.allSatisfy(\.isNumber), let value = Int(month), (1...12).contains(value) else { return nil }
        guard parts.count > 2 else { return year + "-" + month + "-15" }
        let day = parts[2]
        guard day.count == 2, day.allSatisfy(\.isNumber) else { return nil }
        return year + "-" + month + "-" + day
    }
}

public extension LexiconDirectory {
    func eraRules() throws(LexiconError) -> EraRules {
        try EraRules(contentsOf: requiredFile("eras.yml"))
    }
}
