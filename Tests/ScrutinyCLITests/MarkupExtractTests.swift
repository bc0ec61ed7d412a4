import Foundation
import Testing

/// `scrutiny extract` over the malicious and broken HTML, DOCX and ODT fixtures: one line on
/// standard error for each refused file, the good files still read, exit status 1.
@Suite struct MarkupExtractTests {
    static let fixtures = "Tests/ScrutinyKitTests/Fixtures/markup"

    @Test func refusedFilesGetOneLineEachAndTheRestStillRuns() throws {
        let result = try CLI.run(["extract", Self.fixtures])
        #expect(result.status == 1)
        // The folder's README is passed by with a note of its own, not a refusal.
        let lines = result.stderr.split(separator: "\n").map(String.init).filter { !$0.hasSuffix("README.md: the folder's README, not a document (name it to read it)") }
        #expect(result.stderr.contains("/README.md: the folder's README"), "\(result.stderr)")
        let refused = [
            "xxe.docx", "xxe.odt", "billion-laughs.docx", "billion-laughs.odt", "zip-bomb.docx", "zip-bomb.odt",
            "lying-size.docx", "huge-declared.docx", "missing-document.docx", "no-content.odt", "not-xml.docx", "empty-part.docx",
            "truncated.docx", "truncated.odt",
        ]
        #expect(lines.count == refused.count, "\(result.stderr)")
        for name in refused {
            #expect(lines.filter { $0.contains("/" + name + ":") }.count == 1, "\(name) is not reported once")
        }
        // invalid-id.odt is read without libxml2 printing its complaint about the xml:id.
        for name in ["word-features.docx", "odf-features.odt", "xxe.html", "billion-laughs.html", "invalid-id.odt"] {
            #expect(result.stdout.contains(name + " <=="), "\(name) was not read")
        }
        #expect(!result.stdout.contains("root:x:0"))
    }
}
