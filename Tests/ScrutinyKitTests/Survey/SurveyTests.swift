import Foundation
import Testing
@testable import ScrutinyKit

/// The survey tables from profiles and classified items made in the test.
@Suite struct SurveyTests {
    static let lexicon = ProfileAccuracyTests.lexicon

    func item(_ partnership: String, _ document: String, _ kind: Recommendation.Kind, _ theme: String, _ subtheme: String?,
              _ number: Int) -> ClassifiedItem {
        let recommendation = Recommendation(
            id: "\(document)-\(number)", document: document, partnership: partnership, kind: kind, text: "Item \(number) of \(document).",
            section: "Recommendations", page: nil, strength: kind == .recommendation ? .should : nil, actor: nil, cue: "should",
            locations: [])
        return ClassifiedItem(recommendation: recommendation, theme: theme, subtheme: subtheme)
    }

    func profile(_ name: String, _ values: [String: IndicatorValue], documents: [DocumentSummary]) -> PartnershipProfile {
        var indicators: [String: IndicatorResult] = [:]
        for indicator in Self.lexicon.indicators {
            let value = values[indicator.id] ?? .notStated
            let evidence = value.isStated ? [IndicatorEvidence(document: documents[0].file, value: value, text: "\(name) says \(value).",
                                                               cue: "cue", section: "", page: nil, range: TextRange(start: 0, end: 1))] : []
            indicators[indicator.id] = IndicatorResult(value: value, evidence: evidence)
        }
        return PartnershipProfile(partnership: name, documents: documents, indicators: indicators)
    }

    /// A table row's evidence shows its cells between bars in `profiles.csv`, not Word's tabs, and
    /// so draws no formula guard (session 32's audit: 19 cells read "'\t\t2.1 Adoption …").
    @Test func tableRowEvidenceShowsItsCells() {
        let documents = [DocumentSummary(file: "a.pdf", partnership: "A")]
        var profile = profile("A", ["who.independent_scrutineer": .yes], documents: documents)
        profile.indicators["who.independent_scrutineer"]?.evidence[0].text = "\t\t2.1 Independent scrutineer\tYes"
        let csv = ProfileTable.csv([profile], lexicon: Self.lexicon)
        // Then the page column, empty where the evidence has none.
        #expect(csv.contains(",a.pdf,2.1 Independent scrutineer | Yes,\n"), "\(csv.prefix(300))")
        #expect(!csv.contains("\t"))
    }

    var fixture: Survey {
        Survey(profiles: fixtureProfiles, items: fixtureItems, lexicon: Self.lexicon,
               options: Survey.Options(themeOrder: ["purpose", "process", "leadership"]))
    }

    var fixtureProfiles: [PartnershipProfile] {
        let a = [DocumentSummary(file: "a1.txt", partnership: "A", documentType: "scrutiny-report", date: "2021-03"),
                 DocumentSummary(file: "a2.txt", partnership: "A", documentType: "committee-report", date: "2022-07")]
        let b = [DocumentSummary(file: "b1.txt", partnership: "B", documentType: "annual-report", date: "2022-10")]
        let c = [DocumentSummary(file: "c1.txt", partnership: "C", documentType: "jtai-letter", date: "2022-01")]
        return [
            profile("A", ["who.independent_scrutineer": .yes, "who.scrutineer_count": .count(2), "who.independent_chair": .no], documents: a),
            profile("B", ["who.independent_scrutineer": .yes, "who.scrutineer_count": .count(1), "who.independent_chair": .yes], documents: b),
            profile("C", ["who.independent_scrutineer": .no], documents: c),
        ]
    }

    var fixtureItems: [ClassifiedItem] {
        [
            item("A", "a1.txt", .recommendation, "purpose", "learning", 1),
            item("A", "a1.txt", .recommendation, "purpose", "learning", 2),
            item("A", "a1.txt", .recommendation, "leadership", "resourcing", 3),
            item("A", "a2.txt", .procedural, ClassifiedItem.unclassified, nil, 4),
            item("B", "b1.txt", .recommendation, "process", "relationships", 5),
            item("B", "b1.txt", .strength, "purpose", "learning", 6),
            item("C", "c1.txt", .areaForImprovement, "purpose", "safeguarded", 7),
            item("C", "c1.txt", .areaForImprovement, ClassifiedItem.unclassified, nil, 8),
        ]
    }

