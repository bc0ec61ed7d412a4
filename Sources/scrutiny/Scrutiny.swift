import ArgumentParser
import Foundation
import ScrutinyKit

@main
struct Scrutiny: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrutiny",
        abstract: "Turn the documents that scrutinise Local Safeguarding Children Partnerships into evidence.",
        discussion: """
            Reads scrutineers' reports, inspection letters, committee papers, annual reports and reviews \
            (PDF, HTML, DOCX, ODT, text or Markdown), finds their recommendations, classifies them against \
            the Working Together 2018 or 2023 themes, profiles each partnership's scrutiny arrangements and builds \
            cross-partnership tables.

            Every subcommand takes files and folders (folders are searched for supported files; `-` \
            reads standard input). A file that cannot be read is reported in one line on standard error; \
            the others are still processed and the exit status is 1. -q/--quiet keeps notes and warnings \
            off standard error, never those errors. A run over more than five documents shows its \
            progress on standard error when that is a terminal.

            Exit status: 0 when every file was read and every output written; 1 when a file could not \
            be read or an output written (one line on standard error each); 64 for a mistake in the \
            command line (with the usage); 128 + the signal's number when stopped by a signal (130 for \
            Ctrl-C), the report folder left as it was.
            """,
        version: "scrutiny 0.7.0",
        subcommands: [Extract.self, Recommendations.self, Classify.self, Count.self, Evaluate.self, Agree.self, Export.self, Lexicon.self, Profile.self, SurveyCommand.self, Analyse.self, ReadWorker.self]
    )

    /// Runs the command the arguments name and owns the exit status: a ``RunFailure`` is said in one
    /// line and ends the run with status 1, without the usage text; everything else (usage errors,
    /// `--help`, `--version`, an exit status a command chose) as the argument parser does it.
    static func main() async {
        StandardStreams.holdClosedStreams()
        if let (message, path) = unknownCommand(Array(CommandLine.arguments.dropFirst())) {
            // A mistyped command name: the parser would blame its options or paths instead.
            StandardStreams.err("Error: \(TerminalText.escaped(message))\nSee '\(path) --help' for more information.\n")
            exit(withError: ExitCode.validationFailure)
        }
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as RunFailure {
            sayError(failure.message)
            exit(withError: ExitCode.failure)
        } catch {
            // `--help` and `--version` are written as every output is, so that one that cannot be
            // written is said and fails (session 43's audit: `--version >/dev/full` exited 0).
            if exitCode(for: error) == .success {
                let message = fullMessage(for: error)
                if !message.isEmpty { StandardStreams.out(message + "\n") }
                exit(withError: ExitCode.success)
            }
            exit(withError: error)
        }
    }
}

extension Scrutiny {
    /// An argument in a command's place that names no command ("clasify", "lexicon chek"), with the
    /// command it is nearest to; nil when the arguments name commands down to an option, a path or
    /// the end. `path` is the command whose commands were expected ("scrutiny lexicon").
    static func unknownCommand(_ arguments: [String]) -> (message: String, path: String)? {
        // `scrutiny help NAME …` names commands too (session 43's audit: `help nosuch` printed the
        // help and exited 0).
        if arguments.first == "help" { return unknownCommand(Array(arguments.dropFirst())) }
        var command: any ParsableCommand.Type = Scrutiny.self
        var path = [configuration.commandName ?? "scrutiny"]
        for argument in arguments {
            let all = command.configuration.subcommands
            guard !all.isEmpty, !argument.hasPrefix("-") else { return nil }
            if let next = all.first(where: { $0._commandName == argument }) {
                command = next
                path.append(argument)
                continue
            }
            guard argument != "help" else { return nil }
            let subcommands = all.filter { $0.configuration.shouldDisplay }
            let nearest = argument.nearest(among: subcommands.map { $0._commandName })
            let hint = nearest.map { " Did you mean '\($0)'?" } ?? ""
            let names = subcommands.map { $0._commandName }.joined(separator: ", ")
            let parent = path.joined(separator: " ")
            return ("'\(argument)' is not a \(parent) command.\(hint) The commands: \(names).", parent)
        }
        return nil
    }
}

