import Foundation

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes, CRLF, a BOM).
public enum CSVReader {
    /// The rows of `text`, each a list of fields.
    public static func rows(_ text: String) -> [[String]] { parse(text).rows }

    /// The line (from 1) where a quoted field opens that is never closed, which swallows every
    /// line after it into one field; nil when every quote closes.
    public static func unclosedQuote(in text: String) -> Int? { parse(text).unclosedAt }

    /// The rows, and where an unclosed quote opened. A line ends at LF, CRLF or a lone CR.
    static func parse(_ text: String) -> (rows: [[String]], unclosedAt: Int?) {
        let parsed = parseWithLines(text)
        return (parsed.rows, parsed.unclosedAt)
    }

    /// The rows with the line (from 1) each begins on, and where an unclosed quote opened.
    static func parseWithLines(_ text: String) -> (rows: [[String]], lines: [Int], unclosedAt: Int?) {
        var line = 1
        var quoteLine = 1
        var rowLine = 1
        var rows: [[String]] = []
        var lines: [Int] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\n" || (scalar == "\r" && pending != "\n") { line += 1 }
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                quoted = true
                quoteLine = line
            case ",":
                row.append(field)
                field = ""
            case "\r" where pending == "\n": continue
            case "\n", "\r":
                line += 1
                row.append(field)
                rows.append(row)
                lines.append(rowLine)
                rowLine = line
                row = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
            lines.append(rowLine)
        }
        let kept = rows.indices.filter { !(rows[$0].count == 1 && rows[$0][0].isEmpty) }
        return (kept.map { rows[$0] }, kept.map { lines[$0] }, quoted ? quoteLine : nil)
    }

    /// ``records(_:)`` with each record's line in the file (from 1), and the header's names made
    /// plain by `name` (for example lower-cased).
    public static func records(_ text: String, names name: (String) -> String) -> (header: [String], records: [[String: String]], lines: [Int]) {
        let parsed = parseWithLines(text)
        guard let header = parsed.rows.first?.map({ name($0.trimmingCharacters(in: " ")) }) else { return ([], [], []) }
        let records = parsed.rows.dropFirst().map { fields in
            Dictionary(zip(header, fields + Array(repeating: "", count: max(0, header.count - fields.count))),
                       uniquingKeysWith: { first, _ in first })
        }
        return (header, records, Array(parsed.lines.dropFirst()))
    }

    /// Rows as dictionaries keyed by the header row.
    public static func records(_ text: String) -> (header: [String], records: [[String: String]]) {
        let all = rows(text)
        guard let header = all.first?.map({ $0.trimmingCharacters(in: " ") }) else { return ([], []) }
        let records = all.dropFirst().map { fields in
            Dictionary(zip(header, fields + Array(repeating: "", count: max(0, header.count - fields.count))),
                       uniquingKeysWith: { first, _ in first })
        }
        return (header, records)
    }
}
