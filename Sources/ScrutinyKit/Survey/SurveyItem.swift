/// An item as the survey counts it: where it stands, its kind and its theme. Every table of items
/// can be traced back to these.
public struct SurveyItem: Hashable, Sendable, Codable {
    public var id: String
    public var partnership: String
    public var document: String
    public var kind: Recommendation.Kind
    /// Listed, explicit or narrative.
    public var form: Recommendation.Form
    /// None for a procedural decision, which is never coded (null in JSON, as the CSV's empty
    /// cell; "unclassified" until session 43's audit).
    @NullEncoded public var theme: String?
    public var subtheme: String?
    public var text: String
    public var section: String
    public var page: Int?
    /// Its document's era ("wt2018"), where known: for tables of items by era (session 45's
    /// audit: survey.json's items could not be split by era without documents joined on).
    public var era: String?
    /// Whether the theme tables count it (its kind is among those they count).
    public var themed: Bool
    /// With `--scheme auto`, the theme the axis scheme's own coding gives it (wt2023's, whatever
    /// its era), with no mapping between schemes: what the eras' table reads coded with one scheme
    /// throughout. Nil otherwise, and for a procedural decision.
    public var oneSchemeTheme: String?

    public init(_ item: ClassifiedItem, themed: Bool) {
        let recommendation = item.recommendation
        id = recommendation.id
        partnership = recommendation.partnership ?? ""
        document = recommendation.document
        kind = recommendation.kind
        form = recommendation.form
        theme = recommendation.kind == .procedural ? nil : item.theme
        subtheme = recommendation.kind == .procedural ? nil : item.subtheme
        text = recommendation.text
        section = recommendation.section
        page = recommendation.page
        era = recommendation.era
        self.themed = themed
    }

    /// "purpose.learning", or the theme alone.
    public var themePath: String { [theme, subtheme].compactMap { $0 }.joined(separator: ".") }
}
