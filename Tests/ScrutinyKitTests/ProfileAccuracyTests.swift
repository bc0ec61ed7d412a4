import Foundation
import Testing
@testable import ScrutinyKit

/// The profiles of the corpus partnerships against the hand coding in corpus/arrangements.csv.
@Suite struct ProfileAccuracyTests {
    static let lexicon = try! ArrangementLexicon(contentsOf: Paths.root.appendingPathComponent("lexicons/arrangements.yml"))

    static func corpusProfiles() throws -> [PartnershipProfile] {
        let manifest = try Manifest.load(path: Paths.corpus.appendingPathComponent("manifest.csv").path)
        let reader = DocumentReader()
        let documents = try Paths.corpusDocuments().map { manifest.apply(to: try reader.read(path: $0)) }
        return ArrangementProfiler(lexicon: lexicon).profiles(of: documents)
    }

    @Test func corpusProfilesAgreeWithTheHandCoding() throws {
        let coding = try ProfileEvaluation.loadCoding(path: Paths.corpus.appendingPathComponent("arrangements.csv").path)
        let evaluation = ProfileEvaluation(profiles: try Self.corpusProfiles(), coding: coding)
        print("indicator accuracy: \(String(format: "%.3f", evaluation.accuracy)) (\(evaluation.agreeing) of \(evaluation.cells.count) partnership × indicator cells)")
        for cell in evaluation.disagreements {
            print("  \(cell.partnership)  \(cell.indicator)  found \(cell.found), coded \(cell.expected)  [\(cell.evidence.prefix(70))]")
        }
        #expect(evaluation.cells.count == 256)
        #expect(evaluation.missingPartnerships.isEmpty)
        #expect(evaluation.accuracy >= 0.9)
    }
}
