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
            the Working Together 2018 themes, profiles each partnership's scrutiny arrangements and builds \
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
        subcommands: [Extract.self, Recommendations.self, Classify.self, Count.self, Evaluate.self, Export.self, Lexicon.self, Profile.self, SurveyCommand.self, Analyse.self]
    )
}

/// The files and folders a subcommand reads, and how to open them.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files or folders to read; `-` reads standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Password for encrypted PDF files (tried only on files that need one).", valueName: "password"))
    var password: String?

    @Flag(help: "Follow symbolic links met while walking folders (by default each is reported and passed by).")
    var followLinks = false

    @Option(name: .customLong("jobs"), help: ArgumentHelp(
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
    }

    var reader: DocumentReader { DocumentReader(options: .init(password: password)) }
}

/// The files the paths name, saying on standard error each thing the folder walk passed by (and
/// when there is nothing to read); `problems` keeps those lines for the report's list of files not
/// read, `failed` whether any of them is a failure.
func listInput(_ input: InputOptions) -> (listing: InputFiles.Listing, failed: Bool, problems: [String]) {
    let listing = InputFiles.list(input.paths, followLinks: input.followLinks)
    var failed = false
    var problems: [String] = []
    for skipped in listing.skipped {
        // A link passed by on purpose is a note; a folder that could not be walked is an error.
        if skipped.isFailure { warn(skipped.message) } else { input.diagnostics.note(skipped.message) }
        problems.append(skipped.message)
        failed = failed || skipped.isFailure
    }
    if listing.files.isEmpty { warn("no supported files found in \(input.paths.joined(separator: ", "))") }
    return (listing, failed, problems)
}

/// Reads every file, reporting on standard error each file that fails and each thing a folder walk
/// passed by; returns the documents read and whether anything failed.
func readAll(_ input: InputOptions) -> (documents: [Document], failed: Bool, problems: [String]) {
    let reader = input.reader
    let listed = listInput(input)
    let listing = listed.listing
    var failed = listed.failed
    var problems = listed.problems
    if listing.files.isEmpty { return ([], true, problems) }
    // Read on up to --jobs threads; what is said about each file is said in the files' order.
    let progress = input.diagnostics.progress(total: listing.files.count)
    let results = Parallel.map(listing.files, jobs: input.jobs) { file -> Result<Document, ReadError> in
        progress?.started(file)
        defer { progress?.finished(file) }
        return Result { () throws(ReadError) -> Document in try reader.read(path: file) }
    }
    progress?.end()
    var documents: [Document] = []
    for (file, result) in zip(listing.files, results) {
        do {
            let document = try result.get()
            if let errors = document.readErrors {
                // Read, but not whole: one line, and the run says something failed.
                let message = "read \(file) with errors: \(errors.joined(separator: "; ")); the text may be incomplete"
                warn(message)
                problems.append(message)
                failed = true
            }
            documents.append(document)
        } catch {
            let message = error.errorDescription ?? "cannot read \(file)"
            warn(message)
            problems.append(message)
            failed = true
        }
    }
    return (documents, failed, problems)
}

/// Reads every file and prepares the documents as every command that finds items sees them: the
/// metadata detected (partnership, document type, date), and a generated version (a PDF made from
/// a text file read in the same run) skipped, with one line saying so, so each document counts once.
func readDocuments(_ input: InputOptions, lexicons: LexiconOptions) throws -> (documents: [Document], failed: Bool) {
    let (documents, failed, _) = readAll(input)
    let selection = CorpusSelection(documents: documents, detector: try lexicons.metadataDetector(), jobs: input.jobs)
    if let note = selection.note { input.diagnostics.note(note) }
    return (selection.documents, failed)
}

/// Every document's items, found on up to `jobs` threads, in the documents' order.
func findItems(in documents: [Document], finder: RecommendationFinder, jobs: Int) -> [Recommendation] {
    Parallel.map(documents, jobs: jobs) { finder.recommendations(in: $0) }.flatMap { $0 }
}

/// A failure while running, not a mistake in the command line: one line on standard error naming
/// the file and the cause, exit status 1, no usage text (usage errors exit 64).
func runFailure(_ message: String) -> ExitCode {
    warn(message)
    return ExitCode(1)
}

/// One line on standard error. Control characters (a newline or an escape sequence in a file
/// name or a document's text) are shown escaped, so a message is always one line and cannot
/// clear or recolour the terminal.
func warn(_ message: String) {
    let line = "scrutiny: " + TerminalText.escaped(message)
    WarningLog.record(line)
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// The lines said on standard error, kept while `analyse` records them (for its store's report).
enum WarningLog {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var lines: [String]?

    static func start() {
        lock.lock()
        lines = []
        lock.unlock()
    }

    static func record(_ line: String) {
        lock.lock()
        lines?.append(line)
        lock.unlock()
    }

    static var recorded: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines ?? []
    }
}

func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
