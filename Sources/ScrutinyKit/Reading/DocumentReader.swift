import Foundation

/// Reads any supported file into a ``Document``: sniffs the format from the bytes (the
/// extension only breaks ties), decodes, and hands over to the reader for that format.
public struct DocumentReader: Sendable {
    public struct Options: Sendable {
        /// Password for encrypted PDFs.
        public var password: String?
        /// Where PDFs are read (poppler's part and the layout after it): nil for this process, one
        /// document at a time (poppler is not safe on two threads); the command-line tool passes
        /// helper processes here so that PDFs are read on every core (``PDFContentsReading``).
        public var pdf: (any PDFContentsReading)?

        public init(password: String? = nil, pdf: (any PDFContentsReading)? = nil) {
            self.password = password
            self.pdf = pdf
        }
    }

    public var options: Options

    /// The name that stands for standard input wherever a file is read.
    public static let standardInput = StandardInput.path
    /// What a document read from standard input is called in every output.
    public static let standardInputName = "stdin"

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads the file at `path`.
    public func read(path: String) throws(ReadError) -> Document {
        try read(bytes: try Self.load(path), path: path)
    }

    /// The bytes of the file at `path` (standard input for `-`), refused as ``read(path:)`` refuses
    /// them: missing, a folder, a special file, empty, over the size limit.
    public static func bytes(at path: String) throws(ReadError) -> [UInt8] {
        try load(path)
    }

    /// Reads a file whose bytes are already loaded (``bytes(at:)``).
    /// `sha256`: the bytes' SHA-256 in hex, where the caller has made it already (a run with a
    /// store keys each file by it); made here otherwise.
    public func read(bytes: [UInt8], path: String, sha256: String? = nil) throws(ReadError) -> Document {
        let document = try readAnyFormat(bytes: bytes, path: path, sha256: sha256)
        // A file with no text to read is said to be one, as an empty file and a scan are (session
        // 38's audit: an image-only Word file, a blank page and white space gave "0 items", status 0).
        // One read with errors is said to be that already, with its cause (mark-up cut at a limit).
        guard document.blocks.contains(where: { $0.text.contains { !$0.isWhitespace } }) || !(document.readErrors ?? []).isEmpty else {
            throw .noText(path: path, format: document.format)
        }
        return document
    }

    private func readAnyFormat(bytes: [UInt8], path: String, sha256: String?) throws(ReadError) -> Document {
        let format = try Self.format(of: bytes, path: path)
        let hash = sha256 ?? SHA256.hex(bytes)
        switch format {
        case .text, .markdown:
            guard let decoded = TextDecoding.decode(bytes) else { throw .unknownFormat(path: path) }
            return Self.document(path: path, hash: hash, format: format,
                                 contents: ReadContents(blocks: PlainTextReader().blocks(from: decoded.text)))
        case .pdf:
            let contents = if let elsewhere = options.pdf {
                try elsewhere.contents(ofPDF: bytes, path: path, password: options.password)
            } else {
                try Self.pdfContents(bytes: bytes, path: path, password: options.password)
            }
            return Self.document(path: path, hash: hash, format: format, contents: contents)
        case .html:
            let contents = try HTMLReader().read(bytes: bytes, path: path)
            // A download that failed gives the site's error page under the document's name.
            if let notice = Self.errorPageNotice(contents.blocks) {
                throw .unreadable(path: path, cause: "it is a web page saying \"\(notice)\", not the document (the download failed); download it again")
            }
            return Self.document(path: path, hash: hash, format: format, contents: contents)
        case .docx:
            return Self.document(path: path, hash: hash, format: format, contents: try DOCXReader().read(bytes: bytes, path: path))
        case .odt:
            return Self.document(path: path, hash: hash, format: format, contents: try ODTReader().read(bytes: bytes, path: path))
        }
    }

    /// The notice of a web server's error page ("Page not found") when the page is little else:
    /// fewer than 150 words, with the notice in a heading, the title or its first lines.
    static func errorPageNotice(_ blocks: [Block]) -> String? {
        let words = blocks.reduce(0) { $0 + $1.text.split(separator: " ").count }
        guard words < 150 else { return nil }
        let notices = ["page not found", "404 not found", "this page cannot be found", "page cannot be found", "the page you requested",
                       "access denied", "403 forbidden", "the page you are looking for"]
        for block in blocks.prefix(8) {
            let text = block.text.lowercased()
            if let notice = notices.first(where: { text.contains($0) }) { return notice.prefix(1).uppercased() + notice.dropFirst() }
        }
        return nil
    }

    /// A PDF's contents read in this process: what a helper process that reads PDFs
    /// (``PDFContentsReading``) runs. Poppler's part holds a process-wide lock.
    public static func pdfContents(bytes: [UInt8], path: String, password: String?) throws(ReadError) -> ReadContents {
        try PDFReader(password: password).read(bytes: bytes, path: path)
    }

