/// How a list counter is shown: the number formats Word, OpenDocument and HTML have in common.
enum ListNumberStyle: Sendable, Equatable {
    case decimal, decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman, none

    /// The counter `value` in this style: 3 → "3", "03", "c", "C", "iii", "III", or "" for none.
    func format(_ value: Int) -> String {
        switch self {
        case .decimal: return String(value)
        case .decimalZero: return value < 10 && value >= 0 ? "0\(value)" : String(value)
        case .lowerLetter: return Self.letters(value)
        case .upperLetter: return Self.letters(value).uppercased()
        case .lowerRoman: return Self.roman(value)
        case .upperRoman: return Self.roman(value).uppercased()
        case .none: return ""
        }
    }

    /// A Word `w:numFmt` value; nil for bullets; decimal for formats scrutiny does not spell out.
    init?(word numFmt: String) {
        switch numFmt {
        case "bullet": return nil
        case "none": self = .none
        case "decimalZero": self = .decimalZero
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        default: self = .decimal
        }
    }

    /// An OpenDocument `style:num-format` value ("1", "a", "A", "i", "I", or empty for none).
    init(odf numFormat: String) {
        switch numFormat {
        case "": self = .none
        case "a": self = .lowerLetter
        case "A": self = .upperLetter
        case "i": self = .lowerRoman
        case "I": self = .upperRoman
        default: self = .decimal
        }
    }

    /// A CSS `list-style-type` keyword.
    init?(css keyword: String) {
        switch keyword.trimmingCharacters(in: " \t\n\r").lowercased() {
        case "decimal": self = .decimal
        case "decimal-leading-zero": self = .decimalZero
        case "lower-alpha", "lower-latin": self = .lowerLetter
        case "upper-alpha", "upper-latin": self = .upperLetter
        case "lower-roman": self = .lowerRoman
        case "upper-roman": self = .upperRoman
        case "none": self = .none
        default: return nil
        }
    }

    /// An HTML `<ol type>` value.
    init?(htmlType type: String) {
        switch type {
        case "1": self = .decimal
        case "a": self = .lowerLetter
        case "A": self = .upperLetter
        case "i": self = .lowerRoman
        case "I": self = .upperRoman
        default: return nil
        }
    }
}

private extension ListNumberStyle {
    /// a … z, then aa … zz, as Word and LibreOffice continue, up to eight letters (208, "zzzzzzzz");
    /// a larger counter is shown in digits, so that a list starting at 1,000,000 costs seven
    /// characters a marker, not tens of thousands.
    static func letters(_ value: Int) -> String {
        guard value > 0, value <= 26 * maximumLetters else { return String(value) }
        let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    static let maximumLetters = 8

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let numerals: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = value
        var output = ""
        for (amount, numeral) in numerals {
            while rest >= amount {
                output += numeral
                rest -= amount
            }
        }
        return output
    }
}
