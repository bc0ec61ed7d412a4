import Foundation
import Testing
@testable import ScrutinyKit

/// `--scheme auto`'s axis: an item of the 2018 era put on the wt2023 axis through the mapping.
@Suite struct EraClassifierTests {
    static let era: EraClassifier = {
        let directory = LexiconDirectory(url: Paths.lexicons)
        let eras = try! directory.eraRules()
        var classifiers: [String: Classifier] = [:]
        for scheme in Set(eras.eras.map(\.scheme)) { classifiers[scheme] = Classifier(scheme: try! directory.scheme(scheme)) }
        return EraClassifier(classifiers: classifiers, eras: eras, mapping: try! directory.schemeMapping())
    }()

    static func item(_ text: String, era: String) -> Recommendation {
        var item = Recommendation(id: "x", document: "a.txt", kind: .areaForImprovement, text: text, section: "Areas for improvement",
                                  cue: "", locations: [])
        item.era = era
        return item
    }

    /// A wt2018 `safeguarded` finding about SEND or care leavers goes where wt2023 codes it among
    /// the sub-themes `safeguarded` splits into, not to the mapping's default `children-in-need`
    /// (session 43's audit: 240 items under children-in-need held SEND and care-leaver findings).
    @Test func theAxisSchemeChoosesAmongTheSubthemesASubthemeSplitsInto() throws {
        let items = [Self.item("The quality of EHC plans for children and young people with SEND varies considerably.", era: "wt2018"),
                     Self.item("Pathway plans for care leavers are not updated when their circumstances change.", era: "wt2018")]
        let codings = Self.era.classify(items)
        for (coding, expected) in zip(codings, ["send", "care-leavers"]) {
            #expect(coding.scheme == "wt2018")
            let eraPath = coding.item.theme + "." + (coding.item.subtheme ?? "")
            let other = try #require(coding.other)
            #expect(other.theme + "." + (other.subtheme ?? "") == "practice." + expected, "wt2023 codes it \(expected)")
            #expect(Self.era.mapping.pairs(eraPath, with: "practice." + expected), "the mapping pairs \(eraPath) with \(expected)")
            #expect(coding.axisTheme == "practice" && coding.axisSubtheme == expected)
            #expect(!coding.differ)
            // The default alone would have put it under children-in-need.
            #expect(Self.era.mapping.map(theme: coding.item.theme, subtheme: coding.item.subtheme, from: "wt2018", to: "wt2023").subtheme
                    == "children-in-need")
        }
    }

    /// An item of the 2023 era whose wt2018 coding the mapping pairs with its wt2023 coding is no
    /// difference, as the same pair is not in a 2018-era item (session 43's re-audit: the other
    /// scheme's coding was mapped by the default alone).
    @Test func aPairedCodingOfThe2023EraIsNoDifference() throws {
        let item = Self.item("Partners should make better use of data and information about children to identify emerging needs.", era: "wt2023")
        let coding = try #require(Self.era.classify([item]).first)
        #expect(coding.scheme == "wt2023")
        let other = try #require(coding.other)
        let paired = Self.era.mapping.pairs(other.theme + "." + (other.subtheme ?? ""), with: coding.item.theme + "." + (coding.item.subtheme ?? ""))
        let byDefault = Self.era.mapping.map(theme: other.theme, subtheme: other.subtheme, from: "wt2018", to: "wt2023").theme
        let pair = "\(coding.item.theme).\(coding.item.subtheme ?? "") against \(other.theme).\(other.subtheme ?? "")"
        try #require(paired && byDefault != coding.item.theme, "the case this test is about: \(pair)")
        #expect(!coding.differ)
    }

    /// Where wt2023's coding is not among the pairs of the era's sub-theme (training is
    /// `learning`, which `safeguarded` does not split into), the mapping's default stands, and the
    /// two codings differ on the axis.
    @Test func theDefaultStandsWhereTheAxisCodingIsNotAPair() throws {
        let item = Self.item("Training for social workers on child protection plans is not yet embedded.", era: "wt2018")
        let coding = try #require(Self.era.classify([item]).first)
        #expect(coding.item.theme == "purpose" && coding.item.subtheme == "safeguarded")
        let other = try #require(coding.other)
        #expect(other.theme == "learning")
        #expect(!Self.era.mapping.pairs("purpose.safeguarded", with: other.theme + "." + (other.subtheme ?? "")))
        #expect(coding.axisTheme == "practice" && coding.axisSubtheme == "children-in-need")
        #expect(coding.differ)
    }
}
