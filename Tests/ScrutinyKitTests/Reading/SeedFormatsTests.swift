import Foundation
import Testing
@testable import ScrutinyKit

/// The same seed in text, HTML, Word and PDF gives the same items. The seeds may not be copied
/// into the project, so the other versions are rendered here, at test time, from the text reader's
/// blocks, the way a plain conversion writes them: every heading an ordinary paragraph (as in
/// the renderings where "Recommendations" is a short standalone paragraph), list items with
/// their markers. The PDF is written by `MinimalPDF` (Helvetica, ragged-right lines wrapped at the
/// page width, list items with a hanging indent) and read back through poppler.
@Suite(.enabled(if: Paths.seedsExist)) struct SeedFormatsTests {
    static let rules = try! ItemRules(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml"))

    func items(_ path: String) throws -> [String] {
        RecommendationFinder(rules: Self.rules).recommendations(in: try DocumentReader().read(path: path)).map(\.text)
    }

    func recall(of found: [String], against text: [String]) -> Double {
        text.isEmpty ? 1 : Double(ItemMatcher.pairs(found: found, gold: text).count) / Double(text.count)
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Each block as a paragraph's text: list items keep their marker, table rows their cells.
    static func lines(_ document: Document) -> [String] {
        document.blocks.map { block in
            switch block.kind {
            case .listItem: return ((block.ordinal.map { $0 + "." } ?? "\u{2022}") + " " + block.text)
            case .tableRow: return (block.cells ?? [block.text]).joined(separator: " ")
            default: return block.text
            }
        }
    }

    static func html(_ document: Document) -> String {
        "<!DOCTYPE html><html><body>\n" + lines(document).map { "<p>\(escaped($0))</p>\n" }.joined() + "</body></html>\n"
    }

    static func pdf(_ document: Document) -> Data {
        let paragraphs = document.blocks.map { block -> MinimalPDF.Paragraph in
            switch block.kind {
            case .listItem: return .init(marker: block.ordinal.map { $0 + "." } ?? "\u{2022}", text: block.text)
            case .tableRow: return .init(marker: nil, text: (block.cells ?? [block.text]).joined(separator: " "))
            default: return .init(marker: nil, text: block.text)
            }
        }
        return MinimalPDF().data(paragraphs)
    }

    static func docx(_ document: Document, to url: URL) throws {
        let body = lines(document).map { "<w:p><w:r><w:t xml:space=\"preserve\">\(escaped($0))</w:t></w:r></w:p>" }.joined()
        try ZipFixtures.writeDocx(body: body, to: url)
    }

    @Test(arguments: ["000", "001", "002", "004"])
    func everyFormatGivesTheTextVersionsItems(seed: String) throws {
        let path = Paths.seed(seed)
        let text = try items(path)
        #expect(!text.isEmpty)
        let document = try DocumentReader().read(path: path)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let htmlURL = folder.appendingPathComponent("seed-\(seed).html")
        try Self.html(document).write(to: htmlURL, atomically: true, encoding: .utf8)
        let docxURL = folder.appendingPathComponent("seed-\(seed).docx")
        try Self.docx(document, to: docxURL)
        let pdfURL = folder.appendingPathComponent("seed-\(seed).pdf")
        try Self.pdf(document).write(to: pdfURL)
        for (format, url) in [("html", htmlURL), ("docx", docxURL), ("pdf", pdfURL)] {
            let found = try items(url.path)
            let figure = recall(of: found, against: text)
            print("seed \(seed) \(format): \(found.count) items, recall \(String(format: "%.3f", figure)) against the text version's \(text.count)")
            #expect(figure >= 0.97, "seed \(seed) as \(format)")
        }
    }
}
