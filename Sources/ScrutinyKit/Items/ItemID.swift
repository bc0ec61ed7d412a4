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

public extension RecommendationFinder {
    /// The items of a run with ids unique across its documents. An id begins with its document's
    /// key, made from its words; two documents of the same words both counted (a manifest giving
    /// one report to two partnerships) gave every item the same id twice, and a join on `id`
    /// paired each with both (a researcher's audit). The items of such documents take a key made
    /// from the words' key and the document's name instead, whichever order they come in; every
    /// other id is left as it is.
    static func distinctIDs(_ items: [Recommendation]) -> [Recommendation] {
        let prefix = { (item: Recommendation) in item.id.prefix { $0 != "-" } }
        var documents: [Substring: Set<String>] = [:]
        for item in items { documents[prefix(item), default: []].insert(item.document) }
        guard documents.values.contains(where: { $0.count > 1 }) else { return items }
        return items.map { item in
            let key = prefix(item)
            guard let shared = documents[key], shared.count > 1 else { return item }
            var item = item
            let named = SHA256.hex(Array((String(key) + "\u{0}" + item.document).utf8)).prefix(12)
            item.id = String(named + item.id.dropFirst(key.count))
            return item
        }
    }
}
