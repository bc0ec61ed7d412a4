import ArgumentParser
import ScrutinyKit

/// What counts as an item, for every command that finds items.
struct ItemOptions: ParsableArguments {
    @Flag(help: """
        Also report the judgements of the running text ("Leaders have a clear understanding of…", \
        "Too often, plans do not…") as strengths and areas for improvement, with form `narrative`.
        """)
    var narrative = false
}

extension LexiconOptions {
    func finder(_ items: ItemOptions) throws -> RecommendationFinder {
        var finder = try finder()
        finder.narrative = items.narrative
        return finder
    }
}
