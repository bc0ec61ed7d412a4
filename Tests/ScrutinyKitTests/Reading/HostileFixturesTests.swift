import Foundation
import Testing
@testable import ScrutinyKit

/// The cases of the hostile-input campaign (`make bench-hostile-campaign`) that no other test
/// covered, as small fixtures made by tools/make_hostile_fixtures.py: each is refused in one line
/// naming the file and the cause, or read whole, and never costs more than its size.
@Suite struct HostileFixturesTests {
    static let folder = Paths.root.appendingPathComponent("Tests/ScrutinyKitTests/Fixtures/hostile")

    func path(_ name: String) -> String { Self.folder.appendingPathComponent(name).path }

    func refusal(_ name: String) throws -> ReadError {
        do {
            _ = try DocumentReader().read(path: path(name))
        } catch {
            let message = try #require(error.errorDescription)
            #expect(message.contains(name), "\(message) does not name the file")
            #expect(!message.contains("\n"), "\(message) is more than one line")
            return error
        }
        Issue.record("\(name) was read")
        throw CancellationError()
    }

    @Test(arguments: [("deep-tables.docx", "word/document.xml"), ("deep-lists.odt", "content.xml")])
    func officePartsNestedPastTheLimitAreRefusedNamingTheLimit(name: String, part: String) throws {
        // libxml2 stops at 256 levels; the message said "use XML_PARSE_HUGE option", which no user can.
        let error = try refusal(name)
        guard case .overLimit(_, let cause) = error else { Issue.record("\(name): \(error)"); return }
        #expect(cause == "\(part) nests its mark-up deeper than 256 levels, the limit for an XML part")
        #expect(!(error.errorDescription ?? "").contains("XML_PARSE_HUGE"))
    }

    @Test(arguments: ["letters-million.docx", "letters-million.odt"])
    func officeListsLetteredFromAMillionMakeShortMarkers(name: String) throws {
        // The DOCX and ODT forms of the issue's 800 MB and 1.4 GB cases: each level's counter is
        // shown in digits past eight letters, so a marker costs 8 characters a level at most.
        let document = try DocumentReader().read(path: path(name))
        let items = document.blocks.filter { $0.kind == .listItem }
        #expect(items.count >= 30)
        let markers = items.compactMap(\.marker)
        #expect(markers.count == items.count)
        #expect(markers.contains { $0.contains("1000000") }, "\(markers.prefix(3))")
        #expect(markers.allSatisfy { $0.count <= 10 * 8 + 10 }, "\(markers.map(\.count).max() ?? 0)")
        #expect(document.text.utf8.count < 10_000)
    }

    @Test func anODTPartLargerThanItsHeaderSaysIsRefused() throws {
        let error = try refusal("lying-size.odt")
        guard case .tooLarge(_, let cause) = error else { Issue.record("\(error)"); return }
        #expect(cause == "content.xml expands beyond the 1000 bytes its zip header declares")
    }

    /// The DOCX `make fuzz` found (session 11): its document.xml's deflate stream does not end
    /// within the part, and a damaged directory flag makes ZIPFoundation read on to the end of the
    /// file, where its inflate loop spun for ever. The part is now inflated from its own bytes
    /// and the file refused as damaged (before the fix this test never returned).
    @Test func aDeflateStreamThatDoesNotEndInItsPartIsRefusedNotLoopedOn() throws {
        let file = Paths.root.appendingPathComponent("Fuzz/findings/docx-timeout-zipfoundation-inflate-loop.docx").path
        let error = #expect(throws: ReadError.self) { try DocumentReader().read(path: file) }
        guard case .corrupt(_, let cause)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(cause.contains("word/document.xml"), "\(cause)")
    }

    @Test func aPartWhoseCompressedDataRunsPastTheFileIsRefusedNotLoopedOn() throws {
        // The odt fuzzer's find: content.xml declares 131,078 compressed bytes in a 509-byte file.
        // Its 391 bytes of data would expand to the 4 MB it declares: refused for the ratio,
        // which is taken over the data the part really has, before anything is inflated.
        let file = Paths.root.appendingPathComponent("Fuzz/findings/odt-timeout-zipfoundation-fallback-inflate-loop.odt").path
        let error = #expect(throws: ReadError.self) { try DocumentReader().read(path: file) }
        guard case .tooLarge(_, let cause)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(cause == "content.xml would expand from 391 bytes to 4.0 MB (10728:1, over the 200:1 limit)")
    }

