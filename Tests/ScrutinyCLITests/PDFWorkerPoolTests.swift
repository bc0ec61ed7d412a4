import Foundation
import ScrutinyKit
import Testing
@testable import scrutiny

/// PDFs read in helper processes (`scrutiny read-worker`, for `--jobs` above 1) come back exactly
/// as this process reads them, refusals included; a helper that dies costs only the file it was
/// reading, and the next file gets a new helper.
@Suite struct PDFWorkerPoolTests {
    let documents = CLI.root.appendingPathComponent("corpus/documents")

    @Test func aHelperGivesWhatThisProcessReads() throws {
        let pool = PDFWorkerPool(size: 2, executable: CLI.executable)
        for name in ["calderwick-committee-report-2022.pdf", "hartsey-independent-review-2021.pdf"] {
            let path = documents.appendingPathComponent(name).path
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let here = try DocumentReader.pdfContents(bytes: bytes, path: path, password: nil)
            let there = try pool.contents(ofPDF: bytes, path: path, password: nil)
            #expect(there == here, "\(name) read by a helper differs")
            #expect(!there.blocks.isEmpty)
        }
    }

    @Test func aHelperRefusesWhatThisProcessRefuses() throws {
        let pool = PDFWorkerPool(size: 2, executable: CLI.executable)
        let path = documents.appendingPathComponent("calderwick-committee-report-2022.pdf").path
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let cut = Array(bytes.prefix(bytes.count / 2))
        var here: ReadError?
        do { _ = try DocumentReader.pdfContents(bytes: cut, path: "cut.pdf", password: nil) } catch { here = error }
        var there: ReadError?
        do { _ = try pool.contents(ofPDF: cut, path: "cut.pdf", password: nil) } catch { there = error }
        #expect(here != nil)
        #expect(there == here)
    }

    /// A helper that dies (here a stand-in that kills itself with SIGSEGV, as a crash in poppler
    /// would) gives a refusal naming the file and the signal, and each file gets a helper of its own.
    @Test func aHelperThatDiesCostsOnlyItsFile() throws {
        let folder = try CLI.temporaryDirectory()
        let helper = folder.appendingPathComponent("dies")
        try "#!/bin/sh\nkill -SEGV $$\n".write(to: helper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: helper.path)
        let pool = PDFWorkerPool(size: 1, executable: helper)
        for name in ["first.pdf", "second.pdf"] {
            do {
                _ = try pool.contents(ofPDF: Array("%PDF-1.4\n".utf8), path: name, password: nil)
                Issue.record("\(name) was read by a helper that died")
            } catch {
                #expect(error.path == name)
                #expect(error.errorDescription == "cannot read \(name): the PDF reader stopped on it (signal 11); the file may be damaged or made to crash readers", "\(error)")
            }
        }
    }

    /// A request line is one JSON line and the bytes follow it; answers are read back whole
    /// whatever pieces they come in.
    @Test func theLineReaderReadsLinesAndCountedBytesAcrossReads() throws {
        let pipe = Pipe()
        let payload = [UInt8](repeating: 0x41, count: 200_000)
        let writer = Thread {
            try? pipe.fileHandleForWriting.write(contentsOf: Data("{\"a\":1}\n".utf8) + payload + Data("tail\nrest".utf8))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let reader = LineReader(pipe.fileHandleForReading)
        #expect(reader.line() == Array("{\"a\":1}".utf8))
        #expect(reader.bytes(count: payload.count) == payload)
        #expect(reader.line() == Array("tail".utf8))
        #expect(reader.line() == nil, "an unfinished last line is not a line")
    }
}
