import Foundation

/// A document read from disk: where it came from, what it is, and its blocks in reading order.
public struct Document: Hashable, Sendable, Codable {
    /// The path the document was read from, as given. A new path gives a document still called
    /// by its old file name the new one.
    public var source: String {
        didSet { if name == (oldValue as NSString).lastPathComponent { name = fileName } }
    }
    /// What the run calls the document, in items, links, notes and the manifest: its file name,
    /// or where files in different folders of one run share a name, as much of its path as tells
    /// it apart ("2023/annual-report.pdf"; ``InputFiles/names(_:)``).
    public var name: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    public var format: DocumentFormat
    public var metadata: Metadata
    /// Number of pages, for paged formats; null in JSON for formats without pages (text, HTML),
    /// so that every document has the same keys.
    @NullEncoded public var pageCount: Int?
    public var blocks: [Block]
    /// What went wrong while reading, when the file was read but its text may be incomplete
    /// (nil when nothing did): "mark-up nested deeper than 256 levels…", "3 encoding errors".
    public var readErrors: [String]?

    public init(
        source: String, sha256: String, format: DocumentFormat, metadata: Metadata = Metadata(),
        pageCount: Int? = nil, blocks: [Block]
    ) {
        self.source = source
        self.name = (source as NSString).lastPathComponent
        self.sha256 = sha256
        self.format = format
        self.metadata = metadata
        self.pageCount = pageCount
        self.blocks = Document.locate(blocks)
    }

    /// The file name without folders (the document's ``name`` unless another file of the run has it too).
    public var fileName: String { (source as NSString).lastPathComponent }

    /// The normalised text: every block's text, one block per line. Block ranges index into it.
    public var text: String { blocks.map(\.text).joined(separator: "\n") }

    /// The SHA-256 of the document's words (lower-cased runs of letters and digits, one space
    /// between), so that the same report read as PDF, HTML, Word or text has the same key,
    /// whatever its layout, markers and file bytes. Hyphenated words are left out: a PDF's
    /// line-end break inside a compound ("self-as-" + "sessments") cannot always be told from a
    /// hyphen of the compound's own, so the two versions would otherwise differ there.
    public var contentKey: String { SHA256.hex(contentWords) }

    /// The words the ``contentKey`` is made of, as UTF-8: lower-cased runs of letters and digits,
    /// one space between, hyphenated words left out.
    public var contentWords: [UInt8] {
        // `text.lowercased()` maps each scalar on its own, so each is mapped here as it comes;
        // ASCII bytes are mapped and tested by arithmetic.
        var key = ContentKeyWords()
        for block in blocks {
            // An all-ASCII block (most) read as bytes: each byte is a scalar.
            let ascii = block.text.withUTF8Bytes { bytes in
                guard bytes.isASCII else { return false }
                key.addASCIIWords(bytes)
                return true
            }
            if !ascii { key.addPrintedWords(Array(block.text.unicodeScalars)) }
        }
        return key.bytes
    }

    /// The words of the content key as they are written: lower-cased letters and digits, one
    /// space between words.
    private struct ContentKeyWords {
        var bytes: [UInt8] = []
        var inWord = false

        /// Each run of non-space characters is one printed word; a hyphenated one is left out.
        mutating func addPrintedWords<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ scalars: Scalars) where Scalars.Index == Int {
            var start = scalars.startIndex
            while start < scalars.endIndex {
                while start < scalars.endIndex, Document.isWhitespace(scalars[start]) { start += 1 }
                var end = start
                while end < scalars.endIndex, !Document.isWhitespace(scalars[end]) { end += 1 }
                inWord = false
                if !scalars[start..<end].contains(where: Document.isHyphen) {
                    for scalar in scalars[start..<end] {
                        if scalar.value < 0x80 { add(scalar) } else {
                            for lowered in scalar.properties.lowercaseMapping.unicodeScalars { add(lowered) }
                        }
                    }
                }
                start = end
            }
        }

