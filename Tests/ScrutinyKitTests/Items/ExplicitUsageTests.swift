import Foundation
import Testing
@testable import ScrutinyKit

/// The explicit form on inspection English: who or what the obligation is said of decides whether
/// a sentence asks for action or describes. Every sentence here was written for these tests.
@Suite struct ExplicitUsageTests {
    static let rules = ItemFixtures.rules

    func items(_ text: String, narrative: Bool = false) -> [Recommendation] {
        ItemFixtures.items(in: text, narrative: narrative)
    }

    /// The sentence alone, in a section of findings, as prose.
    func explicit(_ sentence: String) -> [Recommendation] {
        items("# Findings\n\nThe visit looked at help for families. \(sentence)\n").filter { $0.form == .explicit }
    }

    @Test(arguments: [
        // "need" as a noun: after a possessive, or named as a kind of need.
        "The plan reflects the council's need to raise attendance at school.",
        "Leaders have focused on the need to improve recruitment of foster carers.",
        "Workers help each family's cultural needs to be recognised by schools.",
        "Key workers make sure that young people's emotional wellbeing needs to be understood by staff.",
        // Reported history: what an earlier inspection recommended.
        "The previous review of the service recommended that the panel meet monthly.",
        // Awareness of "the need and value" of something is praise, not a need acknowledged.
        "Practitioners are aware of the need and value of talking to each other when worried.",
        // An obligation inside an embedded question describes.
        "There is no record of what actions need to be taken after each visit.",
        // "need to" as well as "need to be" (session 39's development audit).
        "Learning reviews show whether and how policy and practice need to change after each case.",
        "Panels do not always establish what checks are required before a placement starts.",
        // An obligation inside a subordinate clause describes.
        "Some families wait too long when an interpreter is required.",
        // The cue eight words after its opener (session 43's audit: a focused visit's finding; the
        // window was six).
        "A few children wait too long when a child protection strategy meeting is required.",
        "Carers receive training where specialist equipment is needed at home.",
        "Moves at a time when they are settled and need to be near friends unsettle children.",
        // A condition that opens the sentence and ends at its comma.
        "When respite is needed, short breaks are arranged quickly.",
        // The impersonal acknowledgement names no one to act.
        "The service has built well on its history, and it is acknowledged that there is more to do.",
        // A decision reported, a rule that binds an agent, the rating of a sample.
        "The panel's decision was that the move should wait until the summer.",
        "Schools are required to apply for the grant each spring.",
        // The law's own demands described (session 33's blind audit).
        "Statute requires that every area must have safeguarding arrangements in place.",
        "The law requires that the three partners must publish their arrangements.",
        "Two of the cases sampled require improvement in their recording.",
        // Session 26: the tuning documents' descriptive sentences with one word changed were read
        // as requests ("must" for "should", "that" for "who", "need" for "require").
        "Help is patchy where levels rise to the point when social workers must step in.",
        "Young people are assessed promptly to decide if they must be looked after.",
        "For children that need to come into care, the panel makes sure this happens in good time.",
        "Not all young people that would benefit from a mentor have one yet.",
        "Three of the cases sampled need improvement in their chronologies.",
        "Most pupils attend schools judged to need improvement or better.",
        "The quality of plans is variable, ranging from needs improvement to good.",
        "Weak analysis is common among those that need improvement.",
        "Carers look after children who ought to be kept apart from their siblings.",
        // Relative clauses, expectations and embedded questions describe.
        "Carers look after children who must be kept apart from their siblings.",
        "Managers set a clear expectation that visits should be recorded on the day.",
        "Reviews record progress and identify what remains to be done.",
        "The plan names the areas in which it needs to act first.",
        "Plans are not as timely as they could be.",
        // A relative clause or embedded question completing a word of knowing or describing.
        "Staff are clear about the steps that must be taken when a child goes missing.",
        "Managers decide which cases need to be discussed at the panel.",
        "Social workers understand the actions that need to be taken to reduce risk.",
        "Social workers identify the risks that need to be addressed in each plan.",
        "Supervision helps workers to think about how plans need to change.",
        "Each child's plan sets out the outcomes that should be achieved.",
        "Leaders have a good understanding of the areas that require further development.",
        "Leaders know where improvements need to be made.",
        "Leaders understand where practice needs to improve.",
        "The review shows knowledge of where improvements in matching and family finding need to be put in place.",
        // A reduced relative clause: determiner, noun, pronoun, need.
        "The partnership has the data it needs to understand local patterns of harm.",
        // What binds the people just named, and a reason given (session 23's battery).
        "Agencies attend the meetings they are required to attend.",
        "The council has commissioned more placements because more are needed for older children.",
        "Visits were brought forward because children needed to be seen before the holidays.",
        "The service is not shaped around the cohort it needs to reach.",
        // A condition that opens the sentence, ending at its comma a few words after the cue.
        "Where children need to move, moves are carefully planned.",
        "When children need to come into care, this happens quickly.",
        // Comparatives, burdens described, the pronoun's future.
        "Some children wait longer than is needed for a decision.",
        "Social workers visit children as often as is needed.",
        "Some young people need to travel long distances to reach school.",
        "Many children need to tell their story several times to different workers.",
        "Children with complex needs often need to wait for specialist assessments.",
        "Young people leaving care are helped to understand the bills they will need to pay.",
        // Views reported and rules quoted; rules that bind children; the law.
        "Care leavers told inspectors that workers should visit more often.",
        "The policy states that visits must take place every six weeks.",
        "According to the procedure, strategy meetings should be held within one day.",
        "Young people are required to leave their placements at 18.",
        "The authority is required by law to provide a sufficient number of placements.",
        "Leaders are clear about what more needs to be done.",
        // What staff know or hold to be right describes their practice.
        "Practitioners understand that risks must be shared with partners.",
        "Practitioners know that they must share information about risk.",
        "Social workers are clear that children must be seen alone.",
        "The ethos of the service is that children should be supported to remain at home.",
        "Children are not always seen as often as their plans say they should be.",
        // A practitioner's assessment of a child; relative clauses on a person; a need denied.
        "Social workers have assessed that these children no longer need care but would benefit from ongoing support.",
        "Children whose needs require further assessment are referred to the specialist team.",
        "Young people who must attend court are supported well by their workers.",
        "Children do not need to repeat their stories to different workers.",
        "Support for care leavers is not as effective as it needs to be.",
        "The quality of supervision is not yet where it needs to be.",
        "It should be acknowledged that leaders have made progress in a difficult year.",
        "Recording of decisions is not consistently where it should be.",
        "Some children who could be more effectively supported wait for a service.",
        "Meetings are clearly focused on what we need to achieve each quarter.",
        "The local authority knows what it is good at and what it needs to do next.",
        "The guidance is at https://www.example.org/news/services-need-to-change-now for partners.",
        "We must listen together and not each on our own in our separate offices\" (Partner 26).",
        "Children move promptly from child in need to child protection plans when risks increase.",
        "Carers are told they should contact the out-of-hours team in an emergency.",
        "Return home interviews are required within 72 hours, and most are completed in time.",
        "Families who meet the threshold of need to receive early help are seen quickly.",
        "Carers make sure that children's assessed needs to be met at school are shared with teachers.",
        "Two of the council's children's homes require improvement.",
        // The grade of a judgement area is a label; "not good enough" judges (a narrative finding).
        "Adoption performance requires improvement.",
        "The Local Safeguarding Children Board requires improvement.",
        "The experiences and progress of care leavers require improvement.",
        "The quality of assessments and plans is still not good enough.",
        // Words quoted from someone else are reported, not asked.
        "The chair's report says that 'more work is required to test the impact of training' this year.",
        "One young person told us, \"my worker should ring me back when I call\", and others agreed.",
        // What a change is expected to bring (session 24's audit of committee minutes).
        "The coming year should really help to show what the new arrangements can do for children.",
        "The new structure should mean that fewer meetings are needed each term.",
        // Session 26's brittleness test, an adverb put before the cue: the descriptive rules
        // pass it by (session 27, `transparent_adverbs`).
        "Social workers identify the risks that really need to be addressed in each plan.",
        "Children are not always seen as often as their plans say they really should be.",
        "Young people are often required to leave their placements at 18.",
        // Session 27's audits of news: national guidance quoted, and a grade found and reported.
        "Government guidance states that young people should be offered an advocate.",
        "The borough's services were found to need improvement in all areas.",
        // A notice to the reader (session 41, from the development set).
        "If access is required to a review after this period please make contact with the partnership team.",
        // Two conditions joined open the sentence; the cue ends the second (session 43's audit: a
        // focused visit's strength read as a request).
        "If a child's needs change, or new information shows that a different response is required, they move between services.",
    ])
    func describesRatherThanAsks(sentence: String) {
        #expect(explicit(sentence).isEmpty, "\(sentence)")
    }

