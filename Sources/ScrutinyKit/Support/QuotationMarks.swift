/// The marks that open or close a quotation: straight and curly, single and double.
enum QuotationMarks {
    static let all: Set<Unicode.Scalar> = ["'", "\"", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}"]

    /// Whether `text` holds a mark of `all` that can open or close a quotation: a double mark, or a
    /// single one that does not stand between two ASCII letters or digits, as the apostrophe of
    /// "children's" or "Ofsted\u{2019}s" does. Read from the UTF-8 bytes; a mark beside any other
    /// byte counts.
    static func appear(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            func isWordByte(_ index: Int) -> Bool {
                guard bytes.indices.contains(index) else { return false }
                let byte = bytes[index] | 0x20
                return (byte >= 0x61 && byte <= 0x7A) || (bytes[index] >= 0x30 && bytes[index] <= 0x39)
            }
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x22: return true
                case 0x27 where !(isWordByte(index - 1) && isWordByte(index + 1)): return true
                // U+201C, U+201D: E2 80 9C, 9D; U+2018, U+2019: E2 80 98, 99.
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80:
                    switch bytes[index + 2] {
                    case 0x9C, 0x9D: return true
                    // (A `where` binds only the pattern before it: one test for both.)
                    case 0x98, 0x99: if !(isWordByte(index - 1) && isWordByte(index + 3)) { return true }
                    default: break
                    }
                default: break
                }
                index += 1
            }
            return false
        }
    }
}
