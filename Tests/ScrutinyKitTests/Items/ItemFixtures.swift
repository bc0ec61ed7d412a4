import Foundation
@testable import ScrutinyKit

/// The project's item rules, and the items they find in a short text written for a test (read as
/// a Markdown letter), shared by the item finder's test suites.
enum ItemFixtures {
    static let rules = try! ItemRules(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml"))

    static func items(in text: String, narrative: Bool) -> [Recommendation] {
        let document = Document(source: "letter.md", sha256: "0123456789abcdef", format: .markdown,
                                blocks: PlainTextReader().blocks(from: text))
        return RecommendationFinder(rules: rules, narrative: narrative).recommendations(in: document)
    }
}
