import Foundation
import Testing
@testable import ScrutinyKit

/// Real published dictionaries (LIWC .dic, WordStat .cat, quanteda YAML, in `../shared/dictionaries`)
/// and small fixtures of our own for each quirk: they load, check without errors, match text, count
/// a term in each of its categories, and survive a round trip through the other formats.
@Suite struct DictionaryFormatsTests {
    static let folder = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/dictionaries")
    static var present: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static func realFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { ["dic", "cat", "yml", "yaml"].contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted().map { folder.appendingPathComponent($0) }
    }

    /// A text made of up to `limit` of the dictionary's terms as words (a `*` prefix gets "s"), one per sentence.
    static func text(from lexicon: Lexicon, limit: Int = 400) -> String {
        lexicon.allCategories.flatMap(\.terms).prefix(limit).map { term in
            term.pattern.split(separator: " ").map { $0.hasSuffix("*") ? $0.dropLast() + "s" : $0 }.joined(separator: " ")
        }.joined(separator: ". ")
    }

    /// The matches of a text as (category path, matched words), which a round trip must keep.
    static func matches(_ lexicon: Lexicon, in text: String) -> Set<String> {
        let matcher = LexiconMatcher(lexicon: lexicon)
        return Set(matcher.matches(in: text).map { "\(matcher.categories[$0.category].path)@\($0.words)" })
    }

    /// At a level below a category that holds terms of its own beside sub-categories, those terms
    /// count in a column of their own, so the level's columns add up to the whole (session 42's
    /// audit: Laver and Garry's CULTURE counted 152 at level 1, its level-2 columns 11).
    @Test func aLevelKeepsTheOwnTermsOfTheCategoriesAboveIt() throws {
        let lexicon = try WordStatDictionary.parse("CULTURE\n\tPEOPLE (1)\n\tART\n\t\tOPERA (1)\n\tSPORT\n\t\tFOOTBALL (1)\nRURAL\n\tFARM (1)\n",
                                                   name: "d", path: "d.cat")
        let text = "People went to the opera; people played football on the farm."
        let top = CategoryCounter(lexicon: lexicon, level: 1)
        #expect(top.columns == ["CULTURE", "RURAL"])
        #expect(top.count(text, document: "t").counts == [4, 1])
        let second = CategoryCounter(lexicon: lexicon, level: 2)
        #expect(second.columns == ["CULTURE (own)", "CULTURE.ART", "CULTURE.SPORT", "RURAL"])
        #expect(second.count(text, document: "t").counts == [2, 1, 1, 1])
        #expect(CategoryCounter(lexicon: lexicon).columns == ["CULTURE", "CULTURE.ART", "CULTURE.SPORT", "RURAL"])
    }

