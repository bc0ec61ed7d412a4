import Foundation

/// Decides which edition of the statutory guidance a document was written against, from its date
/// and its own words, by the rules of `lexicons/eras.yml`:
///
/// 1. the era of the date is the last whose `from` is on or before it;
/// 2. each era's cues found in the text are summed, each distinct phrase once, a cue in the title
///    or byline `head_factor` times over;
/// 3. a dated document keeps its date's era, except inside a transition window, where a
///    neighbouring era of the window whose score leads by `margin` or more wins;
/// 4. an undated document takes the era whose score leads by `margin`, else none.
public struct EraDetector: Sendable {
    public let rules: EraRules
    /// Every era's cues in one list (eras in order, each era's cues in order), so that a sentence
    /// is searched once for all of them; `cueOf[i]` is the (era, cue) of the list's phrase `i`.
    private let allCues: PhraseList
    private let cueOf: [(era: Int, cue: Int)]

    public init(rules: EraRules) {
        self.rules = rules
        var sources: [String] = []
        var cueOf: [(era: Int, cue: Int)] = []
        for (eraIndex, era) in rules.eras.enumerated() {
            for (cueIndex, cue) in (rules.cues[era.name] ?? []).enumerated() where !cue.phrase.isEmpty {
                sources.append(cue.source)
                cueOf.append((eraIndex, cueIndex))
            }
        }
        allCues = PhraseList(sources)
        self.cueOf = cueOf
    }

    /// The decision and what it rested on.
    public struct Finding: Sendable, Hashable, Codable {
        /// The era's name, nil when neither date nor words decide.
        public var era: String?
        /// The era the date alone gives.
        public var byDate: String?
        /// Each era's cue score.
        public var scores: [String: Double]
        /// The cues found, "wt2018: working together 2018".
        public var cues: [String]
    }

    /// The era of `document`, dated by `date` (its metadata's date when nil).
    public func detect(_ document: Document, date: String? = nil, sentences: [ContextSentence]? = nil) -> Finding {
        let sentences = sentences ?? document.contextSentences()
        return detect(sentences: sentences.map { ($0.wordTexts, $0.inHead) }, date: date ?? document.metadata.date)
    }

    /// The era of undated lines of text (a pasted list: `classify --lines`), by their words alone.
    public func detect(lines: some Sequence<some StringProtocol>) -> Finding {
        detect(sentences: lines.map { (WordTokenizer.words(String($0)).map(\.text), false) }, date: nil)
    }

    /// The era of a pasted list: its words, and as its date the first month and year in the
    /// headings above its items ("Recommendations - March 2025"); a date inside an item ("by March
    /// 2025") is a deadline, not the list's (session 45's audit: a list headed March 2025 was
    /// coded against the 2018 guidance). The date found is returned beside the finding.
    public func detect(lines: some Sequence<some StringProtocol>, headings: [String]) -> (finding: Finding, date: String?) {
        let date = headings.lazy.compactMap(Self.headingDate).first
        return (detect(sentences: lines.map { (WordTokenizer.words(String($0)).map(\.text), false) }, date: date), date)
    }

