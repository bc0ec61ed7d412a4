import Testing
@testable import ScrutinyKit

/// The "decided by" column names the lexicon's terms before the learned layer's words, whatever
/// their weights: a learned word such as "are" may weigh more, but tells a reader nothing.
@Suite struct DecidedByTests {
    /// An area for improvement of a letter, coded `theme` › `subtheme` with these matches.
    func coded(_ text: String, _ theme: String, _ subtheme: String, _ matches: TermMatches) -> ClassifiedItem {
        ClassifiedItem(recommendation: Recommendation(id: "x-001", document: "letter.pdf", kind: .areaForImprovement, text: text,
                                                      section: "", cue: "", locations: []),
                       theme: theme, subtheme: subtheme, matches: matches)
    }

    @Test func theLexiconsTermsComeBeforeTheLearnedWords() {
        let item = coded("Caseloads are too high in the assessment teams.", "leadership", "resourcing", [
            .init(category: "leadership.resourcing", term: "are", matched: "are", source: .learned, start: 10, end: 13, weight: 0.98),
            .init(category: "leadership.resourcing", term: "caseload*", matched: "Caseloads", source: .text, start: 0, end: 9, weight: 0.6),
            .init(category: "leadership.resourcing", term: "teams", matched: "teams", source: .learned, start: 41, end: 46, weight: 0.4),
            .init(category: "purpose.safeguarded", term: "assessment*", matched: "assessment", source: .text, start: 30, end: 40, weight: 2),
        ])
        #expect(ClassificationTable.evidence(item, limit: 3) == "caseloads (resourcing), are (resourcing, learned), teams (resourcing, learned)")
    }

    /// A runner-up within 10% below the choice is "close"; one above the chosen sub-theme (a theme
    /// is chosen by its sub-themes' total) is "higher", and the line under the table says which is
    /// which; the CSV's `close` names it either way (session 45's audit: "close" was said of a
    /// runner-up 41% higher, under a line saying within 10%).
    @Test func aRunnerUpAboveTheChoiceIsHigherNotClose() {
        func item(_ runnerUp: Double) -> ClassifiedItem {
            ClassifiedItem(recommendation: Recommendation(id: "x-001", document: "list", kind: .recommendation, text: "Hear the voice of children.",
                                                          section: "", cue: "", locations: []),
                           theme: "leadership", subtheme: "scrutiny-accountability",
                           secondary: [.init(theme: "process", subtheme: "relationships", score: runnerUp)],
                           scores: ["leadership": 2.9, "leadership.scrutiny-accountability": 1.76, "process": 2.48, "process.relationships": runnerUp])
        }
        let higher = ClassificationTable.markdown([item(2.48)])
        #expect(higher.contains("scrutiny-accountability (higher: process \u{203A} relationships 2.48)"), "\(higher)")
        #expect(higher.contains("\nhigher: a sub-theme of another theme scored above the chosen sub-theme") && !higher.contains("\nclose:"))
        let close = ClassificationTable.markdown([item(1.7)])
        #expect(close.contains("(close: process \u{203A} relationships 1.7") && close.contains("\nclose: the runner-up scored within 10%"), "\(close)")
        #expect(!close.contains("\nhigher:"))
        #expect(ClassificationTable.csv([item(2.48)]).split(separator: "\n")[1].hasSuffix(",higher: process.relationships 2.48"))
        #expect(ClassificationTable.csv([item(1.7)]).split(separator: "\n")[1].hasSuffix(",close: process.relationships 1.70"))
        #expect(ClassificationTable.csv([item(1.0)]).split(separator: "\n")[1].hasSuffix(","))
    }

