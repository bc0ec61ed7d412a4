import Foundation

/// Horizontal bar charts as inline SVG, in the manner of the national survey's figures: a label,
/// a bar, and the figure written out ("67% (n=67) of 100"). Every value can link to the anchor
/// that lists its evidence. Sizes are in SVG units; the chart scales to its container.
public enum SVGBarChart {
    public struct Bar: Hashable, Sendable {
        public var label: String
        /// The bar's length as a share of the track, 0 to 1.
        public var fraction: Double
        /// The figure written after the bar.
        public var value: String
        /// A muted remark after the figure ("3 silent").
        public var note: String? = nil
        /// Where the figure links to ("#ind-who.lay_members").
        public var link: String? = nil
        /// The bar's colour; the chart's own when nil.
        public var colour: String? = nil
    }

    /// One row of a stacked chart: segments that share the row's track (row percentages).
    public struct StackedRow: Hashable, Sendable {
        public var label: String
        /// One per series, as shares of the row, summing to at most 1.
        public var fractions: [Double]
        /// Written in each segment wide enough to hold it ("42%").
        public var texts: [String]
        public var links: [String?]
        /// Written after the bar ("12 items").
        public var total: String
        public var totalLink: String?

        public init(label: String, fractions: [Double], texts: [String], links: [String?], total: String, totalLink: String? = nil) {
            self.label = label
            self.fractions = fractions
            self.texts = texts
            self.links = links
            self.total = total
            self.totalLink = totalLink
        }
    }

    /// Colour-blind-safe colours for the series of a stacked chart; the last series named
    /// "unclassified" is drawn grey.
    public static let palette = ["#1b6ca8", "#e08214", "#5aa02c", "#a6448f", "#17a2a6", "#b8892b", "#6f5fc0"]
    public static let neutral = "#a7adb3"
    public static let barColour = "#1b6ca8"

    /// A bar per value, on a value axis with ticks, gridlines and a title.
    /// - Parameter standalone: a file of its own (an XML declaration, its own style, no links), not
    ///   an inline figure of the HTML page.
    /// - Parameter legend: the series the bars' colours stand for (the themes of the sub-themes'
    ///   bars), shown above them as a stacked chart's are; none by default.
    public static func bars(_ bars: [Bar], axis: ChartAxis, description: String, standalone: Bool = false, legend series: [String] = []) -> String {
        var layout = series.isEmpty ? Layout(standalone: standalone) : Layout(standalone: standalone, rowsTop: 40)
        var tracks = ""
        var marks = series.isEmpty ? "" : legend(series)
        for bar in bars {
            let lines = Layout.wrap(bar.label, width: Layout.labelCharacters)
            // A note that would run past the chart's right edge goes under its value.
            let noteBelow = bar.note.map { !Layout.fitsAfterTrack(value: bar.value, note: $0) } ?? false
            let height = layout.rowHeight(lines: max(lines.count, noteBelow ? 2 : 1))
            let middle = layout.y + height / 2
            marks += layout.label(lines, middle: middle)
            tracks += rect(x: Layout.trackX, y: middle - 9, width: Layout.trackWidth, height: 18, fill: trackColour)
            marks += rect(x: Layout.trackX, y: middle - 9, width: Layout.trackWidth * min(1, max(0, bar.fraction)), height: 18,
                          fill: bar.colour ?? barColour)
            var value = "<tspan class=\"value\">\(escape(bar.value))</tspan>"
            if let note = bar.note {
                // On a line of its own the note needs no separator ("· 38 of 41 partnerships").
                let below = note.hasPrefix("· ") ? String(note.dropFirst(2)) : note
                value += noteBelow ? "<tspan class=\"note\" x=\"\(Layout.valueX)\" dy=\"17\">\(escape(below))</tspan>"
                    : "<tspan class=\"note\" dx=\"8\">\(escape(note))</tspan>"
            }
            let baseline = noteBelow ? middle - 3.5 : middle + 5
            marks += layout.linked("<text x=\"\(Layout.valueX)\" y=\"\(format(baseline))\">\(value)</text>", bar.link)
            layout.y += height
        }
        return layout.chart(tracks: tracks, marks: marks, axis: axis, description: description)
    }

