import ArgumentParser
import Foundation
import ScrutinyKit

/// Every stage after reading, shared by `survey` and `analyse`: profiles, items, themes, tables.
struct SurveyRun {
    var profiles: [PartnershipProfile]
    var items: [ClassifiedItem]
    var survey: Survey
    var lexicon: ArrangementLexicon

    /// - Parameter notes: remarks for the report (versions skipped).
    init(documents: [Document], lexicons: LexiconOptions, scheme: String, kinds: [Recommendation.Kind], notes: [String]) throws {
        lexicon = try lexicons.arrangementLexicon()
        let finder = try lexicons.finder()
        let classifier = try lexicons.classifier(scheme: scheme)
        profiles = ArrangementProfiler(lexicon: lexicon).profiles(of: documents)
        let placed = documents.filter { $0.metadata.partnership != nil }
        // Procedural decisions are not coded to a theme; they still count among the kinds of item.
        items = placed.flatMap(finder.recommendations(in:)).map { item in
            item.kind == .procedural ? ClassifiedItem(recommendation: item, theme: ClassifiedItem.unclassified, subtheme: nil)
                : classifier.classify(item)
        }
        let options = Survey.Options(themeKinds: kinds, themeOrder: classifier.scheme.lexicon.categories.map(\.name))
        survey = Survey(profiles: profiles, items: items, lexicon: lexicon, options: options, notes: notes)
    }
}

/// The kinds of item the theme tables count, as `--kinds` gives them.
struct ThemeKindsOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Kinds of item the theme tables count (comma-separated): recommendation, area_for_improvement, strength.",
        valueName: "kinds"))
    var kinds: String = "recommendation,area_for_improvement"

    @Option(help: ArgumentHelp("Scheme the items are coded against: wt2018, six-steps, topics, or a lexicon file.", valueName: "scheme"))
    var scheme: String = "wt2018"

    func validate() throws {
        for kind in kinds.split(separator: ",") {
            guard let parsed = Recommendation.Kind(rawValue: String(kind)), parsed != .procedural else {
                throw ValidationError("--kinds: '\(kind)' cannot be counted by theme; use recommendation, area_for_improvement or strength")
            }
        }
    }

    var parsed: [Recommendation.Kind] { kinds.split(separator: ",").compactMap { Recommendation.Kind(rawValue: String($0)) } }
}

/// Writes `contents` to `name` in `directory`, creating the folder; says what to do when it cannot.
func write(_ contents: String, to name: String, in directory: String) throws {
    let folder = URL(fileURLWithPath: directory)
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try contents.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    } catch {
        throw ValidationError("--output: cannot write \(folder.appendingPathComponent(name).path): \(error.localizedDescription); "
            + "choose a folder you can write to")
    }
}
