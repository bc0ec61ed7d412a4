import Foundation
import Testing
@testable import ScrutinyKit

/// The learned layer: fitted by `LayerLearner` to hand coding, added to the scheme's own scores.
@Suite struct LearnedLayerTests {
    let scheme = try! LexiconFile.parse("""
        _settings:
          threshold: 0.1
        purpose:
          safeguarded: [children, plans]
          challenge: [audit*]
        leadership:
          active-leadership: [leaders]
          resourcing: [budget]
        """, name: "mini")

    /// Items whose lexicon scores say purpose (they mention children) but that the hand coding
    /// calls leadership › resourcing whenever "caseloads" or "recruitment" stands in them.
    func examples() -> [LayerLearner.Example] {
        var result: [LayerLearner.Example] = []
        let fillers = ["visits", "timely", "records", "families", "meetings", "reviews", "staff", "teams"]
        for index in 0..<48 {
            let workforce = index % 3 == 0
            let word = workforce ? (index % 2 == 0 ? "caseloads" : "recruitment") : "assessments"
            let text = "For children, \(word) are \(fillers[index % fillers.count]) and \(fillers[(index + 3) % fillers.count])."
            result.append(LayerLearner.Example(
                text: text, document: "doc\(index % 8)", theme: workforce ? "leadership" : "purpose",
                subtheme: workforce ? "resourcing" : "safeguarded", base: ["purpose": 0.5, "purpose.safeguarded": 0.5],
                documentType: "inspection-letter"))
        }
        return result
    }

    @Test func theLayerLearnsWhatTheLexiconMissesAndCrossValidationShowsIt() throws {
        let learner = LayerLearner(scheme: scheme)
        let layer = learner.fit(examples())
        let resourcing = try #require(layer.allCategories.first { $0.path == "leadership.resourcing" })
        let caseloads = try #require(resourcing.terms.first { $0.pattern == "caseloads" })
        #expect(caseloads.weight > 0.5)
        // Words in every item carry at most the base rate (the model has no other intercept), less
        // than the word that tells the theme.
        let common = resourcing.terms.filter { ["for", "children", "are", "and"].contains($0.pattern) }
        #expect(common.allSatisfy { $0.weight < caseloads.weight })
        // Every category is the scheme's.
        let paths = Set(scheme.allCategories.map(\.path))
        #expect(layer.allCategories.allSatisfy { paths.contains($0.path) })
        let validation = learner.validate(examples())
        #expect(validation.documents == 8)
        #expect(validation.before.themeAccuracy < 0.7)
        #expect(validation.after.themeAccuracy > 0.95)
        #expect(validation.after.subthemeAccuracy > validation.before.subthemeAccuracy)
    }

    @Test func theClassifierAddsTheLayerForItsDocumentTypesAndSaysSo() throws {
        let layer = try LexiconFile.parse("leadership:\n  resourcing:\n    - caseloads: 2\n", name: "mini-learned")
        var withLayer = ThemeScheme(lexicon: scheme, learned: layer)
        withLayer.learnedDocumentTypes = ["inspection-letter"]
        let classifier = Classifier(scheme: withLayer)
        func item(_ type: String?) -> Recommendation {
            Recommendation(id: "x", document: "d", documentType: type, kind: .areaForImprovement,
                           text: "Caseloads for children are too high.", section: "", cue: "", locations: [])
        }
        let letter = classifier.classify(item("inspection-letter"))
        #expect(letter.theme == "leadership")
        #expect(letter.subtheme == "resourcing")
        let learned = try #require(letter.matches.first { $0.source == .learned })
        #expect(learned.term == "caseloads")
        #expect(learned.matched == "Caseloads")
        #expect(learned.weight == 2)
        // Another kind of document, or a line on its own, is coded by the lexicon alone.
        #expect(classifier.classify(item("scrutiny-report")).theme == "purpose")
        #expect(classifier.classify(item(nil)).theme == "purpose")
        #expect(Classifier(scheme: ThemeScheme(lexicon: scheme)).classify(item("inspection-letter")).theme == "purpose")
    }

