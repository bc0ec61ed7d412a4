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
