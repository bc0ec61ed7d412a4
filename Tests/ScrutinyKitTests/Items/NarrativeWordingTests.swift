import Testing
@testable import ScrutinyKit

/// Words of inspection English that judge in the running text, one by one. Every sentence here was
/// written for these tests.
@Suite struct NarrativeWordingTests {
    func polarity(_ sentence: String) -> Recommendation.Kind? {
        NarrativeJudge(cues: ItemFixtures.rules.narrative, documentType: "inspection-letter")
            .judge(sentence, words: WordTokenizer.words(sentence).map(\.text))?.kind
    }

    /// The same in a page of no known type, where the weak cues do not judge on their own.
    func anyPage(_ sentence: String) -> Recommendation.Kind? {
        NarrativeJudge(cues: ItemFixtures.rules.narrative).judge(sentence, words: WordTokenizer.words(sentence).map(\.text))?.kind
    }

    /// A problem said to persist finds fault, and a real difference made praises (session 39's
    /// development set of fresh pages: wrong polarity or missed); "is a concern" alone does not
    /// find fault ("where there is a concern about a child" is how work is described).
    @Test func persistingProblemsFindFaultAndARealDifferencePraises() {
        #expect(polarity("However, placement stability is still an issue and sufficiency continues to be a challenge.") == .areaForImprovement)
        #expect(polarity("The numbers of private fostering arrangements remained low and was a concern to the Board.") == .areaForImprovement)
        #expect(polarity("Early help is making a real difference to the lives of children and their families.") == .strength)
        #expect(polarity("Where there is a concern about a child, social workers act quickly and well.") == .strength)
    }

