import Testing
@testable import ScrutinyKit

/// Formats are recognised by content; the extension only breaks ties.
@Suite struct FormatSniffingTests {
    @Test func aWebPageSavedWithAPDFNameIsReadAsHTML() throws {
        let page = Array("<!DOCTYPE html><html><body><p>Text</p></body></html>".utf8)
        #expect(try DocumentReader.format(of: page, path: "report.pdf") == .html)
        let xhtml = Array("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>".utf8)
        #expect(try DocumentReader.format(of: xhtml, path: "report.docx") == .html)
    }

    @Test func aPDFHeaderAfterALittleJunkIsAPDF() throws {
        #expect(try DocumentReader.format(of: Array("\r\n%PDF-1.7\n".utf8), path: "letter") == .pdf)
    }

    @Test func aFileNamedPDFWithNeitherIsStillRefused() {
        #expect(throws: ReadError.self) { try DocumentReader.format(of: Array("plain words".utf8), path: "report.pdf") }
    }

    /// Plain text under a PDF's or an office file's name is refused for what it is, with what to do,
    /// not called damaged; binary junk under those names is still damaged.
    @Test func plainTextUnderAnotherFormatsNameIsSaidToBeText() throws {
        for name in ["report.pdf", "report.docx", "report.odt"] {
            do {
                _ = try DocumentReader.format(of: Array("The partnership should publish its plan.\n".utf8), path: name)
                Issue.record("\(name) was read")
            } catch {
                #expect(error == .misnamed(path: name, holds: "plain text", readAs: "txt"))
                #expect(error.errorDescription?.contains("holds plain text; rename it .txt") == true, "\(error)")
            }
        }
        // Random bytes without a NUL are junk, not text (they were "plain text" until session 19).
        var generator = SystemRandomNumberGenerator()
        var junk = (0..<100).map { _ in UInt8.random(in: 1...255, using: &generator) }
        junk[0] = 0x9E
        junk[1] = 0x10
        junk[2] = 0x01  // two control bytes at least: the test cannot pass or fail by chance
        do {
            _ = try DocumentReader.format(of: junk, path: "report.pdf")
            Issue.record("junk was read")
        } catch {
            guard case .corrupt = error else { Issue.record("\(error)"); return }
        }
        do {
            _ = try DocumentReader.format(of: [0x00, 0xFF, 0x13, 0x00, 0x88], path: "report.pdf")
            Issue.record("junk was read")
        } catch {
            guard case .corrupt = error else { Issue.record("\(error)"); return }
        }
    }

