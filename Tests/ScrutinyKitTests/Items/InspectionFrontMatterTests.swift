import Foundation
import Testing
@testable import ScrutinyKit

/// The front matter (and the back page) of inspection reports and letters set out as text (a report's judgement
/// table, its grade descriptors, its contents page), and the lists of the 2016 SEND framework
/// and of monitoring visits: the patterns of session 22's blind audit of fresh Ofsted text
/// (written here in words of our own).
@Suite struct InspectionFrontMatterTests {
    func items(_ text: String) -> [Recommendation] {
        ItemFixtures.items(in: text, narrative: true)
    }

    /// A table of judgements read as lines is labels: a capitalised grade ends each row without a
    /// full stop. A bullet judging in lower case without its full stop still judges.
    @Test func rowsOfAJudgementTableAreLabels() {
        let found = items("""
            # Testshire County Council

            1. Children who need help and protection Requires improvement
            2. Children looked after and achieving permanence Good
            2.1 Adoption performance Outstanding
            3. Leadership, management and governance Inadequate

            ## Partnership working

            - Attendance at the board's meetings is good
            """)
        #expect(found.map(\.text) == ["Attendance at the board's meetings is good"])
        #expect(found.map(\.kind) == [.strength])
    }

    /// The framework's words that every single inspection restates (the overall statement, what
    /// a grade means, Ofsted's expectation) are not findings, and neither is an entry of the
    /// contents page that asks a question. A request that ends with a question still asks.
    @Test func gradeDescriptorsAndContentsQuestionsAreNotItems() {
        let found = items("""
            # Data

            Reports to the board need to come with analysis, otherwise how do partners know what works?

            # The overall judgement is that children's services are good

            The local authority leads effective services that meet the requirements for good.

            It is Ofsted's expectation that, as a minimum, all children receive good help and protection.

            A board requires improvement if it does not yet demonstrate the characteristics of good.

            There are widespread or serious failures that leave children at risk of harm.

            What does the local authority need to improve?
            """)
        #expect(found.map(\.text) == ["Reports to the board need to come with analysis, otherwise how do partners know what works?"])
        #expect(found.map(\.kind) == [.recommendation])
    }

    /// The lists of a SEND letter's "significant areas of weakness" and of a monitoring visit's
    /// "areas of concern" are areas for improvement, even after "The purpose of the re-visit
    /// was …" (only the purpose of the arrangements quotes the guidance).
    @Test func areasOfWeaknessAndOfConcernAnnounceAreasForImprovement() {
        let found = items("""
            # Re-visit

            The purpose of the re-visit was to decide whether the area has made enough progress in addressing the three areas of significant weakness in its written statement:

            - slow and inconsistent identification of children's needs
            - the poor quality of plans

            # Monitoring visit

            Inspectors reviewed the progress made in the following areas of concern identified at the last inspection:

            - The quality of assessments and the recording of children's views.
            """)
        #expect(found.map(\.kind) == [.areaForImprovement, .areaForImprovement, .areaForImprovement])
        #expect(found.map(\.form) == [.listed, .listed, .listed])
    }

    /// A grade reported is a label; the rest of the sentence decides: "when they were judged to
    /// be good" leaves "continued at pace" to judge, "rated as 'good' overall" judges nothing,
    /// and so does a grade said of a long object ("judged the … services to be inadequate").
    @Test func aGradeReportedIsALabel() {
        let found = items("""
            # Headline findings

            The senior leadership team has continued at pace with its plans since the last inspection, when they were judged to be good.

            The council is currently rated as 'good' overall, and most councils are rated as 'requires improvement'.

            In 2019, inspectors judged the Testshire local authority children's services to be inadequate.
            """)
        #expect(found.map(\.text) == ["The senior leadership team has continued at pace with its plans since the last inspection, when they were judged to be good."])
        #expect(found.map(\.kind) == [.strength])
    }

    /// A committee's decision set out as what it is to do ("To note the changes …", "Considers
    /// the Annual Report …") is procedural; an agenda item's purpose ("To consider the annual
    /// report") and Ofsted's "To receive regular email alerts …" are not items.
    @Test func decisionsSetOutAsWhatTheCommitteeIsToDoAreProcedural() {
        let found = ItemFixtures.items(in: """
            # Decision

            1. To note the changes in the partnership model and the move to a safeguarding children partnership.
            2. Considers the partnership's Annual Report and makes any recommendations as necessary.

            # Purpose

            To consider the annual report of the Testshire Safeguarding Children Partnership.

            To receive regular email alerts about new publications please visit our website.
            """, narrative: false, documentType: "committee-report")
        #expect(found.map(\.kind) == [.procedural, .procedural])
    }

    /// A list entry without its full stop that names "a significant area of concern" is a
    /// finding, not a lead-in to the entries after it (council minutes, session 22's blind audit:
    /// the entry was lost).
    @Test func anEntryNamingAnAreaOfConcernIsNoLeadIn() {
        let found = ItemFixtures.items(in: """
            # Minutes

            The Chair highlighted the following.

            - Early Help – this remained a significant area of concern, with uncertainty about the offer and its capacity
            - Exploitation – a revised plan was in place and was progressing well
            """, narrative: true, documentType: "committee-report")
        #expect(found.map(\.kind) == [.areaForImprovement, .strength])
    }

    /// "What the inspection judgements mean" sets out what each grade means under sub-headings of
    /// its own ("The local authority", "The LSCB"): no sentence under them is a finding, while a
    /// section after it at the same level is read again (session 24: every single inspection of
    /// 2014-16 gave three or four narrative findings from these descriptors).
    @Test func subSectionsOfTheJudgementsMeaningsAreNotFindings() {
        let found = items("""
            # Testshire County Council

            ## What the inspection judgements mean

            ### The local authority

            A local authority that is good runs effective services for every child it looks after.

            ### The LSCB

            Multi-agency training in the care of children is effective and evaluated for impact. It does not understand what children experience and fails to say where it can improve.

            ## Information about the area

            Leaders have a clear and accurate understanding of their services.
            """)
        #expect(found.map(\.text) == ["Leaders have a clear and accurate understanding of their services."])
    }

    /// The back page of a report (the inspectorate describing itself, the formats, the licence,
    /// where the report is published, the newsletter) and a letter's thanks are no findings,
    /// though their words praise ("achieve excellence", "secure", "available", "positive").
    @Test func aReportsBackPageAndThanksAreNotFindings() {
        let found = items("""
            # Leadership

            Leaders have a clear and accurate understanding of the quality of practice.

            Thank you for your positive and open engagement with the visit.

            The inspectorate regulates and inspects services to achieve excellence in the care of young people. It regulates and inspects secure settings and children's homes.

            This publication is available at a public website. You can subscribe to our newsletter for more information and updates.

            However, the delivery model was adapted to reflect the restrictions in place.
            """)
        #expect(found.map(\.text) == ["Leaders have a clear and accurate understanding of the quality of practice."])
        #expect(found.map(\.kind) == [.strength])
    }
}
