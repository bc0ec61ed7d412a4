import Foundation
import Testing
@testable import ScrutinyKit

/// An indicator asks whether an arrangement exists or is done: a sentence that denies it, names
/// it as something to improve, or is about another body's chair is not evidence that it does
/// (a user audit of session 19's report: "Outcomes for children 100% (n=9) of 9", every one of them
/// from a sentence saying the opposite). The coding rules (Tests/Gold/profiles/README.md) decide
/// what such a sentence gives: `no` only on an explicit statement that the arrangement is missing,
/// a topic denied is not stated, and what the board does counts whatever its quality.
/// Short documents written for these tests, in the shapes of the real sentences.
@Suite struct DeniedIndicatorTests {
    static let lexicon = ProfileAccuracyTests.lexicon
    static let quotes = try! QuotedPartnerships(contentsOf: Paths.root.appendingPathComponent("lexicons/arrangements.yml"), types: Paths.documentTypes)!

    func document(_ text: String, type: DocumentType? = "scrutiny-report", partnership: String? = "Testshire") -> Document {
        Document(source: "test.md", sha256: "0123456789abcdef", format: .markdown,
                 metadata: Metadata(partnership: partnership, documentType: type, date: "2016-01"),
                 blocks: PlainTextReader().blocks(from: text))
    }

    func profile(_ document: Document) -> PartnershipProfile {
        ArrangementProfiler(lexicon: Self.lexicon).profile(of: "Testshire", documents: [document])
    }

    /// A single inspection's review of the board, whose section is the board's arrangements (every
    /// topic it names is in scope): `sentences` stand in it.
    func boardReview(_ sentences: String...) -> PartnershipProfile {
        profile(document("""
            # Testshire County Council

            ## The Local Safeguarding Children Board (LSCB)

            \(sentences.joined(separator: "\n\n"))
            """, type: "inspection-report"))
    }

    // MARK: a topic denied before it is no evidence

