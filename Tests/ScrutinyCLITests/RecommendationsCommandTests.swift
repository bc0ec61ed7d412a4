import Foundation
import Testing

@Suite struct RecommendationsCommandTests {
    struct Figures {
        var precision: Double
        var recall: Double
        var kindAccuracy: Double
    }

    func evaluate(_ arguments: [String]) throws -> Figures {
        let result = try CLI.run(["evaluate", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let overall = try #require(object["overall"] as? [String: Any])
        return Figures(precision: overall["precision"] as? Double ?? 0, recall: overall["recall"] as? Double ?? 0,
                       kindAccuracy: object["kindAccuracy"] as? Double ?? 0)
    }

    func report(_ name: String, _ figures: Figures) {
        print("\(name): precision \(String(format: "%.3f", figures.precision)), recall \(String(format: "%.3f", figures.recall)), kind accuracy \(String(format: "%.3f", figures.kindAccuracy))")
    }

    /// Issue 15: `corpus/` and the seeds keep precision and recall of at least 0.97 (corpus 1.000
    /// and 0.984, seeds 0.973 and 1.000 in session 39; the floors were 0.90 and 0.95 until then).
    @Test func findsTheCorpusItemsAgainstItsHandAnnotation() throws {
        let figures = try evaluate(["--gold", "corpus/annotations.csv", "corpus/documents"])
        report("corpus", figures)
        #expect(figures.recall >= 0.97)
        #expect(figures.precision >= 0.97)
        #expect(figures.kindAccuracy >= 0.95)
    }

    /// The four report seeds: the shared worked example (000, 004) read where it lies, plus this
    /// project's annotation of 001 and 002 and of the 004 items the worked example leaves out.
    @Test(.enabled(if: CLI.seedsExist)) func findsTheSeedItemsAgainstTheirHandAnnotation() throws {
        let fixtures = "Tests/ScrutinyCLITests/Fixtures/seeds"
        let figures = try evaluate([
            "--gold", "../shared/gold/seeds-000-004.csv", "--gold", "\(fixtures)/annotations-001-002.csv",
            "--gold", "\(fixtures)/additions-004.csv",
            CLI.seed("000"), CLI.seed("001"), CLI.seed("002"), CLI.seed("004"),
        ])
        report("seeds", figures)
        #expect(figures.recall >= 0.97)
        #expect(figures.precision >= 0.97)
        #expect(figures.kindAccuracy >= 0.95)
    }

    @Test(.enabled(if: CLI.seedsExist)) func workingTogetherQuotationsInTheSeedsAreNotItems() throws {
        let result = try CLI.run(["recommendations", "--format", "jsonl", CLI.seed("000"), CLI.seed("002"), CLI.seed("004")])
        #expect(result.status == 0)
        let texts = result.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
        }
        #expect(texts.count > 30)
        // Every line of the seeds' quoted Working Together lists, and its quoted paragraphs.
        let quoted = ["safeguarded and their welfare promoted", "collaborate, share and co-own the vision",
                      "challenge appropriately and hold one another to account", "early identification and analysis of new safeguarding",
                      "Learning is promoted and embedded", "Information is shared effectively to facilitate",
                      "drive action beyond usual institutional", "lasting and trusting relationships",
                      "these arrangements should link to other strategic", "should agree the level of funding secured",
                      "single point of leadership, all three safeguarding partners should decide", "is to provide assurance in judging"]
        for phrase in quoted {
            #expect(!texts.contains { $0.lowercased().contains(phrase.lowercased()) }, "found a quotation: \(phrase)")
        }
    }

    @Test func everyFormatCarriesEveryField() throws {
        let file = "corpus/documents/ravensholme-scrutiny-report-2022.md"
        let json = try CLI.run(["recommendations", file, "--format", "json"])
        #expect(json.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count >= 10)
        // Every key on every row, an empty one as null, so that a data frame finds each column
        // (a Markdown file has no pages: until session 29 no row had `page`).
        for key in ["id", "document", "partnership", "documentType", "date", "era", "kind", "form", "text", "section", "page",
                    "strength", "actor", "cue", "locations"] {
            #expect(items.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        #expect(items.allSatisfy { $0["page"] is NSNull })
        #expect(items.contains { $0["actor"] is NSNull })
        #expect(items.contains { $0["actor"] as? String != nil })
        #expect(items.contains { ($0["strength"] as? String) == "must" || ($0["strength"] as? String) == "should" })
        #expect(Set(items.compactMap { $0["id"] as? String }).count == items.count)

        let csv = try CLI.run(["recommendations", file, "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "id,document,partnership,document_type,date,era,kind,form,strength,actor,section,page,cue,text")
        let jsonl = try CLI.run(["recommendations", file, "--format", "jsonl"])
        #expect(jsonl.stdout.split(separator: "\n").count == items.count)
        let table = try CLI.run(["recommendations", file])
        #expect(table.stdout.contains("| kind"))
        #expect(table.stdout.contains("\(items.count) items"))
    }

    @Test func badGoldFilesAndKindsAreExplained() throws {
        let missing = try CLI.run(["evaluate", "--gold", "no-such.csv", "corpus/documents"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no-such.csv"))
        let noGold = try CLI.run(["evaluate", "corpus/documents"])
        #expect(noGold.stderr.contains("--gold"))
        let kinds = try CLI.run(["recommendations", "--kinds", "wishes", "corpus/documents"])
        #expect(kinds.status != 0)
        #expect(kinds.stderr.contains("--kinds"))
        // A gold that names none of the documents read scores nothing, and the run fails; one
        // without themes teaches `lexicon learn` nothing (session 37's third audit: both "succeeded").
        let nothing = try CLI.run(["evaluate", "--gold", "-", "corpus/documents/calderwick-jtai-letter-2022.txt"],
                                  stdin: "document,kind,text\nother.txt,strength,Something good.\n")
        #expect(nothing.status == 1 && nothing.stderr.contains("nothing was scored: no document read is named in --gold"), "\(nothing.stderr)")
        // A gold with no held-back part has nothing for --part heldout, said as that (session 38's audit).
        let noPart = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "corpus/documents/calderwick-jtai-letter-2022.txt", "--part", "heldout"])
        #expect(noPart.status == 1 && noPart.stderr.contains("--part heldout: the gold names no held-back documents"), "\(noPart.stderr)")
        #expect(!noPart.stderr.contains("no document read is named"))
        let themeless = try CLI.run(["lexicon", "learn", "--gold", "-"], stdin: "document,kind,text\nother.txt,strength,Something good.\n")
        #expect(themeless.status == 1 && themeless.stderr.contains("has a theme (of 1 row read)"), "\(themeless.stderr)")
        // A kind is spelled as the hand coding may spell it (session 37's audit).
        let written = try CLI.run(["recommendations", "--kinds", "area_for_improvement", "--format", "csv", "corpus/documents"])
        let typed = try CLI.run(["recommendations", "--kinds", "Area-for-improvement", "--format", "csv", "corpus/documents"])
        #expect(typed.status == 0 && written.stdout.split(separator: "\n").count > 10 && typed.stdout == written.stdout, "\(typed.stderr)")
    }

    /// The figures come with 95% intervals, in the table and in JSON, drawn by document over the
    /// corpus's documents; `--bootstrap 0` leaves them out, and a negative count is a usage error.
    /// `evaluate` over the corpus with a second scheme compared, as a table and as JSON: run once,
    /// read by the tests of intervals, documents and comparisons below.
    static let comparedGold = ["--gold", "corpus/annotations.csv", "--compare", "six-steps", "corpus/documents"]
    static let comparedTable = Result { try CLI.run(["evaluate"] + comparedGold) }
    static let comparedJSON = Result { try CLI.run(["evaluate", "--format", "json"] + comparedGold) }

    @Test func figuresComeWithIntervalsUnlessAskedNot() throws {
        let gold = ["--gold", "corpus/annotations.csv", "corpus/documents"]
        let table = try Self.comparedTable.get()
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("In brackets, 95% intervals: 1,000 samples of the 19 documents, drawn with replacement."), "\(table.stdout)")
        #expect(table.stdout.range(of: #"theme accuracy: 0\.\d{3} \(0\.\d{3}–[01]\.\d{3}\)"#, options: .regularExpression) != nil, "\(table.stdout)")
        let json = try Self.comparedJSON.get()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let intervals = try #require(object["intervals"] as? [String: Any])
        #expect(intervals["unit"] as? String == "document" && intervals["units"] as? Int == 19 && intervals["resamples"] as? Int == 1000)
        let recall = try #require(intervals["recall"] as? [String: Double])
        let figure = try #require((object["overall"] as? [String: Any])?["recall"] as? Double)
        #expect(recall["low"]! < figure && figure <= recall["high"]!)
        // By document, the lowest F1 first: the one report whose strengths were missed leads.
        let documents = try #require(table.stdout.components(separatedBy: "\nBy document (the lowest F1 first):\n").last)
        let first = documents.split(separator: "\n").dropFirst(2).first ?? ""
        let cells = first.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells.prefix(7) == ["ravensholme-committee-report-2022.txt", "4", "7", "4", "1.000", "0.571", "0.727"], "\(documents.prefix(600))")
        let none = try CLI.run(["evaluate", "--format", "json", "--bootstrap", "0"] + gold)
        #expect(none.status == 0 && !none.stdout.contains("\"intervals\""))
        let negative = try CLI.run(["evaluate", "--bootstrap", "-5"] + gold)
        #expect(negative.status == 64 && negative.stderr.contains("--bootstrap"), "\(negative.stderr)")
        // Too few samples to place a 95% interval's percentiles (session 47's audit: one sample was).
        let one = try CLI.run(["evaluate", "--bootstrap", "1"] + gold)
        #expect(one.status == 64 && one.stderr.contains("100 samples or more"), "\(one.stderr)")
    }

    /// `--compare SCHEME` codes the same items with a second scheme and gives the differences with
    /// their paired intervals; a scheme that is no name is a usage error, one that cannot be read a
    /// runtime failure.
    @Test func aSecondSchemeIsComparedOnTheSameItems() throws {
        let gold = ["--gold", "corpus/annotations.csv", "corpus/documents"]
        let table = try Self.comparedTable.get()
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Compared on the same 177 items: A = wt2018"), "\(table.stdout)")
        #expect(table.stdout.contains("; B = six-steps.\n"), "\(table.stdout)")
        let json = try Self.comparedJSON.get()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let comparison = try #require(object["comparison"] as? [String: Any])
        #expect(comparison["codedWith"] as? String == "six-steps")
        #expect(comparison["codings"] == nil)
        // Six steps has none of wt2018's themes, so it agrees with the hand coding nowhere: the
        // difference is wt2018's own accuracy, and its interval leaves out 0.
        let difference = try #require(((object["intervals"] as? [String: Any])?["themeDifference"] as? [String: Any])?["themeAccuracy"] as? [String: Double])
        #expect(difference["low"]! > 0.5)
        // Over fewer than 10 documents items are drawn, and the line under the table says so.
        let few = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "--compare", "six-steps",
                               "corpus/documents/calderwick-jtai-letter-2022.txt", "corpus/documents/kestlebury-jtai-letter-2022.txt"])
        #expect(few.stdout.contains("The difference's interval draws the same items for A and B; with fewer than 10 documents"), "\(few.stdout)")
        #expect(table.stdout.contains("The difference's interval draws the same documents for A and B"))
        let misspelt = try CLI.run(["evaluate", "--compare", "wt2108"] + gold)
        #expect(misspelt.status == 64 && misspelt.stderr.contains("--compare wt2108: there is no such scheme; did you mean wt2018?"), "\(misspelt.stderr)")
        let missing = try CLI.run(["evaluate", "--compare", "/nonexistent/scheme.yml"] + gold)
        #expect(missing.status == 1, "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").contains { $0.contains("--compare:") && $0.contains("/nonexistent/scheme.yml") }, "\(missing.stderr)")
    }

