import Foundation
import Testing
@testable import ScrutinyKit

/// The inspection profile (kind, area, fieldwork date, judgements) of every PDF in
/// `../shared/real/` against the hand coding in Tests/Gold/profiles/inspections.csv. Skipped when
/// `../shared` is absent.
@Suite struct InspectionProfileTests {
    static let lexicons = Paths.root.appendingPathComponent("lexicons")
    static let real = Paths.root.deletingLastPathComponent().appendingPathComponent("shared/real")
    static let gold = Paths.root.appendingPathComponent("Tests/Gold/profiles/inspections.csv")
    static var realExists: Bool { FileManager.default.fileExists(atPath: real.path) }

    static func reader() throws -> InspectionReader {
        InspectionReader(lexicon: try InspectionLexicon(contentsOf: lexicons.appendingPathComponent("inspections.yml"), types: Paths.documentTypes))
    }

    /// Curly and straight apostrophes read alike.
    static func plain(_ text: String) -> String { text.replacingOccurrences(of: "\u{2019}", with: "'") }

    @Test(.enabled(if: realExists, "../shared/real is absent"))
    func judgementsOfAll48RealDocumentsAgreeWithTheHandCoding() throws {
        let text = try String(contentsOf: Self.gold, encoding: .utf8)
        let rows = CSVReader.records(text).records
        let byDocument = Dictionary(grouping: rows) { $0["document"] ?? "" }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.real.path).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(files.count == 48)
        #expect(Set(files) == Set(byDocument.keys))
        let reader = try Self.reader()
        var right = 0
        for file in files {
            let document = try DocumentReader().read(path: Self.real.appendingPathComponent(file).path)
            let expected = byDocument[file] ?? []
            let found = try #require(reader.read(document), "\(file): not read as an inspection")
            let first = try #require(expected.first)
            let coded = Set(expected.filter { $0["judgement"] != "none" }.map { "\($0["judgement"]!)=\($0["grade"]!)" })
            let read = Set(found.judgements.map { "\($0.judgement)=\($0.grade)" })
            let agrees = found.kind == first["inspection"] && found.date == first["date"] && read == coded
                && found.area.map(Self.plain) == first["area"].map(Self.plain)
            #expect(found.kind == first["inspection"], "\(file)")
            #expect(found.date == first["date"], "\(file)")
            #expect(found.area.map(Self.plain) == first["area"].map(Self.plain), "\(file)")
            #expect(read == coded, "\(file): read \(read.sorted()), coded \(coded.sorted())")
            if agrees { right += 1 }
        }
        print("inspection profiles right: \(right) of \(files.count) documents")
        #expect(right == 48)
    }

    /// Each judgement is the latest inspection's that states it: a later SEND area report (its
    /// own outcome, no grade of children's services) hides none of an earlier inspection's grades,
    /// and each names the document behind it; kind and date are the latest judged inspection's
    /// (session 28's user audit: Bexley's "outstanding" went silent behind its SEND report).
    @Test func eachJudgementIsTheLatestThatStatesIt() throws {
        let indicators = InspectionIndicators(lexicon: try InspectionLexicon(contentsOf: Self.lexicons.appendingPathComponent("inspections.yml"),
                                                                              types: Paths.documentTypes))
        func judged(_ judgement: String, _ grade: String) -> InspectionProfile.Judgement {
            InspectionProfile.Judgement(judgement: judgement, grade: grade, evidence: "\(judgement) \(grade)", page: 1, range: TextRange(start: 0, end: 1))
        }
        let ilacs = Document(source: "ilacs-2018.pdf", sha256: "1", format: .pdf, blocks: [.paragraph("Inspection of children's services")])
        let send = Document(source: "send-2024.pdf", sha256: "2", format: .pdf, blocks: [.paragraph("Area SEND inspection")])
        let results = indicators.indicators(of: [
            InspectionRead(document: send, inspection: InspectionProfile(kind: "send_area", date: "2023-12-08",
                                                                         judgements: [judged("inspection_outcome", "widespread_failings")])),
            InspectionRead(document: ilacs, inspection: InspectionProfile(kind: "ilacs", date: "2018-03-02",
                                                                          judgements: [judged("overall_effectiveness", "outstanding"),
                                                                                       judged("inspection_outcome", "none_stated")])),
        ])
        #expect(results[InspectionProfile.kindIndicator]?.value == .term("send_area"))
        #expect(results["inspection.overall_effectiveness"]?.value == .term("outstanding"))
        #expect(results["inspection.overall_effectiveness"]?.evidence.first?.document == "ilacs-2018.pdf")
        #expect(results["inspection.inspection_outcome"]?.value == .term("widespread_failings"), "the later states it too, and wins")
    }

    /// Each judgement of an area carries the inspection that gave it: its document, kind and
    /// fieldwork date (session 32's audit: `inspections.csv` gave every judgement the latest
    /// inspection's kind and date, so a 2015 LSCB grade read as a 2023 ILACS one); the area keeps
    /// its latest inspection's, and its document.
    @Test func eachJudgementKeepsTheInspectionThatGaveIt() throws {
        let inspections = try InspectionLexicon(contentsOf: Self.lexicons.appendingPathComponent("inspections.yml"), types: Paths.documentTypes)
        let lexicon = try ArrangementLexicon(yaml: "groups: [{id: who}]\nindicators: [{id: who.x, yes: [a]}]\n", types: Paths.documentTypes)
        func judged(_ judgement: String, _ grade: String, page: Int) -> InspectionProfile.Judgement {
            InspectionProfile.Judgement(judgement: judgement, grade: grade, evidence: "\(judgement) \(grade)", page: page, range: TextRange(start: 0, end: 1))
        }
        let old = Document(source: "testshire-2015.pdf", sha256: "1", format: .pdf, blocks: [.paragraph("Inspection of services for children")])
        let new = Document(source: "testshire-2023.pdf", sha256: "2", format: .pdf, blocks: [.paragraph("Inspection of children's services")])
        let profile = ArrangementProfiler(lexicon: lexicon, inspections: inspections).profile(
            of: "Testshire", documents: [old, new], evidence: [[], []],
            inspections: [InspectionRead(document: old, inspection: InspectionProfile(kind: "single_inspection", date: "2015-07-16",
                                                                                      judgements: [judged("lscb", "requires_improvement", page: 30),
                                                                                                   judged("overall_effectiveness", "good", page: 1)])),
                          InspectionRead(document: new, inspection: InspectionProfile(kind: "ilacs", date: "2023-09-29",
                                                                                      judgements: [judged("overall_effectiveness", "outstanding", page: 1)]))])
        #expect(profile.documents.map(\.inspectionKind) == ["single_inspection", "ilacs"])
        let table = try #require(InspectionTable(profiles: [profile], indicators: InspectionIndicators(lexicon: inspections)))
        let area = try #require(table.areas.first)
        #expect(area.kind == "ilacs" && area.date == "2023-09-29" && area.document == "testshire-2023.pdf")
        #expect(area.sources["lscb"] == InspectionTable.Source(document: "testshire-2015.pdf", kind: "single_inspection", date: "2015-07-16", page: 30))
        #expect(area.sources["overall_effectiveness"]?.kind == "ilacs")
        let rows = CSVReader.records(SurveyCSV.inspections(table)).records
        #expect(rows.map { [$0["inspection"]!, $0["date"]!, $0["judgement"]!, $0["grade"]!, $0["document"]!] } == [
            ["single_inspection", "2015-07-16", "lscb", "requires_improvement", "testshire-2015.pdf"],
            ["ilacs", "2023-09-29", "overall_effectiveness", "outstanding", "testshire-2023.pdf"],
        ])
        // A partnership known only from another document's quotations is in no base: not silent.
        let own = PartnershipProfile(partnership: "Otherby", documents: [DocumentSummary(file: "otherby.txt", partnership: "Otherby")], indicators: [:])
        let quoted = PartnershipProfile(partnership: "LSCP 7", documents: [DocumentSummary(file: "survey.txt", quotation: true)], indicators: [:])
        let three = try #require(InspectionTable(profiles: [profile, own, quoted], indicators: InspectionIndicators(lexicon: inspections)))
        #expect(three.partnerships == 2)
        #expect(three.rows.allSatisfy { $0.silentPartnerships == ["Otherby"] }, "\(three.rows.map(\.silentPartnerships))")
    }

    /// Tables show grades from best to worst (`scale`), not in the order their cues are tried
    /// ("requires improvement" before "good", which its cues contain); grades `scale` leaves out
    /// follow in the file's order; a grade `scale` names that is not one stops the run.
    @Test func gradesAreShownFromBestToWorst() throws {
        let lexicon = try InspectionLexicon(contentsOf: Self.lexicons.appendingPathComponent("inspections.yml"), types: Paths.documentTypes)
        #expect(Array(lexicon.scale.prefix(4)) == ["outstanding", "good", "requires_improvement", "inadequate"])
        #expect(lexicon.grades.first?.id == "requires_improvement")
        #expect(Set(lexicon.scale) == Set((lexicon.grades + lexicon.outcomeGrades).map(\.id)))
        let yaml = """
            kinds: [{id: focused_visit, title: [focused visit to]}]
            area: {before: [focused visit to], after: [local authority]}
            dates: {labels: [inspection dates]}
            table_ends: [contents]
            judgements: [{id: overall_effectiveness, table: [overall effectiveness]}]
            grades: [{id: requires_improvement, cues: [requires improvement]}, {id: good, cues: [good]}, {id: outstanding, cues: [outstanding]}]
            """
        #expect(try InspectionLexicon(yaml: yaml + "\nscale: [outstanding]", types: Paths.documentTypes).scale
                == ["outstanding", "requires_improvement", "good"])
        #expect(throws: LexiconError.self) { try InspectionLexicon(yaml: yaml + "\nscale: [excellent]", types: Paths.documentTypes) }
    }

    /// What the text states beats the file's properties; the file's date beats what is only
    /// inferred (the fieldwork) where it fits, within a year after it; a stated year takes the
    /// file's month in that year.
    @Test func aDocumentsStatedDateBeatsItsFilesAndTheFilesBeatsAnInferredOne() {
        #expect(MetadataDetector.date(stated: "2021-10", inferred: nil, file: "2025-10") == "2021-10")
        #expect(MetadataDetector.date(stated: "2024", inferred: nil, file: "2024-02") == "2024-02")
        #expect(MetadataDetector.date(stated: "2024", inferred: nil, file: "2025-02") == "2024")
        #expect(MetadataDetector.date(stated: nil, inferred: "2023-11", file: "2024-01") == "2024-01")
        #expect(MetadataDetector.date(stated: nil, inferred: "2021-09", file: "2025-10") == "2021-09")
        #expect(MetadataDetector.date(stated: nil, inferred: "2021-09", file: "2021-06") == "2021-09")
        #expect(MetadataDetector.date(stated: nil, inferred: nil, file: "2021-06") == "2021-06")
        #expect(MetadataDetector.date(stated: nil, inferred: "2021", file: "2021-06") == "2021")
    }

    /// Session 39's audit: a letter saved again years later (its PDF creation date moved to 2025,
    /// its text unchanged) was dated 2025 and coded against the 2023 guidance. Its own date, above
    /// "Dear …", dates it whatever the file says.
    @Test(.enabled(if: realExists, "../shared/real is absent"))
    func aLetterSavedAgainKeepsItsOwnDate() throws {
        var bytes = try Data(contentsOf: Self.real.appendingPathComponent("bromley-ofsted-focused-visit-2021.pdf"))
        let creation = Data("/CreationDate(D:2021".utf8)
        let range = try #require(bytes.range(of: creation) ?? bytes.range(of: Data("/CreationDate (D:2021".utf8)))
        bytes.replaceSubrange(range.upperBound - 4..<range.upperBound, with: Data("2025".utf8))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-redated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("bromley-ofsted-focused-visit-2021.pdf")
        try bytes.write(to: copy)
        var rules = try MetadataRules(contentsOf: Self.lexicons.appendingPathComponent("documents.yml"))
        rules.inspections = try InspectionLexicon(contentsOf: Self.lexicons.appendingPathComponent("inspections.yml"), types: Paths.documentTypes)
        let document = try DocumentReader().read(path: copy.path)
        #expect(document.metadata.date == "2025-10")
        #expect(MetadataDetector(rules: rules).filled(document).metadata.date == "2021-10")
    }

    /// Inspection documents are filed under their area, with an inspection type, and dated by
    /// the day they were published where they say ("Report published: 1 September 2015", or a
    /// letter's own date above "Dear …"), else by the year of their copyright line where it is later
    /// than the fieldwork's, refined by the file's month in that year, else by the file's date where
    /// it falls within a year after the fieldwork's last day, else by that day (as the README says, a
    /// report counts in the year it was published; until session 22 the fieldwork won here too, and
    /// until session 39 a letter's fieldwork month). The dates are the publication months of
    /// `Tests/Gold/eras/real-manifest.csv`.
    @Test(.enabled(if: realExists, "../shared/real is absent"))
    func inspectionDocumentsHaveTheirAreaAndType() throws {
        var rules = try MetadataRules(contentsOf: Self.lexicons.appendingPathComponent("documents.yml"))
        rules.inspections = try InspectionLexicon(contentsOf: Self.lexicons.appendingPathComponent("inspections.yml"), types: Paths.documentTypes)
        let detector = MetadataDetector(rules: rules)
        let cases: [(String, String, DocumentType, String)] = [
            ("wiltshire-ofsted-inspection-2015.pdf", "Wiltshire", "inspection-report", "2015-09"),
            ("plymouth-ofsted-inspection-2015.pdf", "Plymouth", "inspection-report", "2015-01"),
            ("tameside-ofsted-focused-visit-2022.pdf", "Tameside", "inspection-letter", "2022-06"),
            ("bexley-ofsted-cqc-send-area-2024.pdf", "Bexley", "inspection-report", "2024-02"),
            ("redbridge-ofsted-inspection-2016.pdf", "Redbridge", "inspection-report", "2016-11"),
        ]
        for (file, partnership, type, date) in cases {
            let metadata = detector.filled(try DocumentReader().read(path: Self.real.appendingPathComponent(file).path)).metadata
            #expect(metadata.partnership == partnership, "\(file)")
            #expect(metadata.documentType == type, "\(file)")
            #expect(metadata.date == date, "\(file)")
        }
    }

    /// Reading inspections changes nothing the corpus documents' own text says about them.
    /// Inspection text as transcripts and council papers carry it (session 22's audit of fresh
    /// Ofsted text, in words of our own): the title run on after the area on one line, an
    /// appendix's label above it, the publication date after the fieldwork's; a monitoring
    /// visit's letter; a SEND letter of the 2016 framework, which has no dates in the form read.
    @Test func inspectionTextAsCouncilPapersCarryIt() throws {
        var rules = try MetadataRules(contentsOf: Self.lexicons.appendingPathComponent("documents.yml"))
        rules.inspections = try InspectionLexicon(contentsOf: Self.lexicons.appendingPathComponent("inspections.yml"), types: Paths.documentTypes)
        let detector = MetadataDetector(rules: rules)
        func metadata(_ text: String) -> Metadata {
            detector.detect(Document(source: "paper.md", sha256: "0", format: .markdown, blocks: PlainTextReader().blocks(from: text)))
        }
        let report = metadata("""
            Appendix 2

            Testborough City Council Inspection of services for children in need of help and protection, children looked after and care leavers

            Inspection dates: 9 October to 2 November 2017

            Report published: 21 December 2017
            """)
        #expect(report.partnership == "Testborough")
        #expect(report.documentType == "inspection-report")
        #expect(report.date == "2017-12")
        let visit = metadata("""
            This letter summarises the findings of the monitoring visit to Testshire children's services on 7 and 8 June 2022. This was the first monitoring visit since the local authority was judged inadequate.
            """)
        #expect(visit.partnership == "Testshire")
        #expect(visit.documentType == "inspection-letter")
        #expect(visit.date == "2022-06")
        // A page count above the title, and a page number before the name (a web copy of a
        // report, session 30's audit: the partnership was "30"); a draft's label after the name.
        let copied = metadata("""
            30

            1 Testborough City Council Re-inspection of services for children in need of help and protection, children looked after and care leavers Inspection dates: 9 October to 2 November 2017 Report published: 21 December 2017
            """)
        #expect(copied.partnership == "Testborough")
        let draft = metadata("""
            Testborough - Draft report

            Testborough
            Inspection of services for children in need of help and protection, children looked after and care leavers
            Inspection date: 3 March 2015 – 25 March 2015
            """)
        #expect(draft.partnership == "Testborough")
        let send = metadata("""
            Joint local area SEND revisit in Testshire

            Between 19 and 21 May 2021, inspectors revisited the local area.
            """)
        #expect(send.documentType == "inspection-report")
    }

    @Test func corpusMetadataIsUnchangedByTheInspectionCues() throws {
        let plain = MetadataDetector(rules: try MetadataRules(contentsOf: Self.lexicons.appendingPathComponent("documents.yml")))
        var rules = plain.rules
        rules.inspections = try InspectionLexicon(contentsOf: Self.lexicons.appendingPathComponent("inspections.yml"), types: Paths.documentTypes)
        let withInspections = MetadataDetector(rules: rules)
        for path in Paths.corpusDocuments() {
            let document = try DocumentReader().read(path: path)
            #expect(withInspections.detect(document) == plain.detect(document), "\(document.fileName)")
        }
    }
}
