import Foundation
import Testing
@testable import ScrutinyKit

/// Era detection (`lexicons/eras.yml`) against the hand-decided eras of Tests/Gold/eras/eras.csv:
/// every dated document of corpus/ (manifest dates), the shared seeds and the 48 real documents of
/// ../shared/real (publication dates from SOURCES.tsv).
@Suite struct EraDetectionTests {
    static let rules = try! EraRules(contentsOf: Paths.root.appendingPathComponent("lexicons/eras.yml"))
    static let gold = Paths.root.appendingPathComponent("Tests/Gold/eras/eras.csv")

    struct Expected {
        var collection, file, date, era: String
    }

    static func expected() throws -> [Expected] {
        let rows = CSVReader.rows(try String(contentsOf: gold, encoding: .utf8))
        #expect(rows.first == ["collection", "file", "date", "era", "evidence"])
        return rows.dropFirst().filter { $0.count >= 4 }.map { Expected(collection: $0[0], file: $0[1], date: $0[2], era: $0[3]) }
    }

    static func check(_ collection: String) throws -> (right: Int, of: Int) {
        let detector = EraDetector(rules: rules)
        let reader = DocumentReader()
        var right = 0
        var total = 0
        for row in try expected() where row.collection == collection {
            let path = Paths.root.appendingPathComponent(row.file).standardizedFileURL.path
            let document = try reader.read(path: path)
            let finding = detector.detect(document, date: row.date)
            total += 1
            if finding.era == row.era { right += 1 }
            #expect(finding.era == row.era, "\(row.file) (\(row.date)): found \(finding.era ?? "none"), scores \(finding.scores), cues \(finding.cues)")
        }
        print("eras \(collection): \(right) of \(total) right")
        return (right, total)
    }

    @Test func corpusErasAreRight() throws {
        let result = try Self.check("corpus")
        // Every original of the manifest (versions are the same documents).
        #expect(result.of == 19)
        let manifest = try Manifest.load(path: Paths.corpus.appendingPathComponent("manifest.csv").path, types: Paths.documentTypes)
        let originals = Set(Paths.corpusDocuments().map { ($0 as NSString).lastPathComponent })
        for row in try Self.expected() where row.collection == "corpus" {
            let name = (row.file as NSString).lastPathComponent
            #expect(originals.contains(name))
            // The gold's date is the manifest's.
            let entry = manifest.entry(for: try DocumentReader().read(path: Paths.root.appendingPathComponent(row.file).path))
            #expect(entry?.metadata.date == row.date, "\(name)")
        }
    }

    @Test(.enabled(if: Paths.seedsExist)) func seedErasAreRight() throws {
        #expect(try Self.check("seeds").of == 5)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Paths.root.appendingPathComponent("../shared/real/SOURCES.tsv").path)))
    func realErasAreRight() throws {
        #expect(try Self.check("real").of == 48)
    }

    /// The rules themselves, on small texts: the date decides outside a window; inside one, the
    /// document's own words move it when they lead by the margin; undated, the words alone.
    @Test func theDateDecidesUnlessTheWordsLeadInsideAWindow() {
        let detector = EraDetector(rules: Self.rules)
        func era(_ text: String, _ date: String?) -> String? {
            let words = WordTokenizer.words(text).map(\.text)
            return detector.detect(sentences: [(words, false)], date: date).era
        }
        #expect(era("The partnership met.", "2021-05") == "wt2018")
        #expect(era("The partnership met.", "2025-03") == "wt2023")
        #expect(era("The partnership met.", "2016-11") == "lscb")
        // Outside a window the words do not move a dated document.
        #expect(era("Working Together 2018 sets out the duties.", "2025-03") == "wt2023")
        // Inside the 2024 window they do.
        #expect(era("Working Together 2018 sets out the duties.", "2024-03") == "wt2018")
        #expect(era("The lead safeguarding partners and delegated safeguarding partners met.", "2023-12-20") == "wt2023")
        #expect(era("The LSCB met.", "2018-09") == "lscb")
        // Undated: the words decide, or nothing does.
        #expect(era("Working Together 2023 gives lead safeguarding partners joint functions.", nil) == "wt2023")
        #expect(era("The partnership met.", nil) == nil)
        // The guidance's title as a real partnership page misspells it (session 21's audit).
        #expect(era("Our arrangements follow Working Together to Safeguarding Children 2023.", nil) == "wt2023")
        #expect(detector.scheme(of: "lscb") == "wt2018")
        #expect(detector.scheme(of: "wt2023") == "wt2023")
    }

    /// A pasted list's heading dates it in the forms people write: a month and year, a date in
    /// figures either way round, a season, a year of account or a year (session 45's re-audit:
    /// "14/03/2025", "2024/25" and "Spring 2025" were read as no date; its third, "14.03.25" and
    /// "Q1 2025").
    @Test func aHeadingsDateIsReadInItsUsualForms() {
        let cases: [(String, String?)] = [
            ("Recommendations - March 2025", "2025-03"), ("Recommendations 14/03/2025", "2025-03"), ("Recommendations (2025-03-14)", "2025-03"),
            ("Spring 2025 recommendations", "2025-03"), ("Recommendations 2024/25", "2025-03"), ("Annual report 2023-24", "2024-03"),
            ("Scrutiny report 2025", "2025-01"), ("Recommendations under Working Together 2023", nil), ("Recommendations", nil),
            ("Page 2 of 14", nil), ("Recommendations 14.03.25", "2025-03"), ("Scrutiny report Q3 2024", "2024-07"),
            ("Section 2.4.1", nil), ("3.1.12 Leadership", nil), ("Met on 4/3/25", "2025-03"),
            ("Recommendations 3/2025", "2025-03"), ("Scrutiny report FY2024/25", "2025-03"), ("Recommendations, March 25", "2025-03"),
            ("Recommendations, Mar '25", "2025-03"), ("Agreed March 25, 2024", "2024-03"),
        ]
        for (heading, date) in cases { #expect(EraDetector.headingDate(heading) == date, "\(heading)") }
    }
}