/// The files and folders a subcommand reads, and how to open them.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files or folders to read; `-` reads standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Password for encrypted PDF files (tried only on files that need one).", valueName: "password"))
    var password: String?

    @Flag(help: "Follow symbolic links met while walking folders (by default each is reported and passed by).")
    var followLinks = false

    // Read unconditionally, so that `--jobs -3` is a number refused by `validate()`, not "Missing value".
    @Option(name: .customLong("jobs"), parsing: .unconditional, help: ArgumentHelp(
        "Documents read and analysed at once (default: the number of cores); the output is the same whatever the number.",
        valueName: "n"))
    var jobsOption: Int?

    /// `--jobs`, or the number of cores (not the option's default, so the help is the same on every machine).
    var jobs: Int { jobsOption ?? Parallel.cores }

    @OptionGroup var diagnostics: DiagnosticOptions

    /// Commands that read documents call this from their own `validate()`.
    func requirePaths() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder, for example `corpus/documents`") }
    }

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs: give 1 or more documents to read at once (\(jobs) given)") }
        try requireOneStandardInput()
    }

    /// Standard input can be read once: `-` may name one input of a command at most, among its paths
    /// and the files its options read (`others`: `--manifest`, `--gold`, `--scheme`).
    func requireOneStandardInput(_ others: [String?] = []) throws {
        let count = (paths + others.compactMap { $0 }).filter { $0 == StandardInput.path }.count
        if count > 1 {
            throw ValidationError("`-` (standard input) is given \(count) times; it can be read once, so give it for one input at most")
        }
    }

    /// The reader for a run over `files`: PDFs are read in helper processes, one per job, when
    /// more than one job and more than one file ask for it (``PDFWorkerPool``).
    func reader(for files: [String]) -> DocumentReader {
        DocumentReader(options: .init(password: password, pdf: PDFWorkerPool.forRun(jobs: jobs, files: files.count)))
    }
}

/// The files the paths name, saying on standard error each thing the folder walk passed by (and
/// when there is nothing to read). The run's collector keeps those lines for the report's list of
/// files not read; a folder that could not be walked fails the run, a link passed by on purpose is a note.
func listInput(_ input: InputOptions) -> InputFiles.Listing {
    let listing = InputFiles.list(input.paths, followLinks: input.followLinks)
    let diagnostics = input.diagnostics
    for skipped in listing.skipped {
        if skipped.isFailure {
            diagnostics.collector.problem(skipped.message)
        } else {
            diagnostics.collector.note(skipped.message, quiet: diagnostics.quiet, keep: true)
        }
    }
    for name in unquotedNames(input.paths) {
        diagnostics.collector.note("\(ShellQuoting.quoted(name)) is a file: a name with spaces goes in quotes, or the shell gives its words "
            + "as names of their own", quiet: false, keep: true)
    }
    if listing.files.isEmpty { diagnostics.collector.failure("no supported files found in \(input.paths.joined(separator: ", "))") }
    return listing
}

/// Files named by runs of arguments that name nothing on their own: a name with spaces typed
/// without quotes ("My Recommendations March 2025.docx" as four arguments; session 45's audit
/// met four "no such file" lines and no word of quotes).
func unquotedNames(_ paths: [String]) -> [String] {
    let exists = paths.map { $0 == "-" || FileManager.default.fileExists(atPath: $0) }
    var names: [String] = []
    var start = 0
    while start < paths.count {
        guard !exists[start] else { start += 1; continue }
        var found: Int?
        var end = start + 1
        while end < paths.count, !exists[end] {
            if FileManager.default.fileExists(atPath: paths[start...end].joined(separator: " ")) { found = end }
            end += 1
        }
        if let found {
            names.append(paths[start...found].joined(separator: " "))
            start = found + 1
        } else {
            start += 1
        }
    }
    return names
}

