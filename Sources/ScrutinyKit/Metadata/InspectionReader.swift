/// Reads an inspection document's kind, area, fieldwork date and judgements with the cues of
/// `lexicons/inspections.yml`. Not an inspection (no kind, or neither a date nor a judgement
/// found): nil.
public struct InspectionReader: Sendable {
    public let lexicon: InspectionLexicon

    public init(lexicon: InspectionLexicon) {
        self.lexicon = lexicon
    }

    /// One line of the document: a block's text, its words (lower-cased) and where it stands.
    struct Line {
        var block: Block
        var words: [Word]
        var texts: [String]

        init(_ block: Block, words given: [Word]? = nil) {
            self.block = block
            words = given ?? WordTokenizer.words(block.text)
            texts = words.map(\.text)
        }

        /// The text between two word positions (end exclusive), as written.
        func text(from start: Int, to end: Int) -> String {
            guard start < end, start < words.count else { return "" }
            let from = words[start].start, to = words[min(end, words.count) - 1].end
            let scalars = block.text.unicodeScalars
            let lower = scalars.index(scalars.startIndex, offsetBy: from)
            return String(scalars[lower..<scalars.index(lower, offsetBy: to - from)])
        }

        /// Whether the word at `index` starts with a lower-case letter, as written.
        func startsLowercase(_ index: Int) -> Bool {
            let scalars = block.text.unicodeScalars
            return scalars[scalars.index(scalars.startIndex, offsetBy: words[index].start)].properties.isLowercase
        }
    }

    /// `blockWords`: the document's blocks' words, when made before.
    public func read(_ document: Document, blockWords: BlockWords? = nil) -> InspectionProfile? {
        // The kind is read from the first lines: the rest are tokenised only for an inspection.
        let blocks = document.blocks.indices.filter { !document.blocks[$0].text.isEmpty }
        func line(_ index: Int) -> Line { Line(document.blocks[index], words: blockWords?[block: index]) }
        let first = blocks.prefix(Self.headLines * 2).map(line)
        guard let kind = kind(first) else { return nil }
        let lines = first + blocks.dropFirst(Self.headLines * 2).map(line)
        let date = date(lines)
        let judgements = judgements(lines)
        guard date != nil || !judgements.isEmpty else { return nil }
        return InspectionProfile(kind: kind.id, area: area(lines, kind: kind), date: date,
                                 published: published(lines) ?? copyrightYear(lines, after: date), judgements: judgements)
    }

    /// The document type an inspection of this kind has.
    public func documentType(of profile: InspectionProfile) -> DocumentType? {
        lexicon.kinds.first { $0.id == profile.kind }?.documentType
    }

    /// The partnership an inspection is filed under: its area without council words.
    public func partnership(of profile: InspectionProfile) -> String? {
        guard let area = profile.area else { return nil }
        let line = Line(Block(kind: .paragraph, text: area))
        var start = 0, end = line.words.count
        while let phrase = lexicon.partnershipPrefixes.longest(in: line.texts, at: start), start + phrase.wordCount < end {
            start += phrase.wordCount
        }
        var trimmed = true
        while trimmed {
            trimmed = false
            for phrase in lexicon.partnershipSuffixes.phrases where end - phrase.wordCount > start {
                if PhraseList.matches(phrase, in: Array(line.texts[..<end]), at: end - phrase.wordCount) {
                    end -= phrase.wordCount
                    trimmed = true
                    break
                }
            }
        }
        let name = line.text(from: start, to: end)
        return name.isEmpty ? area : name
    }
}

extension InspectionReader {
    static let headLines = 30

    func kind(_ lines: [Line]) -> InspectionLexicon.Kind? {
        let head = lines.prefix(Self.headLines)
        for kind in lexicon.kinds where head.contains(where: { kind.title.matchesAtStart($0.texts) }) { return kind }
        let body = lines.prefix(Self.headLines * 2)
        for kind in lexicon.kinds where !kind.body.isEmpty && body.contains(where: { kind.body.matches($0.texts) }) { return kind }
        return nil
    }