    /// A partnership's commitment states what is meant to come, and judges nothing outside an
    /// inspection ("The Safeguarding Partnership is committed to continuous learning and improving
    /// …", session 39's development audit); an inspector's "committed" still judges, and so does a
    /// partnership's "commitment to improved services" said of a person.
    @Test func aCommitmentToImproveIsNoFindingOutsideAnInspection() {
        #expect(anyPage("The Safeguarding Partnership is committed to continuous learning and improving local practice.") == nil)
        #expect(polarity("Leaders are committed to improving the help that children receive.") == .strength)
        let sentence = "His relentless commitment to improved services is reflected in the work of the board."
        #expect(NarrativeJudge(cues: ItemFixtures.rules.narrative, documentType: "annual-report")
            .judge(sentence, words: WordTokenizer.words(sentence).map(\.text))?.kind == .strength)
    }

    /// Change to come is no finding: "will help improve", "pledged to … improve", "improvements
    /// would need to" hope, plan or promise (session 33's blind audit: nine such sentences of news,
    /// minutes and yearly reports were strengths). Change found still judges, and "helping to
    /// improve" reports impact in an inspection's present tense.
    @Test func changeToComeIsNoFinding() {
        #expect(polarity("The new neglect strategy will help improve the lives of children across the borough.") == nil)
        #expect(polarity("The council has pledged to do everything needed to improve its services for care leavers.") == nil)
        #expect(polarity("Members heard that improvements would need to follow the new national guidance.") == nil)
        #expect(polarity("Leaders have improved the timeliness of assessments for disabled children.") == .strength)
        #expect(polarity("This work is helping to improve attendance at child protection conferences.") == .strength)
        // A fault still weighs beside a hope: "will not improve" finds fault by its "not".
        #expect(polarity("Without more social workers, the timeliness of visits will not improve.") == .areaForImprovement)
    }

    /// Fault found or voiced in news of an inspection, and a sound understanding, judge in any
    /// kind of page (session 33's blind audit: each missed).
    @Test func faultFoundAndASoundUnderstandingJudgeAnywhere() {
        #expect(anyPage("The oversight of children missing education was highlighted as an area of concern.") == .areaForImprovement)
        #expect(anyPage("A joint inspection found fault in the timeliness of plans for children with special needs.") == .areaForImprovement)
        #expect(anyPage("Inspectors raised concerns about the recording of visits in the duty team.") == .areaForImprovement)
        #expect(anyPage("The council's services for care leavers have worsened since the last visit.") == .areaForImprovement)
        #expect(anyPage("The council was criticised for a lack of independent advocacy for children.") == .areaForImprovement)
        #expect(anyPage("The duty team has a sound understanding of the risks that children face.") == .strength)
        // Concern shared, criticism named, satisfaction and reassurance voiced in minutes.
        #expect(anyPage("The board shares the concerns raised in the inspection letter about early help.") == .areaForImprovement)
        #expect(anyPage("The key criticisms were about the timeliness of plans for disabled children.") == .areaForImprovement)
        #expect(anyPage("In overall terms the panel is very satisfied that the council has responded to the review.") == .strength)
        #expect(anyPage("Members found the figures on repeat referrals reassuring.") == .strength)
        // Concerns raised about children by agencies and schools are the work itself, not a fault.
        #expect(anyPage("In three of the cases, a school had raised concerns about neglect over several months.") == nil)
    }

    /// A committee paper's headings of consequences, a case review the law keeps unpublished and
    /// "whether or not" find no fault; a grade left behind by any verb is a strength (session 33's
    /// second blind set).
    @Test func implicationsAndGradesLeftBehind() {
        #expect(anyPage("Members noted that there were no financial implications arising from the annual report.") == nil)
        #expect(anyPage("One case review was completed in the year but it could not be published for legal reasons.") == nil)
        #expect(polarity("The assessment of whether or not siblings should live together is a strength.") == .strength)
        #expect(anyPage("The council's services for children were no longer considered inadequate.") == .strength)
        // Falling short is a fault, not a fall in a problem; a fall and no delay stay strengths.
        #expect(polarity("Improvements in the timeliness of plans have fallen short of what children need.") == .areaForImprovement)
        #expect(polarity("Staff turnover has fallen this year in the assessment teams.") == .strength)
        #expect(polarity("There is no delay in the assessment of prospective adopters.") == .strength)
        // "no" still finds fault elsewhere.
        #expect(anyPage("There was no plan for the child when the case was closed.") == .areaForImprovement)
    }

    /// "where" after the cases found opens what was found ("Inspectors found cases where visits
    /// were overdue, and …" judged nothing: the clause after "where" was set aside as a condition;
    /// session 33's second blind set). Opening the sentence it is a condition still, and the
    /// clause after its comma judges.
    @Test func casesWhereOpenWhatWasFound() {
        #expect(polarity("Inspectors found cases where visits to children were overdue or cancelled.") == .areaForImprovement)
        #expect(polarity("Inspectors saw several examples where plans had not been updated after a review.") == .areaForImprovement)
        #expect(polarity("In cases where parents decline help, managers review the decision within a week and act quickly.") == .strength)
    }

    /// A surname is no cue ("Ryan Swift, research fellow …" was praise for "swift*"), and the role
    /// of independent scrutiny set out on a partnership's page is no finding (session 33's blind audit).
    @Test func namesAndRolesJudgeNothing() {
        #expect(anyPage("Jane Swift, a lecturer in social policy, urges ministers to fund early help.") == nil)
        #expect(anyPage("The role of the independent scrutineer is to act as a critical friend and promote reflection.") == nil)
        #expect(anyPage("The scrutineer will act as a critical friend and a driver of reflection and learning.") == nil)
        // A possessive goes on with the name it is part of: "Trust" in it is no cue.
        #expect(anyPage("The Children and Young People's Trust has held its meetings each month.") == nil)
        // A finding that opens with a name still judges on its own cues.
        #expect(anyPage("Early Help services respond swiftly to families' needs.") == .strength)
    }

    /// Change that "remains fragile" is not yet secure: a weakness (a monitoring visit's words
    /// quoted in the news, session 25's audit, judged nothing).
    @Test func fragileChangeIsAWeakness() {
        #expect(polarity("The recent changes to the front door remain fragile.") == .areaForImprovement)
        #expect(polarity("Improvements in the timeliness of assessments are fragile and depend on agency staff.") == .areaForImprovement)
        // The relationships that work mends are families', not the service's.
        #expect(polarity("Family workers help parents and teenagers to repair fragile relationships well.") == .strength)
    }

    /// "No." before a number numbers a paper; it negates nothing (an annual report's cover line
    /// in a council's minutes was an area for improvement, session 25's audit). "No" still negates.
    @Test func aNumberSignIsNoNegation() {
        #expect(polarity("Report No. 12/2024 from the chair of the board was presented to members.") == nil)
        #expect(polarity("No child was seen within the timescale set by the partnership.") == .areaForImprovement)
    }

    /// "The service required improvement" reports a weakness, whatever "improv*" says elsewhere.
    @Test func requiredImprovementIsAWeakness() {
        #expect(polarity("The inspection found that the service required improvement in its help for care leavers.") == .areaForImprovement)
    }

    /// A partnership's own words for what is still wrong (session 25's audit of partnership papers
    /// read each of these as praise, on "consistent", "regular", "continu*" or "ensure*").
    @Test func partnershipsWordsForWhatIsStillWrong() {
        for sentence in ["Frequent changes of social worker were hampering consistent support to families.",
                         "Some good work is evident, but there are still concerns about the regular sharing of plans.",
                         "It was noted that there were continuing challenges in the recruitment of permanent staff.",
                         "Members were informed that early help remained an issue across the county.",
                         "The board is particularly concerned about the availability of appropriate mental health services.",
                         "An ongoing challenge was to ensure that the views of children shaped the plans."] {
            #expect(polarity(sentence) == .areaForImprovement, "\(sentence)")
        }
    }

    /// Concerns about children and challenges the service faces are the setting of a letter's
    /// judgement, not the judgement (two Hampshire and a Devon and a Redbridge sentence, strengths,
    /// turned to weaknesses when "continuing concerns" and "ongoing challenges" were cues).
    @Test func concernsAboutChildrenAndChallengesFacedAreTheSetting() {
        #expect(polarity("Strategy meetings are promptly convened in response to continuing concerns about children.") == .strength)
        #expect(polarity("Leaders have a clear understanding of the service and its ongoing challenges.") == .strength)
    }

    /// An embedded question, a plan and an audit's aim judge nothing; "noted how well" still
    /// praises (session 25's audit: a scrutineer's role described, an annual report's plan and an
    /// audit's method were strengths).
    @Test func questionsPlansAndAimsJudgeNothing() {
        for sentence in ["The scrutineer asks questions about how well agencies are keeping children safe.",
                         "The visits will give evidence of how well partners work together for families.",
                         "The focus will continue to be on improving practice and showing its impact.",
                         "In May the audit sought to review the quality and appropriateness of referrals."] {
            #expect(polarity(sentence) == nil, "\(sentence)")
        }
        #expect(polarity("Carers told inspectors how well schools support children who are bullied.") == .strength)
        #expect(polarity("One child talked about how well his worker had listened to him.") == .strength)
        // The question ends at a contrast, which still decides.
        #expect(polarity("A few plans lacked clarity about how carers will meet needs but, generally, plans are of good quality.") == .strength)
    }

    /// A "too" that ends its clause means "also" (a chair's annual report, session 25's last
    /// audit: "… has become much stronger too, allowing us to …" was a weakness); "too slow" weighs.
    @Test func aTooThatEndsItsClauseMeansAlso() {
        #expect(polarity("Joint work with schools has become much stronger too, allowing us to reach more families.") == .strength)
        #expect(polarity("Joint work with schools has improved, but plans are still agreed too slowly.") == .areaForImprovement)
    }

    /// A grade reported, after a verb that reports it or before a noun that names it, is a label;
    /// the rest of the sentence decides (session 26's audits of news and minutes on inspections:
    /// each of the first four was a weakness or a strength on its grade alone).
    @Test func reportedGradesAreLabels() {
        for sentence in ["A second inspection of the council's services has judged them to be inadequate.",
                         "The inspectorate rated the council as requiring improvement for its care leavers.",
                         "The county's services were deemed inadequate by the inspectorate in the spring.",
                         "The council has moved up to a good Ofsted rating since the last visit."] {
            #expect(polarity(sentence) == nil, "\(sentence)")
        }
        // The rest of the sentence still judges, and a grade the text gives itself still weighs.
        #expect(polarity("Although the service was rated inadequate, supervision is now regular and effective.") == .strength)
        #expect(polarity("Help for care leavers is inadequate and plans are out of date.") == .areaForImprovement)
        #expect(polarity("Social workers make good judgements about risk and act on them quickly.") == .strength)
    }

    /// A judgement area's grade said in a sentence, and the scale of grades, are labels, as the
    /// request rules have them ("Adoption performance requires improvement").
    @Test func judgementAreaGradesAreLabels() {
        for sentence in ["The experiences and progress of children who need help and protection requires improvement.",
                         "Leadership, management and governance requires improvement.",
                         "The inspectorate grades services on four levels: Outstanding, Good, Requires Improvement and Inadequate."] {
            #expect(polarity(sentence) == nil, "\(sentence)")
        }
        #expect(polarity("The quality of assessments for disabled children requires improvement.") == .areaForImprovement)
    }

    /// Needs met are a strength, needs not met a weakness (a finding listed in news of an
    /// inspection, session 26's audit, judged nothing).
    @Test func needsMetAreAStrength() {
        #expect(polarity("The emotional and mental health needs of children are being met.") == .strength)
        #expect(polarity("The health needs of children in care are not being met.") == .areaForImprovement)
    }

    /// A line without its full stop that opens with a priority's verb names work to do; with its
    /// full stop the same opening can judge (session 26: audits 13 and 14, a seed).
    @Test func priorityLinesJudgeNothing() {
        for line in ["Strengthening the board's learning and achievement framework",
                     "Responding to the individual needs of children in care",
                     "Key priorities for the next year were around early help and neglect."] {
            #expect(polarity(line) == nil, "\(line)")
        }
        #expect(polarity("Improving attendance at strategy meetings has been a clear success this year.") == .strength)
    }

    /// "An overall judgement of inadequate" and "an inadequate score" report a grade.
    @Test func judgementsAndScoresReportGrades() {
        #expect(polarity("This had led to the council's overall judgement of inadequate.") == nil)
        #expect(polarity("The council received an inadequate score for each of the three areas.") == nil)
    }

    /// An inquiry "into how" something is done, and what a review "identifies how" to do, say
    /// nothing of how well it is done; a child's name withheld in news of a case review negates
    /// nothing (session 26's audit 19; the first is also a letter's boilerplate of 2020).
    @Test func inquiriesAndWithheldNamesJudgeNothing() {
        for sentence in ["The chief inspector is leading work into how the care system has delivered child-centred practice.",
                         "The learning identifies how practitioners can use the findings to improve their practice.",
                         "Baby Sam, not his real name, lived with his mother and her partner in the town."] {
            #expect(polarity(sentence) == nil, "\(sentence)")
        }
    }

    /// What is made sure of is secured, and a negation there judges nothing (session 40: eight
    /// sentences of the tuning documents, and a seed's "ensured that those with key roles were not
    /// re-deployed", were areas for improvement); a negation before the verb, or after a contrast,
    /// still finds fault.
    @Test func aNegationInWhatIsMadeSureOfJudgesNothing() {
        #expect(polarity("Panel chairs review each plan and ensure that drift and delay do not occur.") == .strength)
        #expect(polarity("The duty team ensures that families who do not need a social worker get help from early help.") == .strength)
        #expect(polarity("Managers made sure that no visit was missed during the pandemic.") != .areaForImprovement)
        #expect(polarity("Managers have not ensured that plans are updated when risks change.") == .areaForImprovement)
        #expect(polarity("Reviews ensure that children's views are heard, but the records of reviews are not always clear.") == .areaForImprovement)
        // The clause ends at its semicolon: what follows judges as anywhere.
        #expect(polarity("Social workers ensure that children are seen alone; records are not always kept up to date.") == .areaForImprovement)
    }

    /// Findings named, not stated: a sentence naming strengths and areas for improvement reports
    /// that findings were made (minutes and news of inspections in sessions 30 and 33's blind
    /// sets), unless it says where each lies; the knowing of both still judges.
    @Test func findingsNamedNotStatedJudgeNothing() {
        for sentence in ["The chair said that the letter set out strengths in the partnership as well as areas for improvement.",
                         "Officers reported that inspectors had identified areas of strength and areas where improvement was needed.",
                         "The review found several strengths and some weaknesses, which are summarised below.",
                         "Inspectors returned to those areas of weakness during the revisit."] {
            #expect(anyPage(sentence) == nil, "\(sentence)")
            #expect(polarity(sentence) == nil, "\(sentence)")
        }
        // A council's page, where "focused" describes.
        #expect(anyPage("The visit focused on those areas of weakness.") == nil)
        #expect(polarity("Inspectors found strengths in early help, but weaknesses in the quality of plans.") == .areaForImprovement)
        #expect(polarity("Areas of strength and areas for development are well known by senior leaders.") == .strength)
        #expect(polarity("Leaders know the strengths and areas for improvement of their services well.") == .strength)
        #expect(polarity("Weaknesses in the recording of supervision remain.") == .areaForImprovement)
    }
}
