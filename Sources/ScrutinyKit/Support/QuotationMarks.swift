/// The marks that open or close a quotation: straight and curly, single and double.
enum QuotationMarks {
    static let all: Set<Unicode.Scalar> = ["'", "\"", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}"]

    /// Whether `text` holds any of `all`, read from its UTF-8 bytes (most paragraphs hold none,
    /// and hashing each of their characters was a part of every document's cost).
    static func occur(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x22, 0x27: return true
                // U+2018, U+2019, U+201C, U+201D: E2 80 98, 99, 9C, 9D.
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80:
                    switch bytes[index + 2] {
                    case 0x98, 0x99, 0x9C, 0x9D: return true
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