    /// Rows of 100% stacked bars, one segment per series, with a legend above.
    /// - Parameter neutral: series drawn in the neutral grey (the partnerships that are silent).
    public static func stacked(_ rows: [StackedRow], series: [String], axis: ChartAxis, description: String,
                               standalone: Bool = false, neutral neutralSeries: Set<String> = []) -> String {
        var layout = Layout(standalone: standalone, rowsTop: 40)
        var tracks = ""
        let fill = { (index: Int) in
            series.indices.contains(index) && neutralSeries.contains(series[index]) ? Self.neutral : Self.colour(index, series: series)
        }
        var marks = legend(series, colour: fill)
        for row in rows {
            let lines = Layout.wrap(row.label, width: Layout.labelCharacters)
            let height = layout.rowHeight(lines: lines.count)
            let middle = layout.y + height / 2
            marks += layout.label(lines, middle: middle)
            tracks += rect(x: Layout.trackX, y: middle - 10, width: Layout.trackWidth, height: 20, fill: trackColour)
            var x = Layout.trackX
            for (index, fraction) in row.fractions.enumerated() where fraction > 0 {
                let width = Layout.trackWidth * fraction
                var segment = rect(x: x, y: middle - 10, width: width, height: 20, fill: fill(index))
                if width >= 34, index < row.texts.count {
                    segment += "<text class=\"inbar\" x=\"\(format(x + width / 2))\" y=\"\(format(middle + 4.5))\" "
                        + "text-anchor=\"middle\">\(escape(row.texts[index]))</text>"
                }
                marks += layout.linked(segment, index < row.links.count ? row.links[index] : nil)
                x += width
            }
            marks += layout.linked("<text class=\"value\" x=\"\(Layout.valueX)\" y=\"\(format(middle + 5))\">\(escape(row.total))</text>",
                                   row.totalLink)
            layout.y += height
        }
        return layout.chart(tracks: tracks, marks: marks, axis: axis, description: description)
    }

    public static func colour(_ index: Int, series: [String]) -> String {
        series.indices.contains(index) && series[index] == "unclassified" ? neutral : palette[index % palette.count]
    }

    /// The charts' own style, scoped to `svg.chart`: inside the HTML page and in a chart's own file.
    public static let style = """
        svg.chart text{font-family:"Helvetica Neue",Arial,"Liberation Sans",sans-serif;fill:#1d2327}
        svg.chart .label{font-size:16px}svg.chart .value{font-size:16px;font-weight:600}
        svg.chart .note{font-size:14px;fill:#5b6770;font-weight:400}svg.chart .legend{font-size:15px}
        svg.chart .tick{font-size:13px;fill:#5b6770}svg.chart .axis-title{font-size:14px;fill:#3c464d}
        svg.chart .grid{stroke:#c9d0d6;stroke-width:1}svg.chart .axis-line{stroke:#6b757d;stroke-width:1}
        svg.chart .inbar{font-size:13px;fill:#fff;font-weight:600}svg.chart a .value{fill:#14568f}
        """
}

private extension SVGBarChart {
    static let trackColour = "#eef1f4"

    /// Where things go: labels right-aligned to the left of the track, figures after it, the value
    /// axis under the bars.
    struct Layout {
        /// The drawing's width in user units (it scales to the page).
        static let width = 1000.0
        /// Where labels end, right-aligned.
        static let labelRight = 330.0
        /// Where the track of a bar begins, and how wide the track is (the whole of the scale).
        static let trackX = 342.0
        static let trackWidth = 400.0
        /// Where the figure after a bar begins.
        static let valueX = 754.0
        /// Labels wrap at this many characters a line.
        static let labelCharacters = 40
        let standalone: Bool
        /// Where the rows begin: under the legend of a stacked chart.
        let rowsTop: Double
        var y: Double

        init(standalone: Bool, rowsTop: Double = 10) {
            self.standalone = standalone
            self.rowsTop = rowsTop
            y = rowsTop
        }

        func rowHeight(lines: Int) -> Double { lines > 1 ? 46 : 30 }

        /// Whether a bar's value (16px bold) and note (14px) fit on one line between the value's
        /// start and the chart's right edge, at the widths of an average character of each.
        static func fitsAfterTrack(value: String, note: String) -> Bool {
            valueX + Double(value.count) * 9.4 + 8 + Double(note.count) * 7.4 <= width - 6
        }

        func label(_ lines: [String], middle: Double) -> String {
            let first = middle + 5 - Double(lines.count - 1) * 8.5
            let spans = lines.enumerated().map { index, line in
                "<tspan x=\"\(format(Self.labelRight))\" y=\"\(format(first + Double(index) * 17))\">\(escape(line))</tspan>"
            }.joined()
            return "<text class=\"label\" text-anchor=\"end\">\(spans)</text>"
        }

