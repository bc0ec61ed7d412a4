/// The value axis of a bar chart: its title and ticks. Every tick gets a gridline and a label, so a
/// reader can place a bar between its ends.
public struct ChartAxis: Hashable, Sendable {
    public var title: String
    /// Tick labels, evenly spaced from the start of the track to its end.
    public var ticks: [String]
    /// The value at the end of the track: bars are drawn as value / maximum.
    public var maximum: Double

    public init(title: String, ticks: [String], maximum: Double) {
        self.title = title
        self.ticks = ticks
        self.maximum = maximum
    }

    /// 0, 25, 50, 75 and 100% of a track whose values are fractions (0 to 1).
    public static func percent(title: String) -> ChartAxis {
        ChartAxis(title: title, ticks: stride(from: 0, through: 100, by: 25).map { "\($0)%" }, maximum: 1)
    }

    /// Counts up to at least `most`, in round steps (1, 2, 5, 10, 20, 25, 50, …) of at most five intervals.
    public static func count(upTo most: Int, title: String) -> ChartAxis {
        let step = roundSteps.first { (max(1, most) + $0 - 1) / $0 <= 5 } ?? max(1, most)
        let intervals = max(1, (max(1, most) + step - 1) / step)
        return ChartAxis(title: title, ticks: (0...intervals).map { String($0 * step) }, maximum: Double(intervals * step))
    }

    /// A value's share of the track, 0 to 1.
    public func fraction(_ value: Double) -> Double { maximum > 0 ? min(1, max(0, value / maximum)) : 0 }
}

private extension ChartAxis {
    static let roundSteps: [Int] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000, 100000]
}
