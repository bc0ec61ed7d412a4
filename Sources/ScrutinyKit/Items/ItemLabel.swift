/// The label some lists put before each item's text ("R1:", "Recommendation 3 –", "Action 2a."),
/// which is no part of what the item asks (and hid its actor); the label words are
/// `pasted_lines.labels` in `lexicons/items.yml`.
enum ItemLabel {
    /// `text` without a label before it ("R1:", "Recommendation 3 –", "Action 2a.", "Rec. 8 The …"):
    /// a label word (or it shortened with a full stop), a number, then ":", ".", ")", a dash or a
    /// capital after a space.
    static func unlabelled(_ text: String, labels: [String]) -> String {
        split(text, labels: labels).text
    }

    /// The label word before `text` ("recommendation" for "Recommendation 3 –"), if any, and the
    /// text without the label.
    static func split(_ text: String, labels: [String]) -> (label: String?, text: String) {
        // Every item is asked: only its opening, as long as the longest label, is lower-cased.
        let longestFirst = labels.sorted { $0.utf8.count > $1.utf8.count }
        let lowered = text.prefix(longestFirst.first?.count ?? 0).lowercased()
        for label in longestFirst where lowered.hasPrefix(label) {
            var rest = text.dropFirst(label.count)
            // A label word shortened ("Rec. 8").
            if rest.first == ".", rest.dropFirst().first == " " { rest = rest.dropFirst() }
            rest = rest.drop { $0 == " " }
            // Its number in figures ("3", "2a", "4.1") or in words ("Recommendation One:").
            let word = rest.prefix { $0.isLetter }
            let number = numberWords.contains(word.lowercased()) ? word : rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, number.first?.isNumber == true || number.first?.isLetter == true else { continue }
            rest = rest.dropFirst(number.count)
            if number.first?.isNumber == true, let letter = rest.first, letter.isLetter, rest.dropFirst().first.map({ !$0.isLetter }) ?? true { rest = rest.dropFirst() }
            let spaced = rest.first == " "
            rest = rest.drop { $0 == " " }
            // A mark after the number, or none before a capital ("Rec. 8 The ICB should …").
            guard let mark = rest.first, ":.)-\u{2013}\u{2014}".contains(mark) || number.last == "."
                    || (spaced && mark.isUppercase && number.first?.isNumber == true)
            else { continue }
            if ":.)-\u{2013}\u{2014}".contains(mark) { rest = rest.dropFirst() }
            let unlabelled = rest.trimmingCharacters(in: .whitespaces)
            return unlabelled.isEmpty ? (nil, text) : (label, unlabelled)
        }
        return (nil, text)
    }

    /// Numbers written as words, as labels give them ("Recommendation One:", "Action Twelve –").
    static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                                           "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
}
