import Foundation

/// The documents of a run made ready for profiling: each one's metadata detected from its text
/// and overridden by the manifest, and generated versions (a PDF made from a text file) dropped
/// when their original is read too, so that every document counts once.
public struct CorpusSelection: Sendable {
    /// A version left out, and the original read in its place.
    public struct SkippedVersion: Sendable, Hashable, Codable {
        public var version: String
        public var original: String
        /// A PDF left out by its name for a text file whose words are not quite its own (another
        /// program's text of it): its pages are lost with it.
        public var pagesLost: Bool? = nil

        public init(version: String, original: String, pagesLost: Bool? = nil) {
            self.version = version
            self.original = original
            self.pagesLost = pagesLost
        }
    }

    public var documents: [Document]
    public var skipped: [SkippedVersion]
    /// The manifest's rows that name no file of the run (a typo, a file moved or renamed).
    public var unmatchedRows: [String] = []
    /// The manifest's rows that fit several documents (a bare file name that files in different
    /// folders share), each with those documents' names: used for none of them.
    public var ambiguousRows: [(row: String, names: [String])] = []
    /// Documents that several manifest rows name, each with those rows and the one used.
    public var competingRows: [(name: String, rows: [String], used: String)] = []
    /// Documents counted whose words are nearly another's (``NearCopy``): said, not left out.
    public var nearCopies: [NearCopy] = []
    /// The manifest's own warnings (columns it does not read, repeated rows).
    public var manifestWarnings: [String] = []

    /// - Parameters:
    ///   - manifest: overrides detected fields per file and names the original of each version
    ///     (`version_of`); without it, a file with the same name as a text or Markdown file read
    ///     in the same run ("report.pdf" beside "report.txt") is taken for a version of it, and so is
    ///     a file whose words are those of another read in the same run (``Document/contentKey``:
    ///     the same text saved as HTML and as Word under another name).
    ///   - detector: fills what neither the reader nor the manifest says; nil to detect nothing.
    ///   - jobs: documents prepared at once, on as many threads; the result is the same for any number.
    public init(documents: [Document], manifest: Manifest? = nil, detector: MetadataDetector? = nil, jobs: Int = 1) {
        let documents = Self.named(documents)
        let words = Parallel.map(documents, jobs: jobs, Self.words)
        let (kept, skipped) = Self.versions(documents, manifest: manifest, contentKeys: words.map { $0?.key })
        self.documents = Parallel.map(kept.map { documents[$0] }, jobs: jobs) { Self.prepared($0, manifest: manifest, detector: detector) }
        self.skipped = skipped
        nearCopies = NearCopy.find(kept.map { (documents[$0].name, words[$0]?.sketch) })
        (unmatchedRows, ambiguousRows) = Self.unmatched(manifest, documents)
        competingRows = Self.competing(manifest, documents)
        manifestWarnings = manifest?.warnings ?? []
    }

