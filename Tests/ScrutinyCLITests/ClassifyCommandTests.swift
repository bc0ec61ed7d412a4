import Foundation
import Testing
import ScrutinyKit

@Suite struct ClassifyCommandTests {
    /// The documents whose annotations the lexicons were not tuned on, with any generated versions of them.
    func heldOutDocuments() throws -> [String] {
        let list = try String(contentsOf: CLI.root.appendingPathComponent("corpus/heldout.txt"), encoding: .utf8)
        let names = list.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        #expect(names.count >= 4)
        return names.map { "corpus/documents/" + $0 }
    }

    @Test func heldBackAnnotationsAgreeWithTheClassifier() throws {
        let result = try CLI.run(["evaluate", "--format", "json", "--gold", "corpus/annotations.csv"] + (try heldOutDocuments()))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let themes = try #require(object["themes"] as? [String: Any])
        let accuracy = themes["themeAccuracy"] as? Double ?? 0
        let kappa = themes["kappa"] as? Double ?? 0
        let items = themes["items"] as? Int ?? 0
        print("held-back: \(items) items, theme accuracy \(String(format: "%.3f", accuracy)), kappa \(String(format: "%.3f", kappa)), macro-F1 \(String(format: "%.3f", themes["macroF1"] as? Double ?? 0))")
        #expect(items >= 40)
        #expect(accuracy >= 0.85)
        #expect(kappa >= 0.75)
    }

