import Foundation
import Testing
// Not @testable: the README's example uses the library's public API only, and this file proves it.
import ScrutinyKit

// README begin: codedItems
/// One document's items, each coded against the Working Together 2018 themes.
func codedItems(of path: String) throws -> (document: Document, items: [ClassifiedItem]) {
    // The editable data files: $SCRUTINY_LEXICONS or ./lexicons (LexiconDirectory(url:) for another).
    let lexicons = try LexiconDirectory.locate()
    let detector = MetadataDetector(rules: try lexicons.metadataRules(), eras: try lexicons.eraRules())
    let finder = RecommendationFinder(rules: try lexicons.itemRules())
    let classifier = Classifier(scheme: try lexicons.scheme("wt2018"))

    // A PDF, Word, OpenDocument, HTML, text or Markdown file, with its partnership, type,
    // date, authors and era detected (a manifest, if given, overrides them).
    let read = try DocumentReader().read(path: path)
    let document = CorpusSelection.prepared(read, manifest: nil, detector: detector)
    return (document, classifier.classify(finder.recommendations(in: document)))
}
// README end

/// The README's "Using the library" example: its code is this file's, word for word, and it finds
/// the items of a document of `corpus/` that the hand coding of that document has, each coded.
@Suite struct LibraryExampleTests {
    static let readme = Paths.root.appendingPathComponent("README.md")
    static let file = "corpus/documents/calderwick-scrutiny-report-2023.md"

    /// The lines between `// README begin: NAME` and `// README end` in this file, each without
    /// its leading white space.
    static func ownBlock(_ name: String) throws -> [String] {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let trimmed = source.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(trimmed.firstIndex(of: "// README begin: \(name)"))
        let end = try #require(trimmed[start...].firstIndex(of: "// README end"))
        return Array(trimmed[(start + 1)..<end])
    }

    /// The README's Swift code blocks, each as lines without leading white space.
    static func readmeBlocks() throws -> [[String]] {
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        var blocks: [[String]] = []
        var current: [String]?
        for line in lines {
            if current == nil, line.hasPrefix("```swift") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current!)
                current = nil
            } else if current != nil {
                current!.append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        return blocks
    }

    @Test func theReadmesExampleIsThisFilesCode() throws {
        let blocks = try Self.readmeBlocks()
        #expect(blocks.contains(try Self.ownBlock("codedItems")), "README.md's `codedItems` example is not this file's")
        #expect(blocks.contains(try Self.ownBlock("printing")), "README.md's printing example is not this file's")
    }

    @Test func theExampleFindsAndCodesTheItemsTheHandCodingHas() throws {
        let path = Paths.root.appendingPathComponent(Self.file).path
        let (document, items) = try codedItems(of: path)
        #expect(document.metadata.partnership?.hasPrefix("Calderwick") == true)
        #expect(document.metadata.date?.hasPrefix("2023") == true)
        #expect(document.metadata.era == "wt2018")
        // Against the hand coding of the same document (corpus/annotations.csv): every annotated
        // item found, of its kind. (How often its theme agrees is `evaluate`'s to say: 7 of these 12.)
        let gold = try GoldSet.load(path: Paths.corpus.appendingPathComponent("annotations.csv").path).annotations
            .filter { $0.document == (Self.file as NSString).lastPathComponent }
        try #require(gold.count >= 10)
        let pairs = ItemMatcher.pairs(found: items.map(\.recommendation.text), gold: gold.map(\.text))
        #expect(pairs.count == gold.count, "found \(pairs.count) of the \(gold.count) annotated items")
        #expect(pairs.allSatisfy { items[$0.found].recommendation.kind == gold[$0.gold].kind })
        // The words that decided each coded item.
        for item in items where item.isClassified {
            #expect(!item.decidingMatches.isEmpty, "no deciding words for: \(item.recommendation.text)")
        }

        // README begin: printing
        var lines: [String] = []
        for item in items {
            let decidedBy = item.decidingMatches.prefix(3).map(\.matched).joined(separator: ", ")
            let subtheme = item.subtheme.map { "\(item.theme) › \($0)" } ?? item.theme
            lines.append("\(item.recommendation.kind.rawValue)\t\(subtheme)\t\(decidedBy)\t\(item.recommendation.text)")
        }
        print(lines.joined(separator: "\n"))
        // README end
        #expect(lines.count == items.count)
    }
}
