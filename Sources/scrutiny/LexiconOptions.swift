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
            throw runFailure(error.errorDescription ?? "cannot find the lexicons folder")
        }
    }

    func classifier(scheme: String = "wt2018") throws -> Classifier {
        let directory = try locate()
        do {
            return Classifier(scheme: try directory.scheme(scheme))
        } catch {
            throw runFailure("--scheme: " + (error.errorDescription ?? "cannot read the scheme \(scheme)"))
        }
    }

    func finder() throws -> RecommendationFinder {
        let directory = try locate()
        do {
            return RecommendationFinder(rules: try directory.itemRules())
        } catch {
            throw runFailure(error.errorDescription ?? "cannot read items.yml")
        }
    }
}

/// The coding scheme, for the commands that code items to themes (`classify`, `export`).
struct SchemeOption: ParsableArguments {
    @Option(help: ArgumentHelp("Scheme or dictionary: wt2018, six-steps, topics, or a path to a .yml, .dic or .cat file.", valueName: "scheme"))
    var scheme: String = "wt2018"
}
