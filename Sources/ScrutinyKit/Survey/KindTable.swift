/// Document types against kinds of item: how many recommendations, areas for improvement,
/// strengths and procedural decisions each type of document holds, and in which forms (listed,
/// explicit, narrative).
public struct KindTable: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        /// A document type, "unknown", or "All documents".
        public var documentType: String
        public var documents: Int
        /// One per kind, in the order of ``KindTable/kinds``: n items of the row's total.
        public var cells: [Proportion]
        /// One per form, in the order of ``KindTable/forms``: n items of the row's total.
        public var forms: [Proportion]
        public var total: Int
    }

    public var kinds: [String]
    public var forms: [String]
    public var rows: [Row]
    public var total: Row

    public static let unknownType = "unknown"
    public static let allDocuments = "All documents"

    /// `types`: the document types there are, in the order the rows are listed.
    public init(items: [ClassifiedItem], documents: [DocumentSummary], types: DocumentTypes) {
        let kinds = Recommendation.Kind.allCases
        self.kinds = kinds.map(\.rawValue)
        let forms = Recommendation.Form.allCases
        self.forms = forms.map(\.rawValue)
        let typeOf = Dictionary(documents.map { ($0.file, $0.documentType?.rawValue ?? Self.unknownType) },
                                uniquingKeysWith: { first, _ in first })
        let types = types.all.map(\.rawValue) + [Self.unknownType]
        func row(_ name: String, documents count: Int, items own: [ClassifiedItem]) -> Row {
            Row(documentType: name, documents: count,
                cells: kinds.map { kind in Proportion(own.filter { $0.recommendation.kind == kind }.count, of: own.count) },
                forms: forms.map { form in Proportion(own.filter { $0.recommendation.form == form }.count, of: own.count) },
                total: own.count)
        }
        rows = types.compactMap { type in
            let files = Set(documents.filter { (typeOf[$0.file] ?? Self.unknownType) == type }.map(\.file))
            guard !files.isEmpty else { return nil }
            return row(type, documents: files.count, items: items.filter { files.contains($0.recommendation.document) })
        }
        total = row(Self.allDocuments, documents: documents.count, items: items)
    }
}
