import Foundation
import Testing
@testable import ScrutinyKit

/// Document types are data: the `types` list of documents.yml says which there are, in what order
/// the survey lists them and how reports label them; a type added there is accepted everywhere.
@Suite struct DocumentTypesTests {
    /// A copy of the project's lexicons with `types` extended by one type of the user's own.
    static func lexiconsWithAddedType() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-types-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.lexicons, to: folder)
        let file = folder.appendingPathComponent("documents.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let extended = text.replacingOccurrences(of: "\ntypes:\n", with: "\ntypes:\n  - id: practice-review\n    label: Child safeguarding practice review\n")
        #expect(extended != text)
        try extended.write(to: file, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theProjectsTypesAreListedInOrderWithLabels() throws {
        let types = Paths.documentTypes
        #expect(types.all.first == "scrutiny-report")
        #expect(types.all.count == Set(types.all).count)
        #expect(types.all.contains("inspection-letter"))
        #expect(types.label("scrutiny-report") != "scrutiny-report")
        #expect(types.label("not-a-type") == "not-a-type")
    }

    @Test func aTypeAddedToDocumentsYmlIsAcceptedByTheManifestAndListedFirst() throws {
        let folder = try Self.lexiconsWithAddedType()
        defer { try? FileManager.default.removeItem(at: folder) }
        let types = try LexiconDirectory(url: folder).documentTypes()
        #expect(types.all.first == "practice-review")
        #expect(types.label("practice-review") == "Child safeguarding practice review")
        let manifest = try Manifest.parse("file,document_type\nr.txt,practice-review\n", types: types)
        #expect(manifest.entries["r.txt"]?.metadata.documentType == "practice-review")
        // The project's own list does not know it, and says which it knows.
        let error = #expect(throws: Manifest.LoadError.self) {
            try Manifest.parse("file,document_type\nr.txt,practice-review\n", types: Paths.documentTypes)
        }
        #expect(error?.errorDescription?.contains("scrutiny-report") == true)
        // The rules and lexicons that name types load against the extended list.
        let rules = try LexiconDirectory(url: folder).metadataRules()
        #expect(rules.types == types)
        let lexicon = try LexiconDirectory(url: folder).arrangementLexicon()
        #expect(lexicon.documentTypes.all.first == "practice-review")
    }

    @Test func aLexiconNamingAnUnknownTypeIsRefusedWithTheKnownOnes() throws {
        let error = #expect(throws: LexiconError.self) {
            try ArrangementLexicon(yaml: "own_study: {document_types: [memo]}\ngroups: [{id: who}]\nindicators: [{id: who.x, yes: [a]}]\n",
                                   path: "a.yml", types: Paths.documentTypes)
        }
        let message = error?.errorDescription ?? ""
        #expect(message.contains("'memo'") && message.contains("a.yml") && message.contains("inspection-report"), "\(message)")
    }

    @Test func documentTypesAreWrittenAsTheirNames() throws {
        let metadata = Metadata(documentType: "annual-report")
        let json = String(decoding: try JSONEncoder().encode(metadata), as: UTF8.self)
        #expect(json.contains("\"documentType\":\"annual-report\"") || json.contains("\"document_type\":\"annual-report\""), "\(json)")
        #expect(try JSONDecoder().decode(Metadata.self, from: Data(json.utf8)).documentType == "annual-report")
    }
}
