import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny.Lexicon {
    struct Convert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert between scrutiny YAML, plain quanteda YAML, LIWC .dic and WordStat .cat.",
            usage: "scrutiny lexicon convert [<options>] <input> [<output>]",
            discussion: """
                The formats follow the file extensions (.yml/.yaml, .dic or .cat). The output is the second \
                argument or -o FILE; without either, or with `-`, it goes to standard output in the --to format. LIWC, WordStat and plain quanteda have no exclusions, LIWC and quanteda no \
                weights, and WordStat only whole ones: converting to them drops what the format cannot hold, and says so. In a LIWC file a \
                parent category holds the union of its children's terms, so LIWC and quanteda count it too.

                Examples:
                  scrutiny lexicon convert lexicons/wt2018.yml wt2018.dic
                  scrutiny lexicon convert my-liwc.dic my-lexicon.yml
                  scrutiny lexicon convert Laver_and_Garry_2000.cat laver-garry.yml
                  scrutiny lexicon convert lexicons/topics.yml --to quanteda
                  scrutiny lexicon convert my-liwc.dic -o my-lexicon.yml
                """)

        enum Target: String, ExpressibleByArgument, CaseIterable { case yaml, quanteda, liwc, wordstat }

        @Argument(help: ArgumentHelp("The dictionary to read; `-` reads standard input.", valueName: "input"))
        var input: String

        @Argument(help: ArgumentHelp("Where to write it, as -o does (- or no file given: standard output).", valueName: "output"))
        var outputArgument: String?

        @OptionGroup var destination: OutputOption<LexiconFileOutput>
        @OptionGroup var diagnostics: DiagnosticOptions

        /// The file to write, or `-` for standard output.
        var output: String { outputArgument ?? destination.output ?? "-" }

        func validate() throws {
            if outputArgument != nil, destination.output != nil {
                throw ValidationError("--output: give the output as the second argument or with -o, not both")
            }
            // A .dic holding WordStat's format, or a .cat holding LIWC's, reads back as nothing
            // (session 38's audit: `--to liwc` into d.cat gave 165 empty categories and status 0).
            let named = Self.target(of: output)
            if let to, output != "-", ["dic", "cat", "yml", "yaml"].contains((output as NSString).pathExtension.lowercased()), named != to, !(named == .yaml && to == .quanteda) {
                throw ValidationError("--to \(to.rawValue): \(output) is named as \(named.rawValue) (.\((output as NSString).pathExtension)); "
                    + "name the file for the format you want, or leave out --to")
            }
            // A name that says no format takes none by default (session 42's audit: x.txt got YAML
            // without a word).
            var isFolder: ObjCBool = false
            let folder = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) && isFolder.boolValue
            if to == nil, output != "-", !folder, !OutputFile.writesThrough(output),
               !["dic", "cat", "yml", "yaml"].contains((output as NSString).pathExtension.lowercased()) {
                throw ValidationError("\(output): name the output .yml, .dic or .cat for the format you want, or give --to yaml|quanteda|liwc|wordstat")
            }
        }

        @Option(help: ArgumentHelp("The dictionary format to write when the output's extension does not say.", valueName: "format"))
        var to: Target?

        @OptionGroup var encoding: EncodingOption

        func run() async throws {
            let lexicon: ScrutinyKit.Lexicon
            do {
                // A file `lexicon check` fails (a weight of 0, a malformed pattern) is not converted
                // into one that hides the fault (session 42's audit: `SAFE (0)` became a plain term).
                lexicon = try LexiconChecker.usable(encoding.read(input).lexicon, file: input)
            } catch let error as LexiconError {
                throw runFailure(error.errorDescription ?? "cannot read \(input)")
            }
            let target = to ?? Self.target(of: output)
            let hasExclusions = lexicon.allCategories.contains { !$0.exclusions.isEmpty }
            let hasWeights = lexicon.allCategories.contains { $0.terms.contains { $0.weight != 1 } }
            let text: String
            var dropped: [String] = []
            switch target {
            case .yaml: text = LexiconFile.render(lexicon)
            case .quanteda: text = LexiconFile.render(lexicon, quanteda: true)
            case .liwc: text = LIWCDictionary.render(lexicon)
            case .wordstat: text = WordStatDictionary.render(lexicon)
            }
            if target == .liwc || target == .quanteda, hasWeights { dropped.append("weights") }
            // quanteda's YAML has no terms beside sub-categories: such terms go under `_terms`, which
            // quanteda would read as a sub-category of that name (session 42's audit).
            let mixed = lexicon.allCategories.filter { !$0.terms.isEmpty && !$0.children.isEmpty }.map(\.path)
            if target == .quanteda, !mixed.isEmpty {
                diagnostics.note("quanteda has no terms beside sub-categories: the own terms of \(mixed.prefix(3).joined(separator: ", "))"
                    + "\(mixed.count > 3 ? " and \(mixed.count - 3) more" : "") are written under `_terms`, which quanteda reads as a sub-category")
            }
            if target != .yaml, hasExclusions { dropped.append("exclusions") }
            // The threshold and the weights of sections and actors change how items are coded.
            // `run_together` is said below, where it matters.
            let settings = lexicon.settings.filter { $0.key != "run_together" }
            if target != .yaml, !settings.isEmpty {
                dropped.append("settings (_settings: \(settings.keys.sorted().joined(separator: ", ")); items may be coded otherwise with it)")
            }
            // Terms of several words matched run together ("front door" as "frontdoor") are matched
            // as written by LIWC and WordStat, and by scrutiny reading their files.
            if target != .yaml, lexicon.runsTogether, lexicon.hasTermsOfSeveralWords {
                dropped.append("matching of several words run together (\"front door\" as \"frontdoor\")")
            }
            if output == "-" {
                emit(text)
            } else {
                try PrintedFile.checkTarget(output, reading: [input])
                do {
                    try OutputFile.write(Data(text.utf8), to: output)
                } catch {
                    throw runFailure("cannot write \(output): \(OutputFile.reason(error))")
                }
            }
            if !dropped.isEmpty {
                diagnostics.note("\(target.rawValue) has no \(dropped.joined(separator: " or ")): they were left out of \(output == "-" ? "the output" : output)")
            }
            // WordStat keeps whole weights: a weight of 0.3 is written 1, and converting back does
            // not give 0.3 (session 37's audit: said nowhere before).
            if target == .wordstat {
                let rounded = lexicon.allCategories.flatMap(\.terms).filter { $0.weight != max(1, $0.weight.rounded()) }
                if let first = rounded.first {
                    let example = "\(first.pattern) \(first.weight.formatted()) → \(Int(max(1, first.weight.rounded())))"
                    diagnostics.note("wordstat holds whole weights of 1 or more: \(rounded.count) term\(rounded.count == 1 ? "'s weight was" : "s' weights were") "
                        + "rounded in \(output == "-" ? "the output" : output) (\(example)\(rounded.count > 1 ? ", …" : "")), so converting it back does not give them")
                }
            }
        }

        static func target(of path: String) -> Target {
            switch (path as NSString).pathExtension.lowercased() {
            case "dic": .liwc
            case "cat": .wordstat
            default: .yaml
            }
        }
    }
}