    @Test(arguments: [
        "It is therefore recommended that the panel meets monthly.",
        "It is recommended that the panel meets monthly.",
        // Reported in the past tense of news (session 33's second blind set: missed).
        "The report said that more needed to be done for young people leaving care.",
        "Managers are aware that there is more to do to reduce waiting times.",
        "Senior leaders recognise that there is more to do for care leavers.",
        "The partnership has acknowledged that there is more to do on neglect.",
        "Leaders recognise the need to improve the recording of visits.",
        "When plans drift managers need to escalate them to the panel.",
        "When children go missing they should be offered a return interview.",
        // The conditions end at their comma: the main clause asks.
        "If children are at risk, or their plan fails, leaders must act at once.",
        "When children go missing, or are at risk, they should be offered a return interview.",
        "There are still areas where recording of decisions needs to be strengthened.",
        // Only "requires improvement to be good" is the grade's label.
        "Supervision and case recording require improvement to be consistently effective.",
        "Further work is required to make the plans clearer for families.",
        // A comparative sets aside its own modal, not the request beside it.
        "Reviewing officers need to be more challenging when plans move more slowly than they should.",
        // A relative clause that completes no word of knowing, or follows a comma, may ask.
        "Progress has been made, but there remain several weaknesses which need to be addressed quickly.",
        "Partners have made a good start on the new arrangements which now needs to be built on.",
        "Pathway plans are often out of date, which needs to be addressed.",
        "Leaders know that the quality of plans needs to improve.",
        "However, the board needs to do more to understand the data it receives.",
        "If children need to be seen more often, managers should change the plans.",
        "Young people need to be given copies of their pathway plans.",
        // A named practice found wanting asks for it to improve.
        "Child in need planning requires improvement.",
        // Identifying or acknowledging a need asks.
        "Leaders have identified that social workers should receive more training on neglect.",
        "The inspection found that managers should review plans more often.",
        // Apostrophes are not quotation marks; a quoted title leaves the request outside it.
        "Parents' views need to be recorded in every assessment.",
        "Children's plans need to be clearer about what will change.",
        "The 'team around the family' meetings need to include schools.",
        // A quotation that opens near the end and runs on is not the tail of an earlier one.
        "Leaders need to improve the quality of \"child in need plans.",
        // A regulator's call as news gives it, an adverb inside it (session 27's audit 21).
        "The regulator is therefore recommending that commissioners review their safeguarding leads.",
        "The inspectorate is also urging councils to publish their improvement plans.",
        // A need reported in the past tense of minutes (session 27's audit 22).
        "There was a need for agencies to engage further with local housing providers.",
        "These included the need for a shared quality assurance framework across partners.",
    ])
    func asksForAction(sentence: String) throws {
        let found = explicit(sentence)
        let item = try #require(found.first, "\(sentence)")
        #expect(found.count == 1)
        #expect(item.kind == .recommendation)
        #expect(item.text == sentence)
    }

