import Foundation

/// Links from a report to the documents it read: a relative path from the report's output folder
/// to each document's file, percent-encoded, with `#page=N` for a PDF when the page is known and,
/// for a text file or a web page, a text fragment (`#:~:text=`) of the quoted sentence's first
/// words, which a browser scrolls to and marks (Chromium, Safari; others open the file at its top). The report and
/// its sources can then be moved together, or published side by side.
public struct SourceLinks: Sendable, Equatable {
    /// Document name (``Document/name``, as items and the survey name documents) → link, without a page.
    private var links: [String: String]
    private var pdfs: Set<String>
    /// Documents a browser shows as text, where a text fragment marks the sentence.
    private var textual: Set<String>

    /// No links: evidence names its document in plain text.
    public static let none = SourceLinks(links: [:], pdfs: [], textual: [])

    private init(links: [String: String], pdfs: Set<String>, textual: Set<String>) {
        (self.links, self.pdfs, self.textual) = (links, pdfs, textual)
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
        var pdfs: Set<String> = [], textual: Set<String> = []
        for source in sources where links[source.file] == nil {
            links[source.file] = Self.relativePath(from: base, to: Self.components(source.path))
            if source.isPDF { pdfs.insert(source.file) }
            if !source.isPDF, Self.textualExtensions.contains((source.path as NSString).pathExtension.lowercased()) { textual.insert(source.file) }
        }
        self.init(links: links, pdfs: pdfs, textual: textual)
    }

    /// The link to a document, at its page for a PDF, at the quoted sentence for another file
    /// (session 43's audit: 283 evidence links into a 143 KB text file, with nothing to say where);
    /// nil when the document is not known.
    public func href(_ document: String, page: Int?, quoting sentence: String? = nil) -> String? {
        guard let link = links[document] else { return nil }
        if pdfs.contains(document) { return page.map { link + "#page=\($0)" } ?? link }
        guard textual.contains(document) else { return link }
        return sentence.flatMap(Self.textFragment).map { link + "#:~:text=" + $0 } ?? link
    }

    /// A text fragment for a sentence: its first words (at most six, from its first letter or
    /// digit), percent-encoded; nil where no three words can be had. A word with a quotation mark
    /// or an apostrophe ends them, because the reader made "’" "'" and the file may not have; where
    /// fewer than three words come before it, the words after it are taken, and where none of
    /// the first twelve words gives three, there is no fragment: two words ("A young", of "A young
    /// person’s version …") mark the first "a young" in the file, not this sentence (session 44's
    /// audit). A fragment matches within a line of a text file; where it finds nothing the browser
    /// opens the file at its top, as without it.
    static func textFragment(_ sentence: String) -> String? {
        let isWordly = { (character: Character) in character.isLetter || character.isNumber }
        var words = Array(QuotedSentence.bare(sentence).split(whereSeparator: \.isWhitespace).map(String.init)
            .drop { !$0.contains(where: isWordly) }.prefix(12))
        // From the first letter or digit ("“A young person’s …" begins at "A").
        if let first = words.first, let start = first.firstIndex(where: isWordly) { words[0] = String(first[start...]) }
        // The runs of words between those with a quotation mark or an apostrophe.
        let runs = words.split(whereSeparator: { $0.contains(where: \.isQuotationMark) })
        for run in runs {
            if let start = Self.trimmed(Array(run.prefix(6)), isWordly), start.count >= 3 { return Self.encoded(start) }
        }
        return nil
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

    /// Files a browser opens as text or a web page, following a text fragment: not Markdown (Chromium
    /// opens a local `.md` as `text/markdown` and passes the fragment by: session 44's audit), nor
    /// Word or OpenDocument files, which it downloads.
    static let textualExtensions: Set<String> = ["txt", "text", "html", "htm", "xhtml", ""]

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Words from the first letter or digit of the first to the last letter or digit of the last
    /// (words of neither left out at the end); nil for none.
    static func trimmed(_ words: [String], _ isWordly: (Character) -> Bool) -> [String]? {
        var words = words
        while let last = words.last, !last.contains(where: isWordly) { words.removeLast() }
        guard let first = words.first, let start = first.firstIndex(where: isWordly) else { return nil }
        words[0] = String(first[start...])
        if let last = words.last, let end = last.lastIndex(where: isWordly) { words[words.count - 1] = String(last[...end]) }
        return words
    }

    static func encoded(_ words: [String]) -> String {
        words.joined(separator: " ").addingPercentEncoding(withAllowedCharacters: fragmentCharacters) ?? ""
    }

    /// A text fragment's own syntax uses "-", "," and "&": encoded in its words, as every other
    /// character but the unreserved.
    static let fragmentCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~")
}

private extension Character {
    /// Straight and curly quotation marks and apostrophes, and the backtick.
    var isQuotationMark: Bool { "'\"`\u{2018}\u{2019}\u{201A}\u{201B}\u{201C}\u{201D}\u{201E}\u{2032}\u{2033}".contains(self) }
}
