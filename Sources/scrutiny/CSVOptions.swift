import ArgumentParser
import ScrutinyKit

/// `--excel`: CSV that Excel opens as it should. Every CSV scrutiny writes guards text cells that
/// a spreadsheet would run as formulas (see `CSVWriter`); this adds the byte-order mark and CRLF.
struct CSVOptions: ParsableArguments {
    @Flag(help: "Write CSV for Excel: a UTF-8 byte-order mark and CRLF line endings.")
    var excel = false

    /// The CSV as it is written: for Excel when --excel is given.
    func finish(_ csv: String) -> String { excel ? CSVWriter.excel(csv) : csv }
}
