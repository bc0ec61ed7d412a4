/// One item's weighed terms and category scores, kept in a single allocation: the classifier makes
/// one for every item, and an item's ``TermMatches`` and ``CategoryScores`` each read their part of
/// it. The terms' records come first, then one word per score. Never changed after it is made, so
/// safe to share between threads (which the standard library cannot know of a `ManagedBuffer`).
struct ItemEvidence: @unchecked Sendable {
    private final class Storage: ManagedBuffer<Counts, UInt64> {}

    private struct Counts {
        var records: Int
        /// The matches the records stand for: more than the records when a record stands for a
        /// learned word's matches in each of its categories (``TermMatches``).
        var matches: Int
        var scores: Int
    }

    private static let recordSize = MemoryLayout<TermMatches.Record>.stride
    private let storage: Storage

    /// Whether a record can be kept as it is kept here: plain data (copied as bytes, so it must
    /// hold no references) whose stride is whole 8-byte words and whose alignment a word meets
    /// (the scores follow the records in the same words). Checked by every `make` and by a test.
    static var recordLayoutFits: Bool {
        _isPOD(TermMatches.Record.self) && recordSize % 8 == 0 && MemoryLayout<TermMatches.Record>.alignment <= 8
    }

    /// The evidence of `records` (standing for `matches` matches, one each unless said) and
    /// `scores` scores, the score at `i` being `score(i)`.
    static func make(records: [TermMatches.Record], matches: Int? = nil, scores: Int,
                     score: (Int) -> Double) -> ItemEvidence {
        records.withUnsafeBufferPointer { make(records: $0, matches: matches, scores: scores, score: score) }
    }

    private static func make(records: UnsafeBufferPointer<TermMatches.Record>, matches: Int?, scores: Int,
                             score: (Int) -> Double) -> ItemEvidence {
        precondition(recordLayoutFits, "TermMatches.Record must stay plain data in whole 8-byte words")
        let words = (records.count * recordSize) / 8 + scores
        let storage = unsafeDowncast(Storage.create(minimumCapacity: max(words, 1)) { _ in
            Counts(records: records.count, matches: matches ?? records.count, scores: scores)
        },
                                     to: Storage.self)
        storage.withUnsafeMutablePointerToElements { words in
            if let base = records.baseAddress {
                UnsafeMutableRawPointer(words).copyMemory(from: base, byteCount: records.count * recordSize)
            }
            let scoreWords = words + (records.count * recordSize) / 8
            for index in 0..<scores { (scoreWords + index).initialize(to: score(index).bitPattern) }
        }
        return ItemEvidence(storage: storage)
    }

    // Read through a pointer: `header` is a class's stored property, which Swift checks for
    // exclusive access at run time on every read.
    var recordCount: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.records } }
    var matchCount: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.matches } }
    var scoreCount: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.scores } }

    func record(_ index: Int) -> TermMatches.Record {
        precondition(index >= 0 && index < recordCount, "record index out of range")
        return storage.withUnsafeMutablePointerToElements { words in
            UnsafeRawPointer(words).load(fromByteOffset: index * Self.recordSize, as: TermMatches.Record.self)
        }
    }

    func score(_ index: Int) -> Double {
        precondition(index >= 0 && index < scoreCount, "score index out of range")
        let records = recordCount
        return storage.withUnsafeMutablePointerToElements { words in
            Double(bitPattern: words[(records * Self.recordSize) / 8 + index])
        }
    }
}
