import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny.Lexicon {
    struct ImportCodebook: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-codebook",
            abstract: "Start a lexicon from a REFI-QDA codebook (.qdc) or project (.qdpx): the code tree, with no terms yet.",
            discussion: """
                Each code becomes a category, nested as the codes are (a code's sub-codes become its \
                sub-categories), each with an empty list of terms to fill in. Check the result with \
                `scrutiny lexicon check` as you add terms. The codes' GUIDs are kept under `_codes`, \
                so that `scrutiny export` with the lexicon codes into the codebook's own codes.

                Examples:
                  scrutiny lexicon import-codebook my-codes.qdc -o my-scheme.yml
                  scrutiny lexicon import-codebook nvivo-project.qdpx
                """)

        @Argument(help: ArgumentHelp("A REFI-QDA codebook (.qdc) or project (.qdpx); `-` reads standard input.", valueName: "file"))
        var file: String

        @OptionGroup var destination: OutputOption<LexiconFileOutput>
        @OptionGroup var diagnostics: DiagnosticOptions
        var output: String? { destination.output }

        func run() async throws {
            // Said for what it is before it is read (session 37's third audit: a folder was
            // "permission denied", a CSV "damaged or truncated").
            var isFolder: ObjCBool = false
            if file != StandardInput.path, FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
                throw runFailure("\(file) is a folder; give a REFI-QDA codebook (.qdc) or project (.qdpx) file")
            }
            let suffix = (file as NSString).pathExtension.lowercased()
            if file != "-", !["qdc", "qdpx", "xml", "zip"].contains(suffix) {
                throw runFailure("\(file): import-codebook reads REFI-QDA codebooks (.qdc) and projects (.qdpx), "
                    + "as NVivo, ATLAS.ti, MAXQDA and QualCoder export them; a dictionary (.dic, .cat, .yml) is read by --scheme as it is")
            }
            var codes: [QDACode]
            do {
                codes = try QDACodebookReader.read(path: file)
            } catch {
                throw runFailure(error.errorDescription ?? "cannot read \(file)")
            }
            guard !codes.isEmpty else { throw runFailure("\(file) has no codes; nothing to import") }
            // A project scrutiny exported: its themes are the scheme; its kind and form codes are not.
            if let themes = QDACodebook.exportedThemes(codes) {
                codes = themes
                diagnostics.note("\(file) holds the codes `scrutiny export` writes: its theme codes are taken, its kind, form "
                    + "and unclassified codes left out")
            }
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let lexicon = QDACodebook.lexicon(codes, name: name)
            let count = codes.reduce(0) { $0 + $1.all.count }
            // The categories stand as the codes do, parents first: a code renamed to be a lexicon key
            // is said, so that a researcher can map the categories back (session 42's audit).
            let renamed = zip(codes.flatMap(\.all).map(\.name), lexicon.allCategories.map(\.name)).filter { $0 != $1 }
            if !renamed.isEmpty {
                diagnostics.note("\(renamed.count) code\(renamed.count == 1 ? " was" : "s were") renamed to be lexicon keys: "
                    + renamed.prefix(5).map { "'\($0.0)' → '\($0.1)'" }.joined(separator: ", ") + (renamed.count > 5 ? ", …" : ""))
            }
            let header = "# A lexicon skeleton from the \(count) codes of \(file == StandardInput.path ? StandardInput.name : (file as NSString).lastPathComponent), made by `scrutiny lexicon import-codebook`.\n"
                + "# Add terms under each category (`- term`, `- phrase*: 2`), then `scrutiny lexicon check` this file.\n"
            let text = header + LexiconFile.render(lexicon)
            try writeOrEmit(text, to: output, reading: [file])
        }
    }
}
