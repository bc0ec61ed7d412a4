import Foundation
import Testing
@testable import ScrutinyKit

/// Words of the shipped schemes that a scrutineer's own recommendations needed (session 45's
/// audit: each of these was unclassified, or coded by an incidental word).
@Suite struct SchemeVocabularyTests {
    static let directory = LexiconDirectory(url: Paths.lexicons)
    static let classifiers = ["wt2018", "wt2023"].reduce(into: [String: Classifier]()) { $0[$1] = Classifier(scheme: try! directory.scheme($1)) }

    /// "theme.subtheme" as `scheme` codes `text` given as a recommendation on its own.
    static func coded(_ text: String, _ scheme: String) -> String {
        let item = classifiers[scheme]!.classify(Recommendation(id: "x", document: "list", kind: .recommendation, text: text, section: "",
                                                                cue: "", locations: []))
        return [item.theme, item.subtheme].compactMap { $0 }.joined(separator: ".")
    }

    @Test func wt2018CodesMoneyReviewsAndMissedAppointments() {
        #expect(Self.coded("The partners should agree who will hold the pooled money and how underspends are carried forward.", "wt2018")
            == "leadership.resourcing")
        #expect(Self.coded("Learning from serious incidents must be shared with the workforce within three months.", "wt2018")
            == "purpose.learning")
        #expect(Self.coded("Practitioners should be confident in using the Was Not Brought policy.", "wt2018") == "purpose.safeguarded")
    }

    /// Agencies' attendance at the partnership's meetings is partnership working, a child's
    /// attendance at school is SEND practice ("attendance at subgroup meetings" and "at the
    /// Districts Safeguarding Forum" were coded practice › send).
    @Test func wt2023ReadsAttendanceAtMeetingsApartFromAttendanceAtSchool() {
        #expect(Self.coded("The police should report their attendance at subgroup meetings to the Executive.", "wt2023")
            == "partnership.relevant-agencies")
        #expect(Self.coded("Partners should agree a minimum expectation of district council attendance at the Districts Safeguarding Forum.",
                           "wt2023") == "partnership.relevant-agencies")
        #expect(Self.coded("Schools should improve attendance at school for children with SEND.", "wt2023") == "practice.send")
        #expect(Self.coded("Attendance and exclusions of children with SEND are monitored closely.", "wt2023") == "practice.send")
    }
}
