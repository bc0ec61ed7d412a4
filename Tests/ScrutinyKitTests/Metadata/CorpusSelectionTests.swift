import Foundation
import Testing
@testable import ScrutinyKit

/// Versions of one document are counted once: by the manifest's `version_of`, by a text file of the
/// same name, or by the same words under another name.
@Suite struct CorpusSelectionTests {
    static func document(_ name: String, _ format: DocumentFormat, _ paragraphs: [String]) -> Document {
        Document(source: "in/" + name, sha256: name, format: format, blocks: paragraphs.map { Block.paragraph($0) })
    }

    static let words = ["Harbourside Safeguarding Children Partnership: the scrutineer's report.",
                        "The partnership should publish its yearly report on time."]

    /// A PDF saved under a text file's name ("report.txt") is read as the PDF it is and counted:
    /// it is no version of itself (session 28's user audit: it was left out as "given twice", and
    /// the run found nothing and said it had succeeded).
    @Test func aFileNamedAsTextButOfAnotherFormatIsNoVersionOfItself() {
        let misnamed = Self.document("report.txt", .pdf, Self.words)
        let selection = CorpusSelection(documents: [misnamed])
        #expect(selection.documents.map(\.name) == ["report.txt"])
        #expect(selection.skipped.isEmpty)
        // Beside the text file it was made from, under that file's other name, it is still a version.
        let original = Self.document("report.md", .markdown, Self.words)
        let pdf = Self.document("report.pdf", .pdf, Self.words)
        #expect(CorpusSelection(documents: [original, pdf]).skipped.map(\.version) == ["report.pdf"])
    }

    /// Two different documents under one file name, in two folders, are called by their folders
    /// too, in items, notes and the manifest, and the run says so (session 18 only said that they
    /// could not be told apart; before it they were mixed up without a word).
    @Test func oneNameForTwoDocumentsIsToldApartByItsFolders() throws {
        let a = Document(source: "in/a/annual-report.md", sha256: "1", format: .markdown, blocks: [.paragraph("The partnership should publish its plan.")])
        let b = Document(source: "in/b/annual-report.md", sha256: "2", format: .markdown, blocks: [.paragraph("Leaders must review the audit programme.")])
        let selection = CorpusSelection(documents: [a, b])
        #expect(selection.documents.map(\.name) == ["a/annual-report.md", "b/annual-report.md"])
        let note = try #require(selection.sharedNameNote)
        #expect(note.contains("annual-report.md (a/annual-report.md, b/annual-report.md)"), "\(note)")
        #expect(selection.notes == [note])
        #expect(CorpusSelection(documents: [a]).sharedNameNote == nil)
        #expect(CorpusSelection(documents: [a]).documents.map(\.name) == ["annual-report.md"])
    }

