/// What a partnership's documents say about one indicator: yes, no, not stated, a number, or (for
/// the inspection indicators) a term: a grade id, an inspection kind, a date.
///
/// In JSON and CSV: "yes", "no", "not_stated", the number itself, or the term.
public enum IndicatorValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case yes
    case no
    case notStated
    case count(Int)
    /// "requires_improvement", "focused_visit", "2015-07-16".
    case term(String)

    public var description: String {
        switch self {
        case .yes: return "yes"
        case .no: return "no"
        case .notStated: return "not_stated"
        case .count(let number): return String(number)
        case .term(let term): return term
        }
    }

    /// Whether the documents address the indicator at all.
    public var isStated: Bool { self != .notStated }

    public init(parsing text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes": self = .yes
        case "no": self = .no
        case "", "not_stated": self = .notStated
        default:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            self = Int(trimmed).map(IndicatorValue.count) ?? .term(trimmed)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if case .count(let number) = self { try container.encode(number) } else { try container.encode(description) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .count(number)
        } else {
            self = IndicatorValue(parsing: try container.decode(String.self))
        }
    }
}

/// One sentence that speaks to an indicator, and where it stands.
public struct IndicatorEvidence: Hashable, Sendable, Codable {
    /// What kind of text the sentence is: a title or byline line, a heading, a table row, a list
    /// item or a paragraph. Prose says most; it is shown first.
    public enum Placement: String, Hashable, Sendable, Codable {
        case title, heading, table, list, prose
    }

    /// The file name of the document.
    public var document: String
    /// What this sentence says: yes, no or a number.
    public var value: IndicatorValue
    /// The sentence as it stands.
    public var text: String
    /// The lexicon cue that matched.
    public var cue: String
    /// The headings above the sentence, joined with " › ".
    public var section: String
    public var page: Int?
    /// The sentence's place in the document's normalised text (Unicode scalars).
    public var range: TextRange
    public var placement: Placement

    public init(document: String, value: IndicatorValue, text: String, cue: String, section: String, page: Int?, range: TextRange,
                placement: Placement = .prose) {
        self.document = document
        self.value = value
        self.text = text
        self.cue = cue
        self.section = section
        self.page = page
        self.range = range
        self.placement = placement
    }
}

/// A partnership's value for one indicator, with the sentences behind it: those that decided it
/// first, then any that said otherwise.
public struct IndicatorResult: Hashable, Sendable, Codable {
    public var value: IndicatorValue
    public var evidence: [IndicatorEvidence]

    public init(value: IndicatorValue, evidence: [IndicatorEvidence] = []) {
        self.value = value
        self.evidence = evidence
    }

    /// The sentences that agree with the value.
    public var deciding: [IndicatorEvidence] { evidence.filter { $0.value == value } }
}

/// A document as the survey counts it: its file name and what it is.
public struct DocumentSummary: Hashable, Sendable, Codable {
    public var file: String
    public var partnership: String?
    public var documentType: DocumentType?
    /// "2022-05", or a year alone.
    public var date: String?
    public var title: String?
    public var authors: [String]
    /// The guidance edition the document was written against ("wt2018", "wt2023", "lscb").
    public var era: String?
    /// True for one partnership's part of a document that quotes many (the national survey's
    /// "LSCP 12 said …"): it counts in the arrangement tables, never in those of items.
    public var quotation: Bool?
    /// Where the document is an inspection's report or letter: its kind (`ilacs`, `focused_visit`,
    /// as `lexicons/inspections.yml` names them) and the last day of its fieldwork, so that each
    /// judgement can be dated by the inspection that gave it.
    public var inspectionKind: String?
    public var inspectionDate: String?

    public init(file: String, partnership: String? = nil, documentType: DocumentType? = nil, date: String? = nil,
                title: String? = nil, authors: [String] = [], era: String? = nil, quotation: Bool? = nil) {
        self.era = era
        self.quotation = quotation
        self.file = file
        self.partnership = partnership
        self.documentType = documentType
        self.date = date
        self.title = title
        self.authors = authors
    }

    public init(_ document: Document) {
        self.init(file: document.name, partnership: document.metadata.partnership, documentType: document.metadata.documentType,
                  date: document.metadata.date, title: document.metadata.title, authors: document.metadata.authors,
                  era: document.metadata.era, quotation: document.metadata.quotation)
    }

    /// The year of `date`, if any.
    public var year: Int? { date.flatMap { Int($0.prefix(4)) } }
}

/// A partnership's scrutiny arrangements: every indicator of the lexicon, from all its documents.
public struct PartnershipProfile: Hashable, Sendable, Codable {
    public var partnership: String
    /// The documents read, in order of file name.
    public var documents: [DocumentSummary]
    /// Keyed by indicator id; every indicator of the lexicon is present.
    public var indicators: [String: IndicatorResult]

    public init(partnership: String, documents: [DocumentSummary], indicators: [String: IndicatorResult]) {
        self.partnership = partnership
        self.documents = documents
        self.indicators = indicators
    }

    public func value(_ indicator: String) -> IndicatorValue { indicators[indicator]?.value ?? .notStated }
}

public extension ContextSentence {
    /// The kind of text the sentence is, for ranking evidence.
    var placement: IndicatorEvidence.Placement {
        if inHead { return .title }
        switch kind {
        case .heading: return .heading
        case .tableRow: return .table
        case .listItem: return .list
        case .paragraph: return .prose
        }
    }
}

public extension PartnershipProfile {
    /// The columns of a profile as CSV, one row per partnership and indicator: the format of
    /// `profile --format csv` and of the hand coding it is compared with.
    static let csvColumns = ["partnership", "indicator", "value", "document", "evidence"]
}
