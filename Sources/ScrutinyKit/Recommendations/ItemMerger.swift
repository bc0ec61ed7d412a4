/// Merges near-duplicate items within a document (a recommendation in the summary and again in
/// the body), keeping the fuller wording and every location.
enum ItemMerger {
    static func merge(_ candidates: [Candidate]) -> [Candidate] {
        var merged: [Candidate] = []
        var bags: [[String: Int]] = []
        for candidate in candidates {
            let bag = TokenOverlap.counts(candidate.text)
            if let index = bags.indices.first(where: { isDuplicate(bags[$0], bag) && merged[$0].kind == candidate.kind }) {
                if candidate.text.count > merged[index].text.count {
                    let locations = merged[index].locations + candidate.locations
                    merged[index] = candidate
                    merged[index].locations = locations
                    bags[index] = bag
                } else {
                    merged[index].locations += candidate.locations
                }
            } else {
                merged.append(candidate)
                bags.append(bag)
            }
        }
        return merged
    }

    /// The shorter text's words are nearly all in the longer one.
    static func isDuplicate(_ a: [String: Int], _ b: [String: Int]) -> Bool {
        let (small, large) = a.values.reduce(0, +) <= b.values.reduce(0, +) ? (a, b) : (b, a)
        let smallTotal = small.values.reduce(0, +)
        guard smallTotal >= 5 else { return false }
        let common = small.reduce(0) { $0 + min($1.value, large[$1.key] ?? 0) }
        return Double(common) >= 0.85 * Double(smallTotal)
    }
}
