/// The ids the item finder gives its items.
extension RecommendationFinder {
    /// An item's id: the document's key, then eight hex digits of the SHA-256 of the item's own
    /// words (lower-cased, one space between), so that an item keeps its id whatever else a run
    /// finds (with `--narrative` or without) and in whatever format the report was read. Until
    /// session 20 the second part was the item's ordinal, so `-001` of one run was `-027` of a
    /// run with `--narrative`, and runs joined on `id` paired the wrong items. Two items of the
    /// same words in one document (rare: near-copies are merged) are told apart by "-2", "-3".
    static func id(_ prefix: String, words text: String, used: inout Set<String>) -> String {
        let words = TokenOverlap.tokens(text).joined(separator: " ")
        let base = prefix + String(SHA256.hex(Array(words.utf8)).prefix(8))
        var id = base, copy = 1
        while !used.insert(id).inserted {
            copy += 1
            id = base + "-\(copy)"
        }
        return id
    }
}
