import Foundation
import Testing
@testable import ScrutinyKit

/// The 2023 indicators in the wordings of real 2024–25 partnership pages and papers (session 21's
/// audit of fresh pages: the partners named with their acronym, a delegated partner as chair, an
/// independent chair who is also the scrutineer, scrutiny's function in the guidance's own words;
/// and the guidance's joint functions restated, which names no one). Short documents written for
/// these tests, in the shapes of the real sentences.
@Suite struct Arrangement2023WordingTests {
    static let lexicon = ProfileAccuracyTests.lexicon

    func profile(_ sentences: String...) -> PartnershipProfile {
        let text = "# Testshire Safeguarding Children Partnership\n\n" + sentences.joined(separator: "\n\n")
        let document = Document(source: "page.md", sha256: "0123456789abcdef", format: .markdown,
                                metadata: Metadata(partnership: "Testshire", documentType: "annual-report", date: "2025-06"),
                                blocks: PlainTextReader().blocks(from: text))
        return ArrangementProfiler(lexicon: Self.lexicon).profile(of: "Testshire", documents: [document])
    }

    @Test func thePartnersNamedWithTheirAcronym() {
        #expect(profile("In Testshire, the three Lead Safeguarding Partners (LSPs) are the council, the integrated care board and the police.")
            .value("wt2023.lead_partners_named") == .yes)
        #expect(profile("The joint functions of the lead safeguarding partners are to:", "- set the strategic direction, vision and culture;", "- hold each other to account.")
            .value("wt2023.lead_partners_named") == .notStated)
    }

    @Test func aDelegatedPartnerAsChair() {
        let result = profile("The partnership already has a delegated safeguarding partner as chair of the partnership executive.")
        #expect(result.value("wt2023.partnership_chair") == .yes)
        #expect(result.value("wt2023.chair_held_by_partner") == .yes)
    }

    @Test func anIndependentChairWhoIsAlsoTheScrutineer() {
        let result = profile("The Independent Chair and Scrutineer of the partnership presented the yearly report to the board.")
        #expect(result.value("wt2023.partnership_chair") == .yes)
        #expect(result.value("wt2023.chair_held_by_partner") == .no)
    }

    @Test func scrutinysFunctionInTheGuidancesWords() {
        #expect(profile("The independent scrutineer provides assurance in judging the effectiveness of the multi-agency arrangements.")
            .value("wt2023.scrutiny_functions") == .yes)
    }
}
