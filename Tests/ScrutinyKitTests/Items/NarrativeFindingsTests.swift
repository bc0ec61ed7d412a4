import Foundation
import Testing
@testable import ScrutinyKit

/// Narrative findings, inspection lists and gold scopes, on short texts written for these tests.
@Suite struct NarrativeFindingsTests {
    static let rules = ItemFixtures.rules

    func items(_ text: String, narrative: Bool = true, documentType: DocumentType? = "inspection-letter") -> [Recommendation] {
        ItemFixtures.items(in: text, narrative: narrative, documentType: documentType)
    }

    func polarity(_ sentence: String) -> Recommendation.Kind? {
        NarrativeJudge(cues: Self.rules.narrative, documentType: "inspection-letter")
            .judge(sentence, words: WordTokenizer.words(sentence).map(\.text))?.kind
    }

    /// Minutes that report what a report or a presentation held describe it; they judge nothing
    /// (council minutes, session 21's audit). An inspector's judgement of a report still judges.
    @Test func minutesReportingAPapersContentJudgeNothing() {
        let found = items("""
            # Minutes

            The report detailed changes to the partnership arrangements, including a strengthened role for schools.

            The Annual Report provided an assessment of the effectiveness of local arrangements.

            The presentation also covered the impact of the new partnership arrangements.

            It is a statutory requirement that partnerships publish an effective yearly report.

            The annual report provides a comprehensive and clear analysis of the board's work.
            """)
        #expect(found.map(\.text) == ["The annual report provides a comprehensive and clear analysis of the board's work."])
    }

