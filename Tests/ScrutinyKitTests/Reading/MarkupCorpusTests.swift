import Foundation
import Testing
@testable import ScrutinyKit

/// The HTML, DOCX and ODT versions of corpus documents (tools/make_markup_versions.py) read into
/// the same words and the same structure as the text originals they were made from.
@Suite struct MarkupCorpusTests {
    /// Manifest rows of HTML, DOCX and ODT versions: (version, original).
    static let versions: [(String, String)] = {
        let manifest = (try? String(contentsOf: Paths.corpus.appendingPathComponent("manifest.csv"), encoding: .utf8)) ?? ""
        let rows = manifest.split(separator: "\n").map { csvFields(String($0)) }
        guard let header = rows.first, let fileColumn = header.firstIndex(of: "file"),
              let originalColumn = header.firstIndex(of: "version_of") else { return [] }
        return rows.dropFirst().compactMap { row in
            guard row.count > originalColumn, !row[originalColumn].isEmpty,
                  ["html", "docx", "odt"].contains((row[fileColumn] as NSString).pathExtension) else { return nil }
            return (row[fileColumn], row[originalColumn])
        }
    }()

    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previous: Character?
        for character in line {
            if character == "\"" {
                if quoted, previous == "\"" { field.append("\"") }
                quoted.toggle()
            } else if character == ",", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        fields.append(field)
        return fields
    }

    func read(_ name: String) throws -> Document {
        try DocumentReader().read(path: Paths.documents.appendingPathComponent(name).path)
    }

    @Test func everyMarkupFormatHasAtLeastTwoVersions() {
        for format in ["html", "docx", "odt"] {
            let count = Self.versions.filter { ($0.0 as NSString).pathExtension == format }.count
            #expect(count >= 2, "\(count) \(format) versions in the manifest")
        }
    }

    @Test(arguments: versions.map(\.0))
    func versionKeepsTheWordsOfItsSource(version: String) throws {
        let original = try #require(Self.versions.first { $0.0 == version }?.1)
        let source = try String(contentsOf: Paths.documents.appendingPathComponent(original), encoding: .utf8)
        // Numbers are part of the source's wording; a reader keeps them as ordinals, not in the text.
        let words = try read(version).blocks.map { ($0.ordinal.map { $0 + " " } ?? "") + $0.text }.joined(separator: "\n")
        let overlap = TokenOverlap(extracted: words, reference: CharacterNormalizer.normalize(source))
        print("\(version): token F1 \(String(format: "%.4f", overlap.f1)) (precision \(String(format: "%.4f", overlap.precision)), recall \(String(format: "%.4f", overlap.recall)))")
        #expect(overlap.f1 >= 0.99, "token F1 \(overlap.f1)")
        // Page furniture, headers, footers and comments would add words the source lacks.
        #expect(overlap.precision >= 0.995, "precision \(overlap.precision)")
    }

    /// Headings (level, ordinal, text) and list items (ordinal, depth) in reading order.
    func structure(_ document: Document) -> [String] {
        document.blocks.compactMap { block in
            switch block.kind {
            case .heading: return "heading \(block.level ?? 0) \(block.ordinal ?? "-") \(block.text)"
            case .listItem: return "item \(block.ordinal ?? "-") depth \(block.depth ?? 0)"
            case .tableRow: return "row \(block.cells?.count ?? 0)"
            case .paragraph: return nil
            }
        }
    }

    @Test(arguments: versions.map(\.0))
    func versionHasTheBlockStructureOfTheTextVersion(version: String) throws {
        let original = try #require(Self.versions.first { $0.0 == version }?.1)
        let expected = structure(try read(original))
        let actual = structure(try read(version))
        #expect(expected.count > 40)
        #expect(actual == expected)
        if actual != expected, let index = actual.indices.first(where: { $0 >= expected.count || actual[$0] != expected[$0] }) {
            Issue.record("first difference at block \(index): \(actual[index])")
        }
    }
}
