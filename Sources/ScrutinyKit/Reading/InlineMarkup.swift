/// Removes the mark-up that survives conversion to text: stray HTML tags and entities
/// (`<p>`, `<sup>`, `<u>`, `&amp;`), Markdown emphasis (`**bold**`, `*italic*`, `__x__`) and
/// links (`[text](url)`).
enum InlineMarkup {
    /// Replaces block-level tags (`<p>`, `<br>`, `<div>`, `<li>`) with line breaks so that the
    /// paragraphs they delimited stay apart; drops every other tag; decodes entities.
    static func stripHTML(_ text: String) -> String {
        // Bytes, not Foundation's search (a fifth of the time of reading a text file): the loop
        // below looks at every character anyway, so a byte found that is not a character of its
        // own changes nothing.
        guard text.containsByte(UInt8(ascii: "<")) || text.containsByte(UInt8(ascii: "&")) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        // The next "<" or "&" byte at or after `index`, once looked for (each byte is looked at once).
        var special: String.Index?
        while index < text.endIndex {
            // The run up to the next "<" or "&" is copied whole, as it would be character by
            // character; when a non-ASCII character stands just before that byte (one that may join
            // it in a character), one character is taken at a time instead.
            if special.map({ $0 < index }) ?? true {
                special = text.utf8[index...].firstIndex { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") } ?? text.endIndex
            }
            let next = special!
            if next > index {
                if next == text.endIndex || text.utf8[text.utf8.index(before: next)] < 0x80 {
                    output += text[index..<next]
                    index = next
                    continue
                }
            }
            let character = text[index]
            if character == "<", let close = text[index...].firstIndex(of: ">"),
               let tag = tagName(text[text.index(after: index)..<close]) {
                if blockTags.contains(tag) { output.append("\n") }
                index = text.index(after: close)
                // A footnote's marker in a stray <sup> goes with its tags ("policy<sup>2</sup>").
                if tag == "sup", let end = text[index...].prefix(16).range(of: "</sup>"), isFootnoteMarker(String(text[index..<end.lowerBound])) {
                    index = end.upperBound
                }
            } else if character == "&", let semicolon = text[index...].prefix(10).firstIndex(of: ";"),
                      let decoded = entity(text[text.index(after: index)..<semicolon]) {
                output.append(decoded)
                index = text.index(after: semicolon)
            } else {
                output.append(character)
                index = text.index(after: index)
            }
        }
        return output
    }

    /// Whether a superscript's text is a footnote's marker: one to three digits, perhaps in
    /// brackets, or the marks *, †, ‡, § (an ordinal's "st" or a power's "2" in a formula are rare
    /// in these documents; "2" after a word is far likelier a note).
    static func isFootnoteMarker(_ text: String) -> Bool {
        let marker = text.trimmingCharacters(in: .whitespaces)
        return marker.wholeMatch(of: /\[?\(?\d{1,3}\)?\]?/) != nil || marker.wholeMatch(of: /[*†‡§]{1,3}/) != nil
    }

    /// Strips Markdown emphasis and links from one line. A backslash escape ("\\*audit\\*") is the
    /// character itself, as CommonMark has it, never emphasis (session 42's audit: it read "\\audit\\").
    static func stripMarkdown(_ line: String) -> String {
        guard line.containsByte(0x5C) else { return strippingUnescaped(line) }
        var protected = ""
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped, let index = escapable.firstIndex(of: scalar) {
                protected.unicodeScalars.append(Unicode.Scalar(0xE000 + UInt32(index))!)
            } else {
                if escaped { protected.unicodeScalars.append("\\") }
                if scalar != "\\" { protected.unicodeScalars.append(scalar) }
            }
            escaped = scalar == "\\" && !escaped
        }
        if escaped { protected.unicodeScalars.append("\\") }
        let stripped = strippingUnescaped(protected)
        return String(String.UnicodeScalarView(stripped.unicodeScalars.map { scalar in
            (0xE000..<0xE000 + UInt32(escapable.count)).contains(scalar.value) ? escapable[Int(scalar.value - 0xE000)] : scalar
        }))
    }

    /// The ASCII punctuation an escape in Markdown makes literal, in the order of the private-use
    /// characters that stand for them while emphasis and links are taken off.
    private static let escapable: [Unicode.Scalar] = ["\\", "*", "_", "[", "]", "(", ")", "`", "#"]

