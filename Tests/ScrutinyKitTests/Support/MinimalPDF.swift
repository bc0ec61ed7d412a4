import Foundation

/// A small PDF writer for tests: paragraphs in Helvetica on A4 pages, wrapped as a word processor
/// wraps ragged-right text, list items with a hanging indent after their marker, a gap between
/// paragraphs, a page break when the page is full. It exists so that a seed (which may not be
/// copied into the project) can be rendered as a PDF at test time and read back through poppler.
/// Characters outside Windows-1252 are written as "?".
struct MinimalPDF {
    struct Paragraph {
        /// "1." or "•" for a list item, nil for a paragraph.
        var marker: String?
        var text: String
    }

    var fontSize = 10.0
    var leading = 12.5
    var gapAfterParagraph = 8.0
    var left = 72.0, top = 770.0, bottom = 72.0, width = 451.0
    var hangingIndent = 18.0

    func data(_ paragraphs: [Paragraph]) -> Data {
        var pages: [String] = []
        var stream = ""
        var y = top
        func place(_ text: String, at x: Double) {
            if y < bottom { pages.append(stream); stream = ""; y = top }
            stream += "BT /F1 \(format(fontSize)) Tf \(format(x)) \(format(y)) Td (\(Self.literal(text))) Tj ET\n"
            y -= leading
        }
        for paragraph in paragraphs {
            let indent = paragraph.marker == nil ? 0 : hangingIndent
            let lines = wrap(paragraph.text, width: width - indent)
            for (index, line) in lines.enumerated() {
                if index == 0, let marker = paragraph.marker {
                    if y < bottom { pages.append(stream); stream = ""; y = top }
                    stream += "BT /F1 \(format(fontSize)) Tf \(format(left)) \(format(y)) Td (\(Self.literal(marker))) Tj ET\n"
                }
                place(line, at: left + indent)
            }
            y -= gapAfterParagraph
        }
        if !stream.isEmpty || pages.isEmpty { pages.append(stream) }
        return Self.file(pages: pages)
    }
}

private extension MinimalPDF {
    func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Greedy wrapping by Helvetica's average widths (narrow, ordinary, wide and capital letters).
    func wrap(_ text: String, width: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && Self.width(of: candidate) * fontSize > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    static func width(of text: String) -> Double {
        text.reduce(0) { sum, character in
            switch character {
            case "i", "j", "l", "I", ".", ",", ";", ":", "'", "!", "|", " ", "f", "t", "r": return sum + 0.28
            case "m", "w", "M", "W": return sum + 0.83
            case "A"..."Z": return sum + 0.67
            default: return sum + 0.556
            }
        }
    }

    /// A PDF literal string in WinAnsiEncoding.
    static func literal(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let byte: UInt8
            if let mapped = winAnsi[scalar] { byte = mapped }
            else if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) { byte = UInt8(scalar.value) }
            else { byte = UInt8(ascii: "?") }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(byte))
            case 0x20...0x7E: out.unicodeScalars.append(UnicodeScalar(byte))
            default: out += String(format: "\\%03o", byte)
            }
        }
        return out
    }

    static let winAnsi: [Unicode.Scalar: UInt8] = [
        "\u{2022}": 0x95, "\u{2013}": 0x96, "\u{2014}": 0x97, "\u{2018}": 0x91, "\u{2019}": 0x92,
        "\u{201C}": 0x93, "\u{201D}": 0x94, "\u{2026}": 0x85, "\u{20AC}": 0x80,
    ]

    /// The file: catalog, page tree, one font, and per page its content stream; then the cross
    /// reference table with each object's byte offset.
    static func file(pages: [String]) -> Data {
        var objects: [String] = []
        let pageIDs = pages.indices.map { 4 + 2 * $0 }
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for (index, content) in pages.enumerated() {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageIDs[index] + 1) 0 R >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}
