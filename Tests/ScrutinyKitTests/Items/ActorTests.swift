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
