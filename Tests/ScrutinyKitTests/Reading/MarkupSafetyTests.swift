import Foundation
import Testing
@testable import ScrutinyKit

/// Malicious and broken HTML, DOCX and ODT files are refused or neutralised, each with one line
/// naming the file, and never crash the reader.
@Suite struct MarkupSafetyTests {
    func failure(_ name: String) throws -> ReadError {
        switch MarkupFixtures.read(name) {
        case .success:
            Issue.record("\(name) was read")
            throw CancellationError()
        case .failure(let error):
            let message = try #require(error.errorDescription)
            #expect(message.contains(name), "\(message) does not name the file")
            #expect(!message.contains("\n"), "\(message) is more than one line")
            return error
        }
    }

    @Test(arguments: ["xxe.docx", "xxe.odt", "billion-laughs.docx", "billion-laughs.odt"])
    func refusesEntityDeclarationsInOfficeParts(name: String) throws {
        let error = try failure(name)
        guard case .unsafe(_, let cause) = error else { Issue.record("\(name): \(error)"); return }
        #expect(cause.contains("DTD"))
    }

    @Test func listsStartingNearAMillionMakeShortMarkers() throws {
        // Letter numbering from 1,000,000 once made markers of 38,000 letters, per item and level:
        // a 20 KB page gave 77 MB. Past eight letters ("zzzzzzzz" is 208) the counter shows in digits.
        let items = (0..<200).map { "<li>Item \($0)<ol type=\"a\" start=\"1000000\"><li>x</li><li>y</li></ol></li>" }.joined()
        let blocks = try MarkupFixtures.html("<html><body><ol type=\"A\" start=\"999999\">\(items)</ol></body></html>")
        let markers = blocks.compactMap(\.marker)
        #expect(markers.count == 600)
        #expect(markers.allSatisfy { $0.count <= 16 }, "\(markers.map(\.count).max() ?? 0)")
        #expect(ListNumberStyle.lowerLetter.format(28) == "bb")
        #expect(ListNumberStyle.lowerLetter.format(208) == "zzzzzzzz")
        #expect(ListNumberStyle.upperLetter.format(209) == "209")
    }

