import Foundation
import Testing
import ScrutinyKit

/// `classify --lines` as a scrutineer runs it: from standard input, a file or a document, under
/// `--scheme auto`, with headings kept apart and broken words joined; empty or cut input fails.
@Suite struct ClassifyLinesCommandTests {
    @Test func linesFromStandardInputGetThemesAndEvidence() throws {
        let result = try CLI.run(["classify", "--lines", "-", "--format", "jsonl"],
                                 stdin: "- The partnership should agree a funding formula for the business unit.\n\nNothing here at all.\n")
        #expect(result.status == 0, "\(result.stderr)")
        let objects = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.count == 2)
        #expect(objects[0]["theme"] as? String == "leadership")
        #expect(objects[0]["subtheme"] as? String == "resourcing")
        #expect(objects[0]["text"] as? String == "The partnership should agree a funding formula for the business unit.")
        for key in ["secondary", "scores", "matches", "id", "kind", "section"] { #expect(objects[0][key] != nil, "missing \(key)") }
        let matches = try #require(objects[0]["matches"] as? [[String: Any]])
        #expect(matches.contains { $0["term"] as? String == "funding formula" && $0["start"] as? Int == 31 })
        #expect(objects[1]["theme"] as? String == "unclassified")
        #expect(objects[0]["actor"] as? String == "The partnership")
        #expect(objects[0]["strength"] as? String == "should")
    }

    /// `--lines --scheme auto` says only which era's scheme coded the lines (it also said
    /// "coded by wt2018 alone" when wt2023 had coded them), and `--narrative` with `--lines`, which
    /// did nothing, is a usage error (session 39's re-audit).
    @Test func linesUnderAutoSayOneSchemeAndNarrativeIsRefused() throws {
        let auto = try CLI.run(["classify", "--lines", "-", "--scheme", "auto"], stdin: "The lead safeguarding partners should appoint a chair.\n")
        #expect(auto.status == 0)
        #expect(auto.stderr.contains("coded against wt2023"), "\(auto.stderr)")
        #expect(!auto.stderr.contains("alone"), "\(auto.stderr)")
        let narrative = try CLI.run(["classify", "--lines", "-", "--narrative"], stdin: "The partners should fund the unit.\n")
        #expect(narrative.status == 64)
        #expect(narrative.stderr.contains("--narrative: goes with documents"))
    }

    /// A web page's or Word file's headings stay headings under `--lines`: what a "Next steps"
    /// heading says will happen is no item (session 45's third re-audit: it was a recommendation,
    /// and the heading too).
    @Test func linesKeepADocumentsHeadingsApart() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("list.html")
        try """
        <html><body><h2>Recommendations</h2><ol><li>The executive should publish its audit programme.</li>
        <li>Police attendance at strategy meetings to improve</li></ol>
        <h2>Next steps</h2><p>The business unit will draft an action plan for the executive in June.</p></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
        let result = try CLI.run(["classify", "--lines", page.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 2, "\(result.stdout)")
        #expect(rows.allSatisfy { $0.contains(",recommendation,listed,") }, "\(result.stdout)")
        #expect(result.stderr.contains("\"Next steps\""), "\(result.stderr)")
    }

    /// A list kept in a Word file, a PDF or a web page is read as its document by `--lines`, each
    /// paragraph and list item a line (a scrutineer's audit, session 42: a .docx was refused); it
    /// gives the items the text version gives. A PDF that cannot be read is refused in one line,
    /// never decoded as text (its operators became items: session 39's re-audit), and RTF is refused.
    @Test func linesReadAWordFileOrPDFAsItsDocument() throws {
        func items(_ path: String) throws -> [String] {
            let result = try CLI.run(["classify", "--lines", path, "--format", "csv"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",", maxSplits: 1)[1]) }
        }
        let word = try CLI.run(["classify", "--lines", "corpus/documents/calderwick-committee-report-2022.docx"])
        #expect(word.stderr.contains("--lines: read corpus/documents/calderwick-committee-report-2022.docx as a Word document (.docx), each paragraph and list item a line"), "\(word.stderr)")
        let fromWord = try items("corpus/documents/calderwick-committee-report-2022.docx")
        #expect(fromWord.count >= 3)
        #expect(try items("corpus/documents/calderwick-committee-report-2022.pdf").count >= 3)
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("report.pdf")
        try "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nBT /F1 12 Tf (The partners should fund the unit.) Tj ET\n"
            .write(to: pdf, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["classify", "--lines", pdf.path])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.hasPrefix("scrutiny: --lines: "), "\(refused.stderr)")
        #expect(!refused.stderr.contains("should fund"))
        #expect(try CLI.run(["classify", "--lines", "-"], stdin: "{\\rtf1 The partners should fund the unit.}\n").status == 1)
    }

    /// A pasted list as a scrutineer pastes it: its heading is not an item, a word broken at a
    /// line's end is one word, and the table says each item's kind.
    @Test func aPastedListLosesItsHeadingAndKeepsItsBrokenWords() throws {
        let pasted = "Recommendations\n1. The partnership should co-\nordinate training for school staff.\n2. Publish the audit plan.\n"
        let result = try CLI.run(["classify", "--lines", "-", "--format", "jsonl"], stdin: pasted)
        #expect(result.status == 0, "\(result.stderr)")
        let texts = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["text"] as? String
        }
        #expect(texts == ["The partnership should co-ordinate training for school staff.", "Publish the audit plan."])
        #expect(result.stderr.contains("left out 1 heading or lead-in (\"Recommendations\")"), "\(result.stderr)")
        // The learned layer is kept to inspection documents; lines have none, and are told so.
        #expect(result.stderr.contains("--lines: coded by wt2018 alone"), "\(result.stderr)")
        let table = try CLI.run(["classify", "--lines", "-"], stdin: pasted).stdout
        #expect(table.hasPrefix("| # | kind "), "\(table)")
    }

    /// Nothing to classify fails the run in one line, as an empty document does for every command
    /// (it printed an empty table with status 0, and a note on the learned layer, until session
    /// 31's user audit); lines that are all headings say so; an item cut at the limit fails the
    /// run as a document read with errors does, and the items are still printed.
    @Test func emptyOrCutLinesFailTheRun() throws {
        let empty = try CLI.run(["classify", "--lines", "-"], stdin: "\n")
        #expect(empty.status == 1 && empty.stdout.isEmpty, "\(empty.stdout)")
        #expect(empty.stderr == "scrutiny: --lines: standard input is empty\n", "\(empty.stderr)")
        let blank = try CLI.run(["classify", "--lines", "-"], stdin: "  \n\t\n")
        #expect(blank.status == 1 && blank.stderr == "scrutiny: --lines: standard input holds only white space\n", "\(blank.stderr)")
        let headings = try CLI.run(["classify", "--lines", "-"], stdin: "Recommendations\n")
        #expect(headings.status == 1)
        #expect(headings.stderr.contains("--lines: standard input holds no lines to classify"), "\(headings.stderr)")
        // Just over the limit: a debug build reads a megabyte slowly.
        let long = "The partnership should review " + String(repeating: "x", count: (1 << 20) + 100_000)
        let cut = try CLI.run(["classify", "--lines", "-", "--format", "csv"], stdin: "Publish the audit plan.\n" + long + "\n")
        #expect(cut.status == 1)
        #expect(cut.stderr.contains("--lines: read standard input with errors: an item of 1.1 MB was cut at the 1 MB limit for one item"), "\(cut.stderr)")
        #expect(cut.stdout.contains("Publish the audit plan."))
    }
}
