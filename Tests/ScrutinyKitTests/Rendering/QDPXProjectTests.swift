import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ScrutinyKit

/// The REFI-QDA project built in-process: XML that any parser reads whatever the documents hold,
/// GUIDs, and the code tree read back through ``QDACodebookReader`` and made a lexicon again.
@Suite struct QDPXProjectTests {
    static let lexicons = LexiconDirectory(url: Paths.root.appendingPathComponent("lexicons"))

    static func project(_ documents: [Document]) throws -> (QDPXProject, ThemeScheme) {
        let scheme = try lexicons.scheme("wt2018")
        let classifier = Classifier(scheme: scheme)
        let finder = RecommendationFinder(rules: try lexicons.itemRules())
        let entries = documents.map { document in
            QDPXProject.Entry(document: document,
                              items: classifier.classify(finder.recommendations(in: document).filter { $0.kind != .procedural }))
        }
        return (QDPXProject(name: "test", origin: "scrutiny tests", scheme: scheme.lexicon, entries: entries), scheme)
    }

    static func wellFormed(_ xml: String) -> Bool {
        XMLParser(data: Data(xml.utf8)).parse()
    }

    /// The document-type variable names the types the run's documents.yml defines, every one of
    /// them (a list written in Swift had 6 of the 9).
    @Test func theDocumentTypeVariableNamesTheTypesOfDocumentsYML() throws {
        let scheme = try Self.lexicons.scheme("wt2018")
        let types = try Self.lexicons.documentTypes()
        let project = QDPXProject(name: "test", origin: "scrutiny tests", scheme: scheme.lexicon, entries: [], documentTypes: types)
        #expect(types.all.count >= 9)
        for type in types.all { #expect(project.projectXML.contains(type.rawValue), "\(type.rawValue)") }
        #expect(project.projectXML.contains(types.names))
    }

    @Test func controlCharactersAndMarkupCannotBreakTheXML() throws {
        let hostile = "The partnership should <b>review</b> the \"audit\" & 'escalation' \u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE} policy."
        let document = Document(source: "odd & <name>.txt", sha256: "00", format: .text,
                                metadata: Metadata(title: "Title \u{0} with NUL", partnership: "A & B <Partnership>", date: "2022-04"),
                                blocks: [.heading("Recommendations", level: 2), .listItem(hostile, marker: "1.", ordinal: "1")])
        let (project, _) = try Self.project([document])
        #expect(project.summary.selections == 1)
        #expect(Self.wellFormed(project.projectXML), "the project is not well-formed XML")
        for forbidden in ["\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1F}", "\u{0}", "\u{FFFE}"] {
            #expect(!project.projectXML.contains(forbidden))
        }
        #expect(project.projectXML.contains("name=\"odd &amp; &lt;name&gt;.txt\""))
        #expect(project.projectXML.contains("creationDateTime=\"2022-04-01T00:00:00Z\""))
        // The source file keeps the text as it is: positions count its code points.
        #expect(project.sourceFiles.first?.text == document.text)
        #expect(XMLText.attribute("a\tb\nc\"d") == "a&#9;b&#10;c&quot;d")
        #expect(XMLText.content("x\u{7}y\u{10000}") == "xy\u{10000}")
    }

    /// REFI-QDA counts Unicode code points (not UTF-16 units, not grapheme clusters): a letter
    /// outside the BMP and a combining accent before the item move it by their code points.
    @Test func positionsCountCodePoints() throws {
        let item = "The partnership should publish its scrutiny plan."
        let document = Document(source: "points.txt", sha256: "00", format: .text, blocks: [
            .paragraph("Cafe\u{301} \u{1D465} and \u{1F9D2}\u{1F3FD} children."),
            .heading("Recommendations", level: 2),
            .listItem(item, marker: "1.", ordinal: "1"),
        ])
        let (project, _) = try Self.project([document])
        let text = try #require(project.sourceFiles.first?.text)
        let match = try #require(project.projectXML.firstMatch(of: /startPosition="(\d+)" endPosition="(\d+)"/))
        let start = try #require(Int(match.1)), end = try #require(Int(match.2))
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == item)
        let utf16 = text.utf16.count - item.utf16.count
        #expect(start == scalars.count - item.unicodeScalars.count)
        #expect(start != utf16 && start != text.count - item.count, "the example should tell the units apart")
    }

    @Test func guidsAreWellFormedStableAndNeverRepeated() {
        let pattern = /^[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/
        var first = StableGUID()
        var second = StableGUID()
        let a = first.make("source:x")
        #expect(a.wholeMatch(of: pattern) != nil, "\(a)")
        #expect(second.make("source:x") == a)
        let again = first.make("source:x")
        #expect(again != a && again.wholeMatch(of: pattern) != nil)
        #expect(StableGUID.guid(for: "source:y") != a)
    }

    @Test func theCodeTreeReadsBackAsTheScheme() throws {
        let documents = try Paths.corpusDocuments().prefix(4).map { try DocumentReader().read(path: $0) }
        let (project, scheme) = try Self.project(Array(documents))
        #expect(project.summary.sources == documents.count)
        #expect(project.sourceFiles.count == documents.count)
        let codes = try QDACodebookReader.codes(xml: Array(project.projectXML.utf8), part: "project.qde", path: "test")
        #expect(codes.map(\.name) == ["theme", "kind", "form"])
        #expect(codes.reduce(0) { $0 + $1.all.count } == project.summary.codes)
        let themes = try #require(codes.first).children
        #expect(themes.map(\.name) == scheme.lexicon.categories.map(\.name) + [ClassifiedItem.unclassified])
        for (code, category) in zip(themes, scheme.lexicon.categories) {
            #expect(code.children.map(\.name) == category.children.map(\.name))
            #expect(code.isCodable)
        }
        #expect(!codes[0].isCodable)
        let skeleton = QDACodebook.lexicon(codes, name: "skeleton")
        #expect(skeleton.allCategories.count == project.summary.codes)
        let termless = skeleton.allCategories.filter { $0.terms.isEmpty }.count
        #expect(termless == skeleton.allCategories.count)
        // Rendered and read again, the skeleton is a lexicon.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-skeleton-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        try LexiconFile.render(skeleton).write(to: file, atomically: true, encoding: .utf8)
        let reread = try LexiconFile.read(path: file.path)
        #expect(reread.allCategories.map(\.path) == skeleton.allCategories.map(\.path))
    }

    @Test func namesThatAreNotLexiconKeysAreMadeSo() {
        let codes = [QDACode(guid: "1", name: "a.b", isCodable: true), QDACode(guid: "2", name: "_x", isCodable: true),
                     QDACode(guid: "3", name: "A-b", isCodable: true), QDACode(guid: "4", name: "", isCodable: true)]
        #expect(QDACodebook.lexicon(codes, name: "n").categories.map(\.name) == ["a-b", "x", "A-b 2", "code"])
    }
}
