import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    /// The helper process that reads PDFs for another scrutiny process (``PDFWorkerPool``): reads
    /// requests from standard input (a JSON line, then the file's bytes) and answers each with one
    /// JSON line on standard output, until its input ends. Not for people: hidden from the help.
    struct ReadWorker: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "read-worker",
            abstract: "Read PDFs for another scrutiny process (used by --jobs; not for direct use).",
            shouldDisplay: false)

        func run() throws {
            let input = LineReader(FileHandle.standardInput)
            let output = FileHandle.standardOutput
            while let line = input.line() {
                guard let request = try? JSONDecoder().decode(WorkerRequest.self, from: Data(line)),
                      request.size >= 0, let bytes = input.bytes(count: request.size) else {
                    throw runFailure("read-worker: a request could not be read; this command is run by scrutiny itself")
                }
                let answer: WorkerAnswer
                do {
                    answer = .contents(try DocumentReader.pdfContents(bytes: bytes, path: request.path, password: request.password))
                } catch {
                    answer = .refused(error)
                }
                try output.write(contentsOf: JSONEncoder().encode(answer) + [0x0A])
            }
        }
    }
}
