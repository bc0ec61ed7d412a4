/// Merges near-duplicate items within a document (a recommendation in the summary and again in
/// the body), keeping the fuller wording and every location.
///
/// Items are compared only with the merged items that share a word with them, found through an
/// index of words; a word shared by more than ``commonWord`` merged items is too common to
/// suggest a duplicate and is not looked up. Up to that many items of a kind the result is that of
/// comparing every pair; beyond it the cost stays linear in the items (40,000 numbered lines once
/// took nine minutes).
enum ItemMerger {
    static let commonWord = 200

    static func merge(_ candidates: [Candidate]) -> [Candidate] {
        var merged: [Candidate] = []
        var bags: [[String: Int]] = []
        // Which merged items hold each word (an item's words stay listed after it is replaced).
        var holders: [String: [Int]] = [:]
        for candidate in candidates {
            let bag = TokenOverlap.counts(candidate.text)
            // A committee decision restated in the body ("it is recommended that …") merges into the
            // decision it restates, more loosely; everything else only when nearly identical.
            let threshold = candidate.restated ? 0.5 : 0.85
            var related = Set<Int>()
            for word in bag.keys {
                guard let list = holders[word], list.count <= commonWord else { continue }
                related.formUnion(list)
            }
            let index = related.sorted().filter { mayMerge(merged[$0], candidate) && (candidate.restated || comparable(merged[$0], bags[$0], candidate, bag)) }
                .map { ($0, overlap(bags[$0], bag)) }.filter { $0.1 >= threshold }.max { $0.1 < $1.1 }?.0
            if let index {
                // The listed wording is the item; a narrative or prose restatement only adds a location.
                let candidateListed = candidate.form == .listed, mergedListed = merged[index].form == .listed
                if candidateListed != mergedListed ? candidateListed : candidate.text.count > merged[index].text.count {
                    let locations = merged[index].locations + candidate.locations
                    merged[index] = candidate
                    merged[index].locations = locations
                    // The locations stay in reading order; the item is placed where its words stand.
                    merged[index].textAt = locations.count - candidate.locations.count + candidate.textAt
                    for word in bag.keys where bags[index][word] == nil { holders[word, default: []].append(index) }
                    bags[index] = bag
                } else {
                    merged[index].locations += candidate.locations
                }
            } else {
                for word in bag.keys { holders[word, default: []].append(merged.count) }
                merged.append(candidate)
                bags.append(bag)
            }
        }
        return merged
    }

    /// Items of one kind may be duplicates; so may a listed item and its restatement in the body
    /// ("The timeliness of strategy meetings … is not good enough"), whatever kind the prose
    /// alone would have, but for a strength and a finding against (a listed strength is not
    /// restated by a sentence that asks for more, or finds fault); never two entries of one list.
    static func mayMerge(_ a: Candidate, _ b: Candidate) -> Bool {
        (a.kind == b.kind || ((a.form == .listed) != (b.form == .listed) && (a.kind == .strength) == (b.kind == .strength)))
            && !areSiblings(a, b)
    }

    /// Whether two items are of a length to restate each other: the shorter has at least half the
    /// longer's words. A sentence that holds a short item's words and as many again ("Leaders
    /// know there is more to do and have set up a panel to track help for young carers in
    /// secondary schools" beside the listed "Help for young carers in secondary schools") says
    /// something of its own. Two listed items of one part of the document (a summary list and a
    /// table of the same areas, a table's "responsible body" cell beside its area) merge at any
    /// length; of different parts (a single inspection's recommendations to the local authority
    /// and to the LSCB, "Effectively monitor …" and "Effectively monitor … Ensure that there is
    /// appropriate challenge …") they are two items unless of a length to restate each other.
    static func comparable(_ a: Candidate, _ aBag: [String: Int], _ b: Candidate, _ bBag: [String: Int]) -> Bool {
        if a.form == .listed, b.form == .listed, part(of: a) == part(of: b) { return true }
        let (x, y) = (aBag.values.reduce(0, +), bBag.values.reduce(0, +))
        return 2 * min(x, y) >= max(x, y)
    }

    /// The headings above an item's own heading: "Report › The local authority" for an item under
    /// "Report › The local authority › Recommendations".
    static func part(of item: Candidate) -> Substring {
        let section = item.locations.first?.section ?? ""
        guard let last = section.unicodeScalars.lastIndex(of: "\u{203A}") else { return "" }
        return section[..<last]
    }

    /// Two entries of the same list (listed under the same heading) are two items, however much
    /// wording they share ("Leaders should act with urgency to improve …" and "Leaders should act
    /// with urgency to ensure that: …").
    static func areSiblings(_ a: Candidate, _ b: Candidate) -> Bool {
        a.form == .listed && b.form == .listed && a.locations.first?.section == b.locations.first?.section
    }

    /// The share of the shorter text's words that are in the longer one (0 for very short texts).
    static func overlap(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let (small, large) = a.values.reduce(0, +) <= b.values.reduce(0, +) ? (a, b) : (b, a)
        let smallTotal = small.values.reduce(0, +)
        guard smallTotal >= 5 else { return 0 }
        let common = small.reduce(0) { $0 + min($1.value, large[$1.key] ?? 0) }
        return Double(common) / Double(smallTotal)
    }
}