    /// The items of a document whose era is not known are counted in a column of their own, not
    /// left out of the table of themes by era (session 21's audit: 9 of 24 fresh pages had no era
    /// and their items were missing from it, without a word).
    @Test func itemsOfAnUnknownEraHaveAColumnOfTheirOwn() throws {
        let documents = [DocumentSummary(file: "a1.txt", partnership: "A", documentType: "scrutiny-report", date: "2021-03", era: "wt2018"),
                         DocumentSummary(file: "b1.txt", partnership: "B", documentType: "annual-report", date: "2025-10", era: "wt2023"),
                         DocumentSummary(file: "c1.txt", partnership: "C", documentType: "committee-report")]
        let profiles = documents.map { profile($0.partnership!, [:], documents: [$0]) }
        let items = [item("A", "a1.txt", .recommendation, "purpose", "learning", 1),
                     item("B", "b1.txt", .recommendation, "leadership", "resourcing", 2),
                     item("C", "c1.txt", .recommendation, "process", "relationships", 3),
                     item("C", "c1.txt", .recommendation, "purpose", "challenge", 4)]
        let survey = Survey(profiles: profiles, items: items, lexicon: Self.lexicon,
                            options: Survey.Options(themeOrder: ["purpose", "process", "leadership"]))
        let table = try #require(survey.eras)
        #expect(table.eras == ["wt2018", "wt2023", EraThemeTable.unknown])
        #expect(table.documents == [1, 1, 1])
        #expect(table.totals == [1, 1, 2])
        #expect(table.totals.reduce(0, +) == survey.items.filter(\.themed).count)
        let wording = try ReportWording(contentsOf: Paths.root.appendingPathComponent("lexicons/report.yml"))
        #expect(SurveyEraSection.markdown(survey, wording: wording).contains("Era not known (1 document)"))
        // Documents of one known era and some of none: nothing to compare, no table.
        let oneEra = Survey(profiles: Array(profiles.prefix(1)) + [profiles[2]], items: items, lexicon: Self.lexicon)
        #expect(oneEra.eras == nil)
    }

    @Test(arguments: [(67, 100, "67% (n=67) of 100"), (2, 3, "67% (n=2) of 3"), (1, 8, "13% (n=1) of 8"),
                      (1, 2, "50% (n=1) of 2"), (0, 0, "n=0 of 0"), (5, 5, "100% (n=5) of 5"),
                      // A share that rounds to 0% or 100% but is neither says so.
                      (3, 877, "<1% (n=3) of 877"), (876, 877, ">99% (n=876) of 877"), (0, 9, "0% (n=0) of 9")])
    func proportionsReadAsTheSurveyWritesThem(n: Int, of total: Int, text: String) {
        #expect(Proportion(n, of: total).surveyForm == text)
    }

    @Test func indicatorRowsCountYesOfThoseAddressingAndTheSilent() throws {
        let table = fixture.indicators
        let scrutineer = try #require(table.row("who.independent_scrutineer"))
        #expect(scrutineer.proportion == Proportion(2, of: 3))
        #expect(scrutineer.silent == 0)
        let chair = try #require(table.row("who.independent_chair"))
        #expect(chair.proportion == Proportion(1, of: 2))
        #expect(chair.silent == 1)
        #expect(chair.silentPartnerships == ["C"])
        #expect(chair.evidence.map(\.partnership) == ["B", "A"], "yes evidence comes first")
        let lay = try #require(table.row("who.lay_members"))
        #expect(lay.proportion == Proportion(0, of: 0))
        #expect(lay.silent == 3)
    }

