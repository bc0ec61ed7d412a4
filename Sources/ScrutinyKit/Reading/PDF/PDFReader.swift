import Foundation

/// Reads PDF files through poppler: text in reading order (two columns included) with its glyph
/// boxes and type styles, running headers, footers and page numbers removed, words broken at a
/// line end rejoined, headings told by font size and weight, list items by bullets and numbering,
/// tables as table rows. Encrypted, damaged, truncated and scanned files are refused with a
/// ``ReadError`` that says what to do.
struct PDFReader: Sendable {
    var password: String?

    init(password: String? = nil) { self.password = password }

    /// Poppler's global state (its lazily made parameters, font caches) is not safe to use from
    /// two threads at once, so documents are read one at a time across the process.
    private static let poppler = NSLock()

    /// Runs `body` holding the process-wide poppler lock (for tests that open documents themselves).
    static func withPoppler<T>(_ body: () throws -> T) rethrows -> T {
        poppler.lock()
        defer { poppler.unlock() }
        return try body()
    }

    func read(bytes: [UInt8], path: String) throws(ReadError) -> ReadContents {
        // Poppler under the lock; the Swift stage after it (lines, reading order, blocks) outside,
        // so that with --jobs one thread lays out a document while another is in poppler.
        let (pages, metadata, pageCount, warnings) = try popplerPages(bytes: bytes, path: path)
        return ReadContents(blocks: Self.blocks(of: pages), metadata: metadata, pageCount: pageCount, warnings: warnings)
    }

    /// The pages' text, glyph boxes and font runs as poppler gives them, the file's own metadata,
    /// and poppler's complaints; read under the process-wide lock.
    private func popplerPages(bytes: [UInt8], path: String) throws(ReadError)
        -> (pages: [PDFPageText], metadata: Metadata, pageCount: Int, warnings: [String]) {
        Self.poppler.lock()
        defer { Self.poppler.unlock() }
        PopplerErrorLog.start()
        let document = try PopplerDocument(bytes: Self.withoutOutputIntents(bytes), password: password, path: path)
        PopplerErrorLog.start(reset: false)
        guard Self.hasEndMarker(bytes) else {
            throw .corrupt(path: path, cause: "truncated: the end-of-file marker is missing")
        }
        let pageCount = document.pageCount
        guard pageCount > 0 else { throw .corrupt(path: path, cause: "it has no pages") }
        let pages = (0..<pageCount).compactMap(document.pageText)
        let characters = pages.reduce(0) { sum, page in sum + page.text.reduce(0) { $0 + ($1.value > 0x20 ? 1 : 0) } }
        // Poppler has read every page by now: the errors it met on the way are all counted.
        let errors = PopplerErrorLog.errors
        // A scan has no text at all, or a stray stamp or page number: far less than a page's worth.
        // Where poppler met errors, the file is damaged, not a scan (session 38's audit: a letter
        // with one block overwritten was sent to OCR).
        guard characters >= 25 * pageCount else {
            if errors > 0 { throw .corrupt(path: path, cause: "poppler met \(errors) syntax or I/O error\(errors == 1 ? "" : "s") and read almost no text") }
            throw .noTextLayer(path: path)
        }
        let warnings = errors == 0 ? [] : ["poppler reported \(errors) syntax or I/O error\(errors == 1 ? "" : "s") in the file"]
        return (pages, Self.metadata(of: document), pageCount, warnings)
    }

    /// The stage after poppler, in Swift alone: the pages' text, glyph boxes and font runs made
    /// into blocks (lines, running headers and footnotes removed, reading order, blocks). Fuzzed on its own.
    /// A file set in one size and weight throughout, so that no line stands out as a heading, gets
    /// its headings inferred from its paragraphs as a plain HTML or Word page does.
    static func blocks(of pages: [PDFPageText]) -> [Block] {
        let pages = pages.map { RunningHeaderFilter.Page(lines: PDFLineBuilder.lines(of: $0), height: $0.height) }
        let lines = PDFReadingOrder.lines(of: FootnoteFilter().filter(RunningHeaderFilter().filter(pages)).map(\.lines))
        return MarkupBlocks.inferringHeadings(PDFBlockAssembler(lines: lines).blocks())
    }
}

extension PDFReader {
    /// `bytes` with the catalog's `/OutputIntents` key renamed (`/OutputIntentz`, the same length,
    /// so every offset of the file stays right) where it stands as a dictionary key in the file's
    /// plain bytes. A PDF/A file's output intent carries an ICC profile, and poppler builds colour
    /// transforms from it for every page it lays out (`Gfx::initDisplayProfile`): 80% of its time
    /// on the Ofsted PDFs, for colours that text extraction never uses. The text poppler gives is
    /// the same without it (checked over the 48 real PDFs with pdftotext, and by a test).
    /// Where the catalog sits in a compressed object stream the key is not seen and nothing changes.
    static func withoutOutputIntents(_ bytes: [UInt8]) -> [UInt8] {
        let key = Array("/OutputIntents".utf8)
        var result: [UInt8]?
        let buffer = bytes
        do {
            var index = 0
            let last = buffer.count - key.count - 1
            while index <= last {
                if buffer[index] == 0x2F, buffer[index + 1] == 0x4F, buffer[index + 13] == 0x73 {
                    var matched = true
                    for offset in 2..<key.count where buffer[index + offset] != key[offset] {
                        matched = false
                        break
                    }
                    // A key is followed by its value: an array, a reference or white space before either.
                    let next = buffer[index + key.count]
                    if matched, next == 0x5B || next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 || (0x30...0x39).contains(next) {
                        if result == nil { result = Array(buffer) }
                        result![index + key.count - 1] = 0x7A // "s" -> "z"
                    }
                }
                index += 1
            }
        }
        return result ?? bytes
    }
}

private extension PDFReader {
    /// A PDF ends with "%%EOF" (followed at most by a little white space or junk); a file cut short does not.
    static func hasEndMarker(_ bytes: [UInt8]) -> Bool {
        let tail = bytes.suffix(2048)
        let marker = Array("%%EOF".utf8)
        guard tail.count >= marker.count else { return false }
        var index = tail.startIndex
        while index + marker.count <= tail.endIndex {
            if tail[index] == 0x25, tail[index..<index + marker.count].elementsEqual(marker) { return true }
            index += 1
        }
        return false
    }

    static func metadata(of document: PopplerDocument) -> Metadata {
        let title = document.title.map { CharacterNormalizer.normalize($0).trimmingCharacters(in: " \t\n") }
        let authors = (document.author ?? "").split(separator: ";")
            .map { CharacterNormalizer.normalize(String($0)).trimmingCharacters(in: " \t\n") }
            .filter { !$0.isEmpty }
        return Metadata(title: title.flatMap(usefulTitle), date: document.creationMonth, authors: authors)
    }

    /// The file's own title unless it is a placeholder an exporter left ("Microsoft Word - report.docx", "untitled").
    static func usefulTitle(_ title: String) -> String? {
        let lower = title.lowercased()
        if title.isEmpty || lower.hasPrefix("microsoft word") || lower == "untitled" || lower.hasPrefix("untitled ") { return nil }
        if [".doc", ".docx", ".pdf", ".odt", ".rtf"].contains(where: { lower.hasSuffix($0) }) { return nil }
        return title
    }
}
