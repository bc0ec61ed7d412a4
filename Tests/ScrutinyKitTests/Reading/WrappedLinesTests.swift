import Testing
@testable import ScrutinyKit

/// A text file's lines made into paragraphs and items: a line that goes on with the item or
/// paragraph above it, and one that does not.
@Suite struct WrappedLinesTests {
    func blocks(_ text: String) -> [Block] { PlainTextReader().blocks(from: text) }

    /// A line indented to the text of the marked item above it goes on with that item, whatever
    /// its first letter (session 28's user audit: "1. The Executive should ask the MASH" /
    /// "   Strategic Group to report …" was two items); a marked line there is a sub-point.
    @Test func aLineIndentedToAnItemsTextGoesOnWithIt() {
        let result = blocks("""
            1. The Executive should ask the MASH
               Strategic Group to report on timeliness every quarter.
            2. Partners should review the Early Help
               Assessment so that families are offered help sooner.
               - starting with the families waiting longest
            """)
        #expect(result.map(\.kind) == [.listItem, .listItem, .listItem])
        #expect(result[0].text == "The Executive should ask the MASH Strategic Group to report on timeliness every quarter.")
        #expect(result[1].text == "Partners should review the Early Help Assessment so that families are offered help sooner.")
        #expect(result[2].depth == 1)
    }

    /// A marked item whose sentence has not ended goes on into an unmarked line that ends one,
    /// whatever its first letter: a list copied from a PDF breaks before "Assessments" or
    /// "Police" as often as before "the" (session 45's audit: the second half of each item was
    /// dropped). A line that ends no sentence ("Strengths"), a marked line, and a line that opens
    /// with a label ("R4:", session 45's re-audit: it was joined to the item above) stay apart.
    @Test func aMarkedItemGoesOnIntoTheLineThatEndsItsSentence() {
        let result = blocks("""
            1. The ICB should improve the timeliness of Initial Health
            Assessments for children in care.
            - Review the multi-agency safeguarding hub's
            Police and Health staffing so that each shift has a police decision-maker.
            2. Agree a data set
            Strengths
            3. Leaders know their services well.
            - Education: headteachers need to be part of the strategic decision-making of the partnership
            R4: Learning from serious incidents must be shared with the workforce within three months.
            """)
        #expect(result.map(\.text) == ["The ICB should improve the timeliness of Initial Health Assessments for children in care.",
                                       "Review the multi-agency safeguarding hub's Police and Health staffing so that each shift has a police decision-maker.",
                                       "Agree a data set", "Strengths", "Leaders know their services well.",
                                       "Education: headteachers need to be part of the strategic decision-making of the partnership",
                                       "R4: Learning from serious incidents must be shared with the workforce within three months."],
                "\(result.map(\.text))")
    }

    @Test func joinsHardWrappedParagraphsButNotShortLines() {
        let wrapped = (0..<12).map { index in
            "Line \(index) of a paragraph that was wrapped by a converter at about seventy\ncolumns wide so that"
        }.joined(separator: " ")
        let result = blocks(wrapped + " it ends here.\n\nJane Smith\nIndependent Scrutineer\n")
        #expect(result.first?.kind == .paragraph)
        #expect(result.first?.text.contains("seventy columns") == true)
        #expect(result.first?.text.hasSuffix("it ends here.") == true)
        #expect(result.count == 3)
    }
}
