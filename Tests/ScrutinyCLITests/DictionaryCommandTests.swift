import Foundation
import Testing

/// `lexicon check`, `lexicon convert` and `count` over the published dictionaries in
/// `../shared/dictionaries`, and CSV for spreadsheets.
@Suite struct DictionaryCommandTests {
    static let folder = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/dictionaries")
    static var present: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static func files() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { ["dic", "cat", "yml"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// A dictionary given `--encoding utf-8` whose bytes are not UTF-8 is refused with its line,
    /// not read with U+FFFD in its terms (session 46's interop audit: "caf\u{FFFD}*" counted "cafe").
    @Test func aDictionaryThatIsNotTheEncodingGivenIsRefusedWithItsLine() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dictionary = folder.appendingPathComponent("cp.dic")
        try Data([0x25, 0x0A, 0x31, 0x09, 0x63, 0x61, 0x74, 0x0A, 0x25, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x2A, 0x09, 0x31, 0x0A]).write(to: dictionary)
        let checked = try CLI.run(["lexicon", "check", "--encoding", "utf-8", dictionary.path])
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("(line 4): this line is not UTF-8") && checked.stderr.contains("Windows-1252"), "\(checked.stderr)")
        let detected = try CLI.run(["lexicon", "check", dictionary.path])
        #expect(detected.status == 0 && detected.stdout.contains("Windows-1252"), "\(detected.stdout)\(detected.stderr)")
    }

    /// The README's `count` example prints what the command prints (session 46's interop audit: the
    /// README said 79 where the command gave 80).
    @Test func theReadmesCountExampleIsWhatCountPrints() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let command = try #require(lines.firstIndex(of: "$ scrutiny count corpus/documents --level 1 | head -4"))
        let shown = Array(lines[(command + 1)...].prefix { !$0.hasPrefix("$") && !$0.hasPrefix("```") })
        try #require(shown.count >= 3)
        let result = try CLI.run(["count", "corpus/documents", "--level", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Array(result.stdout.split(separator: "\n").prefix(shown.count).map(String.init)) == shown)
    }

