/// The marker at the start of a list item or numbered paragraph: bullets of every kind that
/// conversion produces, and numbering such as "1.", "1)", "2.5", "(a)", "iv)", "1.**" and
/// "1.That" (the space lost).
public struct ListMarker: Hashable, Sendable {
    /// The marker as written, emphasis removed: "•", "-", "1.", "2.5", "(a)".
    public var marker: String
    /// The number or letter, punctuation removed: "1", "2.5", "a"; nil for bullets.
    public var ordinal: String?
    /// The text after the marker.
    public var rest: Substring

    /// Bullet characters, including the symbol-font artefacts of Word bullets.
    public static let bullets: Set<Character> = [
        "-", "*", "\u{2022}", "\u{25AA}", "\u{25E6}", "\u{2023}", "\u{25CF}", "\u{25CB}", "\u{25A0}", "\u{25A1}",
        "\u{25C6}", "\u{25C7}", "\u{27A2}", "\u{27A4}", "\u{25BA}", "\u{2713}", "\u{2714}", "\u{00B7}",
        // Symbol and Wingdings bullets land in the private-use area.
        "\u{00A7}", "\u{F0B7}", "\u{F0A7}", "\u{F076}", "\u{F0D8}", "\u{F0FC}",
        // Ofsted's letters bullet with a black medium square.
        "\u{25FC}", "\u{25FE}", "\u{25FB}", "\u{25FD}", "\u{2B1B}", "\u{2B1D}", "\u{25B8}", "\u{25AB}",
        "\u{2043}", "\u{25C9}", "\u{2219}",
        // Word's second-level bullet, a Courier "o", as text and PDF conversion leave it.
        "o",
    ]

    /// Whether `character` is a bullet: one of ``bullets``, any other geometric shape, or a glyph
    /// of the private-use area where Word's Symbol and Wingdings bullets land (U+F000–U+F0FF).
    public static func isBullet(_ character: Character) -> Bool {
        if bullets.contains(character) { return true }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
        return (0xF000...0xF0FF).contains(scalar.value) || (0x25A0...0x25FF).contains(scalar.value)
    }

    /// Parses the marker at the start of `line` (which has no leading white space).
    public static func parse(_ line: Substring) -> ListMarker? {
        // Told from the first byte where it can be: an ASCII byte other than "-", "*" and "o"
        // starts no bullet, and one that is not a digit no number (a character that only starts
        // with such a byte, a mark joined to it, is neither either).
        guard let firstByte = line.utf8.first else { return nil }
        let mayBeBullet = firstByte >= 0x80 || firstByte == UInt8(ascii: "-") || firstByte == UInt8(ascii: "*") || firstByte == UInt8(ascii: "o")
        guard let first = line.first else { return nil }
        if mayBeBullet, isBullet(first) {
            let afterBullet = line.dropFirst()
            guard afterBullet.first == " " || afterBullet.first == "\t" else { return nil }
            let rest = afterBullet.drop(while: { $0 == " " || $0 == "\t" })
            if let numbered = parseNumber(rest), numbered.rest.first.map({ !$0.isLowercase }) ?? false {
                return numbered
            }
            guard !rest.isEmpty else { return nil }
            return ListMarker(marker: String(first), ordinal: nil, rest: rest)
        }
        return parseNumber(line) ?? parseParenthesisedNumber(line) ?? parseLetter(line)
    }
}