    private static func strippingUnescaped(_ line: String) -> String {
        guard line.withUTF8Bytes({ bytes in bytes.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "]") } })
        else { return line }
        // Foundation's searches only where the two bytes stand together: without them there is
        // nothing for the search to find (no other spelling is canonically equivalent).
        let mayLink = hasBytePair(line, "]", "(")
        guard line.contains("*") || line.contains("_") || mayLink && line.contains("](") else { return line }
        var text = line
        if mayLink, text.contains("](") { text = replaceLinks(text) }
        if hasBytePair(text, "*", "*") { text = removingPairs(of: "*", in: text) }
        if hasBytePair(text, "_", "_") { text = removingPairs(of: "_", in: text) }
        return removeSingleEmphasis(text)
    }

    /// `text` without each "**" (or "__"), taken left to right as Foundation's replacement takes
    /// them; an all-ASCII text is done on its bytes (Foundation took 90,000 instructions a line).
    static func removingPairs(of marker: Unicode.Scalar, in text: String) -> String {
        let byte = UInt8(ascii: marker)
        let ascii: String? = text.withUTF8Bytes { bytes in
            guard bytes.isASCII else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == byte, index + 1 < bytes.count, bytes[index + 1] == byte {
                    index += 2
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        let pair = String(marker) + String(marker)
        return ascii ?? text.replacingOccurrences(of: pair, with: "")
    }

    /// Whether the ASCII characters `first` and `second` stand side by side in `text`'s bytes.
    static func hasBytePair(_ text: String, _ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        text.withUTF8Bytes { bytes in
            var previous: UInt8 = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if previous == UInt8(ascii: first), byte == UInt8(ascii: second) { return true }
                previous = byte
            }
            return false
        }
    }
}

private extension InlineMarkup {
    static let blockTags: Set<String> = ["p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"]
    static let inlineTags: Set<String> = [
        "sup", "sub", "u", "b", "i", "em", "strong", "span", "a", "font", "small", "big", "s", "strike", "ins", "del",
        "td", "th", "ul", "ol", "table", "tbody", "thead",
    ]

    /// The lower-cased name of a tag body such as `p`, `/sup` or `a href="..."`, when it is one
    /// of the tags conversion leaves behind; nil for anything else ("<5 years", "a < b").
    static func tagName(_ body: Substring) -> String? {
        var name = body.drop(while: { $0 == "/" })
        if let end = name.firstIndex(where: { $0 == " " || $0 == "/" }) { name = name[..<end] }
        let lowered = name.lowercased()
        return blockTags.contains(lowered) || inlineTags.contains(lowered) ? lowered : nil
    }

    static func entity(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        case "ndash", "mdash": return "-"
        case "pound": return "£"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    static func replaceLinks(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "["),
              let close = rest[open...].firstIndex(of: "]"),
              rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
              let end = rest[close...].firstIndex(of: ")") {
            let isImage = open > rest.startIndex && rest[rest.index(before: open)] == "!"
            output += rest[..<(isImage ? rest.index(before: open) : open)]
            if !isImage { output += rest[rest.index(after: open)..<close] }
            rest = rest[rest.index(after: end)...]
        }
        return output + rest
    }

    /// `*word*` → `word`, leaving `*` bullets, `a * b` and stray stars alone.
    static func removeSingleEmphasis(_ text: String) -> String {
        // In an all-ASCII text each byte is a character (a "\r\n" is two here and one there, and
        // both are white space either way): read as bytes, without an array of characters.
        if let ascii = text.withUTF8Bytes({ bytes in bytes.isASCII ? removeSingleEmphasis(ascii: bytes) : nil }) {
            return ascii
        }
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "*" || character == "_",
               index + 1 < characters.count, !characters[index + 1].isWhitespace,
               index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber),
               let close = characters[(index + 1)...].firstIndex(of: character),
               close > index + 1, !characters[close - 1].isWhitespace,
               close + 1 == characters.count || !(characters[close + 1].isLetter || characters[close + 1].isNumber) {
                output += String(characters[(index + 1)..<close])
                index = close + 1
            } else {
                output.append(character)
                index += 1
            }
        }
        return output
    }

    /// ``removeSingleEmphasis(_:)`` over the bytes of an all-ASCII text (indexed from 0).
    static func removeSingleEmphasis(ascii bytes: Span<UInt8>) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func isLetterOrDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_"),
               index + 1 < bytes.count, !isSpace(bytes[index + 1]),
               index == 0 || !isLetterOrDigit(bytes[index - 1]),
               let close = bytes.firstIndex(of: byte, from: index + 1),
               close > index + 1, !isSpace(bytes[close - 1]),
               close + 1 == bytes.count || !isLetterOrDigit(bytes[close + 1]) {
                output.append(bytes, (index + 1)..<close)
                index = close + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