    @Test func theScrutineerCountIsOfThePartnershipsThatEmployScrutineers() throws {
        let survey = fixture
        let count = try #require(survey.indicators.row("who.scrutineer_count"))
        #expect(count.proportion == Proportion(2, of: 2, isRate: false))
        // Not a rate: JSON gives no percent, the survey's form none either (session 40's audit:
        // survey.json gave "10" where the report gives a distribution).
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(count.proportion)) as? [String: Any]
        #expect(json?["n"] as? Int == 2 && json?["percent"] is NSNull)
        #expect(count.proportion.surveyForm == "n=2 of 2")
        let distribution = try #require(survey.indicators.distributions.first)
        #expect(distribution.buckets.map(\.label) == ["one", "two", "three", "four or more"])
        #expect(distribution.buckets.map(\.proportion.n) == [1, 1, 0, 0])
        #expect(distribution.buckets[1].partnerships == ["A"])
    }

    /// The words of the indicator tables are the file's (`survey` in arrangements.yml), not
    /// English written into the survey: a base renamed, and three buckets of which the last holds
    /// three and more.
    @Test func theIndicatorTablesWordsComeFromTheArrangementsFile() throws {
        let shipped = try String(contentsOf: Paths.root.appendingPathComponent("lexicons/arrangements.yml"), encoding: .utf8)
        let edited = shipped
            .replacingOccurrences(of: "    required: \"partnerships where {indicator} is yes\"",
                                  with: "    required: \"partenariats où {indicator} est oui\"")
            .replacingOccurrences(of: "  count_buckets: [one, two, three, four or more]", with: "  count_buckets: [un, deux, trois ou plus]")
        #expect(edited != shipped)
        let lexicon = try ArrangementLexicon(yaml: edited, path: "arrangements.yml", types: Paths.documentTypes)
        let profiles = fixtureProfiles + [profile("D", ["who.independent_scrutineer": .yes, "who.scrutineer_count": .count(5)],
                                                  documents: [DocumentSummary(file: "d1.txt", partnership: "D")])]
        let table = IndicatorTable(profiles: profiles, lexicon: lexicon)
        #expect(table.row("who.scrutineer_count")?.base == "partenariats où who.independent_scrutineer est oui")
        #expect(table.row("who.independent_chair")?.base == "partnerships whose documents address it")
        let distribution = try #require(table.distributions.first)
        #expect(distribution.buckets.map(\.label) == ["un", "deux", "trois ou plus"])
        #expect(distribution.buckets.map(\.proportion.n) == [1, 1, 1], "five scrutineers are in the last bucket")
        #expect(SurveyCSV.indicators(Survey(profiles: profiles, items: [], lexicon: lexicon)).contains("partenariats où"))
    }

    @Test func themeMatrixCountsRecommendationsAndAreasForImprovementWithRowPercentages() {
        let matrix = fixture.themes
        #expect(matrix.themes == ["purpose", "process", "leadership", "unclassified"])
        #expect(matrix.rows.map(\.partnership) == ["A", "B", "C"])
        #expect(matrix.rows[0].cells == [Proportion(2, of: 3), Proportion(0, of: 3), Proportion(1, of: 3), Proportion(0, of: 3)])
        // B's strength is not counted by theme by default; C's unclassified area for improvement is.
        #expect(matrix.rows[1].total == 1)
        #expect(matrix.rows[2].cells.last == Proportion(1, of: 2))
        #expect(matrix.total.total == 6)
    }

    /// A Working Together scheme's theme with no item is a column of zeros, not missing (session
    /// 21's audit read a wt2023 table without its "partnership" theme as a fault); a large
    /// dictionary shows only the categories found.
    @Test func aSmallSchemeShowsEveryThemeEvenWithoutItems() {
        let items = [item("A", "a1.txt", .recommendation, "learning", nil, 1)]
        let wt2023 = ["partnership", "leadership", "learning", "scrutiny"]
        let small = ThemeMatrix(items: items, partnerships: ["A"], themes: wt2023)
        #expect(small.themes == wt2023)
        #expect(small.total.cells == [Proportion(0, of: 1), Proportion(0, of: 1), Proportion(1, of: 1), Proportion(0, of: 1)])
        let dictionary = (1...(ThemeMatrix.everyThemeShownUpTo + 1)).map { "category\($0)" } + ["learning"]
        #expect(ThemeMatrix(items: items, partnerships: ["A"], themes: dictionary).themes == ["learning"])
    }

    @Test func kindsByDocumentTypeCountEveryItemIncludingProcedural() throws {
        let kinds = fixture.kinds
        #expect(kinds.kinds == ["recommendation", "area_for_improvement", "strength", "procedural"])
        let committee = try #require(kinds.rows.first { $0.documentType == "committee-report" })
        #expect(committee.cells[3] == Proportion(1, of: 1))
        #expect(kinds.total.total == 8)
        #expect(kinds.total.documents == 4)
    }

    /// Partnerships quoted under labels in the national survey count in the arrangement tables
    /// only: until session 19 they swelled every table of items (a corpus of 22 partnerships and
    /// the survey's 70 labels read "77% (n=71) of 92 have no purpose item").
    @Test func quotedPartnershipsCountInTheArrangementTablesOnly() throws {
        let plain = fixture
        var profiles = ["A", "B", "C"].map { name in
            profile(name, [:], documents: plain.documents.filter { $0.partnership == name })
        }
        for label in ["LSCP 1", "LSCP 2"] {
            profiles.append(profile(label, ["who.independent_scrutineer": .yes],
                                    documents: [DocumentSummary(file: "survey.txt", partnership: label, date: "2021-05", quotation: true)]))
        }
        let survey = Survey(profiles: profiles, items: fixtureItems, lexicon: Self.lexicon, options: Survey.Options(themeOrder: ["purpose", "process", "leadership"]))
        #expect(survey.partnerships.count == 5)
        #expect(survey.indicators.row("who.independent_scrutineer")?.proportion == Proportion(2, of: 2))
        #expect(survey.gaps == plain.gaps)
        #expect(survey.kinds == plain.kinds)
        #expect(survey.subthemes == plain.subthemes)
        #expect(survey.themes == plain.themes)
        #expect(survey.trends == plain.trends)
        #expect(survey.fileCount == plain.fileCount + 1)
        let notes = try ReportTests.wording().notes(of: survey)
        #expect(notes.contains { $0.hasPrefix("2 partnerships are quoted under labels in survey.txt") }, "\(notes)")
        // The summary says so too, beside the number of partnerships (session 40's audit: "114
        // partnerships" was read as a sample, 70 of them the national survey's labels).
        let summary = ReportSummary(survey, wording: try ReportTests.wording())
        #expect(summary.read.contains("from 5 partnerships") && summary.read.contains("Of the partnerships, 2 are quoted under labels in survey.txt"),
                "\(summary.read)")
        #expect(!ReportSummary(plain, wording: try ReportTests.wording()).read.contains("quoted"))
        // A note that opens with a file's name keeps its case ("survey.txt has …", not "Survey.txt has …").
        let named = Survey(profiles: profiles, items: fixtureItems, lexicon: Self.lexicon, notes: ["survey.txt has no partnership of its own", "left out 2 copies"])
        #expect(named.notes.prefix(2) == ["survey.txt has no partnership of its own.", "Left out 2 copies."])
    }

    @Test func subthemesGapsAndTrends() throws {
        let survey = fixture
        #expect(survey.subthemes.rows.first?.subtheme == "purpose.learning")
        #expect(survey.subthemes.rows.first?.items == Proportion(2, of: 5))
        #expect(survey.subthemes.rows.first?.partnerships == Proportion(1, of: 3))
        let process = try #require(survey.gaps.rows.first { $0.theme == "process" })
        #expect(process.partnerships == ["A", "C"])
        #expect(!survey.gaps.rows.contains { $0.theme == ClassifiedItem.unclassified })
        let trends = try #require(survey.trends)
        #expect(trends.rows.map(\.year) == [2021, 2022])
        #expect(trends.rows[0].total == 3)
        #expect(trends.rows[1].documents == 3)
    }

    /// A partnership none of whose items the themes count lacks no theme in particular: counting
    /// strengths only, A and C (no strength at all) are in no gap and no sub-theme's base (a
    /// researcher's audit: "64% (n=27) of 42 have no purpose strength" were the 27 with none).
    @Test func gapsAreOfThePartnershipsWithAnItemCounted() throws {
        let strengths = Survey(profiles: fixtureProfiles, items: fixtureItems, lexicon: Self.lexicon,
                               options: Survey.Options(themeKinds: [.strength], themeOrder: ["purpose", "process", "leadership"]))
        let purpose = try #require(strengths.gaps.rows.first { $0.theme == "purpose" })
        #expect(purpose.proportion == Proportion(0, of: 1) && purpose.partnerships.isEmpty)
        #expect(strengths.gaps.rows.first { $0.theme == "process" }?.partnerships == ["B"])
        #expect(strengths.subthemes.rows.first?.partnerships == Proportion(1, of: 1))
        // The table of themes still shows every partnership with documents, A and C with none.
        #expect(strengths.themes.rows.count >= 3)
    }

    /// Where five documents hold two fifths of the counted items, the notes name them: the shares
    /// of all partnerships speak most of them. Items spread evenly draw no such note.
    @Test func fewDocumentsHoldingMuchOfTheItemsAreNamed() throws {
        func survey(heavy: Int) -> Survey {
            let files = (1...20).map { "d\($0).txt" }
            let documents = files.map { DocumentSummary(file: $0, partnership: "P\($0)") }
            let profiles = documents.map { profile($0.partnership!, [:], documents: [$0]) }
            var number = 0
            let items = files.enumerated().flatMap { index, file in
                (0..<(index < 5 ? heavy : 2)).map { _ -> ClassifiedItem in
                    number += 1
                    return item("P\(file)", file, .recommendation, "purpose", "learning", number)
                }
            }
            return Survey(profiles: profiles, items: items, lexicon: Self.lexicon)
        }
        let heavy = survey(heavy: 10)
        #expect(heavy.heaviestDocuments?.documents.first == HeaviestDocuments.Document(document: "d1.txt", items: 10))
        #expect(heavy.heaviestDocuments?.items == Proportion(50, of: 80) && heavy.heaviestDocuments?.of == 20)
        // In the report's notes, in report.yml's words.
        let weighed = try ReportTests.wording().notes(of: heavy).filter { $0.contains("documents with items counted hold") }
        #expect(weighed.count == 1 && weighed[0].hasPrefix("5 of the 20 documents with items counted hold 50 of the 80 items"), "\(weighed)")
        #expect(weighed.first?.contains("d1.txt (10)") == true)
        #expect(survey(heavy: 2).heaviestDocuments == nil)
    }

    @Test func trendsNeedMoreThanOneYear() {
        let items = [item("A", "a1.txt", .recommendation, "purpose", "learning", 1)]
        #expect(YearTrends(items: items, documents: [DocumentSummary(file: "a1.txt", date: "2022-01")], themes: ["purpose"]) == nil)
    }

    @Test func theHTMLReportEscapesTextAndDrawsEveryFigure() throws {
        var survey = fixture
        survey.documents[0].title = "<script>alert(1)</script> & more"
        let html = HTMLReport.render(survey, settings: ReportSettings(wording: try ReportTests.wording(), title: "Test & report"))
        #expect(html.contains("<title>Test &amp; report</title>"))
        #expect(!html.contains("<script>alert"), "the page's own script only")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 8, "who, scrutineer counts, how, what, Working Together 2023 arrangements, themes, sub-themes, trends")
        #expect(html.contains("67% (n=2) of 3"))
    }

    @Test func barChartsScaleBarsAndLinkTheirFigures() {
        let svg = SVGBarChart.bars([
            .init(label: "Half", fraction: 0.5, value: "50% (n=1) of 2", link: "#half"),
            .init(label: "A label long enough that it has to be wrapped onto a second line of the chart", fraction: 1, value: "100%"),
        ], axis: .percent(title: "Share"), description: "Test chart")
        #expect(svg.contains("<title>Test chart</title>"))
        #expect(svg.contains("width=\"200\" height=\"18\""), "half of the 400-unit track")
        #expect(svg.contains("<a href=\"#half\">"))
        #expect(svg.components(separatedBy: "<tspan x=").count - 1 == 3, "one line for the first label, two for the second")
    }

    /// The report shows the ten sub-themes with most items; the CSV and the JSON hold every one,
    /// so that R or pandas sees every cell (session 28's user audit: subthemes.csv stopped at ten).
    @Test func everySubthemeIsInTheTableAndTheReportShowsTheFirstTen() {
        let items = (0..<12).flatMap { index in
            (0...index).map { copy in
                ClassifiedItem(recommendation: Recommendation(id: "x-\(index)-\(copy)", document: "d", partnership: "P\(copy)", kind: .recommendation,
                                                              text: "Item \(index) \(copy).", section: "", cue: "", locations: []),
                               theme: "purpose", subtheme: "s\(index)")
            }
        }
        let table = SubthemeTable(items: items, partnerships: 12, limit: 10)
        #expect(table.rows.count == 12)
        #expect(table.shown.count == 10)
        #expect(table.shown.first?.subtheme == "purpose.s11")
        #expect(table.rows.last?.subtheme == "purpose.s0")
    }
}
