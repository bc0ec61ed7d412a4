import ArgumentParser
import Foundation
import ScrutinyKit

/// `--no-cache`: the store of document analyses kept between runs (``AnalysisStore``).
struct StoreOptions: ParsableArguments {
    @Flag(help: "Read and analyse every file again, without the store kept beside the report (<output>.cache.sqlite), and leave the store as it is.")
    var noCache = false
}

/// What `analyse` and `survey` keep of a run's files: each document's analysis (its text dropped
/// once its items, evidence and inspection are kept) and remarks for the report (whether a file
/// failed is the run's collector's to say).
struct AnalysedCorpus {
    /// The analyses of the documents counted (versions of another document left out), in the files' order.
    var analyses: [DocumentAnalysis]
    var notes: [String]
    /// Files that failed or were read with errors: the report's summary says how many.
    var filesNotRead = 0
    var jobs: Int
    /// Each file's key in the store, in order (what was said about a file not read in its place);
    /// nil without a store.
    var fileKeys: [String]?
    /// The report kept in the store for exactly this run, when `analyse` may write it again as it was.
    var reused: AnalysisStore.Report? = nil
    /// The key to keep this run's report under (`analyse` with a store).
    var reportKey: String? = nil
    /// The documents counted, without their text: for the report's links.
    var documents: [Document] { analyses.map(\.document) }
}

