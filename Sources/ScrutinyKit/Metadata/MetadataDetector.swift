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
        let sentences = sentences ?? document.contextSentences()
        let head = sentences.filter { $0.inHead && !$0.text.isEmpty }
        if let lexicon = rules.inspections,
           let inspection = given.map(\.profile) ?? InspectionReader(lexicon: lexicon).read(document) {
            let reader = InspectionReader(lexicon: lexicon)
            return Metadata(title: title(head: head, all: sentences), partnership: reader.partnership(of: inspection)
                                ?? PartnershipMentions(sentences: sentences, rules: rules).best,
                            documentType: reader.documentType(of: inspection), date: inspection.date.map { String($0.prefix(7)) },
                            authors: AuthorFinder(rules: rules).authors(in: document))
        }
        return Metadata(
            title: title(head: head, all: sentences),
            partnership: PartnershipMentions(sentences: sentences, rules: rules).best,
            documentType: documentType(head: head, all: sentences),
            date: date(head: head, all: sentences),
            authors: AuthorFinder(rules: rules).authors(in: document))
    }

    /// `document` with every field it does not already have filled from its text. A title that is
    /// only the first heading (the reader's default) gives way to the detected one.
    public func filled(_ document: Document, sentences: [ContextSentence]? = nil, inspection: ReadInspection? = nil) -> Document {
        var document = document
        let detected = detect(document, sentences: sentences, inspection: inspection)
        if let title = document.metadata.title, title == document.blocks.first(where: { $0.kind == .heading })?.text {
            document.metadata.title = nil
        }
        document.metadata = document.metadata.filling(from: detected)
        return document
    }
}

private extension MetadataDetector {
    func documentType(head: [ContextSentence], all: [ContextSentence]) -> DocumentType? {
        // Contents lists name every section; only headings and paragraphs of the head count.
        let headWords = head.filter { $0.kind != .listItem }.map(\.wordTexts)
        for rule in rules.documentTypes where headWords.contains(where: { rule.head.matches($0) }) { return rule.type }
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
            if let colon = sentence.text.firstIndex(of: ":"), isTitleLabel(String(sentence.text[..<colon])) {
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
        return (top.first { candidate($0) && !$0.text.hasSuffix(".") && rules.titleCues.matches($0.wordTexts) }
            ?? head.first(where: candidate))?.text
    }

    func isTitleLabel(_ text: String) -> Bool {
        let words = WordTokenizer.words(text).map(\.text)
        return !words.isEmpty && words.count <= 2 && rules.titleLabels.phrases.contains { $0.wordCount == words.count }
            && rules.titleLabels.matchesAtStart(words)
    }

    static func isDateLine(_ words: [String]) -> Bool {
        words.count <= 4 && monthYear(in: words) != nil
    }

    /// The first month and year in the title and byline, else a year standing alone there
    /// ("(2022)" under the authors: "2022"), else the first month and year in the text: "2022-05".
    func date(head: [ContextSentence], all: [ContextSentence]) -> String? {
        for sentence in head { if let date = Self.monthYear(in: sentence.wordTexts) { return date } }
        for sentence in head where sentence.wordTexts.count <= 2 {
            if let year = sentence.wordTexts.first(where: { $0.count == 4 && $0.allSatisfy(\.isNumber) && (1990...2100).contains(Int($0) ?? 0) }) {
                return year
            }
        }
        for sentence in all { if let date = Self.monthYear(in: sentence.wordTexts) { return date } }
        return nil
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    static let monthInitials = Set(months.compactMap(\.utf8.first))

    static func monthYear(in words: [String]) -> String? {
        for (index, word) in words.enumerated() where index + 1 < words.count {
            // Month names are 3 to 9 ASCII bytes starting a, d, f, j, m, n, o or s: other words are not compared.
            guard (3...9).contains(word.utf8.count), let first = word.utf8.first, monthInitials.contains(first),
                  let month = months.firstIndex(of: word) else { continue }
            let year = words[index + 1]
            guard year.count == 4, year.allSatisfy(\.isNumber), let value = Int(year), (1990...2100).contains(value) else { continue }
            return year + "-" + String(format: "%02d", month + 1)
        }
        return nil
    }
}
