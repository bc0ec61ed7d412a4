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

    /// "self-as-" + "sessments" is "self-assessments" where the document uses "assessments" and
    /// never "sessments" (the corpus PDFs gave "self-as-sessments" and "well-in-formed" until
    /// session 18); a chain whose last piece is a word of its own still keeps its hyphen.
    @Test func aCompoundBrokenInsideItsLastPartJoinsThatPart() {
        let document = Hyphenation(lines: [["Partners", "shared", "their", "assessments", "and", "were", "well", "informed", "in", "each", "case."]])
        #expect(document.join("self-as-", "sessments") == "self-assessments")
        #expect(document.join("well-in-", "formed") == "well-informed")
        #expect(document.join("case-by-", "case") == "case-by-case")
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

    /// A short prefix before the vowel it ends in keeps its hyphen, as British spelling writes it;
    /// a longer piece, or another vowel, joins (session 47: "co-" + "ordinate" in a pasted list).
    @Test func aShortPrefixBeforeItsOwnVowelKeepsTheHyphen() {
        #expect(hyphenation.join("co-", "ordinate") == "co-ordinate")
        #expect(hyphenation.join("re-", "establish") == "re-establish")
        #expect(hyphenation.join("anti-", "inflammatory") == "anti-inflammatory")
        #expect(hyphenation.join("co-", "ercive") == "coercive")
        #expect(hyphenation.join("en-", "sure") == "ensure")
        #expect(hyphenation.join("continu-", "um") == "continuum")
    }
}
