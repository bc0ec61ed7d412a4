import Foundation
import Testing
@testable import ScrutinyKit

/// The indicators split by era: each partnership profiled again from its documents of each era
/// alone (session 40's audit: the 2015 reviews of LSCBs counted as partnerships' arrangements,
/// four of the 37 independent chairs among them).
@Suite struct EraIndicatorTableTests {
    static let lexicon = ProfileAccuracyTests.lexicon

    static func evidence(_ document: String, _ value: IndicatorValue) -> IndicatorEvidence {
        IndicatorEvidence(document: document, value: value, text: "\(document) says \(value).", cue: "cue", section: "", page: nil,
                          range: TextRange(start: 0, end: 1))
    }

    static func profile(_ name: String, documents: [DocumentSummary], chair: [IndicatorEvidence]) -> PartnershipProfile {
        var indicators: [String: IndicatorResult] = [:]
        for indicator in lexicon.indicators { indicators[indicator.id] = IndicatorResult(value: .notStated) }
        // As the profiler decides: the latest document's word.
        let date = { (evidence: IndicatorEvidence) in documents.first { $0.file == evidence.document }?.date ?? "" }
        let latest = chair.max { date($0) < date($1) }
        indicators["who.independent_chair"] = IndicatorResult(value: latest?.value ?? .notStated, evidence: chair)
        return PartnershipProfile(partnership: name, documents: documents, indicators: indicators)
    }

    static var profiles: [PartnershipProfile] {
        // A: an LSCB's independent chair in 2015; its partnership in 2021 says it has none.
        let a = [DocumentSummary(file: "a-2015.pdf", partnership: "A", date: "2015-03", era: "lscb"),
                 DocumentSummary(file: "a-2021.txt", partnership: "A", date: "2021-06", era: "wt2018")]
        let b = [DocumentSummary(file: "b-2022.txt", partnership: "B", date: "2022-01", era: "wt2018")]
        return [profile("A", documents: a, chair: [evidence("a-2015.pdf", .yes), evidence("a-2021.txt", .no)]),
                profile("B", documents: b, chair: [])]
    }

    @Test func eachEraIsProfiledFromItsOwnDocuments() throws {
        let table = try #require(EraIndicatorTable(profiles: Self.profiles, lexicon: Self.lexicon))
        #expect(table.eras == ["lscb", "wt2018"])
        #expect(table.partnerships == [1, 2])
        let chair = try #require(table.rows.first { $0.id == "who.independent_chair" })
        #expect(chair.cells[0].proportion == Proportion(1, of: 1) && chair.cells[0].silent == 0)
        #expect(chair.cells[1].proportion == Proportion(0, of: 1) && chair.cells[1].silentPartnerships == ["B"])
        // Each cell keeps the sentence of its era that decided it.
        #expect(chair.cells.map { $0.evidence.map(\.document) } == [["a-2015.pdf"], ["a-2021.txt"]])
        // The whole survey's figure is the latest word of each partnership: A's no.
        let all = IndicatorTable(profiles: Self.profiles, lexicon: Self.lexicon)
        #expect(all.row("who.independent_chair")?.proportion == Proportion(0, of: 1))
    }

    @Test func oneEraHasNoSplit() {
        let one = Self.profiles.map { profile in
            var profile = profile
            profile.documents = profile.documents.map { var d = $0; d.era = "wt2018"; return d }
            return profile
        }
        #expect(EraIndicatorTable(profiles: one, lexicon: Self.lexicon) == nil)
    }

