import Foundation
import Testing

/// Issue 21 through the command line: the `wt2023` scheme's accuracy on the hand-coded real
/// 2024–2026 items (Tests/Gold/wt2023, 6 documents held back), `--scheme auto`, and the era printed
/// with each item.
@Suite struct EraSchemeTests {
    /// `scrutiny evaluate --gold Tests/Gold/wt2023 --scheme wt2023 --narrative ../shared/real`, run
    /// once: the theme figures of each part. Only the 17 documents the gold codes are read (the
    /// figures are those of all 48: the others have no gold), a third of the time in a debug build.
    static let parts: [String: [String: Double]] = {
        let coded = (try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Tests/Gold/wt2023/items").path)) ?? []
        let documents = coded.filter { $0.hasSuffix(".csv") }.sorted().map { RealDocuments.folder.appendingPathComponent(String($0.dropLast(4)) + ".pdf").path }
        guard RealDocuments.exist, documents.count == 17,
              let result = try? CLI.run(["evaluate", "--format", "json", "--narrative", "--scheme", "wt2023", "--gold", "Tests/Gold/wt2023"]
                                        + documents),
              let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
              let parts = object["parts"] as? [String: [String: Any]] else { return [:] }
        return parts.compactMapValues { ($0["themes"] as? [String: Any])?.compactMapValues { $0 as? Double } }
    }()

    /// The floors hold the figures reached (README, "Working Together 2023"): held back 0.832 with
    /// kappa 0.718, tuning 0.895 with kappa 0.831 (session 10). The issue's target, 0.85 held back, is not met.
    @Test(.enabled(if: RealDocuments.exist), arguments: [("heldout", 0.83, 0.71), ("tuning", 0.89, 0.83)])
    func wt2023ThemeAccuracyHolds(part: String, accuracy: Double, kappa: Double) throws {
        let themes = try #require(Self.parts[part])
        let figure = try #require(themes["themeAccuracy"])
        print("wt2023 \(part): theme accuracy \(figure), kappa \(themes["kappa"] ?? 0), sub-theme \(themes["subthemeAccuracy"] ?? 0)")
        #expect(figure >= accuracy, "\(part): theme accuracy \(figure) below \(accuracy)")
        #expect(themes["kappa"] ?? 0 >= kappa)
    }

    /// `--scheme wt2023` is a built-in name wherever a scheme is chosen.
    @Test func wt2023IsABuiltInScheme() throws {
        let result = try CLI.run(["classify", "--scheme", "wt2023", "--lines", "-", "--format", "csv"],
                                 stdin: "The lead safeguarding partners should agree the funding formula for the partnership.\n"
                                     + "Return home interviews for children who go missing must be offered within 72 hours.\n")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst().map(String.init)
        #expect(rows.count == 2)
        #expect(rows[0].contains(",leadership,"))
        #expect(rows[1].contains(",practice,harm-outside-home,"))
        let count = try CLI.run(["count", "--scheme", "wt2023", "--level", "1", "corpus/documents/kestlebury-independent-review-2024.md"])
        #expect(count.status == 0)
        let header = count.stdout.split(separator: "\n").first.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        #expect(Array(header.suffix(5)) == ["leadership", "partnership", "assurance", "practice", "learning"])
    }

    /// `--scheme auto` on a corpus spanning eras: each document's items are coded against its era's
    /// scheme (an LSCB-era 2016 inspection and a 2022 one against wt2018, a 2025 one against
    /// wt2023), and the other scheme's coding is given where the two differ on the wt2023 axis.
    @Test(.enabled(if: RealDocuments.exist)) func autoCodesEachDocumentAgainstItsEra() throws {
        let files = ["kirklees-ofsted-inspection-2016.pdf", "newham-ofsted-inspection-2022.pdf", "medway-ofsted-focused-visit-2025.pdf"]
        let result = try CLI.run(["classify", "--scheme", "auto", "--format", "csv"] + files.map { RealDocuments.folder.appendingPathComponent($0).path })
        #expect(result.status == 0, "\(result.stderr)")
        let rows = CSVRows.parse(result.stdout)
        let header = try #require(rows.first)
        let column = { (name: String) in header.firstIndex(of: name) ?? -1 }
        #expect(column("era") >= 0 && column("scheme") >= 0 && column("differ") >= 0 && column("other_theme") >= 0)
        var schemes: [String: Set<String>] = [:]
        var eras: [String: Set<String>] = [:]
        var differing = 0
        for row in rows.dropFirst() where row.count == header.count {
            schemes[row[column("document")], default: []].insert(row[column("scheme")])
            eras[row[column("document")], default: []].insert(row[column("era")])
            if row[column("differ")] == "yes" {
                differing += 1
                #expect(!row[column("other_theme")].isEmpty)
            } else {
                #expect(row[column("other_theme")].isEmpty)
            }
        }
        #expect(eras[files[0]] == ["lscb"] && schemes[files[0]] == ["wt2018"])
        #expect(eras[files[1]] == ["wt2018"] && schemes[files[1]] == ["wt2018"])
        #expect(eras[files[2]] == ["wt2023"] && schemes[files[2]] == ["wt2023"])
        #expect(differing > 0)
    }

    /// Pasted lines have no date: with `--scheme auto` their own words choose the era, as an
    /// undated document's do, and a note says which words; lines that name no era are coded
    /// against wt2018, and the note says how to choose wt2023 (session 37's audit).
    @Test func pastedLinesTakeTheEraTheirWordsName() throws {
        let named = "Recommendations under Working Together 2023\n1. Lead safeguarding partners should agree how delegated safeguarding partners report to them.\n"
        let result = try CLI.run(["classify", "--scheme", "auto", "--lines", "-", "--format", "csv"], stdin: named)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = CSVRows.parse(result.stdout)
        let header = try #require(rows.first)
        let (era, scheme) = (try #require(header.firstIndex(of: "era")), try #require(header.firstIndex(of: "scheme")))
        #expect(rows.count == 2 && rows[1][era] == "wt2023" && rows[1][scheme] == "wt2023", "\(rows)")
        #expect(result.stderr.contains("--lines: coded against wt2023, the scheme of the wt2023 era the lines' own words name (\"working together 2023\""), "\(result.stderr)")
        let plain = try CLI.run(["classify", "--scheme", "auto", "--lines", "-", "--format", "csv"], stdin: "The partnership should publish its annual report.\n")
        let plainRows = CSVRows.parse(plain.stdout)
        #expect(plainRows.count == 2 && plainRows[1][era].isEmpty && plainRows[1][scheme] == "wt2018", "\(plainRows)")
        #expect(plain.stderr.contains("--lines: no era named in the lines' words"), "\(plain.stderr)")
    }

    /// The era table names each item's document over several documents and the words that decided
    /// its coding, and the other scheme's words where the two differ; the CSV has the latter as
    /// `other_evidence` (session 45's audit: neither the document nor the words were shown).
    @Test func theEraTableSaysWhereAndWhy() throws {
        let files = ["corpus/documents/kestlebury-independent-review-2024.md", "corpus/documents/ravensholme-scrutiny-report-2022.md"]
        let table = try CLI.run(["classify", "--scheme", "auto"] + files)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
        let header = try #require(lines.first).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(header.contains("document") && header.contains("decided by"), "\(header)")
        // The era coding's close and higher calls are marked as the table of one scheme marks them.
        let letters = ["corpus/documents/calderwick-jtai-letter-2022.txt", "corpus/documents/orrin-valley-jtai-letter-2023.txt"]
        let marked = try CLI.run(["classify", "--scheme", "auto"] + letters).stdout.split(separator: "\n")
            .filter { $0.hasPrefix("|") && ($0.contains("(close: ") || $0.contains("(higher: ")) }
        let csvMarked = CSVRows.parse(try CLI.run(["classify", "--scheme", "auto", "--format", "csv"] + letters).stdout).dropFirst()
            .filter { $0.contains { $0.hasPrefix("close: ") || $0.hasPrefix("higher: ") } }
        #expect(!marked.isEmpty && marked.count == csvMarked.count, "\(marked.count) marked in the table, \(csvMarked.count) in the CSV")
        #expect(lines.dropFirst(2).contains { $0.contains("kestlebury-independent-review-2024.md") }
            && lines.dropFirst(2).contains { $0.contains("ravensholme-scrutiny-report-2022.md") })
        let csv = CSVRows.parse(try CLI.run(["classify", "--scheme", "auto", "--format", "csv"] + files).stdout)
        let (differ, evidence) = (try #require(csv.first?.firstIndex(of: "differ")), try #require(csv.first?.firstIndex(of: "other_evidence")))
        let differing = csv.dropFirst().filter { $0[differ] == "yes" }
        #expect(!differing.isEmpty && differing.allSatisfy { !$0[evidence].isEmpty })
        #expect(csv.dropFirst().filter { $0[differ] == "no" }.allSatisfy { $0[evidence].isEmpty })
    }

    /// A month and year in the headings above a pasted list dates it, as a document's date does (a
    /// date inside an item is a deadline, not the list's); lines naming both eras' words, neither
    /// ahead, are said to, not "no era named" (session 45's audit).
    @Test func aPastedListsHeadingDatesIt() throws {
        let dated = try CLI.run(["classify", "--scheme", "auto", "--lines", "-", "--format", "csv"],
                                stdin: "Recommendations to the partnership, March 2025\n\n1. The partnership should review its budget.\n")
        let rows = CSVRows.parse(dated.stdout)
        let scheme = try #require(rows.first?.firstIndex(of: "scheme"))
        #expect(rows.count == 2 && rows[1][scheme] == "wt2023", "\(rows)")
        #expect(dated.stderr.contains("the scheme of the wt2023 era of the date in the lines' heading (2025-03)"), "\(dated.stderr)")
        let deadline = try CLI.run(["classify", "--scheme", "auto", "--lines", "-", "--format", "csv"],
                                   stdin: "Recommendations\n1. The partnership should review its budget by March 2025.\n")
        #expect(CSVRows.parse(deadline.stdout).last?[scheme] == "wt2018")
        let both = try CLI.run(["classify", "--scheme", "auto", "--lines", "-", "--format", "csv"],
                               stdin: "The three safeguarding partners should meet monthly.\nThe delegated safeguarding partners should report annually.\n")
        #expect(both.stderr.contains("--lines: the lines name more than one era (") && both.stderr.contains("and none leads"), "\(both.stderr)")
    }

    /// `--explain` with `--scheme auto` explains each item under its era's scheme, numbered as the
    /// era table numbers it (session 37's second audit: the explanation was dropped without a word).
    @Test func autoExplainsEachItemUnderItsEra() throws {
        let result = try CLI.run(["classify", "--scheme", "auto", "--explain", "corpus/documents/ravensholme-scrutiny-report-2022.md"])
        #expect(result.status == 0, "\(result.stderr)")
        let explained = try #require(result.stdout.components(separatedBy: "\nEach item under the scheme of its era:\n").dropFirst().first)
        let rows = result.stdout.split(separator: "\n").filter { $0.range(of: #"^\| +\d+ \|"#, options: .regularExpression) != nil }
        let numbered = explained.split(separator: "\n").filter { $0.range(of: #"^\d+\. "#, options: .regularExpression) != nil }
        #expect(rows.count > 10 && numbered.count == rows.count, "\(rows.count) rows, \(numbered.count) explained")
        // Each explanation names the theme the table gives its row.
        for (row, line) in zip(rows, numbered) {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(line.contains(". \(cells[3]) (score"), "\(row) / \(line)")
        }
    }

    /// The era is printed with each item's metadata (CSV column and JSON field).
    @Test func itemsCarryTheirEra() throws {
        let csv = try CLI.run(["recommendations", "--format", "csv", "corpus/documents/farrowdale-research-2024.md"])
        let rows = CSVRows.parse(csv.stdout)
        let era = try #require(rows.first?.firstIndex(of: "era"))
        #expect(rows.count > 1)
        #expect(rows.dropFirst().allSatisfy { $0[era] == "wt2018" })
        let json = try CLI.run(["recommendations", "--format", "json", "corpus/documents/ravensholme-scrutiny-report-2022.md"])
        #expect(json.stdout.contains("\"era\" : \"wt2018\""))
    }
}

/// RFC 4180 rows, for reading the tool's CSV in tests.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character?
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else if character != "\r" {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
