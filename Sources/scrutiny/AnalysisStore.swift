import Foundation
import GRDB
import ScrutinyKit

/// The store of document analyses kept between runs (`analyse`, and `survey --output`): an SQLite
/// file beside the report folder, `<report>.cache.sqlite` (`report.cache.sqlite` for `report/`),
/// in write-ahead-log mode. Each entry is one file's ``DocumentAnalysis`` under a key made of the
/// file's SHA-256, its path and everything else its analysis depends on: the build of `scrutiny`
/// (its executable's size and time), the bytes of every lexicon file, `--narrative`, and the
/// manifest's row for the file. A re-run then reads, finds and profiles only files whose key is
/// new; the rest come from the store, and the report is the same byte for byte.
///
/// Pruned as it is used: each run that reads documents marks the entries it used (taken from the
/// store or added to it), and an entry that none of the last ``runsKept`` such runs used is removed
/// (an edited lexicon or a new build makes every key new, so the old entries would otherwise stay
/// for good); the file is compacted when more than half of it is free.
///
/// Safe when two runs share the file (SQLite's locks, a writer waits up to 30 s) and after an
/// interrupted run (each run's new entries are written in one transaction; a run stopped before
/// it leaves the store as it was). A store that cannot be opened or written costs only speed:
/// one line says so and the run goes on without it.
final class AnalysisStore: Sendable {
    /// The version of what an analysis holds; a change of `DocumentAnalysis`'s shape bumps it.
    static let formatVersion = "analysis-2"

    let path: String
    private let pool: DatabasePool
    private let fingerprint: String
    /// Whether this run made the file (there was none before it opened).
    private let createdNow: Bool

    /// The store beside `output` (the report folder): `report.cache.sqlite` beside `report/`, and
    /// beside the current folder for `-o .` (it was `./..cache.sqlite`, inside the folder, which
    /// the run then refused as a file not its own).
    static func path(beside output: String) -> String {
        var folder = output
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        let last = (folder as NSString).lastPathComponent
        if last == "." || last == ".." { folder = URL(fileURLWithPath: folder).standardizedFileURL.path }
        return folder + ".cache.sqlite"
    }