    /// What Working Together says a yearly report must hold, quoted in the report or the minutes
    /// on it, asks nothing of anyone and judges nothing; nor do a council paper's template heading
    /// for the options it weighed, a year's count of reviews, or a partnership's declaration that
    /// it will go on as it is (session 23's audits of annual reports and minutes: twelve false
    /// finds in eight partnerships' papers). The partnership's own judgements still judge.
    @Test func yearlyReportGuidanceAndFactsOfTheYearAreNoFindings() {
        let found = items("""
            # Annual report 2024-25

            The annual report must set out what partners have done as a result of the arrangements and how effective these arrangements have been in practice.

            The report should provide a rigorous and transparent assessment of the performance of local services.

            Alternative Options Considered: there is a duty to publish the report, so there are not alternative options.

            No serious case reviews were commissioned during the year, although two learning events were held.

            The partnership remains committed to building a strong and open culture of challenge.

            All boards must report annually on the effectiveness of local safeguarding arrangements in their area.

            Moving forward there was no sense of complacency among the partners.

            The partnership should strengthen how it hears from children who are placed out of area.

            Partners have not yet agreed a shared data set, which is a significant weakness.
            """, documentType: "annual-report")
        #expect(found.map(\.text) == [
            "The partnership should strengthen how it hears from children who are placed out of area.",
            "Partners have not yet agreed a shared data set, which is a significant weakness.",
        ])
        #expect(found.map(\.kind) == [.recommendation, .areaForImprovement])
    }

    /// Minutes that list what members said ("Members then raised a number of questions and
    /// comments, which included:") list the discussion, and its judgements are findings; a list of
    /// the members, or of the questions a review asked, is not (session 23's audit of minutes).
    @Test func whatMembersSaidIsJudgedButNotWhoTheyAre() {
        let found = items("""
            # Minutes

            Members then raised a number of questions and comments, which included:

            - Caseloads - the reduction in caseloads was welcomed, and staff turnover has fallen sharply.

            Members of the board are:

            - The director of children's services, whose work is strong and well regarded.

            The key questions for the review were:

            - Whether the quality of plans is good enough for children in need.
            """, documentType: "committee-report")
        #expect(found.map(\.text) == ["Caseloads - the reduction in caseloads was welcomed, and staff turnover has fallen sharply."])
        #expect(found.first?.kind == .strength)
    }

    /// A partnership's aims are not findings: its vision, what it aims or wants to do, and the list
    /// of priorities it agreed (partnership pages, session 21's audits: aims read as strengths).
    /// The progress reported under its priorities still judges.
    @Test func aimsAndPrioritiesJudgeNothing() {
        let found = items("""
            # Our priorities for 2025-26

            The partnership has agreed three priorities for the coming year:

            - Children are safe from exploitation and receive effective early help.
            - Partners work together well to share information at the right time.

            Progress on the first priority has been strong, and the exploitation panel works well.

            ## Our vision

            Every child in Testshire grows up safe, happy and healthy, in strong families.

            # Aims

            We aim to ensure that all agencies work together effectively to protect children.

            The aim is to make sure that every referral gets a good and timely response.

            # Leadership

            Senior leaders model collaborative behaviours and high standards, with our ambition remaining clear.
            """)
        // An aim judges nothing only where it opens the sentence (session 22's audit: a true
        // strength was lost to "our ambition" at its end).
        #expect(found.map(\.text) == ["Progress on the first priority has been strong, and the exploitation panel works well.",
                                      "Senior leaders model collaborative behaviours and high standards, with our ambition remaining clear."])
        #expect(found.map(\.kind) == [.strength, .strength])
    }

    /// A purpose opening a sentence is set aside: with no clause after it the sentence states an
    /// aim or a term of reference and judges nothing; with one, that clause decides. "To date" is
    /// no purpose. What a report assesses ("the effectiveness of …") names a quality without
    /// judging it (council minutes, session 21's audits).
    @Test func purposesAndWhatIsAssessedJudgeNothing() {
        #expect(polarity("To scrutinise the council's delivery of improvements to safeguarding children.") == nil)
        #expect(polarity("To achieve this, the team undertook interviews with 25 staff in five councils.") == nil)
        #expect(polarity("To improve this, leaders have introduced a strong and effective audit programme.") == .strength)
        #expect(polarity("To date, leaders have made good progress in reducing caseloads.") == .strength)
        #expect(polarity("The report offered an assessment of the effectiveness of the Board and its links.") == nil)
        #expect(polarity("Leaders have improved the effectiveness of the front door.") == .strength)
    }

    /// A weak cue ("informed", "focused", "ensure") judges in an inspector's letter, where every
    /// sentence weighs the service, and not in a partnership's own report, where it mostly
    /// describes; a strong cue beside it judges in both (session 22's audits of fresh partnership
    /// text: 84 false strengths from such words, 10 true).
    @Test func weakCuesJudgeOnlyInInspections() {
        let text = """
            # The year in review

            Practitioners were informed of the changes to the threshold document.

            The first learning session focused on the front door.

            Leaders ensure that plans for children are reviewed and updated.

            The executive group is supported by three subgroups.

            The front door is strong and well led.
            """
        func found(_ type: DocumentType?) -> [String] {
            ItemFixtures.items(in: text, narrative: true, documentType: type).map(\.text)
        }
        // "support" and "supported" since session 28 (the seeds' and corpus's descriptions of
        // who supports whom).
        #expect(found("inspection-letter") == ["Practitioners were informed of the changes to the threshold document.",
                                               "The first learning session focused on the front door.",
                                               "Leaders ensure that plans for children are reviewed and updated.",
                                               "The executive group is supported by three subgroups.",
                                               "The front door is strong and well led."])
        #expect(found("annual-report") == ["The front door is strong and well led."])
        #expect(found(nil) == ["The front door is strong and well led."])
        // Beside a stronger cue a weak one judges as anywhere: the clause after "however" decides
        // (session 22's blind audit: this became an area for improvement when the weak cue was
        // simply dropped).
        let minutes = ItemFixtures.items(in: """
            # Minutes

            Members had been concerned by the lack of a joint response, however they were glad of the progress made.
            """, narrative: true, documentType: "committee-report")
        #expect(minutes.map(\.kind) == [.strength])
    }

    /// A label that announces findings with the findings after it in the same entry is an item
    /// of that kind: "Areas for development: …" in a committee's minutes (session 22's blind
    /// audit). A label that names no findings ("Decision: …") makes none.
    @Test func aLabelledEntryOfFindingsIsAnItem() {
        let found = ItemFixtures.items(in: """
            # Children's services inspection

            The Director presented the report and highlighted the following.

            - Areas for development: return home interviews, the local offer for care leavers and recording of oversight.
            - Strengths: timely support, trauma-informed practice and strong participation of children.
            - Decision: the panel noted the outcome of the inspection and thanked officers.
            """, narrative: false, documentType: "committee-report")
        #expect(found.map(\.kind) == [.areaForImprovement, .strength])
        #expect(found.map(\.form) == [.listed, .listed])
    }

    /// Commending is judging: "He commended the work of the Director …" is a strength, though its
    /// other words are a name (a council's minutes, session 21's second audit).
    @Test func commendingIsAStrength() {
        let found = items("""
            # Minutes

            He commended the work of the Director for Safeguarding and the Business Support Manager.
            """)
        #expect(found.map(\.kind) == [.strength])
    }

    /// A post's functions set out as the guidance gives them judge nothing: an entry opening with
    /// an instruction ("Provide assurance in judging the effectiveness of …") or a list under "The
    /// role of independent scrutiny is to:" (a partnership's page, session 21's second audit: 8
    /// false strengths). A noun that opens a judgement still judges ("Challenge from chairs is
    /// effective").
    @Test func aPostsFunctionsJudgeNothing() {
        let found = items("""
            # Independent scrutiny

            The role of independent scrutiny in Testshire is to:

            - Assess whether the safeguarding partners are fulfilling their statutory obligations well.
            - Look at how well organisations come together to hold each other to account.

            Its work will follow the guidance:

            - Provide assurance in judging the effectiveness of services to protect children.
            - Assist when there is disagreement between the leaders of the agencies involved.

            Challenge from conference chairs is effective in reducing drift for children.
            """)
        #expect(found.map(\.text) == ["Challenge from conference chairs is effective in reducing drift for children."])
    }

    /// "Unacceptably high" and "very difficult" find fault, and the name of an inspection ("a
    /// focused visit") judges nothing (news of inspections, session 23's audit: three areas for
    /// improvement read as strengths on "focused" and "good").
    @Test func unacceptableAndVeryDifficultFindFault() {
        #expect(polarity("The council was told in May that caseloads were unacceptably high after a focused visit.") == .areaForImprovement)
        #expect(polarity("Although inspectors saw some good practice, high demand made it very difficult for workers to visit children.")
            == .areaForImprovement)
        #expect(polarity("A focused visit took place in March, which considered the work of the front door.") == nil)
    }

    /// A grade in quotation marks is reported, not judged ("rated 'good'", "its 'outstanding'
    /// judgement"): the rest of the sentence decides, and inspectors' praise judges (news and
    /// papers on inspections, session 23's audits: seven false finds on quoted grades).
    @Test func aQuotedGradeIsReportedNotJudged() {
        #expect(polarity("Ofsted inspectors have rated the council's services for children as 'good' for the second time.") == nil)
        #expect(polarity("The council has kept its \u{2018}outstanding\u{2019} judgement since the inspection in 2020.") == nil)
        #expect(polarity("Although services still \"require improvement\", inspectors praised the efforts made since then.") == .strength)
        #expect(polarity("Inspectors were impressed by the stability of the workforce in the assessment teams.") == .strength)
        // Ratings reported are labels too; work still to do and areas named as needing
        // improvement find fault; no child waiting is a strength.
        #expect(polarity("Good ratings were received for the help given to care leavers and children in care.") == nil)
        #expect(polarity("The director recognised that there was still a lot to do to embed the model.") == .areaForImprovement)
        #expect(polarity("The report identified two areas needing improvement, which included the quality of plans.") == .areaForImprovement)
        #expect(polarity("Among children who need adoption, all have a placement with none waiting.") == .strength)
        // Unquoted, a grade is the text's own judgement.
        #expect(polarity("The help given to care leavers is good and improving.") == .strength)
    }

    /// No backlog is a strength, as no delay is, though a backlog finds fault (a council's paper,
    /// session 21's audit: "… had no referral backlog" was an area for improvement).
    @Test func noBacklogIsAStrength() {
        let found = items("""
            # Findings

            The front door had no referral backlog at the time of the visit.

            The service cleared the backlog of case reviews within the year.

            There is a backlog of assessments in the disabled children's team.
            """)
        #expect(found.map(\.kind) == [.strength, .strength, .areaForImprovement])
    }

    /// A cue inside a name judges nothing: "the Principal Investigator", "the Safeguarding
    /// Improvement Board" (a research report's and a council's minutes, session 21's audit: 16
    /// such sentences were strengths on fresh pages); the sentence's own words still judge.
    @Test func aCueInsideANameJudgesNothing() {
        let found = items("""
            # Minutes

            Lorraine Marsh from the university was the Principal Investigator.

            The members received a presentation on the Safeguarding Improvement Board.

            The Improvement Board has been ineffective in holding partners to account.

            Leaders have an effective grip on practice across the service.
            """)
        #expect(found.map(\.kind) == [.areaForImprovement, .strength])
    }

    @Test(arguments: [
        ("Managers have a clear grip on caseloads and supervision is regular.", Recommendation.Kind.strength),
        ("Too often, plans for children lack measurable actions.", .areaForImprovement),
        ("Visits to children are regular, but records of them are not always up to date.", .areaForImprovement),
        ("Records are not always up to date, but visits to children are purposeful.", .strength),
        ("Although recording is sometimes brief, assessments are thorough and timely.", .strength),
        ("Leaders are ambitious for care leavers, although the local offer remains under review.", .strength),
        ("However, the response to children who go missing is not consistently timely.", .areaForImprovement),
        ("When risks escalate, plans are reviewed promptly by managers.", .strength),
        ("Children come into care promptly when they cannot remain safely at home.", .strength),
        ("The use of agency social workers has reduced this year.", .strength),
        ("This is a recent change, the impact of which is not yet evident.", .areaForImprovement),
        // Neutral phrases weigh neither way; no delay is a strength.
        ("Managers know the strengths and weaknesses of each team.", .strength),
        ("The board ensures that parents are not only heard but also answered.", .strength),
        ("Leaders are aware of the weaknesses in recording and are tackling them promptly.", .strength),
        ("Court applications are made without delay when risks rise.", .strength),
        // Hindrance and work still to do find fault, whatever good word follows.
        ("This limits the time that workers can spend with families.", .areaForImprovement),
        ("Staff shortages are impacting on the timeliness of visits.", .areaForImprovement),
        ("The quality of supervision records requires some improvement.", .areaForImprovement),
        ("There is more to do to make plans specific and timely.", .areaForImprovement),
        ("Young people are involved in writing their own plans.", .strength),
        ("There is variation in how teams keep their records.", .areaForImprovement),
        // No child found at risk reassures (a tuning letter's gold strength, session 29's left list).
        ("However, inspectors did not find any children at risk as a result of these delays.", .strength),
        ("No children were found to be at risk, although some visits were late.", .strength),
        ("No child is seen by a social worker within the timescale.", .areaForImprovement),
        // A fault denied is a strength; little of a good thing, or concern voiced, finds fault (session 30's blind audit).
        ("Services for children in the borough are no longer inadequate.", .strength),
        ("Members were pleased that no major weaknesses had been identified.", .strength),
        // A decline denied is a strength (a scrutineer's report, session 42's audit).
        ("The MASH was able to operate virtually with no significant drop off in its performance.", .strength),
        ("There has been no deterioration in the quality of assessments.", .strength),
        ("There is no evidence of drift in children's plans.", .strength),
        ("There has been a deterioration in the quality of assessments.", .areaForImprovement),
        ("Inspectors found there had been little progress in the quality of practice.", .areaForImprovement),
        ("Members were concerned about the impact of staff turnover on children.", .areaForImprovement),
        ("Since its formation the partnership has matured and developed its priorities.", .strength),
        ("Managing caseloads remains difficult in the assessment teams.", .areaForImprovement),
        ("Inspectors reported that no areas of poor practice were found.", .strength),
        ("Caseloads in the assessment teams are unmanageable for new social workers.", .areaForImprovement),
        ("The pace of change has accelerated since the new team has been in place.", .strength),
        ("The adoption service received particular praise from the inspectors.", .strength),
        ("Foster carers are assessed and trained to a high standard.", .strength),
        ("The partnership showed an admirable level of flexibility during the year.", .strength),
    ])
    func judgesTheDecidingClause(sentence: String, kind: Recommendation.Kind) {
        #expect(polarity(sentence) == kind, "\(sentence)")
    }

    /// Progress or investment said to be large judges in minutes and yearly reports too, where
    /// "progress" and "invest*" alone do not (weak cues judge only in inspections' documents):
    /// session 30's second blind audit missed both in a council's minutes and a yearly report.
    @Test func largeProgressJudgesOutsideInspections() {
        let found = ItemFixtures.items(in: """
            # Minutes

            Significant progress had been made in many areas since the publication of the plan.
            West Midlands Police have invested heavily in hidden vulnerability training with partners.
            The report sets out progress on each of the priorities.
            The council will invest in a new system next year.
            """, narrative: true, documentType: "committee-report")
        #expect(found.map(\.kind) == [.strength, .strength], "\(found.map(\.text))")
        #expect(found.map(\.cue) == ["significant progress", "invested heavily"])
    }

    @Test func descriptionAndTheInspectionItselfAreNotFindings() {
        #expect(polarity("Inspectors considered the arrangements for children in care.") == nil)
        #expect(polarity("The service has three teams across two sites.") == nil)
        #expect(polarity("Ofsted will take the findings from this visit into account.") == nil)
        #expect(polarity("The authority is not yet delivering good protection and help and care for children, young people and families.") == nil)
        // What else inspectors did is method; what else they found judges (session 30's blind audit).
        #expect(polarity("Inspectors also looked at performance information and quality assurance reports.") == nil)
        #expect(polarity("Inspectors also highlighted the positive work of schools in identifying children at risk.") == .strength)
    }

    @Test func narrativeFindingsComeOnlyWithTheFlag() {
        let text = """
            # Main findings

            Social workers know their children well. Too many children wait for an assessment.
            """
        #expect(items(text, narrative: false).isEmpty)
        let found = items(text)
        #expect(found.map(\.kind) == [.strength, .areaForImprovement])
        #expect(found.allSatisfy { $0.form == .narrative })
    }

    @Test func ofstedSquareAndSymbolBulletsMakeListedItems() {
        for bullet in ["\u{25FC}", "\u{F06E}", "\u{F0B7}", "\u{F0A7}"] {
            let text = """
                # What needs to improve in this area of social work practice?

                \(bullet) The timeliness of strategy meetings for children at risk of harm.
                \(bullet) The quality of planning to focus on what children need.

                # Main findings

                Children are seen regularly by their social workers.
                """
            let found = items(text)
            let listed = found.filter { $0.form == .listed }
            #expect(listed.count == 2, "bullet U+\(String(bullet.unicodeScalars.first!.value, radix: 16))")
            #expect(listed.allSatisfy { $0.kind == .areaForImprovement && !$0.text.contains(bullet) })
            // The list ends at the next heading: the narrative after it is not an area for improvement.
            #expect(found.last?.kind == .strength)
        }
    }

    @Test func aListedItemKeepsItsFormWhenTheBodyRestatesIt() {
        let text = """
            # What needs to improve?

            - The timeliness of strategy meetings for children at risk of significant harm.

            # Findings

            The timeliness of strategy meetings for children at risk of significant harm is not good enough.
            """
        let found = items(text)
        #expect(found.count == 1)
        #expect(found.first?.form == .listed)
        #expect(found.first?.locations.count == 2)
    }

    @Test func paragraphsUnderAnAreasForImprovementHeadingAreItems() {
        let text = """
            # Areas for improvement

            Leaders across the partnership should improve how they gather the views of children and families.

            Leaders should make sure that plans are reviewed with the child at least once a year.
            """
        let found = items(text, narrative: false)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.kind == .areaForImprovement && $0.form == .listed })
    }

    @Test func aScopeStartsAtTheLastHeadingThatOpensItAfterTheContentsPage() throws {
        let text = """
            # Contents

            The board review 12

            # Children in care

            Children are visited regularly.

            # The board review

            The board has a clear view of partners' training.

            # Information about this inspection

            Inspectors met partners.
            """
        let document = Document(source: "r.md", sha256: "ab", format: .markdown, blocks: PlainTextReader().blocks(from: text))
        let scope = NarrativeScope(from: "The board review", to: "Information about this inspection")
        let range = try #require(scope.range(in: document))
        let found = RecommendationFinder(rules: Self.rules, narrative: true).recommendations(in: document)
        let gold = GoldSet(annotations: [], scopes: ["r.md": scope])
        let kept = gold.scoped(found, in: [document])
        #expect(kept.map(\.text) == ["The board has a clear view of partners' training."])
        #expect(range.lowerBound > 0 && range.upperBound < Int.max)
    }

    /// A grade reported in the past ("found that it required improvement to be good") is a label,
    /// and "on the strength of the evidence" weighs nothing (session 24's audits).
    @Test func reportedGradesAndTheStrengthOfEvidenceJudgeNothing() {
        #expect(items("# Minutes\n\nInspectors reviewed the board in 2016 and found that it required improvement to be good.\n").isEmpty)
        #expect(items("# How we scrutinise\n\nThe panel rates each standard on the strength of the evidence it is given.\n").isEmpty)
    }

    /// "Children who cannot live with their parents" names which children a finding is about, and
    /// "with fewer children experiencing moves" is a trend for the better: neither finds fault
    /// (session 24's audit: three strengths of a focused visit read as areas for improvement).
    @Test func whichChildrenAndFewerMovesFindNoFault() {
        let found = items("""
            # Letter

            The local authority is successful in making sure that children who cannot live with their parents find a home quickly.

            Placement stability has improved, with fewer children experiencing several moves.

            Children who are unable to return home are always considered for adoption, which is done well.
            """)
        #expect(found.map(\.kind) == [.strength, .strength, .strength])
    }

    /// "As well (as)" means "also" and judges nothing (session 24's audit of minutes).
    @Test func asWellAsJudgesNothing() {
        #expect(items("# Minutes\n\nThe board met the head teachers, as well as the police, in March.\n", documentType: nil).isEmpty)
        #expect(items("# Minutes\n\nA scrutineer had been appointed as well, to chair the partnership.\n", documentType: nil).isEmpty)
    }
}
