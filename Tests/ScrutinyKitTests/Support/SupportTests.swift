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

    /// The byte paths taken for all-ASCII text (issue 18's long pages) give what the scalar paths give:
    /// text with a non-ASCII word appended goes the scalar way, and its other words come out the same.
    @Test func asciiTextIsTokenisedAsTheScalarPathWouldTokeniseIt() {
        var generator = SplitMix64(seed: 18)
        let alphabet = Array("aZ09 .,-'\t\r\n\u{0}\u{7F}/_*:Ab(")
        var texts = ["", " ", "A", "THE Board's 2023-24 plan: IT", "\r\n\r\nx\r\n", "word"]
        for _ in 0..<400 {
            texts.append(String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            let scalarWay = WordTokenizer.words(text + " \u{E9}")
            #expect(WordTokenizer.asciiWords(text) == Array(scalarWay.dropLast()), "\(text.debugDescription)")
            #expect(WordTokenizer.words(text) == Array(scalarWay.dropLast()))
            #expect(TokenOverlap.asciiTokens(text) == Array(TokenOverlap.tokens(text + " \u{E9}").dropLast()), "\(text.debugDescription)")
        }
        #expect(WordTokenizer.asciiWords("caf\u{E9}") == nil)
        #expect(TokenOverlap.asciiTokens("caf\u{E9}") == nil)
    }

    /// Phrases whose first word ends in `*` are looked at only for words sharing its first byte;
    /// every match is still found, first listed first.
    @Test func globPhrasesMatchWhateverTheFirstByteFilterLetsThrough() {
        let list = PhraseList(["board", "recommend* that", "area* for improvement", "r*"])
        #expect(list.firstMatch(in: ["we", "recommended", "that"])?.phrase.source == "recommend* that")
        #expect(list.firstMatch(in: ["areas", "for", "improvement"])?.phrase.source == "area* for improvement")
        #expect(list.firstMatch(in: ["rare"])?.phrase.source == "r*")
        #expect(list.firstMatch(in: ["the", "plan", "is", "late"]) == nil)
        #expect(list.allMatches(in: ["recommend", "that", "board"]) == [0, 1, 3])
        let accented = PhraseList(["\u{E9}quipe*", "plan"])
        #expect(accented.firstMatch(in: ["\u{E9}quipes"])?.phrase.source == "\u{E9}quipe*")
        #expect(accented.matchesAtStart(["plan"]))
        #expect(!accented.matches(["equipes"]))
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