    /// quanteda's YAML has no terms beside sub-categories: converting a WordStat outline that has
    /// them says where they went (session 42's audit: an undocumented `_terms`, silently).
    @Test(.enabled(if: present)) func termsBesideSubcategoriesAreSaidToGoUnderTerms() throws {
        let output = try CLI.temporaryDirectory().appendingPathComponent("lg.yml").path
        let result = try CLI.run(["lexicon", "convert", Self.folder.appendingPathComponent("Laver_and_Garry_2000.cat").path, output, "--to", "quanteda"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("the own terms of CULTURE are written under `_terms`"), "\(result.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("  _terms:"))
    }

    /// A code renamed to be a lexicon key is said, so that the categories map back to the codes;
    /// an output name that says no format is refused unless `--to` names one.
    @Test func renamedCodesAreSaidAndAnOutputNeedsAFormat() throws {
        let folder = try CLI.temporaryDirectory()
        let book = folder.appendingPathComponent("book.qdc")
        try """
            <?xml version="1.0" encoding="utf-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test"><Codes>\
            <Code guid="A182CD3A-D83C-4D8C-BC80-26D9103EC6D6" name="care.virtue" isCodable="true"/>\
            <Code guid="B182CD3A-D83C-4D8C-BC80-26D9103EC6D6" name="harm" isCodable="true"/>\
            </Codes></CodeBook>
            """.write(to: book, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["lexicon", "import-codebook", book.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("1 code was renamed to be lexicon keys: 'care.virtue' → 'care-virtue'"), "\(imported.stderr)")
        #expect(imported.stdout.contains("care-virtue:"))
        let text = folder.appendingPathComponent("x.txt").path
        let unnamed = try CLI.run(["lexicon", "convert", "lexicons/topics.yml", text])
        #expect(unnamed.status == 64 && unnamed.stderr.contains("name the output .yml, .dic or .cat"), "\(unnamed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: text))
        #expect(try CLI.run(["lexicon", "convert", "lexicons/topics.yml", text, "--to", "liwc"]).status == 0)
        // A file `lexicon check` fails is not converted into one that hides the fault.
        let zero = folder.appendingPathComponent("zero.cat")
        try "CARE\n\tHARM\n\tSAFE (0)\n".write(to: zero, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["lexicon", "convert", zero.path, folder.appendingPathComponent("zero.yml").path])
        #expect(refused.status == 1 && refused.stderr.contains("the weight must be positive"), "\(refused.stderr)")
        #expect(try CLI.run(["lexicon", "check", zero.path]).status == 1)
    }

    /// The lexicon commands never write over a file they read (session 42's audit: `import-codebook
    /// p.qdpx -o p.qdpx` replaced the project with its skeleton; `convert x.yml x.yml` rewrote the
    /// dictionary in place, its comments lost).
    @Test func theLexiconCommandsDoNotWriteOverTheirInput() throws {
        let folder = try CLI.temporaryDirectory()
        let project = folder.appendingPathComponent("p.qdpx").path
        #expect(try CLI.run(["export", "-o", project, "corpus/documents/hartsey-annual-report-2022.md"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: project))
        let imported = try CLI.run(["lexicon", "import-codebook", project, "-o", project])
        #expect(imported.status == 1 && imported.stderr.contains("is one of the files read"), "\(imported.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: project)) == before)
        let dictionary = folder.appendingPathComponent("topics.yml")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("lexicons/topics.yml"), to: dictionary)
        let original = try Data(contentsOf: dictionary)
        let converted = try CLI.run(["lexicon", "convert", dictionary.path, dictionary.path])
        #expect(converted.status == 1 && converted.stderr.contains("is one of the files read"), "\(converted.stderr)")
        #expect(try Data(contentsOf: dictionary) == original)
    }

    @Test(.enabled(if: present)) func everyPublishedDictionaryPassesCheckAndNamesItsFormat() throws {
        for file in Self.files() {
            let result = try CLI.run(["lexicon", "check", file])
            #expect(result.status == 0, "\(file): \(result.stdout.suffix(400)) \(result.stderr)")
            let format = file.hasSuffix(".dic") ? "LIWC .dic" : file.lowercased().hasSuffix(".cat") ? "WordStat .cat" : "quanteda YAML"
            #expect(result.stdout.contains("\((file as NSString).lastPathComponent): \(format)"), "\(result.stdout.suffix(300))")
        }
    }

    /// LIWC's `fair-*` is "fair" opening a hyphenated word ("fair-minded"), never a prefix of
    /// "fairy" or "fairground" (until session 18 it was read as `fair*`).
    @Test(.enabled(if: present)) func aHyphenBeforeTheStarKeepsTheWordWhole() throws {
        let temporary = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let text = temporary.appendingPathComponent("fair.txt")
        try "The fairy sat at the fairground with a fair-minded judge.\n".write(to: text, atomically: true, encoding: .utf8)
        let dictionary = Self.folder.appendingPathComponent("moral_foundations_dictionary.dic").path
        let counted = try CLI.run(["count", "--format", "csv", "--scheme", dictionary, text.path])
        #expect(counted.status == 0, "\(counted.stderr)")
        let rows = counted.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(rows.first?.firstIndex(of: "FairnessVirtue"))
        #expect(rows.count == 2 && rows[1][column] == "1", "\(counted.stdout)")
        let check = try CLI.run(["lexicon", "check", dictionary])
        #expect(!check.stdout.contains("shadowed by `fair-*`"), "\(check.stdout)")
    }

    /// MFD 2.0 names its categories with dots ("care.virtue"): read, they sit under parents made
    /// for them ("care"), but converted back to LIWC the file has its own ten categories in its
    /// own order and numbering (until session 18: fifteen, renumbered).
    @Test(.enabled(if: present)) func dottedNamesConvertBackAsTheyWere() throws {
        let temporary = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let original = Self.folder.appendingPathComponent("mfd2.0.dic")
        let converted = temporary.appendingPathComponent("mfd.dic")
        let result = try CLI.run(["lexicon", "convert", original.path, converted.path, "--to", "liwc"])
        #expect(result.status == 0, "\(result.stderr)")
        func header(_ url: URL) throws -> [String] {
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: CharacterSet(charactersIn: "\r\n"))
                .filter { !$0.isEmpty }
            let marks = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == "%" }
            return marks.count >= 2 ? Array(lines[(marks[0] + 1)..<marks[1]]).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") } : []
        }
        let categories = try header(original)
        #expect(categories.count == 10)
        #expect(try header(converted) == categories)
    }

