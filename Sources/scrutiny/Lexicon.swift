import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    struct Lexicon: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lexicon",
            abstract: "Check, convert and learn lexicons.",
            discussion: """
                Lexicons are quanteda-style YAML dictionaries (nested categories, `*` word endings, phrases), \
                with optional weights (`- front door: 2`) and exclusions (`- "!pattern"`); LIWC .dic files can \
                be read and written.
                """,
            subcommands: [Check.self, Convert.self, Learn.self, ImportCodebook.self]
        )
    }
}

extension Scrutiny.Lexicon {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report malformed patterns, duplicate or shadowed terms and empty categories, with line numbers.",
            discussion: "Exit status 1 when a file has an error or a warning.\n\nExample:\n  scrutiny lexicon check lexicons/wt2018.yml")

        @Argument(help: ArgumentHelp("Lexicon files (.yml, .yaml or .dic).", valueName: "file"))
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("give a lexicon file to check, for example lexicons/wt2018.yml") }
        }

        func run() async throws {
            var failed = false
            for file in files {
                do {
                    let lexicon = try readLexicon(file)
                    let problems = LexiconChecker.check(lexicon)
                    for problem in problems {
                        emit("\(file):\(problem.line.map(String.init) ?? "-"): \(problem.severity.rawValue): \(problem.message)\n")
                    }
                    let terms = lexicon.allCategories.reduce(0) { $0 + $1.terms.count }
                    emit("\(file): \(lexicon.allCategories.count) categories, \(terms) terms, \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
                    failed = failed || !problems.isEmpty
                } catch let error as LexiconError {
                    warn(error.errorDescription ?? "cannot read \(file)")
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Convert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert between scrutiny YAML, plain quanteda YAML and LIWC .dic.",
            discussion: """
                The formats follow the file extensions (.yml/.yaml or .dic); `-` writes to standard output in the \
                --to format. LIWC and plain quanteda have no weights or exclusions: converting to them drops both, \
                and says so.

                Examples:
                  scrutiny lexicon convert lexicons/wt2018.yml wt2018.dic
                  scrutiny lexicon convert my-liwc.dic my-lexicon.yml
                  scrutiny lexicon convert lexicons/topics.yml - --to quanteda
                """)

        enum Target: String, ExpressibleByArgument, CaseIterable { case yaml, quanteda, liwc }

        @Argument(help: ArgumentHelp("The lexicon to read.", valueName: "input"))
        var input: String

        @Argument(help: ArgumentHelp("Where to write it (- for standard output).", valueName: "output"))
        var output: String

        @Option(help: "Output format when the output's extension does not say: \(Target.allCases.map(\.rawValue).joined(separator: ", ")).")
        var to: Target?

        func run() async throws {
            let lexicon: ScrutinyKit.Lexicon
            do {
                lexicon = try readLexicon(input)
            } catch let error as LexiconError {
                throw runFailure(error.errorDescription ?? "cannot read \(input)")
            }
            let target = to ?? (output.lowercased().hasSuffix(".dic") ? .liwc : .yaml)
            let dropsExtras = target != .yaml && lexicon.allCategories.contains { !$0.exclusions.isEmpty || $0.terms.contains { $0.weight != 1 } }
            let text: String
            switch target {
            case .yaml: text = LexiconFile.render(lexicon)
            case .quanteda: text = LexiconFile.render(lexicon, quanteda: true)
            case .liwc: text = LIWCDictionary.render(lexicon)
            }
            if output == "-" {
                emit(text)
            } else {
                do {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    throw runFailure("cannot write \(output): \(error.localizedDescription)")
                }
            }
            if dropsExtras { warn("\(target.rawValue) has no weights or exclusions: they were left out of \(output)") }
        }
    }
}

extension Scrutiny.Lexicon {
    struct Learn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose term weights from hand-coded items, as a lexicon people can read and edit.",
            discussion: """
                For each theme and sub-theme in the annotation, lists the words and two-word phrases that occur                 more in its items than in the others' (weighted log-odds with an informative Dirichlet prior),                 weighted by their z-score. Review the proposals and merge the good ones into your lexicon.

                Examples:
                  scrutiny lexicon learn --gold corpus/annotations.csv --holdout corpus/heldout.txt > proposed.yml
                  scrutiny lexicon learn --gold my-coding.csv --top 10 --output proposed.yml
                  scrutiny lexicon learn --gold Tests/Gold/real > proposed.yml
                """)

        @Option(help: ArgumentHelp("Hand-coded items (document,kind,theme,subtheme,text).", valueName: "file"))
        var gold: String

        @Option(help: ArgumentHelp("A list of document names (one per line, # comments) to leave out, so they stay a fair test.", valueName: "file"))
        var holdout: String?

        @Option(help: ArgumentHelp("Write the lexicon here instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: "Terms kept per sub-theme.")
        var top = 25

        @Option(help: "Fewest items of the sub-theme a term must occur in.")
        var minCount = 2

        func run() async throws {
            var annotations: [Annotation]
            do {
                // A gold folder leaves out its own held-back documents.
                let set = try GoldSet.load(path: gold)
                annotations = set.annotations.filter { !set.heldOut.contains($0.document) }
            } catch {
                throw runFailure("--gold: " + (error.errorDescription ?? "cannot read \(gold)"))
            }
            if let holdout {
                guard let text = try? String(contentsOfFile: holdout, encoding: .utf8) else {
                    throw runFailure("--holdout: cannot read \(holdout)")
                }
                let names = Set(text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
                annotations = annotations.filter { !names.contains($0.document) }
            }
            var options = TermLearner.Options()
            options.top = top
            options.minimumCount = minCount
            let lexicon = TermLearner(options: options).learn(from: annotations)
            let header = "# Proposed by `scrutiny lexicon learn` from \(annotations.filter { $0.theme != nil }.count) hand-coded items of \((gold as NSString).lastPathComponent).\n# Weights are z-scores / 2 (0.5 to 3). Review before use.\n"
            let text = header + LexiconFile.render(lexicon)
            if let output {
                do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    throw runFailure("--output: cannot write \(output): \(error.localizedDescription)")
                }
            } else {
                emit(text)
            }
        }
    }
}

extension Scrutiny.Lexicon {
    struct ImportCodebook: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-codebook",
            abstract: "Start a lexicon from a REFI-QDA codebook (.qdc) or project (.qdpx): the code tree, with no terms yet.",
            discussion: """
                Each code becomes a category, nested as the codes are (a code's sub-codes become its \
                sub-categories), each with an empty list of terms to fill in. Check the result with \
                `scrutiny lexicon check` as you add terms.

                Examples:
                  scrutiny lexicon import-codebook my-codes.qdc -o my-scheme.yml
                  scrutiny lexicon import-codebook nvivo-project.qdpx
                """)

        @Argument(help: ArgumentHelp("A REFI-QDA codebook (.qdc) or project (.qdpx).", valueName: "file"))
        var file: String

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the lexicon here instead of standard output.", valueName: "file"))
        var output: String?

        func run() async throws {
            let codes: [QDACode]
            do {
                codes = try QDACodebook.read(path: file)
            } catch {
                throw runFailure(error.errorDescription ?? "cannot read \(file)")
            }
            guard !codes.isEmpty else { throw runFailure("\(file) has no codes; nothing to import") }
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let lexicon = QDACodebook.lexicon(codes, name: name)
            let count = codes.reduce(0) { $0 + $1.all.count }
            let header = "# A lexicon skeleton from the \(count) codes of \((file as NSString).lastPathComponent), made by `scrutiny lexicon import-codebook`.\n"
                + "# Add terms under each category (`- term`, `- phrase*: 2`), then `scrutiny lexicon check` this file.\n"
            let text = header + LexiconFile.render(lexicon)
            if let output {
                do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    throw runFailure("--output: cannot write \(output): \(error.localizedDescription)")
                }
            } else {
                emit(text)
            }
        }
    }
}

func readLexicon(_ path: String) throws -> ScrutinyKit.Lexicon {
    path.lowercased().hasSuffix(".dic") ? try LIWCDictionary.read(path: path) : try LexiconFile.read(path: path)
}
