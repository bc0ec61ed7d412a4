import Foundation
import Testing

/// The progress line of a long run: on a terminal only, for runs of more than a few documents,
/// never with `-q`, and cleared before anything else is said.
@Suite struct ProgressLineTests {
    /// Standard error is a pipe here, as in any script: not one progress line, however many documents.
    @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
        for command in [["recommendations", "--format", "csv"], ["profile", "--format", "csv"]] {
            let result = try CLI.run(command + ["corpus/documents"])
            #expect(result.status == 0)
            #expect(!result.stderr.contains("\r"))
            #expect(!Self.showsProgress(result.stderr), "\(result.stderr)")
            #expect(!result.stderr.contains("reading corpus/"), "\(result.stderr)")
        }
    }

    static var scriptExists: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/script") }

    /// The command run under `script`, whose terminal is both its standard output and error.
    static func onATerminal(_ arguments: [String]) throws -> String {
        let command = ([CLI.executable.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CLI.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether `text` holds a progress line ("12 of 35 files, 0:07").
    static func showsProgress(_ text: String) -> Bool {
        text.range(of: #"of \d+ files?, \d+:\d\d"#, options: .regularExpression) != nil
    }

    @Test(.enabled(if: scriptExists)) func aTerminalSeesTheProgressOfALongRunOnly() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("corpus/documents").path)
            .filter { !$0.hasPrefix(".") }
        let long = try Self.onATerminal(["recommendations", "--format", "csv", "corpus/documents"])
        #expect(long.contains("\r"))
        #expect(long.contains("scrutiny: \(files.count) of \(files.count) files, "), "\(long.suffix(500))")
        #expect(Self.showsProgress(long))
        // The file being read, its path cut from the left to fit the line.
        let named = long.split(separator: "\r").filter { $0.contains(", reading ") }
        #expect(!named.isEmpty)
        for line in named {
            let file = String(line.split(separator: ", reading ").last ?? "").replacingOccurrences(of: "\u{1B}[K", with: "")
            #expect(files.contains { ("corpus/documents/" + $0).hasSuffix(file.replacingOccurrences(of: "…", with: "")) }, "\(line)")
        }
        // The line is cleared before anything else is said.
        #expect(long.contains("\r\u{1B}[K"))
        let quiet = try Self.onATerminal(["recommendations", "-q", "--format", "csv", "corpus/documents"])
        #expect(!Self.showsProgress(quiet))
        let short = try Self.onATerminal(["recommendations", "--format", "csv", "corpus/documents/calderwick-jtai-letter-2022.txt",
                                          "corpus/documents/kestlebury-jtai-letter-2022.txt"])
        #expect(!Self.showsProgress(short))
        #expect(short.contains("calderwick-jtai-letter-2022.txt"))
    }
}