    /// A category declared twice is refused with its line, in every format (session 42's audit:
    /// `count` and `convert` stopped with a fatal error, `check` found no problem, `classify` kept
    /// one of the two without a word).
    @Test func aCategoryDeclaredTwiceIsRefused() {
        let cases: [(String, () throws(LexiconError) -> Lexicon, String)] = [
            ("name.dic", { () throws(LexiconError) in try LIWCDictionary.parse("%\n1\tcare\n2\tcare\n%\nharm\t1\nsafe*\t2\n", name: "d", path: "name.dic") },
             "category 'care' is in the header twice (also as number 1)"),
            ("id.dic", { () throws(LexiconError) in try LIWCDictionary.parse("%\n1\tcare\n1\tharm\n%\nharm\t1\n", name: "d", path: "id.dic") },
             "category number 1 is in the header twice"),
            ("twice.cat", { () throws(LexiconError) in try WordStatDictionary.parse("CARE\n\tHARM (1)\nCARE\n\tSAFE (1)\n", name: "d", path: "twice.cat") },
             "category 'CARE' is declared twice"),
            ("dotted.yml", { () throws(LexiconError) in try LexiconFile.parse("\"care.virtue\": [kind]\ncare:\n  virtue: [gentle]\n", name: "d", path: "dotted.yml") },
             "category 'care.virtue' is declared twice"),
        ]
        for (name, parse, cause) in cases {
            do {
                let lexicon = try parse()
                Issue.record("\(name) was read: \(lexicon.allCategories.map(\.path))")
            } catch {
                #expect(error.errorDescription?.contains(cause) == true, "\(name): \(error)")
            }
        }
        // A header without a category is refused, as a WordStat file without one is.
        #expect(throws: LexiconError.malformed(path: "empty.dic", line: 2, cause: "a LIWC dictionary needs at least one category in its header")) {
            try LIWCDictionary.parse("%\n%\n", name: "d", path: "empty.dic")
        }
        // An empty file and a PDF under a dictionary's name are said to be what they are.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-dictionaries-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes, cause) in [("empty.dic", [UInt8](), "the file is empty"), ("blank.cat", Array(" \n\t\n".utf8), "it holds only white space"),
                                     ("paper.dic", Array("%PDF-1.7\n".utf8) + [0, 1, 2, 0xFF], "it is a PDF, not a dictionary")] {
            let path = folder.appendingPathComponent(name).path
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            #expect(throws: LexiconError.unreadable(path: path, cause: cause)) { try LoadedDictionary.read(path: path) }
        }
        // Categories that differ in case are two.
        #expect(throws: Never.self) { try LexiconFile.parse("Care: [kind]\ncare: [gentle]\n", name: "d", path: "case.yml") }
    }

    @Test(.enabled(if: present)) func everyRealDictionaryLoadsChecksWithoutErrorsAndMatchesText() throws {
        let files = Self.realFiles()
        #expect(files.count >= 7, "expected the seven published dictionaries in \(Self.folder.path)")
        for file in files {
            let loaded = try LoadedDictionary.read(path: file.path)
            let expected: DictionaryFormat = switch file.pathExtension.lowercased() {
            case "dic": .liwc
            case "cat": .wordstat
            default: .yaml
            }
            #expect(loaded.format == expected, "\(file.lastPathComponent)")
            let errors = LexiconChecker.check(loaded.lexicon).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(file.lastPathComponent): \(errors.map(\.message))")
            #expect(loaded.lexicon.allCategories.flatMap(\.terms).count > 300, "\(file.lastPathComponent)")
            // It classifies text: a sentence of its own terms is coded, and counted.
            let text = Self.text(from: loaded.lexicon)
            let item = Recommendation(id: "x", document: "x", kind: .recommendation, text: text, section: "", cue: "", locations: [])
            let classified = Classifier(scheme: ThemeScheme(lexicon: loaded.lexicon)).classify(item)
            #expect(classified.isClassified, "\(file.lastPathComponent) did not classify a text of its own terms")
            let row = CategoryCounter(lexicon: loaded.lexicon, level: 1).count(text, document: "x")
            #expect(row.counts.reduce(0, +) > 100, "\(file.lastPathComponent): \(row.counts)")
        }
    }

    @Test(.enabled(if: present)) func theMoralFoundationsDictionaryCountsAWordInEachOfItsCategories() throws {
        // MFD 1.0 lists several category numbers after one tab, separated by spaces.
        let mfd = try LoadedDictionary.read(path: Self.folder.appendingPathComponent("moral_foundations_dictionary.dic").path).lexicon
        let owners = mfd.allCategories.filter { $0.terms.contains { $0.pattern == "preserve" } }.map(\.path)
        #expect(owners.count == 3, "\(owners)")
        let counter = CategoryCounter(lexicon: mfd)
        let row = counter.count("They preserve it.", document: "x")
        let counted = counter.columns.indices.filter { row.counts[$0] > 0 }.map { counter.columns[$0] }
        #expect(Set(counted) == Set(owners))
        #expect(row.words == 3)
    }

    @Test(.enabled(if: present)) func oldMacLineEndingsAndDottedNamesRead() throws {
        let mfd2 = try LoadedDictionary.read(path: Self.folder.appendingPathComponent("mfd2.0.dic").path).lexicon
        // Ten categories named "care.virtue" … "sanctity.vice", under five implied parents.
        #expect(mfd2.categories.count == 5)
        #expect(mfd2.leaves.count == 10)
        #expect(mfd2.allCategories.flatMap(\.terms).count > 2000)
    }

    @Test(.enabled(if: present)) func wordStatOutlinesKeepTheirLevelsPhrasesAndWeights() throws {
        let rid = try LoadedDictionary.read(path: Self.folder.appendingPathComponent("RID.CAT").path).lexicon
        // RID's terms sit three levels down (PRIMARY › NEED › ORALITY); one stray line without a
        // weight ("TEST5") reads, as in quanteda, as an empty fourth-level category.
        #expect(rid.allCategories.filter { !$0.terms.isEmpty }.map { $0.path.split(separator: ".").count }.max() == 3)
        #expect(rid.allCategories.filter { $0.path.split(separator: ".").count == 4 }.allSatisfy { $0.terms.isEmpty })
        let laver = try LoadedDictionary.read(path: Self.folder.appendingPathComponent("Laver_and_Garry_2000.cat").path).lexicon
        let phrase = try #require(laver.allCategories.flatMap(\.terms).first { $0.pattern.contains(" ") })
        #expect(!phrase.pattern.contains("_"))
        let matcher = LexiconMatcher(lexicon: laver)
        #expect(matcher.matches(in: "a " + phrase.pattern.lowercased() + " here").contains { $0.words.count == phrase.pattern.split(separator: " ").count })
    }

    @Test(.enabled(if: present)) func quantedaYAMLKeepsThreeLevels() throws {
        let newsmap = try LoadedDictionary.read(path: Self.folder.appendingPathComponent("newsmap-english.yml").path).lexicon
        let depths = Set(newsmap.allCategories.map { $0.path.split(separator: ".").count })
        #expect(depths == [1, 2, 3])
        let counter = CategoryCounter(lexicon: newsmap, level: 1)
        #expect(counter.columns.allSatisfy { !$0.contains(".") })
        let level3 = CategoryCounter(lexicon: newsmap, level: 3)
        #expect(level3.columns.allSatisfy { $0.split(separator: ".").count == 3 })
    }

    @Test(.enabled(if: present)) func realDictionariesRoundTripThroughLIWCAndWordStatWithTheSameMatches() throws {
        for file in Self.realFiles() {
            let original = try LoadedDictionary.read(path: file.path).lexicon
            let text = Self.text(from: original, limit: 5000)
            let expected = Self.matches(original, in: text)
            let viaLIWC = try LIWCDictionary.parse(LIWCDictionary.render(original), name: "x")
            #expect(Self.matches(viaLIWC, in: text) == expected, "\(file.lastPathComponent) through .dic")
            let viaWordStat = try WordStatDictionary.parse(WordStatDictionary.render(original), name: "x")
            #expect(Self.matches(viaWordStat, in: text) == expected, "\(file.lastPathComponent) through .cat")
            let viaYAML = try LexiconFile.parse(LexiconFile.render(original), name: "x")
            #expect(Self.matches(viaYAML, in: text) == expected, "\(file.lastPathComponent) through YAML")
        }
    }

    /// YAML aliases that repeat a mapping inside itself (a few hundred bytes naming billions of
    /// categories) are refused in one line, not expanded (session 38's audit: 785 bytes, 19 GB).
    @Test func aliasesThatMultiplyCategoriesAreRefused() throws {
        var yaml = "l0: &l0 [term]\n"
        for level in 1...7 {
            yaml += "l\(level): &l\(level) {" + (0..<9).map { "k\($0): *l\(level - 1)" }.joined(separator: ", ") + "}\n"
        }
        yaml += "bomb: *l7\n"
        #expect(yaml.utf8.count < 1_000)
        do {
            _ = try LexiconFile.parse(yaml, name: "bomb")
            Issue.record("a lexicon of billions of categories was read")
        } catch {
            #expect(error.errorDescription?.contains("holds more than 2,000,000 categories and terms") == true, "\(error)")
        }
        // An alias used as the YAML means it, a few times, is read.
        let reused = try LexiconFile.parse("a: &terms [audit, review]\nb: *terms\n", name: "r")
        #expect(reused.allCategories.map(\.terms.count) == [2, 2])
    }

    @Test func exportedLIWCParentsHoldTheUnionOfTheirChildren() throws {
        let lexicon = try LexiconFile.parse("purpose:\n  safeguarded: [threshold*, front door]\n  outcomes: [outcome*]\nprocess:\n  challenge: [audit*]\n", name: "t")
        let dic = LIWCDictionary.render(lexicon)
        // A plain LIWC reader sees "purpose" (1) on every purpose term.
        let entries = dic.split(separator: "%").last!.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        let purposeNumber = try #require(dic.split(separator: "\n").first { $0.hasSuffix("\tpurpose") }?.split(separator: "\t").first)
        let purposeTerms = entries.filter { $0.dropFirst().contains(String(purposeNumber)) }.map { $0[0] }
        #expect(Set(purposeTerms) == ["threshold*", "front door", "outcome*"])
        // Read back, each term is where it was: not repeated in the parent.
        let back = try LIWCDictionary.parse(dic, name: "t")
        #expect(back.categories.first { $0.path == "purpose" }?.terms.isEmpty == true)
        #expect(back.allCategories.first { $0.path == "purpose.safeguarded" }?.terms.map(\.pattern) == ["threshold*", "front door"])
    }

    @Test func liwcQuirksReadAlike() throws {
        let lines = ["%", "1\tcare", "2  authority", "%", "protect*\t\t1", "preserve\t1 2", "respect  2", "duty\t2\t1"]
        let expected = try LIWCDictionary.parse(lines.joined(separator: "\n") + "\n", name: "lf")
        #expect(expected.allCategories.first { $0.path == "care" }?.terms.map(\.pattern) == ["protect*", "preserve", "duty"])
        #expect(expected.allCategories.first { $0.path == "authority" }?.terms.map(\.pattern) == ["preserve", "respect", "duty"])
        for separator in ["\r\n", "\r"] {
            let other = try LIWCDictionary.parse(lines.joined(separator: separator) + separator, name: "lf")
            #expect(other.categories == expected.categories, "line ending \(separator.debugDescription)")
        }
    }

    @Test func encodingsAreDetectedOrGiven() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "%\n1\tfood\n%\ncafé\t1\nnaïve*\t1\n"
        let latin1 = folder.appendingPathComponent("latin1.dic")
        try Data(text.unicodeScalars.map { UInt8($0.value) }).write(to: latin1)
        let bom = folder.appendingPathComponent("bom.dic")
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: bom)
        for (file, encoding) in [(latin1, TextDecoding.Encoding.windows1252), (bom, .utf8)] {
            let loaded = try LoadedDictionary.read(path: file.path)
            #expect(loaded.encoding == encoding)
            #expect(LexiconMatcher(lexicon: loaded.lexicon).matches(in: "Un café naïvement").count == 2, "\(file.lastPathComponent)")
        }
        // Given explicitly, the encoding is used as it is; bytes that are not UTF-8 where UTF-8 is
        // given are refused with their line (until session 46 they were read as U+FFFD, and
        // "caf\u{FFFD}*" matched "cafe"), and the encoding they read as is named.
        do {
            _ = try LoadedDictionary.read(path: latin1.path, encoding: .utf8)
            Issue.record("Latin-1 bytes read as UTF-8 were accepted")
        } catch {
            guard case let .malformed(path, line, cause) = error else { Issue.record("\(error)"); return }
            #expect(path == latin1.path && line == 4 && cause.contains("not UTF-8") && cause.contains("Windows-1252"), "\(cause)")
        }
        let given = try LoadedDictionary.read(path: latin1.path, encoding: .windows1252)
        #expect(LexiconMatcher(lexicon: given.lexicon).matches(in: "Un café naïvement").count == 2)
        #expect(TextDecoding.Encoding(label: "ISO-8859-1") == .windows1252)
        #expect(TextDecoding.Encoding(label: "ebcdic") == nil)
    }

    /// A WordStat entry whose weight is no number reads as an empty category; the check says how
    /// it would be an entry (session 46's interop audit: "is empty" alone hid the cause).
    @Test func anEntryWithAWeightThatIsNoNumberIsSaidToBeOne() throws {
        let lexicon = try WordStatDictionary.parse("CULTURE\n\tART (1)\n\tMUSIC (x)\n\tEMPTY\n", name: "t", path: "t.cat")
        let messages = LexiconChecker.check(lexicon).map(\.message)
        #expect(messages.contains { $0.contains("`CULTURE.MUSIC (x)` is empty; if `MUSIC (x)` is meant as an entry, its weight in brackets must be a number") })
        #expect(messages.contains("category `CULTURE.EMPTY` is empty"))
    }

    @Test func aTermInTwoCategoriesCountsInEachUnlessTheLexiconSaysOtherwise() throws {
        let yaml = "a:\n  - audit*\nb:\n  - audit*\n  - review\n"
        let both = try LexiconFile.parse(yaml, name: "t")
        let found = LexiconMatcher(lexicon: both).matches(in: "An audit and a review.")
        #expect(found.map(\.category).sorted() == [0, 1, 1])
        #expect(LexiconChecker.check(both).isEmpty)
        let one = try LexiconFile.parse("_settings:\n  count_in_each_category: 0\n" + yaml, name: "t")
        #expect(LexiconMatcher(lexicon: one).matches(in: "An audit and a review.").map(\.category) == [0, 1])
        #expect(LexiconChecker.check(one).contains { $0.message.contains("is in both") })
    }

    /// Words that different terms of several categories match alike count in each, as quanteda
    /// counts them: "safeguarding" by `safe*` in one category and `safeguarding` in another. Until
    /// session 29 the first category in the file took the count (a user audit found Laver and
    /// Garry's `PRODUC*` losing "production" to another category's `PRODUCE*`). Two terms of one
    /// category over the same words count once; a longer match still wins over a shorter one.
    @Test func wordsMatchedAlikeByTermsOfSeveralCategoriesCountInEach() throws {
        let lexicon = try LexiconFile.parse("a:\n  - safe*\nb:\n  - safeguarding\n  - safeguard*\nc:\n  - safeguarding partners\n", name: "t")
        let matcher = LexiconMatcher(lexicon: lexicon)
        #expect(matcher.matches(in: "Safeguarding is everyone's business.").map(\.category).sorted() == [0, 1])
        #expect(matcher.matches(in: "The safeguarding partners met.").map(\.category) == [2])
        let first = try LexiconFile.parse("_settings:\n  count_in_each_category: 0\na:\n  - safe*\nb:\n  - safeguarding\n", name: "t")
        #expect(LexiconMatcher(lexicon: first).matches(in: "Safeguarding matters.").map(\.category) == [0])
    }

    /// A setting misspelt or not a number is refused with its line (session 29's user audit: both
    /// were ignored, and the run went on with the default threshold).
    @Test func settingsMisspeltOrNotNumbersAreRefusedWithTheirLine() throws {
        for (yaml, cause) in [("_settings:\n  threshhold: 0.5\npurpose:\n  - safe*\n", "has no setting `threshhold`"),
                              ("_settings:\n  threshold: low\npurpose:\n  - safe*\n", "the setting `threshold` must be a number"),
                              ("_settings: 3\npurpose:\n  - safe*\n", "`_settings` must be a mapping")] {
            do {
                _ = try LexiconFile.parse(yaml, name: "t", path: "t.yml")
                Issue.record("accepted: \(yaml)")
            } catch {
                guard case let .malformed(path, line, message) = error else { Issue.record("\(error)"); continue }
                #expect(path == "t.yml" && message.contains(cause), "\(message)")
                #expect(line == (yaml.hasPrefix("_settings: 3") ? 1 : 2), "\(yaml)")
            }
        }
        #expect(try LexiconFile.parse("_settings:\n  threshold: 0.5\npurpose:\n  - safe*\n", name: "t").setting("threshold", default: 0) == 0.5)
    }

    /// A .cat outline nested with spaces, or an entry two tabs below its category, is refused with
    /// its line (session 29's audit: the first read as "outside any category" or as a category of
    /// its own, the second passed); a duplicate names the spelling it repeats.
    @Test func wordStatOutlinesNestedWronglyAreRefusedWithTheirLine() throws {
        for (cat, line, cause) in [("PURPOSE\n    SAFE* (1)\n", 2, "indented with spaces"),
                                   ("PURPOSE\n\tAUDIT (1)\n  PROCESS\n", 3, "indented with spaces"),
                                   ("PURPOSE\n\t\tSAFE* (1)\n", 2, "2 tabs in, under `PURPOSE` at 0")] {
            do {
                _ = try WordStatDictionary.parse(cat, name: "t", path: "t.cat")
                Issue.record("accepted: \(cat)")
            } catch {
                guard case let .malformed(path, at, message) = error else { Issue.record("\(error)"); continue }
                #expect(path == "t.cat" && at == line && message.contains(cause), "\(at.map(String.init) ?? "-"): \(message)")
            }
        }
        let twins = try WordStatDictionary.parse("PURPOSE\n\tFRONT_DOOR (1)\n\tfront_door (1)\n", name: "t")
        let problem = try #require(LexiconChecker.check(twins).first { $0.message.contains("duplicate") })
        #expect(problem.line == 3 && problem.message.contains("as `FRONT DOOR` on line 2"), "\(problem.message)")
    }

    @Test func countsMatchAHandCount() throws {
        // Hand count of the text below against this dictionary:
        //   purpose.safeguarded: "threshold" (1), "thresholds" (2), "front door" (3)            → 3
        //   purpose.outcomes: "outcomes" (1), "threshold" is not an outcome term                → 1
        //   purpose (parent): its children's 4 matches                                         → 4
        //   process.challenge: "audit" (1), "audits" (2), "challenge" (3)                       → 3
        //   process.learning: "audit", "audits" again (audit* is in both), "learning" (3)       → 3
        //   process (parent): audit, audits, challenge, learning; each once though in both      → 4
        //   words: 7 + 5 + 13                                                                   → 25
        let lexicon = try LexiconFile.parse("""
            purpose:
              safeguarded: [threshold*, front door]
              outcomes: [outcome*]
            process:
              challenge: [audit*, challenge]
              learning: [learning, audit*]
            """, name: "hand")
        let text = "The front door applies the threshold well. Thresholds and outcomes were checked. "
            + "An audit, two audits and a challenge led to learning for the partners."
        let counter = CategoryCounter(lexicon: lexicon)
        let row = counter.count(text, document: "hand")
        let counts = Dictionary(uniqueKeysWithValues: zip(counter.columns, row.counts))
        #expect(counts == ["purpose": 4, "purpose.safeguarded": 3, "purpose.outcomes": 1,
                           "process": 4, "process.challenge": 3, "process.learning": 3])
        #expect(row.words == 25)
        #expect(abs(row.percent(counter.columns.firstIndex(of: "process")!) - 400.0 / 25) < 1e-9)
        #expect(CategoryCounter(lexicon: lexicon, level: 1).columns == ["purpose", "process"])
        #expect(CategoryCounter(lexicon: lexicon, level: 1).count(text, document: "hand").counts == [4, 4])
    }
}
