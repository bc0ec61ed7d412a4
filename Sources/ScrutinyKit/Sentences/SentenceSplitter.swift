/// Splits a paragraph into sentences, surviving abbreviations ("e.g.", "i.e.", "No.", "para."),
/// initials ("J. Pearce"), decimal numbers and quotations that close after the full stop.
public enum SentenceSplitter {
    /// Each sentence with its offset range in `text`, in Unicode scalars.
    public static func sentences(_ text: String) -> [(text: String, range: Range<Int>)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(String, Range<Int>)] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "." || scalar == "?" || scalar == "!" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, closers.contains(scalars[end]) { end += 1 }
            guard end < scalars.count, scalars[end] == " " else {
                index += 1
                continue
            }
            var next = end
            while next < scalars.count, scalars[next] == " " { next += 1 }
            guard next < scalars.count else { break }
            let following = scalars[next]
            let opensSentence = following.properties.isUppercase || ("0"..."9").contains(following)
                || openers.contains(following)
            if opensSentence, scalar != "." || !isAbbreviation(scalars, periodAt: index, followedBy: following) {
                append(scalars, start..<end, to: &result)
                start = next
            }
            index = next
        }
        append(scalars, start..<scalars.count, to: &result)
        return result
    }
}

private extension SentenceSplitter {
    static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}"]
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "(", "[", "\u{201C}", "\u{2018}"]
    /// Abbreviations after which a full stop never ends a sentence.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "eg", "ie", "no", "nos", "para", "paras", "p", "pp", "dr", "mr", "mrs", "ms", "cllr", "prof",
        "st", "cf", "vs", "approx", "fig", "ch", "ref", "vol", "sec", "ss", "s", "art", "reg", "rev", "hon", "inc",
        "ltd", "co", "et al", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    static func isAbbreviation(_ scalars: [Unicode.Scalar], periodAt index: Int, followedBy next: Unicode.Scalar) -> Bool {
        var start = index
        while start > 0, scalars[start - 1].properties.isAlphabetic || scalars[start - 1] == "." { start -= 1 }
        let word = String(scalars: scalars[start..<index]).lowercased()
        if word.isEmpty { return false }
        // A single capital letter is an initial ("J. Pearce"), unless it ends a sentence such as "Plan B."
        if word.count == 1, scalars[index - 1].properties.isUppercase { return true }
        if word.contains(".") { return true }
        if word == "etc" { return false }
        return abbreviations.contains(word) && (("0"..."9").contains(next) || word != "no" || next.properties.isUppercase == false)
    }

    static func append(_ scalars: [Unicode.Scalar], _ range: Range<Int>, to result: inout [(String, Range<Int>)]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower] == " " { lower += 1 }
        while upper > lower, scalars[upper - 1] == " " { upper -= 1 }
        guard lower < upper else { return }
        result.append((String(scalars: scalars[lower..<upper]), lower..<upper))
    }
}