    /// A layer of plain words, as `lexicon learn` writes it, is read among the words the scheme's
    /// matcher scans, and each word found is recorded once for all its categories; any other layer
    /// is matched as a lexicon of its own. On the shipped wt2018 layer and every item of the corpus
    /// (as items of inspection reports, so that the layer applies), with and without letters beyond
    /// ASCII, both ways give the same themes and explained matches, in the same order, and the
    /// same scores (to their last shown digit: the sums are added in another order).
    @Test func learnedWordsGiveWhatMatchingTheLayerAsALexiconGives() throws {
        let directory = LexiconDirectory(url: Paths.root.appendingPathComponent("lexicons"))
        let scheme = try directory.scheme("wt2018")
        let layer = try #require(scheme.learned)
        // The same layer with an exclusion that no text holds: matched as a lexicon of its own.
        var matchedScheme = scheme
        matchedScheme.learned!.categories[0].exclusions.append(LexiconTerm(pattern: "qqzxv"))
        func canReadAsWords(_ layer: Lexicon) -> Bool {
            let all = layer.allCategories
            var offsets: [Int] = []
            var terms = 0
            for category in all {
                offsets.append(terms)
                terms += category.terms.count
            }
            return LearnedWords(layer: layer, categoryIndex: all.indices.map { $0 }, termOffset: offsets,
                                ancestors: all.indices.map { [$0] }) != nil
        }
        #expect(canReadAsWords(layer))
        #expect(!canReadAsWords(matchedScheme.learned!))
        let finder = RecommendationFinder(rules: try directory.itemRules())
        var items: [Recommendation] = []
        for path in Paths.corpusDocuments() { items += finder.recommendations(in: try DocumentReader().read(path: path)) }
        try #require(items.count > 150)
        for index in items.indices { items[index].documentType = "inspection-report" }
        // The same items with a letter beyond ASCII before and inside them: offsets in scalars.
        let accented = items.map { item in
            var copy = item
            copy.text = "Naïve “résumé”: " + item.text.replacingOccurrences(of: "children", with: "chïldren")
            return copy
        }
        let fast = Classifier(scheme: scheme).classify(items + accented)
        let matched = Classifier(scheme: matchedScheme).classify(items + accented)
        #expect(fast.count == matched.count)
        func near(_ a: CategoryScores, _ b: CategoryScores) -> Bool {
            let paths = Set(a.entries.map(\.path) + b.entries.map(\.path))
            return paths.allSatisfy { abs((a[$0] ?? 0) - (b[$0] ?? 0)) <= 0.0011 }
        }
        func near(_ a: [ClassifiedItem.ThemeScore], _ b: [ClassifiedItem.ThemeScore]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { $0.theme == $1.theme && $0.subtheme == $1.subtheme && abs($0.score - $1.score) <= 0.0011 }
        }
        var differing: [String] = []
        for (a, b) in zip(fast, matched) {
            if a.theme != b.theme || a.subtheme != b.subtheme || !near(a.secondary, b.secondary) || !near(a.scores, b.scores)
                || a.matches != b.matches {
                differing.append(a.recommendation.text)
            }
        }
        let differingCount = differing.count
        #expect(differingCount == 0, "e.g. \(differing.first ?? "")")
        // The layer did weigh in: learned matches, several for some words (one per category).
        let learned = fast.flatMap { $0.matches.filter { $0.source == .learned } }
        #expect(learned.count > items.count)
        #expect(Set(learned.map(\.category)).count > 10)
    }