    /// `--compare-rules` finds the items again with an edited copy of the lexicons' item rules and
    /// says what the edit loses, item by item, with the differences; a folder without items.yml
    /// is a runtime failure of one line.
    @Test func editedItemRulesAreComparedItemByItem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = try String(contentsOf: CLI.root.appendingPathComponent("lexicons/items.yml"), encoding: .utf8)
        let edited = source.replacingOccurrences(of: "\n    - area* for improvement\n    - area* for development\n", with: "\n")
        #expect(edited != source)
        try edited.write(to: folder.appendingPathComponent("items.yml"), atomically: true, encoding: .utf8)
        let gold = ["--gold", "corpus/annotations.csv", "corpus/documents", "--compare-rules", folder.path]
        let table = try CLI.run(["evaluate"] + gold)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Item rules compared on the same 19 documents: A = "), "\(table.stdout)")
        #expect(table.stdout.contains("; B = \(folder.path)/items.yml.\n"), "\(table.stdout)")
        let lost = try #require(table.stdout.components(separatedBy: "\nAnnotated items A finds and B misses (").dropFirst().first)
        let count = try #require(Int(lost.prefix { $0.isNumber }))
        #expect(count > 0)
        #expect(!table.stdout.contains("Annotated items B finds and A misses"))
        let json = try CLI.run(["evaluate", "--format", "json"] + gold)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let comparison = try #require(object["ruleComparison"] as? [String: Any])
        let aOnly = try #require(comparison["matchedByAOnly"] as? [[String: Any]])
        #expect(aOnly.count == count && aOnly.allSatisfy { $0["kind"] as? String == "area_for_improvement" })
        let matched = try #require((object["overall"] as? [String: Any])?["matched"] as? Int)
        #expect((comparison["overall"] as? [String: Any])?["matched"] as? Int == matched - count)
        #expect(comparison["other"] == nil)
        let recall = try #require(((object["intervals"] as? [String: Any])?["ruleDifference"] as? [String: Any])?["recall"] as? [String: Double])
        #expect(recall["high"]! > 0 && recall["low"]! >= 0)
        // The run's own rules against themselves: nothing differs.
        let same = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "corpus/documents", "--compare-rules", "lexicons"])
        #expect(same.stdout.contains("A and B match the same annotations with the same kinds, grades and actors, and make the same false finds."), "\(same.stdout)")
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let missing = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "corpus/documents", "--compare-rules", empty.path])
        #expect(missing.status == 1, "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").contains { $0.contains("--compare-rules: no items.yml in \(empty.path)") }, "\(missing.stderr)")
        let nowhere = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "corpus/documents", "--compare-rules", "/nonexistent/items.yml"])
        #expect(nowhere.status == 1 && nowhere.stderr.contains("--compare-rules: no such file: /nonexistent/items.yml"), "\(nowhere.stderr)")
    }

    /// What in a hand coding changes the figures without the user meaning it is said in one line
    /// each: a repeated row, a document not read, narrative rows without --narrative.
    @Test func goldRowsThatCannotCountAsMeantAreSaid() throws {
        let letter = "corpus/documents/calderwick-jtai-letter-2022.txt"
        let gold = "document,kind,form,text\n"
            + "calderwick-jtai-letter-2022.txt,recommendation,listed,The partnership should\n"
            + "calderwick-jtai-letter-2022.txt,recommendation,listed,The partnership should\n"
            + "nosuch.txt,strength,listed,Good work.\n"
            + "calderwick-jtai-letter-2022.txt,strength,narrative,Leaders have\n"
        let result = try CLI.run(["evaluate", "--gold", "-", letter], stdin: gold)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("--gold: 1 row repeats an earlier one") && $0.contains("line 3") }, "\(lines)")
        #expect(lines.contains { $0.contains("--gold names 1 document not read in this run (nosuch.txt)") }, "\(lines)")
        #expect(lines.contains { $0.contains("--gold has 1 narrative finding") }, "\(lines)")
        // A repeated row of a document the run did not read is not said to repeat (session 44: it
        // was, whenever the real gold's two rows of one prefix were scored on other documents).
        let elsewhere = try CLI.run(["evaluate", "--gold", "-", "corpus/documents/hollinsmoor-committee-report-2021.txt"], stdin: gold)
        #expect(!elsewhere.stderr.contains("repeats an earlier one"), "\(elsewhere.stderr)")
        // A pair whose kinds differ counts as matched overall but in neither kind's row; said under the table.
        let differing = try CLI.run(["evaluate", "--gold", "-", letter],
                                    stdin: "document,kind,text\ncalderwick-jtai-letter-2022.txt,strength,The consistency with which referrals from partner agencies describe\n")
        #expect(differing.stdout.contains("1 matched pair differs in kind, so the kinds' matched add up to 0 of the overall 1"), "\(differing.stdout)")
        // A document the coder found nothing in (kind none) is scored: everything found in it is false (session 30's audit).
        let other = "corpus/documents/hollinsmoor-committee-report-2021.txt"
        let unscored = try CLI.run(["evaluate", "--gold", "-", "--format", "json", letter, other], stdin: "document,kind,text\ncalderwick-jtai-letter-2022.txt,strength,The consistency with which referrals from partner agencies describe\n")
        let itemless = try CLI.run(["evaluate", "--gold", "-", "--format", "json", letter, other],
                                   stdin: "document,kind,text\ncalderwick-jtai-letter-2022.txt,strength,The consistency with which referrals from partner agencies describe\nhollinsmoor-committee-report-2021,None,\n")
        #expect(itemless.status == 0, "\(itemless.stderr)")
        func found(_ json: String) throws -> (Int, [String]) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let overall = try #require(object["overall"] as? [String: Any])
            return (overall["found"] as? Int ?? -1, object["unannotatedDocuments"] as? [String] ?? [])
        }
        let (before, unannotated) = try found(unscored.stdout)
        let (after, none) = try found(itemless.stdout)
        let inOther = try CLI.run(["recommendations", "--format", "csv", other]).stdout.split(separator: "\n").count - 1
        #expect(unannotated == ["hollinsmoor-committee-report-2021.txt"] && none.isEmpty, "\(unannotated) / \(none)")
        #expect(inOther > 0 && after == before + inOther, "\(before) + \(inOther) != \(after)")
        // A row naming its document without the extension is scored, and so warned of (session 29's audit).
        let bare = try CLI.run(["evaluate", "--gold", "-", letter], stdin: "document,kind,form,text\ncalderwick-jtai-letter-2022,strength,narrative,Leaders have\n")
        #expect(bare.stderr.contains("--gold has 1 narrative finding"), "\(bare.stderr)")
        let stray = try CLI.run(["evaluate", "--gold", "-", letter],
                                stdin: "document,kind,theme,subtheme,text\ncalderwick-jtai-letter-2022.txt,recommendation,process,beyond the boundaries,The partnership should\n")
        #expect(stray.stderr.contains("--gold: 1 row has a sub-theme that wt2018 does not have under its theme: process › beyond the boundaries (calderwick-jtai-letter-2022.txt, line 2)"),
                "\(stray.stderr)")
        // "Beyond boundaries" with a space is the scheme's beyond-boundaries, as a spreadsheet writes it (session 29).
        let spaced = try CLI.run(["evaluate", "--gold", "-", letter],
                                 stdin: "document,kind,theme,subtheme,text\ncalderwick-jtai-letter-2022.txt,recommendation,Process,Beyond boundaries,The partnership should\n")
        #expect(!spaced.stderr.contains("does not have"), "\(spaced.stderr)")
        let narrative = try CLI.run(["evaluate", "--gold", "-", letter, "--narrative"], stdin: gold)
        #expect(!narrative.stderr.contains("narrative finding"), "\(narrative.stderr)")
        let unclosed = try CLI.run(["evaluate", "--gold", "-", letter], stdin: "document,kind,text\nx.txt,strength,\"Open\nx.txt,strength,B\n")
        #expect(unclosed.status == 1)
        #expect(unclosed.stderr.contains("line 2: a quoted field opens there and never closes"), "\(unclosed.stderr)")
    }

    /// With a held-back set, the pooled figures at the end (which the tuned part flatters) say
    /// so where they begin, with the held-back part's figures beside them.
    @Test func pooledFiguresSayTheHeldBackOnes() throws {
        let folder = try CLI.temporaryDirectory().appendingPathComponent("gold")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("items"), withIntermediateDirectories: true)
        let rows = try String(contentsOf: CLI.root.appendingPathComponent("corpus/annotations.csv"), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("document,") || $0.hasPrefix("ravensholme-scrutiny-report-2022.md,") || $0.hasPrefix("hollinsmoor-committee-report-2021.txt,") }
        try (rows.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("items/rows.csv"), atomically: true, encoding: .utf8)
        try "hollinsmoor-committee-report-2021.txt\n".write(to: folder.appendingPathComponent("heldout.txt"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["evaluate", "--gold", folder.path, "corpus/documents/ravensholme-scrutiny-report-2022.md",
                                  "corpus/documents/hollinsmoor-committee-report-2021.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Below, every document pooled") }, "\(result.stdout)")
        #expect(line.contains("(1 tuning and 1 held back)") && line.contains("Held back alone: precision ") && line.contains("theme accuracy "), "\(line)")
    }

    /// Exit statuses as the README documents them: a runtime failure is one line and 1, a usage
    /// mistake is 64 with the usage text; --version prints the version.
    @Test func runtimeFailuresAndUsageMistakesExitDifferently() throws {
        let missing = try CLI.run(["classify", "--lines", "/nonexistent"])
        #expect(missing.status == 1)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(missing.stderr.contains("/nonexistent") && !missing.stderr.contains("Usage"))
        let scheme = try CLI.run(["classify", "--scheme", "/no/such/scheme.yml", "--lines", "-"], stdin: "The board should act.\n")
        #expect(scheme.status == 1)
        #expect(!scheme.stderr.contains("Usage"))
        let usage = try CLI.run(["recommendations", "--kinds", "wishes", "corpus/documents"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("Usage"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("scrutiny "))
    }

    /// Every command sees the same documents: metadata on every item, each document counted once,
    /// and an item's id the same whichever format its document came in.
    @Test func itemsCarryMetadataAndTheSameIdInEveryFormat() throws {
        let result = try CLI.run(["recommendations", "--format", "csv", "corpus/documents"])
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 189)
        #expect(result.stderr.contains("counted each document once") && result.stderr.contains("more"))
        let header = try #require(result.stdout.split(separator: "\n").first).split(separator: ",").map(String.init)
        let partnership = try #require(header.firstIndex(of: "partnership"))
        #expect(rows.allSatisfy { !$0.split(separator: ",", omittingEmptySubsequences: false)[partnership].isEmpty })
        func ids(_ file: String) throws -> [String] {
            try CLI.run(["recommendations", "--format", "csv", "corpus/documents/\(file)"]).stdout
                .split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        }
        let text = try ids("ravensholme-scrutiny-report-2022.md")
        #expect(!text.isEmpty)
        #expect(try ids("ravensholme-scrutiny-report-2022.pdf") == text)
        #expect(try ids("calderwick-committee-report-2022.txt") == (try ids("calderwick-committee-report-2022.docx")))
    }
    /// Narrative findings come only with `--narrative`; a sentence that commends in so many words
    /// is an explicit strength (until session 18 it came out as a narrative one without the flag).
    @Test func onlyNarrativeRunsHaveNarrativeFindings() throws {
        func forms(_ arguments: [String]) throws -> [(form: String, kind: String, cue: String)] {
            try CLI.run(["recommendations", "--format", "jsonl"] + arguments + ["corpus/documents"]).stdout.split(separator: "\n").compactMap {
                guard let item = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else { return nil }
                return ("\(item["form"] ?? "")", "\(item["kind"] ?? "")", "\(item["cue"] ?? "")")
            }
        }
        let plain = try forms([])
        #expect(plain.count == 189)
        #expect(plain.allSatisfy { $0.form != "narrative" })
        #expect(plain.filter { $0.cue.hasPrefix("commend") }.allSatisfy { $0.form == "explicit" && $0.kind == "strength" })
        #expect(plain.contains { $0.cue.hasPrefix("commend") })
        #expect(try forms(["--narrative"]).contains { $0.form == "narrative" })
    }

    /// `evaluate` says what coded the themes, shows "–" for a figure with nothing to count (the
    /// corpus gold has no forms, so per-form recall has no annotated items) rather than 0.000, and
    /// warns when the scheme lacks themes the hand coding uses.
    @Test func evaluateSaysWhatItMeasuredAndWhatItCannot() throws {
        let result = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "corpus/documents", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Themes coded with wt2018 and its learned layer (wt2018.learned.yml) for inspection-letter and inspection-report documents."))
        let listed = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("| listed ") })
        let cells = listed.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        // The precision carries its 95% interval (117 of 117 leaves 0.968 open); recall has none to carry.
        #expect(cells == ["listed", "117", "0", "1.000 (0.968–1.000)", "–", "–"], "\(listed)")
        let other = try CLI.run(["evaluate", "--gold", "corpus/annotations.csv", "corpus/documents", "--scheme", "wt2023"])
        // Each theme with its rows and the first row's line (session 47).
        #expect(other.stderr.contains("--scheme wt2023 has no theme process (") && other.stderr.contains("); purpose ("), "\(other.stderr)")
        #expect(!result.stderr.contains("has no theme"))
    }

    /// `-` reads standard input, sniffed by content like any file, and is called "stdin".
    @Test func aDashReadsStandardInput() throws {
        let text = "# Recommendations\n\n1. The partnership should publish its data set.\n2. Leaders must review the audit programme.\n"
        let result = try CLI.run(["recommendations", "--format", "csv", "-"], stdin: text)
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.split(separator: ",")[1] == "stdin" })
        #expect(rows.last?.hasSuffix("Leaders must review the audit programme.") == true)
        let empty = try CLI.run(["extract", "-"], stdin: "")
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("standard input"))
        #expect(empty.stderr.split(separator: "\n").count == 1)
    }

    /// A text file that reads as a list saved one item a line, few of its lines found as items,
    /// gets a line saying that `classify --lines` reads such a list; reports (with headings) and
    /// the corpus get none (session 45's second re-audit: 0 items of 6, without a word).
    @Test func aListSavedOneItemALineIsPointedToLines() throws {
        let folder = try CLI.temporaryDirectory()
        let list = folder.appendingPathComponent("my list.txt")
        try """
            Review the neglect strategy
            Publish the annual report on time
            Police attendance at strategy meetings to improve
            Health to share information within 24 hours
            Schools to be represented on the Executive
            Independent Scrutineer to attend the Education subgroup
            """.write(to: list, atomically: true, encoding: .utf8)
        let result = try CLI.run(["recommendations", list.path])
        #expect(result.stderr.contains("my list.txt: 0 of its 6 lines found as items; a list saved one item to a line is read line by line with: "
            + "scrutiny classify --lines '\(list.path)'"), "\(result.stderr)")
        let corpus = try CLI.run(["recommendations", "corpus/documents"])
        #expect(!corpus.stderr.contains("found as items"), "\(corpus.stderr)")
    }
}
