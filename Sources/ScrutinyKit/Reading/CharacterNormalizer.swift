import Foundation

/// Character-level clean-up shared by every reader: curly quotes and dashes made plain, line ends
/// made line feeds and other control characters dropped,
/// ligatures expanded, invisible and odd spaces removed, and Greek or Cyrillic look-alike
/// letters inside Latin words (a common artefact of PDF conversion: "Νο") made Latin.
public enum CharacterNormalizer {
    public static func normalize(_ text: String) -> String {
        // Written as UTF-8 bytes and made a String once (appending scalar by scalar cost most of the
        // time); read from the bytes too, a scalar decoded only where a byte is not ASCII.
        let output: [UInt8]? = text.withUTF8Bytes { bytes in
            // Plain ASCII but for the backtick and control characters other than tab and line feed: nothing to change.
            guard bytes.contains(where: { $0 >= 0x80 || $0 == 0x60 || ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F }) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            func append(_ ascii: StaticString) {
                ascii.withUTF8Buffer { output.append(contentsOf: $0) }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Plain ASCII (all but two characters of it) passes straight through.
                if byte < 0x80 {
                    switch byte {
                    case 0x60: output.append(UInt8(ascii: "'"))
                    // A carriage return ends a line (old Mac files end every line so), unless a line
                    // feed follows it (session 38's audit: "must\rensure" read "mustensure").
                    case 0x0D: if index + 1 == bytes.count || bytes[index + 1] != 0x0A { output.append(0x0A) }
                    case 0x0B, 0x0C: output.append(0x0A)
                    // Other control characters are no text: an escape sequence in a document could
                    // retitle or clear the terminal the table is printed on (session 38's audit).
                    case 0x00..<0x09, 0x0E..<0x20, 0x7F: break
                    default: output.append(byte)
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = bytes.scalar(at: index)
                switch scalar {
                case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4:
                    append("'")
                case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB:
                    append("\"")
                case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212:
                    append("-")
                case 0x2026:
                    append("...")
                case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                    append(" ")
                // The joiner between two emoji makes them one ("👩‍👩‍👧"): kept there, as quotations
                // copied from the items should read as the source (session 42's audits).
                case 0x200D where index + length < bytes.count && isEmoji(bytes.scalar(at: index + length).0)
                    && index > 0 && isEmoji(previousScalar(bytes, before: index)):
                    output.append(bytes, index..<(index + length))
                case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                    break
                // Marks that set the direction of text: an override can show a sentence reversed,
                // or hide what a file name says; English text needs none of them.
                case _ where TerminalText.isDirectionMark(scalar):
                    break
                // Superscript digits are footnote references ("children¹⁰", "regulations⁶"):
                // dropped, as a PDF's footnote numbers are. ¹ ² ³ are letters of a word to the word
                // tokenizer and ⁴ to ⁹ end one, so "children¹⁰" matched no term and "children⁶" did
                // (session 42's audit of `count` over the national survey).
                case _ where isSuperscriptDigit(scalar):
                    break
                // The line and paragraph separators end a line (a page that uses only them was one
                // paragraph, and no list item in it was found: session 42's audit).
                case 0x2028, 0x2029:
                    output.append(0x0A)
                // C1 control characters are Windows-1252 read as Latin-1 somewhere before (U+0092
                // for its apostrophe), or a page's "&#x93;", which browsers show as Windows-1252's
                // character: read as that character, and nothing where the code page has none.
                case 0x0080...0x009F:
                    if let character = TextDecoding.windows1252Character(UInt8(scalar)) {
                        output.append(contentsOf: Array(normalize(String(character)).utf8))
                    }
                case 0xFB00: append("ff")
                case 0xFB01: append("fi")
                case 0xFB02: append("fl")
                case 0xFB03: append("ffi")
                case 0xFB04: append("ffl")
                case 0xFB05, 0xFB06: append("st")
                default:
                    output.append(bytes, index..<(index + length))
                }
                index += length
            }
            return output
        }
        guard let output else { return fixLookalikes(text) }
        return fixLookalikes(composed(String(decoding: output, as: UTF8.self)))
    }

    /// Whether a scalar is an emoji or what joins one (a variation selector), for the joiner kept
    /// between two of them.
    /// The superscript digits, footnote numbers: ¹ ² ³, ⁰ and ⁴ to ⁹.
    static func isSuperscriptDigit(_ value: UInt32) -> Bool {
        switch value {
        case 0x00B9, 0x00B2, 0x00B3, 0x2070, 0x2074...0x2079: true
        default: false
        }
    }

    static func isEmoji(_ value: UInt32) -> Bool {
        (0x1F000...0x1FAFF).contains(value) || (0x2600...0x27BF).contains(value) || (0x2B00...0x2BFF).contains(value) || value == 0xFE0F
    }

    /// The scalar whose encoding ends just before `index` (valid UTF-8).
    static func previousScalar(_ bytes: Span<UInt8>, before index: Int) -> UInt32 {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return bytes.scalar(at: start).0
    }

    /// A letter written as a base and a combining mark ("o" and U+0308, as macOS and some PDFs write
    /// "ö") made one character, so that the word is one word to the tokenizer and matches its term
    /// (session 42's audit: "Grönland" decomposed was two words). Only where such a mark stands.
    static func composed(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x0300...0x036F).contains($0.value) }) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Replaces Greek and Cyrillic look-alikes in words that are Latin apart from them, or that
    /// consist of look-alikes only (a Latin-script document has no such words otherwise).
    public static func fixLookalikes(_ text: String) -> String {
        // A look-alike's first byte is one of a handful (Greek and Cyrillic share four): a text
        // without any is left as it is without decoding a scalar.
        let leads = lookalikeLeadBytes
        guard text.withUTF8Bytes({ bytes in bytes.contains { leads[Int($0)] } }),
              text.unicodeScalars.contains(where: { !$0.isASCII && lookalikes[$0] != nil }) else { return text }
        // Read and written as UTF-8 bytes (a scalar decoded only where a byte is not ASCII); a run
        // of letters is copied as it stands unless it is to change. ASCII letters are the
        // alphabetic ASCII scalars, told by arithmetic.
        let output: [UInt8] = text.withUTF8Bytes { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
                scalar.isASCII ? (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) : scalar.properties.isAlphabetic
            }
            func scalar(at index: Int) -> (Unicode.Scalar, Int) {
                if bytes[index] < 0x80 { return (Unicode.Scalar(bytes[index]), 1) }
                let (value, length) = bytes.scalar(at: index)
                return (Unicode.Scalar(value)!, length)
            }
            var index = 0
            while index < bytes.count {
                let (first, firstLength) = scalar(at: index)
                guard isAlphabetic(first) else {
                    output.append(bytes, index..<(index + firstLength))
                    index += firstLength
                    continue
                }
                var end = index
                var foreign = false
                var allLookalikes = true
                while end < bytes.count {
                    let (letter, length) = scalar(at: end)
                    guard isAlphabetic(letter) else { break }
                    if !letter.isASCII {
                        foreign = true
                        if lookalikes[letter] == nil { allLookalikes = false }
                    }
                    end += length
                }
                if foreign, allLookalikes {
                    var position = index
                    while position < end {
                        let (letter, length) = scalar(at: position)
                        UTF8.encode(lookalikes[letter] ?? letter) { output.append($0) }
                        position += length
                    }
                } else {
                    output.append(bytes, index..<end)
                }
                index = end
            }
            return output
        }
        return String(decoding: output, as: UTF8.self)
    }
}

private extension CharacterNormalizer {
    /// Which bytes begin the UTF-8 encoding of a look-alike.
    static let lookalikeLeadBytes: [Bool] = {
        var leads = [Bool](repeating: false, count: 256)
        for scalar in lookalikes.keys { leads[Int(String(scalar).utf8.first!)] = true }
        return leads
    }()

    static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Greek capitals and small letters that render as Latin ones.
            ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"), ("οικνρυχ", "oiknpux"),
            // Cyrillic.
            ("АВЕКМНОРСТХУІЈЅ", "ABEKMHOPCTXYIJS"), ("аеорсухіјѕ", "aeopcyxijs"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            for (a, b) in zip(from.unicodeScalars, to.unicodeScalars) { table[a] = b }
        }
        return table
    }()
}
