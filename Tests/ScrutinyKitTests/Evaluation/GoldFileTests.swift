import Foundation
import Testing
@testable import ScrutinyKit

/// A researcher's own hand coding, as people write it: the header in any case and spelling, rows
/// pasted twice, a quote left open, documents named with their folders. None of it may change the
/// figures without a word. Until session 19 each did (helper audit, session 19).
@Suite struct GoldFileTests {
    @Test func headersInAnyCaseAndSpellingNameTheirColumns() throws {
        for header in ["Document,Kind,Theme,Sub-theme,Text", "document,kind,theme,sub_theme,text", "DOCUMENT,KIND,THEME,Subtheme,TEXT",
                       "document,kind,theme,sub theme,text"] {
            let rows = try Annotation.parse(header + "\nd.txt,recommendation,purpose,learning,The partnership should learn.\n")
            #expect(rows.first?.subtheme == "learning" && rows.first?.theme == "purpose", "\(header)")
        }
        #expect(try Annotation.parse("document,kind,theme 2,text\nd.txt,strength,process,Text.\n").first?.theme2 == "process")
    }

    /// Values as a spreadsheet writes them: kinds and forms in any case with "-" or spaces, themes
    /// and sub-themes in any case with "-", "_" or spaces, a Windows path. Until session 29 a
    /// capitalised theme could never agree (a whole coding scored kappa 0, exit 0), a kind of
    /// "Recommendation" was refused, and a Windows path scored nothing (session 29's user audit).
    @Test func valuesAsASpreadsheetWritesThemAreTheSchemesOwn() throws {
        let rows = try Annotation.parse("""
            document,kind,form,theme,subtheme,text
            C:\\Users\\me\\Reports\\d.txt,Recommendation,Listed,Purpose ,Information sharing,The partnership should share more.
            d.txt,Area for improvement,EXPLICIT,LEADERSHIP,active_leadership,Leaders should lead.
            d.txt,area-for-improvement,,Process,no such sub-theme,Partners should meet.
            d.txt,strength,,Wellbeing,,A theme the scheme has not.
            """)
        #expect(rows.map(\.kind) == [.recommendation, .areaForImprovement, .areaForImprovement, .strength])
        #expect(rows.map(\.form) == [.listed, .explicit, nil, nil])
        let scheme = Lexicon(name: "s", categories: ["purpose": ["information-sharing"], "leadership": ["active-leadership"], "process": ["relationships"]]
            .sorted { $0.key < $1.key }.map { theme, subthemes in
                LexiconCategory(name: theme, path: theme, terms: [], children: subthemes.map { LexiconCategory(name: $0, path: theme + "." + $0, terms: []) })
            })
        let gold = GoldSet(annotations: rows).named(as: ["d.txt"]).spelled(as: scheme)
        #expect(gold.annotations.map(\.document) == ["d.txt", "d.txt", "d.txt", "d.txt"])
        #expect(gold.annotations.map(\.theme) == ["purpose", "leadership", "process", "Wellbeing"])
        #expect(gold.annotations.map(\.subtheme) == ["information-sharing", "active-leadership", "no such sub-theme", nil])
    }

    /// A coding saved by Excel on Windows (Windows-1252) or as its "Unicode text" (UTF-16) reads
    /// as written (session 47's audit: a curly apostrophe became U+FFFD without a word).
    @Test func aSheetInWindows1252OrUTF16ReadsAsWritten() throws {
        let folder = try #require(FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-gold-\(UUID().uuidString)"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = "document,kind,theme,subtheme,text\nd.txt,strength,purpose,safeguarded,Children\u{2019}s needs are met – promptly.\n"
        let windows = folder.appendingPathComponent("w.csv")
        try Data(sheet.unicodeScalars.map { $0 == "\u{2019}" ? 0x92 : $0 == "–" ? 0x96 : UInt8($0.value) }).write(to: windows)
        #expect(try Annotation.load(path: windows.path).first?.text == "Children\u{2019}s needs are met – promptly.")
        let unicode = folder.appendingPathComponent("u.csv")
        try (Data([0xFF, 0xFE]) + sheet.data(using: .utf16LittleEndian)!).write(to: unicode)
        #expect(try Annotation.load(path: unicode.path).first?.text == "Children\u{2019}s needs are met – promptly.")
    }

    @Test func aQuoteLeftOpenIsRefusedWithItsLine() {
        let text = "document,kind,text\nd.txt,strength,\"Good work.\nd.txt,strength,Other work.\nd.txt,strength,More.\n"
        #expect(throws: Annotation.LoadError.unclosedQuote(path: "g.csv", line: 2)) { try Annotation.parse(text, path: "g.csv") }
    }

