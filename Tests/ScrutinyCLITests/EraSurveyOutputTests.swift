import Foundation
import Testing

/// Issue 21: where a survey's documents span eras, the themes by era table the report shows is also
/// written for researchers (`survey --output`, `analyse`), as `themes-by-era.csv` (long form) and as `eras` in `survey.json`, with
/// each document's era in `documents.csv`. Checked on the real inspections of three eras
/// (../shared/real, dated by publication through Tests/Gold/eras/real-manifest.csv), each coded
/// against its era's scheme (`--scheme auto`): every figure of the CSV and the JSON must be the
/// report's, and the eras' items must add up to the theme table's totals.
@Suite(.enabled(if: RealDocuments.exist)) struct EraSurveyOutputTests {
    /// Two documents of each era: LSCB (2016), 2018 (2021, 2022) and 2023 (2024, 2025).
    static let files = ["kirklees-ofsted-inspection-2016.pdf", "wandsworth-ofsted-inspection-2016.pdf",
                        "hackney-ofsted-focused-visit-2021.pdf", "newham-ofsted-inspection-2022.pdf",
                        "leicestershire-ofsted-inspection-2024.pdf", "medway-ofsted-focused-visit-2025.pdf"]

    /// The report folder written once by `scrutiny analyse … --output` (the survey's tables, report.md and survey.json).
    static let output: Result<URL, Error> = Result {
        let folder = try CLI.temporaryDirectory().appendingPathComponent("report")
        let result = try CLI.run(["analyse", "--scheme", "auto", "--manifest", "Tests/Gold/eras/real-manifest.csv", "--no-cache",
                                  "--output", folder.path] + files.map { RealDocuments.folder.appendingPathComponent($0).path })
        guard result.status == 0 else { throw CLIFailure(message: result.stderr) }
        return folder
    }

    struct CLIFailure: Error { var message: String }

    static func read(_ name: String) throws -> String {
        try String(contentsOf: try output.get().appendingPathComponent(name), encoding: .utf8)
    }

    /// The eras' names as the report wording gives them (`era_names` in lexicons/report.yml), by name.
    static func eraIDs() throws -> [String: String] {
        let wording = try String(contentsOf: CLI.root.appendingPathComponent("lexicons/report.yml"), encoding: .utf8)
        let block = wording.components(separatedBy: "era_names:\n").dropFirst().first ?? ""
        var ids: [String: String] = [:]
        for line in block.split(separator: "\n") {
            guard line.hasPrefix("    "), let colon = line.firstIndex(of: ":") else { break }
            ids[line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)] = line[..<colon].trimmingCharacters(in: .whitespaces)
        }
        return ids
    }

    /// The report's "Themes by era" table: header cells "era name (k documents)", rows "theme | n (p%) | …",
    /// and the last row the eras' totals; eras by id. `second`: the section's second table, the
    /// same items coded with one scheme throughout.
    static func markdownTable(second: Bool = false) throws -> (eras: [String], documents: [Int], cells: [[String]], totals: [String]) {
        let markdown = try read("report.md")
        let section = try #require(markdown.range(of: "## Themes by era"), "report.md has no themes by era section")
        var lines = markdown[section.upperBound...].split(separator: "\n").map(String.init)[...]
        if second { lines = lines.drop { !$0.hasPrefix("|") }.drop { $0.hasPrefix("|") } }
        if second { try #require(lines.first?.hasPrefix("The same items, each coded with wt2023 throughout") == true, "\(lines.prefix(2))") }
        lines = lines.drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        let rows = lines.map { line in line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        let header = try #require(rows.first)
        let ids = try eraIDs()
        let columns = header.dropFirst().map { cell -> (era: String, documents: Int) in
            guard let open = cell.lastIndex(of: "(") else { return (cell, -1) }
            let name = cell[..<open].trimmingCharacters(in: .whitespaces)
            return (ids[name] ?? name, Int(cell[cell.index(after: open)...].prefix { $0.isNumber }) ?? -1)
        }
        let body = rows.dropFirst(2)
        return (columns.map(\.era), columns.map(\.documents), Array(body.dropLast()), body.last ?? [])
    }

    /// items.csv gives each item as its era's scheme coded it, with the axis columns: its score and
    /// the words that decided (until session 20 the axis theme with the era scheme's scores: score
    /// 0 and no evidence for most items), and the axis columns add up to the table of eras.
    @Test func itemsCarryTheirErasCodingAndTheAxis() throws {
        let rows = CSVRows.parse(try Self.read("items.csv"))
        let header = try #require(rows.first)
        let column = { (name: String) in header.firstIndex(of: name) ?? -1 }
        for name in ["theme", "score", "evidence", "scheme", "axis_theme", "axis_subtheme", "differ"] { #expect(column(name) >= 0, "\(name)") }
        let coded = rows.dropFirst().filter { $0[column("kind")] != "procedural" }
        #expect(coded.count > 100)
        #expect(coded.allSatisfy { !$0[column("evidence")].isEmpty && $0[column("score")] != "0" }, "every coded item has its evidence and score")
        #expect(Set(coded.map { $0[column("scheme")] }) == ["wt2018", "wt2023"])
        let table = try Self.markdownTable()
        let counted = coded.filter { ["recommendation", "area_for_improvement"].contains($0[column("kind")]) }
        #expect(String(counted.count) == String(table.totals.dropFirst().compactMap { Int($0) }.reduce(0, +)), "the axis columns hold what the tables count")
    }

    @Test func theEraCSVHoldsTheReportsFigures() throws {
        let table = try Self.markdownTable()
        #expect(table.eras == ["lscb", "wt2018", "wt2023"])
        let rows = CSVRows.parse(try Self.read("themes-by-era.csv"))
        #expect(rows.first == ["era", "documents", "theme", "n", "N", "percent", "one_scheme", "one_scheme_n", "one_scheme_percent"])
        let body = rows.dropFirst()
        // The same items coded with wt2023 throughout: the report's second table, and the CSV's last columns.
        let oneScheme = try Self.markdownTable(second: true)
        #expect(oneScheme.eras == table.eras && oneScheme.totals == table.totals)
        let themes = Set(table.cells.map { $0[0] } + oneScheme.cells.map { $0[0] })
        #expect(body.count == table.eras.count * themes.count)
        for (column, era) in table.eras.enumerated() {
            for cells in table.cells {
                let row = try #require(body.first { $0[0] == era && $0[2] == cells[0] }, "no CSV row for \(era), \(cells[0])")
                #expect(row[1] == String(table.documents[column]))
                #expect("\(row[3]) (\(row[5])%)" == cells[column + 1], "\(era), \(cells[0]): CSV \(row) against the report's \(cells[column + 1])")
                #expect(row[4] == table.totals[column + 1])
            }
            for cells in oneScheme.cells {
                let row = try #require(body.first { $0[0] == era && $0[2] == cells[0] }, "no CSV row for \(era), \(cells[0])")
                #expect(row[6] == "wt2023")
                #expect("\(row[7]) (\(row[8])%)" == cells[column + 1], "\(era), \(cells[0]) with wt2023 throughout: CSV \(row) against \(cells[column + 1])")
            }
            // Each era's items, all of them, under one theme or another either way.
            let sum = body.filter { $0[0] == era }.compactMap { Int($0[7]) }.reduce(0, +)
            #expect(String(sum) == table.totals[column + 1], "\(era): \(sum) items coded with wt2023 throughout, \(table.totals[column + 1]) counted")
        }
        // The line under the second table counts, era by era, the items items.csv marks as coded
        // under another theme by the other scheme; the 2023 era's items are coded with wt2023 in
        // both tables, so none of them (items.csv's differ compares them with their wt2018 coding).
        let items = CSVRows.parse(try Self.read("items.csv"))
        let (kind, differ, era) = (try #require(items.first?.firstIndex(of: "kind")), try #require(items.first?.firstIndex(of: "differ")),
                                   try #require(items.first?.firstIndex(of: "era")))
        let report = try Self.read("report.md")
        let names = try Self.eraIDs()
        let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("Items under another theme in this table than in the first: ") })
        for (column, id) in table.eras.enumerated() {
            let name = try #require(names.first { $0.value == id }?.key)
            let counted = items.dropFirst().filter { $0[era] == id && ["recommendation", "area_for_improvement"].contains($0[kind]) }
            let differing = id == "wt2023" ? 0 : counted.filter { $0[differ] == "yes" }.count
            #expect(line.contains("\(name) \(differing) of \(table.totals[column + 1])"), "\(line): \(name) \(differing)")
        }
        // Each item line of report.md's evidence says its era: the counted ones of each era add up
        // to that era's total (session 45's re-audit: an era's cell could not be traced in Markdown).
        for (column, id) in table.eras.enumerated() {
            let name = try #require(names.first { $0.value == id }?.key)
            let lines = report.split(separator: "\n").filter {
                ($0.hasPrefix("- recommendation · ") || $0.hasPrefix("- area_for_improvement · ")) && $0.contains(" · \(name): ")
            }
            #expect(String(lines.count) == table.totals[column + 1], "\(name): \(lines.count) item lines")
        }
        // The items of the 2023 era are coded with wt2023 either way: its two columns are one.
        let last = try #require(table.eras.lastIndex(of: "wt2023"))
        #expect(table.cells.map { $0[last + 1] } == oneScheme.cells.filter { row in table.cells.contains { $0[0] == row[0] } }.map { $0[last + 1] })
    }

    @Test func theEraSplitAddsUpToTheThemeTableAndTheDocuments() throws {
        let era = CSVRows.parse(try Self.read("themes-by-era.csv")).dropFirst()
        // themes.csv's total row counts every item of every document, computed apart from the era table.
        let total = CSVRows.parse(try Self.read("themes.csv")).dropFirst().filter { $0[0] == "All partnerships" }
        #expect(!total.isEmpty)
        for row in total {
            let sum = era.filter { $0[2] == row[1] }.compactMap { Int($0[3]) }.reduce(0, +)
            #expect(sum == Int(row[2]), "\(row[1]): the eras hold \(sum) items, the theme table \(row[2])")
        }
        let documents = CSVRows.parse(try Self.read("documents.csv"))
        let column = try #require(documents.first?.firstIndex(of: "era"))
        #expect(documents.count - 1 == Self.files.count)
        for name in ["lscb", "wt2018", "wt2023"] {
            let listed = documents.dropFirst().filter { $0[column] == name }.count
            #expect(listed == 2, "\(name): \(listed) documents")
            #expect(era.filter { $0[0] == name }.allSatisfy { $0[1] == String(listed) })
        }
    }

    @Test func surveyJSONCarriesTheEraTable() throws {
        let table = try Self.markdownTable()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try Self.read("survey.json").utf8)) as? [String: Any])
        let eras = try #require(object["eras"] as? [String: Any], "survey.json has no eras")
        #expect(eras["eras"] as? [String] == table.eras)
        #expect(eras["documents"] as? [Int] == table.documents)
        #expect((eras["totals"] as? [Int])?.map(String.init) == Array(table.totals.dropFirst()))
        let rows = try #require(eras["rows"] as? [[String: Any]])
        #expect(rows.map { $0["theme"] as? String ?? "" } == table.cells.map { $0[0] })
        for (row, cells) in zip(rows, table.cells) {
            let proportions = try #require(row["cells"] as? [[String: Int]])
            for (column, proportion) in proportions.enumerated() {
                let n = proportion["n"] ?? -1, of = proportion["of"] ?? -1
                let percent = proportion["percent"] ?? -1
                #expect("\(n) (\(percent)%)" == cells[column + 1], "\(cells[0]) in \(table.eras[column])")
                #expect(String(of) == table.totals[column + 1])
            }
        }
    }

    /// Each item of survey.json carries its document's era, and the report says each document's
    /// era (a column of the table of documents) and how many documents each era has (session 45's
    /// audit: the report never showed an era, and the JSON's items had none).
    @Test func everyDocumentAndItemSaysItsEra() throws {
        let documents = CSVRows.parse(try Self.read("documents.csv"))
        let header = try #require(documents.first)
        let (file, era) = (try #require(header.firstIndex(of: "document")), try #require(header.firstIndex(of: "era")))
        let eraOf = Dictionary(documents.dropFirst().map { ($0[file], $0[era]) }, uniquingKeysWith: { first, _ in first })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try Self.read("survey.json").utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        for item in items {
            let document = item["document"] as? String ?? ""
            #expect(item["era"] as? String == eraOf[document], "\(document): item era \(item["era"] ?? "none")")
        }
        let markdown = try Self.read("report.md")
        #expect(markdown.contains("Documents by era: LSCB era 2, WT 2018 2 and WT 2023 2; each coded against its era's scheme (--scheme auto)"))
        let names = try Self.eraIDs()
        let section = try #require(markdown.range(of: "## Documents"))
        let rows = markdown[section.upperBound...].split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        let column = try #require(rows.first?.firstIndex(of: "Era"))
        #expect(rows.count == Self.files.count + 2)
        for row in rows.dropFirst(2) {
            let name = try #require(Self.files.first { row[0].contains($0.replacingOccurrences(of: "_", with: "\\_")) || row[0].contains($0) })
            #expect(names[row[column]] == eraOf[name], "\(name): the report says \(row[column]), documents.csv \(eraOf[name] ?? "none")")
        }
    }
}
