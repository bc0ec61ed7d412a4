import Testing
@testable import ScrutinyKit

/// An item whose points follow it as a list ("… should act with urgency to ensure that:" and its
/// bullets, a listed recommendation and its sub-points) is one item that holds its points: until
/// session 18 the points were dropped and the item ended at its colon.
@Suite struct ItemPartsTests {
    @Test func aParagraphThatAsksForActionKeepsItsPoints() throws {
        let found = ItemFixtures.items(in: """
            # Inspection outcome

            ## Areas for priority action

            Leaders across the partnership should act quickly to make sure that:

            - new plans are issued within twenty weeks
            - every review leads to a plan that is amended on time.

            Leaders should improve how they hear from young people about the help they get.
            """, narrative: false)
        #expect(found.count == 2)
        let first = try #require(found.first)
        #expect(first.text == "Leaders across the partnership should act quickly to make sure that: new plans are issued within twenty weeks; every review leads to a plan that is amended on time.")
        #expect(first.form == .listed && first.kind == .areaForImprovement)
        // Its place in the text runs from the lead-in to the end of its last point.
        let location = try #require(first.locations.first)
        #expect(location.range.end > location.range.start + 70)
        #expect(found.last?.text.hasPrefix("Leaders should improve how they hear") == true)
    }

    @Test func aListedRecommendationKeepsItsSubPoints() {
        let found = ItemFixtures.items(in: """
            # Recommendations

            1. The partnership should strengthen its oversight of:
               - the timeliness of notifications to schools; and
               - repeat referrals where domestic abuse is a factor.
            2. Publish the annual report on the website.
            """, narrative: false)
        #expect(found.map(\.text) == [
            "The partnership should strengthen its oversight of: the timeliness of notifications to schools; and repeat referrals where domestic abuse is a factor.",
            "Publish the annual report on the website.",
        ])
    }

    /// The points of a list that is not an item (a plan's headings) do not join anything.
    @Test func pointsOfANonItemJoinNothing() {
        let found = ItemFixtures.items(in: """
            # Recommendations

            1. Publish the annual report on the website.

            ## Methodology

            - The review read these documents:
               - the partnership's annual report
            """, narrative: false)
        #expect(found.map(\.text) == ["Publish the annual report on the website."])
    }
}