    /// A quote left open that the next row's opening quote closes swallowed that row silently.
    @Test func aQuoteLeftOpenThatALaterQuoteClosesIsRefusedToo() {
        let text = "document,kind,text\nd.txt,strength,\"The quality of early help\nd.txt,area_for_improvement,\"Plans are weak.\"\n"
        #expect(throws: Annotation.LoadError.unclosedQuote(path: "g.csv", line: 2)) { try Annotation.parse(text, path: "g.csv") }
    }

    @Test func linesAreTheFilesLinesWhereACellHoldsANewline() throws {
        let rows = try Annotation.parse("document,kind,text\nd.txt,strength,\"Two\nlines.\"\n\nd.txt,recommendation,Third.\n")
        #expect(rows.map(\.line) == [2, 5])
        #expect(throws: Annotation.LoadError.badKind(path: "g.csv", line: 5, kind: "recomendation")) {
            try Annotation.parse("document,kind,text\nd.txt,strength,\"Two\nlines.\"\n\nd.txt,recomendation,Third.\n", path: "g.csv")
        }
    }

    @Test func filesThatAreNoCommaCSVSaySo() {
        #expect(throws: Annotation.LoadError.unreadable(path: "g.csv", cause: "it is empty")) { try Annotation.parse("\n", path: "g.csv") }
        #expect(throws: Annotation.LoadError.unreadable(path: "g.csv", cause: "its columns are separated by semicolons or tabs; save it as CSV with commas")) {
            try Annotation.parse("document;kind;text\nd.txt;strength;Good.\n", path: "g.csv")
        }
    }

    @Test func repeatedRowsAndLongerPathsAreFound() {
        let rows = [Annotation(document: "corpus/documents/a.md", kind: .strength, text: "Good.", line: 2),
                    Annotation(document: "a.md", kind: .strength, text: "Other.", line: 3),
                    Annotation(document: "a.md", kind: .strength, text: "Other.", line: 4),
                    Annotation(document: "elsewhere/b.md", kind: .strength, text: "B.", line: 5)]
        let gold = GoldSet(annotations: rows)
        #expect(gold.repeated.map(\.line) == [4])
        // Rows of a prefix two items share are no copies when the run finds both items.
        let prefix = "Leaders, including the city council, the integrated care board, and school"
        let shared = GoldSet(annotations: [Annotation(document: "p.pdf", kind: .areaForImprovement, text: prefix, line: 2),
                                           Annotation(document: "p.pdf", kind: .areaForImprovement, text: prefix, line: 3)])
        let item = { (text: String) in Recommendation(id: text, document: "p.pdf", kind: .areaForImprovement, text: text, section: "", cue: "", locations: []) }
        let both = [item(prefix + " leaders, must put children at the centre."), item(prefix + " leaders, should share information.")]
        #expect(shared.repeated(amongFound: both).isEmpty)
        #expect(shared.repeated(amongFound: [both[0]]).map(\.line) == [3])
        #expect(gold.repeated(amongFound: []).map(\.line) == [4])
        let named = gold.named(as: ["a.md", "c.md"])
        #expect(named.annotations.map(\.document) == ["a.md", "a.md", "a.md", "elsewhere/b.md"])
    }

    /// Sub-theme accuracy is over the items coded to a sub-theme by hand; a theme alone is no
    /// disagreement at the sub-theme level (a gold file without sub-themes scored 0.000).
    @Test func subthemeAccuracyIsOverTheItemsCodedToASubtheme() throws {
        let item = { (text: String) in Recommendation(id: text, document: "d.txt", kind: .strength, text: text, section: "", cue: "", locations: []) }
        let pairs = [
            (gold: Annotation(document: "d.txt", kind: .strength, theme: "purpose", subtheme: nil, text: "a", line: 2),
             predicted: ClassifiedItem(recommendation: item("a"), theme: "purpose", subtheme: "learning")),
            (gold: Annotation(document: "d.txt", kind: .strength, theme: "process", subtheme: "relationships", text: "b", line: 3),
             predicted: ClassifiedItem(recommendation: item("b"), theme: "process", subtheme: "relationships")),
        ]
        let evaluation = ThemeEvaluation(pairs: pairs)
        #expect(evaluation.subthemeItems == 1 && evaluation.subthemeAccuracy == 1)
        #expect(evaluation.disagreements.isEmpty)
        let none = ThemeEvaluation(pairs: [pairs[0]])
        #expect(none.subthemeItems == 0)
        let json = String(decoding: try JSONEncoder().encode(none.summary), as: UTF8.self)
        #expect(json.contains("\"subthemeAccuracy\":null"), "\(json)")
        #expect(json.contains("\"themeAccuracy\":1"), "\(json)")
        let empty = String(decoding: try JSONEncoder().encode(ExtractionEvaluation.Score(found: 0, gold: 3, matched: 0)), as: UTF8.self)
        #expect(empty.contains("\"precision\":null") && empty.contains("\"recall\":0") && empty.contains("\"f1\":null"), "\(empty)")
    }
}
