import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the items found against a hand annotation: precision, recall, F1, kind accuracy, theme agreement.",
            usage: "scrutiny evaluate --gold <path> [<options>] <path> ...",
            discussion: """
                The annotation is a CSV with the header document,kind,theme,subtheme,text (one row per item; \
                `document` is the file name, with as much of its path as tells files of one name apart; `text` the item as it stands, or a prefix of at \
                least 60 characters). Only documents named in it are scored; a row of kind `none` \
                (`report.pdf,none,,,`) says a document holds no item, so that what is found in it counts as false. \
                A PDF or HTML version of an annotated file (same name, other extension) is scored against that file's rows.

                Matching: both texts become lower-case words; a found item and an annotation match when 75% of \
                the annotation's words are in the item and 50% of the item's words are in the annotation, or \
                the annotation is a 60-character prefix of the item, or the item lies inside the annotation and \
                covers 60% of it; best pairs first, one to one.

                Themes, over the matched items with a hand-coded theme: theme accuracy; sub-theme accuracy (over \
                those with a hand-coded sub-theme); macro-F1, the mean F1 over the themes of either coding \
                (`unclassified` aside); Cohen's kappa (`unclassified` a category).

                The figures of the kinds, the forms, the parts and the summary lines come with their 95% intervals, \
                in brackets: how far each could move on other documents like these. The documents are drawn again \
                with replacement (1,000 times by default; the same draws on every run), because items of one \
                document succeed or fail together; an interval over a few documents is wide, and that is the point. \
                With fewer than 10 documents the scored items (each matched pair, miss and false find) are drawn instead.

                Examples:
                  scrutiny evaluate --gold corpus/annotations.csv corpus/documents
                  scrutiny evaluate --gold coding.csv reports/ --format json > eval.json
                  scrutiny evaluate --gold coding.csv reports/ --compare my-edited.yml
                  scrutiny evaluate --gold coding.csv reports/ --compare-rules my-lexicons/
                """
        )

        enum Format: String, OutputFormat {
            case table, json
            static let standard = Format.table
            /// `text`, the name before `table`.
            static let aliases = ["text": Format.table]
        }

        @OptionGroup var goldOption: GoldOption
        var gold: [String] { goldOption.gold }

        enum Part: String, ExpressibleByArgument, CaseIterable {
            case all, tuning, heldout
        }

        @Option(help: ArgumentHelp(
            "Which documents the detailed figures and lists cover when the gold names a held-back set.",
            valueName: "part"))
        var part: Part = .all

        // Read unconditionally, so that `--bootstrap -1` is a number refused by `validate()`, not "Missing value".
        @Option(parsing: .unconditional, help: ArgumentHelp(
            "Samples drawn for the 95% intervals of the figures (a bootstrap by document: the scored documents drawn again "
                + "with replacement; by item where fewer than \(EvaluationIntervals.minimumDocuments) documents are scored). 0: no intervals; else 100 or more.",
            valueName: "n"))
        var bootstrap = EvaluationIntervals.standardResamples

        @Option(help: ArgumentHelp(
            "Also code the matched items' themes with this scheme (a name or a path, as --scheme takes), and give the "
                + "differences from --scheme's figures with their 95% intervals (the same documents drawn for both).",
            valueName: "scheme"))
        var compare: String?

        @Option(name: .customLong("compare-rules"), help: ArgumentHelp(
            "Also find the items with the item rules (items.yml) of this lexicons folder, or this items.yml, and give "
                + "the differences from this run's figures with their 95% intervals, and the items on which the two differ.",
            valueName: "path"))
        var compareRules: String?

        @OptionGroup var input: InputOptions
        /// The manifest: a document's type decides where the learned layer codes themes, so the
        /// coding measured is the one `analyse --manifest` gives (session 37's audit).
        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var items: ItemOptions

        @OptionGroup var formatOption: FormatOption<Format>
        @OptionGroup var outputOption: OutputOption<PrintedFileOutput>
        var format: Format { formatOption.format(writing: outputOption.output) }

        /// The scheme to score themes with (the annotation's themes must come from it).
        @OptionGroup var scheme: SchemeOption<OneScheme>

        @OptionGroup var showOption: ShowOption
        /// The misses and false finds listed (table format).
        var show: Int { showOption.show ?? 50 }

        func validate() throws {
            try formatOption.checkExtension(of: outputOption.output, command: "evaluate")
            if let compare { _ = try SchemeOption<OneScheme>.checked(compare, option: "--compare") }
            // A 95% interval's percentiles need samples enough to hold them (session 47's audit:
            // `--bootstrap 1` printed one sample's figures as a 95% interval).
            guard bootstrap == 0 || bootstrap >= 100 else {
                throw ValidationError("--bootstrap takes 0 (no intervals) or 100 samples or more (1,000 by default): "
                    + "fewer cannot place a 95% interval's 2.5th and 97.5th percentiles")
            }
            try input.requirePaths()
            try input.requireOneStandardInput(goldOption.gold + [corpus.manifest, scheme.scheme, compare, compareRules])
        }

        /// Says, each in one line, what in the hand coding changes the figures without the user
        /// meaning it to: rows repeated, documents it names that were not read, narrative rows
        /// that cannot be found without `--narrative`.
        func noteGoldProblems(_ goldSet: GoldSet, documents: [Document], found: [Recommendation]) {
            let read = Set(documents.map(\.name)), stems = Set(documents.map { ItemMatcher.stem($0.name) })
            // A row may name its document with or without the extension, as matching allows.
            let wasRead = { (name: String) in read.contains(name) || stems.contains(ItemMatcher.stem(name)) }
            // Only the documents read: a document not read finds nothing, and its rows are said below.
            let repeated = goldSet.repeated(amongFound: found).filter { wasRead($0.document) }
            if !repeated.isEmpty {
                let places = repeated.prefix(3).map { "\($0.document), line \($0.line)" }.joined(separator: "; ")
                input.diagnostics.note("--gold: \(repeated.count) row\(repeated.count == 1 ? " repeats" : "s repeat") an earlier one (the same "
                    + "document, kind and text: \(places)\(repeated.count > 3 ? " …" : "")) and the run finds fewer items with those words; each is scored as an item of its own, but an "
                    + "item a document says twice is found once, so a copy lowers recall; keep one row per item")
            }
            let unread = Set(goldSet.annotations.map(\.document)).union(goldSet.itemless).filter { !wasRead($0) }.sorted()
            if !unread.isEmpty, !documents.isEmpty {
                input.diagnostics.note("--gold names \(unread.count) document\(unread.count == 1 ? "" : "s") not read in this run "
                    + "(\(unread.prefix(3).joined(separator: ", "))\(unread.count > 3 ? " …" : "")): \(unread.count == 1 ? "its rows are" : "their rows are") not scored; "
                    + "a row names a document by its file name, as the run does")
            }
            let narrative = goldSet.annotations.filter { $0.form == .narrative && wasRead($0.document) }.count
            if narrative > 0, !items.narrative {
                input.diagnostics.note("--gold has \(narrative) narrative finding\(narrative == 1 ? "" : "s") in the documents read, which only "
                    + "--narrative finds: without it each is a miss")
            }
            // With --narrative, a document whose gold has no narrative row and no scope was coded
            // for listed and explicit items only, or holds no judgement: its narrative findings all
            // count as false, which is said (session 47's audit: precision 0.174 against 0.800 for
            // listed and explicit items, without a word).
            if items.narrative {
                let coded = Set(goldSet.annotations.filter { $0.form == .narrative }.map { ItemMatcher.stem($0.document) })
                let unscoped = Set((goldSet.annotations.map(\.document) + goldSet.itemless).filter(wasRead).map(ItemMatcher.stem))
                    .subtracting(coded).filter { stem in !goldSet.scopes.keys.contains { ItemMatcher.stem($0) == stem } }
                let findings = found.filter { $0.form == .narrative && unscoped.contains(ItemMatcher.stem($0.document)) }
                if !findings.isEmpty {
                    let documents = Set(findings.map(\.document)).sorted()
                    input.diagnostics.note("--narrative: \(documents.count) document\(documents.count == 1 ? " has" : "s have") no narrative row in --gold "
                        + "(\(documents.prefix(2).joined(separator: ", "))\(documents.count > 2 ? " …" : "")), so \(documents.count == 1 ? "its" : "their") "
                        + "\(findings.count) narrative finding\(findings.count == 1 ? "" : "s") count as false; a document coded for listed and explicit "
                        + "items only takes a line `<document><TAB>none` in a gold folder's scope/*.tsv")
                }
            }
            // A document marked `none` that has item rows too, and an item row with no theme, are
            // said: the first is scored by its rows, the second left out of the theme figures.
            let itemlessWithRows = goldSet.itemless.filter { name in wasRead(name) && goldSet.annotations.contains { $0.document == name } }.sorted()
            if let first = itemlessWithRows.first {
                input.diagnostics.note("--gold marks \(itemlessWithRows.count) document\(itemlessWithRows.count == 1 ? "" : "s") `none` that \(itemlessWithRows.count == 1 ? "has" : "have") "
                    + "item rows too (\(first)\(itemlessWithRows.count > 1 ? " …" : "")); \(itemlessWithRows.count == 1 ? "it is" : "they are") scored by \(itemlessWithRows.count == 1 ? "its" : "their") rows")
            }
            let themeless = goldSet.annotations.filter { $0.kind != .procedural && ($0.theme ?? "").isEmpty && wasRead($0.document) }
            let themed = goldSet.annotations.contains { !($0.theme ?? "").isEmpty }
            if themed, let first = themeless.first {
                input.diagnostics.note("--gold: \(themeless.count) item row\(themeless.count == 1 ? " has" : "s have") no theme (\(first.document), line \(first.line)"
                    + "\(themeless.count > 1 ? " …" : "")) and \(themeless.count == 1 ? "is" : "are") left out of the theme figures")
            }
            // Rows one of whose texts begins the other's, coded otherwise: paired in row order.
            let ambiguous = goldSet.ambiguousPrefixes.filter { wasRead($0.0.document) }
            if let (one, other) = ambiguous.first {
                input.diagnostics.note("--gold: \(ambiguous.count) pair\(ambiguous.count == 1 ? " of rows" : "s of rows") coded otherwise have texts one of which "
                    + "begins the other (\(one.document), lines \(one.line) and \(other.line)\(ambiguous.count > 1 ? " …" : "")), so a found item may pair "
                    + "with either and they are paired in row order; give each row enough of its item's text to tell them apart")
            }
        }

        /// "wt2018 and its learned layer (wt2018.learned.yml) for inspection-letter and inspection-report documents".
        static func codedWith(_ scheme: ThemeScheme, name: String) -> String {
            let file = (name as NSString).lastPathComponent
            guard scheme.learned != nil else { return file }
            let types = scheme.learnedDocumentTypes.map { " for " + $0.sorted().joined(separator: " and ") + " documents" } ?? ""
            let layer = ThemeScheme.layerPath(of: file.hasSuffix(".yml") ? file : file + ".yml")
            return "\(file) and its learned layer (\(layer))\(types)"
        }

        /// `items.yml` itself, or the one in the folder `path`.
        static func rulesFile(_ path: String) -> String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return path }
            return (path as NSString).appendingPathComponent("items.yml")
        }

        /// A finder like `finder` (narrative findings or not) with the item rules at `path`.
        static func finder(rules path: String, like finder: RecommendationFinder) throws -> RecommendationFinder {
            if path == StandardInput.path {
                do {
                    let text = String(decoding: try StandardInput.contents(atPath: path), as: UTF8.self)
                    return RecommendationFinder(rules: try ItemRules(yaml: text, path: StandardInput.name), narrative: finder.narrative)
                } catch let error as StandardInput.Unreadable {
                    throw runFailure("--compare-rules: cannot read standard input: \(error.cause)")
                } catch let error as LexiconError {
                    throw runFailure("--compare-rules: " + (error.errorDescription ?? "cannot read standard input"))
                }
            }
            let file = rulesFile(path)
            guard FileManager.default.fileExists(atPath: file) else {
                throw runFailure("--compare-rules: \(file == path ? "no such file: \(path)" : "no items.yml in \(path)"); "
                    + "give a lexicons folder (a copy of lexicons/ with your edits) or its items.yml")
            }
            do {
                return RecommendationFinder(rules: try ItemRules(contentsOf: URL(fileURLWithPath: file)), narrative: finder.narrative)
            } catch {
                throw runFailure("--compare-rules: " + (error.errorDescription ?? "cannot read \(file)"))
            }
        }

        func run() async throws {
            let printed = try PrintedFile.open(outputOption.output, reading: input.paths + gold + [scheme.scheme, corpus.manifest, compare]
                                               + (compareRules.map { [Self.rulesFile($0)] } ?? []), within: gold + [lexicons.folderPath])
            defer { printed?.finish(input.diagnostics) }
            var goldSet = GoldSet(annotations: [])
            for path in gold {
                do {
                    goldSet.merge(try GoldSet.load(path: path))
                } catch {
                    throw runFailure("--gold: " + (error.errorDescription ?? "cannot read \(path)"))
                }
            }
            let finder = try lexicons.finder(items)
            let classifier = try lexicons.classifier(scheme: scheme.scheme)
            let compared = try compare.map { name in
                let name = try SchemeOption<OneScheme>.checked(name, option: "--compare")
                do {
                    let other = try lexicons.classifier(scheme: name)
                    return (classifier: other, codedWith: Self.codedWith(other.scheme, name: name))
                } catch let failure as RunFailure {
                    // The loader says "--scheme: …"; here the scheme came from --compare.
                    throw runFailure("--compare: " + failure.message.replacingOccurrences(of: "--scheme: ", with: ""))
                }
            }
            let otherRules = try compareRules.map { path in
                (finder: try Self.finder(rules: path, like: finder), rules: StandardInput.describe(Self.rulesFile(path)), mine: try lexicons.locate().file("items.yml").path)
            }
            let (documents, items) = try readItems(input, lexicons: lexicons, finder: finder, manifest: try corpus.loadManifest(lexicons: lexicons))
            goldSet = goldSet.named(as: Set(documents.map(\.name))).spelled(as: classifier.scheme.lexicon)
            let found = goldSet.scoped(items, in: documents)
            // No document read: the lines on standard error said why, and there is nothing to score
            // or to say of the gold (it named "no document read" as the gold's fault); the table a
            // person reads is not printed, the JSON keeps its shape.
            let nothingRead = documents.isEmpty && input.diagnostics.collector.failed
            if nothingRead, format == .table { try input.diagnostics.collector.finish() }
            if !nothingRead { noteGoldProblems(goldSet, documents: documents, found: found) }
            // The other rules find their items in the same documents, read once.
            let foundByOther = otherRules.map { other in
                goldSet.scoped(Parallel.map(documents, jobs: input.jobs) { other.finder.recommendations(in: $0) }.flatMap { $0 }, in: documents)
            }
            func evaluate(_ keep: (String) -> Bool, comparingRules: Bool = false) -> ExtractionEvaluation {
                func scored(_ found: [Recommendation]) -> ExtractionEvaluation {
                    ExtractionEvaluation(found: found.filter { keep($0.document) }, gold: goldSet.annotations.filter { keep($0.document) },
                                         read: documents.map(\.name).filter(keep), itemless: goldSet.itemless.filter(keep))
                }
                var evaluation = scored(found)
                evaluation.scoreThemes(with: classifier)
                if let compared { evaluation.compareThemes(with: compared.classifier, codedWith: compared.codedWith) }
                if comparingRules, let foundByOther, let otherRules { evaluation.compareRules(with: scored(foundByOther), rules: (a: otherRules.mine, b: otherRules.rules)) }
                evaluation.estimateIntervals(resamples: bootstrap)
                return evaluation
            }
            let heldOut = goldSet.heldOut
            if part == .heldout, heldOut.isEmpty {
                // Not "no document read is named in --gold" (session 38's audit): there is no held-back part to score.
                throw runFailure("--part heldout: the gold names no held-back documents (a gold folder's heldout.txt), "
                    + "so there is nothing held back to score; leave out --part to score every document")
            }
            if part == .tuning, heldOut.isEmpty {
                input.diagnostics.note("--part \(part.rawValue): the gold names no held-back documents (a gold folder's heldout.txt), "
                    + "so every document is tuning")
            }
            // The rules are compared on the documents --part chooses, not part by part.
            var evaluation = switch part {
            case .all: evaluate({ _ in true }, comparingRules: true)
            case .tuning: evaluate({ !heldOut.contains($0) }, comparingRules: true)
            case .heldout: evaluate({ heldOut.contains($0) }, comparingRules: true)
            }
            if !heldOut.isEmpty {
                evaluation.parts = ["tuning": evaluate { !heldOut.contains($0) }.summary,
                                    "heldout": evaluate { heldOut.contains($0) }.summary]
            }
            evaluation.codedWith = Self.codedWith(classifier.scheme, name: scheme.scheme)
            // A row of fewer than 60 characters that begins an item found in its document but
            // paired with nothing was cut too short (session 47's audit: 59 characters of an
            // item's start were a miss and a false find, without a word).
            let short = evaluation.misses.filter { row in
                row.text.count < 60 && found.contains { ItemMatcher.stem($0.document) == ItemMatcher.stem(row.document) && GoldSet.begins(row.text, $0.text) }
            }
            if let first = short.first {
                input.diagnostics.note("--gold: \(short.count) row\(short.count == 1 ? "" : "s") of fewer than 60 characters \(short.count == 1 ? "begins" : "begin") "
                    + "an item found but paired with none (\(first.document), line \(first.line)\(short.count > 1 ? " …" : "")); a prefix pairs with its item "
                    + "from 60 characters, so give at least 60 or the item's whole text")
            }
            // Nothing scored is no evaluation: the figures are dashes, and the run fails (session
            // 37's third audit: a gold that named none of the documents read "succeeded").
            if evaluation.byDocument.isEmpty, !nothingRead {
                let why = goldSet.annotations.isEmpty && goldSet.itemless.isEmpty
                    ? "--gold holds no row of hand coding (a row needs document, kind and text)"
                    : "no document read is named in --gold (a row names a document by its file name, as the run does)"
                input.diagnostics.collector.failure("nothing was scored: " + why)
            }
            // A layer scored on the documents it was fitted on scores itself (session 37's third
            // audit: 1.000 everywhere, and a "gain" over the scheme alone, where `lexicon learn` had
            // just said the layer codes worse).
            let scored = evaluation.byDocument.map(\.document)
            for (option, coder) in [("--scheme", classifier.scheme)] + (compared.map { [("--compare", $0.classifier.scheme)] } ?? []) {
                guard let fitted = coder.learnedFrom.map({ Set($0.map(ItemMatcher.stem)) }) else { continue }
                let inSample = scored.filter { fitted.contains(ItemMatcher.stem($0)) }
                guard !inSample.isEmpty else { continue }
                input.diagnostics.note("\(option) \(coder.name): its learned layer was fitted on \(inSample.count) of the \(scored.count) documents "
                    + "scored (\(inSample.prefix(2).joined(separator: ", "))\(inSample.count > 2 ? " …" : "")), so its theme figures on them are "
                    + "in-sample and measure nothing; score documents it was not fitted on (a gold folder's heldout.txt and --part heldout keep them apart)")
            }
            // Hand-coded themes the scheme does not have can never agree: said, not scored silently,
            // for --compare's scheme too (session 47's audit: `--compare wt2023` printed a
            // "significant" difference of +0.891 without a word), with where each stands and the
            // theme a slip of the hand may have meant ("purpse").
            for (option, name, coder) in [("--scheme", scheme.scheme, classifier.scheme)]
                + (compared.map { [("--compare", compare ?? "", $0.classifier.scheme)] } ?? []) {
                let themes = coder.lexicon.categories.map(\.name)
                let rows = goldSet.annotations.filter { annotation in
                    annotation.theme.map { !$0.isEmpty && $0 != ClassifiedItem.unclassified && !themes.contains($0) } ?? false
                }
                let missing = Array(Set(rows.compactMap(\.theme))).sorted()
                guard !missing.isEmpty else { continue }
                let named = missing.prefix(6).map { theme in
                    let first = rows.first { $0.theme == theme }!
                    let meant = theme.nearest(among: themes).map { ", did you mean \($0)?" } ?? ""
                    return "\(theme) (\(rows.filter { $0.theme == theme }.count) row\(rows.filter { $0.theme == theme }.count == 1 ? "" : "s"), "
                        + "\(first.document) line \(first.line)\(meant))"
                }
                input.diagnostics.note("\(option) \(name) has no theme \(named.joined(separator: "; "))\(missing.count > 6 ? " …" : ""), "
                    + "which the hand coding uses, so those items cannot agree\(option == "--compare" ? " and its figures compare nothing" : ""); "
                    + "give the scheme the coding was done in, or mend a misspelt theme")
            }
            // A sub-theme the scheme does not have under its theme ("beyond boundaries", a slip of
            // the hand) can never agree either: named with where it stands.
            let subthemes = Dictionary(classifier.scheme.lexicon.categories.map { ($0.name, Set($0.children.map(\.name))) }) { first, _ in first }
            let strays = goldSet.annotations.filter { annotation in
                guard let theme = annotation.theme, let subtheme = annotation.subtheme, let known = subthemes[theme] else { return false }
                return !known.contains(subtheme)
            }
            if !strays.isEmpty {
                let shown = strays.prefix(3).map { "\($0.theme!) › \($0.subtheme!) (\($0.document), line \($0.line))" }.joined(separator: "; ")
                input.diagnostics.note("--gold: \(strays.count) row\(strays.count == 1 ? " has a sub-theme" : "s have sub-themes") that \(scheme.scheme) does not have "
                    + "under \(strays.count == 1 ? "its" : "their") theme: \(shown)\(strays.count > 3 ? " …" : ""); "
                    + "such rows cannot agree at the sub-theme level")
            }
            switch format {
            case .json: emit(JSONOutput.render(evaluation) + "\n")
            case .table: emit(EvaluationText.render(evaluation, show: show))
            }
            try input.diagnostics.collector.finish()
        }
    }
}
