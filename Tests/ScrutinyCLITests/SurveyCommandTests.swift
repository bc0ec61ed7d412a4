import Foundation
import Testing
import ScrutinyKit

/// `scrutiny profile`, `survey` and `analyse` run as a user runs them.
@Suite struct SurveyCommandTests {
    static let fixture = "Tests/ScrutinyKitTests/Fixtures/survey"

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func profileJSONIsAnArrayOfPartnershipsWithIndicatorsKeyedById() throws {
        let result = try CLI.run(["profile", "corpus/documents", "--manifest", "corpus/manifest.csv", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let profiles = try #require(try json(result.stdout) as? [[String: Any]])
        #expect(profiles.count == 8)
        let hartsey = try #require(profiles.first { $0["partnership"] as? String == "Hartsey" })
        let indicators = try #require(hartsey["indicators"] as? [String: [String: Any]])
        #expect(indicators.count == 39)  // 32, and the 7 Working Together 2023 indicators
        #expect(indicators["who.independent_chair"]?["value"] as? String == "no")
        #expect(indicators["who.scrutineer_count"]?["value"] as? Int == 3)
        #expect(indicators["who.lay_members"]?["value"] as? String == "not_stated")
        let evidence = try #require(indicators["who.independent_chair"]?["evidence"] as? [[String: Any]])
        #expect(evidence.first?["document"] as? String != nil)
        #expect((evidence.first?["text"] as? String)?.contains("does not have an independent chair") == true)
        // Each document once: the generated versions of the corpus are skipped, and stderr says so in one line.
        #expect(result.stderr.split(separator: "\n").filter { $0.contains("counted each document once") }.count == 1)
    }

    /// `--no-quoted-partnerships` leaves out the partnerships the national survey quotes under
    /// labels: the tables of arrangements are then of the partnerships whose own documents were
    /// read (a researcher's audit: 33 of the 39 "independent chair" yeses were labels).
    @Test(.enabled(if: CLI.seedsExist)) func quotedPartnershipsCanBeLeftOut() throws {
        func partnerships(_ extra: [String]) throws -> [String] {
            let result = try CLI.run(["survey", CLI.seeds.path, "--format", "json"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let survey = try #require(try json(result.stdout) as? [String: Any])
            return try #require(survey["partnerships"] as? [String])
        }
        let all = try partnerships([]), own = try partnerships(["--no-quoted-partnerships"])
        #expect(all.filter { $0.hasPrefix("LSCP ") }.count >= 50)
        #expect(!own.isEmpty && !own.contains { $0.hasPrefix("LSCP ") })
        #expect(Set(own).isSubset(of: Set(all)) && all.count - own.count >= 50)
        let profiles = try CLI.run(["profile", CLI.seeds.path, "--no-quoted-partnerships", "--format", "csv"])
        #expect(profiles.status == 0 && !profiles.stdout.contains("LSCP "))
    }

    /// A headline figure whose N holds partnerships known only from the national survey's
    /// quotations says how many of N they are, and where (a national team's audit: "98% (n=40)
    /// of 41" stood in bold beside the survey's own 67% of 100, and 38 of the 41 were its labels);
    /// without them, nothing is added.
    @Test(.enabled(if: CLI.seedsExist)) func headlinesSayHowManyOfTheirBaseAreOnlyQuoted() throws {
        var tiles: [String] = []
        func headlines(_ extra: [String]) throws -> [Substring] {
            let folder = try CLI.temporaryDirectory().appendingPathComponent("report")
            let result = try CLI.run(["survey", CLI.seeds.path, "-o", folder.path] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
            tiles.append(markdown.split(separator: "\n").first { $0.hasPrefix("**") && $0.contains(" documents · ") }.map(String.init) ?? "")
            let section = markdown.components(separatedBy: "**Headline figures**").dropFirst().first?.components(separatedBy: "\n\n").dropFirst().first ?? ""
            return section.split(separator: "\n").filter { $0.contains(" of ") && $0.contains("**") }
        }
        let all = try headlines([])
        #expect(all.count >= 3, "\(all)")
        for line in all where line.contains(" silent") {
            let figure = try #require(line.firstMatch(of: /\(n=(\d+)\) of (\d+)/), "\(line)")
            // Of N, or, where N is every partnership read (what is scrutinised: no document can
            // say no), of the n saying yes (session 47).
            let (n, base) = (Int(figure.1) ?? -1, Int(figure.2) ?? -1)
            let quoted = try #require(line.firstMatch(of: /(\d+) of the (\d+) only as quoted in 003_[0-9a-f]+\.txt/), "\(line)")
            #expect((Int(quoted.2) == base || Int(quoted.2) == n) && Int(quoted.1)! <= Int(quoted.2)! && Int(quoted.1)! > 0, "\(line)")
        }

        #expect(try headlines(["--no-quoted-partnerships"]).allSatisfy { !$0.contains("only as quoted") })
        // The tile of partnerships says how many are only quoted (session 43's audit: "104
        // partnerships" read as 104 whose documents were read, 70 being the survey's labels).
        let quotedTile = try #require(tiles.first?.firstMatch(of: /\*\*(\d+)\*\* partnerships, (\d+) of them only as quoted/), "\(tiles)")
        #expect(Int(quotedTile.2)! >= 50 && Int(quotedTile.2)! < Int(quotedTile.1)!)
        #expect(tiles.last?.contains(" partnerships · ") == true && tiles.last?.contains("quoted") == false, "\(tiles)")
    }

    /// A headline whose N holds partnerships decided by documents of the boards before the
    /// partnerships (a 2015 review of an LSCB's independent chair) says how many (session 47's
    /// audit: the headline's yeses from partnerships' own documents were all such boards).
    @Test(.enabled(if: CLI.seedsExist && RealDocuments.exist)) func headlinesSayHowManyOfTheirBaseAreBoards() throws {
        let folder = try CLI.temporaryDirectory().appendingPathComponent("report")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let devon = RealDocuments.folder.appendingPathComponent("devon-ofsted-inspection-2015.pdf").path
        let result = try CLI.run(["survey", CLI.seeds.path, devon, "-o", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        let chair = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("- Independent chair: **") }, "\(markdown.prefix(1500))")
        let boards = try #require(chair.firstMatch(of: /(\d+) of the (\d+) from documents of the LSCB era/), "\(chair)")
        let figure = try #require(chair.firstMatch(of: /\) of (\d+)/))
        #expect(Int(boards.1)! >= 1 && boards.2 == figure.1, "\(chair)")
    }

    /// The national survey is listed as what it is, research, though its quoted partnerships'
    /// passages are read as a scrutiny report's sentences (session 47's audit: documents.csv and
    /// the Documents table called it an independent scrutineer's report).
    @Test(.enabled(if: CLI.seedsExist)) func aDocumentQuotingPartnershipsKeepsItsOwnType() throws {
        let folder = try CLI.temporaryDirectory().appendingPathComponent("report")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let result = try CLI.run(["survey", CLI.seeds.path, "-o", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOf: folder.appendingPathComponent("documents.csv"), encoding: .utf8).split(separator: "\n")
        let header = rows[0].split(separator: ",").map(String.init)
        let type = try #require(header.firstIndex(of: "document_type"))
        let survey = try #require(rows.first { $0.hasPrefix("003_") })
        #expect(survey.contains(",research,"), "\(survey.prefix(120)) … \(header[type])")
        #expect(!survey.contains(",scrutiny-report,"))
    }

    /// The summary counts in the right number (session 43's audits: "reads 1 documents from 1
    /// partnerships").
    @Test func theSummaryCountsInTheRightNumber() throws {
        let one = try CLI.run(["survey", "corpus/documents/hollinsmoor-committee-report-2021.txt"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("This report reads 1 document from 1 partnership,"), "\(one.stdout.prefix(400))")
        #expect(one.stdout.contains("**1** document · **1** partnership · "), "\(one.stdout.prefix(600))")
        let two = try CLI.run(["survey", "corpus/documents/hollinsmoor-committee-report-2021.txt", "corpus/documents/calderwick-jtai-letter-2022.txt"])
        #expect(two.stdout.contains("This report reads 2 documents from 2 partnerships,"), "\(two.stdout.prefix(400))")
        #expect(two.stdout.contains("**2** documents · **2** partnerships · "), "\(two.stdout.prefix(600))")
    }

    /// One item is "1 item found" on its tile, and one partnership "of the 1 partnership" in the
    /// figures' titles (session 43's audit: "1 items found", "of all 1 partnerships").
    @Test func oneItemAndOnePartnershipAreNamedInTheSingular() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("calderwick-scrutiny-2022.txt")
        try "Calderwick Safeguarding Children Partnership: independent scrutiny report 2022\n\nRecommendations\n\n1. The partnership should publish its yearly report on time.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let one = try CLI.run(["survey", file.path])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("**1** document · **1** partnership · **1** item found · **1** counted by theme"), "\(one.stdout.prefix(600))")
        let report = folder.appendingPathComponent("report")
        let run = try CLI.run(["analyse", file.path, "-o", report.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("are silent, of the 1 partnership") && html.contains(">1 item (100%)<"), "\(html.prefix(300))")
        #expect(!html.contains("all 1 partnerships") && !html.contains(">1 items (") && !html.contains("1 of 1 partnerships")
                && !html.contains("1 of 1 items"), "\(html.prefix(300))")
        #expect(html.contains("from 1 of the 1 partnership.") && html.contains("(1 of 1 item)"), "\(html.prefix(300))")
        let two = try CLI.run(["survey", "corpus/documents/hollinsmoor-committee-report-2021.txt", "corpus/documents/calderwick-jtai-letter-2022.txt"])
        #expect(two.stdout.contains(" items found · "), "\(two.stdout.prefix(600))")
    }

    @Test func profileCSVHasTheHandCodingsColumns() throws {
        let result = try CLI.run(["profile", "\(Self.fixture)/documents", "--manifest", "\(Self.fixture)/manifest.csv", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "partnership,indicator,value,document,evidence,page")
        #expect(lines.count == 1 + 3 * 39)
        #expect(lines.contains { $0.hasPrefix("Thornbury Marsh,who.independent_chair,yes,thornbury-marsh-annual-report-2023.md,") })
    }

    /// The evidence's page closes each row, where the document has pages (session 40's audit:
    /// `profiles.csv` had no page, though the JSON had).
    @Test(.enabled(if: RealDocuments.exist)) func profileCSVGivesTheEvidencesPage() throws {
        let result = try CLI.run(["profile", RealDocuments.folder.appendingPathComponent("derby-ofsted-inspection-2025.pdf").path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = CSVRows.parse(result.stdout)
        let scrutineer = try #require(rows.first { $0.count > 1 && $0[1] == "who.independent_scrutineer" })
        #expect(scrutineer[2] == "yes" && Int(scrutineer[5]) != nil, "\(scrutineer)")
        #expect(rows.filter { $0.count > 2 && $0[2] == "not_stated" }.allSatisfy { $0[5].isEmpty })
    }

    @Test func surveyCSVHasOneRowPerIndicator() throws {
        let result = try CLI.run(["survey", "\(Self.fixture)/documents", "--manifest", "\(Self.fixture)/manifest.csv", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "indicator,group,label,n,N,percent,silent,base,quoted")
        #expect(lines.count == 40)
        #expect(lines.contains("who.independent_scrutineer,who,Employ independent scrutineer(s),2,3,67,0,partnerships whose documents address it,0"))
    }

    @Test func surveyWritesEveryTableToAFolder() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["survey", "\(Self.fixture)/documents", "--manifest", "\(Self.fixture)/manifest.csv",
                                  "--format", "html", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names.isSuperset(of: ["report.html", "indicators.csv", "themes.csv", "kinds.csv", "subthemes.csv",
                                      "theme-gaps.csv", "trends.csv", "counts.csv", "documents.csv", "themes-by-era.csv"]))
    }

    /// The inspections among the documents are a CSV of their own, one row per area and judgement
    /// (session 31's user audit: they were in `survey.json` only); a focused visit, with no
    /// judgement, has one row with the judgement empty. Without inspections there is no file.
    @Test(.enabled(if: RealDocuments.exist)) func inspectionsAreWrittenAsCSV() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = RealDocuments.folder
        let result = try CLI.run(["survey", real.appendingPathComponent("derby-ofsted-inspection-2025.pdf").path,
                                  real.appendingPathComponent("blackburn-with-darwen-ofsted-focused-visit-2024.pdf").path,
                                  "--output", folder.appendingPathComponent("real").path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = CSVRows.parse(try String(contentsOf: folder.appendingPathComponent("real/inspections.csv"), encoding: .utf8))
        #expect(rows.first == ["partnership", "inspection", "date", "judgement", "grade", "document", "page"])
        // The page that states the grade: Derby's grades are in the table on its first page.
        #expect(rows.contains(["Derby", "ilacs", "2025-05-23", "overall_effectiveness", "outstanding", "derby-ofsted-inspection-2025.pdf", "1"]), "\(rows)")
        #expect(rows.filter { $0.first == "Derby" }.count == 5)
        #expect(rows.contains(["Blackburn with Darwen", "focused_visit", "2024-04-24", "", "", "blackburn-with-darwen-ofsted-focused-visit-2024.pdf", ""]),
                "\(rows)")
        // The report has them as a table, in the survey's form: Derby's grades, and the focused
        // visit's area silent (until session 32, only the CSV and the JSON had them).
        let report = try String(contentsOf: folder.appendingPathComponent("real/report.md"), encoding: .utf8)
        let cells = report.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        // Of the partnerships graded on it, each with the year of the inspection that gave it; the
        // silent of all the partnerships.
        let overall = try #require(cells.firstIndex { $0.count > 2 && $0[1] == "Overall effectiveness" }, "\(report)")
        #expect(cells[overall] == ["", "Overall effectiveness", "Outstanding", "100% (n=1) of 1", "Derby (2025)", ""])
        // The silent are named (session 40's audit: "Silent 96 of 114" could not be traced).
        #expect(cells[overall + 1] == ["", "", "Silent", "1 of 2", "Blackburn with Darwen", ""])
        // survey.json gives each grade of the partnerships graded, as the report prints it.
        let printed = try CLI.run(["survey", real.appendingPathComponent("derby-ofsted-inspection-2025.pdf").path,
                                   real.appendingPathComponent("blackburn-with-darwen-ofsted-focused-visit-2024.pdf").path, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any]
        let inspections = try #require(json?["inspections"] as? [String: Any])
        let row = try #require((inspections["rows"] as? [[String: Any]])?.first { $0["id"] as? String == "inspection.overall_effectiveness" })
        let grade = try #require((row["grades"] as? [[String: Any]])?.first)
        #expect(grade["proportion"] as? [String: Int] == ["n": 1, "of": 1, "percent": 100])
        #expect(row["graded"] as? Int == 1 && row["silentPartnerships"] as? [String] == ["Blackburn with Darwen"])
        #expect(report.contains("\n## Inspection judgements\n") && report.contains("](#inspection-judgements)\n"))
        let none = try CLI.run(["survey", "\(Self.fixture)/documents", "--output", folder.appendingPathComponent("fixture").path])
        #expect(none.status == 0, "\(none.stderr)")
        // Without inspections the file is its header alone, so that a script finds every file on every run.
        #expect(try String(contentsOf: folder.appendingPathComponent("fixture/inspections.csv"), encoding: .utf8)
            == "partnership,inspection,date,judgement,grade,document,page\n")
        #expect(!(try String(contentsOf: folder.appendingPathComponent("fixture/report.md"), encoding: .utf8)).contains("Inspection judgements"))
    }

    /// A folder's README, passed by on purpose, is no failure in the report's notes (session 32's
    /// audit: it stood among the files not read); a file that failed still is.
    @Test func aPassedByReadmeIsNoFailureInTheNotes() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("corpus/documents/hollinsmoor-committee-report-2021.txt"),
                                         to: documents.appendingPathComponent("hollinsmoor-committee-report-2021.txt"))
        try "About these files.\n".write(to: documents.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try Data().write(to: documents.appendingPathComponent("empty.pdf"))
        let result = try CLI.run(["survey", documents.path, "-o", folder.appendingPathComponent("out").path])
        #expect(result.status == 1, "\(result.stderr)")
        let report = try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8)
        #expect(report.contains("Passed by: skipped \(documents.path)/README.md: the folder's README"), "\(report)")
        #expect(report.contains("File not read or read with errors: cannot read \(documents.path)/empty.pdf"), "\(report)")
        #expect(!report.contains("read with errors: skipped"))
        // The summary says so too, counting the file that failed and not the README (session 40's
        // audit: a reader of the summary alone did not learn that an input was lost).
        let summary = try #require(report.split(separator: "\n").first { $0.hasPrefix("This report reads") })
        #expect(summary.hasSuffix("Files not read, or read with errors: 1; what they hold may be missing from the figures (see the notes)."), "\(summary)")
    }

    /// The report's notes name every version left out; standard error names the first three
    /// ("and 13 more"): a published report is complete about what it left out (session 31's user
    /// audit), a terminal line is short.
    @Test func theReportNamesEveryVersionLeftOut() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["survey", "corpus/documents", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("left out 16 other versions or copies of documents also read (") && result.stderr.contains(" and 13 more)"),
                "\(result.stderr)")
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        let line = try #require(report.split(separator: "\n").first { $0.contains("left out 16 other versions") })
        #expect(!line.contains("more)"), "\(line)")
        #expect(line.components(separatedBy: " (of ").count - 1 == 16, "\(line)")
    }

    /// `survey` takes `--title` as `analyse` does, for the report it prints and the one it writes
    /// (session 31's user audit: "Unknown option '--title'").
    @Test func surveyTakesATitleAsAnalyseDoes() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["survey", "\(Self.fixture)/documents", "--manifest", "\(Self.fixture)/manifest.csv", "--title", "Scrutiny in the North"]
        let printed = try CLI.run(arguments)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix("# Scrutiny in the North\n"), "\(printed.stdout.prefix(80))")
        let written = try CLI.run(arguments + ["--format", "html", "--output", folder.path + "/"])
        #expect(written.status == 0, "\(written.stderr)")
        // Given with its slash, the folder is said with one (it was said "out//").
        #expect(written.stderr.contains("wrote the survey to \(folder.path)/\n"), "\(written.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8).contains("<h1>Scrutiny in the North</h1>"))
    }

    /// `documents.csv` has one row a document, so that `document` is a key: the national survey
    /// (seed 003), which quotes seventy partnerships, names them in one cell in natural order
    /// (session 28's user audit: 70 rows, "LSCP 1, LSCP 10, LSCP 101, …").
    @Test(.enabled(if: CLI.seedsExist)) func documentsCSVHasOneRowADocument() throws {
        let folder = try CLI.temporaryDirectory()
        let result = try CLI.run(["survey", CLI.seed("003"), CLI.seed("000"), "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = CSVRows.parse(try String(contentsOf: folder.appendingPathComponent("documents.csv"), encoding: .utf8))
        #expect(rows.count == 3, "a header and two documents")
        let survey = try #require(rows.first { $0.first?.hasPrefix("003") == true })
        let partnerships = survey[1].components(separatedBy: "; ")
        #expect(partnerships.count >= 60)
        #expect(partnerships.prefix(3) == ["LSCP 1", "LSCP 2", "LSCP 3"], "\(partnerships.prefix(5))")
    }

    @Test func analyseWritesASelfContainedReportWhoseNumbersLinkToEvidence() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["analyse", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        // Where the report went is a note on standard error; the output is the folder.
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("report written to") && result.stderr.contains("report.html"))
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.range(of: #"(src|href)="(https?:|//)"#, options: .regularExpression) == nil, "the report must make no external requests")
        let ids = Set(matches(#"id="([^"]+)""#, in: html))
        let targets = matches(##"href="#([^"]+)""##, in: html)
        #expect(targets.count > 200)
        #expect(targets.filter { !ids.contains($0) }.isEmpty, "every link points at an anchor in the page")
        // Each item stands whole once (with its document link), every other list links to it
        // (session 28's user audit: each item stood whole under every table, 46 MB for 48 PDFs).
        let whole = matches(#"<li id="(item-[^"]+)">"#, in: html)
        #expect(whole.count == 189 && Set(whole).count == 189, "\(whole.count)")
        #expect(Set(targets.filter { $0.hasPrefix("item-") }) == Set(whole))
        let long = "The partnership needs to make sure that its training on bruising in babies who are not yet mobile reaches GP practices"
            + " and minor injury units, not only hospital staff."
        #expect(html.components(separatedBy: long).count - 1 == 1, "whole once, in the list of every item")
        #expect(html.contains("75% (n=6) of 8"))
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("19 documents from 8 partnerships, dated 2020 to 2024."))
        // The headline figures rest on five partnerships or more (smaller ones stay in their tables).
        let headlines = markdown.components(separatedBy: "**Headline figures**").dropFirst().first?
            .components(separatedBy: "\n\n").dropFirst().first ?? ""
        let bases = matches(#"\*\*[^*]*? of (\d+)[^*]*\*\*"#, in: headlines).compactMap(Int.init)
        #expect(bases.count >= 3, "\(headlines)")
        #expect(bases.allSatisfy { $0 >= 5 }, "\(headlines)")
        // Each reads question first, then its figure (until session 29 the figure came first and
        // the question trailed after it: "**75% (n=6) of 8** Employ independent scrutineer(s)").
        #expect(headlines.contains("- Employ independent scrutineer(s): **75% (n=6) of 8**"), "\(headlines)")
        #expect(html.contains("<li>Employ independent scrutineer(s): <a class=\"figure\""))
        // Its contents name every section it has (the forms of item were missing until session 18).
        let sections = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let listed = matches(#"(?m)^\d+\. \[([^\]]+)\]\(#"#, in: markdown)
        #expect(Set(sections.dropFirst()) == Set(listed), "\(Set(sections).symmetricDifference(listed))")
        // items.csv holds every item the report counts, procedural decisions too (with no theme).
        let items = CSVReader.records(try String(contentsOf: folder.appendingPathComponent("items.csv"), encoding: .utf8)).records
        let counted = try #require(Int(matches(#"\*\*(\d+)\*\* items found"#, in: markdown).first ?? ""), "the report says how many items")
        #expect(items.count == counted)
        #expect(items.filter { $0["kind"] == "procedural" }.allSatisfy { ($0["theme"] ?? "x").isEmpty })
        #expect(items.contains { $0["kind"] == "procedural" })
        for name in ["indicators.csv", "profiles.csv", "items.csv", "survey.json", "themes.csv", "trends.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) is missing")
        }
    }

    @Test func aBadManifestIsReportedWithWhatToDo() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("manifest.csv")
        try "file,document_type\nx.txt,memo\n".write(to: manifest, atomically: true, encoding: .utf8)
        let result = try CLI.run(["profile", "\(Self.fixture)/documents", "--manifest", manifest.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("line 2") && result.stderr.contains("document_type 'memo'") && result.stderr.contains("use scrutiny-report"))
    }

    func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
