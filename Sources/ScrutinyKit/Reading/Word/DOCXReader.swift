/// Reads Word documents: `word/document.xml` with its styles and list numbering, so that
/// headings come from Heading styles and outline levels, list items carry the numbers Word
/// would display ("1.", "a)", "2.5") or their bullets, and tables become table rows. Page
/// headers, footers, comments and footnotes are separate parts and are left out.
struct DOCXReader: Sendable {
    var limits: ArchiveLimits = .standard

    func read(bytes: [UInt8], path: String) throws(ReadError) -> ReadContents {
        var archive = try ArchiveReader(bytes: bytes, path: path, limits: limits)
        guard let documentBytes = try archive.read("word/document.xml") else {
            throw .corrupt(path: path, cause: "it has no word/document.xml, so it is not a Word document")
        }
        let document = try MarkupParser.xml(documentBytes, part: "word/document.xml", path: path)
        guard let root = document.root, let body = WordXML.child(root, "body") else {
            throw .corrupt(path: path, cause: "word/document.xml has no document body")
        }
        let styles = try Self.part("word/styles.xml", of: &archive, path: path).map(WordStyles.init) ?? WordStyles()
        let numbering = try Self.part("word/numbering.xml", of: &archive, path: path).map(WordNumbering.init)
            ?? WordNumbering()
        let metadata = try Self.part("docProps/core.xml", of: &archive, path: path).map(Self.metadata) ?? Metadata()
        let items = WordBody(body, styles: styles).items
        return ReadContents(blocks: MarkupBlocks.inferringHeadings(Self.blocks(items, styles: styles, numbering: numbering)), metadata: metadata)
    }
}

private extension DOCXReader {
    /// The root element of an optional part.
    static func part(_ name: String, of archive: inout ArchiveReader, path: String) throws(ReadError) -> XMLNode? {
        guard let bytes = try archive.read(name) else { return nil }
        return try MarkupParser.xml(bytes, part: name, path: path).root
    }

    /// A paragraph with its heading level and list numbering resolved.
    struct Resolved {
        var paragraph: WordBody.Paragraph
        var headingLevel: Int?
        var numId: Int?
        var ilvl = 0
    }

    static func blocks(_ items: [WordBody.Item], styles: WordStyles, numbering: WordNumbering) -> [Block] {
        let resolved = items.map { item -> Resolved? in
            guard case .paragraph(let paragraph) = item else { return nil }
            return resolve(paragraph, styles: styles, numbering: numbering)
        }
        // Levels of a list taken by headings ("1 Introduction" numbering "1.1" paragraphs) are not nesting.
        var headingLevels: [Int: Set<Int>] = [:]
        for case let paragraph? in resolved where paragraph.headingLevel != nil {
            if let numId = paragraph.numId, let abstract = numbering.abstractId(numId: numId) {
                headingLevels[abstract, default: []].insert(paragraph.ilvl)
            }
        }
        var counter = WordListCounter(numbering: numbering)
        var blocks: [Block] = []
        for (index, item) in items.enumerated() {
            switch item {
            case .table(let rows):
                blocks.append(contentsOf: rows.compactMap(MarkupBlocks.row))
            case .paragraph:
                guard let paragraph = resolved[index] else { continue }
                let number = paragraph.numId.flatMap { counter.next(numId: $0, ilvl: paragraph.ilvl) }
                let text = paragraph.paragraph.text
                let block: Block?
                if let level = paragraph.headingLevel {
                    block = MarkupBlocks.heading(text, level: level, ordinal: number?.ordinal)
                } else if let number {
                    let taken = paragraph.numId.flatMap(numbering.abstractId).flatMap { headingLevels[$0] } ?? []
                    let depth = paragraph.ilvl - taken.filter { $0 < paragraph.ilvl }.count
                    block = MarkupBlocks.item(text, marker: number.marker, ordinal: number.ordinal, depth: max(depth, 0))
                } else if paragraph.paragraph.bold {
                    block = MarkupBlocks.emphasised(text, isFirst: !blocks.contains { $0.kind != .tableRow })
                } else {
                    block = MarkupBlocks.paragraph(text)
                }
                if let block { blocks.append(block) }
            }
        }
        return blocks
    }

    static func resolve(_ paragraph: WordBody.Paragraph, styles: WordStyles, numbering: WordNumbering) -> Resolved {
        var resolved = Resolved(paragraph: paragraph)
        if let outline = paragraph.outlineLevel {
            resolved.headingLevel = outline < 9 ? outline + 1 : nil
        } else {
            resolved.headingLevel = styles.headingLevel(paragraph.style)
        }
        if let numId = paragraph.numId {
            resolved.numId = numId == 0 ? nil : numId
            resolved.ilvl = paragraph.ilvl ?? 0
        } else if let inherited = styles.numbering(paragraph.style), inherited.numId != 0 {
            resolved.numId = inherited.numId
            resolved.ilvl = paragraph.ilvl ?? inherited.ilvl
                ?? paragraph.style.flatMap { numbering.level(numId: inherited.numId, linkedTo: $0) } ?? 0
        }
        return resolved
    }

    /// The title and author Word keeps in `docProps/core.xml`.
    static func metadata(_ core: XMLNode) -> Metadata {
        let dublinCore = "http://purl.org/dc/elements/1.1/"
        let title = core.child("title", in: dublinCore).map { MarkupBlocks.clean($0.textContent) }
        let creator = core.child("creator", in: dublinCore).map { MarkupBlocks.clean($0.textContent) }
        return Metadata(title: title?.isEmpty == false ? title : nil,
                        authors: creator.map { $0.isEmpty ? [] : [$0] } ?? [])
    }
}
