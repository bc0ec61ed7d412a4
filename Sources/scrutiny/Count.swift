import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    struct Count: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count a dictionary's categories in each document: the documents × categories table.",
            usage: "scrutiny count [<options>] <path> ...",
            discussion: """
                What quanteda's dfm_lookup and LIWC's per-document output give: for every document, its words \
                and how often each category's terms occur in its whole text, as counts or as a percentage of \
                the words. Any dictionary scrutiny reads will do: a built-in scheme, quanteda YAML, LIWC .dic \
                or WordStat .cat. A category counts its own terms and its sub-categories' (a stretch of words \
                once, however many sub-categories hold it); a term listed in several categories counts in each. \
                Words are runs of letters and digits ("multi-agency" is two).

                --level picks one level of the dictionary (1 is the top; leaves above it are kept, and a \
                category above it with terms of its own beside sub-categories counts those in a column \
                "<category> (own)", so that the level's columns add up to the whole); without it every \
                category is a column, parents before their children.

                Examples:
                  scrutiny count corpus/documents
                  scrutiny count reports/ --scheme mfd.dic --percent --format csv > mfd.csv
                  scrutiny count reports/ --scheme lexicons/wt2018.yml --level 1 --format json
                """
        )

        enum Format: String, OutputFormat {
            case table, csv, json
            static let standard = Format.table
        }

        @OptionGroup var input: InputOptions
        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var csv: CSVOptions
        @OptionGroup var encoding: EncodingOption

        @OptionGroup var schemeOption: SchemeOption<OneScheme>

        // Read unconditionally, so that `--level -1` is a number refused by `validate()`, not "Missing value".
        @Option(parsing: .unconditional, help: ArgumentHelp("Count only the categories at this level (1 is the top).", valueName: "n"))
        var level: Int?

        @Flag(help: "Percentages of the document's words instead of counts (table and csv; json has both).")
        var percent = false

        @OptionGroup var formatOption: FormatOption<Format>
        @OptionGroup var outputOption: OutputOption<PrintedFileOutput>
        var format: Format { formatOption.format(writing: outputOption.output) }

        func validate() throws {
            try formatOption.checkExtension(of: outputOption.output, command: "count")
            try input.requirePaths()
            try input.requireOneStandardInput([schemeOption.scheme, corpus.manifest])
            try csv.requireCSV(format == .csv, formatOption.described(writing: outputOption.output))
            if let level, level < 1 { throw ValidationError("--level: give 1 or more (1 is the top level)") }
        }

        func run() async throws {
            let printed = try PrintedFile.open(outputOption.output, reading: input.paths + [corpus.manifest, schemeOption.scheme],
                                               within: [lexicons.folderPath])
            defer { printed?.finish(input.diagnostics) }
            let scheme = schemeOption.scheme
            let lexicon: ScrutinyKit.Lexicon
            do {
                if ThemeScheme.builtIn.contains(scheme) {
                    lexicon = try lexicons.locate().scheme(scheme).lexicon
                } else {
                    lexicon = try LexiconChecker.usable(encoding.read(scheme).lexicon, file: scheme)
                }
            } catch let error as LexiconError {
                throw runFailure("--scheme: " + (error.errorDescription ?? "cannot read \(scheme)"))
            }
            let counter = CategoryCounter(lexicon: lexicon, level: level)
            if let level, level > counter.levels {
                input.diagnostics.note("--level \(level): \(scheme) has \(counter.levels) level\(counter.levels == 1 ? "" : "s"); "
                    + "each column is a category without sub-categories")
            }
            let documents = try readDocuments(input, lexicons: lexicons, manifest: try corpus.loadManifest(lexicons: lexicons))
            printed?.keepEarlierFile(ifNothingRead: documents.isEmpty)
            // Nothing read: the table a person reads says nothing, as in `recommendations`.
            if documents.isEmpty, format == .table { try input.diagnostics.collector.finish() }
            let rows = documents.map { document in
                counter.count(document.text, document: document.name, partnership: document.metadata.partnership,
                              documentType: document.metadata.documentType?.rawValue, date: document.metadata.date,
                              era: document.metadata.era)
            }
            let measure: CategoryCountTable.Measure = percent ? .percent : .count
            switch format {
            case .table: emit(CategoryCountTable.markdown(rows, columns: counter.columns, measure: measure))
            case .csv: emit(csv.finish(CategoryCountTable.csv(rows, columns: counter.columns, measure: measure)))
            case .json: emit(CategoryCountTable.json(rows, columns: counter.columns) + "\n")
            }
            try input.diagnostics.collector.finish()
        }
    }
}
