/// The headings above the point a walk has reached in a document, outermost first, and the one
/// rule for contents pages: a contents page's heading ("Contents", "Table of contents") heads only
/// its entries; the entries (headings ending in a page number, "Recommendations 35") never enter
/// the path, and the first heading that is not an entry ends the page, the path going back to
/// what it was above the page.
public struct HeadingPath: Sendable {
    /// What a heading is to the path.
    public enum Role: Sendable, Hashable {
        /// A section heading: it enters the path.
        case section
        /// The heading of a contents page: it heads the page's entries until the page ends.
        case contentsPage
        /// An entry of a contents page: it leaves the path as it is.
        case contentsEntry
    }

    /// The headings' texts, outermost first (shared, copy-on-write, by every block under them).
    public private(set) var texts: [String] = []
    private var levels: [Int] = []
    /// The headings that the walk recognises as a contents page's (none: no page is one).
    private let contentsHeadings: PhraseList?
    /// The path above the contents page being walked, while in one.
    private var beforeContents: (texts: [String], levels: [Int])?
    /// Whether the walk has passed a contents page.
    private var afterContents = false

    /// The level of the innermost heading of the path.
    public var deepestLevel: Int? { levels.last }

    public init(contentsHeadings: PhraseList? = nil) {
        self.contentsHeadings = contentsHeadings
    }

    /// Takes a heading in: its role, the path changed accordingly. `page`, where known, tells a
    /// stray entry of a contents page already left: after a contents page, a heading that ends in
    /// the number of a later page ("Information about this inspection 31" on page 4) is an entry.
    /// A contents page whose entries wrap over two lines ends at the first line without its number
    /// (Darlington 2018: that entry headed 366 of the report's 405 items until session 40).
    public mutating func enter(_ text: String, level: Int, page: Int? = nil) -> Role {
        if let outer = beforeContents {
            if text.last?.isNumber == true { return .contentsEntry }
            (texts, levels) = outer
            beforeContents = nil
        }
        if afterContents, let page, let number = Self.trailingPageNumber(text), number > page { return .contentsEntry }
        let role: Role = isContentsHeading(text) ? .contentsPage : .section
        if role == .contentsPage {
            beforeContents = (texts, levels)
            afterContents = true
        }
        while let last = levels.last, last >= level {
            levels.removeLast()
            texts.removeLast()
        }
        levels.append(level)
        texts.append(Self.withoutNoteMark(text))
        return role
    }

    /// Whether a heading of `blocks` opens a contents page: where none does, the walk with this
    /// path's contents headings is the walk without them.
    public func opensContentsPage(in blocks: [Block]) -> Bool {
        blocks.contains { $0.kind == .heading && isContentsHeading($0.text) }
    }

    /// The number ending a heading after a space and a word ("Recommendations 35"), as a contents
    /// entry gives its page; nil for a heading that is a number or ends in a year.
    static func trailingPageNumber(_ text: String) -> Int? {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), text.dropLast(digits.count).last == " ",
              text.dropLast(digits.count + 1).last?.isLetter == true else { return nil }
        return Int(String(digits.reversed()))
    }

    /// A heading without the footnote number a PDF sets after its question mark ("What needs to
    /// improve?1" is "What needs to improve?").
    static func withoutNoteMark(_ text: String) -> String {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }.count
        guard (1...2).contains(digits), let mark = text.dropLast(digits).last, mark == "?" || mark == "!" else { return text }
        return String(text.dropLast(digits))
    }
}

private extension HeadingPath {
    /// A short heading (three words at the most) that opens with a contents heading.
    func isContentsHeading(_ text: String) -> Bool {
        guard let contentsHeadings, !contentsHeadings.phrases.isEmpty else { return false }
        let words = WordTokenizer.words(text).map(\.text)
        return words.count <= 3 && contentsHeadings.matchesAtStart(words)
    }
}