    /// The longest area named after a `before` cue at a line's start, in the document's head; else,
    /// for kinds whose title names none, its first line that is not an appendix's or agenda's
    /// label (`not_areas`), up to the title where the title runs on in it ("Leicester City
    /// Council Inspection of services for children …").
    func area(_ lines: [Line], kind: InspectionLexicon.Kind) -> String? {
        var best: String?
        for line in lines.prefix(Self.headLines) {
            guard let before = lexicon.areaBefore.longest(in: line.texts, at: 0) else { continue }
            var start = before.wordCount
            if line.texts.count > start, line.texts[start] == "the" { start += 1 }
            var end = line.words.count
            for index in start..<line.words.count {
                if lexicon.areaAfter.longest(in: line.texts, at: index) != nil { end = index; break }
                if lexicon.areaBeforeDate.longest(in: line.texts, at: index) != nil, index + 1 < line.texts.count,
                   line.texts[index + 1].first?.isNumber == true { end = index; break }
            }
            while end > start, lexicon.areaTrailingLowercase.contains(line.texts[end - 1]),
                  line.startsLowercase(end - 1) { end -= 1 }
            guard end > start, !lexicon.notAreas.matchesAtStart(Array(line.texts[start...])) else { continue }
            let area = line.text(from: start, to: end)
            if area.count > (best?.count ?? 0) { best = area }
        }
        if let best { return best }
        // A line of figures alone ("30", a page count left above the title) names no area.
        guard kind.firstLineArea,
              let line = lines.prefix(3).first(where: { line in
                  !lexicon.notAreas.matchesAtStart(line.texts) && line.texts.contains { $0.contains(where: \.isLetter) }
              }) else { return nil }
        let title = (kind.title.firstMatch(in: line.texts) ?? kind.body.firstMatch(in: line.texts)).map(\.at)
        let end = title.flatMap { $0 > 0 ? $0 : nil } ?? line.words.count
        // "1 Manchester City Council …": a page number before the name is no part of it.
        let start = line.texts.prefix(end).firstIndex { $0.contains(where: \.isLetter) } ?? 0
        return line.text(from: start, to: end)
    }

    static let months = MonthNames.full

    /// The last date of the first line labelled with the inspection dates, else of the letter's
    /// opening sentence: "2026-03-13".
    func date(_ lines: [Line]) -> String? {
        for cues in [lexicon.dateLabels, lexicon.dateSentences] {
            for line in lines {
                guard let found = cues.firstMatch(in: line.texts) else { continue }
                var words = Array(line.texts[(found.at + found.phrase.wordCount)...])
                if let end = lexicon.dateEnds.firstMatch(in: words) { words = Array(words[..<end.at]) }
                if let date = Self.lastDate(in: words) { return date }
            }
        }
        return nil
    }

    /// The first date after a label of publication ("Report published: 27 March 2015") in the
    /// first lines: "2015-03-27"; failing that, a letter's own date, a line of the first lines that
    /// is nothing but a date ("19 October 2021" above "Dear Janet"), which a letter is sent and
    /// published on (its fieldwork was weeks before).
    func published(_ lines: [Line]) -> String? {
        for line in lines.prefix(Self.headLines * 2) {
            guard let found = lexicon.publishedLabels.firstMatch(in: line.texts) else { continue }
            let after = Array(line.texts[(found.at + found.phrase.wordCount)...].prefix(4))
            if let date = Self.lastDate(in: after) { return date }
        }
        return lines.prefix(Self.headLines).lazy.filter { $0.texts.count == 3 }.compactMap { Self.lastDate(in: $0.texts) }.first
    }

    /// The year a copyright line gives ("© Crown copyright 2024": "2024") where it is later than
    /// the fieldwork's year: the year the report was published in.
    func copyrightYear(_ lines: [Line], after fieldwork: String?) -> String? {
        guard let fieldwork, let fieldworkYear = Int(fieldwork.prefix(4)) else { return nil }
        for line in lines.reversed() {
            guard let found = lexicon.copyrightLabels.firstMatch(in: line.texts) else { continue }
            let after = line.texts[(found.at + found.phrase.wordCount)...].prefix(2)
            guard let year = after.first(where: { $0.count == 4 }).flatMap({ Int($0) }), (1990...2100).contains(year) else { continue }
            return year > fieldworkYear ? String(year) : nil
        }
        return nil
    }

    /// The last "13 March 2026" or "06/10/2016" among `words`.
    static func lastDate(in words: [String]) -> String? {
        var last: String?
        for index in words.indices where index + 2 < words.count {
            guard let day = Int(words[index]), (1...31).contains(day), words[index + 2].count == 4,
                  let year = Int(words[index + 2]), (1990...2100).contains(year) else { continue }
            let month: Int
            if let named = months.firstIndex(of: words[index + 1]) { month = named + 1 } else if let number = Int(words[index + 1]),
                (1...12).contains(number), words[index + 1].count == 2 { month = number } else { continue }
            last = String(format: "%04d-%02d-%02d", year, month, day)
        }
        return last
    }
}
