/// Rejoins words broken at a line end: "safe‐" + "guarding" is "safeguarding", whichever hyphen
/// was printed (U+002D, U+2010, U+2011 or a soft hyphen), while a compound broken at its own
/// hyphen keeps it: "multi-" + "agency" is "multi-agency". The document itself decides first:
/// whichever of the two spellings it uses elsewhere wins; failing that, a soft hyphen always joins,
/// a capital or a digit on either side of the break keeps the hyphen ("Anglo-" + "Saxon", "2021-" +
/// "22", "24-" + "hour"), and so do common compound prefixes and suffixes ("cross-" + "border",
/// "decision-" + "making"), and a short prefix before its own vowel ("co-" + "ordinate"). Then the document's own habit decides: where the breaks its spellings
/// settle mostly kept their hyphen, it breaks lines only at hyphens (as Word does unless told to
/// hyphenate), and a break no spelling settles keeps its hyphen too ("semi-" + "independent",
/// "small-" + "scale"). In a document that prints its breaks as U+2010 and its compounds with
/// U+002D, the character decides.
struct Hyphenation: Sendable {
    /// How often each lower-cased word occurs in the document, hyphenated compounds included.
    private var vocabulary: [String: Int] = [:]

    static let hyphens: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{00AD}"]

    /// Set when the document prints its breaks with U+2010 and its own compounds with U+002D (as
    /// typesetters that tell the two apart do): the character then decides.
    private var distinctBreaks = false

    /// Set when most line-end breaks the document's spellings settle are compounds (at least three,
    /// four in five): the document breaks lines only at hyphens, so an unsettled break keeps its own.
    private var breaksAtHyphensOnly = false

    /// Learns the document's spellings from its lines, each a list of words as printed.
    init(lines: some Sequence<[String]>) {
        var breaksWithHyphen = 0
        var compoundsWithHyphen = 0
        var compoundsWithMinus = 0
        var breaks: [(left: String, right: String)] = []
        var broken: String?
        for line in lines {
            if let left = broken, let right = line.first { breaks.append((left, right)) }
            broken = nil
            for (index, word) in line.enumerated() {
                if index == line.count - 1, let hyphen = Self.trailingHyphen(word) {
                    if hyphen == "\u{2010}" { breaksWithHyphen += 1 }
                    if hyphen != "\u{00AD}" { broken = word }
                    continue
                }
                let scalars = word.unicodeScalars.dropFirst().dropLast()
                compoundsWithHyphen += scalars.filter { $0 == "\u{2010}" }.count
                compoundsWithMinus += scalars.filter { $0 == "-" }.count
                let token = Self.token(word)
                if !token.isEmpty { vocabulary[token, default: 0] += 1 }
            }
        }
        distinctBreaks = breaksWithHyphen >= 2 && compoundsWithHyphen == 0 && compoundsWithMinus >= 1
        // The breaks the document's own spellings settle, by which spelling it uses.
        var kept = 0
        var joined = 0
        for (left, right) in breaks {
            let stem = String(left.unicodeScalars.dropLast())
            let keptCount = vocabulary[Self.token(stem + "-" + right)] ?? 0
            let joinedCount = vocabulary[Self.token(stem + right)] ?? 0
            if keptCount > joinedCount { kept += 1 } else if joinedCount > keptCount { joined += 1 }
        }
        breaksAtHyphensOnly = kept >= 3 && kept * 5 >= (kept + joined) * 4
    }

    /// The hyphen that ends `word` after a letter or digit, if the word was broken there.
    static func trailingHyphen(_ word: String) -> Unicode.Scalar? {
        let scalars = word.unicodeScalars
        guard let last = scalars.last, hyphens.contains(last), scalars.count >= 2 else { return nil }
        let before = scalars[scalars.index(before: scalars.index(before: scalars.endIndex))]
        return before.properties.isAlphabetic || ("0"..."9").contains(before) ? last : nil
    }

