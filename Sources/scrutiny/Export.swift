import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the documents and their coded items as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder.",
            usage: "scrutiny export [<options>] <path> ... [-o <file.qdpx>]",
            discussion: """
                Finds and codes the items of each document as `scrutiny classify` does, and writes a .qdpx \
                project: each document's text as a source, the scheme's themes and sub-themes (with \
                `unclassified`), the item kinds and forms as codes, each item as a coded selection of its \
                source, and partnership, document type and date as variables (one case per partnership). \
                The same documents give a byte-identical file.

                Examples:
                  scrutiny export corpus/documents -o corpus.qdpx
                  scrutiny export reports/ --narrative --scheme six-steps -o reports.qdpx
                """
        )

        @OptionGroup var input: InputOptions
        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var itemOptions: ItemOptions
        @OptionGroup var schemeOption: SchemeOption<OneScheme>

        @OptionGroup var destination: OutputOption<ProjectFileOutput>
        var output: String { destination.output ?? "scrutiny.qdpx" }

        func validate() throws {
            try input.requirePaths()
            try input.requireOneStandardInput([corpus.manifest])
            if !output.lowercased().hasSuffix(".qdpx") {
                throw ValidationError("--output: '\(output)' does not end in .qdpx; REFI-QDA projects must, for example `-o corpus.qdpx`")
            }
        }

        func run() async throws {
            try checkOutput()
            let classifier = try lexicons.classifier(scheme: schemeOption.scheme)
            let finder = try lexicons.finder(itemOptions)
            let documents = try readDocuments(input, lexicons: lexicons, manifest: try corpus.loadManifest(lexicons: lexicons))
            guard !documents.isEmpty else {
                throw runFailure("no document could be read; \(output) was not written")
            }
            let entries = Parallel.map(documents, jobs: input.jobs) { document in
                let items = finder.recommendations(in: document)
                // Procedural items are not coded to themes: they keep only their kind and form.
                let coded = classifier.classify(items.filter { $0.kind != .procedural })
                let procedural = items.filter { $0.kind == .procedural }.map {
                    ClassifiedItem(recommendation: $0, theme: ClassifiedItem.unclassified, subtheme: nil)
                }
                return QDPXProject.Entry(document: document, items: coded + procedural, pdf: Self.pdfBytes(of: document))
            }
            let name = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
            let project = QDPXProject(name: name, origin: Scrutiny.configuration.version, scheme: classifier.scheme.lexicon,
                                      entries: entries, documentTypes: try? lexicons.locate().documentTypes())
            do {
                // The folder is there (``checkOutput()``); a file in its place is said in the C
                // library's words ("File exists"), as `analyse` says it.
                let url = URL(fileURLWithPath: output)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try OutputFile.write(project.archive(), to: url.path)
            } catch {
                throw runFailure("--output: cannot write \(output): \(OutputFile.reason(error)); choose a path you can write to")
            }
            let summary = project.summary
            func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
            input.diagnostics.note("wrote \(output): \(counted(summary.sources, "source")), \(counted(summary.codes, "code")), "
                + "\(counted(summary.selections, "selection")) (\(counted(summary.codings, "coding"))), \(counted(summary.cases, "case"))")
            // A case is a partnership: a document without one is in none (session 46's interop audit).
            let caseless = documents.filter { ($0.metadata.partnership ?? "").isEmpty }.map(\.name)
            if !caseless.isEmpty {
                input.diagnostics.note("\(counted(caseless.count, "source")) \(caseless.count == 1 ? "has" : "have") no partnership, so "
                    + "\(caseless.count == 1 ? "is" : "are") in no case: \(caseless.prefix(3).joined(separator: ", "))\(caseless.count > 3 ? " and \(caseless.count - 3) more" : "")"
                    + "; name \(caseless.count == 1 ? "its" : "their") partnership in a manifest (--manifest FILE) to place \(caseless.count == 1 ? "it" : "them")")
            }
            try input.diagnostics.collector.finish()
        }

        /// A PDF document's file, stored in the project as itself (REFI-QDA 1.5 §9.1.4: a PDF
        /// source with its text as representation; session 46's interop audit: NVivo would list a
        /// text called "….pdf"). Nil for any other format, for standard input, and for a file that
        /// changed since it was read: the document's text alone is stored then.
        static func pdfBytes(of document: Document) -> Data? {
            guard document.format == .pdf, document.source != DocumentReader.standardInput,
                  let bytes = try? DocumentReader.bytes(at: document.source), SHA256.hex(bytes) == document.sha256 else { return nil }
            return Data(bytes)
        }

        /// Refuses to replace a folder, or a file that is not a zip archive (a .qdpx is one), and a
        /// file in a folder that does not exist, as every command writing one file does (session
        /// 46's interop audit: export alone made the folder of a mistyped path).
        func checkOutput() throws {
            var isFolder: ObjCBool = false
            let folder = (output as NSString).deletingLastPathComponent
            guard folder.isEmpty || FileManager.default.fileExists(atPath: folder) else {
                throw runFailure("--output: cannot write \(output): no such folder \(folder)")
            }
            guard FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) else { return }
            if isFolder.boolValue { throw runFailure("--output: \(output) is a folder; give a file name ending in .qdpx") }
            // A FIFO or device is written through, never read (reading a FIFO here waited for ever:
            // session 38's re-audit).
            guard !OutputFile.writesThrough(OutputFile.resolved(output)) else { return }
            let head = FileHandle(forReadingAtPath: output).flatMap { try? $0.read(upToCount: 4) } ?? Data()
            if head.count > 0, !head.starts(with: [0x50, 0x4B]) {
                throw runFailure("--output: \(output) exists and is not a .qdpx (zip) archive; not overwritten")
            }
            // Another program's project holds a researcher's own coding (session 43's audit: an
            // ATLAS.ti project was replaced without a word); a project scrutiny wrote is replaced.
            let origin = QDACodebookReader.projectOrigin(path: output)
            if !(origin ?? "").lowercased().hasPrefix("scrutiny") {
                throw runFailure("--output: \(output) holds a project \(origin.map { "made by \($0)" } ?? "that scrutiny did not write"); "
                    + "not overwritten: give another name, or remove it first")
            }
        }
    }
}
