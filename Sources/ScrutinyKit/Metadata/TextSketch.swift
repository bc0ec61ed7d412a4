/// A small summary of a document's words from which the share of word sequences two documents
/// have in common can be estimated: the 128 smallest hashes of its runs of five words (a
/// bottom-k MinHash sketch). Two copies of one report with a few words changed (a draft and its
/// final, a report saved twice and edited) share nearly all their runs; different reports of one
/// template share far fewer.
public struct TextSketch: Sendable, Codable, Hashable {
    /// The smallest distinct hashes of the document's five-word runs, in ascending order.
    public var hashes: [UInt64]

    /// How many hashes a sketch keeps.
    public static let size = 128
    /// Words in a run.
    public static let runLength = 5

    /// The sketch of `words` (``Document/contentWords``: words separated by one space); nil when
    /// there are fewer runs than ``size``, too few to compare.
    public init?(words: [UInt8]) {
        var wordHashes: [UInt64] = []
        var hash: UInt64 = Self.offset
        var inWord = false
        for byte in words {
            if byte == 0x20 {
                if inWord { wordHashes.append(hash) }
                hash = Self.offset
                inWord = false
            } else {
                hash = (hash ^ UInt64(byte)) &* Self.prime
                inWord = true
            }
        }
        if inWord { wordHashes.append(hash) }
        guard wordHashes.count >= Self.size + Self.runLength - 1 else { return nil }
        // The smallest distinct hashes, kept in order as the runs come: once there are `size` of
        // them, a run's hash seldom comes under the largest, so most runs cost one comparison.
        var smallest: [UInt64] = []
        smallest.reserveCapacity(Self.size + 1)
        for start in 0...(wordHashes.count - Self.runLength) {
            var run: UInt64 = 0
            for word in wordHashes[start..<(start + Self.runLength)] { run = Self.mix(run &* 31 &+ word) }
            if smallest.count == Self.size, let largest = smallest.last, run >= largest { continue }
            let at = Self.insertionPoint(of: run, in: smallest)
            guard at == smallest.count || smallest[at] != run else { continue }
            smallest.insert(run, at: at)
            if smallest.count > Self.size { smallest.removeLast() }
        }
        guard smallest.count == Self.size else { return nil }
        hashes = smallest
    }

    /// The estimated share of the two documents' distinct five-word runs that both have (their
    /// Jaccard similarity), from 0 to 1: of the smallest hashes of the two sketches together, the
    /// share found in both.
    public func similarity(to other: TextSketch) -> Double {
        var (i, j, taken, shared) = (0, 0, 0, 0)
        while taken < Self.size, i < hashes.count, j < other.hashes.count {
            let (a, b) = (hashes[i], other.hashes[j])
            if a == b {
                shared += 1
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
            taken += 1
        }
        return taken == 0 ? 0 : Double(shared) / Double(taken)
    }
}

private extension TextSketch {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The index of the first element of `sorted` not below `value`.
    static func insertionPoint(of value: UInt64, in sorted: [UInt64]) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// SplitMix64's finaliser: spreads a run's hash over all 64 bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Two documents of a run, both counted, whose words are nearly the same (``TextSketch``).
public struct NearCopy: Sendable, Hashable, Codable {
    public var first: String
    public var second: String
    /// The estimated share of their five-word runs both have.
    public var similarity: Double

    /// The share at which two documents are near-copies.
    public static let threshold = 0.9

    /// The near-copies among `documents` (each a name and its sketch), in the documents' order.
    /// Only documents that share one of their eight smallest hashes are compared (two documents
    /// sharing 90% of their runs nearly always do), so a run of thousands compares few pairs.
    public static func find(_ documents: [(name: String, sketch: TextSketch?)]) -> [NearCopy] {
        var byHash: [UInt64: [Int]] = [:]
        var candidates: Set<[Int]> = []
        for (index, document) in documents.enumerated() {
            guard let sketch = document.sketch else { continue }
            for hash in sketch.hashes.prefix(8) {
                for earlier in byHash[hash, default: []] where earlier != index { candidates.insert([earlier, index]) }
                byHash[hash, default: []].append(index)
            }
        }
        return candidates.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.compactMap { pair in
            let (a, b) = (documents[pair[0]], documents[pair[1]])
            guard let left = a.sketch, let right = b.sketch else { return nil }
            let similarity = left.similarity(to: right)
            return similarity >= threshold ? NearCopy(first: a.name, second: b.name, similarity: similarity) : nil
        }
    }
}