    @Test(.enabled(if: present)) func aDicAndACatConvertAndClassify() throws {
        let temporary = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        for (name, out) in [("moral_foundations_dictionary.dic", "mfd.yml"), ("Laver_and_Garry_2000.cat", "laver.dic"),
                            ("newsmap-english.yml", "newsmap.cat")] {
            let target = temporary.appendingPathComponent(out).path
            let converted = try CLI.run(["lexicon", "convert", Self.folder.appendingPathComponent(name).path, target])
            #expect(converted.status == 0, "\(converted.stderr)")
            #expect(try CLI.run(["lexicon", "check", target]).status == 0)
        }
        let classified = try CLI.run(["classify", "--lines", "-", "--scheme", Self.folder.appendingPathComponent("RID.CAT").path,
                                      "--format", "csv"], stdin: "Children need food and drink, warmth and shelter.\n")
        #expect(classified.status == 0, "\(classified.stderr)")
        #expect(classified.stdout.contains("PRIMARY"))
    }

    /// `--to` names the format where the file's name does not; where the name says another, the
    /// file would read back as something else (session 38's audit: `--to liwc` into a .cat read as
    /// 165 empty categories), so it is a usage error.
    @Test func toThatContradictsTheFilesExtensionIsRefused() throws {
        let temporary = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        for (name, to, status) in [("c.dic", "wordstat", Int32(64)), ("d.cat", "liwc", 64), ("e.yml", "liwc", 64),
                                   ("f.yml", "quanteda", 0), ("g.txt", "liwc", 0), ("h.dic", "liwc", 0)] {
            let result = try CLI.run(["lexicon", "convert", "lexicons/topics.yml", temporary.appendingPathComponent(name).path, "--to", to, "-q"])
            #expect(result.status == status, "\(name) --to \(to): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: temporary.appendingPathComponent(name).path) == (status == 0))
            if status == 64 { #expect(result.stderr.contains("--to \(to): "), "\(result.stderr)") }
        }
    }

    /// In a dictionary without settings every match of the item's own words counts 1, so one clear
    /// term codes an item (session 38's audit: "Review the audit." scored 0.93 under the threshold of 1).
    @Test func oneTermCodesAnItemInADictionaryWithoutSettings() throws {
        let temporary = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let scheme = temporary.appendingPathComponent("plain.yml")
        try "purpose:\n  - audit\nprocess:\n  - meeting*\n".write(to: scheme, atomically: true, encoding: .utf8)
        let result = try CLI.run(["classify", "--lines", "-", "--scheme", scheme.path, "--format", "csv"],
                                 stdin: "Review the audit.\nThe partners should review the audit of the year's work.\nHold fewer meetings.\n")
        #expect(result.status == 0, "\(result.stderr)")
        let themes = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(themes.map { $0.contains("purpose") || $0.contains("process") } == [true, true, true], "\(result.stdout)")
    }

    @Test(.enabled(if: present)) func aDicAndACatRoundTripThroughConvertWithTheSameCounts() throws {
        let temporary = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        for name in ["moral_foundations_dictionary.dic", "mfd2.0.dic", "Laver_and_Garry_2000.cat", "RID.CAT"] {
            let original = Self.folder.appendingPathComponent(name).path
            let ext = (name as NSString).pathExtension.lowercased()
            let yaml = temporary.appendingPathComponent("\(name).yml").path
            let back = temporary.appendingPathComponent("back-\(name).\(ext)").path
            #expect(try CLI.run(["lexicon", "convert", original, yaml]).status == 0)
            #expect(try CLI.run(["lexicon", "convert", yaml, back]).status == 0)
            let before = try CLI.run(["count", "corpus/documents", "--scheme", original, "--format", "csv"])
            let after = try CLI.run(["count", "corpus/documents", "--scheme", back, "--format", "csv"])
            #expect(before.status == 0 && after.status == 0, "\(before.stderr) \(after.stderr)")
            #expect(before.stdout == after.stdout, "\(name): the round trip changed the counts")
            #expect(before.stdout.split(separator: "\n").dropFirst().contains { line in
                line.split(separator: ",", omittingEmptySubsequences: false).dropFirst(4).contains { $0 != "0" }
            }, "\(name) counted nothing in the corpus")
        }
    }

    @Test func countWritesTheDocumentsByCategoriesTable() throws {
        let csv = try CLI.run(["count", "corpus/documents", "--level", "1", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "document,partnership,document_type,date,era,words,purpose,process,leadership")
        // One row per distinct document (generated versions counted once), every one with words and counts.
        let documents = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("corpus/documents").path)
        let stems = Set(documents.map { ($0 as NSString).deletingPathExtension })
        #expect(lines.count - 1 == stems.count)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == 9)
            #expect((Int(cells[5]) ?? 0) > 100)
            #expect((Int(cells[6]) ?? 0) > 0, "\(line)")
        }
        // Dates and eras, as the other commands give them, so the counts join to items by document.
        let dated = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }.filter { !$0[3].isEmpty && !$0[4].isEmpty }
        #expect(dated.count * 2 > lines.count - 1, "most documents have a date and an era")
        let percent = try CLI.run(["count", "corpus/documents", "--level", "1", "--percent", "--format", "json"])
        #expect(percent.stdout.contains("\"percent\""))
        // JSON keys as the other commands' JSON spells them (it was "document_type" here, "documentType" there).
        #expect(percent.stdout.contains("\"documentType\"") && !percent.stdout.contains("\"document_type\""))
        // The CSV's percentages are the JSON's, to four places (two lost precision for averaging).
        let percentCSV = try CLI.run(["count", "corpus/documents", "--level", "1", "--percent", "--format", "csv"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(percent.stdout.utf8)) as? [[String: Any]])
        let csvRows = percentCSV.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(csvRows.first)
        for (row, entry) in zip(csvRows.dropFirst(), entries) {
            let shares = try #require(entry["percent"] as? [String: Double])
            for (column, name) in header.enumerated().dropFirst(6) {
                #expect(row[column] == String(format: "%.4f", shares[name] ?? -1), "\(name) \(row[0])")
            }
        }
        #expect(try CLI.run(["count", "corpus/documents", "--level", "0"]).status == 64)
        // A level deeper than the dictionary's is said (it counted the leaves without a word).
        let deep = try CLI.run(["count", "corpus/documents/calderwick-jtai-letter-2022.txt", "--level", "9", "--format", "csv"])
        #expect(deep.status == 0)
        #expect(deep.stderr.contains("--level 9: wt2018 has 2 levels; each column is a category without sub-categories"), "\(deep.stderr)")
        #expect(deep.stdout.split(separator: "\n").first?.contains("purpose.safeguarded") == true)
        #expect(try CLI.run(["count", "corpus/documents/calderwick-jtai-letter-2022.txt", "--level", "2"]).stderr.isEmpty)
        #expect(try CLI.run(["count", "corpus/documents", "--encoding", "klingon"]).status == 64)
        let missing = try CLI.run(["count", "corpus/documents", "--scheme", "no-such.dic"])
        #expect(missing.status == 1)
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }

    @Test func csvIsGuardedAndExcelGetsItsByteOrderMark() throws {
        let temporary = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let list = temporary.appendingPathComponent("list.txt")
        try "=HYPERLINK(\"http://example.com\") the partnership should review its audits.\nThe board should publish its report.\n"
            .write(to: list, atomically: true, encoding: .utf8)
        let plain = try CLI.run(["classify", "--lines", list.path, "--format", "csv"])
        #expect(plain.stdout.contains("\"'=HYPERLINK"), "\(plain.stdout)")
        #expect(!plain.stdout.hasPrefix("\u{FEFF}"))
        let excel = try CLI.run(["classify", "--lines", list.path, "--format", "csv", "--excel"])
        let bytes = [UInt8](excel.stdout.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(excel.stdout.contains("\r\n"))
        #expect(!excel.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // For R and pandas, cells as the text has them; everything else as guarded.
        let raw = try CLI.run(["classify", "--lines", list.path, "--format", "csv", "--no-formula-guard"])
        #expect(raw.status == 0)
        #expect(raw.stdout.contains("\"=HYPERLINK") && !raw.stdout.contains("'=HYPERLINK"), "\(raw.stdout)")
        #expect(raw.stdout.replacingOccurrences(of: "\"=HYPERLINK", with: "\"'=HYPERLINK") == plain.stdout)
        #expect(try CLI.run(["classify", "--lines", list.path, "--format", "csv", "--no-formula-guard", "--excel"]).status == 64)
        // Where nothing is CSV the flags are a usage error, not ignored (session 31's user audit);
        // a survey written to a folder is CSV files whatever its format.
        for arguments in [["classify", "--lines", list.path, "--format", "json", "--excel"],
                          ["recommendations", list.path, "--excel"],
                          ["survey", list.path, "--format", "html", "--no-formula-guard"]] {
            let refused = try CLI.run(arguments)
            #expect(refused.status == 64, "\(arguments)")
            #expect(refused.stderr.contains(" only changes CSV output, and "), "\(refused.stderr)")
        }
        #expect(try CLI.run(["survey", list.path, "--excel", "-o", temporary.appendingPathComponent("survey").path]).status == 0)
        #expect(try CLI.run(["recommendations", list.path, "--excel"]).stderr
                .hasPrefix("Error: --excel only changes CSV output, and table (the default format) is not CSV: add --format csv, or drop --excel\n"))
    }

    /// `-` is standard input for `lexicon check` and `import-codebook` even where the folder the run
    /// starts in holds an entry named `-` (session 43's audit: broken YAML piped in "passed", as the
    /// empty folder `-` was checked); a folder with nothing to check fails; `-` twice is a usage error.
    @Test func lexiconCheckReadsStandardInputAndChecksSomething() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("-"), withIntermediateDirectories: true)
        let broken = try CLI.run(["lexicon", "check", "-"], stdin: "x: [a\n", in: folder)
        #expect(broken.status == 1 && broken.stderr.contains("not valid YAML"), "\(broken.stderr)")
        let good = try CLI.run(["lexicon", "check", "-"], stdin: "care:\n  - help*\n", in: folder)
        #expect(good.status == 0 && good.stdout.contains("1 category"), "\(good.stdout) \(good.stderr)")
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let nothing = try CLI.run(["lexicon", "check", empty.path])
        #expect(nothing.status == 1 && nothing.stderr.contains("nothing was checked"), "\(nothing.stderr)")
        #expect(try CLI.run(["lexicon", "check", "-", "-"], stdin: "").status == 64)
        let codebook = try CLI.run(["lexicon", "import-codebook", "-"], stdin: "not a codebook", in: folder)
        #expect(codebook.status == 1 && !codebook.stderr.contains("is a folder"), "\(codebook.stderr)")
    }
}
