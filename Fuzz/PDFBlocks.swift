// Fuzzes the PDF stages after poppler (lines, running headers, reading order, blocks), not
// poppler itself: the input is made into the values poppler hands over. Bytes up to the first
// NUL are the text (pages separated by form feeds, lines by newlines); the bytes after it (used
// in turn, over again) place each line (indent, font, size, spacing) and each glyph (an
// occasional wide gap: a table cell or a second column). An input whose first byte is 0x01 has
// no glyph boxes, as when poppler gives none.
@testable import ScrutinyKit

private let fonts = ["Arial", "Arial-BoldMT", "TimesNewRoman", "Calibri-Bold", "Symbol", "Wingdings-Regular"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDFBlocks(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let geometry = split.count > 1 ? Array(split[1]) : [0x32, 0x05, 0x11, 0x02]
    var next = 0
    func byte() -> Int {
        defer { next += 1 }
        return Int(geometry.isEmpty ? 0 : geometry[next % geometry.count])
    }
    let text = String(decoding: split.first ?? [], as: UTF8.self)
    let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).prefix(16).enumerated().map { number, page in
        var scalars = Array(page.unicodeScalars)
        if scalars.last != "\n" { scalars.append("\n") }
        var boxes: [PDFRect] = []
        var styles: [PDFPageText.Style] = []
        var y = 40.0
        var lineStart = 0
        var lineSize = 10.0
        var x = 0.0
        func startLine(at index: Int) {
            let layout = byte()
            lineSize = [7.0, 9.0, 10.0, 11.0, 12.0, 14.0, 18.0, 24.0][layout & 7]
            y += lineSize * 1.2 + (layout & 0x40 != 0 ? lineSize : 0)
            x = 50 + Double((layout >> 3) & 7) * 18
            lineStart = index
        }
        startLine(at: 0)
        for (index, scalar) in scalars.enumerated() {
            let width = lineSize * 0.5
            boxes.append(PDFRect(x0: x, y0: y - lineSize, x1: x + width, y1: y))
            let gap = byte()
            x += width + (gap & 0xF0 == 0xF0 ? Double(gap & 0x0F) * 12 : 0)
            if scalar == "\n" {
                styles.append(.init(range: lineStart..<(index + 1), fontName: fonts[gap % fonts.count], fontSize: lineSize))
                startLine(at: index + 1)
            }
        }
        return PDFPageText(number: number + 1, width: 595, height: 842, text: String(String.UnicodeScalarView(scalars)),
                           boxes: bytes.first == 1 ? [] : boxes, styles: styles)
    }
    _ = PDFReader.blocks(of: pages)
    return 0
}
