/// Splits a paragraph into sentences, surviving abbreviations ("e.g.", "i.e.", "No.", "para."),
/// initials ("J. Pearce"), decimal numbers and quotations that close after the full stop.
public enum SentenceSplitter {
    /// Whether a text ends as a sentence does: a full stop, question or exclamation mark, before
    /// any closing quotation marks and brackets.
    static func endsAsSentence(_ text: String) -> Bool {
        let last = text.unicodeScalars.reversed().first { !"\"'\u{201D}\u{2019})] ".unicodeScalars.contains($0) }
        return last.map { ".!?".unicodeScalars.contains($0) } ?? false
    }

    /// Each sentence with its offset range in `text`, in Unicode scalars.
    public static func sentences(_ text: String) -> [(text: String, range: Range<Int>)] {
        // An all-ASCII paragraph (most) is split on its bytes: each byte is a scalar, so the
        // offsets and every test are the same, without an array of scalars.
        guard text.withUTF8Bytes({ bytes in bytes.isASCII }) else { return sentencesReadingScalars(text) }
        return split(Array(text.utf8))
    }

    /// `sentences(_:)` read scalar by scalar, whatever the text (what non-ASCII text is given).
    static func sentencesReadingScalars(_ text: String) -> [(text: String, range: Range<Int>)] {
        split(Array(text.unicodeScalars))
    }
}

/// What the splitter asks of a unit of text: a Unicode scalar, or a byte of ASCII text (where
/// each byte is a scalar and the answers are the scalar's).
private protocol SentenceUnit: Equatable {
    var scalar: Unicode.Scalar { get }
    var isUppercase: Bool { get }
    var isAlphabetic: Bool { get }
    static func string<Units: Collection<Self>>(_ units: Units) -> String
}

extension Unicode.Scalar: SentenceUnit {
    fileprivate var scalar: Unicode.Scalar { self }
    fileprivate var isUppercase: Bool { properties.isUppercase }
    fileprivate var isAlphabetic: Bool { properties.isAlphabetic }
    fileprivate static func string<Units: Collection<Self>>(_ units: Units) -> String { String(scalars: units) }
}

extension UInt8: SentenceUnit {
    fileprivate var scalar: Unicode.Scalar { Unicode.Scalar(self) }
    fileprivate var isUppercase: Bool { (0x41...0x5A).contains(self) }
    fileprivate var isAlphabetic: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    fileprivate static func string<Units: Collection<Self>>(_ units: Units) -> String { String(decoding: units, as: UTF8.self) }
}

private extension SentenceSplitter {
    static func split<Units: RandomAccessCollection>(_ scalars: Units) -> [(text: String, range: Range<Int>)]
    where Units.Element: SentenceUnit, Units.Index == Int {
        // Labelled as the result is: an array of unlabelled tuples returned as labelled ones is
        // converted by a dynamic cast, element by element.
        var result: [(text: String, range: Range<Int>)] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index].scalar
            guard scalar == "." || scalar == "?" || scalar == "!" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, closers.contains(scalars[end].scalar) { end += 1 }
            guard end < scalars.count, scalars[end].scalar == " " else {
                index += 1
                continue
            }
            var next = end
            while next < scalars.count, scalars[next].scalar == " " { next += 1 }
            guard next < scalars.count else { break }
            let following = scalars[next]
            let opensSentence = following.isUppercase || ("0"..."9").contains(following.scalar)
                || openers.contains(following.scalar)
            if opensSentence, scalar != "." || !isAbbreviation(scalars, periodAt: index, followedBy: following) {
                append(scalars, start..<end, to: &result)
                start = next
            }
            index = next
        }
        append(scalars, start..<scalars.count, to: &result)
        return result
    }

    static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}"]
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "(", "[", "\u{201C}", "\u{2018}"]
    /// Abbreviations after which a full stop never ends a sentence.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "eg", "ie", "no", "nos", "para", "paras", "p", "pp", "dr", "mr", "mrs", "ms", "cllr", "prof",
        "st", "cf", "vs", "approx", "fig", "ch", "ref", "vol", "sec", "ss", "s", "art", "reg", "rev", "hon", "inc",
        "ltd", "co", "et al", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    static func isAbbreviation<Units: RandomAccessCollection>(_ scalars: Units, periodAt index: Int, followedBy next: Units.Element) -> Bool
    where Units.Element: SentenceUnit, Units.Index == Int {
        var start = index
        while start > 0, scalars[start - 1].isAlphabetic || scalars[start - 1].scalar == "." { start -= 1 }
        let word = Units.Element.string(scalars[start..<index]).lowercased()
        if word.isEmpty { return false }
        // A single capital letter is an initial ("J. Pearce"), unless it ends a sentence such as "Plan B."
        if word.count == 1, scalars[index - 1].isUppercase { return true }
        // Foundation's search only where the byte is there (nothing else is a full stop).
        if word.containsByte(0x2E), word.contains(".") { return true }
        if word == "etc" { return false }
        return abbreviations.contains(word) && (("0"..."9").contains(next.scalar) || word != "no" || next.isUppercase == false)
    }

    static func append<Units: RandomAccessCollection>(_ scalars: Units, _ range: Range<Int>, to result: inout [(text: String, range: Range<Int>)])
    where Units.Element: SentenceUnit, Units.Index == Int {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower].scalar == " " { lower += 1 }
        while upper > lower, scalars[upper - 1].scalar == " " { upper -= 1 }
        guard lower < upper else { return }
        result.append((Units.Element.string(scalars[lower..<upper]), lower..<upper))
    }
}
