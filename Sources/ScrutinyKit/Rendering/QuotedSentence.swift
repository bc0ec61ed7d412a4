/// A sentence as the reports quote it, inside curly quotation marks: without a double quotation
/// mark of its own that opens or closes it unpaired, or a pair that wraps it whole (a survey's
/// quotation of a partnership, "…" (LSCP 101)), so that it does not read “"we have an Independent
/// Chair…” (a national team's audit). Single marks stay: they are apostrophes and scare quotes.
enum QuotedSentence {
    static func bare(_ text: String) -> String {
        func isDouble(_ character: Character) -> Bool { character == "\"" || character == "\u{201C}" || character == "\u{201D}" }
        let count = text.filter(isDouble).count
        guard let first = text.first, let last = text.last, text.count > 1 else { return text }
        if count == 2, isDouble(first), isDouble(last) { return String(text.dropFirst().dropLast()) }
        guard count % 2 == 1 else { return text }
        if isDouble(first) { return String(text.dropFirst()) }
        if isDouble(last) { return String(text.dropLast()) }
        return text
    }
}
