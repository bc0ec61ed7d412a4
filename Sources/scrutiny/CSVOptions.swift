import ArgumentParser
import ScrutinyKit

/// `--excel`: CSV that Excel opens as it should. Every CSV scrutiny writes guards text cells that
/// a spreadsheet would run as formulas (see `CSVWriter`); this adds the byte-order mark and CRLF.
struct CSVOptions: ParsableArguments {
    @Flag(help: "Write CSV for Excel: a UTF-8 byte-order mark and CRLF line endings.")
    var excel = false

    @Flag(help: ArgumentHelp("Write every text cell as it is: no ' before a cell that begins with =, +, -, @, a tab or a carriage return (for R and pandas; a spreadsheet may run such a cell as a formula)."))
    var noFormulaGuard = false

    func validate() throws {
        if excel, noFormulaGuard { throw ValidationError("--excel and --no-formula-guard: a file for Excel keeps the guard (Excel would run such cells as formulas); give one") }
    }

    /// A usage error where the flags are given but the run writes no CSV (`--format json`, say):
    /// said, not ignored. `writes`: the format as chosen ("--format json", "table (the default format)").
    func requireCSV(_ writesCSV: Bool, _ writes: String) throws {
        guard !writesCSV, excel || noFormulaGuard else { return }
        let flag = excel ? "--excel" : "--no-formula-guard"
        throw ValidationError("\(flag) only changes CSV output, and \(writes) is not CSV: add --format csv, or drop \(flag)")
    }

    /// The CSV as it is written: for Excel when --excel is given, without the guard with --no-formula-guard.
    func finish(_ csv: String) -> String { excel ? CSVWriter.excel(csv) : noFormulaGuard ? CSVWriter.unguarded(csv) : csv }
}
