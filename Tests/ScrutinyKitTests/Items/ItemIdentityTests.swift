import Foundation
import Testing
@testable import ScrutinyKit

/// An item's id is a key a researcher can join on: the same report read as PDF, HTML, Word,
/// OpenDocument or text gives its items the same ids.
@Suite struct ItemIdentityTests {
    static let finder = RecommendationFinder(rules: try! ItemRules(contentsOf: Paths.root.appendingPathComponent("lexicons/items.yml")))

    @Test func everyVersionOfACorpusReportGivesTheOriginalsIDs() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.documents.path).sorted()
        let byStem = Dictionary(grouping: names) { ($0 as NSString).deletingPathExtension }
        var compared = 0
        for (stem, files) in byStem.sorted(by: { $0.key < $1.key }) where files.count > 1 {
            guard let original = files.first(where: { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }) else { continue }
            let ids = Self.finder.recommendations(in: try DocumentReader().read(path: Paths.documents.appendingPathComponent(original).path)).map(\.id)
            #expect(!ids.isEmpty, "\(stem)")
            for version in files where version != original {
                let versionIDs = Self.finder.recommendations(in: try DocumentReader().read(path: Paths.documents.appendingPathComponent(version).path)).map(\.id)
                #expect(versionIDs == ids, "\(version) against \(original)")
                compared += 1
            }
        }
        #expect(compared >= 16)
    }

    /// An item keeps its id whatever else a run finds: with `--narrative` (more items before it)
    /// or without. Until session 20 ids were ordinals, and every id of a plain run named another
    /// item in a run with narrative findings.
    @Test func anItemKeepsItsIDWhateverElseIsFound() throws {
        let narrative = RecommendationFinder(rules: Self.finder.rules, narrative: true)
        var compared = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Paths.documents.path).sorted() where name.hasSuffix(".txt") {
            let document = try DocumentReader().read(path: Paths.documents.appendingPathComponent(name).path)
            let plain = Self.finder.recommendations(in: document)
            let all = Dictionary(narrative.recommendations(in: document).map { ($0.id, $0.text) }) { first, _ in first }
            for item in plain {
                #expect(all[item.id] == item.text, "\(name) \(item.id)")
                compared += 1
            }
            #expect(Set(plain.map(\.id)).count == plain.count, "ids are unique in \(name)")
        }
        #expect(compared >= 100)
    }

    /// Two documents of the same words both counted (a manifest gives one report to two
    /// partnerships) give their items ids unique in the run, whichever comes first; a run of
    /// different documents keeps every id as the finder gave it.
    @Test func theSameWordsCountedTwiceGiveDistinctIDs() throws {
        let path = Paths.documents.appendingPathComponent("ravensholme-scrutiny-report-2022.md").path
        var first = try DocumentReader().read(path: path), second = first
        first.name = "area-a.md"
        second.name = "area-b.md"
        let a = Self.finder.recommendations(in: first), b = Self.finder.recommendations(in: second)
        #expect(a.map(\.id) == b.map(\.id) && !a.isEmpty)
        let run = RecommendationFinder.distinctIDs(a + b)
        #expect(Set(run.map(\.id)).count == a.count * 2)
        #expect(run.map(\.id) == RecommendationFinder.distinctIDs(b + a).suffix(b.count).map(\.id) + RecommendationFinder.distinctIDs(b + a).prefix(b.count).map(\.id))
        // The words' part of each id stays: an item is still told by its words within a document.
        #expect(zip(run, a).allSatisfy { $0.id.split(separator: "-").dropFirst() == $1.id.split(separator: "-").dropFirst() })
        let other = Self.finder.recommendations(in: try DocumentReader().read(path: Paths.documents.appendingPathComponent("hartsey-annual-report-2022.md").path))
        #expect(RecommendationFinder.distinctIDs(a + other).map(\.id) == (a + other).map(\.id))
    }
}