    /// The month a heading is dated, "2025-03": a month and year ("March 2025"), a date in figures
    /// day first or year first ("14/03/2025", "2025-03-14"), a season ("Spring 2025": its first
    /// month), a year of account ("2024/25", "2024-25": its last month, March 2025, as a yearly
    /// report is dated by the year it reports on) or a year alone (its January), unless the year
    /// names the guidance ("Recommendations under Working Together 2023").
    static func headingDate(_ heading: String) -> String? {
        if let date = MetadataDetector.firstMonthYear(in: WordTokenizer.words(heading).map { $0.text.lowercased() }) { return date }
        let text = heading.lowercased()
        func month(_ value: Substring) -> String? { Int(value).flatMap { (1...12).contains($0) ? String(format: "%02d", $0) : nil } }
        if let match = text.firstMatch(of: /\b(\d{1,2})[\/.](\d{1,2})[\/.](20\d\d)\b/), let month = month(match.2) { return "\(match.3)-\(month)" }
        if let match = text.firstMatch(of: /\b(20\d\d)-(\d{1,2})-(\d{1,2})\b/), let month = month(match.2) { return "\(match.1)-\(month)" }
        // A day, month and two-digit year ("14.03.25", "14/3/25"); with full stops, two digits
        // each, as a section's number ("3.1.12") seldom has.
        if let match = text.firstMatch(of: /\b(\d{1,2})\/(\d{1,2})\/(\d\d)\b|\b(\d\d)\.(\d\d)\.(\d\d)\b(?!\.\d)/),
           let match = (match.1 ?? match.4).map({ (day: $0, month: (match.2 ?? match.5)!, year: (match.3 ?? match.6)!) }),
           Int(match.day).map({ (1...31).contains($0) }) == true,
           let month = month(match.month) { return "20\(match.year)-\(month)" }
        // A month and year in figures ("3/2025", "03/2025").
        if let match = text.firstMatch(of: /\b(\d{1,2})\/(20\d\d)\b/), let month = month(match.1) { return "\(match.2)-\(month)" }
        // A month named and a two-digit year ("March 25", "Mar '25").
        if let match = text.firstMatch(of: /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+['’]?(\d\d)\b(?![\d,]|\s+20\d\d|\s*(?:st|nd|rd|th)\b)/),
           let index = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"].firstIndex(of: String(match.1)) {
            return "20\(match.2)-" + String(format: "%02d", index < 9 ? index + 1 : index)
        }
        // A quarter of a year ("Q1 2025", "Q3 2024"): its first month.
        if let match = text.firstMatch(of: /\bq([1-4])\s+(20\d\d)\b/) { return "\(match.2)-" + ["01", "04", "07", "10"][Int(match.1)! - 1] }
        if let match = text.firstMatch(of: /\b(spring|summer|autumn|fall|winter)\s+(20\d\d)\b/) {
            let first = ["spring": "03", "summer": "06", "autumn": "09", "fall": "09", "winter": "12"][String(match.1)]!
            return "\(match.2)-\(first)"
        }
        if let match = text.firstMatch(of: /(?:\b|fy)(20\d\d)\s?[\/-]\s?(\d\d)\b/), Int(match.2) == (Int(match.1)! + 1) % 100 {
            return "\(Int(match.1)! + 1)-03"
        }
        // A year alone, unless it names the guidance ("Working Together 2023", "WT2018").
        if !text.contains("working together"), !text.contains("wt20"), let match = text.firstMatch(of: /\b(20\d\d)\b/) { return "\(match.1)-01" }
        return nil
    }

    /// The era of a text given as sentences of lower-case words, each marked if it is in the head.
    public func detect(sentences: [(words: [String], inHead: Bool)], date: String?) -> Finding {
        // Each cue's best weight over the sentences it is found in, up to the first in the head.
        var bestOf: [Int: Double] = [:]
        var settled = Set<Int>()
        if allCues.phrases.count == cueOf.count {
            for sentence in sentences {
                for index in allCues.allMatches(in: sentence.words) where !settled.contains(index) {
                    let (eraIndex, cueIndex) = cueOf[index]
                    let cue = rules.cues[rules.eras[eraIndex].name]![cueIndex]
                    bestOf[index] = max(bestOf[index] ?? 0, sentence.inHead ? cue.weight * rules.headFactor : cue.weight)
                    if sentence.inHead { settled.insert(index) }
                }
            }
        }
        var flat = 0
        var scores: [String: Double] = [:]
        var found: [String] = []
        for era in rules.eras {
            var score = 0.0
            for cue in rules.cues[era.name] ?? [] {
                var best = 0.0
                if allCues.phrases.count == cueOf.count {
                    if !cue.phrase.isEmpty {
                        best = bestOf[flat] ?? 0
                        flat += 1
                    }
                } else {
                    // A cue whose words the combined list read differently: one search per cue, as written.
                    for sentence in sentences where cue.phrase.matches(sentence.words) {
                        best = max(best, sentence.inHead ? cue.weight * rules.headFactor : cue.weight)
                        if sentence.inHead { break }
                    }
                }
                if best > 0 {
                    score += best
                    found.append(era.name + ": " + cue.source)
                }
            }
            scores[era.name] = score
        }
        let day = date.flatMap(EraDate.day)
        let byDate = day.flatMap { day in rules.eras.last { $0.from <= day }?.name }
        return Finding(era: decide(byDate: byDate, day: day, scores: scores), byDate: byDate, scores: scores, cues: found)
    }

    /// The scheme of an era (`wt2018` for the LSCB era, which has no scheme of its own).
    public func scheme(of era: String?) -> String? {
        era.flatMap { rules.era(named: $0)?.scheme }
    }

    private func decide(byDate: String?, day: String?, scores: [String: Double]) -> String? {
        func leader(among names: [String]) -> String? {
            let ranked = names.map { ($0, scores[$0] ?? 0) }.sorted { $0.1 > $1.1 }
            guard let first = ranked.first, first.1 > 0 else { return nil }
            let second = ranked.dropFirst().first?.1 ?? 0
            return first.1 - second >= rules.margin ? first.0 : nil
        }
        guard let byDate, let day else { return leader(among: rules.eras.map(\.name)) }
        for window in rules.transitions where window.from <= day && day <= window.to && window.eras.contains(byDate) {
            if let moved = leader(among: window.eras) { return moved }
        }
        return byDate
    }
}
