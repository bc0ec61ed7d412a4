/// List markers as PDFs print them: the bullets and numbering ``ListMarker`` knows, plus the
/// letters and private-use characters that Word's symbol-font bullets turn into ("l", "§", "Ø",
/// U+F0B7) when a PDF's font has no Unicode mapping for them.
enum PDFListMarker {
    struct Parsed: Hashable, Sendable {
        /// The marker as printed ("•", "1.", "2.5", "(a)"); "•" for a symbol-font artefact.
        var marker: String
        var ordinal: String?
        /// Whether the line's first word is an artefact to drop rather than a marker ListMarker can strip.
        var isArtefact: Bool
    }

    /// Letters that a bullet set in Wingdings or Symbol becomes without its font.
    static let symbolLetters: Set<String> = ["l", "n", "o", "q", "v", "w", "§", "Ø", "ü", "ð", "Ÿ"]
    /// Bullet glyphs that ``ListMarker/bullets`` does not list.
    static let moreBullets: Set<Character> = ["\u{25B8}", "\u{25AB}", "\u{2043}", "\u{25C9}", "\u{2219}", "\u{F0A8}", "\u{F06C}", "\u{F06E}"]

    /// The marker at the start of `line`, if it opens a list item or numbered paragraph.
    static func parse(_ line: PDFLine) -> Parsed? {
        guard line.words.count >= 2, mayBeMarker(line.words[0]) else { return nil }
        let first = CharacterNormalizer.normalize(line.words[0].text)
        if isArtefact(first, word: line.words[0]) { return Parsed(marker: "\u{2022}", ordinal: nil, isArtefact: true) }
        if first.count == 1, let character = first.first, moreBullets.contains(character) {
            return Parsed(marker: first, ordinal: nil, isArtefact: true)
        }
        let text = CharacterNormalizer.normalize(line.words.prefix(3).map(\.text).joined(separator: " "))
        guard let marker = ListMarker.parse(Substring(text)) else { return nil }
        return Parsed(marker: marker.marker, ordinal: marker.ordinal, isArtefact: false)
    }

    /// Whether `fragment` holds a marker and nothing else (its text was set apart by a tab).
    static func isMarkerOnly(_ fragment: PDFLine) -> Bool {
        guard fragment.words.count == 1 else { return false }
        let text = CharacterNormalizer.normalize(fragment.words[0].text)
        if isArtefact(text, word: fragment.words[0]) { return true }
        if text.count == 1, let character = text.first, ListMarker.isBullet(character) || moreBullets.contains(character) {
            return true
        }
        guard let parsed = ListMarker.parse(Substring(text + " X")) else { return false }
        return parsed.ordinal != nil && parsed.marker == text
    }
}

private extension PDFListMarker {
    /// A cheap first look: most lines open with a word that cannot be a marker (letters only,
    /// longer than a roman numeral, or not ending in "." or ")").
    static func mayBeMarker(_ word: PDFWord) -> Bool {
        guard let first = word.text.unicodeScalars.first else { return false }
        if word.symbolFont || !first.isASCII || first == "(" || first == "-" || first == "*" || ("0"..."9").contains(first) { return true }
        guard first.properties.isAlphabetic else { return true }
        let count = word.text.unicodeScalars.count
        if count == 1 { return true }
        guard let last = word.text.unicodeScalars.last, last == "." || last == ")" else { return false }
        return count <= 6
    }


    /// A lone "l" opens no English sentence; the other letters count only when set in a symbol font.
    static func isArtefact(_ text: String, word: PDFWord) -> Bool {
        text == "l" || (word.symbolFont && symbolLetters.contains(text))
    }
}