    /// A stored (uncompressed) part whose directory entry claims more bytes than the file holds:
    /// read from its own bytes, it is refused as cut short (ZIPFoundation's reading loop, which
    /// scrutiny no longer uses, reads on to the end of the file). A stored DOCX that is whole
    /// reads as before.
    @Test func aStoredPartLongerThanTheFileIsRefusedAsCutShort() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-stored-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try DocumentReader().read(path: Paths.documents.appendingPathComponent("brindlecombe-annual-report-2023.md").path)
        let whole = folder.appendingPathComponent("stored.docx")
        try SeedFormatsTests.docx(source, to: whole)
        let read = try DocumentReader().read(path: whole.path)
        // (The test's writer puts a table row's cells in one run, tab-separated; read back, a space.)
        #expect(read.blocks.map(\.text) == source.blocks.map { $0.text.replacingOccurrences(of: "\t", with: " ") })

        // Raise word/document.xml's sizes in the central directory by 100,000 bytes.
        var bytes = [UInt8](try Data(contentsOf: whole))
        let header = try #require(ZipFixtures.directoryEntry(of: "word/document.xml", in: bytes))
        #expect(bytes[header + 10] == 0 && bytes[header + 11] == 0, "the part is not stored")
        for field in [header + 20, header + 24] {
            ZipFixtures.setField(&bytes, at: field, to: ZipFixtures.field(bytes, at: field) + 100_000)
        }
        let cut = folder.appendingPathComponent("stored-cut.docx")
        try Data(bytes).write(to: cut)
        let error = #expect(throws: ReadError.self) { try DocumentReader().read(path: cut.path) }
        guard case .corrupt(_, let cause)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(cause == "word/document.xml ends before its data does")
    }

    /// A bomb that lies about its compressed size: 2 MB of text deflated to a few kilobytes
    /// (about 500:1), its directory entry claiming 1 MB of compressed data (2:1). The ratio is
    /// taken over the bytes the part really has, so it is refused; before, it was read.
    @Test func anArchiveBombThatOverstatesItsCompressedSizeIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paragraph = "<w:p><w:r><w:t>The board should act.</w:t></w:r></w:p>"
        let body = String(repeating: paragraph, count: 2_000_000 / paragraph.utf8.count)
        let bomb = folder.appendingPathComponent("bomb.docx")
        try ZipFixtures.writeDocx(body: body, to: bomb, compression: .deflate)
        var bytes = [UInt8](try Data(contentsOf: bomb))
        let header = try #require(ZipFixtures.directoryEntry(of: "word/document.xml", in: bytes))
        #expect(ZipFixtures.field(bytes, at: header + 20) < 20_000, "deflated to \(ZipFixtures.field(bytes, at: header + 20)) bytes")
        ZipFixtures.setField(&bytes, at: header + 20, to: 1 << 20)
        try Data(bytes).write(to: bomb)
        let error = #expect(throws: ReadError.self) { try DocumentReader().read(path: bomb.path) }
        guard case .tooLarge(_, let cause)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(cause.hasPrefix("word/document.xml would expand from ") && cause.hasSuffix("over the 200:1 limit)"), "\(cause)")
    }

    /// ZIPFoundation's inflate loop gives zlib the size it asked for as the length of every chunk,
    /// so each chunk handed to it must be that long: a short last chunk let zlib read past it (the
    /// odt fuzzer's crash, session 13).
    @Test func everyChunkHandedToTheInflaterIsAsLongAsItAskedFor() {
        let bytes = [UInt8](0..<200)
        let part = 50..<130  // 80 bytes of data
        #expect(ArchiveReader.chunk(of: bytes, in: part, at: 0, size: 32) == Data(bytes[50..<82]))
        #expect(ArchiveReader.chunk(of: bytes, in: part, at: 64, size: 32) == Data(bytes[114..<130]) + Data(count: 16))
        for position in stride(from: 0, to: 80, by: 7) {
            #expect(ArchiveReader.chunk(of: bytes, in: part, at: position, size: 32).count == 32)
        }
    }

    @Test func aPDFOfDeeplyNestedArraysIsRefusedAsDamaged() throws {
        let error = try refusal("deep-array.pdf")
        guard case .corrupt = error else { Issue.record("\(error)"); return }
    }

    @Test func aPDFPageExpandingToMegabytesOfSpacesHasNoText() throws {
        // 20 KB of deflate data that poppler expands to 20 MB of spaces: no text, no blow-up.
        let error = try refusal("flate-bomb.pdf")
        guard case .noTextLayer = error else { Issue.record("\(error)"); return }
    }

    @Test func anHTMLPageInUTF16WithoutAByteOrderMarkIsRead() throws {
        // Read as UTF-8, its NUL bytes stopped the parser: an empty document and exit status 0.
        let document = try DocumentReader().read(path: path("utf16-no-bom.html"))
        #expect(document.blocks.map(\.text) == ["The board should act."])
        #expect(document.readErrors == nil)
    }

    @Test func anArchivePartNamedOutsideTheArchiveIsNeverWritten() throws {
        // Parts are read into memory by name; nothing is extracted to disk, so "../../etc/evil.xml" is inert.
        let document = try DocumentReader().read(path: path("traversal.docx"))
        #expect(document.blocks.map(\.text) == ["The board should act."])
    }
}
