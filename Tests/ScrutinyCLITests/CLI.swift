import Foundation

/// Runs the built `scrutiny` executable and captures what it prints.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var seedsExist: Bool { FileManager.default.fileExists(atPath: seeds.path) }

    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            root.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("scrutiny") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// `in`: the folder to run in (the checkout's by default).
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in folder: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        process.currentDirectoryURL = folder ?? root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        // Read both pipes while the process runs so that a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `process` (its standard output as set, or dropped) and waits for it: its status and
    /// what it said on standard error.
    static func stderrOf(_ process: Process) throws -> (status: Int32, stderr: String) {
        let err = Pipe()
        process.standardError = err
        if process.standardOutput == nil { process.standardOutput = FileHandle.nullDevice }
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    /// The command, set up to run from the checkout with nothing on standard input and its outputs
    /// dropped; the caller changes what it needs and runs it.
    static func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// Starts the command, waits until `appeared` holds (for at most 20 s, while it runs), then
    /// stops it with SIGTERM and waits for its end: whether `appeared` held, and the process.
    static func stop(_ arguments: [String], environment: [String: String] = [:], when appeared: () -> Bool) throws -> (appeared: Bool, process: Process) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = false
        for _ in 0..<4_000 where process.isRunning {
            if appeared() { seen = true; break }
            usleep(5_000)
        }
        process.terminate()
        process.waitUntilExit()
        return (seen, process)
    }

    static func seed(_ prefix: String) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return seeds.appendingPathComponent(names.first { $0.hasPrefix(prefix) } ?? prefix).path
    }

    /// A new empty folder inside this test process's own folder (see `processFolder`).
    static func temporaryDirectory() throws -> URL {
        let url = processFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every folder the tests ask for lies in one folder of this process (`scrutiny-tests-PID`),
    /// removed when the process exits, with whatever `analyse` kept beside its output folders (the
    /// `FOLDER.cache.sqlite` store). A test run that crashed or was killed leaves its folder behind;
    /// the next run removes the folders of processes that no longer run.
    private static let processFolder: URL = {
        let manager = FileManager.default
        let temporary = manager.temporaryDirectory
        for name in (try? manager.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(folderPrefix) {
            if let pid = Int32(name.dropFirst(folderPrefix.count)), kill(pid, 0) == 0 || errno == EPERM { continue }
            try? manager.removeItem(at: temporary.appendingPathComponent(name))
        }
        atexit { try? FileManager.default.removeItem(at: CLI.processFolder) }
        return temporary.appendingPathComponent("\(folderPrefix)\(getpid())")
    }()

    private static let folderPrefix = "scrutiny-tests-"
}
