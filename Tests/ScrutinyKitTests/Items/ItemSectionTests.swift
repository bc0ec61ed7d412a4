import Testing
@testable import ScrutinyKit

/// The item finder reads its sections from the document's walk (``SectionWalk``): an item's
/// section is the walk's heading path, and a contents page's heading and entries open no section
/// of items.
@Suite struct ItemSectionTests {
    static func items(_ blocks: [Block]) -> [Recommendation] {
        let document = Document(source: "report.txt", sha256: "0123456789abcdef", format: .text, blocks: blocks)
        return RecommendationFinder(rules: ItemFixtures.rules).recommendations(in: document)
    }

    @Test func aContentsEntryOpensNoSectionOfItems() {
        let found = Self.items([
            .heading("Annual report", level: 1),
            .heading("Contents", level: 2),
            .heading("Recommendations 5", level: 3),
            .heading("Introduction", level: 2),
            .listItem("The partnership should publish its annual plan by the end of June.", marker: "-"),
            .heading("Recommendations", level: 2),
            .listItem("Publish the annual plan on the partnership's website.", marker: "1.", ordinal: "1"),
        ])
        #expect(found.map(\.section) == ["Annual report › Introduction", "Annual report › Recommendations"])
        #expect(found.map(\.form) == [.explicit, .listed], "the entry \"Recommendations 5\" did not make the introduction a list of items")
    }

    @Test func anItemAmongAContentsPagesEntriesStandsUnderThePage() {
        let found = Self.items([
            .heading("Annual report", level: 1),
            .heading("Contents", level: 2),
            .heading("Summary 3", level: 3),
            .paragraph("The partnership should publish its annual plan by the end of June."),
            .heading("Findings 7", level: 3),
            .heading("Summary", level: 2),
            .paragraph("The partnership should fund the business unit for three more years."),
        ])
        #expect(found.map(\.section) == ["Annual report › Contents", "Annual report › Summary"])
    }

    /// The finder's lead-ins reach as far as the walk's (``ListScope``): a paragraph's lead-in
    /// announces a numbered list too (until 51e4410 the first numbered item ended it).
    @Test func aParagraphLeadInAnnouncesANumberedList() {
        let found = Self.items([
            .heading("Findings", level: 1),
            .paragraph("The inspectors identified the following areas for improvement:"),
            .listItem("The quality of supervision of social workers is variable.", marker: "1.", ordinal: "1"),
            .listItem("Return home interviews are not always timely.", marker: "2.", ordinal: "2"),
            .paragraph("Leaders know their services well."),
            .listItem("The partnership has a clear plan.", marker: "3.", ordinal: "3"),
        ])
        #expect(found.map(\.kind) == [.areaForImprovement, .areaForImprovement])
        #expect(found.map(\.form) == [.listed, .listed])
    }
}
