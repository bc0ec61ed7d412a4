import Foundation
import Testing
@testable import ScrutinyKit

/// A research report's head: its title, the authors and a year standing alone, then a statement
/// of purpose in prose. Until session 20 the national survey's title was its statement of
/// purpose ("This report provides …", for the word "report") and its date a month of its
/// fieldwork in the body.
@Suite struct TitleAndDateTests {
    static let detector = MetadataDetector(rules: try! MetadataRules(contentsOf: Paths.root.appendingPathComponent("lexicons/documents.yml")))

    @Test func aTitleIsNoSentenceAndABylinesYearDatesTheReport() {
        let text = """
            # Scrutiny Arrangements of Safeguarding Partnerships

            Author, A., Writer, B., and Scribe, C.

            (2022)

            This is a small piece of work with limited funding. It was commissioned by a national programme, and a research centre led the research with a research assistant.

            ## Statement of purpose

            This report provides an account of the scrutiny arrangements of partnerships across England.

            ## Method

            In October 2021 we started an online survey of partnerships.
            """
        let document = Document(source: "survey.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        let metadata = Self.detector.detect(document)
        #expect(metadata.title == "Scrutiny Arrangements of Safeguarding Partnerships")
        #expect(metadata.date == "2022")
        // The byline written as a citation's authors.
        #expect(metadata.authors == ["A. Author", "B. Writer", "C. Scribe"])
    }
}
