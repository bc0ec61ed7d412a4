/// What an inspection document states about the inspection: its kind, the area, the last day of
/// the fieldwork and the judgements, each with the line that states it.
public struct InspectionProfile: Sendable, Hashable, Codable {
    /// One judgement: "overall_effectiveness" graded "requires_improvement".
    public struct Judgement: Sendable, Hashable, Codable {
        /// The judgement id of `inspections.yml`: "overall_effectiveness", "lscb", "inspection_outcome".
        public var judgement: String
        /// The grade id: "good", "requires_improvement", "widespread_failings".
        public var grade: String
        /// The line that states it, as read.
        public var evidence: String
        public var page: Int?
        public var range: TextRange
    }

    /// The kind id: "focused_visit", "ilacs", "single_inspection", "jtai", "send_area".
    public var kind: String
    /// The area as the document names it: "London Borough of Bromley", "Bexley Local Area Partnership".
    public var area: String?
    /// The last day of the fieldwork, "2026-03-13".
    public var date: String?
    /// The day the report was published, where it says ("Report published: 27 March 2015", or a
    /// letter's own date), else the year of its copyright line where that is later than the
    /// fieldwork's ("2024"): the document's own date.
    public var published: String?
    /// In the order the lexicon lists them.
    public var judgements: [Judgement]

    public init(kind: String, area: String? = nil, date: String? = nil, published: String? = nil, judgements: [Judgement] = []) {
        self.kind = kind
        self.area = area
        self.date = date
        self.published = published
        self.judgements = judgements
    }

    /// The grade of one judgement, if stated.
    public func grade(_ judgement: String) -> String? { judgements.first { $0.judgement == judgement }?.grade }

    /// The indicator ids under which a profile carries these facts: "inspection.overall_effectiveness".
    public static let indicatorPrefix = "inspection."
    public static let kindIndicator = "inspection.kind"
    public static let dateIndicator = "inspection.date"
}
