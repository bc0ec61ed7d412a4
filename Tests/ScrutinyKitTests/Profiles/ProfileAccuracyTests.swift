import Foundation
import Testing
@testable import ScrutinyKit

/// The profiles of the corpus partnerships against the hand coding in corpus/arrangements.csv.
@Suite struct ProfileAccuracyTests {
    static let lexicon = try! ArrangementLexicon(contentsOf: Paths.root.appendingPathComponent("lexicons/arrangements.yml"), types: Paths.documentTypes)

    static func corpusProfiles() throws -> [PartnershipProfile] {
        let manifest = try Manifest.load(path: Paths.corpus.appendingPathComponent("manifest.csv").path, types: Paths.documentTypes)
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

    static let detector = MetadataDetector(rules: try! MetadataRules(contentsOf: Paths.root.appendingPathComponent("lexicons/documents.yml")))

    /// The partnership, type and date found in each corpus document's own text agree with the manifest.
    @Test func detectedMetadataAgreesWithTheManifest() throws {
        let manifest = try Manifest.load(path: Paths.corpus.appendingPathComponent("manifest.csv").path, types: Paths.documentTypes)
        let reader = DocumentReader()
        var checked = 0
        for path in Paths.corpusDocuments() {
            let document = try reader.read(path: path)
            let entry = try #require(manifest.entry(for: document), "\(document.fileName) is not in the manifest")
            let detected = Self.detector.detect(document)
            #expect(detected.partnership == entry.metadata.partnership, "\(document.fileName)")
            #expect(detected.documentType == entry.metadata.documentType, "\(document.fileName)")
            #expect(detected.date == entry.metadata.date, "\(document.fileName)")
            checked += 1
        }
        #expect(checked == 19)
    }

    /// A generated PDF, HTML, DOCX or ODT version read on its own gives the same profile as its original.
    @Test func everyVersionProfilesLikeItsOriginal() throws {
        let manifest = try Manifest.load(path: Paths.corpus.appendingPathComponent("manifest.csv").path, types: Paths.documentTypes)
        let reader = DocumentReader()
        let profiler = ArrangementProfiler(lexicon: Self.lexicon)
        func profile(_ name: String) throws -> PartnershipProfile? {
            let document = Self.detector.filled(try reader.read(path: Paths.documents.appendingPathComponent(name).path))
            return profiler.profiles(of: [document]).first
        }
        let versions = manifest.entries.values.filter { $0.versionOf != nil }.sorted { $0.file < $1.file }
        #expect(versions.count >= 16)
        for version in versions {
            let original = try #require(try profile(version.versionOf!))
            let copy = try #require(try profile(version.file), "no partnership found in \(version.file)")
            #expect(copy.partnership == original.partnership, "\(version.file)")
            let differing = Self.lexicon.indicators.map(\.id).filter { copy.value($0) != original.value($0) }
            #expect(differing.isEmpty, "\(version.file) differs from \(version.versionOf!) on \(differing)")
        }
    }

    /// In the shared seeds BSCP is Barnsley in one document and Barnet in another; the national
    /// survey, about a hundred partnerships, is about none of them.
    @Test(.enabled(if: Paths.seedsExist)) func seedPartnershipsAreResolvedWithinEachDocument() throws {
        let reader = DocumentReader()
        func partnership(_ seed: String) throws -> String? { Self.detector.detect(try reader.read(path: Paths.seed(seed))).partnership }
        #expect(try partnership("000") == "Barnsley")
        #expect(try partnership("001") == "Barnsley")
        #expect(try partnership("004") == "Barnet")
        #expect(try partnership("003") == nil)
    }
}
