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
    ])
    func aNamedBodyIsTheActor(sentence: String, actor: String) {
        #expect(Self.actor(sentence) == actor, "\(sentence)")
    }

    /// The grammar words that read an actor are data (`actor_grammar:` in items.yml, Swift
    /// literals in `ActorFinder` until session 31): a rule set without "over" among its openings
    /// takes "over the last five years" for a subject, as the finder did before that word was
    /// listed; the project's file lists it.
    @Test func theActorsGrammarIsReadFromTheItemRules() {
        let sentence = "Also, over the last five years no plan has been reviewed by the partnership."
        let text = "# Overview\n\n\(sentence)\n"
        func actor(_ rules: ItemRules) -> String? {
            var document = Document(source: "letter.md", sha256: "0", format: .markdown, blocks: PlainTextReader().blocks(from: text))
            document.metadata.documentType = "inspection-letter"
            return RecommendationFinder(rules: rules, narrative: true).recommendations(in: document).first { $0.text == sentence }?.actor
        }
        #expect(ItemFixtures.rules.actorGrammar.openings.contains("over"))
        #expect(ItemFixtures.rules.actorGrammar.clauseOpenings.contains("there"))
        #expect(actor(ItemFixtures.rules) == nil)
        var edited = ItemFixtures.rules
        edited.actorGrammar.openings.remove("over")
        #expect(actor(edited) == "the last five years")
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
