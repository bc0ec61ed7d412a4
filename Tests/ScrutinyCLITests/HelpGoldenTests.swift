import Foundation
import Testing

/// The `--help` of the root command and of every subcommand, at 80 columns, checked byte for byte
/// against Golden/help/NAME.txt. The subcommands are read from the help itself, so a new one
/// without a golden file fails. A missing golden file, or SCRUTINY_RECORD=1, records it and fails
/// the run (a recording never passes for a test): review the diff and run again.
@Suite struct HelpGoldenTests {
    static let golden = CLI.root.appendingPathComponent("Tests/ScrutinyCLITests/Golden/help")
    static var recording: Bool { ProcessInfo.processInfo.environment["SCRUTINY_RECORD"] == "1" }
    static let columns = 80

    /// The help of a command path (`[]` is the root), as printed at 80 columns.
    static func help(_ command: [String]) throws -> String {
        let result = try CLI.run(command + ["--help"], environment: ["COLUMNS": String(columns)])
        #expect(result.status == 0, "\(command) --help: exit \(result.status), \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(command) --help said on standard error: \(result.stderr)")
        return result.stdout
    }

    /// The names listed under SUBCOMMANDS in a help text (the `help` command left out).
    static func subcommands(in help: String) -> [String] {
        var names: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("SUBCOMMANDS:") { inSection = true; continue }
            guard inSection else { continue }
            // The section ends at its first empty line (then comes "See 'scrutiny help …'").
            if line.isEmpty || !line.hasPrefix(" ") { break }
            // A subcommand's line starts two spaces in; its abstract, when it wraps, further in.
            let trimmed = line.dropFirst(2)
            guard let first = trimmed.first, first != " " else { continue }
            let name = String(trimmed.prefix { $0 != " " })
            if name != "help" { names.append(name) }
        }
        return names
    }

    /// Every command path: the root, its subcommands, and theirs.
    static func commands() throws -> [[String]] {
        var paths: [[String]] = [[]]
        var index = 0
        // scrutiny has two levels (`scrutiny lexicon check`); a third would be a misreading of the help.
        while index < paths.count, paths.count < 100 {
            let path = paths[index]
            if path.count < 2 { paths += subcommands(in: try help(path)).map { path + [$0] } }
            index += 1
        }
        return paths
    }

    static func name(_ command: [String]) -> String { command.isEmpty ? "scrutiny" : command.joined(separator: "-") }

    static func check(_ name: String, _ actual: String) throws {
        let url = golden.appendingPathComponent(name + ".txt")
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if recording || expected == nil {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.path)\(expected == nil ? " (there was none)" : ""); review it and run again without SCRUTINY_RECORD")
            return
        }
        #expect(actual == expected, "\(name) --help differs from \(url.lastPathComponent); if the change is intended, re-record with SCRUTINY_RECORD=1 and review the diff")
    }

    @Test func theRootAndEverySubcommandHaveTheirGoldenHelp() throws {
        let commands = try Self.commands()
        // The root, its ten commands and lexicon's four at least; a command removed leaves its golden file behind.
        #expect(commands.count >= 15, "\(commands)")
        #expect(commands.contains(["lexicon", "learn"]))
        for command in commands { try Self.check(Self.name(command), try Self.help(command)) }
        let files = Set((try FileManager.default.contentsOfDirectory(atPath: Self.golden.path)).filter { $0.hasSuffix(".txt") })
        let expected = Set(commands.map { Self.name($0) + ".txt" })
        #expect(files.subtracting(expected).isEmpty, "golden files of no command: \(files.subtracting(expected).sorted())")
    }

    @Test func everyHelpLineFitsEightyColumnsAndExamplesDoNotWrap() throws {
        for command in try Self.commands() {
            let help = try Self.help(command)
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in lines {
                #expect(line.count <= Self.columns, "\(Self.name(command)): \(line.count) columns: \(line)")
                #expect(!line.hasSuffix(" "), "\(Self.name(command)): trailing space: \(line)")
            }
            for problem in Self.layoutProblems(lines) { Issue.record("\(Self.name(command)): \(problem)") }
        }
    }

    /// The lines of the description (before USAGE) and of its examples that would not copy or read
    /// well: a run of spaces inside a sentence, an example cut in the middle of a command.
    static func layoutProblems(_ lines: [String]) -> [String] {
        var problems: [String] = []
        var inExamples = false
        var previous = ""
        var previousLine = ""
        for line in lines {
            if line.hasPrefix("USAGE:") { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                inExamples = false
            } else if trimmed.hasSuffix("Examples:") {
                inExamples = true
            } else if inExamples {
                // An example is a command (`scrutiny …`, or piped into it); a line that is not one
                // continues the command above only after its ` \`.
                let command = trimmed.hasPrefix("scrutiny ") || trimmed.contains("| scrutiny ")
                if !command, !previous.hasSuffix(" \\") { problems.append("an example wraps mid-command: \(trimmed)") }
            }
            // Indented lists may align their columns with spaces; paragraphs are not indented and
            // hold single spaces only, and an indented line cut by the wrapping goes on at the margin.
            if !line.hasPrefix(" "), line.contains("  ") { problems.append("a run of spaces: \(line)") }
            if !line.hasPrefix(" "), !trimmed.isEmpty, previousLine.hasPrefix(" ") {
                problems.append("an indented line wraps to the margin: \(line)")
            }
            previous = trimmed
            previousLine = line
        }
        return problems
    }

    @Test func theLayoutCheckFindsWhatItLooksFor() {
        let wrapped = ["OVERVIEW: x", "", "  Examples:", "    scrutiny lexicon learn --gold Tests/Gold/real --narrative ../shared/real",
                       "    -o lexicons/wt2018.learned.yml", "", "USAGE: x"]
        #expect(Self.layoutProblems(wrapped).count == 1)
        let continued = ["  Examples:", "    scrutiny lexicon learn --gold a.csv \\", "      -o out.yml", "    pbpaste | scrutiny classify --lines -"]
        #expect(Self.layoutProblems(continued).isEmpty)
        #expect(Self.layoutProblems(["Without documents: for each theme  and sub-theme"]).count == 1)
        #expect(Self.layoutProblems(["  report.html    one self-contained page: a summary first, figures as inline",
                                     "SVG bar charts, every number linked to its evidence"]).count == 1)
        #expect(Self.layoutProblems(["  report.md      the survey as Markdown", "  report.html    one page", "",
                                     "Examples:", "  scrutiny analyse"]).isEmpty)
        #expect(Self.subcommands(in: "SUBCOMMANDS:\n  check   Report.\n          more words\n  learn   Learn.\n  help    Show help.\n\n  See 'scrutiny help'.\n")
            == ["check", "learn"])
    }
}
