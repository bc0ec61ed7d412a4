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
}
