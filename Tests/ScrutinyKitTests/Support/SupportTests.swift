import Foundation
import Testing
@testable import ScrutinyKit

/// The shared helpers every stage leans on: words, CSV and word overlap.
@Suite struct SupportTests {
    @Test func wordsAreLowerCasedRunsOfLettersAndDigitsWithTheirOffsets() {
        let words = WordTokenizer.words("Multi-agency MASH's 2023 Équipe")
        #expect(words.map(\.text) == ["multi", "agency", "mash", "s", "2023", "équipe"])
        #expect(words.map(\.start) == [0, 6, 13, 18, 20, 25])
        #expect(words.last?.end == 31)
    }

    @Test func csvFieldsKeepCommasQuotesAndLineBreaks() {
        let text = "document,text\r\na.pdf,\"Leaders should, in time, act\"\nb.pdf,\"She said \"\"no\"\"\nand left\"\n"
        let (header, records) = CSVReader.records(text)
        #expect(header == ["document", "text"])
        #expect(records.count == 2)
        #expect(records[0]["text"] == "Leaders should, in time, act")
        #expect(records[1]["text"] == "She said \"no\"\nand left")
    }

    @Test func overlapCountsSharedWordsBothWays() {
        let overlap = TokenOverlap(extracted: "the board should act now", reference: "the board should act")
        #expect(abs(overlap.recall - 1) < 1e-9)
        #expect(abs(overlap.precision - 0.8) < 1e-9)
        #expect(TokenOverlap(extracted: "", reference: "anything").f1 == 0)
    }
}