    /// A manifest row gives each document of a shared file name its own metadata when it names the
    /// folder (or more of the path); a bare file name fits both, is used for neither, and is said.
    @Test func manifestRowsTellDocumentsOfOneNameApartByFolder() throws {
        let a = Document(source: "in/2022/annual-report.md", sha256: "1", format: .markdown, blocks: [.paragraph("The partnership should publish its plan.")])
        let b = Document(source: "in/2023/annual-report.md", sha256: "2", format: .markdown, blocks: [.paragraph("Leaders must review the audit programme.")])
        let rows = "file,partnership\nin/2022/annual-report.md,Alpha\n2023/annual-report.md,Bravo\n"
        let selection = CorpusSelection(documents: [a, b], manifest: try Manifest.parse(rows, types: Paths.documentTypes))
        #expect(selection.documents.map(\.metadata.partnership) == ["Alpha", "Bravo"])
        #expect(selection.unmatchedRows.isEmpty && selection.ambiguousRows.isEmpty)

        let bare = try Manifest.parse("file,partnership\nannual-report.md,Alpha\n", types: Paths.documentTypes)
        let ambiguous = CorpusSelection(documents: [a, b], manifest: bare)
        #expect(ambiguous.documents.map(\.metadata.partnership) == [nil, nil])
        #expect(ambiguous.unmatchedRows.isEmpty)
        #expect(ambiguous.ambiguousRows.map(\.row) == ["annual-report.md"])
        #expect(ambiguous.notes.contains { $0.contains("the manifest row for annual-report.md fits 2 files of that name (2022/annual-report.md, 2023/annual-report.md)") },
                "\(ambiguous.notes)")
        // One of them alone: the bare name is its name, and the row is used.
        #expect(CorpusSelection(documents: [a], manifest: bare).documents.map(\.metadata.partnership) == ["Alpha"])
    }

    /// Of two rows that both name a document, the one giving more of its path is used, and the
    /// other is no "file not read" (until session 19 the shorter was used and the longer said to
    /// name no file read).
    @Test func theRowGivingMoreOfThePathWins() throws {
        let a = Document(source: "reports/wiltshire/2023/inspection.md", sha256: "1", format: .markdown, blocks: [.paragraph("The partnership should publish its plan.")])
        let b = Document(source: "reports/derby/2015/inspection.md", sha256: "2", format: .markdown, blocks: [.paragraph("Leaders must review the audit.")])
        let rows = "file,partnership\n2023/inspection.md,Short\nwiltshire/2023/inspection.md,Wiltshire\nDerby/2015/inspection.md,Derby\n"
        let selection = CorpusSelection(documents: [a, b], manifest: try Manifest.parse(rows, types: Paths.documentTypes))
        #expect(selection.documents.map(\.name) == ["2023/inspection.md", "2015/inspection.md"])
        // A folder written in another case is no part of the path: the one row naming 2015/inspection.md is still used.
        #expect(selection.documents.map(\.metadata.partnership) == ["Wiltshire", "Derby"])
        #expect(selection.unmatchedRows.isEmpty, "\(selection.unmatchedRows)")
    }

    /// Where files share a name, each is called by the fewest last parts of its path that tell it
    /// from the others; one path given twice, or written two ways, is one name.
    @Test func namesTakeAsMuchOfThePathAsTellsFilesApart() {
        #expect(InputFiles.names(["r/2022/x.pdf", "r/2023/x.pdf", "r/y.pdf"]) == ["2022/x.pdf", "2023/x.pdf", "y.pdf"])
        #expect(InputFiles.names(["a/q/x.pdf", "b/q/x.pdf"]) == ["a/q/x.pdf", "b/q/x.pdf"])
        #expect(InputFiles.names(["a/x.pdf", "./a/x.pdf", "a/x.pdf"]) == ["x.pdf", "x.pdf", "x.pdf"])
        #expect(InputFiles.names(["x.pdf", "a/x.pdf"]) == ["x.pdf", "a/x.pdf"])
        #expect(InputFiles.names(["-", "a/x.txt"]) == ["stdin", "x.txt"])
    }

    /// A manifest row naming a file the run did not read changes nothing: said, with the names.
    @Test func manifestRowsNamingNoFileReadAreSaid() throws {
        let manifest = try Manifest.parse("file,partnership\na.txt,Alpha\nnosuch.txt,Bravo\nA-Report.txt,Charlie\n", types: Paths.documentTypes)
        let a = Self.document("a.txt", .text, ["The partnership should publish its plan."])
        let selection = CorpusSelection(documents: [a], manifest: manifest)
        #expect(selection.unmatchedRows == ["A-Report.txt", "nosuch.txt"])
        #expect(selection.notes.last?.contains("the manifest names 2 files not read in this run (A-Report.txt, nosuch.txt)") == true)
        #expect(CorpusSelection(documents: [a]).unmatchedRows.isEmpty)
    }

    /// A column the manifest does not read, and a file given two rows, change nothing or less than
    /// the user meant: both are said.
    @Test func manifestColumnsItDoesNotReadAndRepeatedRowsAreSaid() throws {
        let manifest = try Manifest.parse("file,partnership,doctype\na.txt,Alpha,annual-report\na.txt,Bravo,\n", types: Paths.documentTypes)
        let a = Self.document("a.txt", .text, ["The partnership should publish its plan."])
        let notes = CorpusSelection(documents: [a], manifest: manifest).notes
        #expect(notes.contains { $0.contains("has column doctype, which it does not read") }, "\(notes)")
        #expect(notes.contains { $0.contains("more than one row for a.txt; the last row of each is used") }, "\(notes)")
        #expect(manifest.entry(named: "a.txt")?.metadata.partnership == "Bravo")
        #expect(try Manifest.parse("file,partnership\na.txt,Alpha\n", types: Paths.documentTypes).warnings.isEmpty)
    }

    /// A manifest whose versions go round (a of b, b of a) keeps the first read: both were left
    /// out, and their partnership lost its documents, until session 18.
    @Test func versionsThatGoRoundKeepTheFirst() throws {
        let manifest = try Manifest.parse("file,version_of\na.txt,b.txt\nb.txt,a.txt\n", types: Paths.documentTypes)
        let a = Self.document("a.txt", .text, ["The partnership should publish its plan."])
        let b = Self.document("b.txt", .text, ["The partnership should publish its yearly report."])
        let (kept, skipped) = CorpusSelection.versions([a, b], manifest: manifest)
        #expect(kept == [0])
        #expect(skipped == [.init(version: "b.txt", original: "a.txt")])
    }

    /// A quote opened and never closed would swallow every row after it: the manifest is refused
    /// with the line (it was read with a partnership holding the rest of the file until session 18).
    @Test func anUnclosedQuoteInTheManifestIsRefusedWithItsLine() {
        let text = "file,partnership\na.txt,Alpha\nb.txt,\"Bravo\nc.txt,Charlie\n"
        #expect(throws: Manifest.LoadError.unclosedQuote(path: "manifest.csv", line: 3)) {
            try Manifest.parse(text, types: Paths.documentTypes)
        }
        // Lines that end in a lone CR (an old Mac's) are lines.
        let mac = try? Manifest.parse("file,partnership\ra.txt,Alpha\rb.txt,Bravo\r", types: Paths.documentTypes)
        #expect(mac?.entry(named: "b.txt")?.metadata.partnership == "Bravo")
    }

    @Test func theSameWordsUnderAnotherNameAreAVersionAndTheTextFileIsTheOriginal() {
        // The same report as HTML and Word under names of their own, and as text: the words, not
        // the layout (one paragraph or two, spacing, case) make them the same.
        let html = Self.document("report-web.html", .html, Self.words)
        let word = Self.document("report final.docx", .docx, [Self.words.joined(separator: "  ").uppercased()])
        let text = Self.document("notes.txt", .text, Self.words)
        let other = Self.document("other.html", .html, ["Another partnership's report."])
        let selection = CorpusSelection(documents: [html, word, text, other])
        #expect(selection.documents.map(\.fileName) == ["notes.txt", "other.html"])
        #expect(Set(selection.skipped) == [.init(version: "report-web.html", original: "notes.txt"),
                                           .init(version: "report final.docx", original: "notes.txt")])
    }

    /// A report saved three ways: the PDF, another program's text of it under the PDF's name (a
    /// word or two apart), and scrutiny's own text of it under another name (the PDF's words). The
    /// PDF is a version of the first by its name and has the words of the second, so the second is
    /// a version too and the report counts once (a researcher's audit, session 46: it counted twice).
    @Test func aVersionByItsNameTakesTheCopiesOfItsWordsWithIt() {
        let pdf = Self.document("report.pdf", .pdf, Self.words)
        let converted = Self.document("report.txt", .text, ["Page 1"] + Self.words)
        let extracted = Self.document("report-extract.txt", .text, Self.words)
        let other = Self.document("other.txt", .text, ["Another partnership's report."])
        let selection = CorpusSelection(documents: [pdf, converted, extracted, other])
        #expect(selection.documents.map(\.fileName) == ["report.txt", "other.txt"])
        #expect(selection.skipped == [.init(version: "report.pdf", original: "report.txt", pagesLost: true),
                                      .init(version: "report-extract.txt", original: "report.txt")])
        // A file given twice beside such a version is counted once, not a crash (session 46's
        // README audit: `recommendations corpus/documents corpus/documents` stopped with a fatal error).
        let twice = CorpusSelection(documents: [pdf, converted, converted, extracted, pdf])
        #expect(twice.documents.map(\.fileName) == ["report.txt"])
        // A manifest row decides for the file it names.
        let manifest = try? Manifest.parse("file,partnership\nreport-extract.txt,Harbourside\n", types: Paths.documentTypes)
        #expect(CorpusSelection(documents: [pdf, converted, extracted], manifest: manifest).documents.count == 2)
    }

    /// A PDF left out for a text file of its name whose words are not quite its own (another
    /// program's text of it) takes its pages with it: the note says how to keep it. A PDF made from
    /// the text file (the same words, as the corpus's are) loses nothing, and the note says nothing more.
    @Test func aPDFLeftOutForAnotherProgramsTextSaysHowToKeepItsPages() {
        let pdf = Self.document("report.pdf", .pdf, Self.words)
        let converted = Self.document("report.txt", .text, ["Page 1"] + Self.words)
        let note = CorpusSelection(documents: [pdf, converted]).note ?? ""
        #expect(note.hasSuffix("to cite pages, keep the PDF: a manifest row report.txt,report.pdf under file,version_of"), "\(note)")
        let same = CorpusSelection(documents: [pdf, Self.document("report.txt", .text, Self.words)]).note ?? ""
        #expect(same.hasPrefix("counted each document once") && !same.contains("keep the PDF"), "\(same)")
    }

    @Test func withoutAnOriginalFormatTheFirstReadIsKept() {
        let html = Self.document("a.html", .html, Self.words)
        let pdf = Self.document("b.pdf", .pdf, Self.words)
        let selection = CorpusSelection(documents: [html, pdf])
        #expect(selection.documents.map(\.fileName) == ["a.html"])
        #expect(selection.skipped == [.init(version: "b.pdf", original: "a.html")])
    }

    @Test func differentWordsAndEmptyDocumentsAreNotVersions() {
        let one = Self.document("a.html", .html, Self.words)
        let changed = Self.document("b.html", .html, Self.words + ["One more sentence."])
        let empty = Self.document("c.html", .html, [])
        let alsoEmpty = Self.document("d.pdf", .pdf, [])
        let selection = CorpusSelection(documents: [one, changed, empty, alsoEmpty])
        #expect(selection.documents.count == 4)
        #expect(selection.skipped.isEmpty)
    }

    /// The same words count once even where the manifest names the files (until session 19 a row
    /// naming one copy, or both, made them count twice, items and all); given different
    /// partnerships by it (one report published by two partnerships), they count for each.
    @Test func theManifestKeepsCopiesApartOnlyForDifferentPartnerships() throws {
        let copies = [Self.document("a.html", .html, Self.words), Self.document("b.html", .html, Self.words)]
        for rows in ["a.html,Harbourside\nb.html,Harbourside\n", "b.html,Harbourside\n", "a.html,\nb.html,\n"] {
            let manifest = try Manifest.parse("file,partnership\n" + rows, types: Paths.documentTypes)
            let selection = CorpusSelection(documents: copies, manifest: manifest)
            #expect(selection.documents.map(\.name) == ["a.html"], "\(rows)")
            #expect(selection.skipped == [.init(version: "b.html", original: "a.html")])
        }
        let joint = try Manifest.parse("file,partnership\na.html,Harbourside\nb.html,Eastmoor\n", types: Paths.documentTypes)
        #expect(CorpusSelection(documents: copies, manifest: joint).documents.map(\.metadata.partnership) == ["Harbourside", "Eastmoor"])
    }

    /// Offered one at a time in the files' order (as `analyse` does while the files are still being
    /// read, to drop a version's findings at once), the originals name exactly the documents the
    /// selection leaves out as versions of the same words.
    @Test func offeredInOrderTheOriginalsDropExactlyTheVersionsTheSelectionLeavesOut() {
        let documents = [Self.document("a.html", .html, Self.words), Self.document("b.pdf", .pdf, Self.words),
                         Self.document("c.txt", .text, Self.words), Self.document("other.html", .html, ["Another report."]),
                         Self.document("d.docx", .docx, Self.words)]
        var originals = CorpusSelection.ContentOriginals()
        var dropped: [Int] = []
        for (index, document) in documents.enumerated() {
            if let version = originals.offer(index, key: document.contentKey, document: document, manifest: nil) { dropped.append(version) }
        }
        // b.pdf is a version of a.html at once; c.txt then takes a.html's place; d.docx is c.txt's.
        #expect(dropped == [1, 0, 4])
        let selection = CorpusSelection(documents: documents)
        #expect(Set(selection.skipped.map(\.version)) == Set(dropped.map { documents[$0].fileName }))
        #expect(selection.documents.map(\.fileName) == ["c.txt", "other.html"])
    }
}
