import Foundation
import Testing
@testable import ScrutinyKit

/// Words of a scrutineer's own recommendations that the shipped `wt2018` scheme lacked (session
/// 45's audit: each of these was unclassified or coded by an incidental word).
@Suite struct WT2018VocabularyTests {
    static let classifier = Classifier(scheme: try! LexiconDirectory(url: Paths.lexicons).scheme("wt2018"))

    static func coded(_ text: String) -> String {
        let item = classifier.classify(Recommendation(id: "x", document: "list", kind: .recommendation, text: text, section: "", cue: "",
                                                      locations: []))
        return [item.theme, item.subtheme].compactMap { $0 }.joined(separator: ".")
    }

    @Test func moneyReviewsAndMissedAppointmentsAreCoded() {
        #expect(Self.coded("The partners should agree who will hold the pooled money and how underspends are carried forward.")
            == "leadership.resourcing")
        #expect(Self.coded("Learning from serious incidents must be shared with the workforce within three months.") == "purpose.learning")
        #expect(Self.coded("Practitioners should be confident in using the Was Not Brought policy.") == "purpose.safeguarded")
    }
}
