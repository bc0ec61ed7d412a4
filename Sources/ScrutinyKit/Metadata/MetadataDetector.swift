import Foundation

/// Reads what a document says about itself: the partnership it concerns, its type, its date
/// (month and year) and its authors, with the cues of `lexicons/documents.yml`.
public struct MetadataDetector: Sendable {
    public let rules: MetadataRules
    /// When given, `withEra(_:)` decides each document's era (`lexicons/eras.yml`).
    public let eras: EraDetector?

    public init(rules: MetadataRules, eras: EraRules? = nil) {
        self.rules = rules
        self.eras = eras.map(EraDetector.init(rules:))
    }

    /// `document` with its era decided from its final date (after any manifest) and its words.
    public func withEra(_ document: Document, sentences: [ContextSentence]? = nil) -> Document {
        guard let eras, document.metadata.era == nil else { return document }
        var document = document
        document.metadata.era = eras.detect(document, sentences: sentences).era
        return document
    }

    /// A document read as an inspection with this detector's inspection lexicon by a caller that
    /// needs the reading too, so that it is not read twice.
    public struct ReadInspection: Sendable {
        /// Nil: the document is not an inspection.
        public var profile: InspectionProfile?

        public init(_ profile: InspectionProfile?) {
            self.profile = profile
        }
    }

    /// What the text says, field by field; nil where it says nothing recognisable.
    /// - Parameter sentences: the document's ``Document/contextSentences()`` when the caller has them.
    /// - Parameter inspection: the document read with ``MetadataRules/inspections`` when the caller has read it.
    public func detect(_ document: Document, sentences: [ContextSentence]? = nil, inspection given: ReadInspection? = nil) -> Metadata {
        detection(document, sentences: sentences, inspection: given).metadata
    }

    /// `document` with every field it does not already have filled from its text. A title that is
    /// only the first heading (the reader's default) gives way to the detected one.
    public func filled(_ document: Document, sentences: [ContextSentence]? = nil, inspection: ReadInspection? = nil) -> Document {
        var document = document
        let (detected, stated) = detection(document, sentences: sentences, inspection: inspection)
        if let title = document.metadata.title, title == document.blocks.first(where: { $0.kind == .heading })?.text {
            document.metadata.title = nil
        }
        // A title or author the file's properties give but its text never shows is the file's, not
        // the document's ("Devon - draft report", "Darlington SIF report LI post FAC amendments
        // final", the name of whoever made the PDF: session 28's user audit): the text decides.
        if let title = document.metadata.title, !Self.shows(Self.words(of: document.blocks.prefix(60)), title) {
            document.metadata.title = nil
        }
        // Where the text names its authors, they are the authors; the file's then stand only where
        // the text names none (session 44's audit: a PDF's "Brindlecombe Safeguarding Children
        // Partnership" or "Strategic Director (Children and Families)" stood for the people its
        // text names, where the same document as text gave the people).
        if !detected.authors.isEmpty {
            document.metadata.authors = []
        } else if !document.metadata.authors.isEmpty {
            let all = Self.words(of: document.blocks[...])
            document.metadata.authors = document.metadata.authors.filter { Self.shows(all, $0) }
        }
        let fileDate = document.metadata.date
        document.metadata = document.metadata.filling(from: detected)
        document.metadata.date = Self.date(stated: detected.date.flatMap { stated ? $0 : nil },
                                           inferred: detected.date.flatMap { stated ? nil : $0 }, file: fileDate)
        return document
    }

    /// A document's date from what its text states (a letter's date, "Report published:", the
    /// title's month), what its text lets be inferred (an inspection's fieldwork, the latest month
    /// it mentions), and the file's own properties (a PDF's creation date). The text's stated date
    /// wins: a report saved again, printed to PDF or compressed carries the day it was saved, and was
    /// dated, and given an era, by it (session 39's audit: a 2021 letter re-saved in 2025 became
    /// `wt2023`). Where the text states only a year, the file's month in that year refines it. The
    /// file's date comes before an inferred one, as an inspection report is published a month or
    /// two after its fieldwork and the file is made then, but only where it fits: not before the
    /// inferred date and at most a year after it.
    static func date(stated: String?, inferred: String?, file: String?) -> String? {
        if let stated {
            if stated.count == 4, let file, file.hasPrefix(stated) { return file }
            return stated
        }
        guard let inferred else { return file }
        guard let file, file.count >= 7, inferred.count >= 7 else { return inferred }
        let months = monthNumber(file) - monthNumber(inferred)
        return (0...12).contains(months) ? file : inferred
    }
}

