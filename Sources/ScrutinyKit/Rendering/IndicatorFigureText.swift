/// How a reader sees an indicator's figure, wherever it is shown: a yes/no indicator in the
/// survey's form ("67% (n=6) of 8 · 2 of 10 silent"), with a caveat where N < 5; a count (how many scrutineers) as
/// a distribution ("one 83%, two 17% (of 6 stating a number)"), never as a rate.
public enum IndicatorFigureText {
    /// Below this N a percentage is flagged as too few to generalise from.
    public static let smallBase = 5

    public static func figure(_ row: IndicatorTable.Row, table: IndicatorTable, wording: ReportWording) -> String {
        let labels = wording.labels
        if row.kind == .count, let distribution = table.distributions.first(where: { $0.id == row.id }) {
            // The silent of a count are of its own base (those that employ scrutineers), as its N.
            let silent = row.silentPartnerships.isEmpty ? ""
                : " " + labels.silentOf.filled(["silent": String(row.silentPartnerships.count), "all": String(row.proportion.of)])
            return countText(distribution, wording: wording) + silent
        }
        let silent = row.silentPartnerships.isEmpty ? ""
            : " " + labels.silentOf.filled(["silent": String(row.silentPartnerships.count), "all": String(table.partnerships)])
        guard row.proportion.of > 0 else { return labels.notAddressed + silent }
        return row.proportion.surveyForm + caveat(row.proportion.of, wording: wording) + silent
    }

    /// " (N = 3: too few to generalise)" where 0 < N < 5, else "".
    public static func caveat(_ of: Int, wording: ReportWording) -> String {
        of > 0 && of < smallBase ? " " + wording.labels.smallBase.filled(["of": String(of)]) : ""
    }

    /// " (N < 5)" where 0 < N < 5, else "": the caveat short enough for a figure's bar labels.
    public static func shortCaveat(_ of: Int, wording: ReportWording) -> String {
        of > 0 && of < smallBase ? " " + wording.labels.smallBaseShort : ""
    }

    /// "one 83%, two 17% (of 6 stating a number)"; buckets nobody is in are left out.
    public static func countText(_ distribution: IndicatorTable.Distribution, wording: ReportWording) -> String {
        let stated = distribution.stated
        guard stated > 0 else { return wording.labels.notAddressed }
        let buckets = distribution.buckets.filter { $0.proportion.n > 0 }.map {
            wording.labels.distributionBucket.filled(["label": $0.label, "percent": $0.proportion.percentText])
        }.joined(separator: ", ")
        let small = stated < smallBase ? " " + (wording.labels.smallStated ?? "(too few to generalise)") : ""
        return wording.labels.distributionValue.filled(["buckets": buckets, "of": String(stated)]) + small
    }
}
