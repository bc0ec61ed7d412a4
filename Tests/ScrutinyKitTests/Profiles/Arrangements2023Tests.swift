import Foundation
import Testing
@testable import ScrutinyKit

/// The Working Together 2023 arrangement indicators (the `wt2023` block at the end of
/// lexicons/arrangements.yml) on the documents that state them, against
/// Tests/Gold/eras/indicators2023.csv: each document profiled on its own.
@Suite struct Arrangements2023Tests {
    static let lexicon = try! ArrangementLexicon(contentsOf: Paths.root.appendingPathComponent("lexicons/arrangements.yml"), types: Paths.documentTypes)

    @Test func theBlockDefinesTheSevenIndicators() {
        let ids = Self.lexicon.indicators.filter { $0.group == "wt2023" }.map(\.id)
        #expect(ids == ["wt2023.lead_partners_named", "wt2023.delegated_partners_named", "wt2023.partnership_chair",
                        "wt2023.chair_held_by_partner", "wt2023.education_strategic", "wt2023.yearly_report_scrutinised",
                        "wt2023.scrutiny_functions"])
        #expect(Self.lexicon.group("wt2023")?.label == "Working Together 2023 arrangements")
    }

    @Test func indicatorsAreRightOnTheDocumentsThatStateThem() throws {
        let text = try String(contentsOf: Paths.root.appendingPathComponent("Tests/Gold/eras/indicators2023.csv"), encoding: .utf8)
        let rows = CSVReader.rows(text).dropFirst().filter { $0.count >= 3 }
        #expect(rows.count == 20)
        let manifest = try Manifest.load(path: Paths.corpus.appendingPathComponent("manifest.csv").path, types: Paths.documentTypes)
        let reader = DocumentReader()
        let detector = MetadataDetector(rules: try MetadataRules(contentsOf: Paths.root.appendingPathComponent("lexicons/documents.yml")))
        let profiler = ArrangementProfiler(lexicon: Self.lexicon)
        var right = 0
        var checked = 0
        for row in rows {
            let path = Paths.root.appendingPathComponent(row[0]).standardizedFileURL.path
            if row[0].contains("shared/seeds"), !Paths.seedsExist { continue }
            let document = manifest.apply(to: detector.filled(try reader.read(path: path)))
            let profile = try #require(profiler.profiles(of: [document]).first, "\(row[0]) has no profile")
            let value = profile.value(row[1])
            checked += 1
            if value.description == row[2] { right += 1 }
            #expect(value.description == row[2], "\(row[0]) \(row[1]): found \(value.description), expected \(row[2]); evidence: \(profile.indicators[row[1]]?.evidence.first?.text.prefix(90) ?? "none")")
        }
        print("2023 indicators: \(right) of \(checked) right")
    }
}
