import Foundation
import Testing
@testable import ScrutinyKit

/// A key that a rules file has no use for is named with its line, where it was passed over in
/// silence (an edit to `items.yml` under a misspelt key did nothing).
struct UnknownYAMLKeyTests {
    static func shipped(_ name: String) throws -> String {
        try String(contentsOf: Paths.lexicons.appendingPathComponent(name), encoding: .utf8)
    }

    /// The shipped file with one line changed, and that line's number.
    static func edited(_ name: String, replacing old: String, with new: String) throws -> (yaml: String, line: Int) {
        var lines = try shipped(name).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex(of: old), "\(name) has no line \(old)")
        lines[index] = new
        return (lines.joined(separator: "\n"), index + 1)
    }

    static func refusal(_ read: () throws -> Void) -> (line: Int?, cause: String)? {
        do {
            try read()
            return nil
        } catch {
            guard case let .malformed(_, line, cause)? = error as? LexiconError else { return (nil, "\(error)") }
            return (line, cause)
        }
    }

    @Test func aMisspeltKeyOfItemsYmlIsNamedWithItsLineAndTheKeyMeant() throws {
        let line = try #require(Self.shipped("items.yml").components(separatedBy: "\n").first { $0.hasPrefix("  passive_adverbs:") })
        let (yaml, number) = try Self.edited("items.yml", replacing: line, with: line.replacingOccurrences(of: "passive", with: "pasive"))
        let refusal = try #require(Self.refusal { _ = try ItemRules(yaml: yaml) })
        #expect(refusal.line == number)
        #expect(refusal.cause.contains("`pasive_adverbs` under `actor_grammar`"), "\(refusal.cause)")
        #expect(refusal.cause.contains("did you mean `passive_adverbs`?"), "\(refusal.cause)")
        // The shipped file reads as it is.
        #expect(Self.refusal { _ = try ItemRules(yaml: Self.shipped("items.yml")) } == nil)
    }

    /// Mappings keyed by names the code knows (kinds, strengths, columns) decode as dictionaries,
    /// which take any key: a misspelt kind under `sections` lost the areas for improvement of the
    /// 48 documents (398 to 10) without a word (session 39's re-audit).
    @Test(arguments: [("  area_for_improvement:", "area_for_improvment", "sections"), ("  should:", "shoud", "obligation")])
    func aMisspeltKindOrStrengthIsNamed(line: String, misspelt: String, under: String) throws {
        var lines = try Self.shipped("items.yml").components(separatedBy: "\n")
        let index = try #require(lines.firstIndex(of: line))
        lines[index] = "  \(misspelt):"
        let refusal = try #require(Self.refusal { _ = try ItemRules(yaml: lines.joined(separator: "\n")) })
        #expect(refusal.line == index + 1)
        #expect(refusal.cause.contains("`\(misspelt)` under `\(under)`"), "\(refusal.cause)")
    }

    /// A required key misspelt is named beside the missing one, with its line; an empty file is
    /// said to be empty (it was "expected Mapping").
    @Test func aMissingKeyNamesTheMisspeltOneAndAnEmptyFileIsSaidToBeEmpty() throws {
        let (yaml, number) = try Self.edited("documents.yml", replacing: "partnership:", with: "partnrship:")
        let refusal = try #require(Self.refusal { _ = try MetadataRules(yaml: yaml) })
        #expect(refusal.line == number)
        #expect(refusal.cause.contains("the key 'partnership' is missing; `partnrship` here looks like it, misspelt"), "\(refusal.cause)")
        let empty = try #require(Self.refusal { _ = try MetadataRules(yaml: "# only a comment\n") })
        #expect(empty.cause.contains("the file holds no keys"), "\(empty.cause)")
    }

    /// report.yml's era names are the eras of eras.yml.
    @Test func aMisspeltEraNameOfReportYmlIsNamed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["report.yml", "eras.yml"] {
            try FileManager.default.copyItem(at: Paths.lexicons.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        #expect(Self.refusal { _ = try LexiconDirectory(url: folder).reportWording() } == nil)
        let report = folder.appendingPathComponent("report.yml")
        try String(contentsOf: report, encoding: .utf8).replacingOccurrences(of: "    wt2023: ", with: "    wt2032: ")
            .write(to: report, atomically: true, encoding: .utf8)
        let refusal = try #require(Self.refusal { _ = try LexiconDirectory(url: folder).reportWording() })
        #expect(refusal.cause.contains("`wt2032` under `labels.era_names`"), "\(refusal.cause)")
    }

    @Test func aFileOfALaterVersionIsRefused() throws {
        let (yaml, _) = try Self.edited("items.yml", replacing: "version: 1", with: "version: 2")
        let refusal = try #require(Self.refusal { _ = try ItemRules(yaml: yaml) })
        #expect(refusal.cause.contains("version 2"))
    }

    @Test func aMisspeltWeightOfDocumentsYmlIsNamed() throws {
        let (yaml, _) = try Self.edited("documents.yml", replacing: "    acronym: 2", with: "    acronyms: 2")
        let refusal = try #require(Self.refusal { _ = try MetadataRules(yaml: yaml) })
        #expect(refusal.cause.contains("`acronyms` under `partnership.weights`"), "\(refusal.cause)")
        #expect(refusal.cause.contains("did you mean `acronym`?"))
    }

    /// `quoted_partnerships` is another reader's part of arrangements.yml: the arrangement
    /// indicators pass it over, and its own reader checks the keys within it (a mistake there
    /// turned the reading of quoted partnerships off without a word).
    @Test func arrangementsYmlIsCheckedByEachOfItsReaders() throws {
        let types = Paths.documentTypes
        #expect(Self.refusal { _ = try ArrangementLexicon(yaml: Self.shipped("arrangements.yml"), types: types) } == nil)
        let (yaml, number) = try Self.edited("arrangements.yml", replacing: "  min_labels: 5", with: "  min_label: 5")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("arrangements.yml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let refusal = try #require(Self.refusal { _ = try QuotedPartnerships(contentsOf: file, types: types) })
        #expect(refusal.line == number)
        #expect(refusal.cause.contains("`min_label` under `quoted_partnerships`"), "\(refusal.cause)")
        #expect(Self.refusal { _ = try ArrangementLexicon(yaml: yaml, types: types) } == nil)
    }

    private struct Outer: Decodable {
        struct Inner: Decodable { var words: [String]?; var window: Int? }
        var entries: [Inner]?
        var byName: [String: Inner]?
        var readAs: String?
    }

    @Test func listsAreWalkedEntryByEntryAndMappingsOfNamesTakeAnyName() throws {
        func refusal(_ yaml: String, _ otherKeys: DataFiles.OtherKeys = .refused()) -> (line: Int?, cause: String)? {
            Self.refusal { _ = try DataFiles.decode(Outer.self, from: yaml, path: "outer.yml", otherKeys: otherKeys) }
        }
        #expect(refusal("entries:\n  - words: [a]\n  - window: 2\nby_name:\n  anything:\n    window: 3\nread_as: x\n") == nil)
        let inList = try #require(refusal("entries:\n  - words: [a]\n  - windw: 2\n"))
        #expect(inList.line == 3)
        #expect(inList.cause.contains("`windw` under `entries.2`"), "\(inList.cause)")
        #expect(inList.cause.contains("did you mean `window`?"))
        let underAName = try #require(refusal("byName:\n  anything:\n    word: [a]\n"))
        #expect(underAName.cause.contains("`word` under `byName.anything`"), "\(underAName.cause)")
        #expect(refusal("other: 1\n")?.cause.contains("`other` at the top of the file") == true)
        #expect(refusal("other: 1\n", .refused(readElsewhere: ["other"])) == nil)
        #expect(refusal("other: 1\n", .passedOver) == nil)
        #expect(refusal("other: 1\nentries:\n  - windw: 2\n", .passedOver) != nil)
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
