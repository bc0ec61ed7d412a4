/// RFC 4180 CSV: a header row, then one row per record; fields quoted where they need it.
///
/// Text that a spreadsheet would run as a formula (a cell beginning with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, and not a number) is written with a leading `'`, which spreadsheets show
/// as text and R and pandas read as one more character (``unguarded(_:)`` takes it off again).
/// ``excel(_:)`` adds what Excel needs to read the file as UTF-8 with its line breaks.
public enum CSVWriter {
    /// - Parameter guarded: whether a cell a spreadsheet would run as a formula gets its `'`.
    public static func render(header: [String], rows: [[String]], guarded: Bool = true) -> String {
        var output = ""
        for row in [header] + rows {
            for (index, field) in row.enumerated() {
                if index > 0 { output.append(",") }
                output.append(escape(field, guarded: guarded))
            }
            output.append("\n")
        }
        return output
    }

    /// The same CSV without the formula guard, cells as the text has them (for R and pandas):
    /// each `'` the guard put before `=`, `+`, `-`, `@`, a tab or a carriage return taken off.
    public static func unguarded(_ csv: String) -> String {
        let rows = CSVReader.rows(csv).map { row in
            row.map { field in field.hasPrefix("'") && isFormula(String(field.dropFirst())) ? String(field.dropFirst()) : field }
        }
        guard let header = rows.first else { return csv }
        return render(header: header, rows: Array(rows.dropFirst()), guarded: false)
    }

    public static func escape(_ field: String, guarded: Bool = true) -> String {
        let field = guarded && isFormula(field) ? "'" + field : field
        // Bytes, not characters: "\r\n" is one character in Swift, equal to neither "\r" nor "\n".
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) || field.utf8.first == 0x20 else {
            return field
        }
        // Foundation's search only where a quote's byte is there (most fields quoted for a comma have none).
        let doubled = field.utf8.contains(0x22) ? field.replacingOccurrences(of: "\"", with: "\"\"") : field
        return "\"" + doubled + "\""
    }

    /// Whether a spreadsheet would take the field for a formula: it begins with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return and is not a plain number ("-0.25" stays a number).
    public static func isFormula(_ field: String) -> Bool {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        return Double(field) == nil
    }

    /// The same CSV for Excel: a UTF-8 byte-order mark first (without it Excel reads "›" as "â€º")
    /// and CRLF between records; line breaks inside quoted fields are left as they are.
    public static func excel(_ csv: String) -> String {
        var output = "\u{FEFF}"
        output.reserveCapacity(csv.utf8.count + csv.utf8.count / 40 + 3)
        var quoted = false
        for character in csv {
            if character == "\"" { quoted.toggle() }
            if character == "\n", !quoted { output += "\r\n" } else { output.append(character) }
        }
        return output
    }
}
