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
