/// Decides which character encoding an HTML page is in, as a browser would: a byte-order mark
/// first (or, without one, the NUL bytes of UTF-16 around the first two ASCII characters), then the charset the page declares (`<meta charset>`, `<meta http-equiv>`, an XML
/// declaration) unless it claims UTF-8 for bytes that are not, then UTF-8 if the bytes are
/// valid UTF-8, else Windows-1252. Labels that
/// browsers read as Windows-1252 (ISO-8859-1, ASCII) are read as Windows-1252 too.
enum HTMLCharset {
    /// The iconv name of the encoding to decode `bytes` with.
    static func detect(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        // UTF-16 without a byte-order mark: the page's first two characters are ASCII ("<h", "<!",
        // white space) with a NUL byte beside each. Read as UTF-8, the NULs stop the parser and the
        // page comes out empty.
        if bytes.count >= 4, bytes[0] != 0, bytes[0] < 0x80, bytes[1] == 0, bytes[2] != 0, bytes[2] < 0x80, bytes[3] == 0 {
            return "UTF-16LE"
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] != 0, bytes[1] < 0x80, bytes[2] == 0, bytes[3] != 0, bytes[3] < 0x80 {
            return "UTF-16BE"
        }
        let valid = String(validating: bytes, as: UTF8.self) != nil
        // A page that says UTF-8 but is not (a Windows-1252 file under a UTF-8 template) is read as Windows-1252.
        if let declared = declared(in: bytes), declared != "UTF-8" || valid { return declared }
        return valid ? "UTF-8" : "WINDOWS-1252"
    }

    /// The encoding the page declares in its first 4 KB, mapped to an iconv name.
    static func declared(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let range = head.range(of: "charset", range: searchStart..<head.endIndex) {
            searchStart = range.upperBound
            let tagStart = head[..<range.lowerBound].lastIndex(of: "<")
            guard let tagStart, head[tagStart...].hasPrefix("<meta") || head[tagStart...].hasPrefix("<?xml") else {
                continue
            }
            var rest = head[range.upperBound...].drop(while: { $0 == " " })
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
            let label = rest.prefix(while: { $0.isLetter || $0.isNumber || "-_:.".contains($0) })
            if let name = iconvName(String(label)) { return name }
        }
        if let range = head.range(of: "<?xml"), let end = head[range.upperBound...].range(of: "?>"),
           let encoding = head[range.upperBound..<end.lowerBound].range(of: "encoding") {
            let rest = head[encoding.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" })
            return iconvName(String(rest.prefix(while: { $0.isLetter || $0.isNumber || "-_:.".contains($0) })))
        }
        return nil
    }

    /// The iconv name for a charset label, or nil for an empty or implausible label.
    static func iconvName(_ label: String) -> String? {
        switch label {
        case "": return nil
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252":
            return "WINDOWS-1252"
        // A page whose declaration could be read as ASCII is not UTF-16, whatever it says.
        case "utf-16", "utf-16le", "utf-16be": return "UTF-8"
        default: return label.count <= 40 ? label.uppercased() : nil
        }
    }
}