    @Test func strayBytesInWindows1252PagesNoLongerCutThePage() throws {
        // 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in Windows-1252: iconv stopped there
        // and the rest of the page was lost without a word.
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            let page = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Before ".utf8) + [byte]
                + Array(" after.</p><p>The partnership should act.</p></body></html>".utf8)
            let contents = try HTMLReader().read(bytes: page, path: "page.html")
            #expect(contents.blocks.map(\.text).last == "The partnership should act.", "byte \(byte)")
            #expect(contents.warnings.isEmpty)
        }
        // A UTF-8 page that declares Windows-1252 keeps its letters.
        let mislabelled = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Café review</p></body></html>".utf8)
        #expect(try HTMLReader().read(bytes: mislabelled, path: "page.html").blocks.first?.text == "Café review")
        // A page that claims UTF-8 for bytes that are not is read as Windows-1252, to its end.
        let broken = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Caf".utf8) + [0xE9, 0x8D]
            + Array(" review</p><p>Last paragraph here.</p></body></html>".utf8)
        let read = try HTMLReader().read(bytes: broken, path: "page.html")
        #expect(read.blocks.first?.text.hasPrefix("Café") == true)
        #expect(read.blocks.last?.text == "Last paragraph here.")
    }

    @Test func deepNestingAndTruncationAreReportedNotSilent() throws {
        let deep = "<html><body>" + String(repeating: "<div>", count: 300) + "<p>Deep text.</p>" + String(repeating: "</div>", count: 300) + "</body></html>"
        let contents = try HTMLReader().read(bytes: Array(deep.utf8), path: "deep.html")
        #expect(contents.warnings.contains { $0.contains("nested deeper than 256 levels") })
        let shallow = "<html><body>" + String(repeating: "<div>", count: 100) + "<p>Deep text.</p>" + String(repeating: "</div>", count: 100) + "</body></html>"
        let fine = try HTMLReader().read(bytes: Array(shallow.utf8), path: "shallow.html")
        #expect(fine.warnings.isEmpty)
        #expect(fine.blocks.map(\.text) == ["Deep text."])
        let cut = try HTMLReader().read(bytes: Array("<!doctype html><html><body><h1>Report</h1><p>The partnership should".utf8), path: "cut.html")
        #expect(cut.warnings.contains { $0.contains("cut short") })
    }

    @Test func leavesEntitiesInHTMLUnexpanded() throws {
        let xxe = try MarkupFixtures.read("xxe.html").get()
        #expect(MarkupFixtures.outline(xxe.blocks) == ["h1 Report", "p Before &xxe; after"])
        let laughs = try MarkupFixtures.read("billion-laughs.html").get()
        #expect(MarkupFixtures.outline(laughs.blocks) == ["h1 Laughs", "p &lol9;"])
    }

    @Test(arguments: [
        ("zip-bomb.docx", "(1024:1, over the 200:1 limit)"),
        ("zip-bomb.odt", ":1, over the 200:1 limit)"),
        ("lying-size.docx", "expands beyond the 1000 bytes its zip header declares"),
        ("huge-declared.docx", "would expand to 4.0 GB, over the 64.0 MB limit for one part"),
    ])
    func refusesArchiveBombs(name: String, cause expected: String) throws {
        let error = try failure(name)
        guard case .tooLarge(_, let cause) = error else { Issue.record("\(name): \(error)"); return }
        #expect(cause.contains(expected), "\(cause)")
        #expect(error.errorDescription?.hasSuffix("refused as a possible archive bomb") == true)
    }

    @Test(arguments: [
        ("missing-document.docx", "it has no word/document.xml"),
        ("no-content.odt", "it has no content.xml"),
        ("not-xml.docx", "word/document.xml is not well-formed XML"),
        ("empty-part.docx", "word/document.xml is empty"),
        ("truncated.docx", "not a readable zip archive"),
        ("truncated.odt", "not a readable zip archive"),
    ])
    func reportsBrokenArchivesAndMissingParts(name: String, cause expected: String) throws {
        let error = try failure(name)
        guard case .corrupt(_, let cause) = error else { Issue.record("\(name): \(error)"); return }
        #expect(cause.contains(expected), "\(cause)")
    }

    @Test func nothingFromEtcPasswdAppearsInAnyOutput() throws {
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0:root:/root:/bin/bash"
        let secrets = passwd.split(separator: "\n").map(String.init).filter { $0.count >= 8 }
            + passwd.split(separator: "\n").compactMap { $0.split(separator: ":").first.map { $0 + ":x:" } }
        #expect(!secrets.isEmpty)
        let corpus = ["html", "docx", "odt"].flatMap { ext in
            ((try? FileManager.default.contentsOfDirectory(atPath: Paths.documents.path)) ?? [])
                .filter { $0.hasSuffix("." + ext) }.map { Paths.documents.appendingPathComponent($0).path }
        }
        var outputs = 0
        for path in MarkupFixtures.all + corpus {
            let output: String
            do {
                let document = try DocumentReader().read(path: path)
                let json = (try? JSONEncoder().encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? ""
                output = json + document.text
            } catch {
                output = error.errorDescription ?? ""
            }
            outputs += 1
            for secret in secrets {
                #expect(!output.contains(secret), "\(path) shows \(secret)")
            }
        }
        #expect(outputs >= 20)
    }

    @Test(arguments: ["word-features.docx", "odf-features.odt"])
    func damagedArchivesAreReportedNeverCrash(name: String) throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: MarkupFixtures.path(name))))
        var refused = 0
        var read = 0
        var variants: [[UInt8]] = stride(from: 1, to: original.count, by: 37).map { Array(original.prefix($0)) }
        for position in stride(from: 0, to: original.count, by: 5) {
            var damaged = original
            damaged[position] ^= 0x5A
            variants.append(damaged)
        }
        for bytes in variants {
            do {
                if name.hasSuffix(".docx") {
                    _ = try DOCXReader().read(bytes: bytes, path: name)
                } else {
                    _ = try ODTReader().read(bytes: bytes, path: name)
                }
                read += 1
            } catch {
                #expect(error.errorDescription?.contains(name) == true)
                refused += 1
            }
        }
        #expect(refused > 0)
        #expect(read + refused == variants.count)
    }

    @Test func limitsCapEachPartAndTheWholeArchive() throws {
        let path = Paths.documents.appendingPathComponent("kestlebury-independent-review-2024.docx").path
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var onePart = ArchiveLimits.standard
        onePart.maxPartBytes = 10_000
        #expect(throws: ReadError.self) { try DOCXReader(limits: onePart).read(bytes: bytes, path: path) }
        // document.xml is about 25 KB and styles.xml plus numbering.xml about 8 KB more.
        var total = ArchiveLimits.standard
        total.maxTotalBytes = 30_000
        do {
            _ = try DOCXReader(limits: total).read(bytes: bytes, path: path)
            Issue.record("read within a 30 KB total")
        } catch {
            guard case .tooLarge(_, let cause) = error else { Issue.record("\(error)"); return }
            #expect(cause.contains("together"), "\(cause)")
        }
        #expect(throws: Never.self) { try DOCXReader().read(bytes: bytes, path: path) }
    }
}
