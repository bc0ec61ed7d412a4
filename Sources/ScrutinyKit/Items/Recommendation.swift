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

    /// The stored fields, in one box shared between copies until one is changed: a copy of a
    /// recommendation costs one reference count, not one for each of its strings.
    struct Fields: Hashable, Sendable, Codable {
        var id: String
        var document: String
        var partnership: String?
        var documentType: String?
        var date: String?
        var era: String?
        var kind: Kind
        var form: Form
        var text: String
        var section: String
        var page: Int?
        var strength: Strength?
        var actor: String?
        var cue: String
        var locations: [Location]
    }

    /// Changed only while uniquely referenced (copy on write), so safe to share between threads.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private mutating func mutate(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }

    /// Stable: the first 12 hex digits of the document's hash and the item's ordinal.
    public var id: String {
        get { box.fields.id }
        set { mutate { $0.id = newValue } }
    }
    /// The file name of the document, without folders.
    public var document: String {
        get { box.fields.document }
        set { mutate { $0.document = newValue } }
    }
    public var partnership: String? {
        get { box.fields.partnership }
        set { mutate { $0.partnership = newValue } }
    }
    /// The document's type ("jtai-letter", "scrutiny-report", …) and date, as its metadata says.
    public var documentType: String? {
        get { box.fields.documentType }
        set { mutate { $0.documentType = newValue } }
    }
    public var date: String? {
        get { box.fields.date }
        set { mutate { $0.date = newValue } }
    }
    /// The edition of the guidance the document was written against ("wt2018", "wt2023", "lscb").
    public var era: String? {
        get { box.fields.era }
        set { mutate { $0.era = newValue } }
    }
    public var kind: Kind {
        get { box.fields.kind }
        set { mutate { $0.kind = newValue } }
    }
    public var form: Form {
        get { box.fields.form }
        set { mutate { $0.form = newValue } }
    }
    /// The whole item, joined across lines, marker and number removed.
    public var text: String {
        get { box.fields.text }
        set { mutate { $0.text = newValue } }
    }
    /// The path of headings above the item, joined with " › ".
    public var section: String {
        get { box.fields.section }
        set { mutate { $0.section = newValue } }
    }
    public var page: Int? {
        get { box.fields.page }
        set { mutate { $0.page = newValue } }
    }
    public var strength: Strength? {
        get { box.fields.strength }
        set { mutate { $0.strength = newValue } }
    }
    /// Who is asked to act, where the text says.
    public var actor: String? {
        get { box.fields.actor }
        set { mutate { $0.actor = newValue } }
    }
    /// The phrase that made a prose sentence an item, or the heading or lead-in that made a list one.
    public var cue: String {
        get { box.fields.cue }
        set { mutate { $0.cue = newValue } }
    }
    public var locations: [Location] {
        get { box.fields.locations }
        set { mutate { $0.locations = newValue } }
    }

    public init(id: String, document: String, partnership: String? = nil, documentType: String? = nil, date: String? = nil,
                era: String? = nil, kind: Kind, form: Form = .explicit, text: String,
                section: String, page: Int? = nil, strength: Strength? = nil, actor: String? = nil, cue: String, locations: [Location]) {
        box = Box(Fields(id: id, document: document, partnership: partnership, documentType: documentType, date: date, era: era, kind: kind, form: form, text: text, section: section,
                         page: page, strength: strength, actor: actor, cue: cue, locations: locations))
    }

    public static func == (lhs: Recommendation, rhs: Recommendation) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }
    public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }
    public init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }
}
