import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny.Lexicon {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report malformed patterns, duplicate or shadowed terms and empty categories, with line numbers.",
            usage: "scrutiny lexicon check [<options>] <file> ...",
            discussion: """
                Names the format and encoding each file was read in. Exit status 1 when a file cannot be read \
                or has an error; warnings (duplicates, shadowed terms, empty categories) fail only with --strict.

                Examples:
                  scrutiny lexicon check lexicons/wt2018.yml
                  scrutiny lexicon check --strict my-lexicon.yml
                  scrutiny lexicon check --encoding latin1 old-dictionary.dic
                """)

        @Argument(help: ArgumentHelp("Dictionary files (.yml, .yaml, .dic or .cat).", valueName: "file"))
        var files: [String]

        @OptionGroup var encoding: EncodingOption

        @Flag(help: "Fail (exit status 1) on warnings too.")
        var strict = false

        @OptionGroup var diagnostics: DiagnosticOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give a lexicon file to check, for example lexicons/wt2018.yml") }
        }

        /// The files given, a folder standing for the lexicons in it: its schemes (`wt2018.yml`, …),
        /// their learned layers, and any LIWC `.dic` or WordStat `.cat` (its rule files, such as
        /// items.yml, are no lexicons).
        static func lexiconFiles(_ paths: [String]) -> [String] {
            paths.flatMap { path -> [String] in
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                let schemes = Set(ThemeScheme.builtIn.flatMap { [$0 + ".yml", $0 + ".learned.yml"] })
                return names.filter { schemes.contains($0) || $0.hasSuffix(".dic") || $0.hasSuffix(".cat") }
                    .map { (path as NSString).appendingPathComponent($0) }
            }
        }

        func run() async throws {
            let collector = diagnostics.collector
            for file in Self.lexiconFiles(files) {
                do {
                    let loaded = try encoding.read(file)
                    let lexicon = loaded.lexicon
                    let problems = LexiconChecker.check(lexicon)
                    for problem in problems {
                        emit("\(file):\(problem.line.map(String.init) ?? "-"): \(problem.severity.rawValue): \(problem.message)\n")
                    }
                    let terms = lexicon.allCategories.reduce(0) { $0 + $1.terms.count }
                    let depth = lexicon.allCategories.map { $0.path.split(separator: ".").count }.max() ?? 0
                    emit("\(file): \(loaded.format.label) (\(loaded.encoding.label)), \(lexicon.allCategories.count) categor\(lexicon.allCategories.count == 1 ? "y" : "ies") "
                        + "in \(depth) level\(depth == 1 ? "" : "s"), \(terms) term\(terms == 1 ? "" : "s"), \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
                    let errors = problems.contains { $0.severity == .error }
                    if errors || (strict && !problems.isEmpty) { collector.markFailed() }
                } catch let error as LexiconError {
                    collector.problem(error.errorDescription ?? "cannot read \(file)")
                }
            }
            try collector.finish()
        }
    }
}
