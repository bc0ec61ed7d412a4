/// Reads HTML pages with libxml2's HTML parser (recovering from broken mark-up, no network):
/// the main content only (`main`, `role="main"` or a single `article` where the page has one;
/// navigation, page headers and footers, asides, forms, scripts and styles dropped anywhere),
/// headings h1–h6, ordered and unordered lists with their numbers and nesting, table rows and
/// paragraphs, in the charset the page declares.
struct HTMLReader: Sendable {
    func read(bytes: [UInt8], path: String) throws(ReadError) -> ReadContents {
        let (tree, losses) = try Self.parse(bytes, path: path)
        guard let root = tree.root else { return ReadContents(blocks: [], warnings: losses) }
        let content = Self.mainContent(of: root)
        var walker = HTMLBlockWalker(insideArticle: content.is("main") || content.is("article")
            || content.attribute("role")?.lowercased() == "main")
        walker.walk(content)
        return ReadContents(blocks: MarkupBlocks.inferringHeadings(walker.finish()), metadata: Self.metadata(of: root),
                            warnings: losses + Self.truncation(bytes))
    }
}

private extension HTMLReader {
    /// Parses in the detected charset; if libxml2 does not know a declared charset, falls back
    /// to UTF-8 or Windows-1252 as the bytes allow.
    static func parse(_ original: [UInt8], path: String) throws(ReadError) -> (tree: XMLTree, losses: [String]) {
        let bytes = withoutInternalSubset(original)
        let (input, encoding) = transcoded(bytes, from: HTMLCharset.detect(bytes))
        let parsed: (tree: XMLTree, losses: [String])
        do {
            parsed = try MarkupParser.html(input, encoding: encoding, path: path)
        } catch {
            let (fallback, _) = transcoded(bytes, from: String(validating: bytes, as: UTF8.self) != nil ? "UTF-8" : "WINDOWS-1252")
            guard fallback != input || encoding != "UTF-8" else { throw error }
            parsed = try MarkupParser.html(fallback, encoding: "UTF-8", path: path)
        }
        return parsed
    }

    /// The page as UTF-8 for the encodings scrutiny decodes itself, so that no byte stops the
    /// parser (iconv stopped at the bytes Windows-1252 leaves undefined, and the rest of the page
    /// was lost): UTF-8, Windows-1252 and the labels read as it (every byte has a character; a page
    /// that declares either is read by ``TextDecoding/utf8OrWindows1252(_:)``: UTF-8 where its
    /// bytes are, a stray byte as the character it is in Windows-1252), UTF-16 with or without a
    /// byte-order mark. Other encodings go to libxml2 as they are.
    static func transcoded(_ bytes: [UInt8], from encoding: String) -> (bytes: [UInt8], encoding: String) {
        switch encoding {
        case "UTF-8", "WINDOWS-1252":
            // Valid UTF-8 as it is; Windows-1252 where no byte is a UTF-8 sequence; and UTF-8 with a
            // stray byte or two (a page declared UTF-8 with a pasted apostrophe) read as UTF-8 but
            // for them, as a browser shows it, not the whole page as Windows-1252.
            if String(validating: bytes, as: UTF8.self) != nil { return (bytes, "UTF-8") }
            return (Array(TextDecoding.utf8OrWindows1252(bytes).text.utf8), "UTF-8")
        case "UTF-16LE", "UTF-16BE":
            // With or without a byte-order mark (the decoder drops one if it is there).
            return (Array(TextDecoding.decode(bytes, as: encoding == "UTF-16LE" ? .utf16LE : .utf16BE).utf8), "UTF-8")
        default:
            return (bytes, encoding)
        }
    }

    /// A page that opens `<html>` but never closes it ends early: a download cut short.
    static func truncation(_ bytes: [UInt8]) -> [String] {
        let head = bytes.prefix(4096)
        guard find(Array("<html".utf8), in: head, caseInsensitive: true) != nil,
              find(Array("</html".utf8), in: bytes[...], caseInsensitive: true) == nil,
              find(Array("</body".utf8), in: bytes[...], caseInsensitive: true) == nil else { return [] }
        return ["the page ends before </body> or </html>, so it may be cut short"]
    }

    /// The bytes without the internal subset of a `<!DOCTYPE html [ ... ]>` declaration. HTML has
    /// no entity declarations and libxml2's HTML parser ignores them, but would show the
    /// declarations as text; an entity bomb or external entity declared there is dropped unread.
    static func withoutInternalSubset(_ bytes: [UInt8]) -> [UInt8] {
        let head = bytes.prefix(4096)
        guard let doctype = find(Array("<!doctype".utf8), in: head, caseInsensitive: true) else { return bytes }
        var index = doctype + 9
        while index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "[") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return bytes }
        let open = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "]") { index += 1 }
        guard index < bytes.count else { return bytes }
        return Array(bytes[..<open] + bytes[(index + 1)...])
    }

    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, caseInsensitive: Bool) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        let lower = { (byte: UInt8) in caseInsensitive && byte >= 65 && byte <= 90 ? byte + 32 : byte }
        for start in haystack.startIndex...(haystack.endIndex - needle.count)
        where needle.indices.allSatisfy({ lower(haystack[start + $0]) == needle[$0] }) {
            return start
        }
        return nil
    }

    /// The element holding the page's own content: `main` (or `role="main"`), else the only
    /// `article`, else `body`.
    static func mainContent(of root: XMLNode) -> XMLNode {
        let mains = root.descendants { $0.is("main") || $0.attribute("role")?.lowercased() == "main" }
        if let main = mains.first { return main }
        let articles = root.descendants { $0.is("article") }
        if articles.count == 1 { return articles[0] }
        return root.child("body") ?? root
    }

    /// The page's `<title>` and `<meta name="author">`.
    static func metadata(of root: XMLNode) -> Metadata {
        guard let head = root.child("head") else { return Metadata() }
        let title = head.child("title").map { MarkupBlocks.clean($0.textContent) }
        let authors = head.elements
            .filter { $0.is("meta") && $0.attribute("name")?.lowercased() == "author" }
            .compactMap { $0.attribute("content").map(MarkupBlocks.clean) }
            .filter { !$0.isEmpty }
        return Metadata(title: title?.isEmpty == false ? title : nil, authors: authors)
    }
}