    /// A scheme whose theme is its best sub-theme's (`theme_by_best_subtheme: 1`, as wt2023's): the
    /// learner decides as the classifier does, so its figure for the scheme alone is the
    /// classifier's, and it fits weights for that rule. Here "staff" makes leadership's one
    /// sub-theme the best although practice's three sub-themes add up to more.
    @Test func theLearnerDecidesAsTheClassifierDoesWhenTheBestSubthemeChoosesTheTheme() throws {
        let bySubtheme = try LexiconFile.parse("""
            _settings:
              threshold: 0.1
              theme_by_best_subtheme: 1
              position_emphasis: 0
            practice:
              visits: [visits]
              plans: [plans]
              reviews: [reviews]
            leadership:
              workforce:
                - staff: 1.5
            """, name: "mini2023")
        let classifier = Classifier(scheme: ThemeScheme(lexicon: bySubtheme))
        let fillers = ["timely", "thorough", "careful", "regular", "recent", "clear"]
        // (text, hand-coded theme, sub-theme): the lexicon codes the first two kinds right by the
        // best sub-theme (by theme totals, the first would be practice); the third it codes practice.
        var coded: [(String, String, String)] = []
        for index in 0..<48 {
            let filler = fillers[index % fillers.count]
            switch index % 3 {
            case 0: coded.append(("Visits, plans and reviews of staff are \(filler).", "leadership", "workforce"))
            case 1: coded.append(("Visits and plans are \(filler).", "practice", "visits"))
            default: coded.append(("Visits and plans show that recruitment is \(filler).", "leadership", "workforce"))
            }
        }
        let examples = coded.enumerated().map { index, item in
            let recommendation = Recommendation(id: "x\(index)", document: "doc\(index % 8)", documentType: "inspection-letter",
                                                kind: .areaForImprovement, text: item.0, section: "", cue: "", locations: [])
            let scores = classifier.classify(recommendation).scores.entries.map { ($0.path, $0.score) }
            return (classifier.classify(recommendation).theme,
                    LayerLearner.Example(text: item.0, document: "doc\(index % 8)", theme: item.1, subtheme: item.2,
                                         base: Dictionary(scores) { first, _ in first }, documentType: "inspection-letter"))
        }
        let classifierAccuracy = Double(examples.filter { $0.0 == $0.1.theme }.count) / Double(examples.count)
        #expect(abs(classifierAccuracy - 2.0 / 3) < 1e-9)
        let learner = LayerLearner(scheme: bySubtheme)
        #expect(learner.themeByBestSubtheme)
        #expect(!LayerLearner(scheme: scheme).themeByBestSubtheme)
        let validation = learner.validate(examples.map(\.1))
        #expect(abs(validation.before.themeAccuracy - classifierAccuracy) < 1e-9)
        // The layer learns "recruitment" for leadership › workforce, enough to beat the best practice sub-theme.
        #expect(validation.after.themeAccuracy > 0.95)
        let layer = learner.fit(examples.map(\.1))
        let workforce = try #require(layer.allCategories.first { $0.path == "leadership.workforce" })
        let recruitment = try #require(workforce.terms.first { $0.pattern == "recruitment" })
        let withLayer = Classifier(scheme: ThemeScheme(lexicon: bySubtheme, learned: layer))
        let item = Recommendation(id: "y", document: "new", documentType: "inspection-letter", kind: .areaForImprovement,
                                  text: "Visits and plans show that recruitment is slow.", section: "", cue: "", locations: [])
        #expect(classifier.classify(item).theme == "practice")
        #expect(withLayer.classify(item).theme == "leadership", "recruitment weighs \(recruitment.weight)")
    }

    @Test func aLayerBesideASchemeFileIsReadWithItAndMustUseItsCategories() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mini.yml").path
        try LexiconFile.render(scheme).write(toFile: file, atomically: true, encoding: .utf8)
        let layerFile = ThemeScheme.layerPath(of: file)
        #expect(layerFile.hasSuffix("mini.learned.yml"))
        let directory = LexiconDirectory(url: folder)
        #expect(try ThemeScheme.load(file, from: directory).learned == nil)
        try "_document_types: [inspection-report]\nleadership:\n  resourcing:\n    - caseloads: 1.5\n".write(toFile: layerFile, atomically: true, encoding: .utf8)
        let loaded = try ThemeScheme.load(file, from: directory)
        #expect(loaded.learned?.allCategories.flatMap(\.terms).map(\.pattern) == ["caseloads"])
        #expect(loaded.learnedDocumentTypes == ["inspection-report"])
        try "leadership:\n  workforce:\n    - caseloads: 1.5\n".write(toFile: layerFile, atomically: true, encoding: .utf8)
        #expect(throws: LexiconError.self) { try ThemeScheme.load(file, from: directory) }
    }
}
