import Foundation
import Testing
@testable import ScrutinyKit

/// Two hand codings' agreement (`scrutiny agree`), checked against its definitions on small
/// hand-worked codings.
@Suite struct CoderAgreementTests {
    /// Cohen's textbook case: 50 items, 20 + 15 agreeing (0.70), one coder saying "yes" half the
    /// time and the other 60% (chance 0.5 · 0.6 + 0.5 · 0.4 = 0.50): kappa 0.40.
    @Test func kappaIsAgreementBeyondChance() throws {
        let first = Array(repeating: "yes", count: 25) + Array(repeating: "no", count: 25)
        let second = Array(repeating: "yes", count: 20) + Array(repeating: "no", count: 5) + Array(repeating: "yes", count: 10)
            + Array(repeating: "no", count: 15)
        let kappa = try #require(ThemeEvaluation.kappa(first, second))
        #expect(abs(kappa - 0.4) < 1e-12, "\(kappa)")
        #expect(ThemeEvaluation.kappa(["a", "a"], ["a", "a"]) == nil, "one label on both sides: undefined")
        // Krippendorff's alpha of the same: 100 values, 55 "yes"; 1 − 99 · 30 / (100² − 55² − 45²) = 0.40.
        let alpha = try #require(ThemeEvaluation.alpha(first, second))
        #expect(abs(alpha - 0.4) < 1e-12, "\(alpha)")
        #expect(ThemeEvaluation.alpha(["a"], ["a"]) == nil && ThemeEvaluation.alpha([], []) == nil)
        #expect(ThemeEvaluation.kappa([], []) == nil)
    }

    static func row(_ document: String, _ kind: Recommendation.Kind, _ theme: String, _ subtheme: String, _ text: String,
                    theme2: String? = nil, line: Int = 2) -> Annotation {
        Annotation(document: document, kind: kind, form: .narrative, theme: theme, subtheme: subtheme, theme2: theme2, text: text, line: line)
    }

    static let texts = [
        "Leaders have a clear understanding of the strengths and weaknesses of practice across the service.",
        "Caseloads are too high in the assessment teams, and staff turnover has slowed progress for children.",
        "Partners work well together at the front door, and information is shared promptly with schools.",
        "Return home interviews are not consistently offered to children who go missing from care.",
    ]

    /// The words of `texts[index]` within its first `characters` characters, as a coder keeps a prefix.
    static func prefix(_ index: Int, _ characters: Int) -> String {
        let cut = texts[index].prefix(characters + 1)
        return String(cut.count > characters ? cut[..<cut.lastIndex(of: " ")!] : cut)
    }

    /// Rows pair by their words (two prefixes of one item pair, the shorter a prefix of the
    /// longer); documents only one coding names are left out; kind, theme, sub-theme and the
    /// runner-up are compared over the pairs.
    @Test func rowsOfTheDocumentsBothNamePairAndAreCompared() throws {
        let first = GoldSet(annotations: [
            Self.row("a.pdf", .strength, "leadership", "active-leadership", Self.prefix(0, 80)),
            Self.row("a.pdf", .areaForImprovement, "leadership", "resourcing", Self.prefix(1, 80)),
            Self.row("a.pdf", .strength, "process", "relationships", Self.prefix(2, 80), theme2: "purpose"),
            Self.row("a.pdf", .areaForImprovement, "purpose", "safeguarded", Self.prefix(3, 80)),
            Self.row("only-first.pdf", .strength, "purpose", "safeguarded", "Anything at all in a document the second coder did not read."),
        ])
        let second = GoldSet(annotations: [
            // A shorter prefix of the same item; another sub-theme.
            Self.row("a.pdf", .strength, "leadership", "scrutiny-accountability", Self.prefix(0, 62)),
            Self.row("a.pdf", .areaForImprovement, "leadership", "resourcing", Self.prefix(1, 75)),
            // Another theme, the first coder's runner-up.
            Self.row("a.pdf", .strength, "purpose", "collaboration", Self.prefix(2, 70)),
            // Another kind.
            Self.row("a.pdf", .strength, "purpose", "safeguarded", Self.prefix(3, 80)),
            Self.row("a.pdf", .strength, "purpose", "safeguarded", "Children in care are visited regularly and their plans are reviewed on time."),
        ])
        let agreement = CoderAgreement(first: first, second: second, resamples: 0)
        #expect(agreement.documents == 1)
        #expect((agreement.first, agreement.second, agreement.paired) == (4, 5, 4))
        #expect(agreement.items == 8.0 / 9.0)
        #expect(agreement.onlySecond.map(\.text) == [second.annotations[4].text] && agreement.onlyFirst.isEmpty)
        // Kind: 3 of 4; chance (2/4 · 3/4 + 2/4 · 1/4) = 1/2, so kappa (3/4 − 1/2) / (1/2) = 1/2.
        #expect(agreement.kind.agreement == 0.75)
        #expect(abs((agreement.kind.kappa ?? 0) - 0.5) < 1e-12)
        // Alpha: 8 values (5 strength, 3 area for improvement), 1 differing: 1 − 7 · 2 / (64 − 25 − 9).
        #expect(abs((agreement.kind.alpha ?? 0) - (1 - 14.0 / 30.0)) < 1e-12)
        #expect(agreement.differences.map { [$0.label, $0.first, $0.second] } == [["kind", "area_for_improvement", "strength"]])
        // Theme: 3 of 4 (leadership, leadership, purpose agree; process → purpose differs).
        #expect(agreement.themes.items == 4 && agreement.themes.themeAccuracy == 0.75)
        // Sub-theme: resourcing and safeguarded agree: 2 of 4.
        #expect(agreement.themes.subthemeAccuracy == 0.5)
        #expect(agreement.themesWithRunnerUp == 1.0, "the differing theme is the first coder's runner-up")
        #expect(agreement.themes.confusion["process"]?["purpose"] == 1)
        #expect(agreement.intervals == nil, "no samples asked for")
        // The same two codings the other way round: the same agreement.
        let reversed = CoderAgreement(first: second, second: first, resamples: 0)
        #expect(reversed.paired == 4 && reversed.kind.kappa == agreement.kind.kappa && reversed.themes.themeAccuracy == 0.75)
        #expect(reversed.onlyFirst.count == 1)
    }

