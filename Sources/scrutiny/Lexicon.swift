import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    struct Lexicon: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lexicon",
            abstract: "Check, convert and learn lexicons.",
            discussion: """
                Lexicons are quanteda-style YAML dictionaries (nested categories of any depth, `*` word endings, \
                phrases), with optional weights (`- front door: 2`) and exclusions (`- "!pattern"`). LIWC .dic \
                and WordStat .cat dictionaries are read and written too, as published: categories separated by \
                tabs or spaces, CR, LF or CRLF line endings, UTF-8 (with or without a byte-order mark) or \
                Windows-1252/Latin-1, detected or given with --encoding.

                A term listed in several categories counts in each of them, and so do words that terms of \
                several categories match alike (`safe*` in one, `safeguarding` in another), as in quanteda; a \
                lexicon can change that with `_settings: {count_in_each_category: 0}` (the longest match then \
                counts for its first category only). LIWC instead gives a word to its most exact entry alone.
                """,
            subcommands: [Check.self, Convert.self, Learn.self, ImportCodebook.self]
        )
    }
}

/// `--encoding`: the text encoding of a dictionary file, when detection is not enough.
struct EncodingOption: ParsableArguments {
    @Option(name: .customLong("encoding"), help: ArgumentHelp(
        "Encoding of the dictionary file: utf-8, windows-1252 or latin1, utf-16le, utf-16be (default: detected).",
        valueName: "name"))
    var label: String?

    func validate() throws {
        if let label, TextDecoding.Encoding(label: label) == nil {
            throw ValidationError("--encoding: unknown encoding `\(label)`; use utf-8, windows-1252, latin1, utf-16le or utf-16be")
        }
    }

    var encoding: TextDecoding.Encoding? { label.flatMap(TextDecoding.Encoding.init(label:)) }

    /// Reads a dictionary in any supported format, in this encoding or the detected one.
    func read(_ path: String) throws -> LoadedDictionary {
        try LoadedDictionary.read(path: path, encoding: encoding)
    }
}

/// Writes `text` to `--output` when given, else (or for `-`) to standard output; never over one
/// of the files `reading` names (session 42's audit: `lexicon import-codebook p.qdpx -o p.qdpx`
/// replaced the project with its skeleton).
func writeOrEmit(_ text: String, to output: String?, reading: [String?]) throws {
    guard let output, output != "-" else { return emit(text) }
    try PrintedFile.checkTarget(output, reading: reading)
    do { try OutputFile.write(Data(text.utf8), to: output) } catch {
        throw runFailure("--output: cannot write \(output): \(OutputFile.reason(error))")
    }
}
