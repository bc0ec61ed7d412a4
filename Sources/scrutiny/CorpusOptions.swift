import ArgumentParser
import Foundation
import ScrutinyKit

/// The manifest that overrides detected metadata: for every subcommand that reads documents into
/// items, profiles or counts, so that all of them give a document the same partnership, type and date.
struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "CSV that overrides detected metadata per file: file and any of partnership, document_type, date, title, authors, version_of.",
        valueName: "file"))
    var manifest: String?

    /// The manifest, its `document_type` column checked against the types of the lexicons' documents.yml.
    func loadManifest(default fallback: String? = nil, lexicons: LexiconOptions) throws -> Manifest? {
        guard let path = manifest ?? fallback else { return nil }
        let types: DocumentTypes
        let directory = try lexicons.locate()
        do { types = try directory.documentTypes() } catch { throw runFailure(error.errorDescription ?? "cannot read documents.yml") }
        do {
            return try Manifest.load(path: path, types: types)
        } catch {
            throw runFailure(error.errorDescription ?? "cannot read the manifest \(path)")
        }
    }
}

extension LexiconOptions {
    func arrangementLexicon() throws -> ArrangementLexicon {
        let directory = try locate()
        do {
            return try directory.arrangementLexicon()
        } catch {
            throw runFailure(error.errorDescription ?? "cannot read arrangements.yml")
        }
    }

    func metadataDetector() throws -> MetadataDetector {
        let directory = try locate()
        do {
            return MetadataDetector(rules: try directory.metadataRules(), eras: try directory.eraRules())
        } catch {
            throw runFailure(error.errorDescription ?? "cannot read documents.yml")
        }
    }
}

/// What a run read: the documents to count and remarks for the report (whether a file failed is the
/// run's collector's to say).
struct CorpusRead {
    var documents: [Document]
    /// `--jobs`, for the stages after reading.
    var jobs: Int
    var notes: [String]
}

/// Reads the files, fills each document's metadata (detected, then the manifest's), drops
/// generated versions whose original is read too, and says so on standard error in one line.
func readCorpus(_ input: InputOptions, manifest: Manifest?, detector: MetadataDetector, quotes: QuotedPartnerships? = nil) -> CorpusRead {
    let documents = readAll(input)
    let selection = CorpusSelection(documents: documents, manifest: manifest, detector: detector, jobs: input.jobs)
    // Files not read or read with errors are named in the report too, not only on standard error.
    var notes = input.diagnostics.collector.reportNotes
    let problemCount = notes.count
    // The report names every version left out; standard error the first few ("and 13 more").
    let shortened = selection.notes
    notes += selection.notes(complete: true)
    var unplaced = selection.documents.filter { $0.metadata.partnership == nil }.map(\.name)
    // A document quoting many partnerships under labels (the national survey) gives each a profile.
    for document in selection.documents where document.metadata.partnership == nil {
        guard let count = quotes.map({ $0.split(document).count }), count > 0 else { continue }
        unplaced.removeAll { $0 == document.name }
        notes.append("\(document.name) has no partnership of its own but quotes \(count) partnerships under labels: "
            + "each is profiled from its passages")
    }
    if !unplaced.isEmpty {
        notes.append("no partnership found for \(unplaced.joined(separator: ", ")), left out; name it in a manifest (--manifest FILE) to include it")
    }
    for note in shortened + notes.dropFirst(problemCount + shortened.count) { input.diagnostics.note(note) }
    return CorpusRead(documents: selection.documents, jobs: input.jobs, notes: notes)
}