    /// How real teams' files differ is not disagreement (session 44's audit of `agree`): whole
    /// sentences beside prefixes pair whichever coding comes first, a prefix cut inside a word
    /// (a spreadsheet's LEFT) pairs, a document named by a path or a Windows path or another
    /// extension is the same document, "Purpose" is `purpose`, and a document one coder says
    /// holds no item is compared (the other's rows in it are only the other's).
    @Test func realTeamsFilesPairAsTheirCodersMeant() throws {
        let whole = GoldSet(annotations: Self.texts.enumerated().map { index, text in
            Self.row("reports/a.pdf", .strength, ["purpose", "leadership", "process", "purpose"][index], "x", text, line: index + 2)
        } + [Self.row("b.txt", .strength, "purpose", "x", "Something the second coder says is no item in this document at all.")])
        var cut = Self.texts.enumerated().map { index, text in
            Self.row(index == 1 ? "C:\\coding\\a.txt" : "a.txt", .strength, ["Purpose", "LEADERSHIP", " process ", "purpose"][index], "X",
                     String(text.prefix(index == 0 ? 63 : 70)), line: index + 2)
        }
        cut[3].text = Self.prefix(3, 64)
        #expect(!Self.texts[0].prefix(63).hasSuffix(" ") && !Self.texts[0].dropFirst(63).hasPrefix(" "), "cut inside a word")
        let second = GoldSet(annotations: cut, itemless: ["b.txt"])
        #expect(CoderAgreement(first: whole, second: second, resamples: 0).merged.isEmpty, "one document in two spellings is no merge")
        let twoFolders = GoldSet(annotations: [Self.row("2022/r.pdf", .strength, "purpose", "x", Self.texts[0]),
                                               Self.row("2023/r.pdf", .strength, "purpose", "x", Self.texts[1])])
        #expect(CoderAgreement(first: twoFolders, second: twoFolders, resamples: 0).merged == [["2022/r.pdf", "2023/r.pdf"]])
        for (one, other) in [(whole, second), (second, whole)] {
            let agreement = CoderAgreement(first: one, second: other, resamples: 0)
            #expect(agreement.documents == 2 && agreement.paired == 4, "\(agreement.paired) pairs of \(agreement.documents) documents")
            #expect(agreement.themes.themeAccuracy == 1 && agreement.themes.subthemeAccuracy == 1)
            #expect(agreement.onlyFirst.count + agreement.onlySecond.count == 1, "b.txt's row is one coder's only")
        }
    }

