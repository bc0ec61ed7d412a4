/// The percentile bootstrap behind the evaluations' 95% intervals. Each unit (an item, a coded
/// cell) is a row of counts; rows are summed by cluster (a document, a partnership), clusters drawn
/// with replacement as many times as there are, and each figure computed from a sample's summed
/// counts. The 2.5th and 97.5th percentiles of a figure over the samples are its interval.
enum Bootstrap {
    /// The counts one unit or cluster adds.
    typealias Row = [Double]

    /// A figure of summed counts, and the interval the drawn one must at least take in, from the
    /// whole sample's counts (nil: none).
    struct Statistic {
        var value: @Sendable (Row) -> Double?
        var floor: (@Sendable (Row) -> EvaluationIntervals.Interval?)?

        /// `part` of `whole` (two columns), never narrower than its Wilson interval.
        static func share(_ part: Int, of whole: Int) -> Statistic {
            Statistic(value: { ratio($0[part], $0[whole]) }, floor: { wilson($0[part], of: $0[whole]) })
        }

        /// F1: `matched` twice over `found` and `gold` together, never narrower than the F1 of the
        /// precision's and the recall's Wilson bounds (F1 rises with both).
        static func f1(matched: Int, found: Int, gold: Int) -> Statistic {
            Statistic(value: { $0[found] == 0 || $0[gold] == 0 ? nil : 2 * $0[matched] / ($0[found] + $0[gold]) }, floor: { row in
                guard let precision = wilson(row[matched], of: row[found]), let recall = wilson(row[matched], of: row[gold]) else { return nil }
                func harmonic(_ a: Double, _ b: Double) -> Double { a + b == 0 ? 0 : 2 * a * b / (a + b) }
                return .init(low: harmonic(precision.low, recall.low), high: harmonic(precision.high, recall.high))
            })
        }

        static func computed(_ value: @escaping @Sendable (Row) -> Double?) -> Statistic { Statistic(value: value) }
    }

    /// Over rows that hold two sets of counts side by side (the first `split` columns, then the
    /// rest), each first statistic of the first set less the same of the second: the paired
    /// differences, with no floor (a difference has no Wilson interval).
    static func differences(_ first: [Statistic], _ second: [Statistic], split: Int) -> [Statistic] {
        zip(first, second).map { one, other in
            .computed { row in
                guard let a = one.value(Array(row[..<split])), let b = other.value(Array(row[split...])) else { return nil }
                return a - b
            }
        }
    }

    static func ratio(_ part: Double, _ whole: Double) -> Double? { whole == 0 ? nil : part / whole }

    /// The rows summed by cluster (`keys[i]` the cluster of `rows[i]`, `drawing` the clusters in
    /// the order drawn), or kept one a unit where `drawing` is empty.
    static func clusters(_ rows: [Row], by keys: [String], drawing: [String]) -> [Row] {
        guard !drawing.isEmpty, let width = rows.first?.count else { return rows }
        let index = Dictionary(uniqueKeysWithValues: drawing.enumerated().map { ($1, $0) })
        var sums = [Row](repeating: Row(repeating: 0, count: width), count: drawing.count)
        for (row, key) in zip(rows, keys) { add(row, to: &sums[index[key]!]) }
        return sums
    }

    static func total(_ rows: [Row], width: Int) -> Row {
        rows.reduce(into: Row(repeating: 0, count: width)) { add($1, to: &$0) }
    }

    /// Draws `resamples` samples of `clusters` with replacement and returns each statistic's
    /// interval: nil where no sample had anything to count for it. The interval is widened to take
    /// in the statistic's floor (a share's Wilson score interval of its whole count): where every
    /// unit of every cluster agrees, each sample does too and the drawn interval shrinks to a
    /// point ("1.000–1.000"), which 189 of 189 does not prove.
    static func intervals(of statistics: [Statistic], clusters: [Row], resamples: Int,
                          generator: inout SplitMix64) -> [EvaluationIntervals.Interval?] {
        guard let width = clusters.first?.count else { return statistics.map { _ in nil } }
        var values = [[Double]](repeating: [], count: statistics.count)
        var sum = Row(repeating: 0, count: width)
        for _ in 0..<resamples {
            for column in sum.indices { sum[column] = 0 }
            for _ in clusters.indices { add(clusters[generator.index(below: clusters.count)], to: &sum) }
            for (index, statistic) in statistics.enumerated() {
                if let value = statistic.value(sum), value.isFinite { values[index].append(value) }
            }
        }
        let totals = total(clusters, width: width)
        // A figure defined on the whole sample but not on some samples (a kappa whose sample holds
        // one theme) says in how many it was not, as those are left out of its interval.
        return zip(values, statistics).map { drawn, statistic in
            guard !drawn.isEmpty else { return nil }
            let sorted = drawn.sorted()
            var interval = EvaluationIntervals.Interval(low: quantile(sorted, 0.025), high: quantile(sorted, 0.975))
            if let floor = statistic.floor?(totals) {
                interval = .init(low: min(interval.low, floor.low), high: max(interval.high, floor.high))
            }
            if drawn.count < resamples, statistic.value(totals).map(\.isFinite) == true { interval.undefined = resamples - drawn.count }
            return interval
        }
    }

    /// The 95% Wilson score interval of `part` successes in `whole` trials.
    static func wilson(_ part: Double, of whole: Double) -> EvaluationIntervals.Interval? {
        guard whole > 0 else { return nil }
        let z = 1.959964, p = part / whole
        let centre = (p + z * z / (2 * whole)) / (1 + z * z / whole)
        let spread = z / (1 + z * z / whole) * (p * (1 - p) / whole + z * z / (4 * whole * whole)).squareRoot()
        return .init(low: max(0, centre - spread), high: min(1, centre + spread))
    }

    /// The `p` quantile of sorted values, interpolated between the two nearest (R's type 7).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * p
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }

    private static func add(_ row: Row, to sum: inout Row) {
        for column in row.indices { sum[column] += row[column] }
    }
}
