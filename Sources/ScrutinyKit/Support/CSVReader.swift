import Foundation

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes, CRLF, a BOM).
public enum CSVReader {
    /// The rows of `text`, each a list of fields.
    public static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
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
            case "\"" where field.isEmpty: quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows.filter { !($0.count == 1 && $0[0].isEmpty) }
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
