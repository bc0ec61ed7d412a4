import Foundation
import ScrutinyKit

/// The one way every command reads its files, the front of the pipeline each subcommand runs:
/// the listed files (``listInput(_:)``) each read by `read` on up to `--jobs` threads with the
/// progress line, each outcome handed to `take` in the files' order as soon as it and those before
/// it are ready (and not kept: `analyse` stores and drops each analysis as it comes), then one
/// line a file, in the files' order, for a document read with errors or a file that failed (kept
/// by the run's collector, which owns the exit status).
///
/// `read` gets the file's index, path and name (as much of the path as tells it apart); `document`
/// says which document an outcome is, for its line. Returns each file's document or failure.
@discardableResult
func readFiles<Outcome: Sendable>(_ input: InputOptions, _ listing: InputFiles.Listing,
                                  document: @escaping @Sendable (Outcome) -> Document,
                                  read: @escaping @Sendable (_ index: Int, _ file: String, _ name: String) throws(ReadError) -> Outcome,
                                  take: @escaping @Sendable (Int, Result<Outcome, ReadError>) -> Void = { _, _ in })
    -> [Result<Document, ReadError>] {
    let progress = input.diagnostics.progress(total: listing.files.count)
    let names = listing.names
    let outcomes = FileOutcomes(count: listing.files.count)
    Parallel.forEach(Array(listing.files.enumerated()), jobs: input.jobs, { index, file -> Result<Outcome, ReadError> in
        progress?.started(file)
        defer { progress?.finished(file) }
        return Result { () throws(ReadError) -> Outcome in try read(index, file, names[index]) }
    }, inOrder: { index, outcome in
        outcomes.record(outcome.map(document), at: index)
        take(index, outcome)
    })
    progress?.end()
    let results = outcomes.all
    for (file, result) in zip(listing.files, results) {
        switch result {
        case .success(let document): input.diagnostics.read(document, from: file)
        case .failure(let error): input.diagnostics.collector.problem(error.errorDescription ?? "cannot read \(file)")
        }
    }
    return results
}

/// Each file's document or failure, recorded in the files' order by ``readFiles``'s consumer (one
/// outcome at a time, so it needs no lock of its own).
private final class FileOutcomes: @unchecked Sendable {
    private var outcomes: [Result<Document, ReadError>?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func record(_ outcome: Result<Document, ReadError>, at index: Int) { outcomes[index] = outcome }

    var all: [Result<Document, ReadError>] { outcomes.map { $0! } }
}
