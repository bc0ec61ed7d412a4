import Foundation
import Testing
@testable import ScrutinyKit

/// The partnership a document concerns, from the way real titles write its name (a fresh-text
/// audit in session 21: partnership pages and council papers left with none, or with a finding's
/// label, "Capacity Challenges", or half a hyphenated name, "Age", "Tees").
@Suite struct PartnershipNameTests {
    static let detector = MetadataDetector(rules: try! MetadataRules(contentsOf: Paths.root.appendingPathComponent("lexicons/documents.yml")))

    static func partnership(_ title: String) -> String? {
        let text = "# \(title)\n\nThe partnership has met four times this year, and its subgroups have met every month to carry forward the work of the plan agreed by its partners."
        let document = Document(source: "page.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        return detector.detect(document).partnership
    }

    @Test(arguments: [
        ("Cheshire East Safeguarding Children\u{2019}s Partnership Annual report 2024/2025", "Cheshire East"),
        ("City of York Childrens Safeguarding Partnership", "York"),
        ("Thurrock Local Safeguarding Children Board Annual Report 2017 - 2018", "Thurrock"),
        ("Stockton-on-Tees Safeguarding Children Partnership annual report", "Stockton-on-Tees"),
        ("BCP Safeguarding Children Partnership Annual Report 2024/2025", "BCP"),
        ("RAVENSHOLME SAFEGUARDING CHILDREN PARTNERSHIP", "Ravensholme"),
        // A board "of Children's" and a possessive area (session 23's audits of council minutes).
        ("Staffordshire Safeguarding Children\u{2019}s Board Annual Report", "Staffordshire"),
        ("Lancashire's Safeguarding Children Board (LSCB) Annual Report", "Lancashire"),
        ("Kestlebury\u{2019}s Local Safeguarding Children\u{2019}s Board report", "Kestlebury"),
    ] as [(String, String)])
    func aTitleNamesItsPartnership(title: String, name: String) {
        #expect(Self.partnership(title) == name)
    }

    /// A name runs on over spaces only, and a hyphenated word whose first part is no name is none.
    @Test(arguments: [
        "Capacity Challenges: Safeguarding partnerships frequently face limits on what they can do",
        "The All-Age Safeguarding Partnership",
        // Kinds of partnership, not places (session 21's fourth audit).
        "Multi-agency Safeguarding Partnerships: what the reforms mean",
        "The Strategic Safeguarding Partnership",
        // "Annual" opens a report's title, it is no place (session 23's audit).
        "67 Annual Safeguarding Children's Board Report (LSCB)",
        // The single inspection's own title in a council paper names no place (session 30's second audit: "Need").
        "Ofsted Inspection of Services for Children in Need of Help and Protection, Children Looked After and Care Leavers",
    ])
    func noNameIsMadeOfALabelOrHalfAWord(title: String) {
        #expect(Self.partnership(title) == nil)
    }

    /// Names in the body as partnership pages write them: "the Devon SCP", "Thurrock LSCB", "how they
    /// will work to safeguard children in Staffordshire"; a month after "in" is no place ("…
    /// Safeguard Children in December 2023").
    @Test func theBodyNamesThePartnership() {
        func partnership(_ body: String) -> String? {
            let text = "# Independent scrutiny\n\n" + body
            let document = Document(source: "page.md", sha256: "x", format: .markdown, blocks: PlainTextReader().blocks(from: text))
            return Self.detector.detect(document).partnership
        }
        #expect(partnership("The Devon SCP has adopted the model of one dedicated independent scrutineer for the partnership.") == "Devon")
        #expect(partnership("The Thurrock LSCB published its annual report in the autumn, after its board had approved it.") == "Thurrock")
        #expect(partnership("The partners have set out how they will work together in safeguarding children in Staffordshire.") == "Staffordshire")
        #expect(partnership("The government published Working Together to Safeguard Children in December 2023, and partners revised their plans.") == nil)
        // Every council has a Children in Care Council: "Care" is no place (session 22's blind audit).
        #expect(partnership("Inspectors talked to children, including the Children in Care Council and the youth forum.") == nil)
        // A council names its area once: "Council" inside "Kestlebury County Council" made a second
        // name, "Kestlebury County", and the tie left news of an inspection with none (session 23).
        #expect(partnership("Kestlebury County Council was told by inspectors in April that caseloads were too high.") == "Kestlebury")
    }
}
