import Testing
@testable import ScrutinyKit

/// The kernel keeps an item's term records and scores in one allocation, records copied as bytes
/// and scores in the 8-byte words after them: right only while a record is plain data whose
/// stride is whole words. `ItemEvidence.make` checks it too, but only when an item is classified.
struct KernelLayoutTests {
    @Test func aTermRecordIsPlainDataInWholeWords() {
        #expect(ItemEvidence.recordLayoutFits)
        #expect(MemoryLayout<TermMatches.Record>.stride % 8 == 0)
    }

    @Test func evidenceGivesBackTheRecordsAndScoresItWasMadeFrom() {
        var records: [TermMatches.Record] = []
        for index in Int32(0)..<5 {
            let source: ClassifiedItem.TermMatch.Source = index % 2 == 0 ? .text : .section
            records.append(TermMatches.Record(category: index, term: 10 + index, source: source, string: UInt8(index % 3),
                                              bytes: index..<(index + 4), start: index, end: index + 4, first: index,
                                              weight: Double(index) / 4))
        }
        let evidence = ItemEvidence.make(records: records, matches: 7, scores: 3) { Double($0) * 1.5 }
        #expect(evidence.recordCount == 5)
        #expect(evidence.matchCount == 7)
        let kept: [TermMatches.Record] = (0..<5).map { evidence.record($0) }
        #expect(kept == records)
        let scores: [Double] = (0..<3).map { evidence.score($0) }
        #expect(scores == [0, 1.5, 3])
        let empty = ItemEvidence.make(records: [], scores: 2) { _ in 9 }
        #expect(empty.recordCount == 0 && empty.score(1) == 9)
    }
}