    /// Themes as a scheme spells them, whatever the spreadsheet did to them; a pair one coder left
    /// without a theme is counted apart, not in the theme figures.
    @Test func themesAreReadAsASchemeSpellsThem() {
        let spelled = CoderAgreement.spelled(Self.row("a.txt", .strength, " Purpose ", "INFORMATION SHARING", "x"))
        #expect(spelled.theme == "purpose" && spelled.subtheme == "information-sharing")
        #expect(CoderAgreement.spelled(Self.row("a.txt", .strength, "purpose", "early_identification", "x")).subtheme == "early-identification")
        // A no-break space a pasted cell brings (session 44's re-audit: agreement 0.000).
        #expect(CoderAgreement.spelled(Self.row("a.txt", .strength, "purpose\u{00A0}", "safeguarded\u{00A0}", "x")).theme == "purpose")
        var blank = Self.row("a.txt", .strength, "purpose", "x", Self.texts[0])
        blank.theme = nil
        let agreement = CoderAgreement(first: GoldSet(annotations: [Self.row("a.txt", .strength, "purpose", "x", Self.texts[0])]),
                                       second: GoldSet(annotations: [blank]), resamples: 0)
        #expect(agreement.paired == 1 && agreement.themes.items == 0 && agreement.themedByOne == 1)
    }

    /// A second coder who coded three of eight items has five misses listed, whether or not that
    /// coding is a sample (session 44's re-audit: they were hidden as "a sample").
    @Test func rowsOneCoderLeftAreListedEvenWhereTheOtherMayBeASample() {
        let rows = (0..<8).map { Self.row("a.txt", .strength, "purpose", "x", "Finding number \($0) about the practice of the service, at length enough to pair.", line: $0 + 2) }
        let agreement = CoderAgreement(first: GoldSet(annotations: rows), second: GoldSet(annotations: Array(rows.prefix(3))), resamples: 0)
        let text = AgreementText.render(agreement, names: ("a.csv", "b.csv"))
        #expect(agreement.onlyFirst.count == 5 && text.contains("Only in the first (5):") && text.contains("a.txt:9  strength  Finding number 7"), "\(text)")
        #expect(text.contains("(every row of the second pairs: where it codes a sample"))
    }

    /// The theme figures' intervals are drawn as `evaluate`'s are, around the figures themselves.
    @Test func theThemeFiguresComeWithIntervals() throws {
        var first: [Annotation] = [], second: [Annotation] = []
        for index in 0..<40 {
            let text = "Finding number \(index) about the practice of the service, written out at sufficient length to pair."
            let theme = ["purpose", "leadership", "process"][index % 3]
            first.append(Self.row("d\(index % 4).pdf", .strength, theme, "x", text))
            second.append(Self.row("d\(index % 4).pdf", .strength, index % 7 == 0 ? "purpose" : theme, "x", text))
        }
        let agreement = CoderAgreement(first: GoldSet(annotations: first), second: GoldSet(annotations: second), resamples: 200)
        let interval = try #require(agreement.intervals?.themeAccuracy)
        #expect(agreement.drawn == .item, "4 documents are too few to draw")
        #expect(interval.low <= agreement.themes.themeAccuracy && agreement.themes.themeAccuracy <= interval.high && interval.low < interval.high)
    }

    /// A second coding of themes alone (no sub-themes) leaves the sub-theme figure undefined, and
    /// says how many rows that is, as a theme in one coding only is (session 47's audit: sub-theme
    /// agreement 0.000, every row listed as a disagreement).
    @Test func aSubthemeInOneCodingOnlyIsLeftOut() {
        let first = (0..<6).map { Self.row("a.txt", .strength, $0 % 2 == 0 ? "purpose" : "leadership", "x", "Finding number \($0) about the practice of the service, at length enough to pair.", line: $0 + 2) }
        let second = first.enumerated().map { index, row in
            var row = row
            row.subtheme = index < 4 ? nil : row.subtheme
            return row
        }
        let agreement = CoderAgreement(first: GoldSet(annotations: first), second: GoldSet(annotations: second), resamples: 0)
        #expect(agreement.subthemedByOne == 4)
        #expect(agreement.themes.subthemeItems == 2 && agreement.themes.subthemeAccuracy == 1)
        #expect(agreement.themes.disagreements.isEmpty)
        #expect(AgreementText.render(agreement, names: ("a.csv", "b.csv")).contains("4 paired rows have a sub-theme in one coding only"))
    }

    /// The documents one coding alone names are named, with their rows, as they are left out.
    @Test func documentsOneCodingAloneNamesAreNamed() {
        let rows = (0..<3).map { Self.row($0 == 2 ? "b.txt" : "a.txt", .strength, "purpose", "x", "Finding number \($0) about the practice of the service, at length enough to pair.", line: $0 + 2) }
        let agreement = CoderAgreement(first: GoldSet(annotations: rows), second: GoldSet(annotations: Array(rows.prefix(2))), resamples: 0)
        #expect(agreement.onlyFirstNames == [.init(document: "b.txt", rows: 1)] && agreement.onlySecondNames.isEmpty)
        #expect(AgreementText.render(agreement, names: ("a.csv", "b.csv")).contains("Named by the first coding only, left out: b.txt (1 row)."))
    }
}