private extension ListMarker {
    static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    static func parseNumber(_ line: Substring) -> ListMarker? {
        guard let first = line.utf8.first, (0x30...0x39).contains(first) else { return nil }
        var index = line.startIndex
        var components: [Substring] = []
        while true {
            let start = index
            while index < line.endIndex, line[index].isASCII, line[index].isNumber { index = line.index(after: index) }
            guard index > start, line.distance(from: start, to: index) <= 3 else { break }
            components.append(line[start..<index])
            guard index < line.endIndex, line[index] == ".",
                  line.index(after: index) < line.endIndex, line[line.index(after: index)].isNumber else { break }
            index = line.index(after: index)
        }
        guard !components.isEmpty else { return nil }
        var punctuation = ""
        if index < line.endIndex, line[index] == "." || line[index] == ")" {
            punctuation = String(line[index])
            index = line.index(after: index)
        }
        while index < line.endIndex, line[index] == "*" { index = line.index(after: index) }
        let rest = line[index...]
        let spaced = rest.first == " " || rest.first == "\t"
        let body = rest.drop(while: { $0 == " " || $0 == "\t" })
        guard let next = body.first else { return nil }
        // "2.5 Text" needs no punctuation; "3 Text" does (it may be a quantity); "1.That" lost its space.
        if components.count == 1 && punctuation.isEmpty { return nil }
        if !spaced && !(punctuation == "." && next.isUppercase) { return nil }
        if components.count == 1, punctuation == ".", !spaced, rest.first?.isNumber == true { return nil }
        let ordinal = components.joined(separator: ".")
        return ListMarker(marker: ordinal + punctuation, ordinal: ordinal, rest: body)
    }

    /// "(1) That the report be noted": up to three digits in brackets, then a space and the text, as
    /// council minutes number their resolutions. "(2019)" is no marker: it has four digits.
    static func parseParenthesisedNumber(_ line: Substring) -> ListMarker? {
        guard line.first == "(" else { return nil }
        let digits = line.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), line.dropFirst(1 + digits.count).first == ")" else { return nil }
        let rest = line.dropFirst(2 + digits.count)
        guard rest.first == " " || rest.first == "\t" else { return nil }
        let body = rest.drop(while: { $0 == " " || $0 == "\t" })
        guard !body.isEmpty else { return nil }
        return ListMarker(marker: "(" + digits + ")", ordinal: String(digits), rest: body)
    }

    static func parseLetter(_ line: Substring) -> ListMarker? {
        // Most lines open with a word: two ASCII letters, the first not a roman digit, make a label
        // that is neither one letter nor a roman numeral, whatever follows.
        let utf8 = line.utf8
        var position = utf8.startIndex
        if position < utf8.endIndex, utf8[position] == UInt8(ascii: "(") { position = utf8.index(after: position) }
        if position < utf8.endIndex, Self.isASCIILetter(utf8[position]), !"ivxIVX".utf8.contains(utf8[position]) {
            let next = utf8.index(after: position)
            if next < utf8.endIndex, Self.isASCIILetter(utf8[next]) { return nil }
        }
        var index = line.startIndex
        let parenthesised = line.first == "("
        if parenthesised { index = line.index(after: index) }
        let start = index
        // A label is one letter or a roman numeral of up to four: reading a fifth letter settles it.
        var letters = 0
        while letters < 5, index < line.endIndex, line[index].isLetter, line[index].isASCII {
            index = line.index(after: index)
            letters += 1
        }
        let label = line[start..<index]
        guard letters < 5 else { return nil }
        guard !label.isEmpty, index < line.endIndex else { return nil }
        let roman = label.allSatisfy { "ivxIVX".contains($0) } && label.count <= 4
        guard label.count == 1 || roman else { return nil }
        let punctuation = line[index]
        if parenthesised {
            guard punctuation == ")" else { return nil }
        } else {
            guard punctuation == ")" || (punctuation == "." && (roman || ("a"..."h").contains(String(label)))) else {
                return nil
            }
        }
        let rest = line[line.index(after: index)...]
        guard rest.first == " " || rest.first == "\t" else { return nil }
        let body = rest.drop(while: { $0 == " " || $0 == "\t" })
        guard !body.isEmpty else { return nil }
        let marker = (parenthesised ? "(" : "") + label + String(punctuation)
        return ListMarker(marker: marker, ordinal: label.lowercased(), rest: body)
    }
}
