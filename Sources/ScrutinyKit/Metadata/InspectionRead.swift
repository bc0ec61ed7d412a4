/// A document read as an inspection, with the line that opens it (the evidence for its kind and date).
public struct InspectionRead: Sendable, Codable, Hashable {
    public var document: String
    public var inspection: InspectionProfile
    public var headText: String?
    public var headPage: Int?
    public var headRange: TextRange?

    public init(document: Document, inspection: InspectionProfile) {
        self.document = document.name
        self.inspection = inspection
        let head = document.blocks.first { !$0.text.isEmpty }
        headText = head?.text
        headPage = head?.page
        headRange = head?.range
    }
}