/// Reads and analyses every file on up to `--jobs` threads, each document dropped once analysed;
/// takes a file's analysis from the store instead when the store has it. Says what `readCorpus`
/// says, in the same order: each file that fails in one line, the versions left out, the documents
/// without a partnership.
///
/// With `reuse` (`analyse`), when every file's analysis is in the store and the store holds the
/// report of exactly these files and this command line, `reused` is that report and nothing is
/// decoded or analysed (the lines the run that wrote it said on standard error are in it).
///
/// The analyser's lexicons are read only when a file is to be analysed: a re-run that takes
/// everything from the store reads none of them.
func analyseCorpus(_ input: InputOptions, manifest: Manifest?, lexicons: RunLexicons,
                   store: AnalysisStore?, reuse: Bool = false, scheme: SchemeLoad? = nil) throws -> AnalysedCorpus {
    let diagnostics = input.diagnostics.collector
    let listing = listInput(input)
    if listing.files.isEmpty {
        return AnalysedCorpus(analyses: [], notes: diagnostics.reportNotes,
                              jobs: input.jobs, fileKeys: nil)
    }
    // First each file's key, and whether the store has its analysis (bytes kept only for standard
    // input, which cannot be read twice).
    /// `stored`: the store has the file's analysis; `failed`: the store knows why its bytes cannot be read.
    typealias Identity = (key: String, stored: Bool, failed: ReadError?, bytes: [UInt8]?, sha256: String)
    let names = listing.names
    let identities: [Result<Identity, ReadError>]? = store.map { store in
        let known = store.keys()
        return Parallel.map(Array(zip(listing.files, names)), jobs: input.jobs) { file, name in
            Result { () throws(ReadError) -> Identity in
                let bytes = try DocumentReader.bytes(at: file)
                let row = manifest?.entry(named: name, path: file).map { String(describing: $0) } ?? ""
                let sha256 = SHA256.hex(bytes)
                let key = store.key(path: file, name: name, sha256: sha256, manifestRow: row)
                let failed = known.failed.contains(key) ? store.failure(key) : nil
                return (key, failed == nil && known.analysed.contains(key), failed, file == DocumentReader.standardInput ? bytes : nil, sha256)
            }
        }
    }
    // Every file known: its analysis kept, or why it cannot be read (kept, or found again without reading it: an empty file).
    if reuse, let store, let identities, identities.allSatisfy({ (try? $0.get()).map { $0.stored || $0.failed != nil } ?? true }) {
        // As the run that wrote the report keyed its files: a file not read by what was said of it.
        let fileKeys = identities.map { identity -> String in
            switch identity {
            case .failure(let error): return "not read: " + (error.errorDescription ?? "")
            case .success(let identity): return identity.failed.map { "not read: " + ($0.errorDescription ?? "") } ?? identity.key
            }
        }
        let key = store.reportKey(fileKeys: fileKeys, notes: diagnostics.problems)
        if let report = store.report(key) {
            diagnostics.timing("store: \(identities.count) of \(identities.count) documents from \(store.path), and their report")
            return AnalysedCorpus(analyses: [], notes: [], jobs: input.jobs, fileKeys: nil, reused: report, reportKey: key)
        }
    }
    // Documents will be read: the theme scheme is read beside them.
    scheme?.start()
    let detector = try lexicons.metadataDetector()
    let analyser = DocumentAnalyser(detector: detector, manifest: manifest, finder: try lexicons.itemFinder(),
                                    lexicon: try lexicons.arrangementLexicon(), inspections: detector.rules.inspections,
                                    quotes: try lexicons.quotedPartnerships())
    let reader = input.reader(for: listing.files)
    let intake = Intake(store: store, manifest: manifest)
    // Read as every command reads (``readFiles``), each file's analysis taken from the store or made.
    readFiles(input, listing, document: \.analysis.document, read: { index, file, name throws(ReadError) -> Intake.Outcome in
        var bytes: [UInt8]?
        var key: String?
        var sha256: String?
        if let identity = try identities?[index].get() {
            key = identity.key
            bytes = identity.bytes
            sha256 = identity.sha256
            if let failed = identity.failed { throw failed }
            if identity.stored, let kept = store?.analysis(identity.key) { return (kept, key, nil) }
        }
        let loaded: [UInt8]
        if let bytes { loaded = bytes } else { loaded = try DocumentReader.bytes(at: file) }
        // Hashed once, when keyed. A file changed between the two reads is analysed as read now,
        // under the key and hash of the bytes first read (as it was keyed before); the next
        // run keys it anew.
        var document = try reader.read(bytes: loaded, path: file, sha256: sha256)
        document.name = name
        let analysis = analyser.analysis(of: document)
        // Encoded for the store here, on this file's thread, rather than by the consumer.
        return (analysis, key, key.map { _ in Result { try AnalysisStore.encode(analysis) } })
    }, take: { _, outcome in intake.take(outcome) })
    intake.finish()
    let analyses = intake.analyses
    var fileKeys: [String]? = store == nil ? nil : []
    var failures: [(key: String, error: ReadError)] = []
    for (index, (file, outcome)) in zip(listing.files, intake.files).enumerated() {
        switch outcome {
        case .success(let read):
            fileKeys?.append(read.key ?? "")
        case .failure(let error):
            fileKeys?.append("not read: " + (error.errorDescription ?? "cannot read \(file)"))
            // Kept when its bytes were read (a file that cannot be opened is tried again).
            if let identity = try? identities?[index].get(), identity.failed == nil { failures.append((identity.key, error)) }
        }
    }
    if let store {
        do { try store.saveFailures(failures) } catch { input.diagnostics.note("cannot write the store \(store.path): \(error)") }
        if let error = intake.storeFailure {
            input.diagnostics.note("cannot write the store \(store.path): \(error); the next run reads every file again")
        }
        diagnostics.timing("store: \(intake.fromStore) of \(analyses.count) documents from \(store.path)")
        // Every file this run knows by its key keeps its entry; entries no recent run used go.
        if intake.storeFailure == nil, let removed = store.keepUsed(identities?.compactMap { try? $0.get().key } ?? []), removed > 0 {
            diagnostics.timing("store: \(removed) entries no recent run used removed")
        }
    }
    // The report's key: the files and what was said about the folders walked (before any file was read).
    let reportKey = reuse ? store.flatMap { store in fileKeys.map { store.reportKey(fileKeys: $0, notes: Array(diagnostics.problems.prefix(listing.skipped.count))) } } : nil
    let keys = analyses.map(\.contentKey)
    let selection = CorpusSelection(prepared: analyses.map(\.document), manifest: manifest, contentKeys: keys, sketches: analyses.map(\.sketch))
    let kept = CorpusSelection.versions(analyses.map(\.document), manifest: manifest, contentKeys: keys).kept.map { analyses[$0] }
    var notes = diagnostics.reportNotes
    let problemCount = notes.count
    // The report names every version left out; standard error the first few ("and 13 more").
    let shortened = selection.notes
    notes += selection.notes(complete: true)
    var unplaced: [String] = []
    for analysis in kept where analysis.document.metadata.partnership == nil {
        // A quoting document keeps its text (``DocumentAnalyser``); each quoted partnership gets a profile.
        if !analysis.document.blocks.isEmpty {
            notes.append("\(analysis.document.name) has no partnership of its own but quotes partnerships under labels: "
                + "each is profiled from its passages")
        } else {
            unplaced.append(analysis.document.name)
        }
    }
    if !unplaced.isEmpty {
        notes.append("no partnership found for \(unplaced.joined(separator: ", ")), left out; name it in a manifest (--manifest FILE) to include it")
    }
    for note in shortened + notes.dropFirst(problemCount + shortened.count) { input.diagnostics.note(note) }
    return AnalysedCorpus(analyses: kept, notes: notes, filesNotRead: diagnostics.fileProblems, jobs: input.jobs, fileKeys: fileKeys,
                          reportKey: reportKey)
}