    /// The table shows three deciding terms and says how many more the CSV lists (a scrutineer's
    /// audit: the column stopped at three without a word); the CSV lists them all.
    @Test func theTableSaysHowManyTermsItLeavesOut() {
        let words = ["caseloads", "recruitment", "turnover", "vacancies", "agency staff"]
        var matches: [ClassifiedItem.TermMatch] = []
        for (index, word) in words.enumerated() {
            matches.append(ClassifiedItem.TermMatch(category: "leadership.resourcing", term: word, matched: word, source: .text,
                                                    start: index * 12, end: index * 12 + word.count, weight: 1 - Double(index) / 10))
        }
        let item = coded("Caseloads, recruitment, turnover, vacancies and agency staff.", "leadership", "resourcing", TermMatches(matches))
        #expect(ClassificationTable.evidence(item, limit: 3) == "caseloads (resourcing), recruitment (resourcing), turnover (resourcing), +2 more")
        #expect(ClassificationTable.evidence(item, limit: 5) == words.map { "\($0) (resourcing)" }.joined(separator: ", "))
        #expect(ClassificationTable.csv([item]).contains("agency staff (resourcing)"))
    }

    /// A sentence quoted in the reports carries no quotation mark of its own at either end
    /// unpaired, nor a pair around it whole; apostrophes and inner quotations stay.
    @Test(arguments: [
        ("\"we have an Independent Chair providing circa 30 days per year.", "we have an Independent Chair providing circa 30 days per year."),
        ("\u{201C}The board is effective.\u{201D}", "The board is effective."),
        ("It said \"good\" twice.", "It said \"good\" twice."),
        ("'Good' ratings were received.", "'Good' ratings were received."),
        ("chairs meetings...\" (LSCP 89).", "chairs meetings...\" (LSCP 89)."),
        ("\"", "\""),
    ])
    func quotedSentencesLoseTheirOwnOuterMarks(text: String, expected: String) {
        #expect(QuotedSentence.bare(text) == expected)
    }

    /// The chosen sub-theme's own matches come before the theme's other sub-themes', learned or
    /// not (session 28's user audit: an item coded purpose › collaboration by its learned words
    /// showed only purpose › safeguarded terms, none of which chose the sub-theme).
    @Test func theChosenSubthemesWordsComeFirst() {
        let item = coded("The operational relationship with the police, to ensure child protection planning.", "purpose", "collaboration", [
            .init(category: "purpose.safeguarded", term: "child protection", matched: "child protection", source: .text, start: 60, end: 76, weight: 1.2),
            .init(category: "purpose.safeguarded", term: "planning", matched: "planning", source: .text, start: 77, end: 85, weight: 0.9),
            .init(category: "purpose.collaboration", term: "police", matched: "police", source: .learned, start: 41, end: 47, weight: 1.3),
            .init(category: "purpose.collaboration", term: "operational", matched: "operational", source: .learned, start: 4, end: 15, weight: 1.1),
        ])
        #expect(ClassificationTable.evidence(item, limit: 3) == "police (collaboration, learned), operational (collaboration, learned), child protection (safeguarded), +1 more")
    }

    /// A learned word the layer weighs alike for every sub-theme ("the": how common each theme
    /// is) decided nothing and is not listed; a word is listed for the sub-theme it weighs most,
    /// not under every one it reaches (a researcher met a hundred entries, most of them "the",
    /// "to" and "and", in one cell).
    @Test func learnedWordsWeighedAlikeEverywhereAreNotListed() {
        let learned = { (word: String, category: String, weight: Double) in
            ClassifiedItem.TermMatch(category: category, term: word, matched: word, source: .learned, start: 0, end: word.count, weight: weight)
        }
        let item = ClassifiedItem(
            recommendation: Recommendation(id: "x-003", document: "letter.pdf", kind: .areaForImprovement,
                                           text: "Supervision of the work is not regular.", section: "", cue: "", locations: []),
            theme: "purpose", subtheme: "challenge",
            matches: [learned("supervision", "purpose.challenge", 1.1), learned("supervision", "purpose.learning", 0.5),
                      learned("supervision", "purpose.safeguarded", 0.4),
                      learned("the", "purpose.challenge", 0.6), learned("the", "purpose.safeguarded", 0.55), learned("the", "leadership.resourcing", 0.5)])
        #expect(ClassificationTable.evidence(item, limit: 9) == "supervision (challenge, learned)")
        // `--explain` lists the telling weight and counts the others in one line (session 28's user
        // audit: 150 lines for one item, most of them "the", "and" and "to").
        let explained = ClassificationTable.markdown([item], explain: true)
        #expect(explained.contains("\"supervision\" [supervision] learned 0-11 \u{2192} purpose.challenge +1.10"))
        #expect(!explained.contains("[the] learned"))
        #expect(explained.contains("and 5 more learned weights, of words under sub-themes they do not tell apart (\"supervision\", \"the\"), counted in the totals"))
    }

