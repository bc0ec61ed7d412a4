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
}
