/// The names of the months in lower case, as dates in the documents write them: in full
/// ("September") and short ("Sept", "Feb"). One list for every stage (the reader's dates, the
/// detector's and the inspection reader's each had their own until an architecture review).
enum MonthNames {
    static let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december"]
    /// "feb", "sept": a month written short, as in "Monday, 05th Feb 2024" (0 for January).
    static let short = ["jan": 0, "feb": 1, "mar": 2, "apr": 3, "jun": 5, "jul": 6, "aug": 7, "sep": 8, "sept": 8,
                        "oct": 9, "nov": 10, "dec": 11]
    /// Every name, full and short.
    static let all = Set(full).union(short.keys)

    /// The month a lower-case word names, 0 for January; nil for none.
    static func index(_ word: String) -> Int? { full.firstIndex(of: word) ?? short[word] }
}
