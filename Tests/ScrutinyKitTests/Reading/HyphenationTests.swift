import Testing
@testable import ScrutinyKit

/// Line-end hyphens in real reports: chains and web addresses keep theirs.
@Suite struct HyphenationTests {
    let hyphenation = Hyphenation(lines: [["The", "plan", "was", "agreed."]])

    @Test func chainsKeepEveryHyphen() {
        #expect(hyphenation.join("case-by-", "case") == "case-by-case")
        #expect(hyphenation.join("face-", "to-face") == "face-to-face")
        #expect(hyphenation.join("up-to-", "date") == "up-to-date")
    }

    @Test func webAddressesKeepTheirHyphens() {
        #expect(hyphenation.join("www.nationalarchives.gov.uk/doc/open-", "government-licence")
            == "www.nationalarchives.gov.uk/doc/open-government-licence")
    }

    @Test func compoundSuffixesKeepTheHyphenAndBreaksJoin() {
        #expect(hyphenation.join("task-", "orientated") == "task-orientated")
        #expect(hyphenation.join("information-", "gathering") == "information-gathering")
        #expect(hyphenation.join("safe-", "guarding") == "safeguarding")
    }
}
