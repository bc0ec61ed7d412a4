extension String {
    /// The text without the characters of `set` at either end ("  *Title*: " trimmed of " *:").
    /// Every stage trims so; it lived in the text reader until an architecture review found
    /// Support and five later stages borrowing it from there.
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Substring {
    /// As ``Swift/String/trimmingCharacters(in:)``.
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
