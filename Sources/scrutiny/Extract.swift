import ArgumentParser
import ScrutinyKit

extension Scrutiny {
    struct Extract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the cleaned blocks of each document.",
            usage: "scrutiny extract [<options>] <path> ...",
            discussion: """
                `text` prints headings as Markdown headings, list items with their marker or number and table \
                rows between bars, each document after a `==> file <==` line. `json` prints an array of \
                documents, each with its metadata (title, partnership, document type, date and era, as \
                every other command detects them) and a `blocks` array (kind, text, page, and level, marker, \
                ordinal, depth or cells where they apply; `range` locates the text in the document's \
                normalised text, in Unicode scalars).

                Examples:
                  scrutiny extract report.pdf
                  scrutiny extract corpus/documents --format json > blocks.json
                """
        )

        enum Format: String, OutputFormat {
            case text, json
            static let standard = Format.text
        }

        @OptionGroup var input: InputOptions

        @OptionGroup var lexicons: LexiconOptions

        @OptionGroup var formatOption: FormatOption<Format>
        @OptionGroup var outputOption: OutputOption<PrintedFileOutput>
        var format: Format { formatOption.format(writing: outputOption.output) }

        func validate() throws {
            try formatOption.checkExtension(of: outputOption.output, command: "extract")
            try input.requirePaths()
        }

        func run() async throws {
            let printed = try PrintedFile.open(outputOption.output, reading: input.paths, within: [lexicons.folderPath])
            defer { printed?.finish(input.diagnostics) }
            let documents = readAll(input)
            printed?.keepEarlierFile(ifNothingRead: documents.isEmpty)
            switch format {
            case .json:
                emit(JSONOutput.render(detected(documents)) + "\n")
            case .text:
                for (index, document) in documents.enumerated() {
                    emit((index > 0 ? "\n" : "") + "==> \(TerminalText.escaped(document.source)) <==\n" + DocumentText.render(document))
                }
            }
            try input.diagnostics.collector.finish()
        }

        /// The documents with their metadata detected as every other command detects it (session 30:
        /// `extract` gave only the file's own, so a page's title was "Skip to content" and it had
        /// no partnership). Without a lexicons folder, the file's own, said once.
        func detected(_ documents: [Document]) -> [Document] {
            guard !documents.isEmpty else { return documents }
            do {
                let detector = try lexicons.metadataDetector()
                return documents.map { CorpusSelection.prepared($0, manifest: nil, detector: detector) }
            } catch {
                // A lexicons folder missing, or its documents.yml unreadable: said, and the blocks still printed.
                let cause = (error as? RunFailure)?.message ?? "\(error)"
                input.diagnostics.note("--format json: metadata as the files give it, none detected (\(cause))")
                return documents
            }
        }
    }
}
