internal import CLibXML2

/// Parses HTML pages and the XML parts of DOCX and ODT archives with libxml2, safely.
///
/// - No network access (`NONET`), no DTD loading (`DTDLOAD` and `DTDATTR` are never set), no
///   entity substitution (`NOENT` is never set: references stay references, which ``XMLNode``
///   never follows), no XInclude, and the parser's built-in size limits stay on (`HUGE` is never set).
/// - XML parts with a document type declaration are refused before parsing: Word and
///   LibreOffice never write one, and it is where external entities and "billion laughs"
///   entity bombs are declared.
/// - Errors come from the parser's own context, never from libxml2's global state.
enum MarkupParser {
    /// The options for XML parts: strict, quiet, no network.
    static let xmlOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// The options for HTML: recover from broken mark-up, quiet, no network, and the encoding
    /// chosen by ``HTMLCharset`` rather than re-read from the page.
    static let htmlOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
    )

    /// Parses one XML part of the archive at `path`.
    static func xml(_ bytes: [UInt8], part: String, path: String) throws(ReadError) -> XMLTree {
        initialise()
        guard !bytes.isEmpty else { throw .corrupt(path: path, cause: "\(part) is empty") }
        if declaresDoctype(bytes) { throw doctypeRefused(part: part, path: path) }
        guard bytes.count < Int32.max else { throw .tooLarge(path: path, cause: "\(part) is over 2 GB") }
        guard let context = xmlNewParserCtxt() else { throw .unreadable(path: path, cause: "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        silence(context)
        let document = readMemory(bytes) { base, count in xmlCtxtReadMemory(context, base, count, part, nil, xmlOptions) }
        guard let document else {
            let error = lastError(context)
            // libxml2 stops at 256 levels (scrutiny never sets XML_PARSE_HUGE); Word and LibreOffice
            // nest a few dozen at most.
            if error.contains("Excessive depth") {
                throw .overLimit(path: path, cause: "\(part) nests its mark-up deeper than 256 levels, the limit for an XML part")
            }
            throw .corrupt(path: path, cause: "\(part) is not well-formed XML: \(error)")
        }
        let tree = XMLTree(owning: document)
        if tree.hasInternalSubset { throw doctypeRefused(part: part, path: path) }
        return tree
    }

    /// Hands `bytes` (not empty, under 2 GB) to a libxml2 reader as a C buffer and its length.
    private static func readMemory(_ bytes: [UInt8], _ read: (UnsafePointer<CChar>, Int32) -> xmlDocPtr?) -> xmlDocPtr? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { read($0, Int32(buffer.count)) }
        }
    }

    /// Parses an HTML page whose bytes are in `encoding` (an iconv name such as "UTF-8"). Returns
    /// the tree and what was lost on the way, in words for a warning: content nested deeper than
    /// libxml2's limit of 256 levels, bytes the encoding could not convert.
    static func html(_ bytes: [UInt8], encoding: String, path: String) throws(ReadError) -> (tree: XMLTree, losses: [String]) {
        initialise()
        guard !bytes.isEmpty else { throw .empty(path: path) }
        guard bytes.count < Int32.max else { throw .tooLarge(path: path, cause: "the page is over 2 GB") }
        guard let context = htmlNewParserCtxt() else { throw .unreadable(path: path, cause: "out of memory") }
        defer { htmlFreeParserCtxt(context) }
        silence(context)
        let document = readMemory(bytes) { base, count in htmlCtxtReadMemory(context, base, count, nil, encoding, htmlOptions) }
        guard let document else {
            throw .corrupt(path: path, cause: "libxml2 could not parse it as HTML: \(lastError(context))")
        }
        return (XMLTree(owning: document), losses(context))
    }

    /// What an HTML parse lost, from the error that ended it: libxml2's HTML parser reports
    /// through no callback once errors are silenced, but keeps its last error, and the one that
    /// loses text (nesting past 256 levels) stops the parse, so it is the last.
    static func losses(_ context: htmlParserCtxtPtr) -> [String] {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message,
              String(cString: message).contains("Excessive depth") else { return [] }
        return ["mark-up nested deeper than 256 levels, where the parser stops (the rest of the page is lost)"]
    }
}

private extension MarkupParser {
    /// libxml2 must be initialised once before threads use it; a static constant runs exactly once.
    static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    static func initialise() {
        _ = initialised
    }

    static func doctypeRefused(part: String, path: String) -> ReadError {
        .unsafe(path: path, cause: "\(part) declares a DTD (<!DOCTYPE>), which office applications never write; "
            + "refused as a possible entity attack (if the file is genuine, open and save it again in Word or LibreOffice)")
    }

    /// Whether `<!DOCTYPE` or `<!ENTITY` occurs anywhere, in UTF-8 or UTF-16. In a well-formed
    /// document these can only open a declaration (elsewhere `<` must be escaped) or sit inside a
    /// comment or CDATA section, where no office application puts them.
    static func declaresDoctype(_ bytes: [UInt8]) -> Bool {
        let keywords = ["<!DOCTYPE", "<!ENTITY"].map { Array($0.utf8) }
        return bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == UInt8(ascii: "<") {
                for keyword in keywords {
                    // UTF-8 (step 1) and UTF-16 in either byte order (step 2, the `<` found first or second).
                    for step in 1...2 {
                        let end = index + (keyword.count - 1) * step
                        guard end < buffer.count else { continue }
                        var matched = true
                        for offset in 1..<keyword.count where buffer[index + offset * step] != keyword[offset] {
                            matched = false
                            break
                        }
                        if matched { return true }
                    }
                }
            }
            return false
        }
    }

    /// Sends the context's errors to a handler that drops them: `NOERROR` leaves libxml2's
    /// validity channel printing to standard error (an `xml:id` that is not a name, say), and a
    /// refused file must get one line of scrutiny's own. The errors are still kept in the
    /// context, where ``lastError(_:)`` reads them.
    static func silence(_ context: xmlParserCtxtPtr) {
        context.pointee.sax?.pointee.serror = { _, _ in }
    }

    /// The parser's last error as "message (line N)".
    static func lastError(_ context: xmlParserCtxtPtr) -> String {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else {
            return "unknown error"
        }
        let text = String(cString: message).trimmingCharacters(in: " \n\t")
        return error.pointee.line > 0 && !text.contains("line") ? "\(text), line \(error.pointee.line)" : text
    }
}
