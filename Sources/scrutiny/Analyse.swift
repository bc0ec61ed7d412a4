import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    struct Analyse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every stage over a corpus and write the report: report.md, report.html and one CSV per table.",
            discussion: """
                Reads the documents (default: corpus/documents, with corpus/manifest.csv when it exists), \
                counts each document once (a generated PDF, HTML, DOCX or ODT version is skipped when its \
                original is read too), profiles every partnership, finds and classifies the items, builds the \
                survey tables and writes to --output (default: report/), in the words of lexicons/report.yml \
                (or --template FILE):

                  report.md      the survey as Markdown, evidence linked to its documents
                  report.html    one self-contained page: a summary first, figures as
                                 inline SVG bar charts, every number linked to its
                                 evidence (closed blocks whose sentences link to their
                                 documents)
                  figures/       each figure as an SVG file, linked from both reports
                  indicators.csv, counts.csv, themes.csv, kinds.csv, forms.csv,
                  subthemes.csv, theme-gaps.csv, trends.csv, documents.csv,
                  themes-by-era.csv, indicators-by-era.csv, inspections.csv
                                 one per table, every file on every run (a
                                 header alone where the run has no such table)
                  profiles.csv   every partnership × indicator with its deciding sentence
                  items.csv      every item with its theme (with --scheme auto, the
                                 tables count axis_theme and axis_subtheme)
                  survey.json    all of the above, with the evidence

                Examples:
                  scrutiny analyse
                  scrutiny analyse reports/ --manifest reports/manifest.csv --output out/
                """
        )

        /// The files and folders to read (default: corpus/documents).
        @OptionGroup var input: InputOptions
        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var itemOptions: ItemOptions
        @OptionGroup var themes: ThemeKindsOption
        @OptionGroup var csv: CSVOptions
        @OptionGroup var quoted: QuotedOption

        @OptionGroup var destination: OutputOption<ReportFolderOutput>
        var output: String { destination.output ?? "report" }

        @OptionGroup var report: ReportOptions
        @OptionGroup var store: StoreOptions

        static let defaultDocuments = "corpus/documents"
        static let defaultManifest = "corpus/manifest.csv"

        func validate() throws {
            if input.paths.isEmpty, !FileManager.default.fileExists(atPath: Self.defaultDocuments) {
                throw ValidationError("give the documents to read, for example `scrutiny analyse reports/`; "
                    + "there is no \(Self.defaultDocuments) here")
            }
            try input.requireOneStandardInput([corpus.manifest, report.template])
            // The report is a folder of files: there is nothing to print (session 43's audit: `-o -`
            // made a folder named `-`).
            if destination.output == StandardInput.path {
                throw ValidationError("--output: the report is a folder of files (report.html, report.md and a CSV for each table), "
                    + "so it cannot go to standard output; give a folder name, or use `scrutiny survey` to print the tables")
            }
            try ReportFolder.checkNamed(output)
        }

        func run() async throws {
            let diagnostics = input.diagnostics.collector
            var input = self.input
            if input.paths.isEmpty { input.paths = [Self.defaultDocuments] }
            // The corpus's own manifest goes with the corpus.
            let fallback = self.input.paths.isEmpty && FileManager.default.fileExists(atPath: Self.defaultManifest) ? Self.defaultManifest : nil
            let manifest = try corpus.loadManifest(default: fallback, lexicons: lexicons)
            diagnostics.mark("start-up and lexicons")
            // Held from before the reading to the end: a second run on the same folder is refused at
            // its start, not after both have read everything (session 38's audit: the run that
            // finished last replaced the other's report, and both said theirs was written).
            let folder = try ReportFolder(output)
            let wording = try report.wording(lexicons)   // a wording that cannot be read stops the run before the reading
            let scheme = SchemeLoad(lexicons: lexicons, scheme: themes.scheme)   // read beside the documents (analyseCorpus)
            defer { scheme.settle() }
            let store = try openStore(quoted: quoted, beside: output, options: self.store, lexicons: lexicons, itemOptions: itemOptions, input: input)
            // A run that puts no report in place keeps no store it made.
            var placed = false
            defer { if !placed { store?.discardIfCreatedNow() } }
            let shared = RunLexicons(lexicons, items: itemOptions, quoted: quoted)
            // A template read from standard input is not in the command line the store keys its report by
            // (session 43's audit: a second template was passed over as "nothing changed").
            let read = try analyseCorpus(input, manifest: manifest, lexicons: shared, store: store, reuse: report.template != StandardInput.path,
                                         scheme: scheme)
            diagnostics.mark("read, detect, find, evidence")
            if let kept = read.reused {
                // Nothing changed since the report in the store was written (no file, option, manifest,
                // template, lexicon or build): that report is written again as it was, and its lines said again.
                diagnostics.replay(kept.warnings, failed: kept.failed)
                let target = URL(fileURLWithPath: output).standardizedFileURL.path
                var summary = kept.summary
                if store?.isPlaced(kept.key, in: target) == true {
                    // And the folder holds it as it was put there: nothing to write, and the summary says so.
                    diagnostics.mark("report in place as the store has it")
                    summary = summary.replacingOccurrences(of: Self.writtenTo, with: Self.unchangedAt)
                    folder.abandon()
                } else {
                    do {
                        try store?.writeReportFiles(kept.key, into: URL(fileURLWithPath: folder.staging))
                    } catch {
                        throw runFailure("--output: cannot write the report into \(folder.staging): \(OutputFile.reason(error)); "
                            + "choose a folder you can write to")
                    }
                    try folder.commit()
                    placed = true
                    store?.notePlaced(kept.key, in: target)
                    diagnostics.mark("report written from the store")
                }
                say(summary: summary)
                try diagnostics.finish()
                return
            }
            guard !read.analyses.isEmpty else {
                throw runFailure("no document was read, so nothing was written; \(output) is as it was")
            }
            let run = try SurveyRun(analyses: read.analyses, lexicons: shared, scheme: scheme,
                                    kinds: themes.parsed, notes: read.notes, filesNotRead: read.filesNotRead, jobs: read.jobs)
            diagnostics.mark("profiles, classification, survey")
            // Links are made from the report's own place; the files go to a staging folder beside it
            // and replace the old report only once all are written.
            let settings = try report.settings(wording, documents: read.documents, folder: output, figures: true)
            let staging = folder.staging
            let (survey, csv, profiles, lexicon, items) = (run.survey, csv, run.profiles, run.lexicon, run.items)
            try writeTogether(jobs: read.jobs, [
                { try write(to: "report.html", in: staging) { emit in HTMLReport.render(survey, settings: settings, emit: emit) } },
                {
                    // With --scheme auto, as each era's scheme coded the item (its score and evidence), with the axis columns.
                    let table = run.codings.map { EraCodingTable.csv(items, codings: $0) } ?? ClassificationTable.csv(items)
                    try write(csv.finish(table), to: "items.csv", in: staging)
                },
                { try write(SurveyMarkdown.render(survey, settings: settings), to: "report.md", in: staging) },
                { try write(SurveyJSON.render(survey, wording: settings.wording) + "\n", to: "survey.json", in: staging) },
                { try writeFigures(survey, wording: settings.wording, in: staging) },
                {
                    for file in SurveyCSV.files(survey) { try write(csv.finish(file.contents), to: file.name, in: staging) }
                    try write(csv.finish(ProfileTable.csv(profiles, lexicon: lexicon)), to: "profiles.csv", in: staging)
                },
            ])
            try folder.commit()
            placed = true
            diagnostics.mark("report written")
            let path = URL(fileURLWithPath: output).appendingPathComponent("report.html").standardizedFileURL.path
            func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
            let summary = "\(counted(run.survey.partnerships.count, "partnership")), \(counted(run.survey.fileCount, "document")), "
                + "\(counted(run.items.count, "item"))\(Self.writtenTo)\(path)"
            say(summary: summary)
            if let store, let reportKey = read.reportKey {
                keepReport(in: store, key: reportKey, summary: summary)
                store.notePlaced(reportKey, in: URL(fileURLWithPath: output).standardizedFileURL.path)
            }
            // After the report is kept: a warm run, which says again what this run said, has no store to make.
            if let note = store?.madeNowNote { input.diagnostics.note(note) }
            try diagnostics.finish()
        }

        /// How the summary ends: where the report was written, or, when a warm run found it in
        /// place as written, that it did not change.
        static let writtenTo = "; report written to ", unchangedAt = "; nothing changed since the report was written: "

        /// Where the report went, as a note on standard error (not with `--quiet`): the run's
        /// output is the folder, so standard output stays empty. (A store written before session 18
        /// kept the line as it was printed then, with the program's name and a newline.)
        func say(summary: String) {
            var line = summary.hasPrefix("scrutiny: ") ? String(summary.dropFirst("scrutiny: ".count)) : summary
            while line.hasSuffix("\n") { line.removeLast() }
            input.diagnostics.note(line)
        }

        /// Keeps the report folder just written in the store, for a re-run with nothing changed.
        func keepReport(in store: AnalysisStore, key: String, summary: String) {
            let diagnostics = input.diagnostics.collector
            // The lines said before the summary: a re-run says them again, then its own summary.
            var warnings = diagnostics.said
            if let last = warnings.last, last.hasSuffix(summary) { warnings.removeLast() }
            let failed = diagnostics.failed
            let folder = URL(fileURLWithPath: output).standardizedFileURL
            var files: [String] = []
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                files.append(String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1)))
            }
            do { try store.saveReport(in: folder, files: files, summary: summary, warnings: warnings, failed: failed, key: key) } catch {
                input.diagnostics.note("cannot write the store \(store.path): \(error); the next run writes the report again")
            }
        }
    }
}