    @Test func theSplitIsWrittenAsCSVAndInTheReport() throws {
        let survey = Survey(profiles: Self.profiles, items: [], lexicon: Self.lexicon)
        let csv = SurveyCSV.indicatorsByEra(try #require(survey.indicatorsByEra))
        #expect(csv.hasPrefix("era,partnerships,indicator,n,N,percent,silent,label,base,quoted,partnerships_quoted\n"))
        #expect(csv.contains("\nlscb,1,who.independent_chair,1,1,100,0,Independent chair,partnerships whose documents address it,0,0\n")
            && csv.contains("\nwt2018,2,who.independent_chair,0,1,0,1,Independent chair,partnerships whose documents address it,0,0\n"), "\(csv)")
        let markdown = SurveyEraIndicatorSection.markdown(survey, wording: try ReportWording(contentsOf: Paths.root.appendingPathComponent("lexicons/report.yml")))
        #expect(markdown.contains("## Arrangements by era") && markdown.contains("LSCB era (1 partnership)"), "\(markdown)")
    }

    /// A partnership known only from another document's quotations in an era (the national
    /// survey's "LSCP 14") is counted as such in its cells and its column, in the report and the
    /// CSV (session 45's audit: an era's 97% was the survey's quotations, and nothing said so).
    @Test func quotedPartnershipsAreCountedInTheirEra() throws {
        var quotedDocument = DocumentSummary(file: "survey-2022.txt", partnership: "LSCP 14", date: "2022-03", era: "wt2018")
        quotedDocument.quotation = true
        let quoted = Self.profile("LSCP 14", documents: [quotedDocument], chair: [Self.evidence("survey-2022.txt", .yes)])
        let survey = Survey(profiles: Self.profiles + [quoted], items: [], lexicon: Self.lexicon)
        let table = try #require(survey.indicatorsByEra)
        #expect(table.partnerships == [1, 3] && table.quotedPartnerships == [0, 1])
        let chair = try #require(table.rows.first { $0.id == "who.independent_chair" })
        // wt2018: A says no, LSCP 14 (quoted) yes; B silent.
        #expect(chair.cells[1].proportion == Proportion(1, of: 2) && chair.cells[1].quoted == 1 && chair.cells[0].quoted == 0)
        let wording = try ReportWording(contentsOf: Paths.root.appendingPathComponent("lexicons/report.yml"))
        let markdown = SurveyEraIndicatorSection.markdown(survey, wording: wording)
        #expect(markdown.contains("WT 2018 (3 partnerships, 1 only as quoted)"), "\(markdown)")
        #expect(markdown.contains("50% (n=1) of 2 (N < 5) · 1 silent · 1 only as quoted"), "\(markdown)")
        #expect(SurveyCSV.indicatorsByEra(table).contains("\nwt2018,3,who.independent_chair,1,2,50,1,Independent chair,partnerships whose documents address it,1,1\n"))
        // indicators.csv says the same of the whole survey's figure, as the headline does.
        let overall = SurveyCSV.indicators(survey)
        #expect(overall.hasPrefix("indicator,group,label,n,N,percent,silent,base,quoted\n"))
        #expect(overall.contains("\nwho.independent_chair,who,Independent chair,1,2,50,1,partnerships whose documents address it,1\n"), "\(overall)")
    }

    /// The eras stand in the order eras.yml gives (by date), eras it does not name after them by
    /// name, documents of no known era last; with no order, by name, unknown still last.
    @Test func erasStandInTheOrderOfTheErasFile() {
        let present: Set<String> = ["wt2023", EraThemeTable.unknown, "lscb", "wt2026", "wt2018"]
        #expect(EraThemeTable.ordered(present, by: ["lscb", "wt2018", "wt2023", "wt2026"])
            == ["lscb", "wt2018", "wt2023", "wt2026", EraThemeTable.unknown])
        #expect(EraThemeTable.ordered(present, by: ["wt2023", "lscb"]) == ["wt2023", "lscb", "wt2018", "wt2026", EraThemeTable.unknown])
        #expect(EraThemeTable.ordered(present, by: []).last == EraThemeTable.unknown)
        // The shipped eras.yml lists them by date.
        let detector = try? LexiconDirectory(url: Paths.root.appendingPathComponent("lexicons")).eraRules()
        #expect(detector?.eras.map(\.name) == ["lscb", "wt2018", "wt2023"])
    }
}