    /// Praise in the form of a modal is a strength, not a request: an explicit one, found without
    /// `--narrative` (it was `narrative` until session 18, although narrative findings come only
    /// with the flag).
    @Test(arguments: [
        "Staff should be proud of the difference they have made for children.",
        "Leaders are to be commended for the speed of the improvements.",
    ])
    func praiseIsAStrength(sentence: String) {
        let found = items("# Findings\n\nThe visit looked at help for families. \(sentence)\n")
        #expect(found.count == 1, "\(found.map(\.text))")
        #expect(found.first?.kind == .strength)
        #expect(found.first?.form == .explicit)
    }

    /// A long sentence that holds a short listed item's words says something of its own; so does a
    /// sentence that asks for more of a listed strength. A restatement of like length still merges.
    @Test func aListedItemDoesNotSwallowALongerOrOpposedSentence() {
        let text = """
            # What needs to improve?

            - Help for young carers in secondary schools.

            # Strengths

            - Good progress has been made in checking the dental health of children in care.

            # Findings

            Leaders are aware there is more to do and have set up a panel to track help for young carers in secondary schools.

            Good progress has been made in checking the dental health of children in care, although the recording of these checks needs to be improved.

            Help for young carers in secondary schools requires improvement.
            """
        let found = items(text)
        #expect(found.count == 4, "\(found.map(\.text))")
        let listed = found.filter { $0.form == .listed }
        #expect(listed.count == 2)
        #expect(listed.first?.locations.count == 2)
        #expect(found.filter { $0.form == .explicit }.map(\.kind) == [.recommendation, .recommendation])
    }

