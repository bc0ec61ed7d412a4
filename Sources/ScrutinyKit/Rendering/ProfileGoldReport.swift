import Foundation

/// `scrutiny profile --gold`: indicator accuracy for the held-back partnerships and the rest.
public enum ProfileGoldReport {
    public static func text(_ gold: ProfileGold, profiles: [PartnershipProfile], lexicon: ArrangementLexicon, show: Int,
                            showHeldOut: Bool) -> String {
        // Only the groups the hand coding covers (who, how, what): an indicator group it never codes
        // (the 2023 arrangements) would add cells that agree by default.
        let ids = gold.indicators(of: lexicon)
        let (heldOut, rest) = gold.evaluate(profiles, indicators: ids)
        var output = "Profiles against \(gold.rows.count) coded values of \(gold.partnerships.count) partnerships "
            + "(every partnership × indicator cell of the \(ids.count) indicators of the coded groups; uncoded cells are not_stated)\n"
        for (name, evaluation) in [("held back", heldOut), ("rest", rest)] {
            let stated = evaluation.cells.filter { $0.expected.isStated }
            let statedRight = stated.filter(\.agrees).count
            let partnerships = Set(evaluation.cells.map(\.partnership)).count
            // "held back (25 partnerships): 0.931 (745 of 800 cells; 95% interval 0.905–0.953, by partnership); …"
            let interval = evaluation.accuracyInterval().map {
                String(format: "; 95%% interval %.3f–%.3f, by %@", $0.low, $0.high,
                       partnerships >= ProfileEvaluation.minimumPartnerships ? "partnership" : "cell")
            } ?? ""
            output += String(format: "%@ (%d partnerships): %.3f (%d of %d cells%@); coded values found %d of %d\n", name, partnerships,
                             evaluation.accuracy, evaluation.agreeing, evaluation.cells.count, interval, statedRight, stated.count)
            // The stated values apart, and what silence alone would score.
            let figures = evaluation.statedFigures()
            // "recall 0.735 (86 of the 117 the coding states; 95% interval 0.635–0.829)"
            func share(_ part: Int, _ whole: Int, of what: String, _ within: EvaluationIntervals.Interval?) -> String {
                guard whole > 0 else { return "– (none \(what))" }
                return String(format: "%.3f (%d of the %d %@", Double(part) / Double(whole), part, whole, what)
                    + (within.map { String(format: "; 95%% interval %.3f–%.3f)", $0.low, $0.high) } ?? ")")
            }
            output += "  stated values: recall \(share(figures.codedFound, figures.coded, of: "the coding states", figures.recall)), "
                + "precision \(share(figures.statedAgreeing, figures.stated, of: "the profiles state", figures.precision)); "
                + "answering not_stated everywhere would score " + String(format: "%.3f", figures.silentBaseline) + "\n"
        }
        let unread = gold.unread(profiles)
        if !unread.isEmpty {
            output += "not measured (\(unread.count) partnerships; none of the documents their rows name was read): "
                + "\(unread.joined(separator: ", "))\n"
        }
        var listed = rest.disagreements
        if showHeldOut { listed += heldOut.disagreements }
        // `--show 0`: no list, so no heading over an empty one.
        if !listed.isEmpty, show > 0 {
            output += "\nDisagreements (\(showHeldOut ? "all" : "rest"), first \(min(show, listed.count)) of \(listed.count)):\n"
            for cell in listed.prefix(show) {
                let found = profiles.first { $0.partnership == cell.partnership }?.indicators[cell.indicator]?.deciding.first?.text ?? ""
                output += "  \(cell.partnership)  \(cell.indicator)  found \(cell.found), coded \(cell.expected)"
                    + "  [coded: \(cell.evidence.prefix(60))] [found: \(found.prefix(80))]\n"
            }
        }
        return output
    }
}