    @Test func aTopicTheBoardDoesNotOverseeIsNotStated() {
        let cases = [
            "Consequently the LSCB has not so far got an evaluative overview of how well services affect outcomes for children.",
            // The negation stands far from the topic, across a parenthetic "until this year".
            "The board has not, until this year, assessed the effect of the courses it runs and satisfied itself that they lead to better services and outcomes for children and families.",
            "The LSCB has recognised the need to improve how it measures the effect of its courses on practice and outcomes for children.",
        ]
        for sentence in cases {
            #expect(boardReview(sentence).value("what.outcomes_for_children") == .notStated, "\(sentence)")
        }
        #expect(boardReview("The LSCB scrutinises outcomes for children through a quarterly performance report.")
            .value("what.outcomes_for_children") == .yes)
    }

    /// An arrangement put in the past says nothing of the present one (a national team's audit:
    /// "from 2014 to 2019 we had an Independent Chair" counted as having one).
    @Test func anArrangementInThePastIsNotStated() {
        for sentence in ["From 2014 to 2019 we had an Independent Chair who led the transition.",
                         "The partnership used to have an independent chair.",
                         "The board was formerly led by an independent chair."] {
            #expect(profile(document(sentence)).value("who.independent_chair") == .notStated, "\(sentence)")
        }
        #expect(profile(document("We have an Independent Chair who leads the partnership.")).value("who.independent_chair") == .yes)
    }

    @Test func settingsNotRepresentedAreNotEducationScrutinised() {
        let denied = boardReview("Several educational settings are not represented on the board, among them independent schools, colleges and supplementary schools.")
        #expect(denied.value("what.education") == .notStated)
        let done = boardReview("The board receives the annual audit of safeguarding in schools.")
        #expect(done.value("what.education") == .yes)
    }

    /// A negation after the topic is about its quality: the board has an annual report, which the
    /// inspectors find wanting (the gold codes such sentences yes).
    @Test func aNegationAfterTheTopicIsAboutItsQuality() {
        let result = boardReview("The annual report of the board does not give enough analysis of how partners perform.")
        #expect(result.value("what.annual_report") == .yes)
    }

    /// Each mention is read: a denied first mention does not hide an affirmed later one.
    @Test func aLaterAffirmedMentionCounts() {
        let result = profile(document("""
            # Learning

            The scrutineer did not sit in on any training sessions; course materials were scrutinised instead, and staff who had attended training were interviewed.
            """))
        #expect(result.value("what.learning_training") == .yes)
    }

    // MARK: a negated quality is not "no"

    @Test func aNegatedQualityIsNotAMissingArrangement() {
        let quality = profile(document("# Arrangements\n\nThe partnership does not yet make effective use of its lay members.\n"))
        #expect(quality.value("who.lay_members") == .notStated)
        let missing = profile(document("# Arrangements\n\nThe partnership does not have lay members.\n"))
        #expect(missing.value("who.lay_members") == .no)
    }

    // MARK: what is to improve is not an arrangement

    @Test func itemsOfWhatNeedsToImproveAreNoEvidence() {
        let text = """
            # Testshire children's services inspection

            ### What needs to improve?

            - The consistency with which the independent chair challenges partners on the budget.

            ## The experiences of children

            Inspectors identified the following areas for improvement:

            - How well the independent chair holds partners to account for their audits.
            """
        let result = profile(document(text))
        #expect(result.value("who.chair_scrutiny_duties") == .notStated)
        #expect(result.value("who.independent_chair") == .notStated)
        let stated = profile(document("# Arrangements\n\nThe independent chair challenges partners on the budget.\n"))
        #expect(stated.value("who.chair_scrutiny_duties") == .yes)
    }

    // MARK: other bodies' chairs

    @Test func otherBodiesChairsAreNotThePartnerships() {
        let subgroup = profile(document("""
            # Arrangements

            The learning and thematic review group is independently chaired, with members from the three agencies.

            The partnership has a rotating chair from the three statutory partners, starting with the council's chief executive.
            """))
        #expect(subgroup.value("wt2023.chair_held_by_partner") == .yes)
        #expect(subgroup.value("who.independent_chair") == .no)

        let improvementBoard = profile(document("# Learning\n\nExternal scrutiny includes an independently chaired practice improvement board.\n"))
        #expect(improvementBoard.value("wt2023.chair_held_by_partner") == .notStated)

        let committee = profile(document("# Governance\n\nThe leader and the chair of the scrutiny committee scrutinise progress and hold senior leaders to account.\n"))
        #expect(committee.value("wt2023.scrutiny_functions") == .notStated)

        let conference = profile(document("# Child protection\n\nChild protection chairs challenge social workers about drift in plans.\n"))
        #expect(conference.value("who.chair_scrutiny_duties") == .notStated)
    }

    // MARK: a quotation that denies its section

    @Test func aQuotationDenyingItsSectionDoesNotBearItOut() throws {
        let survey = """
            # A national survey

            ### Independent Scrutiny of LSCP outcomes for children

            1. Partnerships describe their approach:

            "We look back at every review to show what changed... No direct effect on outcomes for children, but other effects" (LSCP 1).

            "Our scrutineer follows outcomes for children through the data set" (LSCP 2).

            "We look at impact by auditing cases every quarter" (LSCP 3).

            "Scrutiny of practice reviews shows impact" (LSCP 4).

            "A deep dive each year" (LSCP 5).
            """
        let parts = Self.quotes.split(document(survey, type: nil, partnership: nil))
        func section(_ label: String) -> Set<String> { Set(parts[label]?.sectionEvidence.map(\.indicator) ?? []) }
        #expect(!section("LSCP 1").contains("what.outcomes_for_children"))
        #expect(section("LSCP 2").contains("what.outcomes_for_children"))
        #expect(section("LSCP 3").contains("what.outcomes_for_children"), "a quotation that does not name the topic still bears its section out")
    }

    // MARK: the real documents of the audit

    static let real = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/real")
    static var realExists: Bool { FileManager.default.fileExists(atPath: real.path) && Paths.seedsExist }

    /// The documents of the user audit, profiled as `scrutiny profile` profiles them. Each case
    /// names its partnership, indicator and the value it must not (or must) have.
    @Test(.enabled(if: realExists, "../shared/real or ../shared/seeds is absent"))
    func theAuditedDocumentsNoLongerSayYesFromDenials() throws {
        var rules = try MetadataRules(contentsOf: Paths.lexicons.appendingPathComponent("documents.yml"))
        rules.inspections = try InspectionLexicon(contentsOf: Paths.lexicons.appendingPathComponent("inspections.yml"), types: Paths.documentTypes)
        let detector = MetadataDetector(rules: rules)
        let reader = DocumentReader()
        let files = ["wiltshire-ofsted-inspection-2015.pdf", "somerset-ofsted-inspection-2015.pdf", "wandsworth-ofsted-inspection-2016.pdf",
                     "kirklees-ofsted-inspection-2016.pdf", "kingston-upon-hull-ofsted-inspection-2026.pdf",
                     "bromley-ofsted-focused-visit-2021.pdf", "newham-ofsted-inspection-2022.pdf"].map { Self.real.appendingPathComponent($0).path }
            + [Paths.seed("003"), Paths.seed("004")]
        let documents = try files.map { detector.filled(try reader.read(path: $0)) }
        let profiles = ArrangementProfiler(lexicon: Self.lexicon, quotes: Self.quotes).profiles(of: documents)
        func value(_ partnership: String, _ indicator: String) -> IndicatorValue? {
            profiles.first { $0.partnership == partnership }?.value(indicator)
        }
        for (partnership, indicator) in [("Wiltshire", "what.outcomes_for_children"), ("Somerset", "what.outcomes_for_children"),
                                         ("Wandsworth", "what.outcomes_for_children"), ("LSCP 11", "what.outcomes_for_children"),
                                         ("Kirklees", "what.education"), ("Kingston upon Hull", "who.chair_scrutiny_duties"),
                                         ("Newham", "wt2023.scrutiny_functions")] {
            let found = value(partnership, indicator)
            #expect(found != nil, "\(partnership) was not profiled")
            #expect(found != .yes, "\(partnership) \(indicator)")
        }
        #expect(value("Bromley", "wt2023.chair_held_by_partner") != .no)
        #expect(value("Barnet", "wt2023.chair_held_by_partner") == .yes)
        // What the board does counts whatever the inspectors think of it: the annual report stays.
        #expect(value("Wiltshire", "what.annual_report") == .yes)
    }
}
