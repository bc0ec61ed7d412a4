import Foundation
import Testing
@testable import ScrutinyKit

@Suite struct ClassificationTests {
    func lexicon(_ yaml: String) throws -> Lexicon { try LexiconFile.parse(yaml, name: "test") }

    func matched(_ yaml: String, _ text: String) throws -> [String] {
        let matcher = LexiconMatcher(lexicon: try lexicon(yaml))
        return matcher.matches(in: text).map { matcher.categories[$0.category].path + ":" + String(decoding: Array(text.utf8)[$0.bytes], as: UTF8.self) }
    }

    // MARK: matching

    /// With `run_together: 1` (scrutiny's own schemes) a term of several words also matches them
    /// written as one; without it (quanteda, LIWC and WordStat dictionaries) only with a space or a
    /// hyphen between (session 46's interop audit: `re-sign` counted "resign").
    @Test func hyphenSpaceAndRunTogetherVariantsMatchEachOther() throws {
        let terms = "a:\n  - multi-agency\nb:\n  - front door\n"
        let text = "Multi-agency, multi agency and multiagency work; the front-door and frontdoor."
        #expect(try matched("_settings:\n  run_together: 1\n" + terms, text) ==
                ["a:Multi-agency", "a:multi agency", "a:multiagency", "b:front-door", "b:frontdoor"])
        #expect(try matched(terms, text) == ["a:Multi-agency", "a:multi agency", "b:front-door"])
        let dictionary = try LIWCDictionary.parse("%\n1\tresign\n%\nre-sign\t1\n", name: "d")
        let matcher = LexiconMatcher(lexicon: dictionary)
        #expect(matcher.matches(in: "She will resign, then re-sign.").count == 1)
    }

    @Test func globsLongestMatchAndOverlapsCountOnce() throws {
        let yaml = "voice:\n  - voice of the child\nchild:\n  - child*\nsafe:\n  - safeguard*\n"
        #expect(try matched(yaml, "The voice of the child; children; Safeguarding and safeguards.") ==
                ["voice:voice of the child", "child:children", "safe:Safeguarding", "safe:safeguards"])
    }

    @Test func exclusionsVetoWhatTheyCover() throws {
        let yaml = "challenge:\n  - audit*\n  - \"!audit commission\"\nother:\n  - commission\n"
        #expect(try matched(yaml, "An audit by the Audit Commission; audits.") == ["challenge:audit", "other:Commission", "challenge:audits"])
    }

    @Test func unicodeWordsAndOffsets() throws {
        let yaml = "a:\n  - caf\u{E9}\n  - na\u{EF}ve*\nb:\n  - \u{1F600}x\n"
        let text = "Le CAF\u{C9} et la na\u{EF}vet\u{E9}."
        #expect(try matched(yaml, text) == ["a:CAF\u{C9}", "a:na\u{EF}vet\u{E9}"])
        let classifier = Classifier(scheme: ThemeScheme(lexicon: try lexicon("_settings:\n  threshold: 0.1\n" + yaml)))
        let item = classifier.classify(Recommendation(id: "x", document: "d", kind: .recommendation, text: text, section: "", cue: "", locations: []))
        let scalars = Array(text.unicodeScalars)
        for match in item.matches {
            #expect(String(String.UnicodeScalarView(scalars[match.start..<match.end])) == match.matched)
        }
    }

    @Test func wordsLongerThanEightBytesAndAtTheVeryEnd() throws {
        // The scanner finds word ends eight bytes at a time; words that cross or end the text must still match.
        let yaml = "a:\n  - safeguarding partnership*\n  - s47\n  - mash\nb:\n  - interagency\n"
        #expect(try matched(yaml, "Safeguarding partnerships and s47") == ["a:Safeguarding partnerships", "a:s47"])
        #expect(try matched(yaml, "MASH") == ["a:MASH"])
        #expect(try matched(yaml, "inter-agency12 interagency") == ["b:interagency"])
        #expect(try matched(yaml, "xx  mash\tMash,mASH.") == ["a:mash", "a:Mash", "a:mASH"])
    }

    @Test func packedWordsAtEveryLengthAndPrefixLengthAgreeWithTheGeneralPath() throws {
        // ASCII words of up to 16 bytes are looked up packed into two integers; longer ones, and any
        // text with a letter beyond ASCII, through the general tables. Both must find the same terms,
        // at the boundaries of the packing (8, 9, 16, 17 bytes), at the end of texts shorter and
        // longer than 16 bytes, and for prefixes of one letter up to more than 16.
        let yaml = """
        _settings:
          run_together: 1
        a:
          - abcdefgh
          - abcdefghi
          - abcdefghijklmnop
          - abcdefghijklmnopq
          - x*
          - qu*
          - abcdefghijklmnopqr*
          - s47
        b:
          - zzzzzzzz zzzzzzzzz
          - long*
        """
        let words = ["abcdefgh", "ABCDEFGHI", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrst", "abcdefghijklmno",
                     "x", "Xylophone", "q", "Quite", "S47", "s4", "zzzzzzzz", "ZZZZZZZZZ", "zzzzzzzzzzzzzzzzz", "longer",
                     "longitudinalstudies"]
        for word in words {
            for text in [word, "so " + word, "a longer sentence that ends with " + word, word + " and then more words after it"] {
                let fast = try matched(yaml, text)
                let general = try matched(yaml, "\u{E9} " + text)
                #expect(fast == general, "\(text)")
            }
        }
        #expect(try matched(yaml, "abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq abcdefghijklmno") ==
                ["a:abcdefgh", "a:abcdefghi", "a:abcdefghijklmnop", "a:abcdefghijklmnopq"])
        #expect(try matched(yaml, "x Xylophone q Quite S47 s4 abcdefghijklmnopqrst") ==
                ["a:x", "a:Xylophone", "a:Quite", "a:S47", "a:abcdefghijklmnopqrst"])
        #expect(try matched(yaml, "zzzzzzzz zzzzzzzzz; zzzzzzzzzzzzzzzzz; longitudinalstudies") ==
                ["b:zzzzzzzz zzzzzzzzz", "b:zzzzzzzzzzzzzzzzz", "b:longitudinalstudies"])
    }

    @Test func wordsAcrossEveryBitmapChunkEdgeAgreeWithTheGeneralPath() throws {
        // The ASCII path marks letters and digits one bit per byte in 64-byte chunks and finds
        // words in those bits. Put terms at every offset around the chunk edges (64, 128), in
        // texts whose length falls just before, on and after an edge, between curly quotes and
        // dashes (separators beyond ASCII), and compare with the general path.
        let yaml = "a:\n  - threshold*\n  - voice of the child\n  - qu*\nb:\n  - s47\n  - x*\n"
        for offset in 50...140 {
            for ending in ["", " and S47", "\u{2019}s xylophone", " QUITE"] {
                let padding = String(repeating: "ab ", count: offset / 3) + String(repeating: "-", count: offset % 3)
                for separator in [" ", "\u{201C}", " \u{2013} "] {
                    let text = padding + "Thresholds" + separator + "voice of the child" + separator + "x" + ending
                    let fast = try matched(yaml, text)
                    let general = try matched(yaml, "\u{E9} " + text)
                    #expect(fast == general, "\(text)")
                    #expect(fast.starts(with: ["a:Thresholds", "a:voice of the child", "b:x"]), "\(text)")
                }
            }
        }
        for length in [1, 7, 8, 9, 63, 64, 65, 127, 128, 129] {
            let text = String(repeating: "x", count: length)
            #expect(try matched(yaml, text) == ["b:" + text])
            #expect(try matched(yaml, String(text.dropLast()) + "\u{2019}") == (length > 1 ? ["b:" + text.dropLast()] : []))
        }
    }

    @Test func scoresAndMatchesReadBackWhatTheyWereMadeOf() throws {
        // An item's matches and scores share one allocation; each must read back its own part.
        let scores: CategoryScores = ["purpose": 2.5, "process": 0, "leadership.funding": 0.125]
        #expect(scores.entries == [.init(path: "purpose", score: 2.5), .init(path: "leadership.funding", score: 0.125)])
        #expect(scores.count == 2 && !scores.isEmpty)
        #expect(scores["purpose"] == 2.5 && scores["process"] == nil && scores["leadership"] == nil)
        #expect((CategoryScores() as CategoryScores).isEmpty)
        let made = [ClassifiedItem.TermMatch(category: "purpose.challenge", term: "audit*", matched: "audits", source: .text,
                                             start: 4, end: 10, weight: 1.25),
                    ClassifiedItem.TermMatch(category: "process", term: "voice of the child", matched: "Voice of the Child",
                                             source: .section, start: 0, end: 18, weight: 0.4)]
        let matches = TermMatches(made)
        #expect(Array(matches) == made)
        #expect(TermMatches([]).isEmpty)
        // And from the classifier: every match counts towards a category that scored.
        let coded = classifier.classify(item("The Executive should commission an audit of early help and review its budget."))
        #expect(!coded.matches.isEmpty)
        for match in coded.matches { #expect((coded.scores[match.category] ?? 0) > 0, "\(match.category)") }
    }

    /// A term never runs across a full stop, question or exclamation mark or semicolon (session
    /// 28's user audit: "the front. Door staff" matched "front door", "partnership. Working"
    /// matched "partnership working", and decided themes), on either path; a comma or a hyphen
    /// does not stop it.
    @Test func aStopBreaksAPhrase() throws {
        let yaml = "a:\n  - front door\n  - partnership working\nb:\n  - door*\n"
        let text = "The front. Door staff; the front? Door; front! Door; partnership. Working; the front door; front-door, partnership working."
        let fast = try matched(yaml, text)
        #expect(fast == ["b:Door", "b:Door", "b:Door", "a:front door", "a:front-door", "a:partnership working"])
        #expect(try matched(yaml, "\u{E9} " + text) == fast)
    }

    @Test func aWordOutsideTheLexiconBreaksAPhrase() throws {
        // The ASCII path keeps only the words of the lexicon; a word it skips must still break a
        // phrase, as it does on the general path.
        let yaml = "a:\n  - front door\n  - voice of the child\nb:\n  - door*\n"
        let text = "The front old door, the voice of the young child, the front door and the voice of the child."
        let fast = try matched(yaml, text)
        #expect(fast == ["b:door", "a:front door", "a:voice of the child"])
        #expect(try matched(yaml, "\u{E9} " + text) == fast)
    }


    @Test(arguments: [true, false])
    func overlapsResolveAsLongestFirstThenEarliestThenLowestCategory(countInEach: Bool) throws {
        // Random lexicons of overlapping phrases over a few words, and random texts of them: the
        // matcher must keep what taking candidates one by one in the order longest, earliest,
        // lowest category, lowest term (unless they overlap one taken) keeps, on both paths. Some
        // texts have more than 32 candidates. Where a term counts in each of its categories, the
        // same term over the same words in another category is kept beside the one taken.
        var random = SplitMix64(seed: 20261123)
        let vocabulary = ["aa", "bb", "cc", "dd", "ee", "ff"]
        for _ in 0..<300 {
            var terms: [[[String]]] = []
            var yaml = countInEach ? "" : "_settings:\n  count_in_each_category: 0\n"
            for category in 0..<4 {
                var seen = Set<[String]>()
                var list: [[String]] = []
                for _ in 0..<(1 + random.next() % 4) {
                    let words = (0...(random.next() % 3)).map { _ in vocabulary[Int(random.next() % 3 + UInt64(category % 2) * 2)] }
                    if seen.insert(words).inserted { list.append(words) }
                }
                terms.append(list)
                yaml += "k\(category):\n" + list.map { "  - \($0.joined(separator: " "))\n" }.joined()
            }
            let text = (0..<(5 + random.next() % 60)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
            // Every occurrence of every term, then taken one by one in that order.
            var candidates: [(category: Int, term: Int, words: Range<Int>)] = []
            for (category, list) in terms.enumerated() {
                for (term, words) in list.enumerated() where words.count <= text.count {
                    for start in 0...(text.count - words.count) where Array(text[start..<(start + words.count)]) == words {
                        candidates.append((category, term, start..<(start + words.count)))
                    }
                }
            }
            candidates.sort { ($0.words.count, -$0.words.lowerBound, -$0.category, -$0.term) > ($1.words.count, -$1.words.lowerBound, -$1.category, -$1.term) }
            var kept: [(category: Int, term: Int, words: Range<Int>)] = []
            for candidate in candidates where !kept.contains(where: { $0.words.overlaps(candidate.words) }) { kept.append(candidate) }
            if countInEach {
                let taken = kept
                kept += candidates.filter { candidate in
                    taken.contains { $0.words == candidate.words && $0.category != candidate.category
                        && terms[$0.category][$0.term] == terms[candidate.category][candidate.term] }
                }
            }
            kept.sort { ($0.words.lowerBound, $0.category) < ($1.words.lowerBound, $1.category) }
            let expected = kept.map { "k\($0.category)/\($0.term):" + text[$0.words].joined(separator: " ") }
            let matcher = LexiconMatcher(lexicon: try lexicon(yaml))
            for prefix in ["", "\u{E9} "] {
                let joined = prefix + text.joined(separator: " ")
                let found = matcher.matches(in: joined).map {
                    "k\($0.category)/\($0.term):" + String(decoding: Array(joined.utf8)[$0.bytes], as: UTF8.self)
                }
                #expect(found == expected, "\(yaml)\n\(joined)")
            }
        }
    }
    @Test func lettersBeyondASCIIElsewhereChangeNoMatch() throws {
        // A text with a letter beyond ASCII takes the general path; it must find what the fast path finds.
        let yaml = "a:\n  - multi-agency\n  - threshold*\nb:\n  - voice of the child\n"
        let text = "The multi agency thresholds, the voice of the child and THRESHOLD documents."
        let fast = try matched(yaml, text)
        let general = try matched(yaml, "Caf\u{E9}: " + text)
        #expect(fast == ["a:multi agency", "a:thresholds", "b:voice of the child", "a:THRESHOLD"])
        #expect(general == fast)
    }

    @Test func explainedMatchesSurviveJSONAndPointIntoTheirSource() throws {
        let coded = classifier.classify(item("The Executive should review the audit programme \u{2014} children\u{2019}s voice.",
                                             section: "Leadership \u{203A} Budget", actor: "the partners"))
        #expect(coded.matches.contains { $0.source == .section })
        for match in coded.matches {
            // The actor does not open this item, so its matches come from the actor string.
            let source = match.source == .section ? coded.recommendation.section
                : match.source == .actor ? coded.recommendation.actor ?? "" : coded.recommendation.text
            let scalars = Array(source.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[match.start..<match.end])) == match.matched)
        }
        let data = try JSONEncoder().encode(coded)
        let decoded = try JSONDecoder().decode(ClassifiedItem.self, from: data)
        #expect(decoded == coded)
        #expect(Array(decoded.matches) == Array(coded.matches))
        #expect(decoded.scores == coded.scores)
        #expect(coded.scores[coded.theme] != nil)
    }

    /// The outermost heading of a section path of two or more is the document's title: with
    /// `title_weight: 0` its words decide nothing ("Annual Report" sent thin items of partnership
    /// reports to scrutiny-accountability, session 22's audits); a path of one heading still counts.
    @Test func theTitleWeighsAsTheSchemeSays() throws {
        let yaml = "scrutiny:\n  - annual report\nhealth:\n  - health\n"
        let item = item("Members raised the matter with officers.", section: "Partnership Annual Report \u{203A} Health")
        func coded(_ weight: String, _ item: Recommendation) throws -> ClassifiedItem {
            Classifier(scheme: ThemeScheme(lexicon: try lexicon("_settings:\n  threshold: 0.01\n  title_weight: \(weight)\n" + yaml)))
                .classify(item)
        }
        #expect(try coded("1", item).scores["scrutiny"] != nil)
        #expect(try coded("1", item).scores["health"] != nil)
        #expect(try coded("0", item).scores["scrutiny"] == nil)
        #expect(try coded("0", item).theme == "health")
        let titleOnly = self.item("Members raised the matter with officers.", section: "Partnership Annual Report")
        #expect(try coded("0", titleOnly).theme == "scrutiny")
    }

    @Test func aCopiedRecommendationChangesAlone() {
        let original = item("Audit schools.", section: "Budget")
        var copy = original
        copy.text = "Fund the business unit."
        copy.actor = "the partners"
        #expect(original.text == "Audit schools.")
        #expect(original.actor == nil)
        #expect(copy != original)
        copy.text = original.text
        copy.actor = nil
        #expect(copy == original)
    }

    // MARK: files

    @Test func readsNestedCategoriesWeightsExclusionsAndSettings() throws {
        let parsed = try lexicon("""
            _settings:
              threshold: 2
            purpose:
              safeguarded:
                - threshold*
                - early help: 1.5
                - "!early help assessment tool"
              challenge: [audit*]
            leadership:
              _terms: [executive]
              resourcing:
                - budget
            """)
        #expect(parsed.settings["threshold"] == 2)
        #expect(parsed.allCategories.map(\.path) == ["purpose", "purpose.safeguarded", "purpose.challenge", "leadership", "leadership.resourcing"])
        let safeguarded = parsed.allCategories[1]
        #expect(safeguarded.terms.map(\.pattern) == ["threshold*", "early help"])
        #expect(safeguarded.terms.map(\.weight) == [1, 1.5])
        #expect(safeguarded.exclusions.map(\.pattern) == ["early help assessment tool"])
        #expect(safeguarded.terms[1].line == 6)
        #expect(parsed.allCategories[3].terms.map(\.pattern) == ["executive"])
    }

    @Test func writingAndReadingAgainKeepsEverything() throws {
        let original = try LexiconFile.read(path: Paths.root.appendingPathComponent("lexicons/wt2018.yml").path)
        let again = try LexiconFile.parse(LexiconFile.render(original), name: original.name)
        #expect(again.settings == original.settings)
        #expect(again.allCategories.map(\.path) == original.allCategories.map(\.path))
        #expect(again.allCategories.map { $0.terms.map(\.pattern) } == original.allCategories.map { $0.terms.map(\.pattern) })
        #expect(again.allCategories.map { $0.terms.map(\.weight) } == original.allCategories.map { $0.terms.map(\.weight) })
        let plain = try LexiconFile.parse(LexiconFile.render(original, quanteda: true), name: "plain")
        #expect(plain.allCategories.allSatisfy { $0.terms.allSatisfy { $0.weight == 1 } && $0.exclusions.isEmpty })
    }

    @Test func liwcDictionariesRoundTrip() throws {
        let liwc = """
            %
            1\tpurpose
            2\tpurpose.learning
            3\tleadership
            %
            training\t1\t2
            case review*\t1\t2
            budget\t3
            """
        let parsed = try LIWCDictionary.parse(liwc, name: "small")
        #expect(parsed.allCategories.map(\.path) == ["purpose", "purpose.learning", "leadership"])
        #expect(parsed.allCategories[1].terms.map(\.pattern) == ["training", "case review*"])
        let again = try LIWCDictionary.parse(LIWCDictionary.render(parsed), name: "again")
        #expect(again.allCategories.map { $0.terms.map(\.pattern) } == parsed.allCategories.map { $0.terms.map(\.pattern) })
        #expect(throws: LexiconError.self) { try LIWCDictionary.parse("%\n1\ta\n%\nword\t7\n", name: "bad") }
    }

    @Test func malformedFilesNameTheirLine() {
        #expect(throws: LexiconError.malformed(path: "lexicon", line: 3, cause: "the weight of `x` must be a number")) {
            try LexiconFile.parse("a:\n  - ok\n  - x: heavy\n", name: "t")
        }
        #expect(throws: LexiconError.self) { try LexiconFile.parse("a: [unclosed\n", name: "t") }
    }

    @Test func checkerFindsDuplicatesShadowsEmptiesAndBadPatterns() throws {
        let problems = LexiconChecker.check(try lexicon("""
            a:
              - audit*
              - audits
              - budget
              - budget
              - "*bad"
            b:
              - budget
            c: []
            """))
        let summary = problems.map { "\($0.line ?? 0) \($0.severity.rawValue)" }
        // A term in two categories counts in each by default, so that is no problem; a `*` inside a
        // word leaves the term out of matching (a warning), a pattern without letters is an error.
        #expect(summary == ["3 warning", "5 warning", "6 warning", "9 warning"])
        #expect(problems[0].message.contains("shadowed by `audit*`"))
        #expect(problems[2].message.contains("the term is ignored"))
        let counted = LexiconChecker.check(try lexicon("_settings:\n  count_in_each_category: 0\na:\n  - budget\nb:\n  - budget\n  - \"--\"\n"))
        #expect(counted.map { "\($0.line ?? 0) \($0.severity.rawValue)" } == ["6 warning", "7 error"])
        #expect(counted[0].message.contains("in both `a`"))
    }

    // MARK: classifying

    static let wt2018 = try! ThemeScheme(lexicon: LexiconFile.read(path: Paths.root.appendingPathComponent("lexicons/wt2018.yml").path))
    let classifier = Classifier(scheme: ClassificationTests.wt2018)

    func item(_ text: String, section: String = "", actor: String? = nil) -> Recommendation {
        Recommendation(id: "x", document: "d.md", kind: .recommendation, text: text, section: section, actor: actor, cue: "", locations: [])
    }

    @Test(arguments: [
        ("Make partner contribution equitable and proportionate, including in-kind support.", "leadership", "resourcing"),
        ("There is a need to review the way that multi-agency audit activity is reported.", "purpose", "challenge"),
        ("Consideration should be given to how feedback from children and families is collected.", "process", "relationships"),
        ("Clarify governance arrangements with the Safeguarding Adults Board and the Community Safety Partnership.", "process", "strategic-links"),
        ("Learning from rapid reviews should reach frontline practice through briefings.", "purpose", "learning"),
        ("A more relevant multi-agency data set is required.", "purpose", "information-sharing"),
        // Session 30's blind audit: political leadership, workforce churn, a practice model, practitioners' voice.
        ("The leader of the council and cabinet members provide effective oversight of children's services.", "leadership", "active-leadership"),
        ("The main issue in retaining staff was the level of churn and instability within teams.", "leadership", "resourcing"),
        ("The implementation of our chosen model of practice continues across every team.", "purpose", "learning"),
        ("We have strengthened the voice of practitioners within the work of the partnership.", "purpose", "collaboration"),
        // Session 31's user audit: a scrutineer's own items.
        ("The partnership should publish its yearly report on time.", "leadership", "scrutiny-accountability"),
        ("The partnership should hear directly from children and young people about their experience of child protection conferences.",
         "process", "relationships"),
    ])
    func codesClearCases(text: String, theme: String, subtheme: String) {
        let coded = classifier.classify(item(text))
        #expect(coded.theme == theme)
        #expect(coded.subtheme == subtheme)
        #expect(!coded.matches.isEmpty)
    }

    @Test func saysUnclassifiedRatherThanGuessing() {
        let coded = classifier.classify(item("The weather in April was mild."))
        #expect(coded.theme == ClassifiedItem.unclassified)
        #expect(coded.subtheme == nil)
    }

    @Test func theActorAndSectionAreWeakerEvidence() throws {
        let coded = classifier.classify(item("The Executive should review the audit programme.", section: "Leadership", actor: "The Executive"))
        #expect(coded.theme == "purpose")
        #expect(coded.subtheme == "challenge")
        let executive = try #require(coded.matches.first { $0.matched == "Executive" })
        #expect(executive.source == .actor)
        let section = try #require(coded.matches.first { $0.source == .section })
        #expect(section.matched == "Leadership")
        #expect(section.weight < (coded.matches.first { $0.matched == "audit" }?.weight ?? 0))
        // With nothing in the text, the section decides.
        #expect(classifier.classify(item("Act on this promptly.", section: "Budget and funding")).subtheme == "resourcing")
    }

    /// Only the words within the actor are actor evidence, placed in the actor as an actor from a
    /// table column is: "As a corporate parent, the local authority has failed …" counted
    /// "corporate parent" as the actor's, at the text's offsets (session 39's audit).
    @Test func onlyTheActorsOwnWordsAreActorEvidenceAndTheyArePlacedInTheActor() throws {
        let text = "As a corporate parent, the Executive has not ensured that care leavers have suitable homes."
        let coded = classifier.classify(item(text, actor: "the Executive"))
        let parent = try #require(coded.matches.first { $0.matched.lowercased() == "corporate parent" })
        #expect(parent.source == .text)
        #expect(Array(text.unicodeScalars)[parent.start..<parent.end].map(String.init).joined() == parent.matched)
        let fromActor = coded.matches.filter { $0.source == .actor }
        #expect(!fromActor.isEmpty)
        for match in fromActor {
            #expect(Array("the Executive".unicodeScalars)[match.start..<match.end].map(String.init).joined().lowercased()
                    == match.matched.lowercased(), "\(match)")
        }
    }

    @Test func batchesGiveTheSameAnswersAsSingleItems() {
        let items = [item("Partners should fund the business unit.", section: "Budget"), item("Audit schools.", section: "Budget")]
        #expect(classifier.classify(items) == items.map(classifier.classify))
    }

    // MARK: learning and agreement

    @Test func learnsReadableWeightsFromHandCoding() throws {
        func coded(_ text: String, _ theme: String, _ sub: String) -> Annotation {
            Annotation(document: "d", kind: .recommendation, theme: theme, subtheme: sub, text: text, line: 2)
        }
        let gold = (0..<10).flatMap { index in [
            coded("The budget and funding contributions must be equitable \(index)", "leadership", "resourcing"),
            coded("Partners should agree the budget for the business unit \(index)", "leadership", "resourcing"),
            coded("Audit the quality of referrals through a multi-agency audit \(index)", "purpose", "challenge"),
            coded("Hear the voice of the child in every audit \(index)", "process", "relationships"),
        ] }
        let learned = TermLearner().learn(from: gold)
        #expect(learned.allCategories.map(\.path) == ["leadership", "leadership.resourcing", "process", "process.relationships", "purpose", "purpose.challenge"])
        let resourcing = learned.allCategories[1].terms
        #expect(resourcing.contains { $0.pattern == "budget" })
        #expect(resourcing.allSatisfy { $0.weight >= 0.5 && $0.weight <= 3 })
        #expect(!resourcing.contains { $0.pattern == "the" || $0.pattern == "should" })
        let again = try LexiconFile.parse(LexiconFile.render(learned), name: "again")
        #expect(again.allCategories.map(\.path) == learned.allCategories.map(\.path))
    }

    @Test func kappaAndMacroF1FollowTheirDefinitions() {
        func pair(_ gold: String, _ predicted: String) -> (gold: Annotation, predicted: ClassifiedItem) {
            (Annotation(document: "d", kind: .recommendation, theme: gold, subtheme: nil, text: "t", line: 2),
             ClassifiedItem(recommendation: item("t"), theme: predicted, subtheme: nil))
        }
        let evaluation = ThemeEvaluation(pairs: [pair("a", "a"), pair("a", "b"), pair("b", "b"), pair("b", "b")])
        #expect(evaluation.themeAccuracy == 0.75)
        // Chance agreement (2×1 + 2×3) / 16 = 0.5, so kappa = (0.75 − 0.5) / (1 − 0.5).
        #expect(abs(evaluation.kappa - 0.5) < 1e-9)
        // F1(a) = 2·1·0.5/1.5 = 2/3; F1(b) = 2·(2/3)·1/(5/3) = 0.8.
        #expect(abs(evaluation.macroF1 - (2.0 / 3 + 0.8) / 2) < 1e-9)
        #expect(evaluation.confusion["a"]?["b"] == 1)
    }
}