        /// ``addPrintedWords(_:)`` for an all-ASCII text, byte by byte: a printed word is kept
        /// when it has no "-", and its letters and digits are added as ``add(_:)`` adds them.
        mutating func addASCIIWords(_ bytes: Span<UInt8>) {
            var start = 0
            while start < bytes.count {
                while start < bytes.count, Self.isASCIIWhitespace(bytes[start]) { start += 1 }
                var end = start
                var hyphenated = false
                // Whether every byte is a small letter or a digit (most words): then the word is
                // added whole, as byte by byte it would be.
                var plain = true
                while end < bytes.count, !Self.isASCIIWhitespace(bytes[end]) {
                    let byte = bytes[end]
                    if byte == 0x2D { hyphenated = true }
                    if !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)) { plain = false }
                    end += 1
                }
                inWord = false
                if plain, start < end {
                    if !self.bytes.isEmpty { self.bytes.append(0x20) }
                    self.bytes.append(bytes, start..<end)
                    inWord = true
                } else if !hyphenated {
                    for index in start..<end {
                        var byte = bytes[index]
                        if (0x41...0x5A).contains(byte) { byte += 0x20 }
                        if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                            if !inWord, !self.bytes.isEmpty { self.bytes.append(0x20) }
                            self.bytes.append(byte)
                            inWord = true
                        } else {
                            inWord = false
                        }
                    }
                }
                start = end
            }
        }

        private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

        mutating func add(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 0x80 {
                var byte = UInt8(value)
                if (0x41...0x5A).contains(byte) { byte += 0x20 }
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    if !inWord, !bytes.isEmpty { bytes.append(0x20) }
                    bytes.append(byte)
                    inWord = true
                } else {
                    inWord = false
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord, !bytes.isEmpty { bytes.append(0x20) }
                bytes.append(contentsOf: String(scalar).utf8)
                inWord = true
            } else {
                inWord = false
            }
        }
    }

    /// `properties.isWhitespace`, answered for ASCII without the property table (U+0009–U+000D and U+0020).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    private static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "\u{00AD}"
    }

    /// Recomputes every block's `range` for the one-block-per-line text.
    static func locate(_ blocks: [Block]) -> [Block] {
        var offset = 0
        return blocks.map { block in
            var block = block
            let length = block.text.scalarCount
            block.range = TextRange(start: offset, end: offset + length)
            offset += length + 1
            return block
        }
    }

    enum CodingKeys: String, CodingKey {
        case source, name, sha256, format, metadata, pageCount, blocks, readErrors
    }

    /// Reads documents written before `name` was (named by their file), and places the blocks
    /// again: their ranges are not trusted from the file.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.source = try container.decode(String.self, forKey: .source)
        self.name = try container.decodeIfPresent(String.self, forKey: .name) ?? (source as NSString).lastPathComponent
        self.sha256 = try container.decode(String.self, forKey: .sha256)
        self.format = try container.decode(DocumentFormat.self, forKey: .format)
        self.metadata = try container.decode(Metadata.self, forKey: .metadata)
        self._pageCount = try container.decode(NullEncoded<Int>.self, forKey: .pageCount)
        self.blocks = Document.locate(try container.decode([Block].self, forKey: .blocks))
        self.readErrors = try container.decodeIfPresent([String].self, forKey: .readErrors)
    }
}

/// The file formats `scrutiny` reads.
public enum DocumentFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case text, markdown, pdf, html, docx, odt
}

/// What a document is about and when. Readers fill what the file itself says (a PDF's title
/// and author); a manifest or the profiler fills the rest.
public struct Metadata: Hashable, Sendable, Codable {
    public var title: String?
    public var partnership: String?
    public var documentType: DocumentType?
    /// Year and month, "2022-04"; a year alone where the month is unknown.
    public var date: String?
    public var authors: [String]
    /// The edition of the statutory guidance the document was written against ("lscb", "wt2018",
    /// "wt2023"), from its date and its own words (`lexicons/eras.yml`).
    public var era: String?
    /// True for one partnership's part of a document that quotes many (``QuotedPartnerships``): its
    /// passages are the partnership's own words about its scrutiny. Nil otherwise.
    public var quotation: Bool?
    /// The type such a part is read as (`quoted_partnerships.document_type`: a scrutiny report's
    /// sentences), its document's own type staying `documentType` (session 47's audit: the
    /// national survey was listed as a scrutineer's report). Nil otherwise.
    public var readAs: DocumentType?

    public init(
        title: String? = nil, partnership: String? = nil, documentType: DocumentType? = nil,
        date: String? = nil, authors: [String] = [], era: String? = nil
    ) {
        self.title = title
        self.partnership = partnership
        self.documentType = documentType
        self.date = date
        self.authors = authors
        self.era = era
    }

    /// Fills each field of `self` that is empty from `other`.
    public func filling(from other: Metadata) -> Metadata {
        Metadata(
            title: title ?? other.title,
            partnership: partnership ?? other.partnership,
            documentType: documentType ?? other.documentType,
            date: date ?? other.date,
            authors: authors.isEmpty ? other.authors : authors,
            era: era ?? other.era
        )
    }

    /// Replaces each field of `self` with `other`'s where `other` has one (a manifest overriding).
    public func overridden(by other: Metadata) -> Metadata {
        other.filling(from: self)
    }
}

/// A kind of document that scrutinises a partnership (`scrutiny-report`, `inspection-letter`): a
/// name from the `types` list of `lexicons/documents.yml`, which says which names there are, in
/// what order reports list them and how they are labelled (``DocumentTypes``). No code depends on
/// a particular type: what each type means to a stage is in the lexicons that name it.
public struct DocumentType: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: DocumentType, rhs: DocumentType) -> Bool { lhs.rawValue < rhs.rawValue }
}
