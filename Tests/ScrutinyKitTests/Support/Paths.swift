import Foundation
import ScrutinyKit

/// Where the project's own files and the shared seed documents are, from this file's location.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")
    static let lexicons = root.appendingPathComponent("lexicons")
    /// The document types of the project's documents.yml.
    static let documentTypes = try! LexiconDirectory(url: lexicons).documentTypes()
    static let documents = corpus.appendingPathComponent("documents")
    static let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var seedsExist: Bool { FileManager.default.fileExists(atPath: seeds.path) }

    static func seed(_ prefix: String) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        let name = names.first { $0.hasPrefix(prefix) } ?? prefix
        return seeds.appendingPathComponent(name).path
    }

    static func corpusDocuments() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: documents.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted().map {
            documents.appendingPathComponent($0).path
        }
    }
}
