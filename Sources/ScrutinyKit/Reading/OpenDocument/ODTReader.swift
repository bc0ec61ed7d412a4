/// Reads OpenDocument text files: `content.xml` (`text:h`, `text:p`, `text:list`,
/// `table:table`) numbered with the list and outline styles of `content.xml` and `styles.xml`.
/// Page headers and footers live in `styles.xml` and are never read as content.
struct ODTReader: Sendable {
    var limits: ArchiveLimits = .standard

    func read(bytes: [UInt8], path: String) throws(ReadError) -> ReadContents {
        var archive = try ArchiveReader(bytes: bytes, path: path, limits: limits)
        if let manifest = try archive.read("META-INF/manifest.xml"),
           let root = try MarkupParser.xml(manifest, part: "META-INF/manifest.xml", path: path).root,
           !root.descendants(where: { $0.is("encryption-data", in: ODF.manifest) }).isEmpty {
            throw .unsafe(path: path, cause: "it is password-protected, and scrutiny cannot decrypt OpenDocument files; save an unprotected copy")
        }
        guard let contentBytes = try archive.read("content.xml") else {
            throw .corrupt(path: path, cause: "it has no content.xml, so it is not an OpenDocument text")
        }
        let content = try MarkupParser.xml(contentBytes, part: "content.xml", path: path)
        guard let root = content.root,
              let text = root.child("body", in: ODF.office)?.child("text", in: ODF.office) else {
            throw .corrupt(path: path, cause: "content.xml has no office:text body; it may be a spreadsheet or presentation")
        }
        let styles = try archive.read("styles.xml").map { bytes throws(ReadError) in
            try MarkupParser.xml(bytes, part: "styles.xml", path: path)
        }
        var walker = ODTBlockWalker(styles: ODFListStyles(styles: styles?.root, content: root))
        walker.walk(text)
        let metadata = try archive.read("meta.xml").map { bytes throws(ReadError) in
            Self.metadata(try MarkupParser.xml(bytes, part: "meta.xml", path: path).root)
        } ?? Metadata()
        return ReadContents(blocks: MarkupBlocks.inferringHeadings(walker.blocks), metadata: metadata)
    }
}

private extension ODTReader {
    /// The title and author in `meta.xml`.
    static func metadata(_ root: XMLNode?) -> Metadata {
        guard let meta = root?.child("meta", in: ODF.office) else { return Metadata() }
        let title = meta.child("title", in: ODF.dublinCore).map { MarkupBlocks.clean($0.textContent) }
        let author = (meta.child("initial-creator", in: ODF.meta) ?? meta.child("creator", in: ODF.dublinCore))
            .map { MarkupBlocks.clean($0.textContent) }
        return Metadata(title: title?.isEmpty == false ? title : nil,
                        authors: author.map { $0.isEmpty ? [] : [$0] } ?? [])
    }
}
