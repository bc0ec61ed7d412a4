import ArgumentParser
import ScrutinyKit

extension Scrutiny {
    struct Profile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Profile each partnership's scrutiny arrangements: who scrutinises, how, and what.",
            usage: "scrutiny profile [<options>] <path> ...\nscrutiny profile --gold <dir> [<options>] <path> ...",
            discussion: """
                Documents are grouped by partnership (found in their text: "X Safeguarding Children \
                Partnership", its acronym as the document defines it, the council, an inspection letter's \
                area; or named by --manifest). Every indicator of lexicons/arrangements.yml is yes, no \
                (stated explicitly: "does not have an independent chair") or not_stated, with the \
                sentences behind it; who.scrutineer_count is a number. When documents disagree, the \
                latest decides.

                `table` prints indicators against partnerships, then the sentence behind each value. \
                `csv` has one row per partnership and indicator (partnership,indicator,value,document,\
                evidence), the format of corpus/arrangements.csv, then the evidence's page. `json` is an array of partnerships, each \
                with `partnership`, `documents` and `indicators`, an object keyed by indicator id whose \
                values carry `value` and `evidence` (document, value, text, cue, section, page, range, placement).

                With --gold DIR (a folder with indicators.csv and heldout.txt, as Tests/Gold/profiles), the \
                profiles are measured against the hand coding instead of printed: each coded partnership is \
                profiled from the documents its rows name (from a document quoting many partnerships, the \
                passages that quote it), and the accuracy over every partnership × indicator cell (uncoded \
                cells are not_stated) is printed for the held-back partnerships and the rest separately, each \
                with its 95% interval (partnerships drawn again with replacement), with the rest's \
                disagreements (--show N). Held-back disagreements are listed only with --show-heldout.

                Examples:
                  scrutiny profile corpus/documents --manifest corpus/manifest.csv
                  scrutiny profile --gold Tests/Gold/profiles ../shared/seeds ../shared/real
                  scrutiny profile reports/ --format csv > profiles.csv
                  scrutiny profile reports/ --format json | \\
                    jq '.[] | {partnership, chair: .indicators["who.independent_chair"].value}'
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
        @OptionGroup var quoted: QuotedOption

        @OptionGroup var formatOption: FormatOption<Format>
        @OptionGroup var outputOption: OutputOption<PrintedFileOutput>
        var format: Format { formatOption.format(writing: outputOption.output) }

        @Option(help: ArgumentHelp("Measure against a hand coding of profiles: a folder with indicators.csv and heldout.txt.",
                                   valueName: "dir"))
        var gold: String?

        @OptionGroup var showOption: ShowOption
        /// With --gold: the disagreements of the partnerships not held back listed.
        var show: Int { showOption.show ?? 40 }

        @Flag(help: "With --gold: list the held-back partnerships' disagreements too (not while tuning).")
        var showHeldout = false

        func validate() throws {
            try formatOption.checkExtension(of: outputOption.output, command: "profile")
            try input.requirePaths()
            try input.requireOneStandardInput([corpus.manifest])
            try csv.requireCSV(format == .csv, formatOption.described(writing: outputOption.output))
            if gold != nil, format != .table {
                throw ValidationError("--gold prints its figures as text; \(formatOption.described(writing: outputOption.output)) "
                    + "is for the profiles themselves (leave out --gold)")
            }
            if gold == nil, showOption.show != nil || showHeldout {
                throw ValidationError("\(showHeldout ? "--show-heldout" : "--show") lists disagreements with a hand coding: give --gold DIR")
            }
        }

        func run() async throws {
            let printed = try PrintedFile.open(outputOption.output, reading: input.paths + [corpus.manifest, gold], within: [gold, lexicons.folderPath])
            defer { printed?.finish(input.diagnostics) }
            let lexicon = try lexicons.arrangementLexicon()
            let detector = try lexicons.metadataDetector()
            let manifest = try corpus.loadManifest(lexicons: lexicons)
            let quotes = try quoted.quotes(try lexicons.locate())
            let read = readCorpus(input, manifest: manifest, detector: detector, quotes: quotes)
            printed?.keepEarlierFile(ifNothingRead: read.documents.isEmpty)
            // Nothing read: the table a person reads says nothing, as in `recommendations` (the
            // lines on standard error do); the machine formats keep their shape.
            if read.documents.isEmpty, format == .table { try input.diagnostics.collector.finish() }
            let profiler = ArrangementProfiler(lexicon: lexicon, inspections: detector.rules.inspections, quotes: quotes)
            if let gold {
                let coding: ProfileGold
                do { coding = try ProfileGold(path: gold) } catch { throw runFailure("--gold: " + (error.errorDescription ?? gold)) }
                let profiles = coding.profiles(documents: read.documents, profiler: profiler, quotes: quotes)
                // Partnerships whose documents were not read are left out of the figures, and said to be
                // (session 38's audit: a wrong folder scored 0.854, every cell not_stated, without a word).
                let unread = coding.unread(profiles)
                if profiles.isEmpty {
                    throw runFailure("--gold: none of the documents the coding names was read, so nothing was measured; "
                        + "name the folders that hold them (the `document` column of \(gold))")
                }
                if !unread.isEmpty {
                    input.diagnostics.note("--gold: \(unread.count) of \(coding.partnerships.count) coded partnerships left out of the figures: "
                        + "none of the documents their rows name was read in this run")
                }
                emit(ProfileGoldReport.text(coding, profiles: profiles, lexicon: lexicon, show: show, showHeldOut: showHeldout))
                try input.diagnostics.collector.finish()
                return
            }
            let profiles = profiler.profiles(of: read.documents, jobs: read.jobs)
            switch format {
            case .json: emit(JSONOutput.render(ProfileTable.complete(profiles, lexicon: lexicon)) + "\n")
            case .csv: emit(csv.finish(ProfileTable.csv(profiles, lexicon: lexicon)))
            case .table: emit(ProfileTable.markdown(profiles, lexicon: lexicon, inspections: detector.rules.inspections))
            }
            try input.diagnostics.collector.finish()
        }
    }
}