    @Test func explainShowsTheWordsThatDecided() throws {
        let result = try CLI.run(["classify", "corpus/documents/ravensholme-scrutiny-report-2022.md", "--explain"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("| theme"))
        #expect(result.stdout.contains("\u{2192} purpose."))
        #expect(result.stdout.contains("items:"))
        let six = try CLI.run(["classify", "corpus/documents/ravensholme-scrutiny-report-2022.md", "--scheme", "six-steps", "--format", "csv"])
        #expect(six.status == 0)
        #expect(six.stdout.contains(",quality-assurance,") || six.stdout.contains(",case-reviews,"))
        let bad = try CLI.run(["classify", "x.txt", "--scheme", "no-such-scheme.yml"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--scheme"))
        // --explain belongs to the table: with CSV it was ignored without a word until session 19.
        let csvExplain = try CLI.run(["classify", "corpus/documents/ravensholme-scrutiny-report-2022.md", "--explain", "--format", "csv"])
        #expect(csvExplain.status == 64)
        #expect(csvExplain.stderr.contains("--explain: goes with the table format"), "\(csvExplain.stderr)")
    }

    /// Converting a scheme to a format without settings says that its threshold and weights are gone.
    @Test func convertingAwayTheSettingsIsSaid() throws {
        let result = try CLI.run(["lexicon", "convert", "lexicons/wt2018.yml", "-", "--to", "liwc"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("settings (_settings: ") && result.stderr.contains("threshold"), "\(result.stderr)")
        #expect(result.stderr.contains("left out of the output"), "\(result.stderr)")
        // WordStat keeps whole weights: the rounding is said, with how many terms it touched.
        let scheme = try String(contentsOf: CLI.root.appendingPathComponent("lexicons/wt2018.yml"), encoding: .utf8)
        let fractional = scheme.split(separator: "\n").filter { $0.range(of: #"^\s*- .+: *\d*\.\d+\s*$"#, options: .regularExpression) != nil }.count
        #expect(fractional > 10)
        let wordstat = try CLI.run(["lexicon", "convert", "lexicons/wt2018.yml", "-", "--to", "wordstat"])
        #expect(wordstat.status == 0 && wordstat.stdout.contains(" (1)"))
        #expect(wordstat.stderr.contains("wordstat holds whole weights of 1 or more: \(fractional) terms' weights were rounded in the output"), "\(wordstat.stderr)")
        let whole = try CLI.run(["lexicon", "convert", "lexicons/wt2018.yml", "-", "--to", "liwc"])
        #expect(!whole.stderr.contains("whole weights"))
    }

    @Test func decidedByListsOnlyThePrimaryThemesTermsAndExplainGivesTheTotals() throws {
        // "children" matches purpose; the item is coded leadership by its caseloads and workers.
        let line = "Leaders should reduce caseloads so that social workers have time to visit children.\n"
        let result = try CLI.run(["classify", "--lines", "-", "--explain"], stdin: line)
        #expect(result.status == 0)
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("| 1 ") })
        #expect(row.contains("| leadership |"))
        #expect(row.contains("caseloads (resourcing)"))
        #expect(!row.contains("safeguarded"))
        // The explanation still lists every match, and the theme totals that chose the primary.
        #expect(result.stdout.contains("\u{2192} purpose.safeguarded"))
        let heading = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("1. leadership") })
        #expect(heading.contains("themes: leadership "))
        #expect(heading.contains(", purpose "))
    }

    @Test func learnFitsALayerFromDocumentsWithCrossValidation() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layer = folder.appendingPathComponent("wt2018.learned.yml").path
        // Five documents, not the whole corpus (the learner's loops are slow in a debug build), one of
        // them held back: it is named, and left out.
        let documents = ["orrin-valley-jtai-letter-2023.txt", "calderwick-jtai-letter-2022.txt", "kestlebury-jtai-letter-2022.txt",
                         "hollinsmoor-committee-report-2021.txt", "farrowdale-annual-report-2020.txt"].map { "corpus/documents/" + $0 }
        let result = try CLI.run(["lexicon", "learn", "--gold", "corpus/annotations.csv", "--holdout", "corpus/heldout.txt"]
                                 + documents + ["-o", layer])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(" in 4 documents; cross-validated by document (4 folds)"), "\(result.stderr)")
        #expect(result.stderr.contains("with the learned layer: theme accuracy"))
        // The layer's gain, cross-validated, with its paired 95% interval holding it: the
        // difference of the two lines above.
        func accuracy(_ prefix: String) -> Double? {
            result.stderr.split(separator: "\n").first { $0.contains(prefix) }
                .flatMap { $0.firstMatch(of: /theme accuracy ([-+]?\d\.\d{3})/).flatMap { Double($0.1) } }
        }
        let (alone, layered) = (try #require(accuracy("wt2018 alone:")), try #require(accuracy("with the learned layer:")))
        let gainLine = try #require(result.stderr.split(separator: "\n").first { $0.contains("the layer's gain: ") }, "\(result.stderr)")
        let gain = try #require(gainLine.firstMatch(of: /theme accuracy ([-+]\d\.\d{3}) \(([-+]\d\.\d{3}) to ([-+]\d\.\d{3})\)/), "\(gainLine)")
        let (point, low, high) = (Double(gain.1)!, Double(gain.2)!, Double(gain.3)!)
        #expect(abs(point - (layered - alone)) < 0.0015, "\(gainLine)")
        #expect(low <= point && point <= high && low < high, "\(gainLine)")
        #expect(gainLine.contains("samples of the ") && gainLine.hasSuffix(" for both"), "\(gainLine)")
        // No held-back document is learned from.
        #expect(!result.stderr.contains("kestlebury"))
        let text = try String(contentsOfFile: layer, encoding: .utf8)
        #expect(text.contains("_document_types: ["))
        #expect(text.contains("of 4 documents (annotations.csv), held-back documents left out."), "\(text.prefix(300))")
        let learned = try LexiconFile.read(path: layer)
        let scheme = try LexiconFile.read(path: "lexicons/wt2018.yml")
        let paths = Set(scheme.allCategories.map(\.path))
        #expect(!learned.allCategories.isEmpty)
        #expect(learned.allCategories.allSatisfy { paths.contains($0.path) })
        #expect(learned.allCategories.flatMap(\.terms).allSatisfy { $0.weight > 0 })
        // The layer names the documents it was fitted on, and `evaluate` says that its figures on
        // them are in-sample (session 37's third audit: 1.000 everywhere, read as a measure); on a
        // document it was not fitted on it says nothing.
        #expect(text.contains("_fitted_on: [") && !text.contains("kestlebury"), "\(text.prefix(1200))")
        try FileManager.default.copyItem(atPath: "lexicons/wt2018.yml", toPath: folder.appendingPathComponent("wt2018.yml").path)
        let scheme2 = folder.appendingPathComponent("wt2018.yml").path
        let inSample = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "--scheme", scheme2, "--bootstrap", "0"] + documents)
        #expect(inSample.status == 0, "\(inSample.stderr)")
        #expect(inSample.stderr.contains("--scheme wt2018: its learned layer was fitted on 4 of the 5 documents scored ("), "\(inSample.stderr)")
        let outOfSample = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "--scheme", scheme2, "--bootstrap", "0",
                                       "corpus/documents/kestlebury-jtai-letter-2022.txt"])
        #expect(outOfSample.status == 0 && !outOfSample.stderr.contains("fitted on"), "\(outOfSample.stderr)")
        let noGold = try CLI.run(["lexicon", "learn", "corpus/documents"])
        #expect(noGold.status == 64)
    }

    @Test func lexiconsConvertCheckAndLearn() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dic = folder.appendingPathComponent("wt2018.dic").path
        let toLIWC = try CLI.run(["lexicon", "convert", "lexicons/wt2018.yml", dic])
        #expect(toLIWC.status == 0)
        #expect(toLIWC.stderr.contains("no weights or exclusions"))
        let back = folder.appendingPathComponent("back.yml").path
        #expect(try CLI.run(["lexicon", "convert", dic, back]).status == 0)
        let classified = try CLI.run(["classify", "--lines", "-", "--scheme", dic, "--format", "csv"], stdin: "Review the audit programme.\n")
        #expect(classified.stdout.contains(",purpose,challenge,"))

        let clean = try CLI.run(["lexicon", "check", "lexicons/wt2018.yml", "lexicons/six-steps.yml", "lexicons/topics.yml"])
        #expect(clean.status == 0, "\(clean.stdout)")
        let broken = folder.appendingPathComponent("broken.yml")
        try "a:\n  - audit*\n  - audits\nb: []\n".write(to: broken, atomically: true, encoding: .utf8)
        // Warnings are printed; they fail the check only with --strict (errors always do).
        let check = try CLI.run(["lexicon", "check", broken.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("broken.yml:3: warning: `audits` is shadowed by `audit*`"))
        #expect(check.stdout.contains("broken.yml:4: warning: category `b` is empty"))
        #expect(check.stdout.contains("broken.yml: quanteda YAML (UTF-8)"))
        #expect(try CLI.run(["lexicon", "check", "--strict", broken.path]).status == 1)
        let wrong = folder.appendingPathComponent("wrong.yml")
        try "a:\n  - \"--\"\n".write(to: wrong, atomically: true, encoding: .utf8)
        let failing = try CLI.run(["lexicon", "check", wrong.path])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("wrong.yml:2: error:"))

        let learned = try CLI.run(["lexicon", "learn", "--gold", "corpus/annotations.csv", "--holdout", "corpus/heldout.txt", "--top", "5"])
        #expect(learned.status == 0)
        #expect(learned.stdout.contains("leadership:"))
        #expect(learned.stdout.contains("  resourcing:"))
        let proposed = folder.appendingPathComponent("proposed.yml")
        try learned.stdout.write(to: proposed, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lexicon", "check", proposed.path]).stdout.contains("categories"))
    }

    /// `--matches deciding` keeps in JSON only the matches that decided each theme (the learned
    /// layer's weight of every word under every sub-theme made the JSON of the real documents 34
    /// times the CSV: session 39's audit); every item keeps its coding and scores.
    @Test func jsonCanKeepOnlyTheDecidingMatches() throws {
        let paths = ["corpus/documents"]
        let all = try CLI.run(["classify", "--format", "jsonl"] + paths)
        let deciding = try CLI.run(["classify", "--format", "jsonl", "--matches", "deciding"] + paths)
        #expect(all.status == 0 && deciding.status == 0, "\(deciding.stderr)")
        func items(_ text: String) throws -> [[String: Any]] {
            try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        }
        let (full, kept) = (try items(all.stdout), try items(deciding.stdout))
        #expect(full.count == kept.count && !kept.isEmpty)
        var fewer = 0
        for (a, b) in zip(full, kept) {
            #expect(a["id"] as? String == b["id"] as? String)
            #expect(a["theme"] as? String == b["theme"] as? String && a["subtheme"] as? String == b["subtheme"] as? String)
            let (matchesA, matchesB) = (try #require(a["matches"] as? [[String: Any]]), try #require(b["matches"] as? [[String: Any]]))
            let category = (b["theme"] as? String) ?? ""
            #expect(matchesB.allSatisfy { ($0["category"] as? String).map { $0 == category || $0.hasPrefix(category + ".") } ?? false }
                    || category == "unclassified")
            if matchesB.count < matchesA.count { fewer += 1 }
        }
        #expect(fewer > 0)
        #expect(deciding.stdout.utf8.count < all.stdout.utf8.count)
        #expect(try CLI.run(["classify", "--matches", "deciding", "--format", "csv", "corpus/documents"]).status == 64)
    }

    /// `lexicon check` on a lexicons folder reads its rule files as the commands do: a misspelt
    /// key (passed over in silence before) is one line with the file and its line, and the same
    /// folder stops any other command with that line.
    @Test func lexiconCheckReadsTheRuleFilesOfAFolder() throws {
        let clean = try CLI.run(["lexicon", "check", "lexicons"])
        #expect(clean.status == 0, "\(clean.stderr)")
        for name in ["items.yml", "documents.yml", "arrangements.yml", "inspections.yml", "eras.yml", "report.yml"] {
            #expect(clean.stdout.contains("lexicons/\(name): "), "\(name)")
        }
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("lexicons")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("lexicons"), to: copy)
        let items = copy.appendingPathComponent("items.yml")
        var lines = try String(contentsOf: items, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("non_item_sections:") })
        lines[index] = lines[index].replacingOccurrences(of: "non_item_sections", with: "non_items_sections")
        try lines.joined(separator: "\n").write(to: items, atomically: true, encoding: .utf8)
        let check = try CLI.run(["lexicon", "check", copy.path])
        #expect(check.status == 1)
        let line = "items.yml (line \(index + 1)): `non_items_sections` at the top of the file is not a key this file has a use for"
        #expect(check.stderr.contains(line), "\(check.stderr)")
        #expect(check.stderr.contains("did you mean `non_item_sections`?"))
        #expect(check.stdout.contains("documents.yml: the document cues, read as every command reads it, 0 problems"))
        let run = try CLI.run(["recommendations", "--lexicons", copy.path, "-"], stdin: "The partnership should publish its plan.\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains(line))
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        // An entry written twice in one list is a warning, failing only with --strict; the shipped
        // folder has none.
        #expect(try CLI.run(["lexicon", "check", "--strict", "lexicons"]).status == 0)
        lines[index] = lines[index].replacingOccurrences(of: "non_items_sections", with: "non_item_sections")
        let strengths = try #require(lines.firstIndex { $0.hasPrefix("  strength:") })
        lines.insert("    - our achievements", at: strengths + 1)
        try lines.joined(separator: "\n").write(to: items, atomically: true, encoding: .utf8)
        let twice = try CLI.run(["lexicon", "check", copy.path])
        #expect(twice.status == 0, "\(twice.stderr)")
        #expect(twice.stdout.contains("warning: `our achievements` is written twice in sections.strength"), "\(twice.stdout)")
        #expect(try CLI.run(["lexicon", "check", "--strict", copy.path]).status == 1)
    }

    /// A scheme's name in another case is that scheme; a mistyped name is a usage mistake (64) that
    /// names the schemes there are; a path that cannot be read is a runtime failure (1).
    @Test func aMistypedSchemeIsAUsageMistake() throws {
        let upper = try CLI.run(["classify", "--lines", "-", "--scheme", "WT2018", "--format", "csv"], stdin: "Publish the audit plan.\n")
        #expect(upper.status == 0, "\(upper.stderr)")
        let typo = try CLI.run(["classify", "--lines", "-", "--scheme", "wt2108"], stdin: "Publish the audit plan.\n")
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("wt2108") && typo.stderr.contains("wt2018, wt2023"), "\(typo.stderr)")
        #expect(typo.stderr.contains("did you mean wt2018?"), "\(typo.stderr)")
        let missing = try CLI.run(["classify", "--lines", "-", "--scheme", "/nonexistent/scheme.yml"], stdin: "Publish the audit plan.\n")
        #expect(missing.status == 1)
    }

    /// A scheme `lexicon check` fails is refused where it is used, naming its first error's line
    /// (exit 1); before, `classify` coded every item as unclassified and exited 0.
    @Test func aSchemeWithErrorsIsRefusedWhereItIsUsed() throws {
        let folder = try CLI.temporaryDirectory()
        let bad = folder.appendingPathComponent("bad.yml")
        try "purpose:\n  - audit*\n  - \"*\"\nprocess:\n  - plan\n".write(to: bad, atomically: true, encoding: .utf8)
        let check = try CLI.run(["lexicon", "check", bad.path])
        #expect(check.status == 1, "\(check.stdout)")
        for command in [["classify", "--lines", "-"], ["count", "corpus/documents/hollinsmoor-committee-report-2021.txt"]] {
            let used = try CLI.run(command + ["--scheme", bad.path], stdin: "Publish the audit plan.\n")
            #expect(used.status == 1, "\(command): \(used.stdout)")
            #expect(used.stderr.contains("bad.yml (line 3)") && used.stderr.contains("no letters or digits")
                    && used.stderr.contains("lexicon check"), "\(command): \(used.stderr)")
            #expect(used.stdout.isEmpty, "\(command): \(used.stdout)")
        }
        // Its warnings alone (a duplicate) do not stop it.
        try "purpose:\n  - audit*\n  - audit*\nprocess:\n  - plan\n".write(to: bad, atomically: true, encoding: .utf8)
        let warned = try CLI.run(["classify", "--lines", "-", "--scheme", bad.path], stdin: "Publish the audit plan.\n")
        #expect(warned.status == 0, "\(warned.stderr)")
    }

    /// The CSV says why the primary theme won where a sub-theme of another theme scores above the
    /// primary sub-theme: `theme_totals`, highest first, begins with the primary theme.
    @Test func themeTotalsExplainThePrimary() throws {
        let result = try CLI.run(["classify", "--format", "csv", "corpus/documents"])
        let rows = CSVRows.parse(result.stdout)
        let header = try #require(rows.first)
        #expect(header.suffix(3) == ["evidence", "theme_totals", "close"])
        let (theme, totals) = (header.firstIndex(of: "theme")!, header.firstIndex(of: "theme_totals")!)
        let coded = rows.dropFirst().filter { $0[theme] != "unclassified" }
        #expect(coded.count > 100)
        for row in coded { #expect(row[totals].hasPrefix(row[theme] + " "), "\(row[theme]): \(row[totals])") }
        // `close` names the runner-up of exactly the rows the table marks close or higher, so that
        // a spreadsheet can sort the doubtful codings first (session 45's audit).
        let close = header.firstIndex(of: "close")!
        let table = try CLI.run(["classify", "corpus/documents"]).stdout.split(separator: "\n").filter { $0.hasPrefix("|") }.dropFirst(2)
        let marked = table.filter { $0.contains("(close: ") || $0.contains("(higher: ") }.count
        #expect(marked > 0 && rows.dropFirst().filter { !$0[close].isEmpty }.count == marked)
        // JSON gives the same runner-up as `runnerUp`, with its mark.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run(["classify", "--format", "json", "corpus/documents"]).stdout.utf8))
            as? [[String: Any]])
        let runnerUps = json.compactMap { $0["runnerUp"] as? [String: Any] }
        #expect(runnerUps.count == marked && runnerUps.allSatisfy { ["close", "higher"].contains($0["mark"] as? String ?? "") })
        #expect(rows.dropFirst().filter { !$0[close].isEmpty }.allSatisfy {
            ($0[close].hasPrefix("close: ") || $0[close].hasPrefix("higher: ")) && $0[close].contains(".") && $0[close].last?.isNumber == true
        })
    }

    /// Procedural items have no theme: `classify` leaves them out and says how many.
    @Test func procedualItemsLeftOutAreCounted() throws {
        let result = try CLI.run(["classify", "--format", "csv", "corpus/documents/hollinsmoor-committee-report-2021.txt"])
        let listed = try CLI.run(["recommendations", "--format", "csv", "corpus/documents/hollinsmoor-committee-report-2021.txt"])
        let procedural = listed.stdout.split(separator: "\n").filter { $0.contains(",procedural,") }.count
        #expect(procedural > 0)
        #expect(result.stderr.contains("left out \(procedural) procedural item"), "\(result.stderr)")
    }

    /// The same documents give the same CSV in every process, evidence included: Swift hashes with
    /// a new seed in each process, so a figure summed in a dictionary's order may differ from run
    /// to run. Session 37's audit found the learned words listed under "decided by" changing so
    /// (a word on the threshold of telling its sub-theme apart); over the 2024 reports, four runs
    /// of six gave four different files.
    @Test(.enabled(if: RealDocuments.exist)) func everyRunGivesTheSameEvidence() throws {
        let reports = try FileManager.default.contentsOfDirectory(atPath: RealDocuments.folder.path)
            .filter { $0.contains("-2024") && $0.hasSuffix(".pdf") }.sorted().map { RealDocuments.folder.appendingPathComponent($0).path }
        #expect(reports.count >= 5)
        let runs = try (0..<3).map { _ in try CLI.run(["classify", "--format", "csv", "-q"] + reports) }
        #expect(runs.allSatisfy { $0.status == 0 }, "\(runs.map(\.stderr))")
        #expect(runs[0].stdout.split(separator: "\n").count > 50)
        #expect(runs[1].stdout == runs[0].stdout && runs[2].stdout == runs[0].stdout)
    }

    /// A scrutineer's common phrasings land where themes.md puts them (session 37's audit, its
    /// own wording): feedback on a referral's outcome is information sharing; an audit the
    /// partnership commissions is quality assurance, not resources; hearing from children is
    /// their voice.
    @Test(arguments: [
        ("wt2018", "Partners should make sure referrers get feedback on outcomes within a week.", "purpose", "information-sharing"),
        ("wt2023", "The partnership should commission a multi-agency audit of neglect cases.", "assurance", "quality-assurance"),
        ("wt2023", "The board should say how it will hear directly from children in care.", "practice", "child-and-family-voice"),
    ])
    func scrutineersPhrasingsLandWhereTheSchemeSays(scheme: String, line: String, theme: String, subtheme: String) throws {
        let result = try CLI.run(["classify", "--lines", "-", "--scheme", scheme, "--format", "csv"], stdin: line + "\n")
        let rows = CSVRows.parse(result.stdout)
        let header = try #require(rows.first)
        let (t, s) = (try #require(header.firstIndex(of: "theme")), try #require(header.firstIndex(of: "subtheme")))
        #expect(rows.count == 2 && rows[1][t] == theme && rows[1][s] == subtheme, "\(rows)")
    }

    /// A near tie is shown in the table: the runner-up within 10% of the choice is named beside the
    /// sub-theme, and a line says what "close" means; a clear choice is not marked (session 37's
    /// audit: safeguarded 1.17 against information sharing 1.16 looked as sure as any other row).
    @Test func aCloseCallIsShown() throws {
        let lines = "The police should notify schools promptly when a child has been at a domestic abuse incident.\n"
            + "The partnership should publish its annual report.\n"
        let table = try CLI.run(["classify", "--lines", "-"], stdin: lines)
        let json = try CLI.run(["classify", "--lines", "-", "--format", "json"], stdin: lines)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        // Recomputed from the JSON: the runner-up's score against the chosen sub-theme's.
        func ratio(_ item: [String: Any]) throws -> Double {
            let scores = try #require(item["scores"] as? [String: Double])
            let chosen = try #require(scores["\(item["theme"]!).\(item["subtheme"]!)"])
            let runnerUp = (item["secondary"] as? [[String: Any]])?.first?["score"] as? Double ?? 0
            return runnerUp / chosen
        }
        #expect(try ratio(items[0]) >= 0.9 && ratio(items[1]) < 0.9)
        let rows = table.stdout.split(separator: "\n").filter { $0.hasPrefix("| 1 ") || $0.hasPrefix("| 2 ") }
        #expect(rows.count == 2 && rows[0].contains("(close: ") && !rows[1].contains("(close: "), "\(table.stdout)")
        #expect(table.stdout.contains("close: the runner-up scored within 10% of the choice"), "\(table.stdout)")
    }

    /// A name with spaces typed without quotes is said to be one, where its words name a file
    /// together; `--lines` given a whole report suggests reading it as a document; a Word file
    /// named .doc is said to be one (session 45's audit).
    @Test func namesWithSpacesWholeReportsAndMisnamedFilesAreSaid() throws {
        let folder = try CLI.temporaryDirectory()
        let file = folder.appendingPathComponent("my recs (final).txt")
        try "1. The partnership should publish its budget.\n".write(to: file, atomically: true, encoding: .utf8)
        let lines = try CLI.run(["classify", "--lines", "my", "recs", "(final).txt"], in: folder)
        #expect(lines.status == 64 && lines.stderr.contains("--lines: 'my recs (final).txt' is a file: a name with spaces goes in quotes"),
                "\(lines.stderr)")
        let documents = try CLI.run(["recommendations", "my", "recs", "(final).txt"], in: folder)
        #expect(documents.status == 1 && documents.stderr.contains("'my recs (final).txt' is a file: a name with spaces goes in quotes"),
                "\(documents.stderr)")
        let word = CLI.root.appendingPathComponent("corpus/documents/ravensholme-committee-report-2022.docx")
        let report = try CLI.run(["classify", "--lines", word.path])
        #expect(report.stderr.contains("reads as a whole document (") && report.stderr.contains("give it without --lines: scrutiny classify "),
                "\(report.stderr)")
        let doc = folder.appendingPathComponent("report.doc")
        try FileManager.default.copyItem(at: word, to: doc)
        let misnamed = try CLI.run(["recommendations", doc.path])
        #expect(misnamed.stderr.contains("as a Word document (.docx), which is what it holds, though it is named .doc"), "\(misnamed.stderr)")
    }
}
