/// Entries in quotation marks: a quotation that runs on over paragraphs, and an inspection's
/// findings quoted entry by entry on a council's page ("'Adoption is a strength. …'").
enum QuotedEntry {
    /// Whether a paragraph leaves a quotation open for the next: it opens one (“ or ") that it
    /// does not close; a paragraph that goes on with a quotation and opens with a mark re-opens it
    /// rather than closing it (“… in their view. / “Inspectors saw … / “Due to delays …”).
    /// Read by scalars, not characters: every block of every document is read so, and breaking
    /// text into grapheme clusters to find three marks cost 4% of `analyse`.
    static func leavesQuotationOpen(_ text: String, continuing: Bool) -> Bool {
        var open = false
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "\u{201C}": open = true
            case "\u{201D}": open = false
            case "\"": open = index == 0 && continuing ? true : !open
            default: break
            }
        }
        return open
    }

    /// The text inside the quotation marks that open and close `block` ("'Adoption is a strength.
    /// …'"), or nil where it is not so enclosed.
    static func withoutQuotationMarks(_ block: Block) -> Block? {
        let scalars = Array(block.text.unicodeScalars)
        guard scalars.count > 2, let first = scalars.first, QuotationMarks.all.contains(first) else { return nil }
        var end = scalars.count
        while end > 1, [".", ",", ";", " "].contains(scalars[end - 1]) { end -= 1 }
        let close = end - 1
        guard QuotationMarks.all.contains(scalars[close]), close > 1 else { return nil }
        var part = block.part(from: 1, to: close)
        // Keep the full stop inside the marks, or the one after them.
        if close + 1 < scalars.count, scalars[close + 1] == ".", scalars[close - 1] != "." { part.text += "." }
        return part
    }
}
