import Foundation
@testable import ScrutinyKit

/// The project's item rules, and the items they find in a short text written for a test (read as
/// a Markdown inspection letter unless another type is given: the type decides which narrative
/// cues judge), shared by the item finder's test suites.
enum ItemFixtures {
    static let rules = try! ItemRules(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml"))

    static func items(in text: String, narrative: Bool, documentType: DocumentType? = "inspection-letter") -> [Recommendation] {
        var document = Document(source: "letter.md", sha256: "0123456789abcdef", format: .markdown,
                                blocks: PlainTextReader().blocks(from: text))
        document.metadata.documentType = documentType
        return RecommendationFinder(rules: rules, narrative: narrative).recommendations(in: document)
    }
}
