import Testing
@testable import ScrutinyKit

/// The actor is who should act: a body or a person, not the thing that should change.
@Suite struct ActorTests {
    static func actor(_ sentence: String) -> String? {
        ItemFixtures.items(in: "# Recommendations\n\n1. \(sentence)\n", narrative: false).first?.actor
    }

    @Test(arguments: [
        "The quality of referrals to the front door should improve.",
        "Data also needs to be accompanied by analysis.",
        "Timely interventions to reduce risk need to follow every strategy meeting.",
    ])
    func aThingThatShouldChangeIsNoActor(sentence: String) {
        #expect(Self.actor(sentence) == nil, "\(sentence)")
    }

    @Test(arguments: [
        ("The Data and Performance Subgroup should review the dashboard each quarter.", "The Data and Performance Subgroup"),
        ("The Quality Assurance Subgroup should repeat the audit in the spring.", "The Quality Assurance Subgroup"),
        ("The Executive should agree a funding formula.", "The Executive"),
        // An adverbial opening set off by a comma is passed over (it was the actor "Too often":
        // session 39's re-audit).
        ("Too often, however, the Executive should ask for more data.", "the Executive"),
    ])
    func aNamedBodyIsTheActor(sentence: String, actor: String) {
        #expect(Self.actor(sentence) == actor, "\(sentence)")
    }

    /// The grammar words that read an actor are data (`actor_grammar:` in items.yml, Swift
    /// literals in `ActorFinder` until session 31). A phrase of time before the subject gives way
    /// to the noun after it only where its first word is listed among the openings: without "in",
    /// "In future the BSCP Executive" holds no actor (since session 37 the words before "the" must
    /// be such a phrase or a noun with its preposition); with it, the Executive is the actor. And
    /// without "also" among the words passed between a subject and its cue, "the board also" is
    /// read whole.
    @Test func theActorsGrammarIsReadFromTheItemRules() {
        func actor(_ sentence: String, _ rules: ItemRules) -> String? {
            var document = Document(source: "letter.md", sha256: "0", format: .markdown,
                                    blocks: PlainTextReader().blocks(from: "# Recommendations\n\n1. \(sentence)\n"))
            document.metadata.documentType = "inspection-letter"
            return RecommendationFinder(rules: rules).recommendations(in: document).first { $0.text == sentence }?.actor
        }
        let future = "In future the BSCP Executive should publish its plan each spring."
        let noted = "During 2024, the board also recognised the need to hear more from schools."
        #expect(ItemFixtures.rules.actorGrammar.openings.contains("in") && ItemFixtures.rules.actorGrammar.openings.contains("over"))
        #expect(ItemFixtures.rules.actorGrammar.clauseOpenings.contains("there"))
        #expect(actor(future, ItemFixtures.rules) == "the BSCP Executive")
        #expect(actor(noted, ItemFixtures.rules) == "the board")
        var edited = ItemFixtures.rules
        edited.actorGrammar.openings.remove("in")
        edited.actorGrammar.auxiliaries.remove("also")
        #expect(actor(future, edited) == nil)
        #expect(actor(noted, edited) == "the board also")
    }

    /// What the actor column held on the 48 real inspections before session 37 (its audit): verbs of
    /// requests, the thing to improve named before "to", a determiner before the cue, the first of
    /// two clauses where the cue stands in the second. None names who should act.
    @Test(arguments: [
        "Continue to cut how often children's social workers change.",
        "Up-to-date plans to be written for every care leaver within a month.",
        "Arrangements to help older care leavers and those who are parents.",
        "Planning to help young people leave care does not involve them early enough.",
        "Much more remains to be done with schools on attendance.",
        "The need for faster referrals from schools was raised at the board.",
        "Leaders use data well, though more needs to be done to act on audits.",
        "While a protocol is in place, there is more to be done for children who go missing.",
        "Fully develop ways to hear from children in the work of the board.",
        "Leaders recognise the priority to shorten waits for assessments.",
        "The school nurse has identified a need to visit young carers at home.",
    ])
    func wordsThatNameNoOneAreNoActor(sentence: String) {
        #expect(Self.actor(sentence) == nil, "\(sentence): \(Self.actor(sentence) ?? "")")
    }