    /// Which documents count (their indices, in order) and which are versions of another read too.
    /// `contentKeys`: each document's ``Document/contentKey`` (nil for one without text), when the
    /// documents' text is known; see ``ContentOriginals`` for how the manifest counts.
    public static func versions(_ documents: [Document], manifest: Manifest?, contentKeys: [String?]? = nil)
        -> (kept: [Int], skipped: [SkippedVersion]) {
        let names = Set(documents.map(\.name))
        var originals = ContentOriginals()
        for (index, key) in (contentKeys ?? []).enumerated() {
            guard let key else { continue }
            _ = originals.offer(index, key: key, document: documents[index], manifest: manifest)
        }
        var kept: [Int] = []
        var keptNames: Set<String> = []
        var skipped: [SkippedVersion] = []
        // The words of each document left out by its name alone ("report.pdf" beside "report.txt"),
        // and the original it was left out for.
        var byName: [String: String] = [:]
        for (index, document) in documents.enumerated() {
            if let original = Self.original(of: document, manifest: manifest, among: names) {
                // A manifest whose versions go round (a of b, b of a) keeps the first of them read.
                let cycle = manifest?.entry(named: original)?.versionOf.map { Manifest.fits($0, name: document.name) } == true
                if !cycle || keptNames.contains(original) {
                    let originalKey = documents.firstIndex { $0.name == original }.flatMap { contentKeys?[$0] }
                    let pagesLost = document.format == .pdf && contentKeys?[index] != nil && originalKey != nil && contentKeys?[index] != originalKey
                    skipped.append(SkippedVersion(version: document.name, original: original, pagesLost: pagesLost ? true : nil))
                    if manifest?.entry(for: document) == nil, let key = contentKeys?[index] { byName[key] = byName[key] ?? original }
                    continue
                }
            }
            if let original = originals.original(ofDocumentAt: index), original != index {
                skipped.append(SkippedVersion(version: document.name, original: documents[original].name))
                continue
            }
            kept.append(index)
            keptNames.insert(document.name)
        }
        // A version by its name has the words of another document counted ("report.pdf", left out
        // for "report.txt", and "report-extract.txt", scrutiny's own text of the PDF): that one is a
        // version of the same original, so the three count once (a researcher's audit, session 46:
        // a report saved three ways was counted twice). The manifest decides for the files it names.
        guard !byName.isEmpty, let contentKeys else { return (kept, skipped) }
        let counted = kept
        kept = []
        for index in counted {
            if manifest?.entry(for: documents[index]) == nil, let key = contentKeys[index], let original = byName[key],
               original != documents[index].name {
                skipped.append(SkippedVersion(version: documents[index].name, original: original))
            } else {
                kept.append(index)
            }
        }
        // A file given twice has one name twice (session 46's README audit: a crash).
        let order = Dictionary(documents.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        skipped.sort { order[$0.version, default: 0] < order[$1.version, default: 0] }
        return (kept, skipped)
    }

    /// A document's metadata made final: detected where the document does not say, then the
    /// manifest's fields, then the era (which needs the final date).
    /// `sentences` are the document's ``Document/contextSentences()``, when the caller has them.
    public static func prepared(_ document: Document, manifest: Manifest?, detector: MetadataDetector?,
                                sentences: [ContextSentence]? = nil, inspection: MetadataDetector.ReadInspection? = nil) -> Document {
        // Made once for both steps: detecting and the era read the same sentences (neither
        // changes the blocks, only the metadata), and a long document's sentences cost seconds.
        let sentences = sentences ?? detector.map { _ in document.contextSentences() }
        var prepared = detector?.filled(document, sentences: sentences, inspection: inspection) ?? document
        if let manifest { prepared = manifest.apply(to: prepared) }
        return detector?.withEra(prepared, sentences: sentences) ?? prepared
    }

    /// The selection of documents already prepared (``DocumentAnalysis``): the versions left out,
    /// nothing detected again.
    /// `contentKeys`: each document's ``Document/contentKey``, kept when it was read (a prepared
    /// document has no text).
    /// `sketches`: each document's ``TextSketch``, kept when it was read, for finding near-copies.
    public init(prepared documents: [Document], manifest: Manifest?, contentKeys: [String?]? = nil, sketches: [TextSketch?]? = nil) {
        let (kept, skipped) = Self.versions(documents, manifest: manifest, contentKeys: contentKeys)
        self.documents = kept.map { documents[$0] }
        self.skipped = skipped
        if let sketches { nearCopies = NearCopy.find(kept.map { (documents[$0].name, sketches[$0]) }) }
        (unmatchedRows, ambiguousRows) = Self.unmatched(manifest, documents)
        competingRows = Self.competing(manifest, documents)
        manifestWarnings = manifest?.warnings ?? []
    }

    /// What versions and near-copies are found by: the document's ``Document/contentKey`` and
    /// ``TextSketch``, made from its words once; nil for a document without text.
    public static func words(of document: Document) -> (key: String, sketch: TextSketch?)? {
        guard !document.blocks.isEmpty else { return nil }
        let words = document.contentWords
        return (SHA256.hex(words), TextSketch(words: words))
    }

    /// `documents` where files of different paths share a name (documents read one by one, each
    /// called by its file name): those called by as much of their paths as tells them apart
    /// (``InputFiles/names(_:)``), as a run calls them.
    public static func named(_ documents: [Document]) -> [Document] {
        let shared = Dictionary(grouping: documents.indices, by: { documents[$0].name })
            .values.filter { indices in Set(indices.map { documents[$0].source }).count > 1 }
        guard !shared.isEmpty else { return documents }
        var documents = documents
        for indices in shared {
            for (index, name) in zip(indices, InputFiles.names(indices.map { documents[$0].source })) { documents[index].name = name }
        }
        return documents
    }

    /// The lines for a person: the versions left out, files of one name in several folders, and
    /// manifest rows that name no file read or more than one; each list shortened for standard
    /// error (the first three of many, "and 13 more").
    public var notes: [String] { notes(complete: false) }

    /// The same lines; `complete`: every name listed, as the report's notes give them (a
    /// published report says all that was left out).
    public func notes(complete: Bool) -> [String] {
        let rows = unmatchedRows.isEmpty ? nil : "the manifest names \(unmatchedRows.count) file\(unmatchedRows.count == 1 ? "" : "s") "
            + "not read in this run (\(Self.listed(unmatchedRows, complete: complete))): a row applies to the file of exactly its name, case included"
        let shared = ambiguousRows.map { row, names in
            "the manifest row for \(row) fits \(names.count) files of that name (\(Self.listed(names, complete: complete))) and is used for none of them: "
                + "write each with its folder, as named here"
        }
        let competing = competingRows.prefix(3).map { name, rows, used in
            "the manifest has \(rows.count) rows for \(name) (\(rows.joined(separator: ", "))): the one naming its file from the "
                + "manifest's folder, or else giving most of its path, is used (\(used))"
        }
        return [note(complete: complete), nearCopyNote, sharedNameNote, rows].compactMap { $0 } + shared + competing + manifestWarnings
    }

    /// One line for a person: documents counted apart although their words are nearly the same.
    public var nearCopyNote: String? {
        guard !nearCopies.isEmpty else { return nil }
        let pairs = nearCopies.prefix(3).map { "\($0.first) and \($0.second) (\(Int(($0.similarity * 100).rounded(.down)))%)" }
        return "\(nearCopies.count) pair\(nearCopies.count == 1 ? "" : "s") of documents share nearly all their words (the share of "
            + "five-word runs in common) and are each counted: \(pairs.joined(separator: "; "))"
            + "\(nearCopies.count > 3 ? " and \(nearCopies.count - 3) more" : ""); where one is a version of the other, "
            + "name it in a manifest (version_of) to count it once"
    }

    /// The manifest's rows that name no document of the run, and those that name several (a bare
    /// file name shared by files in different folders) with the names of those documents.
    static func unmatched(_ manifest: Manifest?, _ documents: [Document]) -> (rows: [String], ambiguous: [(row: String, names: [String])]) {
        guard let manifest else { return ([], []) }
        let used = Set(documents.compactMap { manifest.entry(for: $0)?.file })
        var rows: [String] = []
        var ambiguous: [(row: String, names: [String])] = []
        for row in manifest.entries.keys.sorted() where !used.contains(row) {
            // A row a longer one overrides for its document ("2023/x.pdf" beside "wiltshire/2023/x.pdf") is said nothing of.
            if documents.contains(where: { Manifest.fits(row, name: $0.name) && manifest.entry(for: $0) != nil }) { continue }
            let fitting = Set(documents.filter { Manifest.fits($0.source, name: row) || $0.source == row }.map(\.name)).sorted()
            if fitting.count > 1 { ambiguous.append((row, fitting)) } else { rows.append(row) }
        }
        return (rows, ambiguous)
    }

    /// The documents that more than one row of the manifest names ("2023/x.pdf" and
    /// "wiltshire/2023/x.pdf"), with the row used.
    static func competing(_ manifest: Manifest?, _ documents: [Document]) -> [(name: String, rows: [String], used: String)] {
        guard let manifest else { return [] }
        return documents.compactMap { document in
            let rows = manifest.entries.keys.filter { Manifest.fits($0, name: document.name) }.sorted()
            guard rows.count > 1, let used = manifest.entry(for: document)?.file else { return nil }
            return (document.name, rows, used)
        }
    }

    /// Different files with one file name in different folders (a/annual-report.pdf,
    /// b/annual-report.pdf): each is called by as much of its path as tells it apart.
    public var sharedNameNote: String? {
        let shared = Dictionary(grouping: documents, by: \.fileName).filter { Set($0.value.map(\.name)).count > 1 }.sorted { $0.key < $1.key }
        guard !shared.isEmpty else { return nil }
        let named = shared.prefix(3).map { name, documents in
            "\(name) (\(Set(documents.map(\.name)).sorted().joined(separator: ", ")))"
        }.joined(separator: "; ")
        return "\(shared.count) file name\(shared.count == 1 ? " is" : "s are") shared by files in different folders, each called "
            + "by its folder too in items, links and the manifest: \(named)\(shared.count > 3 ? " and \(shared.count - 3) more" : "")"
    }

    /// One line for a person: which versions were left out and why; nil when none were.
    public var note: String? { note(complete: false) }

    /// The same line; `complete`: every version named.
    public func note(complete: Bool) -> String? {
        guard !skipped.isEmpty else { return nil }
        // A file of the same name as the one kept is a second copy of it (in another folder).
        // Each with what it is of: a file given twice, a copy in another folder, a version.
        let names = skipped.map { skip in
            if skip.version == skip.original { return "\(skip.version) (given twice)" }
            if (skip.version as NSString).lastPathComponent == (skip.original as NSString).lastPathComponent {
                return "\(skip.version) (a copy of \(skip.original))"
            }
            return "\(skip.version) (of \(skip.original))"
        }
        // A PDF left out for a text file loses its pages: say how to keep it (a researcher's audit,
        // session 46: a published PDF was left out for pdftotext's text of it, and its pages with it).
        let pdfForText = skipped.first { $0.pagesLost == true }
        let keepPDF = pdfForText.map { skip in
            "; to cite pages, keep the PDF: a manifest row \(Self.csvField((skip.original as NSString).lastPathComponent)),"
                + "\(Self.csvField((skip.version as NSString).lastPathComponent)) under file,version_of"
        } ?? ""
        return "counted each document once: left out \(skipped.count) other version\(skipped.count == 1 ? "" : "s") or "
            + "cop\(skipped.count == 1 ? "y" : "ies") of documents also read (\(Self.listed(names, complete: complete)))" + keepPDF
    }

    /// Of documents with the same words (``Document/contentKey``), which is the original: the
    /// first in an original format (text, Markdown), else the first. Offered the documents in
    /// order, it knows at each step which of those so far are versions of another, so that a run
    /// can drop a version's analysis as soon as it is one (``versions(_:manifest:contentKeys:)``
    /// decides with it too, so the two agree).
    ///
    /// The manifest counts too: the same words given different partnerships by it (one report
    /// published by two partnerships) count once for each; a document it calls a version
    /// (`version_of`) is decided by that alone. A row that names one copy without saying so
    /// (until session 19) made that copy count twice.
    public struct ContentOriginals: Sendable {
        private struct Original: Sendable {
            var index: Int
            var inOriginalFormat: Bool
            /// The partnership the manifest gives it, if any.
            var partnership: String?
        }
        /// Per key, the originals: one, or one for each partnership the manifest gives those words.
        private var originals: [String: [Original]] = [:]
        /// Each document offered: its key and which of that key's originals it is, or is a version of.
        private var placed: [Int: (key: String, slot: Int)] = [:]

        public init() {}

        /// Offers the document at `index` (the documents offered in order): the index of the
        /// document this makes a version of another (`index` itself, or the original it takes the
        /// place of), nil when none.
        public mutating func offer(_ index: Int, key: String, document: Document, manifest: Manifest?) -> Int? {
            let entry = manifest?.entry(for: document)
            guard entry?.versionOf == nil else { return nil }
            let partnership = entry?.metadata.partnership
            let inOriginalFormat = CorpusSelection.originalFormats.contains(document.format)
            var group = originals[key, default: []]
            defer { originals[key] = group }
            guard let slot = group.firstIndex(where: { $0.partnership == nil || partnership == nil || $0.partnership == partnership }) else {
                group.append(Original(index: index, inOriginalFormat: inOriginalFormat, partnership: partnership))
                placed[index] = (key, group.count - 1)
                return nil
            }
            placed[index] = (key, slot)
            let earlier = group[slot]
            if earlier.inOriginalFormat || !inOriginalFormat {
                if group[slot].partnership == nil { group[slot].partnership = partnership }
                return index
            }
            group[slot] = Original(index: index, inOriginalFormat: inOriginalFormat, partnership: partnership ?? earlier.partnership)
            return earlier.index
        }

        /// The original of the document offered at `index` (itself when it is one); nil when it
        /// was not offered or was left to the manifest.
        public func original(ofDocumentAt index: Int) -> Int? {
            placed[index].map { originals[$0.key]![$0.slot].index }
        }
    }
}

private extension CorpusSelection {
    /// Names for a one-line note: all of a few, the first three of many.
    static func listed(_ names: [String], complete: Bool = false) -> String {
        complete || names.count <= 5 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
    }

    /// A file name as a cell of a CSV row, quoted where it must be.
    static func csvField(_ name: String) -> String {
        name.contains(where: { ",\"\n".contains($0) }) ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
    }

    static let originalFormats: Set<DocumentFormat> = [.text, .markdown]
    static let originalExtensions = ["txt", "md", "markdown"]

    static func original(of document: Document, manifest: Manifest?, among names: Set<String>) -> String? {
        if let entry = manifest?.entry(for: document) {
            guard let original = entry.versionOf, !Manifest.fits(original, name: document.name) else { return nil }
            if names.contains(original) { return original }
            let fitting = names.filter { Manifest.fits(original, name: $0) }
            return fitting.count == 1 ? fitting.first : nil
        }
        guard !originalFormats.contains(document.format) else { return nil }
        let stem = (document.name as NSString).deletingPathExtension
        // Never itself: a PDF saved as "report.txt" is read as the PDF it is, and is no version of
        // the text file it is named as (it was left out as "given twice", and nothing was read).
        return originalExtensions.map { stem + "." + $0 }.first { names.contains($0) && $0 != document.name }
    }
}