extension MetadataDetector {
    /// The first month and year in `words` (lower case), "2025-03", as a document's dates are read.
    static func firstMonthYear(in words: [String]) -> String? { monthYear(in: words) }
}

private extension MetadataDetector {
    /// What the text says, and whether its date is one the text states as its own (rather than
    /// one inferred from what it reports).
    func detection(_ document: Document, sentences: [ContextSentence]?, inspection given: ReadInspection?)
        -> (metadata: Metadata, dateStated: Bool) {
        let sentences = sentences ?? document.contextSentences()
        let head = sentences.filter { $0.inHead && !$0.text.isEmpty }
        if let lexicon = rules.inspections,
           let inspection = given.map(\.profile) ?? InspectionReader(lexicon: lexicon).read(document) {
            let reader = InspectionReader(lexicon: lexicon)
            let metadata = Metadata(title: title(head: head, all: sentences), partnership: reader.partnership(of: inspection)
                                        ?? PartnershipMentions(sentences: sentences, rules: rules).best,
                                    documentType: reader.documentType(of: inspection),
                                    date: (inspection.published ?? inspection.date).map { String($0.prefix(7)) },
                                    authors: AuthorFinder(rules: rules).authors(in: document))
            return (metadata, inspection.published != nil)
        }
        let date = date(head: head, all: sentences)
        return (Metadata(
            title: title(head: head, all: sentences),
            partnership: PartnershipMentions(sentences: sentences, rules: rules).best,
            documentType: documentType(head: head, all: sentences),
            date: date?.date,
            authors: AuthorFinder(rules: rules).authors(in: document)), date?.stated ?? false)
    }

    /// "2023-09" as a count of months.
    static func monthNumber(_ date: String) -> Int {
        (Int(date.prefix(4)) ?? 0) * 12 + (Int(date.dropFirst(5).prefix(2)) ?? 1)
    }

    /// The blocks' words, lower-cased, one space between and around them.
    static func words(of blocks: ArraySlice<Block>) -> String {
        " " + blocks.map { WordTokenizer.words($0.text).map(\.text).joined(separator: " ") }.joined(separator: " ") + " "
    }

    /// Whether `words` (as ``words(of:)`` makes them) hold `phrase`'s words in a row.
    static func shows(_ words: String, _ phrase: String) -> Bool {
        let wanted = WordTokenizer.words(phrase).map(\.text).joined(separator: " ")
        return !wanted.isEmpty && words.contains(" " + wanted + " ")
    }

    func documentType(head: [ContextSentence], all: [ContextSentence]) -> DocumentType? {
        // Contents lists name every section; only headings and paragraphs of the head count.
        let headWords = head.filter { $0.kind != .listItem }.map(\.wordTexts)
        // A byline of authors as a citation gives them ("Pearce, J., Stratton, I. … (2022)"): the
        // national survey was typed a scrutineer's report by its title's "Independent Scrutiny".
        let authors = AuthorFinder(rules: rules)
        lazy var cited = head.contains { $0.kind == .paragraph && (authors.citedNames($0.text)?.count ?? 0) >= 2 }
        for rule in rules.documentTypes where headWords.contains(where: { rule.head.matches($0) }) || (rule.citedByline && cited) {
            return rule.type
        }
        for rule in rules.documentTypes where !rule.body.isEmpty && all.contains(where: { rule.body.matches($0.wordTexts) }) {
            return rule.type
        }
        return nil
    }

