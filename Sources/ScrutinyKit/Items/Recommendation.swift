/// One item a document asks for, finds lacking, commends, or puts to a committee.
public struct Recommendation: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case recommendation
        case areaForImprovement = "area_for_improvement"
        case strength
        case procedural
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
        public var page: Int?
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
    public var partnership: String?
    /// The document's type ("jtai-letter", "scrutiny-report", …) and date, as its metadata says.
    public var documentType: String?
    public var date: String?
    /// The edition of the guidance the document was written against ("wt2018", "wt2023", "lscb").
    public var era: String?
    public var kind: Kind
    public var form: Form
    /// The whole item, joined across lines, marker and number removed.
    public var text: String
    /// The path of headings above the item, joined with " › ".
    public var section: String
    public var page: Int?
    public var strength: Strength?
    /// Who is asked to act, where the text says.
    public var actor: String?
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

/// Every key is written, an empty one as null: a script reading the rows into a data frame finds
/// each column even where no item has a value (a run of text files has no `page`; session 28's
/// user audit found `actor`, `strength` and `page` missing from the JSON rows).
extension Recommendation {
    enum CodingKeys: String, CodingKey {
        case id, document, partnership, documentType, date, era, kind, form, text, section, page, strength, actor, cue, locations
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(document, forKey: .document)
        try container.encode(partnership, forKey: .partnership)
        try container.encode(documentType, forKey: .documentType)
        try container.encode(date, forKey: .date)
        try container.encode(era, forKey: .era)
        try container.encode(kind, forKey: .kind)
        try container.encode(form, forKey: .form)
        try container.encode(text, forKey: .text)
        try container.encode(section, forKey: .section)
        try container.encode(page, forKey: .page)
        try container.encode(strength, forKey: .strength)
        try container.encode(actor, forKey: .actor)
        try container.encode(cue, forKey: .cue)
        try container.encode(locations, forKey: .locations)
    }
}

extension Recommendation.Location {
    enum CodingKeys: String, CodingKey { case section, page, range }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(section, forKey: .section)
        try container.encode(page, forKey: .page)
        try container.encode(range, forKey: .range)
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
