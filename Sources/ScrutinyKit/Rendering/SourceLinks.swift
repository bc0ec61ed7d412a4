import Foundation

/// Links from a report to the documents it read: a relative path from the report's output folder
/// to each document's file, percent-encoded, with `#page=N` for a PDF when the page is known and,
/// for any other file, a text fragment (`#:~:text=`) of the quoted sentence's first words, which a
/// browser scrolls to and marks (Chromium, Safari; others open the file at its top). The report and
/// its sources can then be moved together, or published side by side.
public struct SourceLinks: Sendable, Equatable {
    /// Document name (``Document/name``, as items and the survey name documents) → link, without a page.
    private var links: [String: String]
    private var pdfs: Set<String>

    /// No links: evidence names its document in plain text.
    public static let none = SourceLinks(links: [:], pdfs: [])

    private init(links: [String: String], pdfs: Set<String>) {
        self.links = links
        self.pdfs = pdfs
    }

    /// - Parameters:
    ///   - documents: the documents read; their `source` paths may be relative to the current folder.
    ///   - folder: where the report is written.
    /// A document read from standard input has no file to link to (session 28's user audit: a
    /// report's evidence linked to a file "stdin" that did not exist).
    public init(documents: [Document], outputFolder folder: String) {
        let files = documents.filter { $0.source != DocumentReader.standardInputName || FileManager.default.fileExists(atPath: $0.source) }
        self.init(sources: files.map { ($0.name, $0.source, $0.format == .pdf) }, outputFolder: folder)
    }

    /// - Parameter sources: document name, path, and whether the file is a PDF. The first of two
    ///   documents with the same name (one file read twice) wins, as in the survey.
    public init(sources: [(file: String, path: String, isPDF: Bool)], outputFolder folder: String) {
        let base = Self.components(folder)
        var links: [String: String] = [:]
        var pdfs: Set<String> = []
        for source in sources where links[source.file] == nil {
            links[source.file] = Self.relativePath(from: base, to: Self.components(source.path))
            if source.isPDF { pdfs.insert(source.file) }
        }
        self.init(links: links, pdfs: pdfs)
    }

    /// The link to a document, at its page for a PDF, at the quoted sentence for another file
    /// (session 43's audit: 283 evidence links into a 143 KB text file, with nothing to say where);
    /// nil when the document is not known.
    public func href(_ document: String, page: Int?, quoting sentence: String? = nil) -> String? {
        guard let link = links[document] else { return nil }
        if pdfs.contains(document) { return page.map { link + "#page=\($0)" } ?? link }
        return sentence.flatMap(Self.textFragment).map { link + "#:~:text=" + $0 } ?? link
    }

    /// The first words of a sentence (at most six, from its first letter or digit to the last
    /// word's, and none from the first word with a quotation mark or apostrophe: the reader made
    /// "’" "'", which the file may not have), encoded as a text fragment's start: nil for fewer
    /// than two words. A fragment matches within a line of a text file, so a short one finds more;
    /// where it finds nothing the browser opens the file at its top, as without it.
    static func textFragment(_ sentence: String) -> String? {
        let isWordly = { (character: Character) in character.isLetter || character.isNumber }
        var words = Array(QuotedSentence.bare(sentence).split(whereSeparator: \.isWhitespace).map(String.init)
            .drop { !$0.contains(where: isWordly) }.prefix(6))
        // From the first letter or digit ("“A young person’s …" begins at "A").
        if let first = words.first, let start = first.firstIndex(where: isWordly) { words[0] = String(first[start...]) }
        words = Array(words.prefix { !$0.contains(where: \.isQuotationMark) })
        while let last = words.last, !last.contains(where: isWordly) { words.removeLast() }
        guard words.count >= 2, let last = words.last, let end = last.lastIndex(where: isWordly) else { return nil }
        words[words.count - 1] = String(last[...end])
        return words.joined(separator: " ").addingPercentEncoding(withAllowedCharacters: fragmentCharacters)
    }

    public var isEmpty: Bool { links.isEmpty }
}

private extension SourceLinks {
    /// The absolute, standardised path's components, symbolic links kept: a browser resolves a
    /// link's ".." by the path's words, as this does, and a report and its documents moved
    /// together keep their links. (Resolved, `../shared/real/x.pdf` through a linked `shared` became
    /// `../../../../work/shared/real/x.pdf`, broken once both were moved.)
    static func components(_ path: String) -> [String] {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.pathComponents.filter { $0 != "/" }
    }

    static func relativePath(from base: [String], to target: [String]) -> String {
        var shared = 0
        while shared < base.count, shared < target.count - 1, base[shared] == target[shared] { shared += 1 }
        let up = Array(repeating: "..", count: base.count - shared)
        return (up + target[shared...].map(encode)).joined(separator: "/")
    }

    /// Percent-encodes a path component: everything but unreserved characters (RFC 3986).
    static func encode(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: unreserved) ?? component
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A text fragment's own syntax uses "-", "," and "&": encoded in its words, as every other
    /// character but the unreserved.
    static let fragmentCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~")
}

private extension Character {
    /// Straight and curly quotation marks and apostrophes, and the backtick.
    var isQuotationMark: Bool { "'\"`\u{2018}\u{2019}\u{201A}\u{201B}\u{201C}\u{201D}\u{201E}\u{2032}\u{2033}".contains(self) }
}
