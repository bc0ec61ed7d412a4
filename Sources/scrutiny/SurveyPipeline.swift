import ArgumentParser
import Foundation
import ScrutinyKit

/// Every stage after reading, shared by `survey` and `analyse`: profiles, items, themes, tables.
struct SurveyRun {
    var profiles: [PartnershipProfile]
    var items: [ClassifiedItem]
    /// With `--scheme auto`, each item's era coding beside the axis one `items` holds.
    var codings: [EraClassifier.Coding?]?
    var survey: Survey
    var lexicon: ArrangementLexicon

    /// From the documents' analyses (``analyseCorpus``), their text already dropped; the scheme
    /// started loading when the run did (``SchemeLoad``).
    /// - Parameter notes: remarks for the report (versions skipped).
    init(analyses: [DocumentAnalysis], lexicons: RunLexicons, scheme: SchemeLoad, kinds: [Recommendation.Kind],
         notes: [String], filesNotRead: Int = 0, jobs: Int) throws {
        lexicon = try lexicons.arrangementLexicon()
        let (classifier, eraClassifier) = try scheme.get()
        var pipeline = SurveyPipeline(lexicon: lexicon, finder: try lexicons.itemFinder(),
                                      classifier: classifier,
                                      options: Survey.Options(themeKinds: kinds,
                                                              eraOrder: try lexicons.metadataDetector().eras?.rules.eras.map(\.name) ?? []),
                                      inspections: try lexicons.metadataDetector().rules.inspections,
                                      quotes: try lexicons.quotedPartnerships())
        pipeline.eraClassifier = eraClassifier
        pipeline.jobs = jobs
        let result = pipeline.run(analyses: analyses, notes: notes, filesNotRead: filesNotRead)
        profiles = result.profiles
        items = result.items
        codings = result.codings
        survey = result.survey
    }
}

/// The theme scheme (`--scheme`; every era's for `auto`), read on a thread of its own once
/// ``start()`` is called (when a run knows it will read documents), so that it is ready when the
/// items are coded: its largest file, the learned layer of wt2018, takes the YAML parser about
/// 0.15 s, which the run otherwise waited for after reading every document.
final class SchemeLoad: @unchecked Sendable {
    private let lexicons: LexiconOptions
    private let scheme: String
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var started = false
    /// Written once, by the loading thread, before `done` is signalled; read after waiting on it.
    private var result: Result<(Classifier, EraClassifier?), any Error>?

    init(lexicons: LexiconOptions, scheme: String) {
        self.lexicons = lexicons
        self.scheme = scheme
    }

    /// Starts reading the scheme, once.
    func start() {
        lock.lock()
        defer { lock.unlock() }
        guard !started else { return }
        started = true
        let (lexicons, scheme) = (lexicons, scheme)
        DispatchQueue.global().async { [self] in
            result = Result {
                let eraClassifier = scheme == "auto" ? try lexicons.eraClassifier() : nil
                return (try lexicons.classifier(scheme: eraClassifier?.axis ?? scheme), eraClassifier)
            }
            done.signal()
        }
    }

    /// Waits for a load that was started to end (a run that ends early calls this on its way out,
    /// so that the process does not end in the middle of it).
    func settle() {
        lock.lock()
        let wasStarted = started
        lock.unlock()
        guard wasStarted else { return }
        done.wait()
        done.signal()
    }

    /// The classifier (and, for `auto`, the era classifier), once loaded; the loading's error if it failed.
    func get() throws -> (Classifier, EraClassifier?) {
        start()
        done.wait()
        defer { done.signal() }
        return try result!.get()
    }
}

/// The kinds of item the theme tables count, as `--theme-kinds` gives them. (`--kinds` filters
/// what `recommendations` prints; here it is the old name of `--theme-kinds`, still read, not shown.)
struct ThemeKindsOption: ParsableArguments {
    static let standard = "recommendation,area_for_improvement"

    @Option(help: ArgumentHelp(
        "Kinds of item the theme tables count (comma-separated): recommendation, area_for_improvement, strength (default: \(standard)).",
        valueName: "kinds"))
    var themeKinds: String?

    @Option(name: .customLong("kinds"), help: .hidden)
    var oldKinds: String?

    var kinds: String { themeKinds ?? oldKinds ?? Self.standard }

    @OptionGroup var schemeOption: SchemeOption<SchemeByEra>

    /// The scheme the items are coded against.
    var scheme: String { schemeOption.scheme }

    func validate() throws {
        if themeKinds != nil, oldKinds != nil {
            throw ValidationError("--kinds: give --theme-kinds only (--kinds is its old name)")
        }
        for kind in kinds.split(separator: ",") {
            guard let parsed = Recommendation.Kind(spelled: kind), parsed != .procedural else {
                throw ValidationError("--theme-kinds: '\(kind)' cannot be counted by theme; use recommendation, area_for_improvement or strength")
            }
        }
    }

    var parsed: [Recommendation.Kind] { kinds.split(separator: ",").compactMap { Recommendation.Kind(spelled: $0) } }
}

/// Writes to `name` in `directory` the pieces `produce` hands over, each as it comes (the file is
/// never held whole), then puts the file in place; makes no folder (as above); says what to do when it cannot.
func write(to name: String, in directory: String, _ produce: ((String) -> Void) -> Void) throws {
    let folder = URL(fileURLWithPath: directory)
    let url = folder.appendingPathComponent(name)
    let partial = folder.appendingPathComponent(".\(name).partial")
    do {
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: partial)
        defer { try? handle.close() }
        // The first error stops the writing and is thrown once the pieces are made.
        var failure: (any Error)?
        produce { piece in
            guard failure == nil else { return }
            do { try handle.write(contentsOf: Data(piece.utf8)) } catch { failure = error }
        }
        if let failure { throw failure }
        try FileManager.default.moveItem(at: partial, to: url)
    } catch {
        try? FileManager.default.removeItem(at: partial)
        throw runFailure("--output: cannot write \(url.path): \(OutputFile.reason(error)); choose a folder you can write to")
    }
}

/// Writes `contents` to `name` in `directory`, which is there (the report's staging folder); says
/// what to do when it cannot. No folder is made here: a signal's clean-up may have removed the
/// staging folder meanwhile, and a writer that made it again left it behind (session 43's audits).
func write(_ contents: String, to name: String, in directory: String) throws {
    let folder = URL(fileURLWithPath: directory)
    do {
        // The UTF-8 bytes as they are (Foundation's String.write goes through NSString and its copies).
        try Data(contents.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
    } catch {
        throw runFailure("--output: cannot write \(folder.appendingPathComponent(name).path): \(OutputFile.reason(error)); "
            + "choose a folder you can write to")
    }
}

/// Runs the writers of a report's files at once, on up to `jobs` threads (each makes and writes
/// files of its own), and throws the first failure in the writers' order once all have run.
func writeTogether(jobs: Int, _ writers: [@Sendable () throws -> Void]) throws {
    let failures = Parallel.map(writers, jobs: jobs) { writer -> RunFailure? in
        do { try writer(); return nil } catch let failure as RunFailure { return failure } catch {
            return runFailure("--output: \(OutputFile.reason(error))")
        }
    }
    if let failure = failures.compactMap({ $0 }).first { throw failure }
}