        /// A link around `content`, except in a chart's own file, where the page's anchors do not exist.
        func linked(_ content: String, _ link: String?) -> String {
            guard let link, !standalone else { return content }
            return "<a href=\"\(escape(link))\">\(content)</a>"
        }

        /// The whole chart: track backgrounds, gridlines, bars and labels, then the axis below them.
        func chart(tracks: String, marks: String, axis: ChartAxis, description: String) -> String {
            let axisY = y + 6
            return svg(tracks + gridlines(axis, to: axisY) + marks + valueAxis(axis, at: axisY), height: axisY + 52,
                       description: description)
        }

        /// A line from the top of the rows to the axis at every tick.
        func gridlines(_ axis: ChartAxis, to axisY: Double) -> String {
            tickPositions(axis).map { x in
                "<line class=\"grid\" x1=\"\(format(x))\" x2=\"\(format(x))\" y1=\"\(format(rowsTop - 4))\" y2=\"\(format(axisY))\"/>"
            }.joined()
        }

        /// The axis line under the track, a tick mark and label at every tick, and the axis title.
        func valueAxis(_ axis: ChartAxis, at axisY: Double) -> String {
            var output = "<line class=\"axis-line\" x1=\"\(format(Self.trackX))\" x2=\"\(format(Self.trackX + Self.trackWidth))\" "
                + "y1=\"\(format(axisY))\" y2=\"\(format(axisY))\"/>"
            for (x, tick) in zip(tickPositions(axis), axis.ticks) {
                output += "<line class=\"axis-line\" x1=\"\(format(x))\" x2=\"\(format(x))\" y1=\"\(format(axisY))\" y2=\"\(format(axisY + 5))\"/>"
                    + "<text class=\"tick\" x=\"\(format(x))\" y=\"\(format(axisY + 20))\" text-anchor=\"middle\">\(escape(tick))</text>"
            }
            return output + "<text class=\"axis-title\" x=\"\(format(Self.trackX + Self.trackWidth / 2))\" y=\"\(format(axisY + 42))\" "
                + "text-anchor=\"middle\">\(escape(axis.title))</text>"
        }

        func tickPositions(_ axis: ChartAxis) -> [Double] {
            axis.ticks.indices.map { Self.trackX + Self.trackWidth * Double($0) / Double(max(1, axis.ticks.count - 1)) }
        }

        /// The `<svg>` element: inline for the page, or a file of its own with its style and a white background.
        func svg(_ body: String, height: Double, description: String) -> String {
            let viewBox = "viewBox=\"0 0 \(format(Self.width)) \(format(height))\""
            let title = "role=\"img\" aria-label=\"\(escape(description))\"><title>\(escape(description))</title>"
            guard standalone else {
                return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" \(viewBox) \(title)\(body)</svg>"
            }
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
                + "width=\"\(format(Self.width))\" height=\"\(format(height))\" \(viewBox) \(title)"
                + "<style>\(SVGBarChart.style)</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\(body)</svg>\n"
        }

        /// Words packed into lines of at most `width` characters (two lines at most, the rest elided).
        static func wrap(_ text: String, width: Int) -> [String] {
            var lines: [String] = []
            var line = ""
            for word in text.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            if !line.isEmpty { lines.append(line) }
            if lines.count > 2 { lines = [lines[0], String(lines[1...].joined(separator: " ").prefix(width - 1)) + "…"] }
            return lines
        }
    }

    static func legend(_ series: [String], colour: ((Int) -> String)? = nil) -> String {
        // Over the track, or further left where the series would run past the drawing's edge (six
        // themes with `unclassified` in the figure of themes by era: the last was cut).
        let widths = series.map { 26 + Double($0.count) * 8.5 + 18 }
        var x = min(Layout.trackX, max(10, Layout.width - widths.reduce(0, +)))
        return series.enumerated().map { index, name in
            defer { x += widths[index] }
            return rect(x: x, y: 6, width: 16, height: 16, fill: colour?(index) ?? Self.colour(index, series: series))
                + "<text class=\"legend\" x=\"\(format(x + 22))\" y=\"19\">\(escape(name))</text>"
        }.joined()
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> String {
        "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(width))\" height=\"\(format(height))\" fill=\"\(fill)\"/>"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
