import ArgumentParser
import Foundation
import ScrutinyKit

/// The values of one command's `--format`. Each command names its own formats in an enum; the
/// option itself is declared once, in ``FormatOption``. The human format is `table` in every
/// command that prints tables (`extract` prints text, so its human format is `text`).
protocol OutputFormat: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {
    /// The format printed when `--format` is not given.
    static var standard: Self { get }
    /// Older names still accepted, for scripts written before the formats were renamed; not shown
    /// in the help (`text` and `markdown` for `table`).
    static var aliases: [String: Self] { get }
}

extension OutputFormat {
    static var aliases: [String: Self] { [:] }

    init?(argument: String) {
        guard let format = Self(rawValue: argument) ?? Self.aliases[argument] else { return nil }
        self = format
    }
}

/// `-f/--format`: what a command prints, in the values its `Format` enum names.
struct FormatOption<Format: OutputFormat>: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("format")],
            help: ArgumentHelp("Output format (default: \(Format.standard.rawValue)).", valueName: "format"))
    var chosen: Format?

    /// The format given, else the default.
    var format: Format { chosen ?? .standard }

    /// The format as the user chose it, for messages: "--format json", "json (named by -o
    /// items.json)" or "table (the default)".
    func described(writing file: String?) -> String {
        if let chosen { return "--format \(chosen.rawValue)" }
        let format = format(writing: file)
        if let file, format != .standard { return "\(format.rawValue) (named by -o \(file))" }
        return "\(format.rawValue) (the default format)"
    }

    /// Extensions that name a data format: a file so named must hold it.
    static var dataExtensions: Set<String> {
        ["csv", "tsv", "json", "jsonl", "ndjson", "html", "htm", "xml", "xlsx", "xls", "ods", "pdf", "docx", "odt", "qdpx", "zip"]
    }

    /// Refuses `-o FILE` whose extension names a data format this command does not write
    /// (`evaluate -o scores.csv`, `extract -o text.csv`), unless `--format` chose one: the file
    /// would hold a table or text where whatever reads it expects that format (session 38's audit).
    func checkExtension(of file: String?, command: String) throws {
        guard chosen == nil, let file, file != StandardInput.path else { return }
        let ext = (file as NSString).pathExtension.lowercased()
        guard Self.dataExtensions.contains(ext), Format(argument: ext) == nil else { return }
        let formats = Format.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("-o \(file): \(command) writes no .\(ext) (its formats: \(formats)); name the file for one of them, "
            + "or give --format to write that format under this name")
    }

    /// The format given, else the one the extension of the file written names (`-o items.csv`:
    /// csv), else the default (.md, .txt and any other extension: the human format). Session 32's
    /// audit: `-o items.csv` without `--format` wrote a Markdown table into it.
    func format(writing file: String?) -> Format {
        if let chosen { return chosen }
        guard let file, file != StandardInput.path else { return .standard }
        return Format(argument: (file as NSString).pathExtension.lowercased()) ?? .standard
    }
}

/// What `-o/--output` names in one command: its help and its value's name.
protocol OutputDestination {
    static var help: String { get }
    static var valueName: String { get }
}

/// `-o/--output`: where a command writes its files. Declared once, here; each command says what it
/// names (``OutputDestination``) and applies its own default.
struct OutputOption<Destination: OutputDestination>: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(Destination.help, valueName: Destination.valueName))
    var output: String?
}

/// `survey`: the report's folder, instead of printing.
enum SurveyFolderOutput: OutputDestination {
    static let help = "Write the report and one CSV file per table to this folder instead of printing the chosen format."
    static let valueName = "dir"
}

/// `analyse`: the report's folder.
enum ReportFolderOutput: OutputDestination {
    static let help = "Folder to write the report and one CSV file per table to (default: report)."
    static let valueName = "dir"
}

/// `export`: the REFI-QDA project file.
enum ProjectFileOutput: OutputDestination {
    static let help = "The project file to write; its name must end in .qdpx (default: scrutiny.qdpx)."
    static let valueName = "file.qdpx"
}

/// Commands that print (`recommendations`, `classify`, `extract`, `count`, `profile`,
/// `evaluate`): a file for what they print, as `> file` would take it.
enum PrintedFileOutput: OutputDestination {
    static let help = "Write what is printed to this file instead of standard output (- or no file given: standard output); "
        + "the file is replaced when the run ends, and left alone when no document was read. Without --format, "
        + "the format its extension names (items.csv: csv; .json, .jsonl), of those the command writes; "
        + "another extension of a format it does not write is refused."
    static let valueName = "file"
}

/// `lexicon learn`, `lexicon import-codebook`, `lexicon convert`: the lexicon written.
enum LexiconFileOutput: OutputDestination {
    static let help = "The lexicon file to write (- or no file given: standard output)."
    static let valueName = "file"
}

/// `-q/--quiet`, and the lines every command says on standard error. Notes and warnings (a version
/// left out, a link passed by, where a report was written) are said unless `--quiet`; the one-line
/// error of a file that failed is always said, and `--quiet` never changes the exit status.
struct DiagnosticOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Say nothing on standard error but the one-line errors of files or outputs that failed; no progress line.")
    var quiet = false

    /// The run's collector, made with the options and shared by every copy of them (not an option).
    let collector = Diagnostics()

    private enum CodingKeys: String, CodingKey { case quiet }

    /// A note or a warning: one line on standard error unless `--quiet`.
    func note(_ message: String) {
        collector.note(message, quiet: quiet)
    }

    /// The file `path` read as `document`: its reading errors said as a problem (``Diagnostics/read(_:from:)``),
    /// and a note when it holds another format than its name says (a web page saved as `.pdf`).
    func read(_ document: Document, from path: String) {
        collector.read(document, from: path)
        if let misnamed = document.format.misnamedNote(path: path) { note(misnamed) }
    }

    /// The progress line for a run over `total` documents, when it is shown (``ProgressDisplay``).
    func progress(total: Int) -> ProgressDisplay? {
        quiet ? nil : ProgressDisplay(total: total)
    }
}