/// Reads every file on up to `--jobs` threads; each file that fails or is read with errors is said
/// in one line, in the files' order, and kept by the run's collector. Returns the documents read.
func readAll(_ input: InputOptions) -> [Document] {
    let listing = listInput(input)
    if listing.files.isEmpty { return [] }
    let reader = input.reader(for: listing.files)
    return readFiles(input, listing, document: { $0 }, read: { _, file, name throws(ReadError) -> Document in
        var document = try reader.read(path: file)
        document.name = name
        return document
    }).compactMap { try? $0.get() }
}

/// Reads every file and prepares the documents as every command that finds items sees them: the
/// metadata detected (partnership, document type, date) and then the manifest's, and a generated version (a PDF made from
/// a text file read in the same run) skipped, with one line saying so, so each document counts once.
func readDocuments(_ input: InputOptions, lexicons: LexiconOptions, manifest: Manifest? = nil) throws -> [Document] {
    let documents = readAll(input)
    let selection = CorpusSelection(documents: documents, manifest: manifest, detector: try lexicons.metadataDetector(), jobs: input.jobs)
    for note in selection.notes { input.diagnostics.note(note) }
    return selection.documents
}

/// Reads every file, prepares the documents as ``readDocuments(_:lexicons:)`` does, and finds
/// their items, one document a thread on up to `--jobs` threads. The finder reads the prepared
/// document: its type decides which narrative cues judge (`narrative.weak` in items.yml). The
/// same documents and items, in the same order, as ``readDocuments(_:lexicons:)`` and then the
/// finder on each document.
/// `hintLists`: say of a text file that reads as a list saved one item a line, of whose lines few
/// were found as items, that `classify --lines` reads such a list (``listHint(_:items:)``).
func readItems(_ input: InputOptions, lexicons: LexiconOptions, finder: RecommendationFinder, manifest: Manifest? = nil,
               hintLists: Bool = false) throws -> (documents: [Document], items: [Recommendation]) {
    let read = readAll(input)
    let detector = try lexicons.metadataDetector()
    let words = Parallel.map(read, jobs: input.jobs, CorpusSelection.words)
    // Versions are chosen from the words alone, before any metadata is detected, as
    // `CorpusSelection(documents:detector:jobs:)` chooses them; this initialiser detects nothing.
    let selection = CorpusSelection(prepared: read, manifest: manifest, contentKeys: words.map { $0?.key }, sketches: words.map { $0?.sketch })
    for note in selection.notes { input.diagnostics.note(note) }
    let done = Parallel.map(selection.documents, jobs: input.jobs) { raw -> (Document, [Recommendation]) in
        let document = CorpusSelection.prepared(raw, manifest: manifest, detector: detector)
        // The finder gives each item its document's metadata.
        return (document, finder.recommendations(in: document))
    }
    if hintLists {
        for (document, items) in done { if let hint = listHint(document, items: items.count) { input.diagnostics.note(hint) } }
    }
    return (done.map(\.0), RecommendationFinder.distinctIDs(done.flatMap(\.1)))
}

/// A text or Markdown file with a heading at most, whose blocks are four or more short lines,
/// fewer than half of them found as items: a list saved one item a line ("Review the neglect strategy", "Police to attend
/// …"), which a document's rules read as prose (session 45's second re-audit: 0 items of 6, and
/// no word of `--lines`).
func listHint(_ document: Document, items: Int) -> String? {
    // A report has headings; a list saved as text one or none.
    guard [.text, .markdown].contains(document.format), document.blocks.filter({ $0.kind == .heading }).count <= 1 else { return nil }
    let lines = document.blocks.filter { $0.kind == .paragraph || $0.kind == .listItem }
    guard lines.count >= 4, items * 2 < lines.count,
          lines.filter({ $0.text.split(separator: " ").count <= 30 }).count * 10 >= lines.count * 8 else { return nil }
    return "\(document.name): \(items) of its \(lines.count) lines found as items; a list saved one item to a line is read "
        + "line by line with: scrutiny classify --lines \(ShellQuoting.quoted(document.source))"
}

func emit(_ text: String) {
    StandardStreams.out(text)
}
