/// Reads HTML pages with libxml2's HTML parser (recovering from broken mark-up, no network):
/// the main content only (`main`, `role="main"` or a single `article` where the page has one;
/// navigation, page headers and footers, asides, forms, scripts and styles dropped anywhere),
/// headings h1–h6, ordered and unordered lists with their numbers and nesting, table rows and
/// paragraphs, in the charset the page declares.
struct HTMLReader: Sendable {
    func read(bytes: [UInt8], path: String) throws(ReadError) -> ReadContents {
        let tree = try Self.parse(bytes, path: path)
        guard let root = tree.root else { return ReadContents(blocks: []) }
        let content = Self.mainContent(of: root)
        var walker = HTMLBlockWalker(insideArticle: content.is("main") || content.is("article")
            || content.attribute("role")?.lowercased() == "main")
        walker.walk(content)
        return ReadContents(blocks: MarkupBlocks.inferringHeadings(walker.finish()), metadata: Self.metadata(of: root))
    }
}

private extension HTMLReader {
    /// Parses in the detected charset; if libxml2 does not know a declared charset, falls back
    /// to UTF-8 or Windows-1252 as the bytes allow.
    static func parse(_ original: [UInt8], path: String) throws(ReadError) -> XMLTree {
        let bytes = withoutInternalSubset(original)
        let encoding = HTMLCharset.detect(bytes)
        do {
            return try MarkupParser.html(bytes, encoding: encoding, path: path)
        } catch {
            let fallback = String(validating: bytes, as: UTF8.self) != nil ? "UTF-8" : "WINDOWS-1252"
            guard fallback != encoding else { throw error }
            return try MarkupParser.html(bytes, encoding: fallback, path: path)
        }
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
