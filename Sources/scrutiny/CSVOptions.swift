import ArgumentParser
import ScrutinyKit

/// `--excel`: CSV that Excel opens as it should. Every CSV scrutiny writes guards text cells that
/// a spreadsheet would run as formulas (see `CSVWriter`); this adds the byte-order mark and CRLF.
struct CSVOptions: ParsableArguments {
    @Flag(help: "Write CSV for Excel: a UTF-8 byte-order mark and CRLF line endings.")
    var excel = false

    @Flag(help: ArgumentHelp("Write every text cell as it is: no ' before a cell that begins with =, +, -, @ or a tab (for R and pandas; a spreadsheet may run such a cell as a formula)."))
    var noFormulaGuard = false

    func validate() throws {
        if excel, noFormulaGuard { throw ValidationError("--excel and --no-formula-guard: a file for Excel keeps the guard (Excel would run such cells as formulas); give one") }
    }

    /// The CSV as it is written: for Excel when --excel is given, without the guard with --no-formula-guard.
    func finish(_ csv: String) -> String { excel ? CSVWriter.excel(csv) : noFormulaGuard ? CSVWriter.unguarded(csv) : csv }
}
