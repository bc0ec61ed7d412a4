import Testing
@testable import ScrutinyKit

@Suite struct TextFootnoteTests {
    /// Markdown emphasis is stripped from an all-ASCII line on its bytes as from any other line
    /// by characters: each random line, and the same line with " é" after it (which sends it the
    /// way of characters and changes no emphasis), give the same text.
    /// A footnote that a PDF exported to text sets between two pages (a superscript number opening
    /// its paragraph, its link on the next line) is left out, as the other readers leave footnotes
    /// out; a superscript inside a paragraph is a reference, and the paragraph stays (session 43:
    /// the footnote cut a quotation of the national survey and became a partnership's evidence).
    @Test func footnotesOfTextAreLeftOut() {
        let text = "\u{201C}I read all the minutes of the executive. I\n\n\u{2076} The child safeguarding practice review "
            + "regulations 2018\n<https://www.legislation.gov.uk/uksi/2018/789>\n\nalso attend every subgroup\u{201D} (LSCP 18).\n\n"
            + "Children\u{00B9} are seen.\n\n\u{00B2}\u{2070} Source: the council's data, 2021.\n"
        let read = PlainTextReader().blocks(from: text).map(\.text)
        #expect(!read.joined(separator: " ").contains("regulations"), "\(read)")
        #expect(!read.joined(separator: " ").contains("Source"), "\(read)")
        // The quotation runs on across the page, as in the PDF.
        #expect(read.contains { $0.contains("executive. I also attend every subgroup") }, "\(read)")
        #expect(read.contains("Children are seen."))
        #expect(PlainTextReader.withoutFootnotes("No superscript here.\n\n1 Not a footnote.") == "No superscript here.\n\n1 Not a footnote.")
    }
}
