/// One item a document asks for, finds lacking, commends, or puts to a committee.
public struct Recommendation: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case recommendation
        case areaForImprovement = "area_for_improvement"
        case strength
        case procedural

        /// A kind as people write it: "area_for_improvement", "Area for improvement",
        /// "area-for-improvement" (a hand coding from a spreadsheet, an option typed by hand).
        public init?(spelled text: some StringProtocol) {
            self.init(rawValue: String(text).trimmingCharacters(in: .whitespaces).nameKey(joiningWordsWith: "_"))
        }
    }

    /// Where in the document an item stands: an entry of a list that announces items, a prose
    /// sentence that asks for action, or a judgement in the running text (`--narrative`).
    public enum Form: String, Hashable, Sendable, Codable, CaseIterable {
        case listed, explicit, narrative
    }

    /// How strongly a recommendation is put: must, should or could.
    public enum Strength: String, Hashable, Sendable, Codable, CaseIterable {
        case must, should, could
    }

    /// Where in the document the item stands; merged duplicates keep every location.
    public struct Location: Hashable, Sendable, Codable {
        public var section: String
        @NullEncoded public var page: Int?
        /// The item's text range in the document's normalised text, in Unicode scalars.
        public var range: TextRange

        public init(section: String, page: Int?, range: TextRange) {
            self.section = section
            self.page = page
            self.range = range
        }
    }

    /// Stable: the first 12 hex digits of the document's word key and the item's ordinal.
    public var id: String
    /// The file name of the document, without folders.
    public var document: String
    @NullEncoded public var partnership: String?
    /// The document's type ("jtai-letter", "scrutiny-report", …) and date, as its metadata says.
    @NullEncoded public var documentType: String?
    @NullEncoded public var date: String?
    /// The edition of the guidance the document was written against ("wt2018", "wt2023", "lscb").
    @NullEncoded public var era: String?
    public var kind: Kind
    public var form: Form
    /// The whole item, joined across lines, marker and number removed.
    public var text: String
    /// The path of headings above the item, joined with " › ".
    public var section: String
    @NullEncoded public var page: Int?
    @NullEncoded public var strength: Strength?
    /// Who is asked to act, where the text says.
    @NullEncoded public var actor: String?
    /// The phrase that made a prose sentence an item, or the heading or lead-in that made a list one.
    public var cue: String
    public var locations: [Location]

    public init(id: String, document: String, partnership: String? = nil, documentType: String? = nil, date: String? = nil,
                era: String? = nil, kind: Kind, form: Form = .explicit, text: String,
                section: String, page: Int? = nil, strength: Strength? = nil, actor: String? = nil, cue: String, locations: [Location]) {
        self.id = id
        self.document = document
        self.partnership = partnership
        self.documentType = documentType
        self.date = date
        self.era = era
        self.kind = kind
        self.form = form
        self.text = text
        self.section = section
        self.page = page
        self.strength = strength
        self.actor = actor
        self.cue = cue
        self.locations = locations
    }
}

public extension Recommendation {
    /// Gives the item its document's partnership, type, date and era, as `metadata` says.
    mutating func describe(_ metadata: Metadata) {
        partnership = metadata.partnership
        documentType = metadata.documentType?.rawValue
        date = metadata.date
        era = metadata.era
    }
}