    /// A Word 97-2003 file saved under a .docx name (or as .doc) is said to be one, with what to
    /// do: it was "damaged or truncated (not a zip archive)" until session 19.
    @Test func anOldOfficeFileIsSaidToBeOne() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        for name in ["report.docx", "report.doc", "report.pdf"] {
            do {
                _ = try DocumentReader.format(of: ole, path: name)
                Issue.record("\(name) was read")
            } catch {
                #expect(error.errorDescription?.contains("old Office file (Word 97-2003 .doc or the like)") == true, "\(error)")
                #expect(error.errorDescription?.hasSuffix("which is not read; save it as .docx, PDF or text") == true, "\(error)")
                #expect(error.errorDescription?.contains("permissions") == false)
            }
        }
    }

    /// A file read but holding no text is said to be one, as an empty file is (session 38's audit:
    /// white space, a page of furniture and an image-only Word file gave "0 items" and status 0).
    @Test func aFileWithNoTextIsSaidToBeOne() throws {
        #expect(throws: ReadError.noText(path: "blank.txt", format: .text)) {
            try DocumentReader().read(bytes: Array("   \n\n\t\n".utf8), path: "blank.txt")
        }
        #expect(throws: ReadError.noText(path: "page.html", format: .html)) {
            try DocumentReader().read(bytes: Array("<html><body><nav><a href=x>Home</a></nav><script>x()</script></body></html>".utf8), path: "page.html")
        }
        #expect(ReadError.noText(path: "a.docx", format: .docx).errorDescription == "cannot read a.docx: it holds no text (only images or drawings, or blank pages?)")
    }

    /// Rich Text is said to be what it is, whatever its name (session 38's audit: read as text,
    /// "\\par" ended up in items); plain text named .html is read as text, with no tag to find; a
    /// Word file named .odt is read as Word, as an OpenDocument file named .docx was.
    @Test func richTextTextAsHTMLAndWordAsODT() throws {
        for name in ["report.rtf", "report.txt", "report.docx"] {
            #expect(throws: ReadError.notRead(path: name, holds: "a Rich Text (RTF) file")) {
                try DocumentReader.format(of: Array("{\\rtf1\\ansi Partners should act.\\par}".utf8), path: name)
            }
        }
        let text = Array("Recommendations\n\n1. Partners should act when x > 3 and y < 4.\n".utf8)
        #expect(try DocumentReader.format(of: text, path: "report.html") == .text)
        #expect(try DocumentReader.format(of: Array("<p>Partners should act.</p>".utf8), path: "report.html") == .html)
        let word = [0x50, 0x4B, 0x03, 0x04] + Array("[Content_Types].xml word/document.xml".utf8)
        #expect(try DocumentReader.format(of: word, path: "report.odt") == .docx)
    }

    /// A failed download saved under the document's name (the site's "Page not found" page) is said
    /// to be one; it was read as a document without a partnership until session 19.
    @Test func aWebServersErrorPageIsSaidToBeOne() throws {
        let page = "<html><head><title>Page not found - Example Council</title></head><body><h1>Page not found</h1>"
            + "<p>Sorry, we could not find that page. Try the search box.</p></body></html>"
        do {
            _ = try DocumentReader().read(bytes: Array(page.utf8), path: "downloads/inspection.pdf")
            Issue.record("read")
        } catch {
            #expect(error.errorDescription?.contains("a web page saying \"Page not found\"") == true, "\(error)")
        }
        // A page about pages that were not found, long enough to be a document, is read.
        let article = "<html><body><h1>Broken links</h1>" + String(repeating: "<p>The council fixed the links that gave page not found errors on its safeguarding pages this year.</p>", count: 15) + "</body></html>"
        #expect(try DocumentReader().read(bytes: Array(article.utf8), path: "article.html").blocks.count > 10)
    }

    /// A page saved in UTF-16 (Windows' "Unicode"), with a byte-order mark or without, is a web
    /// page whatever its name (session 42's audit: with the mark it was read as plain text, its
    /// tags as paragraphs and its list numbers lost; named .pdf, it was called damaged).
    @Test func aUTF16PageIsAWebPage() throws {
        let page = "<!DOCTYPE html><html><body><h1>Scrutiny report</h1><ol><li>The partnership should review its caf\u{00E9} audit programme.</li></ol></body></html>"
        let little = Array(page.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = Array(page.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, name) in [([0xFF, 0xFE] + little, "bom-le"), ([0xFE, 0xFF] + big, "bom-be"), (little, "le")] {
            for ext in ["html", "pdf", "txt"] {
                #expect(try DocumentReader.format(of: bytes, path: "\(name).\(ext)") == .html, "\(name).\(ext)")
            }
            let document = try DocumentReader().read(bytes: bytes, path: "\(name).html")
            #expect(document.blocks.map(\.kind) == [.heading, .listItem], "\(name)")
            #expect(document.blocks.last?.text == "The partnership should review its caf\u{00E9} audit programme.", "\(name)")
        }
    }

    /// Plain text in UTF-16 under an office file's name is said to be text too, not damaged.
    @Test func utf16TextUnderAnotherFormatsNameIsSaidToBeText() {
        let text = "The partnership should publish its plan.\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for name in ["report.docx", "report.odt", "report.pdf"] {
            #expect(throws: ReadError.misnamed(path: name, holds: "plain text", readAs: "txt")) { try DocumentReader.format(of: bytes, path: name) }
        }
    }
}