    /// An unclassified item's matches decided nothing: shown as too weak (until session 19 they
    /// read as the words that decided it).
    @Test func anUnclassifiedItemsMatchesAreTooWeak() {
        let item = ClassifiedItem(
            recommendation: Recommendation(id: "x-002", document: "stdin", kind: .recommendation,
                                           text: "Staff should show more compassion.", section: "", cue: "", locations: []),
            theme: ClassifiedItem.unclassified, subtheme: nil,
            matches: [.init(category: "HarmVirtue", term: "compassion", matched: "compassion", source: .text, start: 23, end: 33, weight: 0.91)])
        #expect(ClassificationTable.evidence(item, limit: 3) == "too weak: compassion (HarmVirtue)")
        let nothing = ClassifiedItem(recommendation: item.recommendation, theme: ClassifiedItem.unclassified, subtheme: nil, matches: [])
        #expect(ClassificationTable.evidence(nothing, limit: 3) == "")
    }

    /// The table a scrutineer reads: over several documents it says which each item is from; an
    /// item nothing matched says so rather than leaving "decided by" empty; a line under the
    /// table says what "actor" and "section" mean where they are shown (session 31's user audit:
    /// none of the three).
    @Test func theTableNamesDocumentsSaysWhenNothingMatchedAndExplainsItsMarks() {
        let named = ClassifiedItem(
            recommendation: Recommendation(id: "a-001", document: "a.pdf", kind: .recommendation,
                                           text: "The safeguarding partners should meet monthly.", section: "", cue: "", locations: []),
            theme: "leadership", subtheme: "active-leadership",
            matches: [.init(category: "leadership.active-leadership", term: "safeguarding partners", matched: "safeguarding partners",
                            source: .actor, start: 4, end: 25, weight: 2)])
        let nothing = ClassifiedItem(
            recommendation: Recommendation(id: "b-001", document: "b.pdf", kind: .recommendation,
                                           text: "Consider the weather.", section: "", cue: "", locations: []),
            theme: ClassifiedItem.unclassified, subtheme: nil, matches: [])
        let table = ClassificationTable.markdown([named, nothing])
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("| # | document | kind "), "\(table)")
        #expect(lines[2].contains("| a.pdf ") && lines[2].contains("| safeguarding partners (active-leadership, actor) |"), "\(table)")
        #expect(lines[3].contains("| b.pdf ") && lines[3].contains("| no term matched "), "\(table)")
        #expect(table.hasSuffix("2 items: 1 leadership, 1 unclassified\ndecided by: a matched term (its sub-theme); actor: in who is asked to act\n"),
                "\(table)")
        // One document: no document column, and no legend where no mark is shown.
        let alone = ClassificationTable.markdown([nothing])
        #expect(alone.hasPrefix("| # | kind ") && alone.hasSuffix("\n1 item: 1 unclassified\n"), "\(alone)")
    }

    /// The summary under the table: most first, and "1 item" (it said "1 items", in no order).
    @Test func theSummaryLineCountsMostFirstInGoodEnglish() {
        let make = { (n: Int, theme: String) in
            ClassifiedItem(recommendation: Recommendation(id: "x-\(n)", document: "d", kind: .recommendation, text: "Item \(n).", section: "", cue: "", locations: []),
                           theme: theme, subtheme: nil)
        }
        let table = ClassificationTable.markdown([make(1, "purpose"), make(2, "process"), make(3, "process"), make(4, "leadership")])
        #expect(table.hasSuffix("\n4 items: 2 process, 1 leadership, 1 purpose\n"), "\(table)")
        #expect(ClassificationTable.markdown([make(1, "purpose")]).hasSuffix("\n1 item: 1 purpose\n"))
        // Nothing classified: no colon with nothing after it (session 28's user audit: "0 items: ").
        #expect(ClassificationTable.markdown([]).hasSuffix("\n0 items\n"))
    }
}
