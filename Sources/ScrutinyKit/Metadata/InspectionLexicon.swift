import Foundation

/// The cues of `lexicons/inspections.yml`: how an inspection document's kind, area, fieldwork
/// date and judgements are read from its text.
public struct InspectionLexicon: Sendable, Hashable {
    public struct Kind: Sendable, Hashable {
        public var id: String
        public var label: String
        public var documentType: DocumentType?
        public var title: PhraseList
        public var body: PhraseList
        /// Whether the document's first line names the area when its title does not.
        public var firstLineArea: Bool
    }

    public struct Grade: Sendable, Hashable {
        public var id: String
        public var label: String
        public var cues: PhraseList
    }

    public struct Judgement: Sendable, Hashable {
        public var id: String
        public var label: String
        public var table: PhraseList
        public var statements: PhraseList
        public var outcomes: Bool
    }

    public var kinds: [Kind]
    public var areaBefore: PhraseList
    public var areaAfter: PhraseList
    public var areaTrailingLowercase: Set<String>
    public var areaBeforeDate: PhraseList
    public var notAreas: PhraseList
    public var partnershipPrefixes: PhraseList
    public var partnershipSuffixes: PhraseList
    public var dateLabels: PhraseList
    public var dateSentences: PhraseList
    public var dateEnds: PhraseList
    public var publishedLabels: PhraseList
    /// Labels of the year of publication on a report's back page ("© Crown copyright 2024").
    public var copyrightLabels: PhraseList
    public var tableEnds: PhraseList
    public var window: Int
    public var judgements: [Judgement]
    public var grades: [Grade]
    public var outcomeHeading: PhraseList
    public var outcomeGrades: [Grade]
    /// Grade ids from best to worst, as tables show them (`scale`; the order of `grades` and the
    /// outcomes' grades where the file has none, which is the order their cues are tried in).
    public var scale: [String]

    /// The label a reader sees for a judgement or grade id; the id itself when unknown.
    public func label(judgement id: String) -> String { judgements.first { $0.id == id }?.label ?? id }
    public func label(grade id: String) -> String {
        (grades + outcomeGrades).first { $0.id == id }?.label ?? id
    }
    public func label(kind id: String) -> String { kinds.first { $0.id == id }?.label ?? id }

    public init(contentsOf url: URL, types: DocumentTypes) throws(LexiconError) {
        try self.init(yaml: DataFiles.read(url), path: url.path, types: types)
    }

    /// `types`: the document types there are, which `kinds` may name.
    public init(yaml: String, path: String = "inspections.yml", types: DocumentTypes) throws(LexiconError) {
        let file = try DataFiles.decode(File.self, from: yaml, path: path)
        var kinds: [Kind] = []
        for entry in file.kinds {
            var type: DocumentType?
            if let name = entry.document_type { type = try types.type(name, in: path, at: "kinds") }
            kinds.append(Kind(id: entry.id, label: entry.label ?? entry.id, documentType: type,
                              title: PhraseList(entry.title ?? []), body: PhraseList(entry.body ?? []),
                              firstLineArea: entry.first_line_area ?? false))
        }
        guard !kinds.isEmpty else { throw .malformed(path: path, line: nil, cause: "kinds is empty") }
        self.kinds = kinds
        areaBefore = PhraseList(file.area.before)
        areaAfter = PhraseList(file.area.after)
        areaTrailingLowercase = Set(file.area.trailing_lowercase ?? [])
        areaBeforeDate = PhraseList(file.area.before_date ?? [])
        notAreas = PhraseList(file.area.not_areas ?? [])
        partnershipPrefixes = PhraseList(file.area.partnership_prefixes ?? [])
        partnershipSuffixes = PhraseList(file.area.partnership_suffixes ?? [])
        dateLabels = PhraseList(file.dates.labels)
        dateSentences = PhraseList(file.dates.sentences ?? [])
        dateEnds = PhraseList(file.dates.ends ?? [])
        publishedLabels = PhraseList(file.dates.published ?? [])
        copyrightLabels = PhraseList(file.dates.copyright ?? [])
        tableEnds = PhraseList(file.table_ends)
        window = file.window ?? 10
        func grades(_ entries: [File.GradeEntry]) -> [Grade] {
            entries.map { Grade(id: $0.id, label: $0.label ?? $0.id, cues: PhraseList($0.cues)) }
        }
        self.grades = grades(file.grades)
        outcomeHeading = PhraseList(file.outcomes?.heading ?? [])
        outcomeGrades = grades(file.outcomes?.grades ?? [])
        let known = (self.grades + outcomeGrades).map(\.id)
        if let unknown = (file.scale ?? []).first(where: { !known.contains($0) }) {
            throw .malformed(path: path, line: nil, cause: "scale names \(unknown), which is not a grade")
        }
        scale = (file.scale ?? []) + known.filter { !(file.scale ?? []).contains($0) }
        judgements = file.judgements.map {
            Judgement(id: $0.id, label: $0.label ?? $0.id, table: PhraseList($0.table ?? []),
                      statements: PhraseList($0.statements ?? []), outcomes: $0.outcomes ?? false)
        }
    }

    private struct File: Decodable {
        struct KindEntry: Decodable {
            var id: String
            var label: String?
            var document_type: String?
            var title: [String]?
            var body: [String]?
            var first_line_area: Bool?
        }
        struct Area: Decodable {
            var before: [String]
            var after: [String]
            var before_date: [String]?
            var trailing_lowercase: [String]?
            var not_areas: [String]?
            var partnership_prefixes: [String]?
            var partnership_suffixes: [String]?
        }
        struct Dates: Decodable {
            var labels: [String]
            var sentences: [String]?
            var ends: [String]?
            var published: [String]?
            var copyright: [String]?
        }
        struct JudgementEntry: Decodable {
            var id: String
            var label: String?
            var table: [String]?
            var statements: [String]?
            var outcomes: Bool?
        }
        struct GradeEntry: Decodable {
            var id: String
            var label: String?
            var cues: [String]
        }
        struct Outcomes: Decodable {
            var heading: [String]
            var grades: [GradeEntry]
        }
        var kinds: [KindEntry]
        var area: Area
        var dates: Dates
        var table_ends: [String]
        var window: Int?
        var judgements: [JudgementEntry]
        var grades: [GradeEntry]
        var outcomes: Outcomes?
        var scale: [String]?
    }
}

public extension LexiconDirectory {
    /// `inspections.yml`, or nil when the folder has none (an older lexicons folder).
    func inspectionLexicon(types: DocumentTypes) throws(LexiconError) -> InspectionLexicon? {
        let url = file("inspections.yml")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try InspectionLexicon(contentsOf: url, types: types)
    }
}
