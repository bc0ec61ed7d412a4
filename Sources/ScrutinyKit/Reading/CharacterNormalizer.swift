/// Character-level clean-up shared by every reader: curly quotes and dashes made plain,
/// ligatures expanded, invisible and odd spaces removed, and Greek or Cyrillic look-alike
/// letters inside Latin words (a common artefact of PDF conversion: "Νο") made Latin.
public enum CharacterNormalizer {
    public static func normalize(_ text: String) -> String {
        // Plain ASCII but for two characters: nothing to change.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D && $0 != 0x60 }) { return fixLookalikes(text) }
        // Written as UTF-8 bytes and made a String once (appending scalar by scalar cost most of the time).
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        func appendScalar(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { output.append($0) } }
        func append(_ ascii: String) { output.append(contentsOf: ascii.utf8) }
        for scalar in text.unicodeScalars {
            // Plain ASCII (all but two characters of it) passes straight through.
            if scalar.value < 0x80, scalar != "\r", scalar != "`" {
                output.append(UInt8(scalar.value))
                continue
            }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{00B4}", "\u{0060}":
                append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}":
                append("\"")
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}":
                append("-")
            case "\u{2026}":
                append("...")
            case "\u{00A0}", "\u{2000}"..."\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}":
                append(" ")
            case "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}":
                continue
            case "\u{FB00}": append("ff")
            case "\u{FB01}": append("fi")
            case "\u{FB02}": append("fl")
            case "\u{FB03}": append("ffi")
            case "\u{FB04}": append("ffl")
            case "\u{FB05}", "\u{FB06}": append("st")
            case "\r":
                continue
            default:
                appendScalar(scalar)
            }
        }
        return fixLookalikes(String(decoding: output, as: UTF8.self))
    }

    /// Replaces Greek and Cyrillic look-alikes in words that are Latin apart from them, or that
    /// consist of look-alikes only (a Latin-script document has no such words otherwise).
    public static func fixLookalikes(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }),
              text.unicodeScalars.contains(where: { !$0.isASCII && lookalikes[$0] != nil }) else { return text }
        let scalars = Array(text.unicodeScalars)
        // Written as UTF-8 bytes; ASCII letters are the alphabetic ASCII scalars, told by arithmetic.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) : scalar.properties.isAlphabetic
        }
        func append(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { output.append($0) } }
        var index = 0
        while index < scalars.count {
            guard isAlphabetic(scalars[index]) else {
                append(scalars[index])
                index += 1
                continue
            }
            var end = index
            var foreign = false
            var allLookalikes = true
            while end < scalars.count, isAlphabetic(scalars[end]) {
                if !scalars[end].isASCII {
                    foreign = true
                    if lookalikes[scalars[end]] == nil { allLookalikes = false }
                }
                end += 1
            }
            if foreign, allLookalikes {
                for scalar in scalars[index..<end] { append(lookalikes[scalar] ?? scalar) }
            } else {
                for scalar in scalars[index..<end] { append(scalar) }
            }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }
}

private extension CharacterNormalizer {
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