    /// A labelled title ("TITLE: …", a "Report title" row), else the first short line near the top
    /// that reads like a title, else the first line of the head that is not a date.
    func title(head: [ContextSentence], all: [ContextSentence]) -> String? {
        let top = all.prefix(30)
        for sentence in top {
            if sentence.kind == .tableRow {
                let cells = sentence.text.components(separatedBy: "\t")
                if cells.count >= 2, isTitleLabel(cells[0]), !cells[1].isEmpty { return cells[1] }
            }
            if let colon = sentence.text.firstIndex(ofASCII: ":"), isTitleLabel(String(sentence.text[..<colon])) {
                let value = sentence.text[sentence.text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if !value.isEmpty { return value }
            }
        }
        func candidate(_ sentence: ContextSentence) -> Bool {
            sentence.kind != .listItem && sentence.kind != .tableRow && sentence.words.count <= 25
                && !Self.isDateLine(sentence.wordTexts) && !rules.notTitles.matchesAtStart(sentence.wordTexts)
        }
        // Found in place: filtering copied every sentence of the head.
        // A sentence that ends in a full stop is prose, not a title, whatever words it has ("This
        // report provides a descriptive account of …" was a survey's title).
        func titled(_ sentence: ContextSentence) -> Bool {
            candidate(sentence) && !sentence.text.hasSuffix(".") && rules.titleCues.matches(sentence.wordTexts)
        }
        // A heading that reads like a title wins over a line above it ("Local area partnership
        // report", a SEND report's label over its heading "Area SEND inspection of Bexley Local
        // Area Partnership": session 28's user audit).
        return (top.first { $0.kind == .heading && titled($0) } ?? top.first(where: titled) ?? head.first(where: candidate))?.text
    }

    func isTitleLabel(_ text: String) -> Bool {
        let words = WordTokenizer.words(text).map(\.text)
        return !words.isEmpty && words.count <= 2 && rules.titleLabels.phrases.contains { $0.wordCount == words.count }
            && rules.titleLabels.matchesAtStart(words)
    }

    static func isDateLine(_ words: [String]) -> Bool {
        words.count <= 4 && monthYear(in: words) != nil
    }

    /// In the title and byline: the first month and year, or a date written in figures ("Meeting:
    /// 10/11/2025", day first as in the UK), else the end of a reporting year ("Annual Report
    /// 2024/25": "2025"), else the one year the title names ("… Arrangements 2024"), else a year
    /// standing alone ("(2022)" under the authors: "2022"); failing those, a date the text labels as
    /// its own ("Date of Meeting 21 September 2022", `dates.labels`), else the latest month and
    /// year in the text outside sentences about what is still to come (`dates.future`; where every
    /// dated sentence is one, the latest of them): a page or minutes look back at what happened
    /// before them ("following the last inspection in November 2012"). A span ("1 April 2024 to
    /// 31 March 2025") gives its end.
    func date(head: [ContextSentence], all: [ContextSentence]) -> (date: String, stated: Bool)? {
        // Parsed once a document: Swift parses a regex literal each time it is evaluated.
        let patterns = DatePatterns()
        // A sentence about what is still to come dates nothing written, in the head too (a short
        // report's head runs into its recommendations: "… publish it by March 2024" dated a 2021
        // report 2024: session 37's third audit).
        for sentence in head where !rules.futureCues.matches(sentence.wordTexts) {
            if let date = Self.monthYear(in: sentence.wordTexts) ?? Self.numericDate(in: sentence.text, patterns) { return (date, true) }
        }
        for sentence in head { if let year = Self.reportingYearEnd(in: sentence, patterns) { return (year, true) } }
        if let title = head.first(where: \.isHeading), let year = Self.titleYear(in: title.wordTexts) { return (year, true) }
        for sentence in head where sentence.wordTexts.count <= 2 {
            if let year = sentence.wordTexts.first(where: Self.isYear) {
                return (year, true)
            }
        }
        for sentence in all where rules.dateLabels.matchesAtStart(sentence.wordTexts) {
            if let date = Self.monthYear(in: sentence.wordTexts) ?? Self.numericDate(in: sentence.text, patterns) { return (date, true) }
        }
        let dated = all.compactMap { sentence in Self.monthYear(in: sentence.wordTexts).map { (sentence: sentence, date: $0) } }
        let latest = dated.filter { !rules.futureCues.matches($0.sentence.wordTexts) }.map(\.date).max() ?? dated.map(\.date).max()
        return latest.map { ($0, false) }
    }


    static let monthInitials = Set(MonthNames.full.compactMap(\.utf8.first))

    static func monthYear(in words: [String]) -> String? {
        for (index, word) in words.enumerated() where index + 1 < words.count {
            guard let month = month(word) else { continue }
            // The day may stand between: "November 26th 2020".
            let yearIndex = isDay(words[index + 1]) && index + 2 < words.count ? index + 2 : index + 1
            let year = words[yearIndex]
            guard isYear(year) else { continue }
            // A span gives its end: "1st April 2024 to 31st March 2025".
            if yearIndex + 1 < words.count, ["to", "until"].contains(words[yearIndex + 1]),
               let end = monthYear(in: Array(words[(yearIndex + 2)..<min(words.count, yearIndex + 6)])) {
                return end
            }
            return year + "-" + String(format: "%02d", month + 1)
        }
        return nil
    }

    /// "2022": a year a document of this kind can have.
    static func isYear(_ word: String) -> Bool {
        word.count == 4 && word.allSatisfy(\.isNumber) && (1990...2100).contains(Int(word) ?? 0)
    }

    /// "26", "26th", "1st": a day of the month.
    static func isDay(_ word: String) -> Bool {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let day = Int(digits), (1...31).contains(day) else { return false }
        return ["", "st", "nd", "rd", "th"].contains(word.dropFirst(digits.count))
    }

    /// The month a word names, in full or short.
    static func month(_ word: String) -> Int? {
        // Month names are 3 to 9 ASCII bytes starting a, d, f, j, m, n, o or s: other words are not compared.
        guard let (first, length) = word.firstByteAndLength, (3...9).contains(length), monthInitials.contains(first) else { return nil }
        return MonthNames.index(word)
    }

    /// A date written in figures, day first: "10/11/2025" or "5.2.2024" gives "2025-11", "2024-02".
    static func numericDate(in text: String, _ patterns: DatePatterns) -> String? {
        guard text.hasASCIIDigits(atLeast: 6), text.containsByte(UInt8(ascii: "/")) || text.containsByte(UInt8(ascii: ".")),
              let match = text.firstMatch(of: patterns.dayMonthYear),
              let day = Int(match.1), let month = Int(match.2), (1...31).contains(day), (1...12).contains(month) else { return nil }
        return String(match.3) + "-" + String(format: "%02d", month)
    }

    /// The one year a title names, not as the name of guidance or an act ("Multi-Agency Safeguarding
    /// Arrangements 2024": "2024"; not "Working Together 2023" or "Children Act 2004").
    static func titleYear(in words: [String]) -> String? {
        let years = words.indices.filter { isYear(words[$0]) }
        guard years.count == 1, let index = years.first else { return nil }
        if index > 0, ["together", "act", "wt", "wtsc", "guidance", "regulations"].contains(words[index - 1]) { return nil }
        return words[index]
    }

    /// The year a reporting year ends in, where a title or byline names one: "2024/25", "2024-2025",
    /// "2024 to 2025", or "24-25" beside the word report, annual or year: "2025".
    static func reportingYearEnd(in sentence: ContextSentence, _ patterns: DatePatterns) -> String? {
        let text = sentence.text
        // Both forms need four digits ("2024/25", "24-25"); most sentences have none.
        guard text.hasASCIIDigits(atLeast: 4) else { return nil }
        if let match = text.firstMatch(of: patterns.yearSpan),
           let start = Int(match.1), let endDigits = Int(match.2) {
            let end = match.2.count == 2 ? start / 100 * 100 + endDigits : endDigits
            if end == start + 1 { return String(end) }
        }
        let words = sentence.wordTexts
        guard words.contains(where: { ["report", "annual", "yearly", "year"].contains($0) }),
              let match = text.firstMatch(of: patterns.shortYearSpan),
              let start = Int(match.1), let end = Int(match.2), end == start + 1, (10...60).contains(start) else { return nil }
        return String(2000 + end)
    }
}

/// The dates written in figures that ``MetadataDetector`` looks for, made once a document.
struct DatePatterns {
    /// "10/11/2025", "5.2.2024": day, month, year.
    let dayMonthYear = /(?:^|[^\d\/.])(\d{1,2})[\/.](\d{1,2})[\/.]((?:19|20)\d\d)(?![\d\/.]\d)/
    /// "2024/25", "2024-2025", "2024 to 2025".
    let yearSpan = /(?:^|\D)((?:19|20)\d\d) ?(?:[\/\-]|to) ?((?:19|20)?\d\d)(?!\d)/
    /// "24-25", "24/25".
    let shortYearSpan = /(?:^|[^\d\/.\-])(\d\d) ?[\/\-] ?(\d\d)(?![\d\/.\-])/
}