    /// A practice that "needs addressing", "needs attention" or "needs strengthening" is asked to
    /// improve, as one that "needs to be improved" is (session 24's audit of Ofsted text quoted in
    /// news: "needs strengthening" was read as praise, "needs addressing" as nothing).
    @Test func needsAddressingAndStrengtheningAsk() {
        for sentence in ["Recording of supervision across the teams needs addressing.",
                         "The timeliness of return home interviews needs strengthening.",
                         "Planning for care leavers requires attention.",
                         "The use of chronologies in assessments also need work.",
                         "The review also recommends that leaders improve the information given to care leavers."] {
            let found = items("# Findings\n\n\(sentence)\n")
            #expect(found.map(\.kind) == [.recommendation], "\(sentence)")
            #expect(found.map(\.form) == [.explicit], "\(sentence)")
        }
    }

    /// Work acknowledged as still to do asks, in minutes too ("There was a lot of work to be
    /// done", "more work needed to be done"; session 24's audit), and work that "remains
    /// necessary" (session 25's).
    @Test func workStillToDoAsks() {
        for sentence in ["There was a lot of work to be done on the neglect strategy.",
                         "Members noted that more work needed to be done around exploitation.",
                         // Session 25's audit: a commissioner's and a monitoring visit's words.
                         "There is still a huge amount of work to be done to settle the new teams.",
                         "Considerable work remains necessary to ensure that plans are reviewed on time.",
                         "Members heard that more work was required in making sure that neglect is recognised early.",
                         // Session 26's audit of news of inspections: "to do" as "to be done".
                         "The inspectorate warned that there is still a considerable amount of work to do to ensure plans are kept up to date.",
                         "The director said there is still work to do on the timeliness of assessments.",
                         "Council leaders admit there is still a long way to go before every child has a permanent social worker.",
                         "Members heard that work was needed within the early help teams to ensure that risks are described clearly."] {
            #expect(explicit(sentence).map(\.kind) == [.recommendation], "\(sentence)")
        }
    }

    /// The inspectors or their report recommending, in the past tense of news and minutes, ask
    /// ("Inspectors recommended that the council …", "It recommended that …"; session 26's audit);
    /// an earlier review recommending reports history (the arguments of the first test).
    @Test func inspectorsRecommendingAsk() {
        for sentence in ["Inspectors recommended that the council review the plans of every child in care.",
                         "It recommended that leaders strengthen the oversight of children missing from education.",
                         "Ofsted recommended that the partnership improve its auditing of multi-agency practice."] {
            #expect(explicit(sentence).map(\.kind) == [.recommendation], "\(sentence)")
        }
    }

    /// A committee's or a scrutineer's suggestion and a chair's call ask, more softly than
    /// "should" (session 25's audit of minutes and a chairs' newsletter).
    @Test func suggestionsAndCallsAsk() {
        for (sentence, strength) in [("Members proposed it would be useful to visit the front door teams.", Recommendation.Strength.could),
                                     ("The chair felt there would be value in meeting the designated nurses.", .could),
                                     ("It is vital that partners keep neglect in focus as the arrangements change.", .must)] {
            let found = explicit(sentence)
            #expect(found.map(\.kind) == [.recommendation], "\(sentence)")
            #expect(found.map(\.strength) == [strength], "\(sentence)")
        }
    }
}
