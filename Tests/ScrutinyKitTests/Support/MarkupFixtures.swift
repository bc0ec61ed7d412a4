import Foundation
import Testing
@testable import ScrutinyKit

/// The fixtures under Fixtures/markup (made by tools/make_markup_fixtures.py) and helpers the
/// HTML, DOCX and ODT reader tests share.
enum MarkupFixtures {
    static var folder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent("markup")
    }

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    static var all: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map(path)
    }

    /// Reads a fixture, or returns the error that refused it.
    static func read(_ name: String) -> Result<Document, ReadError> {
        do {
            return .success(try DocumentReader().read(path: path(name)))
        } catch {
            return .failure(error)
        }
    }

    /// The blocks of an HTML page given as text.
    static func html(_ page: String) throws -> [Block] {
        try HTMLReader().read(bytes: Array(page.utf8), path: "page.html").blocks
    }

    /// A compact view of blocks: "h2 1 INTRODUCTION" (level, ordinal, text), "li0 1.4 #1.4 The JTAI"
    /// (depth, marker, ordinal, text), "li1 • x", "p text", "tr a | b".
    static func outline(_ blocks: [Block]) -> [String] {
        blocks.compactMap { block in
            switch block.kind {
            case .heading:
                return "h\(block.level ?? 0) \(block.ordinal.map { $0 + " " } ?? "")\(block.text)"
            case .listItem:
                let marker = block.marker.flatMap { $0.isEmpty ? nil : $0 } ?? "·"
                return "li\(block.depth ?? 0) \(marker)\(block.ordinal.map { " #" + $0 } ?? "") \(block.text)"
            case .paragraph:
                return "p \(block.text)"
            case .tableRow:
                return "tr " + (block.cells ?? []).joined(separator: " | ")
            }
        }
    }
}
