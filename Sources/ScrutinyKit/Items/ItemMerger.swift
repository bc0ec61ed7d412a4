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
        var bags: [WordBag] = []
        // Each word a number, in the order first met; which merged items hold each word (an item's
        // words stay listed after it is replaced).
        var numbers: [String: Int] = [:]
        var holders: [[Int]] = []
        for candidate in candidates {
            let bag = WordBag(TokenOverlap.tokens(candidate.text), numbers: &numbers)
            while holders.count < numbers.count { holders.append([]) }
            // A committee decision restated in the body ("it is recommended that …") merges into the
            // decision it restates, more loosely; everything else only when nearly identical.
            let threshold = candidate.restated ? 0.5 : 0.85
            var related = Set<Int>()
            for word in bag.words where holders[word].count <= commonWord {
                related.formUnion(holders[word])
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
                    for word in bag.words where bags[index].count(of: word) == 0 { holders[word].append(index) }
                    bags[index] = bag
                } else {
                    merged[index].locations += candidate.locations
                }
            } else {
                for word in bag.words { holders[word].append(merged.count) }
                merged.append(candidate)
                bags.append(bag)
            }
        }
        return merged
    }

    /// An item's words as numbers (``merge(_:)``'s, one a word), ascending, with how often each
    /// stands: two items' shared words are counted in one pass over both, without hashing.
    struct WordBag {
        private(set) var words: [Int] = []
        private(set) var counts: [Int] = []
        /// How many words the item has, repeats counted.
        let total: Int

        init(_ tokens: [String], numbers: inout [String: Int]) {
            var numbered = tokens.map { token in
                if let number = numbers[token] { return number }
                numbers[token] = numbers.count
                return numbers.count - 1
            }
            numbered.sort()
            for number in numbered {
                if words.last == number { counts[counts.count - 1] += 1 } else {
                    words.append(number)
                    counts.append(1)
                }
            }
            total = tokens.count
        }

        func count(of word: Int) -> Int {
            var (low, high) = (0, words.count)
            while low < high {
                let middle = (low + high) / 2
                if words[middle] < word { low = middle + 1 } else { high = middle }
            }
            return low < words.count && words[low] == word ? counts[low] : 0
        }

        /// The words the two bags share, repeats counted as often as both have them.
        func common(with other: WordBag) -> Int {
            var (i, j, shared) = (0, 0, 0)
            while i < words.count, j < other.words.count {
                if words[i] == other.words[j] {
                    shared += min(counts[i], other.counts[j])
                    i += 1
                    j += 1
                } else if words[i] < other.words[j] {
                    i += 1
                } else {
                    j += 1
                }
            }
            return shared
        }
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
    static func comparable(_ a: Candidate, _ aBag: WordBag, _ b: Candidate, _ bBag: WordBag) -> Bool {
        if a.form == .listed, b.form == .listed, part(of: a) == part(of: b) { return true }
        let (x, y) = (aBag.total, bBag.total)
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
    static func overlap(_ a: WordBag, _ b: WordBag) -> Double {
        let smallTotal = min(a.total, b.total)
        guard smallTotal >= 5 else { return 0 }
        return Double(a.common(with: b)) / Double(smallTotal)
    }
}
