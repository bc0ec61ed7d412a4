/// Document types against kinds of item: how many recommendations, areas for improvement,
/// strengths and procedural decisions each type of document holds, and in which forms (listed,
/// explicit, narrative).
public struct KindTable: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        /// A document type, "unknown", or "All documents".
        public var documentType: String
        /// What reports call the type (`types` in `lexicons/documents.yml`: "JTAI letter" for
        /// `jtai-letter`); nil for "unknown" and "All documents", and in JSON written before it.
        public var label: String?
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

    /// What a report shows for a row's type: its label, or its name.
    public static func shown(_ row: Row) -> String { row.label ?? row.documentType }

    /// What a report shows for a document's type in the other tables that name types: its row's
    /// label, or its name; empty for none.
    public func shown(_ type: DocumentType?) -> String {
        guard let type else { return "" }
        return rows.first { $0.documentType == type.rawValue }.map(Self.shown) ?? type.rawValue
    }

    /// `types`: the document types there are, in the order the rows are listed, and their labels.
    public init(items: [ClassifiedItem], documents: [DocumentSummary], types: DocumentTypes) {
        let kinds = Recommendation.Kind.allCases
        self.kinds = kinds.map(\.rawValue)
        let forms = Recommendation.Form.allCases
        self.forms = forms.map(\.rawValue)
        let typeOf = Dictionary(documents.map { ($0.file, $0.documentType?.rawValue ?? Self.unknownType) },
                                uniquingKeysWith: { first, _ in first })
        let known = types
        let types = types.all.map(\.rawValue) + [Self.unknownType]
        func row(_ name: String, documents count: Int, items own: [ClassifiedItem]) -> Row {
            Row(documentType: name, label: known.contains(name) ? known.label(DocumentType(rawValue: name)) : nil, documents: count,
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