    /// Sniffs the format: magic bytes first, then mark-up, then the extension, then whether it decodes as text.
    public static func format(of bytes: [UInt8], path: String) throws(ReadError) -> DocumentFormat {
        let ext = (path as NSString).pathExtension.lowercased()
        // A PDF header may follow a little junk (the format allows it anywhere in the first 1,024 bytes).
        if bytes.starts(with: Array("%PDF".utf8)) || hasPDFHeader(bytes.prefix(1024)) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            // What the archive holds first, then its name (session 38's audit: a Word file named .odt
            // was called damaged, where an OpenDocument file named .docx was read).
            let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
            if head.contains("application/vnd.oasis.opendocument.text") { return .odt }
            if head.contains("word/") || head.contains("[Content_Types].xml") { return .docx }
            if ext == "odt" { return .odt }
            if ext == "docx" { return .docx }
            throw .unknownFormat(path: path)
        }
        // An old Office file (Word 97–2003 .doc and its kin), whatever its name says.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw .notRead(path: path, holds: "an old Office file (Word 97-2003 .doc or the like)")
        }
        // Rich Text, whatever its name says: read as text, its control words became items' words
        // (session 38's audit: "…annual report.\par 2.").
        if bytes.starts(with: Array("{\\rtf".utf8)) { throw .notRead(path: path, holds: "a Rich Text (RTF) file") }
        // Mark-up is recognised by its content whatever the name: a web page saved as report.pdf;
        // and plain text named .html, with no tag in it, is read as the text it is. A page in
        // UTF-16 (Windows' "Unicode") is looked at in its characters, not its bytes (session 42's
        // audit: with a byte-order mark it was read as plain text, its tags as words).
        let head = markupHead(bytes)
        if ["html", "htm", "xhtml"].contains(ext) {
            return !hasTag(head[...]) && TextDecoding.looksLikeText(bytes) ? .text : .html
        }
        if mayOpenWithTag(head) && opensAsHTML(head) { return .html }
        // Named as a PDF or an office file but plain text inside: said so, not called damaged.
        if ["pdf", "docx", "odt"].contains(ext), TextDecoding.looksLikeProse(bytes) {
            throw .misnamed(path: path, holds: "plain text", readAs: "txt")
        }
        if ext == "pdf" { throw .corrupt(path: path, cause: "no PDF header") }
        if ["docx", "odt"].contains(ext) { throw .corrupt(path: path, cause: "not a zip archive") }
        guard TextDecoding.looksLikeText(bytes) else { throw .unknownFormat(path: path) }
        return ["md", "markdown"].contains(ext) ? .markdown : .text
    }

    /// The largest file read (256 MB): a report is a few MB; anything far larger is not one, and
    /// reading it whole would cost memory in proportion. Documented in the README ("Limits").
    public static let maximumFileBytes = 256 << 20

    /// The most text one block may hold (a paragraph, list item, table row or heading): 1 MB of
    /// UTF-8, some 170,000 words, where the longest paragraph of a real report is a few KB. A longer block is cut there, and the file
    /// is "read with errors" naming the limit, so that a page of one endless line costs the later
    /// stages (sentences, items, classification) no more than 1 MB a block. Documented in the
    /// README ("Limits").
    public static let maximumBlockBytes = 1 << 20

    /// File extensions that a folder walk picks up.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "pdf", "html", "htm", "xhtml", "docx", "odt"]
}

/// What a format reader hands back: blocks in reading order and what the file says about itself.
/// Codable, so that a helper process can hand it back whole.
public struct ReadContents: Hashable, Sendable, Codable {
    public var blocks: [Block]
    public var metadata: Metadata
    public var pageCount: Int?
    /// What the reader could not read, in words: the file was read, but the text may be incomplete.
    public var warnings: [String]

    public init(blocks: [Block], metadata: Metadata = Metadata(), pageCount: Int? = nil, warnings: [String] = []) {
        self.blocks = blocks
        self.metadata = metadata
        self.pageCount = pageCount
        self.warnings = warnings
    }
}

private extension DocumentReader {
    /// Whether "%PDF-" stands anywhere in `head`.
    static func hasPDFHeader(_ head: ArraySlice<UInt8>) -> Bool {
        let marker = Array("%PDF-".utf8)
        guard head.count >= marker.count else { return false }
        return (head.startIndex...(head.endIndex - marker.count)).contains { start in
            head[start] == marker[0] && head[start..<(start + marker.count)].elementsEqual(marker)
        }
    }