    init(path: String, fingerprint: String) throws {
        self.path = path
        self.fingerprint = fingerprint
        createdNow = !FileManager.default.fileExists(atPath: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY NOT NULL, analysis BLOB NOT NULL)")
            // Files whose bytes could not be read as a document, and why: the same bytes fail the same way.
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS failures (key TEXT PRIMARY KEY NOT NULL, error BLOB NOT NULL)")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY NOT NULL, summary TEXT NOT NULL, warnings TEXT NOT NULL, failed INTEGER NOT NULL)")
            // A report's files in parts of at most `partSize` bytes, so that keeping a large report
            // never holds it whole (the table of whole files before it is dropped).
            try db.execute(sql: "DROP TABLE IF EXISTS report_files")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS report_parts (report TEXT NOT NULL, name TEXT NOT NULL, part INTEGER NOT NULL, contents BLOB NOT NULL)")
            // Where the report was last put, and its files as they were then (``ReportFolder/listing(_:)``).
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS report_placed (report TEXT NOT NULL, folder TEXT NOT NULL, listing TEXT NOT NULL)")
            // The runs that read documents, counted, and the last of them to use each entry (a store
            // written before session 33 has no such column: its entries count as used by none).
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL)")
            for table in Self.entryTables where try !db.columns(in: table).contains(where: { $0.name == "used" }) {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
            }
        }
    }

    /// How many of the latest runs that read documents keep an entry: one that none of them used is removed.
    static let runsKept = 5

    /// Marks the entries this run used (`keys`: every file's key, read or taken from the store) and
    /// removes those that none of the last ``runsKept`` runs used; compacts the file when more than
    /// half of it is free afterwards. How many entries went, or nil when the store could not be written.
    @discardableResult
    func keepUsed(_ keys: [String]) -> Int? {
        do {
            let removed = try pool.write { db -> Int in
                let run = (try Int.fetchOne(db, sql: "SELECT count FROM runs WHERE id = 1") ?? 0) + 1
                try db.execute(sql: "INSERT OR REPLACE INTO runs (id, count) VALUES (1, ?)", arguments: [run])
                var removed = 0
                for table in Self.entryTables {
                    let mark = try db.makeStatement(sql: "UPDATE \(table) SET used = ? WHERE key = ?")
                    for key in Set(keys) { try mark.execute(arguments: [run, key]) }
                    try db.execute(sql: "DELETE FROM \(table) WHERE used <= ?", arguments: [run - Self.runsKept])
                    removed += db.changesCount
                }
                return removed
            }
            if removed > 0 {
                let (free, pages) = try pool.read { db in
                    (try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0, try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0)
                }
                if free * 2 > pages { try pool.vacuum() }
            }
            return removed
        } catch {
            return nil
        }
    }

    /// Closes the store and removes its files when this run made them: a run that wrote no report
    /// leaves nothing behind (session 28's user audit: a mistyped folder, an empty one or a
    /// refused one left a `.cache.sqlite` beside it).
    /// What a run that made the store says of it once, after its report is in place (session 31's
    /// user audit: the file beside the folder was told of only in `--no-cache`'s help).
    var madeNowNote: String? {
        createdNow ? "kept what it read in \(path), for the next run to read only the files that changed (--no-cache reads every file)" : nil
    }

    func discardIfCreatedNow() {
        guard createdNow else { return }
        try? pool.close()
        for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
    }

    /// The largest part of a report file kept in one row.
    static let partSize = 4 << 20

    /// A report kept: its key (its files are written by ``writeReportFiles(_:into:)``, part by part),
    /// the line the run printed, what it said on standard error and whether a file failed.
    struct Report {
        var key: String
        var summary: String
        /// What the run said on standard error, line by line, and whether a file failed.
        var warnings: [String]
        var failed: Bool
    }

    /// The key of a whole report: every file's key, the command line and the folder it ran in, the
    /// bytes of every file the command line names (a manifest, a template) and what was said about
    /// the folders walked. Any change to one of them, or to the build or the lexicons (in every
    /// file's key), makes a new key. The report depends on nothing else: every file's analysis is
    /// decided by its key.
    func reportKey(fileKeys: [String], notes: [String]) -> String {
        var parts = ["report-1", fingerprint, FileManager.default.currentDirectoryPath]
        for argument in CommandLine.arguments.dropFirst() {
            parts.append(argument)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), !isFolder.boolValue,
               let bytes = FileManager.default.contents(atPath: argument) {
                parts.append(SHA256.hex(Array(bytes)))
            }
        }
        return SHA256.hex(Array((parts + ["files"] + fileKeys + ["notes"] + notes).joined(separator: "\u{0}").utf8))
    }

    func report(_ key: String) -> Report? {
        try? pool.read { db -> Report? in
            guard let row = try Row.fetchOne(db, sql: "SELECT summary, warnings, failed FROM reports WHERE key = ?", arguments: [key]) else { return nil }
            let summary: String = row["summary"]
            let warnings: String = row["warnings"]
            let failed: Bool = row["failed"]
            return Report(key: key, summary: summary, warnings: warnings.isEmpty ? [] : warnings.components(separatedBy: "\n"), failed: failed)
        }
    }

    /// Writes the files of the report kept under `key` into `folder`, one part at a time (a whole
    /// file is never held). The parts were inserted file by file in order, so row order is their order.
    func writeReportFiles(_ key: String, into folder: URL) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT name, contents FROM report_parts WHERE report = ? ORDER BY rowid", arguments: [key])
            var current: (name: String, handle: FileHandle)?
            defer { try? current?.handle.close() }
            while let row = try rows.next() {
                let name: String = row["name"]
                if current?.name != name {
                    try current?.handle.close()
                    current = nil
                    let url = folder.appendingPathComponent(name)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
                    current = (name, try FileHandle(forWritingTo: url))
                }
                let contents: Data = row["contents"]
                try current?.handle.write(contentsOf: contents)
            }
        }
    }

    /// Keeps the report written in `folder` (`files` named from it) under `key`, in place of any
    /// other (one report a store: the last written). Each file is read as it is inserted, so the
    /// report is never held whole; a file that cannot be read is left out.
    func saveReport(in folder: URL, files: [String], summary: String, warnings: [String], failed: Bool, key: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM reports")
            try db.execute(sql: "DELETE FROM report_parts")
            try db.execute(sql: "INSERT INTO reports (key, summary, warnings, failed) VALUES (?, ?, ?, ?)",
                           arguments: [key, summary, warnings.joined(separator: "\n"), failed])
            for name in files {
                guard let handle = try? FileHandle(forReadingFrom: folder.appendingPathComponent(name)) else { continue }
                defer { try? handle.close() }
                var part = 0
                while true {
                    let contents = try handle.read(upToCount: Self.partSize) ?? Data()
                    // An empty file is one empty part; after the first part, an empty read is the end.
                    if contents.isEmpty, part > 0 { break }
                    try db.execute(sql: "INSERT INTO report_parts (report, name, part, contents) VALUES (?, ?, ?, ?)", arguments: [key, name, part, contents])
                    part += 1
                }
            }
        }
    }

    /// Whether the report kept under `key` is in `folder` as it was put there: the folder's files,
    /// their sizes and times, are those listed when it was (``notePlaced(_:in:)``). Then a re-run
    /// with nothing changed has nothing to write.
    func isPlaced(_ key: String, in folder: String) -> Bool {
        guard let placed = try? pool.read({ db in
            try Row.fetchOne(db, sql: "SELECT folder, listing FROM report_placed WHERE report = ?", arguments: [key])
        }) else { return false }
        let placedFolder: String = placed["folder"]
        let listing: String = placed["listing"]
        return placedFolder == folder && ReportFolder.listing(folder) == listing
    }

    /// Notes that the report kept under `key` has just been put in `folder` (in place of any other note).
    func notePlaced(_ key: String, in folder: String) {
        guard let listing = ReportFolder.listing(folder) else { return }
        try? pool.write { db in
            try db.execute(sql: "DELETE FROM report_placed")
            try db.execute(sql: "INSERT INTO report_placed (report, folder, listing) VALUES (?, ?, ?)", arguments: [key, folder, listing])
        }
    }

    /// The key of a file's analysis: its bytes' SHA-256, its path, the name the run gives it (which
    /// depends on the other files read: ``InputFiles/names(_:)``) and what the analysis depends on.
    func key(path: String, name: String, sha256: String, manifestRow: String) -> String {
        SHA256.hex(Array("\(fingerprint)\u{0}\(path)\u{0}\(name)\u{0}\(sha256)\u{0}\(manifestRow)".utf8))
    }

    /// Whether an analysis is kept under `key`.
    /// The keys the store holds an analysis or a failure under, read in one query each: a run
    /// asks of every file, and a read of the pool for each cost more than hashing the file.
    func keys() -> (analysed: Set<String>, failed: Set<String>) {
        let read = try? pool.read { db in
            (Set(try String.fetchAll(db, sql: "SELECT key FROM analyses")), Set(try String.fetchAll(db, sql: "SELECT key FROM failures")))
        }
        return read.map { (analysed: $0.0, failed: $0.1) } ?? ([], [])
    }

    /// Why the file kept under `key` could not be read, if it could not (its bytes, the build,
    /// the lexicons and the password are in the key: any change reads it again).
    func failure(_ key: String) -> ReadError? { decoded(ReadError.self, table: "failures", column: "error", key: key) }

    /// Keeps why these files could not be read, so that a re-run need not read them again to say so.
    func saveFailures(_ entries: [(key: String, error: ReadError)]) throws {
        try insert(try entries.map { ($0.key, try JSONEncoder().encode($0.error)) }, table: "failures", column: "error")
    }

    /// The analysis kept under `key`, if any (nil too when the entry cannot be decoded).
    func analysis(_ key: String) -> DocumentAnalysis? { decoded(DocumentAnalysis.self, table: "analyses", column: "analysis", key: key) }

    /// Keeps the new analyses, all in one transaction.
    func save(_ entries: [(key: String, analysis: Data)]) throws {
        try insert(entries.map { ($0.key, $0.analysis) }, table: "analyses", column: "analysis")
    }

    /// An analysis as the store keeps it. Made where the analysis is made (on the thread that
    /// analysed the file), so that the one thread taking the files in order only writes.
    static func encode(_ analysis: DocumentAnalysis) throws -> Data {
        // Written as the value is walked (JSONEncoder builds a tree of it first, at about four
        // times the cost); JSONEncoder for anything the streaming encoder does not write.
        if let data = try? StreamingJSONEncoder().encode(analysis) { return data }
        return try JSONEncoder().encode(analysis)
    }

    /// What every analysis depends on besides the file itself: the store's format, this build of
    /// `scrutiny`, the lexicon files' bytes and the options that change what is found.
    static func fingerprint(lexicons: LexiconDirectory, narrative: Bool, password: String?, quoted: Bool = true) -> String {
        var parts = [formatVersion, "narrative=\(narrative)", "password=\(password.map { SHA256.hex(Array($0.utf8)) } ?? "")"]
        if !quoted { parts.append("quoted=false") }
        // The build: any rebuild changes the executable's size or time, and with it every key.
        let executable = LexiconDirectory.runningExecutable
        if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            parts.append("build=\(attributes[.size] ?? 0)@\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        }
        // Every lexicon file's name and bytes, in order of name.
        let folder = lexicons.url.standardizedFileURL
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])?.allObjects as? [URL] ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
        for file in files {
            let bytes = (try? Data(contentsOf: file)).map { Array($0) } ?? []
            parts.append(String(file.path.dropFirst(folder.path.count)) + "=" + SHA256.hex(bytes))
        }
        return SHA256.hex(Array(parts.joined(separator: "\n").utf8))
    }
}

private extension AnalysisStore {
    /// The tables of per-file entries, which ``keepUsed(_:)`` prunes.
    static let entryTables = ["analyses", "failures"]

    /// The JSON kept under `key` in `table` (one of the store's own tables), decoded; nil when there
    /// is none or it cannot be decoded.
    func decoded<Value: Decodable>(_ type: Value.Type, table: String, column: String, key: String) -> Value? {
        guard let data = try? pool.read({ db in try Data.fetchOne(db, sql: "SELECT \(column) FROM \(table) WHERE key = ?", arguments: [key]) })
        else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }

    /// Keeps `entries` in `table`, all in one transaction.
    func insert(_ entries: [(key: String, value: Data)], table: String, column: String) throws {
        guard !entries.isEmpty else { return }
        try pool.write { db in
            for (key, value) in entries {
                try db.execute(sql: "INSERT OR REPLACE INTO \(table) (key, \(column)) VALUES (?, ?)", arguments: [key, value])
            }
        }
    }
}
