import Testing
@testable import ScrutinyKit

/// Quotations of guidance, told from the author's own words.
@Suite struct QuotationTests {
    func items(_ text: String) -> [Recommendation] {
        ItemFixtures.items(in: text, narrative: false, documentType: "scrutiny-report")
    }

    /// An apostrophe opens no quotation: a request that names guidance in a bracket and has a
    /// possessive is the author's own ("agenda's" with "WT18" in a bracket had made a scrutineer's
    /// sentence a quotation of guidance; session 42). A quotation mark with the guidance named still
    /// quotes it.
    @Test func anApostropheQuotesNothing() {
        let own = items("The partnership's executive should review the agenda's items in line with WT18 each quarter.")
        #expect(own.map(\.kind) == [.recommendation], "\(own.map(\.text))")
        let quoted = items("Working Together 2018 says partners 'should review the arrangements each quarter'.")
        #expect(quoted.isEmpty, "\(quoted.map(\.text))")
        #expect(ProseJudge.opensAQuotation("It said 'good' twice.") && ProseJudge.opensAQuotation("the \u{201C}plan\u{201D}"))
        #expect(!ProseJudge.opensAQuotation("The board's plan and the agenda's items."))
    }
}
