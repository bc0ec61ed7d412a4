import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny.Lexicon {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report malformed patterns, duplicate or shadowed terms and empty categories, with line numbers; "
                + "read the rule files of a lexicons folder as the other commands do.",
            usage: "scrutiny lexicon check [<options>] <file> ...",
            discussion: """
                Names the format and encoding each file was read in. Exit status 1 when a file cannot be read \
                or has an error; warnings (duplicates, shadowed terms, empty categories) fail only with --strict.

                A folder stands for the schemes and dictionaries in it and its rule files (items.yml, \
                documents.yml, arrangements.yml, inspections.yml, eras.yml, report.yml and the scheme mapping), \
                which are read as every command reads them: a mistake, or a key the file has no use for \
                (a misspelt `pasive_adverbs:` would be passed over), is named with its line.

                Examples:
                  scrutiny lexicon check lexicons
                  scrutiny lexicon check lexicons/wt2018.yml
                  scrutiny lexicon check --strict my-lexicon.yml
                  scrutiny lexicon check --encoding latin1 old-dictionary.dic
                """)

        @Argument(help: ArgumentHelp("Dictionary files (.yml, .yaml, .dic or .cat), rule files (items.yml, …) or a lexicons folder; `-` reads standard input.",
                                     valueName: "file"))
        var files: [String]

        @OptionGroup var encoding: EncodingOption

        @Flag(help: "Fail (exit status 1) on warnings too.")
        var strict = false

        @OptionGroup var diagnostics: DiagnosticOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give a lexicon file to check, for example lexicons/wt2018.yml") }
            let dashes = files.filter { $0 == StandardInput.path }.count
            if dashes > 1 {
                throw ValidationError("`-` (standard input) is given \(dashes) times; it can be read once, so give it for one input at most")
            }
        }

        /// The files given, a folder standing for the lexicons in it: its schemes (`wt2018.yml`, …),
        /// their learned layers, and any LIWC `.dic` or WordStat `.cat` (its rule files, such as
        /// items.yml, are no lexicons).
        static func lexiconFiles(_ paths: [String]) -> [String] {
            paths.flatMap { path -> [String] in
                var isFolder: ObjCBool = false
                // `-` is standard input, even where the folder the run starts in holds a file named so.
                guard path != StandardInput.path, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                    return [path]
                }
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                let schemes = Set(ThemeScheme.builtIn.flatMap { [$0 + ".yml", $0 + ".learned.yml"] })
                return names.filter { schemes.contains($0) || $0.hasSuffix(".dic") || $0.hasSuffix(".cat") }
                    .map { (path as NSString).appendingPathComponent($0) }
            }
        }

        func run() async throws {
            let collector = diagnostics.collector
            // A folder with nothing to check is said, not passed (session 43's audit: exit 0, no output).
            for path in files where path != StandardInput.path && Self.lexiconFiles([path]).isEmpty && Self.ruleFiles([path]).isEmpty {
                collector.problem("\(path): no lexicon (.yml, .dic, .cat) or rule file (items.yml, …) in this folder; nothing was checked")
            }
            for file in Self.lexiconFiles(files) where RuleFile(path: file) == nil {
                do {
                    let loaded = try encoding.read(file)
                    let lexicon = loaded.lexicon
                    let problems = LexiconChecker.check(lexicon)
                    for problem in problems {
                        emit("\(file):\(problem.line.map(String.init) ?? "-"): \(problem.severity.rawValue): \(problem.message)\n")
                    }
                    let terms = lexicon.allCategories.reduce(0) { $0 + $1.terms.count }
                    let depth = lexicon.allCategories.map { $0.path.split(separator: ".").count }.max() ?? 0
                    emit("\(file): \(loaded.format.label) (\(loaded.encoding.label)), \(lexicon.allCategories.count) categor\(lexicon.allCategories.count == 1 ? "y" : "ies") "
                        + "in \(depth) level\(depth == 1 ? "" : "s"), \(terms) term\(terms == 1 ? "" : "s"), \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
                    let errors = problems.contains { $0.severity == .error }
                    if errors || (strict && !problems.isEmpty) { collector.markFailed() }
                } catch let error as LexiconError {
                    collector.problem(error.errorDescription ?? "cannot read \(file)")
                }
            }
            for rule in Self.ruleFiles(files) {
                do {
                    try rule.read()
                    // An entry written twice in one list: a warning, as a lexicon's duplicate term is.
                    let text = rule.path.hasSuffix(".yml") ? (try? String(contentsOfFile: rule.path, encoding: .utf8)) ?? "" : ""
                    let repeated = RepeatedListEntry.find(in: text)
                    for entry in repeated {
                        emit("\(rule.path):\(entry.line.map(String.init) ?? "-"): warning: `\(entry.entry)` is written twice in \(entry.path)\n")
                    }
                    emit("\(rule.path): \(rule.role), read as every command reads it, \(repeated.count) problem\(repeated.count == 1 ? "" : "s")\n")
                    if strict, !repeated.isEmpty { collector.markFailed() }
                } catch let error as LexiconError {
                    collector.problem(error.errorDescription ?? "cannot read \(rule.path)")
                }
            }
            try collector.finish()
        }
    }
}

extension Scrutiny.Lexicon.Check {
    /// The rule files given, a folder standing for those in it.
    static func ruleFiles(_ paths: [String]) -> [RuleFile] {
        paths.flatMap { path -> [RuleFile] in
            var isFolder: ObjCBool = false
            guard path != StandardInput.path, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                return RuleFile(path: path).map { [$0] } ?? []
            }
            return RuleFile.names.map { (path as NSString).appendingPathComponent($0) }
                .filter { FileManager.default.fileExists(atPath: $0) }
                .compactMap(RuleFile.init(path:))
        }
    }

    /// A rule file of a lexicons folder, known by its name, and read by the loader the commands
    /// use (with the folder's other files where it needs them: the document types of documents.yml).
    struct RuleFile {
        static let names = ["items.yml", "documents.yml", "arrangements.yml", "inspections.yml", "eras.yml", "report.yml",
                            "wt2018-wt2023-mapping.csv"]
        let path: String
        let role: String
        let read: () throws -> Void

        init?(path: String) {
            let url = URL(fileURLWithPath: path)
            guard path != StandardInput.path, Self.names.contains(url.lastPathComponent) else { return nil }
            let folder = LexiconDirectory(url: url.deletingLastPathComponent())
            self.path = path
            switch url.lastPathComponent {
            case "items.yml": (role, read) = ("the rules for finding items", { _ = try ItemRules(contentsOf: URL(fileURLWithPath: path)) })
            case "documents.yml": (role, read) = ("the document cues", { _ = try folder.metadataRules() })
            case "arrangements.yml": (role, read) = ("the arrangement indicators", {
                _ = try folder.arrangementLexicon()
                _ = try folder.quotedPartnerships()
            })
            case "inspections.yml": (role, read) = ("the inspection cues", { _ = try folder.inspectionLexicon(types: folder.documentTypes()) })
            case "eras.yml": (role, read) = ("the era cues", { _ = try folder.eraRules() })
            case "report.yml": (role, read) = ("the report's wording", { _ = try folder.reportWording() })
            case "wt2018-wt2023-mapping.csv": (role, read) = ("the mapping between the schemes", { _ = try folder.schemeMapping() })
            default: return nil
            }
        }
    }
}
