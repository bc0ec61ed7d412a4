/// Escaping for text and attribute values in HTML and SVG.
enum HTMLText {
    /// `text` with `& < > " '` written as references. Byte by byte: every byte of a multi-byte
    /// UTF-8 character is above 0x7F, so none is taken for one of the five, and a mark combined
    /// with one of them (which Swift would count as one character with it) leaves it escaped.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` escaped, each command-line option in it ("--no-quoted-partnerships", "--scheme
    /// auto" as far as its option name) kept on one line: a browser breaks a line after a hyphen,
    /// and "(--" at a line's end with the rest below cannot be read or copied (session 45's audit).
    static func escapeKeepingOptions(_ text: String) -> String {
        let escaped = escape(text)
        guard escaped.contains("--") else { return escaped }
        return escaped.replacing(/--[a-z][a-z0-9-]*/) { "<span class=\"nowrap\">\($0.output)</span>" }
    }
}
