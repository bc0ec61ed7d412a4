import ArgumentParser
import ScrutinyKit

extension Scrutiny {
    struct Recommendations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recommendations",
            abstract: "List every recommendation, area for improvement, strength and procedural decision.",
            usage: "scrutiny recommendations [<options>] <path> ...",
            discussion: """
                Items are list items and table rows under headings or lead-ins that announce them \
                ("Recommendations", "Areas for improvement", "Strengths", "the following areas were identified \
                as in need of improvement:") and prose sentences that ask for action (should, must, need to, \
                there is a need to, consider, could, may wish to, would benefit from, we suggest, there is \
                scope for ...), graded must / should / could. Quotations of guidance, methodology and scope \
                lists, lists of documents and people, predictions, legal duties and statements of intent are \
                left out. The cue lists live in lexicons/items.yml.

                Fields: id (a hash of the document's words and the item's own words: the same for \
                every format scrutiny reads of the same words, not for another program's conversion), document, partnership, document_type, date, era, kind, form (listed, explicit, \
                narrative), strength (must, should or could: how strongly a recommendation asks), actor \
                (who is asked to act), section (the headings above the item), page, cue (what made it an \
                item) and text; JSON adds locations (every place a merged duplicate stood).

                Examples:
                  scrutiny recommendations report.pdf
                  scrutiny recommendations corpus/documents --format csv -o items.csv
                  scrutiny recommendations reports/ --format jsonl | \\
                    jq -r 'select(.kind=="recommendation") | .text'
                """
        )

        enum Format: String, OutputFormat {
            case table, csv, json, jsonl
            static let standard = Format.table
        }

        @OptionGroup var input: InputOptions
        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var items: ItemOptions
        @OptionGroup var csv: CSVOptions

        @OptionGroup var formatOption: FormatOption<Format>
        @OptionGroup var outputOption: OutputOption<PrintedFileOutput>
        var format: Format { formatOption.format(writing: outputOption.output) }

        @Option(help: ArgumentHelp("Only items of these kinds (comma-separated): recommendation, area_for_improvement, strength, procedural.", valueName: "kinds"))
        var kinds: String?

        func validate() throws {
            try formatOption.checkExtension(of: outputOption.output, command: "recommendations")
            try input.requirePaths()
            try input.requireOneStandardInput([corpus.manifest])
            try csv.requireCSV(format == .csv, formatOption.described(writing: outputOption.output))
            if let kinds {
                for kind in kinds.split(separator: ",") where Recommendation.Kind(spelled: kind) == nil {
                    throw ValidationError("--kinds: unknown kind '\(kind)'; use recommendation, area_for_improvement, strength or procedural")
                }
            }
        }

        func run() async throws {
            let printed = try PrintedFile.open(outputOption.output, reading: input.paths + [corpus.manifest], within: [lexicons.folderPath])
            defer { printed?.finish(input.diagnostics) }
            let finder = try lexicons.finder(items)
            let wanted = kinds.map { Set($0.split(separator: ",").compactMap { Recommendation.Kind(spelled: $0) }) }
            let manifest = try corpus.loadManifest(lexicons: lexicons)
            let read = try readItems(input, lexicons: lexicons, finder: finder, manifest: manifest, hintLists: true)
            printed?.keepEarlierFile(ifNothingRead: read.documents.isEmpty)
            let items = read.items.filter { wanted?.contains($0.kind) ?? true }
            // Nothing read: the table a person reads says nothing (the lines on standard error do);
            // the machine formats keep their shape (a header, an empty list).
            if read.documents.isEmpty, format == .table { try input.diagnostics.collector.finish() }
            switch format {
            case .json: emit(JSONOutput.render(items) + "\n")
            case .jsonl: JSONOutput.writeLines(items, jobs: input.jobs, to: emit)
            case .csv: emit(csv.finish(RecommendationTable.csv(items)))
            case .table: emit(RecommendationTable.markdown(items))
            }
            try input.diagnostics.collector.finish()
        }
    }
}
