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

    /// A term taken as it stands when it is one plain word (lexicons and cue lists are read so at
    /// every start) is the word the tokenizer makes of it; anything else (capitals, hyphens,
    /// letters beyond ASCII) is left to the tokenizer.
    /// Over random pieces and every term of the shipped lexicons.
    @Test func plainWordsAreTheWordsTheTokenizerMakes() throws {
        var generator = SplitMix64(seed: 32)
        let alphabet = Array("az09Z-'*é ")
        var pieces: [Substring] = ["safe", "2018", "x1", "", "Ofsted", "multi-agency", "child's", "café", "a b"]
        for _ in 0..<400 {
            pieces.append(Substring(String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })))
        }
        for name in ["wt2018.yml", "wt2023.yml", "wt2018.learned.yml"] {
            let lexicon = try LexiconFile.read(path: Paths.root.appendingPathComponent("lexicons/\(name)").path)
            pieces += lexicon.allCategories.flatMap(\.terms).flatMap { $0.pattern.split(separator: " ") }
        }
        var plain = 0
        for piece in pieces {
            guard let word = WordTokenizer.plainWord(piece) else { continue }
            plain += 1
            #expect(WordTokenizer.words(String(piece)).map(\.text) == [word], "\(piece.debugDescription)")
        }
        #expect(plain > 1000)
        #expect(LexiconPattern.words("safe* multi-agency 2018").map(\.text) == ["safe", "multi", "agency", "2018"])
        #expect(LexiconPattern.words("safe* multi-agency 2018").map(\.glob) == [true, false, false, false])
        #expect(PhraseList(["Recommendation* made"]).matches(["recommendations", "made"]))
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

    /// The byte search for quotation marks answers as a search of the scalars does: a double
    /// mark, or a single one not between two ASCII letters or digits ("children's" holds none). The
    /// curly marks' neighbours in UTF-8 (U+2014, U+201A, U+2020) and other bytes about.
    @Test func quotationMarksAreFoundFromBytesAsFromScalars() {
        func reference(_ text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            func isWord(_ index: Int) -> Bool {
                scalars.indices.contains(index) && scalars[index].isASCII && (scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]))
            }
            return scalars.indices.contains { index in
                switch scalars[index] {
                case "\"", "\u{201C}", "\u{201D}": return true
                case "'", "\u{2018}", "\u{2019}": return !(isWord(index - 1) && isWord(index + 1))
                default: return false
                }
            }
        }
        var generator = SplitMix64(seed: 34)
        let alphabet = Array("aZ9 .\"'\u{2018}\u{2019}\u{201C}\u{201D}\u{2014}\u{201A}\u{2020}\u{E9}\u{80}")
        var texts = ["", "'", "\"", "Ofsted\u{2019}s", "\u{2014}", "no marks here", "caf\u{E9} \u{201A}", "it's", "'a", "a'", "caf\u{E9}'s"]
        for _ in 0..<800 {
            texts.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            #expect(QuotationMarks.appear(in: text) == reference(text), "\(text.debugDescription)")
        }
        #expect(QuotationMarks.appear(in: "The letter said \u{201C}good\u{201D}."))
        #expect(QuotationMarks.appear(in: "Leaders said it was 'good'."))
        #expect(!QuotationMarks.appear(in: "The children's plans and Ofsted\u{2019}s letter \u{2014} no quotation."))
    }

    /// The byte search for an ASCII character finds what the search of characters finds, with
    /// combining marks after the colon, letters of other scripts and line breaks about.
    @Test func anASCIICharacterIsFoundByItsByteAsByCharacters() {
        var generator = SplitMix64(seed: 341)
        let alphabet = Array("a :\u{301}\u{E9}\r\n\u{2019}").flatMap { $0.unicodeScalars }
        var texts = ["", ":", "Lead inspector: Jo Bloggs", ":\u{301}x: y", "\r\n:"]
        for _ in 0..<800 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...10, using: &generator) { scalars.append(alphabet.randomElement(using: &generator)!) }
            texts.append(String(scalars))
        }
        for text in texts {
            #expect(text.firstIndex(ofASCII: ":") == text.firstIndex(of: ":"), "\(text.debugDescription)")
        }
    }

    /// The byte answers of a phrase word's prefix test are `hasPrefix`'s: combining marks, other
    /// scripts, "\r\n" and the Kelvin sign (canonically "K") about.
    @Test func wordPrefixesAnswerAsHasPrefix() {
        var generator = SplitMix64(seed: 342)
        let alphabet = Array("abK\r\n\u{301}\u{E9}\u{212A}").flatMap { $0.unicodeScalars }
        func random(_ most: Int) -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...most, using: &generator) { scalars.append(alphabet.randomElement(using: &generator)!) }
            return String(scalars)
        }
        var pairs = [("improvement", "improv"), ("improv", "improvement"), ("cafe\u{301}", "cafe"), ("caf\u{E9}", "cafe\u{301}"), ("\r\n", "\r")]
        for _ in 0..<1500 { pairs.append((random(6), random(3))) }
        for (word, prefix) in pairs {
            #expect(word.startsWithWord(prefix) == word.hasPrefix(prefix), "\(word.debugDescription) \(prefix.debugDescription)")
            #expect(word.firstByteAndLength.map { [$0.0] + [UInt8($0.1 & 0xFF)] } == word.utf8.first.map { [$0, UInt8(word.utf8.count & 0xFF)] })
        }
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

    /// `Parallel.forEach` hands every result on once, in the elements' order, whatever order the
    /// threads finish in, and the results are those `map` gives.
    @Test func resultsAreHandedOnInOrderAsTheyComplete() {
        let elements = Array(0..<300)
        let transform: @Sendable (Int) -> Int = { value in
            // Uneven work, so that later elements often finish before earlier ones.
            var total = 0
            for step in 0..<((value * 7_919) % 5_000) { total &+= step ^ value }
            return value * 2 + (total & 0)
        }
        let seen = Seen()
        Parallel.forEach(elements, jobs: 4, transform, inOrder: { index, result in seen.add(index, result) })
        #expect(seen.indices == elements)
        #expect(seen.results == Parallel.map(elements, jobs: 4, transform))
    }

    /// Words are ruled out by their first byte before a pattern is tried at them, but never a word
    /// that could match: alternatives, globs, optional first words and canonically equal
    /// spellings all still match where they did.
    @Test func patternsAreTriedOnlyWhereTheirFirstWordCanStand() {
        let review = CuePattern("review*|audit the board")!
        #expect(review.firstMatch(in: ["we", "audit", "the", "board"])?.start == 1)
        #expect(review.firstMatch(in: ["", "reviewed", "the", "board"])?.start == 1)
        #expect(review.firstMatch(in: ["the", "board"]) == nil)
        #expect(CuePattern("the? board")!.firstMatch(in: ["a", "board"])?.start == 1)
        #expect(CuePattern("{n} scrutineers")!.firstMatch(in: ["two", "scrutineers"])?.number == 2)
        #expect(CuePattern("\u{E9}tude")!.matches(["une", "e\u{301}tude"]))
        let list = PhraseList(["scrutiny report", "\u{E9}tude*"])
        #expect(list.firstMatch(in: ["the", "scrutiny", "report"])?.at == 1)
        #expect(list.firstMatch(in: ["e\u{301}tudes"])?.at == 0)
        #expect(list.firstMatch(in: ["", "\u{0}", "report"]) == nil)
    }

    /// Whatever the filters and indexes inside, a phrase list finds what trying every phrase at
    /// every word finds: the first phrase listed at the first word where any matches, every
    /// phrase found, and the longest at a word.
    @Test func phraseListsFindWhatTryingEveryPhraseFinds() {
        var generator = SplitMix64(seed: 41)
        let vocabulary = ["the", "board", "should", "need", "needs", "to", "review", "reviewed", "audit", "s", "a", "plan",
                          "\u{E9}tude", "e\u{301}tude", "\u{0}", "", "recommend", "recommendation", "areas", "for", "improvement"]
        let sources = ["the board", "should", "need* to", "review*", "audit* the", "to", "\u{E9}tude*", "areas for improvement",
                       "a plan", "recommend*", "needs", "s", "\u{E9}tude", "e\u{301}tude plan"]
        for _ in 0..<60 {
            let list = PhraseList((0..<Int.random(in: 1...6, using: &generator)).map { _ in sources.randomElement(using: &generator)! })
            for _ in 0..<20 {
                let words = (0..<Int.random(in: 0...12, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
                var expected: (source: String, at: Int)?
                search: for start in words.indices {
                    for phrase in list.phrases where PhraseList.matches(phrase, in: words, at: start) {
                        expected = (phrase.source, start)
                        break search
                    }
                }
                let found = list.firstMatch(in: words)
                #expect(found?.phrase.source == expected?.source && found?.at == expected?.at, "\(list.phrases.map(\.source)) \(words)")
                let all = Set(list.phrases.indices.filter { index in words.indices.contains { PhraseList.matches(list.phrases[index], in: words, at: $0) } })
                #expect(list.allMatches(in: words) == all, "\(list.phrases.map(\.source)) \(words)")
                for index in words.indices {
                    let longest = list.phrases.indices.filter { PhraseList.matches(list.phrases[$0], in: words, at: index) }
                        .max { (list.phrases[$0].wordCount, -$0) < (list.phrases[$1].wordCount, -$1) }
                    #expect(list.longest(in: words, at: index) == longest.map { list.phrases[$0] })
                }
            }
        }
    }

    /// A text is ruled out on its bytes only when its words hold no phrase: the answer is that of
    /// matching its words, for texts with capitals, punctuation, digits and other scripts.
    @Test func phraseListsReadTextsAsTheirWords() {
        var generator = SplitMix64(seed: 43)
        let pieces = ["Yours", "sincerely", "YOURS", "faithfully", "Board", "review-ed", "Reviews", "need", "to", "2023", "s",
                      "\u{E9}tude", "E\u{301}tude", "\u{FB01}nd", "find", "co-operate", "cooperate", ",", ".", "'", "\n", "  "]
        let sources = ["yours sincerely", "yours faithfully", "board", "review*", "need to", "2023", "\u{E9}tude", "find", "co*"]
        for _ in 0..<60 {
            let list = PhraseList((0..<Int.random(in: 1...4, using: &generator)).map { _ in sources.randomElement(using: &generator)! })
            for _ in 0..<20 {
                let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined(separator: Bool.random(using: &generator) ? " " : "")
                #expect(list.matches(text) == list.matches(WordTokenizer.words(text).map(\.text)), "\(list.phrases.map(\.source)) \(text)")
            }
        }
    }

    /// Words to skip are passed by between a phrase's words, two at most, never before its first
    /// word; a word of the phrase itself is matched, not skipped; the span covers what was passed.
    @Test func phraseListsPassSkippedWordsByBetweenAPhrasesWords() {
        let list = PhraseList(["is recommending that", "still require*", "they should"], skipping: ["also", "therefore", "still", "really"])
        #expect(list.matches(["the", "cqc", "is", "therefore", "recommending", "that", "ccgs"]))
        #expect(list.matches(["it", "is", "also", "really", "recommending", "that"]))
        #expect(!list.matches(["it", "is", "also", "really", "therefore", "recommending", "that"]))
        #expect(!list.matches(["also", "is", "recommending", "of"]))
        #expect(list.firstSpan(in: ["plans", "still", "require", "work"])?.range == 1..<3)
        #expect(list.firstSpan(in: ["as", "they", "really", "should", "be"])?.range == 1..<4)
        #expect(list.firstSpan(in: ["as", "they", "really", "should", "be"])?.phrase.source == "they should")
        #expect(!PhraseList(["is recommending that"]).matches(["is", "therefore", "recommending", "that"]))
    }

    /// Rule files are read without resolving tags unless they use merge keys: values read as
    /// before, and a merge key still merges.
    @Test func yamlRuleFilesReadTheSameWithAndWithoutMergeKeys() throws {
        struct Rules: Decodable, Equatable {
            var name: String
            var year: String
            var count: Int
            var weight: Double
            var strict: Bool
            var lenient: Bool
            var missing: String?
            var words: [String]
        }
        let plain = "name: yes\nyear: 2023\ncount: 3\nweight: 0.5\nstrict: true\nlenient: no\nmissing: null\nwords: [null, ~, 'on', 12]\n"
        let expected = Rules(name: "yes", year: "2023", count: 3, weight: 0.5, strict: true, lenient: false, missing: nil,
                             words: ["null", "~", "on", "12"])
        #expect(try DataFiles.decode(Rules.self, from: plain, path: "plain.yml") == expected)
        let merged = "base: &base\n  name: yes\n  year: 2023\nrules:\n  <<: *base\n  count: 3\n  weight: 0.5\n  strict: true\n"
            + "  lenient: no\n  words: [null, ~, 'on', 12]\n"
        struct File: Decodable { var rules: Rules }
        #expect(try DataFiles.decode(File.self, from: merged, path: "merged.yml").rules == expected)
        #expect(throws: LexiconError.self) { try DataFiles.decode(Rules.self, from: "name: [unclosed\n", path: "bad.yml") }
    }

    /// The counts and searches made on a string's bytes agree with the string's own views, for
    /// text with marks, carriage returns, line feeds and scalars of every length.
    /// One fold for every name a hand coding gives: headers, kinds, forms, themes, sub-themes.
    @Test func namesAsASpreadsheetWritesThemFoldToOneSpelling() {
        #expect(" Area for  improvement".nameKey(joiningWordsWith: "_") == "area_for_improvement")
        #expect("area-for-improvement".nameKey(joiningWordsWith: "_") == "area_for_improvement")
        #expect("Sub-theme".nameKey(joiningWordsWith: "") == "subtheme")
        #expect("Theme 2".nameKey(joiningWordsWith: "") == "theme2")
        #expect("information_sharing ".nameKey(joiningWordsWith: "-") == "information-sharing")
        #expect("-Purpose-".nameKey(joiningWordsWith: "-") == "purpose")
    }

    @Test func byteCountsAgreeWithTheStringViews() {
        var generator = SplitMix64(seed: 20)
        let pieces = ["a", " ", ". ", ".", "\t", "\r", "\n", "\r\n", "e\u{301}", "\u{E9}", "\u{20AC}", "\u{1F600}", "<", "&", "Z"]
        var texts = ["", "\r\n", "plain ASCII line", "\u{301}"]
        for _ in 0..<300 {
            texts.append((0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(text.scalarCount == text.unicodeScalars.count, "\(text.debugDescription)")
            #expect(text.characterCount == text.count, "\(text.debugDescription)")
            #expect(text.dropFirst().characterCount == text.dropFirst().count, "\(text.debugDescription)")
            for limit in [0, 1, 5, 12, 40] {
                #expect(text.hasMoreCharacters(than: limit) == (text.count > limit), "\(text.debugDescription) \(limit)")
            }
            let bytes = Array(text.utf8)
            let pairAt = bytes.indices.contains { bytes[$0...].starts(with: [UInt8(ascii: "."), UInt8(ascii: " ")]) }
            #expect(text.containsBytes(". ") == pairAt, "\(text.debugDescription)")
            for byte in [UInt8(ascii: "<"), UInt8(ascii: "&"), 0x0A, 0xE2] {
                #expect(text.containsByte(byte) == text.utf8.contains(byte))
                let positions = text.utf8.enumerated().filter { $0.element == byte }.map(\.offset)
                let found = text.withUTF8Bytes { bytes in
                    var found: [Int] = []
                    while let at = bytes.firstIndex(of: byte, from: (found.last ?? -1) + 1) { found.append(at) }
                    return found
                }
                #expect(found == positions, "\(text.debugDescription)")
                // The span's other tests agree with the array's (the answers are taken out of the
                // closure: `#expect` cannot hold a span).
                let starts = [0, 1, bytes.count / 2, bytes.count - 2, bytes.count].filter { (0...bytes.count).contains($0) }
                let answers = text.withUTF8Bytes { span in
                    (count: span.count, ascii: span.isASCII, holds: span.contains { $0 == byte },
                     pairs: starts.map { start in span.hasBytes(bytes[start...].prefix(2), at: start) },
                     stray: starts.map { start in span.hasBytes([0xFF], at: start) } + [span.hasBytes([], at: -1)],
                     copies: starts.map { start in
                         var copied: [UInt8] = [0x2A]
                         copied.append(span, start..<span.count)
                         return copied
                     })
                }
                #expect(answers.count == bytes.count && answers.ascii == bytes.allSatisfy { $0 < 0x80 } && answers.holds == bytes.contains(byte))
                #expect(answers.pairs.allSatisfy { $0 }, "each start holds the (up to) two bytes from it")
                #expect(!answers.stray.contains(true), "no UTF-8 text holds 0xFF; nothing stands before the start")
                #expect(answers.copies == starts.map { [0x2A] + bytes[$0...] })
            }
        }
    }

    /// Escaping works on bytes: a mark combined with an escaped character (one Swift character
    /// with it) leaves it escaped, and a CSV field holding CRLF (one Swift character) is quoted.
    @Test func escapingDoesNotMissACharacterCombinedWithAMark() {
        #expect(HTMLText.escape("a &\u{301} b") == "a &amp;\u{301} b")
        #expect(SurveyMarkdown.escape("x *\u{301}") == "x \\*\u{301}")
        #expect(CSVWriter.escape("one\r\ntwo") == "\"one\r\ntwo\"")
        #expect(CSVWriter.escape("plain, text") == "\"plain, text\"")
        #expect(CSVWriter.escape("plain text") == "plain text")
    }
}

/// What the consumer of `Parallel.forEach` was handed, in the order handed (it is called one
/// result at a time, so the lock only satisfies the compiler and the test's own reads).
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var order: [Int] = []
    private var values: [Int] = []

    func add(_ index: Int, _ value: Int) {
        lock.lock()
        defer { lock.unlock() }
        order.append(index)
        values.append(value)
    }

    var indices: [Int] { lock.withLock { order } }
    var results: [Int] { lock.withLock { values } }
}