    /// `left` (ending in its hyphen) and `right` (the first word of the next line) as one word.
    func join(_ left: String, _ right: String) -> String {
        guard let hyphen = Self.trailingHyphen(left) else { return left + " " + right }
        var stem = left.unicodeScalars
        stem.removeLast()
        let stemText = String(stem)
        if hyphen == "\u{00AD}" { return stemText + right }
        let joined = stemText + right
        let compound = stemText + "-" + right
        if distinctBreaks, hyphen == "-" || hyphen == "\u{2010}" { return hyphen == "-" ? compound : joined }
        guard let first = right.unicodeScalars.first, first.properties.isLowercase else { return compound }
        if Self.conjunctions.contains(Self.token(right)) { return left + " " + right }
        if let last = stemText.unicodeScalars.last, ("0"..."9").contains(last) { return compound }
        let keptCount = vocabulary[Self.token(compound)] ?? 0
        let joinedCount = vocabulary[Self.token(joined)] ?? 0
        if keptCount != joinedCount { return keptCount > joinedCount ? compound : joined }
        // A compound broken inside its last part ("self-as-" + "sessments") joins when that part
        // is a word of the document ("assessments") and the piece after the break is not.
        if stemText.unicodeScalars.contains("-"), let last = stemText.split(separator: "-").last,
           (vocabulary[Self.token(String(last) + right)] ?? 0) > 0, (vocabulary[Self.token(right)] ?? 0) == 0 {
            return joined
        }
        // A chain ("case-by-" + "case", "face-" + "to-face") and a web address keep every hyphen.
        if stemText.unicodeScalars.contains("-") || right.unicodeScalars.contains("-") { return compound }
        if stemText.contains("://") || stemText.lowercased().hasPrefix("www.") || stemText.contains("/") { return compound }
        let prefix = Self.token(String(stemText.unicodeScalars.reversed().prefix { $0.properties.isAlphabetic }.reversed()
            .map(Character.init)))
        let suffix = Self.token(right)
        if Self.compoundPrefixes.contains(prefix) || Self.compoundSuffixes.contains(suffix) { return compound }
        // A short prefix before the vowel it ends in keeps its hyphen, as British spelling writes
        // it ("co-" + "ordinate", "re-" + "establish", "de-" + "escalate", "anti-" + "inflammatory").
        if prefix == Self.token(stemText), prefix.count <= 4, let vowel = prefix.last, "aeiou".contains(vowel),
           suffix.first == vowel { return compound }
        return breaksAtHyphensOnly ? compound : joined
    }
}

private extension Hyphenation {
    /// Lower-cased, surrounding punctuation removed, every kind of hyphen made "-".
    static func token(_ word: String) -> String {
        if let ascii = asciiToken(word) { return ascii }
        let scalars = Array(word.unicodeScalars)
        let isWordScalar = { (scalar: Unicode.Scalar) in
            scalar.isASCII ? (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        guard let start = scalars.firstIndex(where: isWordScalar), let end = scalars.lastIndex(where: isWordScalar) else { return "" }
        var output = String.UnicodeScalarView()
        for scalar in scalars[start...end] {
            if scalar == "\u{2010}" || scalar == "\u{2011}" {
                output.append("-")
            } else if scalar != "\u{00AD}" {
                output.append(scalar)
            }
        }
        return String(output).lowercased()
    }

    /// ``token(_:)`` for a word of ASCII alone (most words), on its bytes; nil for any other word.
    static func asciiToken(_ word: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        var lastWordByte = -1
        for byte in word.utf8 {
            guard byte < 0x80 else { return nil }
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isWordByte = isUpper || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if bytes.isEmpty, !isWordByte { continue }
            bytes.append(isUpper ? byte + 0x20 : byte)
            if isWordByte { lastWordByte = bytes.count - 1 }
        }
        return String(decoding: bytes.prefix(lastWordByte + 1), as: UTF8.self)
    }

    /// Words after which a line-end hyphen is a suspended compound ("pre- and post-natal").
    static let conjunctions: Set<String> = ["and", "or", "to", "nor"]

    /// Words that begin hyphenated compounds far more often than they end a hyphenation break.
    static let compoundPrefixes: Set<String> = ["multi", "cross", "non", "self", "well", "long", "full", "half"]

    /// Words that end hyphenated compounds.
    static let compoundSuffixes: Set<String> = [
        "agency", "agencies", "based", "led", "level", "term", "wide", "making", "related", "specific", "focused",
        "owned", "centred", "centered", "informed", "sharing", "orientated", "oriented", "gathering", "focussed",
        "dependent", "friendly", "optimistic",
    ]
}