    /// False where the first byte rules mark-up out without decoding: a printable ASCII byte
    /// other than "<" (white space and byte-order marks may come before the tag).
    /// Whether the bytes hold anything like a tag: "<" before a letter, "/" or "!".
    /// The first 64 KB as UTF-8 bytes for the tests of mark-up: UTF-16 (with a byte-order mark, or
    /// without one where NUL bytes stand beside the first two ASCII characters, as ``HTMLCharset``
    /// tells it) decoded, anything else as it is.
    static func markupHead(_ bytes: [UInt8]) -> [UInt8] {
        let head = Array(bytes.prefix(1 << 16))
        switch HTMLCharset.detect(Array(head.prefix(4))) {
        case "UTF-16LE": return Array(TextDecoding.decode(head, as: .utf16LE).utf8)
        case "UTF-16BE": return Array(TextDecoding.decode(head, as: .utf16BE).utf8)
        default: return head
        }
    }

    static func hasTag(_ bytes: ArraySlice<UInt8>) -> Bool {
        zip(bytes, bytes.dropFirst()).contains { first, next in
            first == UInt8(ascii: "<") && (next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next))
        }
    }

    static func mayOpenWithTag(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, (0x21..<0x7F).contains(first) else { return true }
        return first == UInt8(ascii: "<")
    }

    /// Whether the file opens as a web page: `<!doctype html`, `<html`, or an XML declaration
    /// with an `<html` in the first 1,024 bytes, after any white space and byte-order mark.
    static func opensAsHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || (trimmed.hasPrefix("<?xml") && head.contains("<html"))
    }

    static func document(path: String, hash: String, format: DocumentFormat, contents: ReadContents) -> Document {
        let (blocks, cut) = withinBlockLimit(contents.blocks)
        var metadata = contents.metadata
        if metadata.title == nil { metadata.title = blocks.first(where: { $0.kind == .heading })?.text }
        var document = Document(source: path == standardInput ? standardInputName : path, sha256: hash, format: format, metadata: metadata, pageCount: contents.pageCount,
                                blocks: blocks)
        let warnings = contents.warnings + cut
        if !warnings.isEmpty { document.readErrors = warnings }
        return document
    }

    /// The blocks with any text over ``maximumBlockBytes`` cut there (at a character boundary),
    /// and a warning saying how many were cut and how long the longest was.
    static func withinBlockLimit(_ blocks: [Block]) -> (blocks: [Block], warnings: [String]) {
        let limit = maximumBlockBytes
        guard blocks.contains(where: { $0.text.utf8.count > limit }) else { return (blocks, []) }
        var cut = 0
        var longest = 0
        let kept = blocks.map { block -> Block in
            let length = block.text.utf8.count
            guard length > limit else { return block }
            cut += 1
            longest = max(longest, length)
            var block = block
            block.text = block.text.prefix(utf8Bytes: limit)
            block.cells = block.cells?.map { $0.prefix(utf8Bytes: limit) }
            return block
        }
        let megabytes = String(format: "%.1f", Double(longest) / 1_048_576)
        return (kept, ["\(cut == 1 ? "a block of text (paragraph, list item, table row or heading) of \(megabytes) MB was" : "\(cut) blocks of text (paragraphs, list items, table rows or headings) up to \(megabytes) MB were") "
            + "cut at the \(limit >> 20) MB limit for one block"])
    }

    static func load(_ path: String) throws(ReadError) -> [UInt8] {
        if path == standardInput { return try loadStandardInput() }
        switch FileKind(path: path, following: true) {
        case .regular:
            let size = FileKind.size(of: path) ?? 0
            if size > Self.maximumFileBytes {
                throw .overLimit(path: path, cause: "it is \(size >> 20) MB, over the \(Self.maximumFileBytes >> 20) MB limit for one file")
            }
        case .missing: throw .notFound(path: path)
        case .directory: throw .unreadable(path: path, cause: "it is a folder")
        case .linkLoop: throw .unreadable(path: path, cause: "it is a loop of symbolic links that lead back to themselves")
        case let kind: throw .notRegular(path: path, kind: kind.description)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, cause: "permission denied or I/O error; check its permissions")
        }
        guard !data.isEmpty else { throw .empty(path: path) }
        return [UInt8](data)
    }

    /// Standard input, read to its end in blocks, refused once it passes the limit for one file.
    static func loadStandardInput() throws(ReadError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try StandardInput.read(limit: Self.maximumFileBytes) } catch { throw .unreadable(path: "standard input", cause: error.cause) }
        if bytes.count > Self.maximumFileBytes {
            throw .overLimit(path: standardInput, cause: "standard input passed the \(Self.maximumFileBytes >> 20) MB limit for one file")
        }
        guard !bytes.isEmpty else { throw .empty(path: "standard input") }
        return bytes
    }
}