/// What `analyseCorpus` keeps of the files as their outcomes come in, in the files' order
/// (``Parallel/forEach(_:jobs:_:inOrder:)``, whose consumer alone touches it): each file's document
/// or failure, for what is said of it afterwards; the analyses, where a document found to be a
/// version of another's words (``CorpusSelection/ContentOriginals``) keeps only its description, so
/// that many copies of a report cost the memory of one; and the store's new entries, written a
/// batch at a time rather than all held to the end.
private final class Intake: @unchecked Sendable {
    /// A file's analysis, its key in the store, and the analysis encoded for the store (nil when
    /// it came from the store or there is none).
    typealias Outcome = (analysis: DocumentAnalysis, key: String?, encoded: Result<Data, any Error>?)

    private(set) var files: [Result<(document: Document, key: String?), ReadError>] = []
    private(set) var analyses: [DocumentAnalysis] = []
    /// How many analyses came from the store.
    private(set) var fromStore = 0
    /// The first error writing the store; nothing more is written after it.
    private(set) var storeFailure: (any Error)?
    private var originals = CorpusSelection.ContentOriginals()
    private var batch: [(key: String, analysis: Data)] = []
    private let store: AnalysisStore?
    private let manifest: Manifest?
    private static let batchSize = 32

    init(store: AnalysisStore?, manifest: Manifest?) {
        self.store = store
        self.manifest = manifest
    }

    func take(_ outcome: Result<Outcome, ReadError>) {
        switch outcome {
        case .failure(let error):
            files.append(.failure(error))
        case .success(let (analysis, key, encoded)):
            files.append(.success((analysis.document, key)))
            if key != nil, encoded == nil {
                fromStore += 1
            } else if let key, let encoded {
                switch encoded {
                case .success(let data): batch.append((key, data))
                case .failure(let error): storeFailure = storeFailure ?? error
                }
                if batch.count >= Self.batchSize { save() }
            }
            analyses.append(analysis)
            if let contentKey = analysis.contentKey,
               let version = originals.offer(analyses.count - 1, key: contentKey, document: analysis.document, manifest: manifest) {
                // Left out by CorpusSelection.versions, which decides with the same rule.
                analyses[version].items = []
                analyses[version].evidence = []
                analyses[version].inspection = nil
            }
        }
    }

    /// Writes what is left for the store.
    func finish() { save() }

    private func save() {
        defer { batch = [] }
        guard let store, storeFailure == nil else { return }
        do { try store.save(batch) } catch { storeFailure = error }
    }
}

/// Opens the store beside `output` unless `--no-cache`; one line and no store when it cannot be opened.
func openStore(quoted: QuotedOption, beside output: String, options: StoreOptions, lexicons: LexiconOptions, itemOptions: ItemOptions,
               input: InputOptions) throws -> AnalysisStore? {
    guard !options.noCache else { return nil }
    let path = AnalysisStore.path(beside: output)
    // Beside the report's folder: its parent is made now (the report would make it), so that a
    // first run into a new folder keeps its store too. Where it cannot be made, no store.
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent),
       (try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)) == nil {
        return nil
    }
    let fingerprint = AnalysisStore.fingerprint(lexicons: try lexicons.locate(), narrative: itemOptions.narrative, password: input.password,
                                                quoted: !quoted.noQuotedPartnerships)
    do {
        return try AnalysisStore(path: path, fingerprint: fingerprint)
    } catch {
        input.diagnostics.note("cannot open the store \(path): \(error); every file is read (--no-cache says so without trying)")
        return nil
    }
}
