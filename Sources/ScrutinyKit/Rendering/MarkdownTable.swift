/// A Markdown table (GitHub style): readable in a terminal, renders in any Markdown viewer.
public enum MarkdownTable {
    public static func render(header: [String], rows: [[String]], alignRight: Set<Int> = []) -> String {
        // A line end or tab is a space; another control character (an escape sequence in a file's
        // name) is shown escaped, never sent to the terminal (session 43's audit: `\e[2J` cleared it).
        let cleaned = rows.map { $0.map { TerminalText.escaped($0.replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: " ")) } }
        var widths = header.map(\.count)
        for row in cleaned {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], min(cell.count, 60)) }
        }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return alignRight.contains(index) ? pad + cell : cell + pad
            }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.enumerated().map { index, width in
            alignRight.contains(index) ? String(repeating: "-", count: width + 1) + ":" : String(repeating: "-", count: width + 2)
        }.joined(separator: "|") + "|"
        return ([line(header), rule] + cleaned.map(line)).joined(separator: "\n") + "\n"
    }
}
