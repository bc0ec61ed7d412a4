import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny.Lexicon {
    struct Learn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn term weights from hand-coded items, as a lexicon people can read and edit.",
            usage: "scrutiny lexicon learn --gold <path> [<options>] [<path> ...]",
            discussion: """
                Without documents: for each theme and sub-theme in the annotation, lists the words and two-word \
                phrases that occur more in its items than in the others' (weighted log-odds with an informative \
                Dirichlet prior), weighted by their z-score. Review the proposals and merge the good ones into \
                your lexicon.

                With documents: fits the scheme's learned layer. The documents' items are found and matched to \
                the annotation (held-back documents left out), then one weight per word and theme is fitted so \
                that the hand-coded themes become likely given what the scheme's own lexicon scores (a logistic \
                model with an L2 penalty). Each word goes under the sub-theme whose items use it most. Standard \
                error gets the cross-validated agreement (by document) of the scheme alone and with the layer, \
                and the layer's gain with its 95% interval; the layer is written as a lexicon. Saved as NAME.learned.yml beside the scheme (for example \
                lexicons/wt2018.learned.yml), it is added to the scheme wherever the scheme is used; the \
                `learned` source in `classify --explain` shows its terms. Delete the file to code without it. \
                The first example writes a layer to look at; written to lexicons/wt2018.learned.yml instead, \
                it replaces the layer that ships.

                Examples:
                  scrutiny lexicon learn --gold Tests/Gold/real --narrative ../shared/real \\
                    -o my-layer.learned.yml
                  scrutiny lexicon learn --gold corpus/annotations.csv \\
                    --holdout corpus/heldout.txt > proposed.yml
                  scrutiny lexicon learn --gold my-coding.csv --top 10 --output proposed.yml
                  scrutiny lexicon learn --gold Tests/Gold/real > proposed.yml
                """)

        @OptionGroup var goldOption: GoldOption
        var gold: [String] { goldOption.gold }

        @Option(help: ArgumentHelp("A list of document names (one per line, # comments) to leave out, so they stay a fair test; repeat to combine.", valueName: "file"))
        var holdout: [String] = []

        @OptionGroup var destination: OutputOption<LexiconFileOutput>
        var output: String? { destination.output }

        @OptionGroup var input: InputOptions
        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var items: ItemOptions
        @OptionGroup var scheme: SchemeOption<OneScheme>

        // These three read unconditionally: `--penalty -1` is a number refused by `validate()`, not "Missing value".
        @Option(parsing: .unconditional, help: ArgumentHelp("With documents: the L2 penalty on the learned weights (larger: fewer, smaller weights).", valueName: "x"))
        var penalty = LayerLearner.Options().penalty

        @Option(parsing: .unconditional, help: ArgumentHelp("Terms kept per sub-theme.", valueName: "n"))
        var top = 25

        @Option(parsing: .unconditional, help: ArgumentHelp("Fewest items of the sub-theme a term must occur in.", valueName: "n"))
        var minCount = 2

        func validate() throws {
            try input.requireOneStandardInput(gold + holdout)
            if !(penalty >= 0) { throw ValidationError("--penalty: give 0 or more (\(penalty) given)") }
            if top < 1 { throw ValidationError("--top: give 1 or more terms (\(top) given)") }
            if minCount < 1 { throw ValidationError("--min-count: give 1 or more items (\(minCount) given)") }
        }

        func run() async throws {
            // Before the fit, which takes a while: where the layer goes must be writable.
            if let output, output != "-" { try PrintedFile.checkTarget(output) }
            var annotations: [Annotation] = []
            var scopes: [String: NarrativeScope] = [:]
            var heldOut = Set<String>()
            for path in gold {
                do {
                    // A gold folder leaves out its own held-back documents.
                    let set = try GoldSet.load(path: path)
                    annotations += set.annotations.filter { !set.heldOut.contains($0.document) }
                    heldOut.formUnion(set.heldOut)
                    scopes.merge(set.scopes) { first, _ in first }
                } catch {
                    throw runFailure("--gold: " + (error.errorDescription ?? "cannot read \(path)"))
                }
            }
            let codedBeforeHoldout = annotations.filter { !($0.theme ?? "").isEmpty }.count
            for holdout in holdout {
                let data: Data
                do { data = try StandardInput.contents(atPath: holdout) } catch {
                    throw runFailure("--holdout: cannot read \(StandardInput.describe(holdout)): \(error.cause)")
                }
                let text = String(decoding: data, as: UTF8.self)
                let names = Set(text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
                // A name that is no document of the hand coding holds nothing back: a typo, said
                // (session 43's re-audit: it was passed over in silence).
                let coded = Set(annotations.map(\.document))
                let unknown = names.subtracting(coded).sorted()
                if !unknown.isEmpty {
                    input.diagnostics.note("warning: --holdout \(StandardInput.describe(holdout)) names \(unknown.count) document\(unknown.count == 1 ? "" : "s") "
                        + "that --gold does not code, or already holds back (\(unknown.prefix(3).joined(separator: ", "))\(unknown.count > 3 ? ", …" : "")); nothing of "
                        + "\(unknown.count == 1 ? "it" : "them") is held back")
                }
                annotations = annotations.filter { !names.contains($0.document) }
                heldOut.formUnion(names)
            }
            // Nothing to learn from is a failure, not an empty proposal (session 37's third audit:
            // a folder of `recommendations` outputs, which have no themes, "succeeded").
            let coded = annotations.filter { !($0.theme ?? "").isEmpty }.count
            // Said for what it is (session 43's audit: it blamed the hand coding).
            if coded == 0, codedBeforeHoldout > 0 {
                throw runFailure("--holdout: every document of \(goldNames) with a coded theme is held back (\(codedBeforeHoldout) coded "
                    + "row\(codedBeforeHoldout == 1 ? "" : "s")); nothing is left to learn from")
            }
            guard coded > 0 else {
                throw runFailure("--gold: no row of \(goldNames) has a theme (of \(annotations.count) row\(annotations.count == 1 ? "" : "s") read); "
                    + "lexicon learn fits themes: give a hand coding with the columns document,kind,theme,subtheme,text")
            }
            // A theme or sub-theme the scheme has not (a typo, "purpos") would be learned as one of
            // its own: said (session 46's interop audit: it was taken in silence).
            if let paths = try? Set(lexicons.classifier(scheme: scheme.scheme).scheme.lexicon.allCategories.map(\.path)) {
                var unknown: [String: Int] = [:]
                for annotation in annotations {
                    guard let theme = annotation.theme, !theme.isEmpty else { continue }
                    let path = [theme, annotation.subtheme].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ".")
                    if !paths.contains(path) { unknown[path, default: 0] += 1 }
                }
                if !unknown.isEmpty {
                    let named = unknown.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4).map { "\($0.key) ×\($0.value)" }
                    input.diagnostics.note("warning: --gold codes \(unknown.values.reduce(0, +)) row\(unknown.values.reduce(0, +) == 1 ? "" : "s") under "
                        + "themes or sub-themes that \(scheme.scheme) has not (\(named.joined(separator: ", "))\(unknown.count > 4 ? ", …" : "")); "
                        + "check their spelling, or give --scheme for the scheme the coding uses")
                }
            }
            if !input.paths.isEmpty {
                try learnLayer(from: GoldSet(annotations: annotations, scopes: scopes, heldOut: heldOut))
                return
            }
            var options = TermLearner.Options()
            options.top = top
            options.minimumCount = minCount
            let lexicon = TermLearner(options: options).learn(from: annotations)
            let header = "# Proposed by `scrutiny lexicon learn` from \(annotations.filter { $0.theme != nil }.count) hand-coded items of \(goldNames).\n# Weights are z-scores / 2 (0.5 to 3); a term without one weighs 1. Review before use.\n"
            let text = header + LexiconFile.render(lexicon)
            try writeOrEmit(text, to: output, reading: gold + holdout)
        }

        /// Fits the scheme's learned layer on the items found in the documents and matched to the annotation.
        var goldNames: String { gold.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") }

        func learnLayer(from goldSet: GoldSet) throws {
            let annotations = goldSet.annotations
            let base = try lexicons.classifier(scheme: scheme.scheme).scheme.lexicon
            let classifier = Classifier(scheme: ThemeScheme(lexicon: base))
            let finder = try lexicons.finder(items)
            let documents = try readDocuments(input, lexicons: lexicons, manifest: try corpus.loadManifest(lexicons: lexicons))
            let found = goldSet.scoped(documents.flatMap { finder.recommendations(in: $0) }, in: documents)
            let matches = ExtractionEvaluation(found: found, gold: annotations).matches
            let examples = matches.compactMap { match -> LayerLearner.Example? in
                guard let theme = match.gold.theme, match.found.kind != .procedural else { return nil }
                let coded = classifier.classify(match.found)
                let scores = Dictionary(coded.scores.entries.map { ($0.path, $0.score) }) { first, _ in first }
                return LayerLearner.Example(text: match.found.text, document: match.gold.document, theme: theme,
                                            subtheme: match.gold.subtheme, base: scores,
                                            documentType: match.found.documentType)
            }
            if let dump = ProcessInfo.processInfo.environment["SCRUTINY_LEARN_EXAMPLES"], !dump.isEmpty {
                // For studying the fit outside scrutiny: every matched item with its context and
                // the scheme's scores, as JSON lines (no held-back document is among them).
                var lines: [String] = []
                for match in matches where match.gold.theme != nil && match.found.kind != .procedural {
                    let coded = classifier.classify(match.found)
                    let object: [String: Any] = [
                        "document": match.gold.document, "type": match.found.documentType ?? "",
                        "kind": match.found.kind.rawValue, "form": match.found.form.rawValue,
                        "text": match.found.text, "section": match.found.section, "actor": match.found.actor ?? "",
                        "theme": match.gold.theme ?? "", "subtheme": match.gold.subtheme ?? "",
                        "theme2": match.gold.theme2 ?? "", "subtheme2": match.gold.subtheme2 ?? "",
                        "base": Dictionary(coded.scores.entries.map { ($0.path, $0.score) }) { first, _ in first },
                        "position": match.found.locations.first?.range.start ?? 0,
                    ]
                    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                    lines.append(String(decoding: data, as: UTF8.self))
                }
                try OutputFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: dump)
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
            // One document cannot be split into folds: no figure rather than 0 (session 43's audit).
            let validated = validation.documents >= 2
            let matched = "\(examples.count) hand-coded item\(examples.count == 1 ? "" : "s") matched in \(validation.documents) "
                + "document\(validation.documents == 1 ? "" : "s")"
            if validated {
                input.diagnostics.note("\(matched); cross-validated by document (\(validation.folds) folds):")
                input.diagnostics.note("  " + line("\(base.name) alone", validation.before))
                input.diagnostics.note("  " + line("with the learned layer", validation.after))
                if let gain = Self.gain(validation) { input.diagnostics.note("  " + gain) }
            } else {
                input.diagnostics.note("\(matched): cross-validation by document needs two documents or more, so there is no "
                    + "figure of how the layer codes documents it was not fitted on")
            }
            let measures: [(name: String, before: Double, after: Double)] = [
                ("theme accuracy", validation.before.themeAccuracy, validation.after.themeAccuracy),
                ("kappa", validation.before.kappa, validation.after.kappa),
                ("sub-theme accuracy", validation.before.subthemeAccuracy, validation.after.subthemeAccuracy)]
            let worse = validated ? measures.filter { $0.after < $0.before } : []
            if !worse.isEmpty {
                let fell = worse.map { "\($0.name) \(String(format: "%.3f", $0.before)) → \(String(format: "%.3f", $0.after))" }.joined(separator: ", ")
                input.diagnostics.note("warning: the learned layer codes worse than \(base.name) alone, cross-validated (\(fell)); "
                    + "with \(examples.count) items it learns words, not themes: hand-code more items, or keep \(base.name) alone")
            }
            let layer = learner.fit(examples, name: base.name + "-learned")
            let terms = layer.allCategories.reduce(0) { $0 + $1.terms.count }
            input.diagnostics.note("  the layer: \(terms) weights over \(Set(layer.allCategories.flatMap { $0.terms.map(\.pattern) }).count) words")
            let header = """
                # The learned layer of \(base.name): written by `scrutiny lexicon learn` from \(examples.count) hand-coded items
                # of \(validation.documents) document\(validation.documents == 1 ? "" : "s") (\(goldNames))\(goldSet.heldOut.isEmpty ? "" : ", held-back documents left out").
                # Each weight is added to the theme and sub-theme above it when the word stands in an item's own
                # words (once per item). \(validated ? "Cross-validated by document (\(validation.folds) folds): theme accuracy" : "Not cross-validated: one document.")
                \(validated ? "# \(String(format: "%.3f", validation.before.themeAccuracy)) alone, \(String(format: "%.3f", validation.after.themeAccuracy)) with the layer; kappa \(String(format: "%.3f", validation.before.kappa)) → \(String(format: "%.3f", validation.after.kappa))." : "#")
                # It applies to items of the document types it was learned from (`_document_types`; remove the
                # list to apply it to every item). Edit or delete lines freely; delete the file to code with
                # \(base.name).yml alone. `_fitted_on` names the documents it was fitted on: `scrutiny evaluate`
                # says that its figures on them are in-sample, not a measure.

                """
            let types = Set(examples.compactMap(\.documentType)).sorted()
            let typeLine = types.isEmpty ? "" : "_document_types: [\(types.joined(separator: ", "))]\n"
            let fittedLine = "_fitted_on: [\(Set(examples.map(\.document)).sorted().map(Self.flowScalar).joined(separator: ", "))]\n\n"
            try writeOrEmit(header + typeLine + fittedLine + LexiconFile.render(layer), to: output, reading: gold + holdout + input.paths)
            try input.diagnostics.collector.finish()
        }
    
        /// A document's name as an item of a YAML flow list: quoted where YAML would read it otherwise.
        static func flowScalar(_ name: String) -> String {
            let plain = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }
            return plain ? name : "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }

        /// "the layer's gain: theme accuracy +0.058 (+0.036 to +0.080), kappa +0.089 (…); 95%
        /// intervals, the same 1,000 samples of the 36 documents for both": the paired intervals of
        /// the cross-validated differences (``EvaluationIntervals/difference(_:_:resamples:seed:)``).
        static func gain(_ validation: LayerLearner.Validation) -> String? {
            let codings = validation.codings
            func coded(_ learned: Bool) -> [ExtractionEvaluation.ThemeCoding] {
                codings.map { ExtractionEvaluation.ThemeCoding(document: $0.document, gold: $0.theme, goldSubtheme: $0.subtheme,
                                                               predicted: learned ? $0.learned : $0.alone,
                                                               predictedSubtheme: learned ? $0.learnedSubtheme : $0.aloneSubtheme) }
            }
            guard let (difference, unit, units) = EvaluationIntervals.difference(coded(true), coded(false)),
                  let accuracy = difference.themeAccuracy, let kappa = difference.kappa else { return nil }
            func signed(_ value: Double) -> String { String(format: "%+.3f", value) }
            let (after, before) = (validation.after, validation.before)
            let drawn = unit == .document ? "\(units) documents" : "\(units) items (too few documents to draw documents)"
            return "the layer's gain: theme accuracy \(signed(after.themeAccuracy - before.themeAccuracy)) (\(signed(accuracy.low)) to \(signed(accuracy.high))), "
                + "kappa \(signed(after.kappa - before.kappa)) (\(signed(kappa.low)) to \(signed(kappa.high))); 95% intervals, the same "
                + "\(EvaluationIntervals.standardResamples.formatted(.number.grouping(.automatic))) samples of the \(drawn) for both"
        }
}
}
