import Foundation
import Testing
@testable import ScrutinyKit

/// Words of the shipped `wt2023` scheme that mean one thing in an inspection of SEND services and
/// another in a scrutineer's report.
@Suite struct WT2023VocabularyTests {
    static let classifier = Classifier(scheme: try! LexiconDirectory(url: Paths.lexicons).scheme("wt2023"))

    static func coded(_ text: String) -> String {
        let item = classifier.classify(Recommendation(id: "x", document: "list", kind: .recommendation, text: text, section: "", cue: "",
                                                      locations: []))
        return [item.theme, item.subtheme].compactMap { $0 }.joined(separator: ".")
    }

    /// Agencies' attendance at the partnership's meetings is partnership working, a child's
    /// attendance at school is SEND practice (session 45's audit: "attendance at subgroup
    /// meetings" and "at the Districts Safeguarding Forum" were coded practice › send).
    @Test func attendanceAtMeetingsIsNotAttendanceAtSchool() {
        #expect(Self.coded("The police should report their attendance at subgroup meetings to the Executive.")
            == "partnership.relevant-agencies")
        #expect(Self.coded("Partners should agree a minimum expectation of district council attendance at the Districts Safeguarding Forum.")
            == "partnership.relevant-agencies")
        #expect(Self.coded("Schools should improve attendance at school for children with SEND.") == "practice.send")
        #expect(Self.coded("Attendance and exclusions of children with SEND are monitored closely.") == "practice.send")
    }
}
