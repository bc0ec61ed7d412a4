import Testing
@testable import ScrutinyKit

@Suite struct MarkdownTableTests {
    /// A cell's line ends and tabs are spaces and its pipes escaped; any other control character (an
    /// escape sequence in a file's name) is shown escaped, never sent to the terminal that shows
    /// the table (session 43's audit: a name holding `\e[2J` cleared the screen).
    @Test func cellsCarryNoControlCharacters() {
        let table = MarkdownTable.render(header: ["document", "n"], rows: [["evil\nname\u{1B}[2J.txt", "1"], ["a|b\tc", "2"]])
        #expect(!table.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
        #expect(table.contains("| evil name\\u{1B}[2J.txt |"))
        #expect(table.contains("| a\\|b c "))
        #expect(table.split(separator: "\n").count == 4)
        // A mark of direction too: "evil\u{202E}txt.exe" would show as "evilexe.txt".
        #expect(MarkdownTable.render(header: ["document"], rows: [["evil\u{202E}txt.exe"]]).contains("evil\\u{202E}txt.exe"))
    }
}
