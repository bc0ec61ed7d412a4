import Foundation
import Testing
@testable import ScrutinyKit

/// REFI-QDA codebooks and projects read as code trees: a real ATLAS.ti export, and files that are
/// neither refused in one line. (What `export` writes is read back in `QDPXProjectTests`.)
@Suite struct QDACodebookReaderTests {
    static let samples = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/refi-qda/samples")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: QDACodebookReaderTests.samples.path), "needs ../shared/refi-qda/samples"))
    func aRealATLASExportIsRead() throws {
        let codes = try QDACodebookReader.read(path: Self.samples.appendingPathComponent("target-atlas-project.qdpx").path)
        #expect(codes.map(\.name) == ["Commits"])
        #expect(codes.first?.children.map(\.name) == ["2022-05-10T02:05:59Z 19e4dce", "2022-02-11T10:39:25Z cdbfd92"])
        #expect(codes.first?.guid == "A182CD3A-D83C-4D8C-BC80-26D9103EC6D6")
        #expect(try QDACodebookReader.read(path: Self.samples.appendingPathComponent("blank-atlas-project.qdpx").path).isEmpty)
    }

    @Test func aFileThatIsNeitherIsRefusedInOneLine() {
        #expect(throws: ReadError.self) { try QDACodebookReader.read(path: Paths.root.appendingPathComponent("README.md").path) }
        #expect(throws: ReadError.notFound(path: "/no/such.qdc")) { try QDACodebookReader.read(path: "/no/such.qdc") }
        // A .qdpx that is not a zip archive is said to be none, not damaged XML (session 46's audit).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qdc-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("nz.qdpx")
        try? Data("hello".utf8).write(to: text)
        #expect(throws: ReadError.corrupt(path: text.path, cause: "a .qdpx project is a zip archive, and this file is not one")) {
            try QDACodebookReader.read(path: text.path)
        }
    }
}
