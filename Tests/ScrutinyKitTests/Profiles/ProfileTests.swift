import Foundation
import Testing
@testable import ScrutinyKit

/// Indicator matching and metadata detection on short documents written for these tests.
@Suite struct ProfileTests {
    static let lexicon = ProfileAccuracyTests.lexicon
    static let rules = try! MetadataRules(contentsOf: Paths.root.appendingPathComponent("lexicons/documents.yml"))

    func document(_ text: String, name: String = "test.md", type: DocumentType? = "scrutiny-report",
                  partnership: String? = "Testshire", date: String? = "2023-01") -> Document {
        Document(source: name, sha256: "0123456789abcdef", format: .markdown,
                 metadata: Metadata(partnership: partnership, documentType: type, date: date),
                 blocks: PlainTextReader().blocks(from: text))
    }

    func profile(_ documents: Document...) -> PartnershipProfile {
        ArrangementProfiler(lexicon: Self.lexicon).profile(of: "Testshire", documents: documents)
    }

    // MARK: cue patterns

    /// Evidence of a few words ranks last: the pieces between spaces are counted as far as the
    /// limit, exactly as cutting the text would count them.
    @Test func shortEvidenceIsCountedAsCuttingWouldCountIt() {
        var generator = SplitMix64(seed: 97)
        let pieces = ["a", " ", "  ", "word", " \u{301}", "e\u{301}", "\t"]
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for count in [1, 3, 6] {
                #expect(ArrangementProfiler.hasWords(text, atLeast: count) == (text.split(separator: " ").count >= count), "\(text.debugDescription)")
            }
        }
    }

    /// Numbers in words and figures, told from their first byte before any lookup.
    @Test func numbersAreReadFromWordsAndFigures() {
        #expect(NumberWords.value(in: ["three", "scrutineers"], at: 0)! == (3, 1))
        #expect(NumberWords.value(in: ["a", "single", "chair"], at: 0)! == (1, 2))
        #expect(NumberWords.value(in: ["12"], at: 0)! == (12, 1))
        #expect(NumberWords.value(in: ["1000"], at: 0) == nil)
        #expect(NumberWords.value(in: ["\u{0663}"], at: 0) == nil)
        #expect(NumberWords.value(in: ["", "x"], at: 0) == nil)
        #expect(NumberWords.value(in: ["threes"], at: 0) == nil)
        #expect(NumberWords.value(in: ["twenty"], at: 1) == nil)
    }

    @Test func cuePatternsSkipWordsGlobAlternativesAndCountNumbers() throws {
        let words = { (text: String) in WordTokenizer.words(text).map(\.text) }
        let gap = try #require(CuePattern("chair* ... scrutiny duties"))
        #expect(gap.matches(words("The chair has no formal scrutiny duties.")))
        #expect(!gap.matches(words("The chair of the executive and the other members have scrutiny duties")))
        let alternatives = try #require(CuePattern("review*|examin* one another s"))
        #expect(alternatives.matches(words("agencies examine one another's practice")))
        #expect(!alternatives.matches(words("agencies challenge one another")))
        let count = try #require(CuePattern("{n} independent scrutineer*"))
        #expect(count.firstMatch(in: words("The partnership employs two independent scrutineers."))?.number == 2)
        #expect(count.firstMatch(in: words("a single independent scrutineer"))?.number == 1)
        #expect(count.firstMatch(in: words("It has 4 independent scrutineers"))?.number == 4)
        let optional = try #require(CuePattern("red amber or? green"))
        #expect(optional.matches(words("red, amber and green")) == false)
        #expect(optional.matches(words("a red, amber or green rating")))
        #expect(optional.matches(words("red amber green")))
    }

    // MARK: negation and decoys

    @Test func explicitNegationIsNoAndSilenceIsNotStated() {
        let result = profile(document("""
            # How scrutiny works

            The partnership does not have an independent chair. We do not employ an independent scrutineer.
            There are no lay members on the executive.
            """))
        #expect(result.value("who.independent_chair") == .no)
        #expect(result.value("who.independent_scrutineer") == .no)
        #expect(result.value("who.lay_members") == .no)
        #expect(result.value("who.scrutiny_panel") == .notStated)
        #expect(result.value("how.focus_groups") == .notStated)
    }

    @Test func nothingObservedIsNoEvidenceEitherWay() {
        let result = profile(document("# Summary\n\nNothing that has been observed to date gives rise to concern. The work will include interviews with leaders.\n"))
        #expect(result.value("how.observation") == .notStated)
        #expect(result.value("how.interviews") == .notStated, "a plan is not a method used")
    }

    @Test func aRotatingChairFromThePartnersIsNoIndependentChair() {
        let result = profile(document("# Arrangements\n\nThe executive has a rotating chair drawn from the three statutory partners.\n"))
        #expect(result.value("who.independent_chair") == .no)
        #expect(result.indicators["who.independent_chair"]?.evidence.first?.cue == "rotating chair")
    }

    @Test func consultationIsNotAFormalScrutinyRole() {
        let consulted = profile(document("# Children\n\nYoung people are consulted on our priorities but do not hold a formal scrutiny role.\n"))
        #expect(consulted.value("who.young_scrutineers") == .no)
        let scrutineers = profile(document("# Children\n\nOur young scrutineers are trained and paid to scrutinise the partnership.\n"))
        #expect(scrutineers.value("who.young_scrutineers") == .yes)
    }

    @Test func theChairOfTheAdultsBoardIsNotAnIndependentChair() {
        let result = profile(document("""
            # Arrangements

            Scrutiny is carried out by Jo Bloggs, the independent chair of the Testshire Safeguarding Adults Board, who acts as our independent scrutineer.
            """))
        #expect(result.value("who.independent_chair") == .notStated)
        #expect(result.value("who.independent_scrutineer") == .yes)
    }

    /// Another board's independent chair (a SEND strategic board's, an improvement board's) is not
    /// the partnership's: a real SEND report's "recruitment of an independent chair of the SEND
    /// strategic board" made a partnership's chair independent until session 19.
    @Test func anotherBoardsIndependentChairIsNotThePartnerships() {
        for sentence in ["Leaders have completed the recruitment of an independent chair of the SEND strategic board.",
                         "An independent chair of the improvement board was appointed by the minister in 2023."] {
            let result = profile(document("# Arrangements\n\nTestshire Safeguarding Children Partnership meets monthly. \(sentence)\n"))
            #expect(result.value("who.independent_chair") == .notStated, "\(sentence)")
        }
    }

    @Test func recommendationsAreNotArrangements() {
        let result = profile(document("""
            # Recommendations

            - The executive should recruit two lay members.
            - The partnership could consider a young scrutineers group.
            """))
        #expect(result.value("who.lay_members") == .notStated)
        #expect(result.value("who.young_scrutineers") == .notStated)
    }

    @Test func aResearchReportsOwnMethodsAreNotTheScrutinysMethods() {
        let research = document("""
            # Evaluation of the Testshire model

            ## Methods

            We held semi-structured interviews with 17 people and observed two panel meetings.

            ## Findings

            In the meetings we observed, lay members asked sharp questions. Peer review visits do not include individual interviews with leaders; the visiting team relies on focus groups.
            """, type: "research")
        let result = profile(research)
        #expect(result.value("how.interviews") == .no)
        #expect(result.value("how.observation") == .notStated)
        #expect(result.value("how.focus_groups") == .yes)
    }

    @Test func inspectorsWorkIsNotScrutiny() {
        let letter = document("""
            # Joint targeted area inspection of Testshire

            Inspectors held interviews with senior leaders and observed strategy meetings.
            """, type: "jtai-letter")
        let result = profile(letter)
        #expect(result.value("how.interviews") == .notStated)
        #expect(result.value("how.observation") == .notStated)
    }

    /// An inspection of the council's services judges the council's own work: a sentence that
    /// does not name the partnership is no evidence of the partnership's scrutiny (session 37's
    /// audit: a council's care-leaver service "welcoming external scrutiny" and its own case audits
    /// answered the partnership's indicators). Naming the partnership, it is read.
    @Test(arguments: ["inspection-letter", "inspection-report"])
    func aCouncilsInspectionSpeaksForThePartnershipOnlyWhereItNamesIt(type: String) {
        let letter = document("""
            # Focused visit to Testshire children's services

            Leaders actively seek external scrutiny of their service for care leavers.
            Thematic case file audits and dip sampling underpin the scrutiny of practice.
            """, type: DocumentType(rawValue: type))
        let council = profile(letter)
        #expect(council.value("who.external_team") == .notStated)
        #expect(council.value("how.case_file_audit") == .notStated)
        let partnership = document("""
            # Focused visit to Testshire children's services

            The safeguarding partnership has commissioned external scrutiny from a peer team.
            """, type: DocumentType(rawValue: type))
        #expect(profile(partnership).value("who.external_team") == .yes)
        // The same sentences in the partnership's own report are its arrangements.
        #expect(profile(document("Leaders actively seek external scrutiny of their service for care leavers.\n")).value("who.external_team") == .yes)
    }

    @Test func whatIsScrutinisedNeedsAStatementOfScope() {
        let report = document("""
            # Findings

            The partnership budget rose by 4% this year.

            This year the scrutiny covered the leadership of the partnership and outcomes for children.
            The annual report was not part of the specification, and we have not scrutinised it.
            """)
        let result = profile(report)
        #expect(result.value("what.budget") == .notStated)
        #expect(result.value("what.leadership") == .yes)
        #expect(result.value("what.outcomes_for_children") == .yes)
        #expect(result.value("what.annual_report") == .no)
    }

    @Test func aListCountsWhenItsLeadInStatesScope() {
        let report = document("""
            # Scope

            Our key lines of enquiry were:

            - whether multi-agency training makes a difference;
            - whether schools take a full part.

            The framework asks whether:

            - the partnership budget is fair.
            """)
        let result = profile(report)
        #expect(result.value("what.learning_training") == .yes)
        #expect(result.value("what.education") == .yes)
        #expect(result.value("what.budget") == .notStated)
    }

    @Test func theScrutineerCountNeedsScrutineers() {
        let result = profile(document("# Arrangements\n\nThe partnership employs two independent scrutineers who share the role.\n"))
        #expect(result.value("who.scrutineer_count") == .count(2))
        let none = profile(document("# Arrangements\n\nWe do not employ an independent scrutineer; a single scrutineer would see too little.\n"))
        #expect(none.value("who.independent_scrutineer") == .no)
        #expect(none.value("who.scrutineer_count") == .notStated)
    }

    @Test func theLatestDocumentDecides() {
        let old = document("# Arrangements\n\nThe partnership has an independent chair.\n", name: "old.md", date: "2020-01")
        let new = document("# Arrangements\n\nThe partnership does not have an independent chair.\n", name: "new.md", date: "2023-01")
        let result = profile(old, new)
        #expect(result.value("who.independent_chair") == .no)
        #expect(result.indicators["who.independent_chair"]?.evidence.map(\.document) == ["new.md", "old.md"])
    }

    @Test func evidenceLocatesItsSentence() throws {
        let report = document("# Arrangements\n\nWe meet monthly. The partnership has an independent chair.\n")
        let evidence = try #require(profile(report).indicators["who.independent_chair"]?.evidence.first)
        let scalars = Array(report.text.unicodeScalars)[evidence.range.start..<evidence.range.end]
        #expect(String(String.UnicodeScalarView(scalars)) == "The partnership has an independent chair.")
        #expect(evidence.section == "Arrangements")
    }

    // MARK: metadata

    func detect(_ text: String, name: String = "doc.txt") -> Metadata {
        let document = Document(source: name, sha256: "", format: .text, blocks: PlainTextReader().blocks(from: text))
        return MetadataDetector(rules: Self.rules).detect(document)
    }

    @Test func acronymsResolveWithinEachDocument() {
        let barnsley = detect("""
            BSCP Independent Scrutiny Report

            March 2023

            This is the report of the Barnsley Safeguarding Children Partnership (BSCP). The BSCP met six times. The BSCP executive agreed its plan.
            """)
        let barnet = detect("""
            Annual report of the Barnet Safeguarding Children Partnership (BSCP)

            October 2022

            The BSCP worked with the Enfield Safeguarding Children Partnership and the Haringey Safeguarding Children Partnership on exploitation. The BSCP budget was set in April.
            """)
        #expect(barnsley.partnership == "Barnsley")
        #expect(barnet.partnership == "Barnet")
    }

    @Test func neighbouringPartnershipsDoNotTakeOver() {
        let metadata = detect("""
            HARTSHIRE SAFEGUARDING CHILDREN PARTNERSHIP

            Independent Review 2021

            February 2021

            Review team: Ann Smith and Dr Bob Jones

            The Hartshire Safeguarding Children Partnership (HaSCP) takes part in reciprocal peer review with the Wexmoor Safeguarding Children Partnership and the Fenley Safeguarding Children Partnership. The HaSCP also meets the Wexmoor partnership twice a year, and the HaSCP executive reads its reports.
            """)
        #expect(metadata.partnership == "Hartshire")
        #expect(metadata.documentType == "independent-review")
        #expect(metadata.date == "2021-02")
        #expect(metadata.authors == ["Ann Smith", "Dr Bob Jones"])
    }

    @Test func inspectionLettersAndCommitteeReportsAreRecognised() {
        let letter = detect("""
            Ofsted

            9 March 2023

            Joint targeted area inspection of the multi-agency response to children at risk of exploitation in Lowmoor

            This letter summarises the findings of a joint targeted area inspection in Lowmoor. Inspectors looked at how agencies identify children at risk and how well the partners oversee the work.

            Yours sincerely

            Ofsted: Jane Doe, Regional Director
            """)
        #expect(letter.partnership == "Lowmoor")
        #expect(letter.documentType == "jtai-letter")
        #expect(letter.date == "2023-03")
        #expect(letter.authors == ["Jane Doe"])
        let committee = detect("""
            LOWMOOR COUNTY COUNCIL

            CHILDREN'S SCRUTINY COMMITTEE 14 DECEMBER 2022

            Joint targeted area inspection: report of the Director of Children's Services about the Lowmoor Safeguarding Children Partnership and the action it is taking, for the Committee to note and to ask questions about.
            """)
        #expect(committee.documentType == "committee-report")
        #expect(committee.partnership == "Lowmoor")
        #expect(committee.date == "2022-12")
    }

    // MARK: manifest and versions

    @Test func theManifestOverridesDetectionAndNamesVersions() throws {
        let manifest = try Manifest.parse("""
            file,partnership,document_type,date,title,version_of
            a.txt,Lowmoor,annual-report,2021-09,,
            a.pdf,,,,,a.txt
            """, types: Paths.documentTypes)
        let text = Document(source: "dir/a.txt", sha256: "", format: .text,
                            blocks: PlainTextReader().blocks(from: "Highmoor Safeguarding Children Partnership\n\nIndependent scrutiny report, May 2020\n"))
        var pdf = text
        pdf.source = "dir/a.pdf"
        pdf.format = .pdf
        let selection = CorpusSelection(documents: [text, pdf], manifest: manifest, detector: MetadataDetector(rules: Self.rules))
        #expect(selection.documents.count == 1)
        #expect(selection.skipped == [.init(version: "a.pdf", original: "a.txt")])
        let metadata = try #require(selection.documents.first?.metadata)
        #expect(metadata.partnership == "Lowmoor")
        #expect(metadata.documentType == "annual-report")
        #expect(metadata.date == "2021-09")
        #expect(selection.note == "counted each document once: left out 1 other version or copy of documents also read (a.pdf (of a.txt))")
    }

    /// The same file in two folders: the second is left out and called a copy of the first, not a version.
    @Test func aSecondCopyIsCalledOne() {
        let first = Document(source: "x/report.pdf", sha256: "", format: .pdf, blocks: [.paragraph("The partnership should publish its plan.")])
        var second = first
        second.source = "y/report.pdf"
        let selection = CorpusSelection(documents: [first, second])
        #expect(selection.documents.count == 1)
        #expect(selection.note == "counted each document once: left out 1 other version or copy of documents also read (y/report.pdf (a copy of x/report.pdf))")
    }

    @Test func withoutAManifestASameNamedTextFileIsTheOriginal() {
        let text = Document(source: "x/report.txt", sha256: "", format: .text, blocks: [.paragraph("Text.")])
        var html = text
        html.source = "x/report.html"
        html.format = .html
        let alone = Document(source: "x/other.pdf", sha256: "", format: .pdf, blocks: [.paragraph("Other text.")])
        let selection = CorpusSelection(documents: [text, html, alone])
        #expect(selection.documents.map(\.fileName) == ["report.txt", "other.pdf"])
    }

    @Test func badManifestsAreExplained() {
        #expect(throws: Manifest.LoadError.missingColumn(path: "m.csv")) { try Manifest.parse("name,date\nx,2020\n", path: "m.csv", types: Paths.documentTypes) }
        #expect(throws: Manifest.LoadError.badValue(path: "m.csv", line: 2, column: "document_type", value: "memo",
                                                    expected: Paths.documentTypes.names)) {
            try Manifest.parse("file,document_type\nx.txt,memo\n", path: "m.csv", types: Paths.documentTypes)
        }
        let expected = "YYYY-MM, YYYY, or a day (YYYY-MM-DD or DD/MM/YYYY)"
        for bad in ["May 2020", "2020-13", "2020-05-32", "31/13/2020", "2020/05/17", "20-05-17"] {
            #expect(throws: Manifest.LoadError.badValue(path: "m.csv", line: 2, column: "date", value: bad, expected: expected)) {
                try Manifest.parse("file,date\nx.txt,\(bad)\n", path: "m.csv", types: Paths.documentTypes)
            }
        }
    }

    /// Dates as spreadsheets export them, a day, are cut to their month (session 31's user audit:
    /// "2022-05-17" stopped the run).
    @Test func aManifestsDaysAreCutToTheirMonth() throws {
        let manifest = try Manifest.parse("file,date\na.txt,2022-05-17\nb.txt,7/3/2021\nc.txt,2019\nd.txt,2020-11\n", path: "m.csv",
                                          types: Paths.documentTypes)
        #expect(["a.txt", "b.txt", "c.txt", "d.txt"].map { manifest.entries[$0]?.metadata.date } == ["2022-05", "2021-03", "2019", "2020-11"])
    }

    @Test func badLexiconsAreExplained() {
        #expect(throws: LexiconError.self) {
            try ArrangementLexicon(yaml: "groups: [{id: who}]\nindicators: [{id: how.x, yes: [a]}]\n", types: Paths.documentTypes)
        }
        let error = #expect(throws: LexiconError.self) {
            try ArrangementLexicon(yaml: "groups: [{id: who}]\nindicators: [{id: who.x}]\n", path: "a.yml", types: Paths.documentTypes)
        }
        #expect(error?.errorDescription?.contains("who.x has no `yes` cues") == true)
        #expect(error?.errorDescription?.contains("a.yml") == true)
    }
}
