import Foundation

/// The cues of `lexicons/documents.yml`: how a document's partnership, type, date and authors are
/// recognised in its text.
public struct MetadataRules: Sendable {
    /// How much each kind of mention of a partnership counts (`partnership.weights`); the
    /// partnership most counted is the document's.
    public struct Weights: Sendable, Hashable {
        /// Its name ("Barnsley Safeguarding Children Partnership").
        public var name = 3
        /// Its acronym ("BSCP").
        public var acronym = 2
        /// Its council's name.
        public var council = 1
        /// How many times over a mention in the title or byline counts.
        public var head = 3
        /// An area named at the end of a title ("… inspection of … in Calderwick").
        public var areaTitle = 6
        /// An area named after a phrase such as "the Independent Scrutineer for".
        public var areaAfter = 3
    }

    public var partnershipNames: [CuePattern]
    public var councils: [CuePattern]
    public var acronymEndings: [String]
    public var areaTitles: PhraseList
    public var areaAfter: [CuePattern]
    public var notNames: Set<String>
    public var weights: Weights
    /// The document types there are (`types`), in the order reports list them.
    public var types: DocumentTypes
    /// In order: the first type whose cues match wins.
    /// `citedByline`: a byline of two or more authors written as a citation's ("Pearce, J.,
    /// Stratton, I. and Thorpe, A.") is the type's cue too, as research is cited.
    public var documentTypes: [(type: DocumentType, head: PhraseList, body: PhraseList, citedByline: Bool)]
    public var titleLabels: PhraseList
    /// Labels of a document's own date anywhere in it ("Date of Meeting 21 September 2022").
    public var dateLabels: PhraseList = PhraseList([])
    /// Words of a sentence about what is still to come ("to be rolled out from February 2018"):
    /// its date is not the document's.
    public var futureCues: PhraseList = PhraseList([])
    public var titleCues: PhraseList
    public var notTitles: PhraseList
    public var authorLabels: PhraseList
    public var authorRoles: PhraseList
    public var signOff: PhraseList
    /// Words after which a sentence names the authors ("Her Majesty’s Inspectors for this visit were …").
    public var authorIntroductions: PhraseList = PhraseList([])
    /// Roles that make "Name, Role" an author wherever it stands (an inspection team's list).
    public var teamRoles: PhraseList = PhraseList([])
    public var honorifics: Set<String>
    public var notPersonWords: Set<String>
    /// The cues of `inspections.yml`, where the lexicons folder has it: an inspection document's
    /// area and kind take precedence over the cues above.
    public var inspections: InspectionLexicon?

    public init(contentsOf url: URL) throws(LexiconError) {
        try self.init(yaml: DataFiles.read(url), path: url.path)
    }

    public init(yaml: String, path: String = "documents.yml") throws(LexiconError) {
        let file = try DataFiles.decode(File.self, from: yaml, path: path)
        // Longest first, so that "local safeguarding children partnership" wins over its tail.
        func patterns(_ sources: [String]?) -> [CuePattern] {
            (sources ?? []).compactMap { CuePattern($0, gap: 0) }.sorted { $0.source.count > $1.source.count }
        }
        partnershipNames = patterns(file.partnership.names)
        guard !partnershipNames.isEmpty else {
            throw .malformed(path: path, line: nil, cause: "partnership.names is empty; list what follows a partnership's name")
        }
        councils = patterns(file.partnership.councils)
        acronymEndings = file.partnership.acronym_endings ?? []
        areaTitles = PhraseList(file.partnership.area_titles ?? [])
        areaAfter = patterns(file.partnership.area_after)
        notNames = Set((file.partnership.not_names ?? []).map { $0.lowercased() })
        var weights = Weights()
        if let given = file.partnership.weights {
            try DataFiles.requireKnownKeys(given.keys, known: ["name", "acronym", "council", "head", "area_title", "area_after"],
                                           under: ["partnership", "weights"], file: path, yaml: yaml)
            weights.name = given["name"] ?? weights.name
            weights.acronym = given["acronym"] ?? weights.acronym
            weights.council = given["council"] ?? weights.council
            weights.head = given["head"] ?? weights.head
            weights.areaTitle = given["area_title"] ?? weights.areaTitle
            weights.areaAfter = given["area_after"] ?? weights.areaAfter
        }
        self.weights = weights
        types = try DocumentTypes(file: file.types, path: path)
        var rules: [(DocumentType, PhraseList, PhraseList, Bool)] = []
        for entry in file.document_types {
            let type = try types.type(entry.type, in: path, at: "document_types")
            rules.append((type, PhraseList(entry.head ?? []), PhraseList(entry.body ?? []), entry.cited_byline ?? false))
        }
        documentTypes = rules
        titleLabels = PhraseList(file.titles?.labels ?? [])
        dateLabels = PhraseList(file.dates?.labels ?? [])
        futureCues = PhraseList(file.dates?.future ?? [])
        titleCues = PhraseList(file.titles?.cues ?? [])
        notTitles = PhraseList(file.titles?.not_titles ?? [])
        authorLabels = PhraseList(file.authors?.labels ?? [])
        authorRoles = PhraseList(file.authors?.roles ?? [])
        signOff = PhraseList(file.authors?.sign_off ?? [])
        authorIntroductions = PhraseList(file.authors?.introductions ?? [])
        teamRoles = PhraseList(file.authors?.team_roles ?? [])
        honorifics = Set((file.authors?.honorifics ?? []).map { $0.lowercased() })
        notPersonWords = Set((file.authors?.not_names ?? []).map { $0.lowercased() })
    }

    private struct File: Decodable {
        struct Partnership: Decodable {
            var names: [String]
            var councils: [String]?
            var acronym_endings: [String]?
            var area_titles: [String]?
            var area_after: [String]?
            var not_names: [String]?
            var weights: [String: Int]?
        }

        struct TypeRule: Decodable {
            var type: String
            var head: [String]?
            var body: [String]?
            var cited_byline: Bool?
        }

        struct Authors: Decodable {
            var labels: [String]?
            var roles: [String]?
            var sign_off: [String]?
            var introductions: [String]?
            var team_roles: [String]?
            var honorifics: [String]?
            var not_names: [String]?
        }

        struct Dates: Decodable {
            var labels: [String]?
            var future: [String]?
        }

        struct Titles: Decodable {
            var labels: [String]?
            var cues: [String]?
            var not_titles: [String]?
        }

        var partnership: Partnership
        var types: [DocumentTypes.FileEntry]?
        var document_types: [TypeRule]
        var titles: Titles?
        var dates: Dates?
        var authors: Authors?
    }
}

public extension LexiconDirectory {
    func metadataRules() throws(LexiconError) -> MetadataRules {
        var rules = try MetadataRules(contentsOf: requiredFile("documents.yml"))
        rules.inspections = try inspectionLexicon(types: rules.types)
        return rules
    }
}