    @Test(arguments: [
        ("Leaders across the partnership should improve how children's voices shape plans.", "Leaders across the partnership"),
        ("Leadership Forum to consider the findings of the audit in March.", "Leadership Forum"),
        ("The changes are new, however, and the council recognises the need to keep them going.", "the council"),
        ("Currently the council is aware of its need to find more foster carers.", "the council"),
    ])
    func aBodyBeforeItsCueIsTheActor(sentence: String, actor: String) {
        #expect(Self.actor(sentence) == actor, "\(sentence)")
    }
}

/// The actor of a narrative finding: the subject of the judging clause, after whatever opens the
/// sentence (a sentence adverb, a phrase of time, a reported clause).
@Suite struct NarrativeActorTests {
    /// A sentence adverb before the judging word ("However, no child …") is no actor, nor is a
    /// phrase of time opening the sentence ("On the last visit, …").
    @Test func aSentenceAdverbIsNoActor() throws {
        let found = ItemFixtures.items(in: """
            # Overview

            Some assessments are delayed. However, no child was seen to be at risk due to these delays.
            On the last visit, inspectors did see a lack of timeliness in some plans.
            In five of the files, the referring agency had not been told the outcome of its contact.
            The review found that the new arrangements are not yet understood by schools.
            """, narrative: true)
        let reported = try #require(found.first { $0.text.hasPrefix("The review found") })
        #expect(reported.actor == "the new arrangements", "\(reported.actor ?? "")")
        let told = try #require(found.first { $0.text.hasPrefix("In five") })
        #expect(told.actor == "the referring agency", "\(told.actor ?? "")")
        let earlier = try #require(found.first { $0.text.hasPrefix("On the last") })
        #expect(earlier.kind == .areaForImprovement)
        #expect(earlier.actor == nil, "\(earlier.actor ?? "")")
        let reassurance = try #require(found.first { $0.text.hasPrefix("However") })
        #expect(reassurance.kind == .strength)
        #expect(reassurance.actor == nil, "\(reassurance.actor ?? "")")
    }

    /// Openings before the subject go however many there are ("Also, over the last five years,
    /// the partnership has not …"), and the noun of an opening phrase ("over the last five years no
    /// placement has …": the subject comes after the cue) is no actor (session 31, a news page).
    /// A copula before the judging word is the verb's, not the subject's (session 37's second
    /// audit: "the partnership's oversight of neglect remains").
    @Test func aCopulaBeforeTheJudgementIsNoPartOfTheSubject() throws {
        let found = ItemFixtures.items(in: "# Overview\n\nHowever, the board's oversight of neglect remains weak.\n", narrative: true)
        let finding = try #require(found.first)
        #expect(finding.actor == "the board's oversight of neglect", "\(finding.actor ?? "")")
    }

    @Test func everyOpeningBeforeTheSubjectGoes() throws {
        let found = ItemFixtures.items(in: """
            # Overview

            Also, over the last five years, the partnership has not published a yearly report.
            Since then the Executive has not met the deadline for the plan.
            Throughout the year no audit has been carried out by the partnership.
            Additionally the Executive has not agreed the budget.
            """, narrative: true)
        let partnership = try #require(found.first { $0.text.hasPrefix("Also") })
        #expect(partnership.actor == "the partnership", "\(partnership.actor ?? "")")
        let executive = try #require(found.first { $0.text.hasPrefix("Since") })
        #expect(executive.actor == "the Executive", "\(executive.actor ?? "")")
        let year = try #require(found.first { $0.text.hasPrefix("Throughout") })
        #expect(year.actor == nil, "\(year.actor ?? "")")
        // A single word before "the" is no opening phrase: its noun phrase is the subject.
        let additionally = try #require(found.first { $0.text.hasPrefix("Additionally") })
        #expect(additionally.actor == "the Executive", "\(additionally.actor ?? "")")
    }
}
