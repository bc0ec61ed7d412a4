import Foundation
import ArgumentParser
import ScrutinyKit

/// Where the editable data files (lexicons, item rules, indicator definitions) are read from.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicons"), help: ArgumentHelp(
        "Folder of lexicons and rules (default: $SCRUTINY_LEXICONS, ./lexicons, or beside the program: the checkout's lexicons/, or ../share/scrutiny/lexicons).",
        valueName: "dir"))
    var directory: String?

    /// The lexicons folder the run reads, where one is found: an output inside it is refused.
    var folderPath: String? { (try? LexiconDirectory.locate(explicit: directory))?.url.path }

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

    /// `--scheme auto`: a classifier for each era's scheme, the eras and the mapping between schemes.
    func eraClassifier() throws -> EraClassifier {
        let directory = try locate()
        do {
            let eras = try directory.eraRules()
            var classifiers: [String: Classifier] = [:]
            for scheme in Set(eras.eras.map(\.scheme)) { classifiers[scheme] = Classifier(scheme: try directory.scheme(scheme)) }
            return EraClassifier(classifiers: classifiers, eras: eras, mapping: try directory.schemeMapping())
        } catch {
            throw runFailure("--scheme auto: " + (error.errorDescription ?? "cannot read eras.yml or the scheme mapping"))
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

/// Which values a command's `--scheme` takes: a scheme's name or a file everywhere, and `auto`
/// (each document against its era's scheme) where the command can code by era.
protocol SchemeChoices {
    static var takesAuto: Bool { get }
}

/// `count`, `evaluate`, `export`, `lexicon learn`: one scheme for every document.
enum OneScheme: SchemeChoices {
    static let takesAuto = false
}

/// `classify`, `survey`, `analyse`: one scheme, or `auto`.
enum SchemeByEra: SchemeChoices {
    static let takesAuto = true
}

/// The coding scheme, for the commands that code items to themes. Declared once, here; each
/// command says whether it takes `auto` (``SchemeChoices``), and its help lists only what it takes.
struct SchemeOption<Choices: SchemeChoices>: ParsableArguments {
    @Option(help: ArgumentHelp("Scheme or dictionary: wt2018, wt2023, "
        + (Choices.takesAuto ? "auto (each document against its era's scheme, wt2018 before 2024 and wt2023 from 2024, by the date it was written or published, not its fieldwork; from 15 Dec 2023 to 12 Dec 2024 the document's own words may decide: lexicons/eras.yml), " : "")
        + "six-steps, topics, or a path to a .yml, .dic or .cat file.", valueName: "scheme"))
    var scheme: String = "wt2018"

    /// A scheme's name in any case ("WT2018") is that scheme; a word that is neither a scheme's name
    /// nor a file ("wt2108") is a usage mistake, answered with the names there are (`-` is standard
    /// input). A path that cannot be read is a runtime failure, said when the scheme is loaded.
    mutating func validate() throws {
        scheme = try Self.checked(scheme, option: "--scheme")
    }

    /// The scheme named by `option` as the run will load it: a built-in name in any case, or a
    /// path; a word that is neither is a usage mistake.
    static func checked(_ scheme: String, option: String) throws -> String {
        if scheme.lowercased() == "auto", !Choices.takesAuto {
            throw ValidationError("\(option) auto: codes each document against its era's scheme in classify, survey and analyse; "
                + "here give one scheme, wt2018 or wt2023")
        }
        let names = ThemeScheme.builtIn + (Choices.takesAuto ? ["auto"] : [])
        if names.contains(scheme.lowercased()) { return scheme.lowercased() }
        let looksLikeAPath = scheme == "-" || scheme.contains("/")
            || ["yml", "yaml", "dic", "cat"].contains((scheme as NSString).pathExtension.lowercased())
        if !looksLikeAPath, !FileManager.default.fileExists(atPath: scheme) {
            let hint = scheme.lowercased().nearest(among: names).map { "did you mean \($0)? " } ?? ""
            throw ValidationError("\(option) \(scheme): there is no such scheme; \(hint)give \(names.joined(separator: ", ")), "
                + "or the path of a .yml, .dic or .cat file")
        }
        return scheme
    }
}
