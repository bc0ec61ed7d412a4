import Foundation
import ScrutinyKit

/// Reads PDFs in helper processes (`scrutiny read-worker`), up to one per job: poppler reads one
/// document at a time within a process (its global state is not safe on two threads), so with
/// `--jobs 2` the second core would otherwise wait. A helper that dies on a hostile file costs
/// that file only: it is refused in one line ("the PDF reader stopped on it") and the next PDF gets
/// a new helper. Helpers start when the first PDF comes and end with the pool; what they give back
/// is exactly what this process would have read (``DocumentReader/pdfContents(bytes:path:password:)``).
final class PDFWorkerPool: PDFContentsReading, @unchecked Sendable {
    private let executable: URL
    private let limit: Int
    private let condition = NSCondition()
    private var idle: [PDFWorker] = []
    private var running = 0

    /// A pool of at most `size` helpers running the binary at `executable`.
    init(size: Int, executable: URL) {
        self.executable = executable
        self.limit = max(1, size)
    }

    /// The pool for a run of `files` with `jobs` jobs: none when one job or one file is read at a
    /// time (a helper would only add its start-up), or when this binary cannot be found.
    static func forRun(jobs: Int, files: Int) -> PDFWorkerPool? {
        guard jobs > 1, files > 1, let executable = Bundle.main.executableURL else { return nil }
        return PDFWorkerPool(size: jobs, executable: executable)
    }

    func contents(ofPDF bytes: [UInt8], path: String, password: String?) throws(ReadError) -> ReadContents {
        guard let worker = checkOut() else {
            // No helper could be started (say, no processes left): read here, as without the pool.
            return try DocumentReader.pdfContents(bytes: bytes, path: path, password: password)
        }
        let answer: WorkerAnswer
        do {
            answer = try worker.read(WorkerRequest(path: path, password: password, size: bytes.count), bytes: bytes)
        } catch {
            retire(worker)
            throw .unsafe(path: path, cause: "the PDF reader stopped on it (\(error.reason)); the file may be damaged or made to crash readers")
        }
        checkIn(worker)
        switch answer {
        case .contents(let contents): return contents
        case .refused(let error): throw error
        }
    }

    deinit {
        for worker in idle { worker.finish() }
    }
}

private extension PDFWorkerPool {
    /// An idle helper, a new one while fewer than the limit run, or else the next to come back.
    func checkOut() -> PDFWorker? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let worker = idle.popLast() { return worker }
            if running < limit {
                guard let worker = try? PDFWorker(executable: executable) else { return nil }
                running += 1
                return worker
            }
            condition.wait()
        }
    }

    func checkIn(_ worker: PDFWorker) {
        condition.lock()
        idle.append(worker)
        condition.signal()
        condition.unlock()
    }

    func retire(_ worker: PDFWorker) {
        worker.finish()
        condition.lock()
        running -= 1
        condition.signal()
        condition.unlock()
    }
}

/// What scrutiny asks a helper: one JSON line, then the file's `size` bytes.
struct WorkerRequest: Codable {
    var path: String
    var password: String?
    var size: Int
}

/// What a helper answers: one JSON line.
enum WorkerAnswer: Codable {
    case contents(ReadContents)
    case refused(ReadError)
}

/// Why a helper gave no answer.
struct WorkerStopped: Error {
    var reason: String
}
