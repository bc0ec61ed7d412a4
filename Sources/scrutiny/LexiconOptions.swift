import ArgumentParser
import ScrutinyKit

/// Where the editable data files (lexicons, item rules, indicator definitions) are read from.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicons"), help: ArgumentHelp(
        "Folder of lexicons and rules (default: $SCRUTINY_LEXICONS, ./lexicons, or the checkout's lexicons/).",
        valueName: "dir"))
    var directory: String?

    func locate() throws -> LexiconDirectory {
        do {
            return try LexiconDirectory.locate(explicit: directory)
        } catch {
            throw ValidationError(error.errorDescription ?? "cannot find the lexicons folder")
        }
    }

    func finder() throws -> RecommendationFinder {
        let directory = try locate()
        do {
            return RecommendationFinder(rules: try directory.itemRules())
        } catch {
            throw ValidationError(error.errorDescription ?? "cannot read items.yml")
        }
    }
}
