import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    struct Lexicon: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lexicon",
            abstract: "Check, convert and learn lexicons.",
            discussion: """
                Lexicons are quanteda-style YAML dictionaries (nested categories of any depth, `*` word endings, \
                phrases), with optional weights (`- front door: 2`) and exclusions (`- "!pattern"`). LIWC .dic \
                and WordStat .cat dictionaries are read and written too, as published: categories separated by \
                tabs or spaces, CR, LF or CRLF line endings, UTF-8 (with or without a byte-order mark) or \
                Windows-1252/Latin-1, detected or given with --encoding.

                A term listed in several categories counts in each of them, as in LIWC and quanteda; a lexicon \
                can change that with `_settings: {count_in_each_category: 0}` (the longest match then counts \
                for its first category only).
                """,
            subcommands: [Check.self, Convert.self, Learn.self, ImportCodebook.self]
        )
    }
}

extension Scrutiny.Lexicon {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report malformed patterns, duplicate or shadowed terms and empty categories, with line numbers.",
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

        func validate() throws {
            if files.isEmpty { throw ValidationError("give a lexicon file to check, for example lexicons/wt2018.yml") }
        }

        func run() async throws {
            var failed = false
            for file in files {
                do {
                    let loaded = try encoding.read(file)
                    let lexicon = loaded.lexicon
                    let problems = LexiconChecker.check(lexicon)
                    for problem in problems {
                        emit("\(file):\(problem.line.map(String.init) ?? "-"): \(problem.severity.rawValue): \(problem.message)\n")
                    }
                    let terms = lexicon.allCategories.reduce(0) { $0 + $1.terms.count }
                    let depth = lexicon.allCategories.map { $0.path.split(separator: ".").count }.max() ?? 0
                    emit("\(file): \(loaded.format.label) (\(loaded.encoding.label)), \(lexicon.allCategories.count) categories "
                        + "in \(depth) level\(depth == 1 ? "" : "s"), \(terms) terms, \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
                    let errors = problems.contains { $0.severity == .error }
                    failed = failed || errors || (strict && !problems.isEmpty)
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
            abstract: "Convert between scrutiny YAML, plain quanteda YAML, LIWC .dic and WordStat .cat.",
            discussion: """
                The formats follow the file extensions (.yml/.yaml, .dic or .cat); `-` writes to standard output \
                in the --to format. LIWC, WordStat and plain quanteda have no exclusions and LIWC and quanteda no \
                weights: converting to them drops what the format cannot hold, and says so. In a LIWC file a \
                parent category holds the union of its children's terms, so LIWC and quanteda count it too.

                Examples:
                  scrutiny lexicon convert lexicons/wt2018.yml wt2018.dic
                  scrutiny lexicon convert my-liwc.dic my-lexicon.yml
                  scrutiny lexicon convert Laver_and_Garry_2000.cat laver-garry.yml
                  scrutiny lexicon convert lexicons/topics.yml - --to quanteda
                """)

        enum Target: String, ExpressibleByArgument, CaseIterable { case yaml, quanteda, liwc, wordstat }

        @Argument(help: ArgumentHelp("The dictionary to read.", valueName: "input"))
        var input: String

        @Argument(help: ArgumentHelp("Where to write it (- for standard output).", valueName: "output"))
        var output: String

        @Option(help: "Output format when the output's extension does not say: \(Target.allCases.map(\.rawValue).joined(separator: ", ")).")
        var to: Target?

        @OptionGroup var encoding: EncodingOption

        func run() async throws {
            let lexicon: ScrutinyKit.Lexicon
            do {
                lexicon = try encoding.read(input).lexicon
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
            if target != .yaml, hasExclusions { dropped.append("exclusions") }
            if output == "-" {
                emit(text)
            } else {
                do {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    throw runFailure("cannot write \(output): \(error.localizedDescription)")
                }
            }
            if !dropped.isEmpty {
                warn("\(target.rawValue) has no \(dropped.joined(separator: " or ")): they were left out of \(output)")
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

extension Scrutiny.Lexicon {
    struct Learn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn term weights from hand-coded items, as a lexicon people can read and edit.",
            discussion: """
                Without documents: for each theme and sub-theme in the annotation, lists the words and two-word \
                phrases that occur more in its items than in the others' (weighted log-odds with an informative \
                Dirichlet prior), weighted by their z-score. Review the proposals and merge the good ones into \
                your lexicon.

                With documents: fits the scheme's learned layer. The documents' items are found and matched to \
                the annotation (held-back documents left out), then one weight per word and theme is fitted so \
                that the hand-coded themes become likely given what the scheme's own lexicon scores (a logistic \
                model with an L2 penalty). Each word goes under the sub-theme whose items use it most. Standard \
                error gets the cross-validated agreement (by document) of the scheme alone and with the layer; \
                the layer is written as a lexicon. Saved as NAME.learned.yml beside the scheme (for example \
                lexicons/wt2018.learned.yml), it is added to the scheme wherever the scheme is used; the \
                `learned` source in `classify --explain` shows its terms. Delete the file to code without it.

                Examples:
                  scrutiny lexicon learn --gold Tests/Gold/real --narrative ../shared/real \\
                    -o lexicons/wt2018.learned.yml
                  scrutiny lexicon learn --gold corpus/annotations.csv \\
                    --holdout corpus/heldout.txt > proposed.yml
                  scrutiny lexicon learn --gold my-coding.csv --top 10 --output proposed.yml
                  scrutiny lexicon learn --gold Tests/Gold/real > proposed.yml
                """)

        @Option(help: ArgumentHelp("Hand-coded items: a CSV (document,kind,theme,subtheme,text) or a gold folder; repeat to combine.", valueName: "path"))
        var gold: [String] = []

        @Option(help: ArgumentHelp("A list of document names (one per line, # comments) to leave out, so they stay a fair test; repeat to combine.", valueName: "file"))
        var holdout: [String] = []

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the lexicon here instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var input: InputOptions
        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var items: ItemOptions
        @OptionGroup var scheme: SchemeOption

        @Option(help: ArgumentHelp("With documents: the L2 penalty on the learned weights (larger: fewer, smaller weights).", valueName: "x"))
        var penalty = LayerLearner.Options().penalty

        @Option(help: "Terms kept per sub-theme.")
        var top = 25

        @Option(help: "Fewest items of the sub-theme a term must occur in.")
        var minCount = 2

        func run() async throws {
            var annotations: [Annotation] = []
            var scopes: [String: NarrativeScope] = [:]
            for path in gold {
                do {
                    // A gold folder leaves out its own held-back documents.
                    let set = try GoldSet.load(path: path)
                    annotations += set.annotations.filter { !set.heldOut.contains($0.document) }
                    scopes.merge(set.scopes) { first, _ in first }
                } catch {
                    throw runFailure("--gold: " + (error.errorDescription ?? "cannot read \(path)"))
                }
            }
            for holdout in holdout {
                guard let text = try? String(contentsOfFile: holdout, encoding: .utf8) else {
                    throw runFailure("--holdout: cannot read \(holdout)")
                }
                let names = Set(text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
                annotations = annotations.filter { !names.contains($0.document) }
            }
            if !input.paths.isEmpty {
                try learnLayer(from: GoldSet(annotations: annotations, scopes: scopes))
                return
            }
            var options = TermLearner.Options()
            options.top = top
            options.minimumCount = minCount
            let lexicon = TermLearner(options: options).learn(from: annotations)
            let header = "# Proposed by `scrutiny lexicon learn` from \(annotations.filter { $0.theme != nil }.count) hand-coded items of \(goldNames).\n# Weights are z-scores / 2 (0.5 to 3). Review before use.\n"
            let text = header + LexiconFile.render(lexicon)
            try writeOrEmit(text, to: output)
        }

        /// Fits the scheme's learned layer on the items found in the documents and matched to the annotation.
        var goldNames: String { gold.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") }

        func validate() throws {
            if gold.isEmpty { throw ValidationError("--gold: give the hand coding to learn from, for example --gold corpus/annotations.csv") }
        }

        func learnLayer(from goldSet: GoldSet) throws {
            let annotations = goldSet.annotations
            let base = try lexicons.classifier(scheme: scheme.scheme).scheme.lexicon
            let classifier = Classifier(scheme: ThemeScheme(lexicon: base))
            let finder = try lexicons.finder(items)
            let (documents, failed) = try readDocuments(input, lexicons: lexicons)
            let found = goldSet.scoped(documents.flatMap(finder.recommendations(in:)), in: documents)
            let matches = ExtractionEvaluation(found: found, gold: annotations).matches
            let examples = matches.compactMap { match -> LayerLearner.Example? in
                guard let theme = match.gold.theme, match.found.kind != .procedural else { return nil }
                let coded = classifier.classify(match.found)
                let scores = Dictionary(coded.scores.entries.map { ($0.path, $0.score) }) { first, _ in first }
                return LayerLearner.Example(text: match.found.text, document: match.gold.document, theme: theme,
                                            subtheme: match.gold.subtheme, base: scores,
                                            documentType: match.found.documentType)
            }
            guard !examples.isEmpty else {
                throw runFailure("no item found in the documents matches a hand-coded item of --gold\(annotations.isEmpty ? " (it is empty)" : "")")
            }
            var options = LayerLearner.Options()
            options.penalty = penalty
            let learner = LayerLearner(scheme: base, options: options)
            let validation = learner.validate(examples)
            func line(_ name: String, _ agreement: LayerLearner.Agreement) -> String {
                "\(name): theme accuracy \(String(format: "%.3f", agreement.themeAccuracy)), kappa \(String(format: "%.3f", agreement.kappa)), sub-theme accuracy \(String(format: "%.3f", agreement.subthemeAccuracy))"
            }
            warn("\(examples.count) hand-coded items matched in \(validation.documents) documents; cross-validated by document (\(validation.folds) folds):")
            warn("  " + line("\(base.name) alone", validation.before))
            warn("  " + line("with the learned layer", validation.after))
            let layer = learner.fit(examples, name: base.name + "-learned")
            let terms = layer.allCategories.reduce(0) { $0 + $1.terms.count }
            warn("  the layer: \(terms) weights over \(Set(layer.allCategories.flatMap { $0.terms.map(\.pattern) }).count) words")
            let header = """
                # The learned layer of \(base.name): written by `scrutiny lexicon learn` from \(examples.count) hand-coded items
                # of \(validation.documents) documents (\(goldNames)), held-back documents left out.
                # Each weight is added to the theme and sub-theme above it when the word stands in an item's own
                # words (once per item). Cross-validated by document (\(validation.folds) folds): theme accuracy
                # \(String(format: "%.3f", validation.before.themeAccuracy)) alone, \(String(format: "%.3f", validation.after.themeAccuracy)) with the layer; kappa \(String(format: "%.3f", validation.before.kappa)) → \(String(format: "%.3f", validation.after.kappa)).
                # It applies to items of the document types it was learned from (`_document_types`; remove the
                # list to apply it to every item). Edit or delete lines freely; delete the file to code with
                # \(base.name).yml alone.

                """
            let types = Set(examples.compactMap(\.documentType)).sorted()
            let typeLine = types.isEmpty ? "" : "_document_types: [\(types.joined(separator: ", "))]\n\n"
            try writeOrEmit(header + typeLine + LexiconFile.render(layer), to: output)
            if failed { throw ExitCode(1) }
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
            try writeOrEmit(text, to: output)
        }
    }
}

/// `--encoding`: the text encoding of a dictionary file, when detection is not enough.
struct EncodingOption: ParsableArguments {
    @Option(name: .customLong("encoding"), help: ArgumentHelp(
        "Encoding of the dictionary file: utf-8, windows-1252 or latin1, utf-16le, utf-16be (default: detected).",
        valueName: "name"))
    var label: String?

    func validate() throws {
        if let label, TextDecoding.Encoding(label: label) == nil {
            throw ValidationError("--encoding: unknown encoding `\(label)`; use utf-8, windows-1252, latin1, utf-16le or utf-16be")
        }
    }

    var encoding: TextDecoding.Encoding? { label.flatMap(TextDecoding.Encoding.init(label:)) }

    /// Reads a dictionary in any supported format, in this encoding or the detected one.
    func read(_ path: String) throws -> LoadedDictionary {
        try LoadedDictionary.read(path: path, encoding: encoding)
    }
}

/// Writes `text` to `--output` when given, else to standard output.
func writeOrEmit(_ text: String, to output: String?) throws {
    guard let output else { return emit(text) }
    do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
        throw runFailure("--output: cannot write \(output): \(error.localizedDescription)")
    }
}
