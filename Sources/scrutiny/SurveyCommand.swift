import ArgumentParser
import ScrutinyKit

extension Scrutiny {
    struct SurveyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "survey",
            abstract: "Build the cross-partnership survey tables: who scrutinises, how and what; themes of the items.",
            usage: "scrutiny survey [<options>] <path> ...",
            discussion: """
                Profiles every partnership (as `scrutiny profile` does), finds and classifies the items of its \
                documents (as `scrutiny classify` does), and builds the national survey's tables from them: per \
                indicator n (yes), N (partnerships whose documents address it), n/N as a percentage and the \
                number silent, in the survey's form "67% (n=67) of 100"; the number of scrutineers; the \
                partnership × theme matrix (counts and row percentages); kinds of item by document type; the \
                most frequent sub-themes; partnerships with no item in a theme; trends by year where the \
                documents span years; themes and indicators by era where they span eras; and, where they include inspections, \
                the areas' inspection judgements (the latest inspection that gives each). Theme tables count recommendations and areas for improvement unless \
                --theme-kinds says otherwise; procedural decisions are never coded to a theme.

                Without --output the chosen format goes to standard output: `table` is the report in Markdown, \
                `csv` the indicator table (indicator,group,label,n,N,percent,silent,base,quoted). With --output DIR every \
                table is written to DIR as CSV, with the report in the chosen format (report.md, report.html or \
                survey.json) and, for table and html, each figure as figures/*.svg. The report's evidence links to the documents by \
                paths relative to --output (or to the current folder when printing); its wording comes from \
                lexicons/report.yml or --template FILE.

                Examples:
                  scrutiny survey corpus/documents --manifest corpus/manifest.csv
                  scrutiny survey reports/ --format csv > indicators.csv
                  scrutiny survey reports/ --format html --output survey/
                """
        )

        enum Format: String, OutputFormat {
            case table, csv, json, html
            static let standard = Format.table
            /// `markdown`, the name before `table`.
            static let aliases = ["markdown": Format.table]
        }

        @OptionGroup var input: InputOptions
        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var itemOptions: ItemOptions
        @OptionGroup var themes: ThemeKindsOption
        @OptionGroup var csv: CSVOptions
        @OptionGroup var quoted: QuotedOption

        @OptionGroup var formatOption: FormatOption<Format>
        var format: Format { formatOption.format }

        @OptionGroup var destination: OutputOption<SurveyFolderOutput>
        /// `-o -` prints, as it does on the commands that print (session 43's audit: it made a folder named `-`).
        var output: String? { destination.output == StandardInput.path ? nil : destination.output }

        @OptionGroup var report: ReportOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            try input.requirePaths()
            try input.requireOneStandardInput([corpus.manifest, report.template])
            // With --output every table is a CSV file, whatever the format.
            try csv.requireCSV(format == .csv || output != nil, formatOption.described(writing: nil) + " without --output")
            if let output { try ReportFolder.checkNamed(output, orElse: "leave out --output and use --format to print the tables") }
        }

        func run() async throws {
            // A file where the folder should go is refused before the documents are read.
            if let output { try ReportFolder.checkTarget(output) }
            // Held from before the reading to the end: a second run on the same folder is refused
            // at its start, not after both have read everything (session 38's audit: the run that
            // finished last replaced the other's report, and both said theirs was written).
            let folder = try output.map { try ReportFolder($0) }
            let wording = try report.wording(lexicons)   // a wording that cannot be read stops the run before the reading
            let shared = RunLexicons(lexicons, items: itemOptions, quoted: quoted)
            let manifest = try corpus.loadManifest(lexicons: lexicons)
            // The store is kept beside --output; printing to standard output reads every file.
            let store = try output.flatMap { try openStore(quoted: quoted, beside: $0, options: self.store, lexicons: lexicons, itemOptions: itemOptions, input: input) }
            // A run that puts no report in place keeps no store it made.
            var placed = false
            defer { if !placed { store?.discardIfCreatedNow() } }
            let scheme = SchemeLoad(lexicons: lexicons, scheme: themes.scheme)   // read beside the documents (analyseCorpus)
            defer { scheme.settle() }
            let read = try analyseCorpus(input, manifest: manifest, lexicons: shared, store: store, scheme: scheme)
            // Before the report's settings, which make the folder (session 32's audit: it was left
            // empty, though said to be as it was).
            if let output, read.documents.isEmpty {
                throw runFailure("no document was read, so nothing was written; \(output) is as it was")
            }
            // Printed, a report of nothing says nothing (the lines on standard error do); the
            // machine formats keep their shape.
            if read.documents.isEmpty, format == .table || format == .html { try input.diagnostics.collector.finish() }
            let run = try SurveyRun(analyses: read.analyses, lexicons: shared, scheme: scheme,
                                    kinds: themes.parsed, notes: read.notes, filesNotRead: read.filesNotRead, jobs: read.jobs)
            // Evidence links lead from where the report is written: --output, or the current folder.
            let figures = output != nil && (format == .table || format == .html)
            let settings = { try self.report.settings(wording, documents: read.documents, folder: output ?? ".", figures: figures) }
            let report: (name: String, contents: String)
            switch format {
            case .table: report = ("report.md", SurveyMarkdown.render(run.survey, settings: try settings()))
            case .csv: report = ("indicators.csv", csv.finish(SurveyCSV.indicators(run.survey)))
            case .json: report = ("survey.json", SurveyJSON.render(run.survey, wording: wording) + "\n")
            case .html: report = ("report.html", HTMLReport.render(run.survey, settings: try settings()))
            }
            if let output, let folder {
                // Written beside the folder, then put in its place whole (see ReportFolder).
                for file in SurveyCSV.files(run.survey) { try write(csv.finish(file.contents), to: file.name, in: folder.staging) }
                if format != .csv { try write(report.contents, to: report.name, in: folder.staging) }
                if figures { try writeFigures(run.survey, wording: wording, in: folder.staging) }
                try folder.commit()
                placed = true
                input.diagnostics.note("wrote the survey to \(output.hasSuffix("/") ? output : output + "/")")
                if let note = store?.madeNowNote { input.diagnostics.note(note) }
            } else {
                emit(report.contents)
            }
            try input.diagnostics.collector.finish()
        }
    }
}
