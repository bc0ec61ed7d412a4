/// The lexicon's ASCII words and `*` prefixes of up to 16 bytes, each packed lower-cased and
/// zero-padded into two 64-bit integers, so that an ASCII word of the text is looked up whatever its
/// length with two loads from the text, two multiplies and two compares, not a step per letter, and
/// without a branch: about half the words of a text are in the vocabulary ("the", "of"), so a
/// branch on it would be guessed wrong half the time. A word's prefixes are tried only at the
/// lengths that some prefix starting with its first three letters has, which for most words is
/// none. Longer words, and text with letters beyond ASCII, take the slower path through
/// ``WordTable`` and ``PrefixTable``.
///
/// The tables are read through pointers in the scanner's inner loop; this class owns that memory,
/// never changes it after `init`, and frees it in `deinit`.
final class PackedWords: @unchecked Sendable {
    static let maxLength = 16
    /// Entries in `prefixLengths`.
    static let prefixLengthSlots = 4096

    /// A word of 1 ... 16 bytes: its first eight bytes little-endian in `low`, the rest in `high`,
    /// lower-cased, zeros past its end. No word byte is zero, so the length is part of the key.
    struct Key: Hashable, Sendable {
        var low: UInt64
        var high: UInt64
    }

    let vocabulary: PackedTable
    let prefixes: PackedTable
    /// For the first three bytes of a word (five bits of each, hashed to 12 bits), bit `n - 1` is
    /// set when some prefix of `n` bytes starts with them. Different bytes share an entry; the
    /// lookup decides. 8 KB, so that it stays in the nearest cache while text streams past.
    let prefixLengths: UnsafeMutablePointer<UInt16>
    /// `lowMasks[n]` and `highMasks[n]` keep the first `n` bytes of a key's halves, n = 0 ... 16.
    let lowMasks: UnsafeMutablePointer<UInt64>
    let highMasks: UnsafeMutablePointer<UInt64>

    init(vocabulary words: WordTable, prefixes prefixTable: PrefixTable) {
        var entries: [(Key, Int32)] = []
        words.forEachWord { id, bytes in
            if let key = Self.key(bytes) { entries.append((key, id)) }
        }
        vocabulary = PackedTable(entries)
        entries = []
        let lengths = UnsafeMutablePointer<UInt16>.allocate(capacity: Self.prefixLengthSlots)
        lengths.initialize(repeating: 0, count: Self.prefixLengthSlots)
        prefixTable.forEachPrefix { id, bytes in
            guard let key = Self.key(bytes) else { return }
            entries.append((key, id))
            let bit = UInt16(1) << UInt16(bytes.count - 1)
            // A prefix shorter than three letters fits any letters after it, or none.
            let free = max(0, 3 - bytes.count)
            for rest in 0..<(1 << (5 * free)) {
                var first = key.low & 0xFF_FFFF
                for index in 0..<free {
                    first |= UInt64((rest >> (5 * index)) & 0x1F) << UInt64(8 * (bytes.count + index))
                }
                lengths[Self.prefixSlot(first)] |= bit
            }
        }
        prefixLengths = lengths
        prefixes = PackedTable(entries)
        lowMasks = .allocate(capacity: Self.maxLength + 1)
        highMasks = .allocate(capacity: Self.maxLength + 1)
        for n in 0...Self.maxLength {
            lowMasks[n] = n >= 8 ? ~0 : (UInt64(1) << UInt64(8 * n)) - 1
            highMasks[n] = n <= 8 ? 0 : n == 16 ? ~0 : (UInt64(1) << UInt64(8 * (n - 8))) - 1
        }
    }

    deinit {
        vocabulary.free()
        prefixes.free()
        prefixLengths.deallocate()
        lowMasks.deallocate()
        highMasks.deallocate()
    }

    /// The key of a word of ASCII letters and digits, lower-cased; nil for anything else or longer.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        guard (1...maxLength).contains(bytes.count), bytes.allSatisfy(WordScanner.isASCIIWordByte) else { return nil }
        var key = Key(low: 0, high: 0)
        for (index, byte) in bytes.enumerated() {
            let value = UInt64(byte | 0x20) << UInt64(8 * (index % 8))
            if index < 8 { key.low |= value } else { key.high |= value }
        }
        return key
    }

    /// The entry of `prefixLengths` for a key's first three bytes: five bits of each, hashed.
    @inline(__always) static func prefixSlot(_ low: UInt64) -> Int {
        Int(truncatingIfNeeded: ((low & 0x1F_1F1F) &* 0x9E37_79B9_7F4A_7C15) &>> 52)
    }
}

/// A table from packed keys to ids in which each key has two places, chosen by two hashes (cuckoo
/// hashing), so that a lookup reads both and compares without a branch; at most a third full, so
/// that every key finds a place. Its memory belongs to the ``PackedWords`` that made it.
struct PackedTable {
    struct Entry {
        var low: UInt64
        var high: UInt64
        var id: Int32
    }

    let entries: UnsafeMutablePointer<Entry>
    let shift: UInt64
    let seed: UInt64

    init(_ items: [(PackedWords.Key, Int32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < items.count * 3 { bits += 1 }
        var attempt: UInt64 = 0
        while true {
            let capacity = 1 << Int(bits)
            let table = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
            table.initialize(repeating: Entry(low: 0, high: 0, id: -1), count: capacity)
            let seed = (0x9E37_79B9_7F4A_7C15 &+ attempt &* 0x6A09_E667_F3BC_C908) | 1
            if Self.place(items, in: table, shift: 64 - bits, seed: seed) {
                entries = table
                shift = 64 - bits
                self.seed = seed
                return
            }
            table.deallocate()
            // Rarely: another pair of hashes, then a larger table.
            attempt += 1
            if attempt % 4 == 0 { bits += 1 }
        }
    }

    func free() {
        entries.deallocate()
    }

    /// The two places of a key.
    @inline(__always) static func slots(_ low: UInt64, _ high: UInt64, shift: UInt64, seed: UInt64) -> (Int, Int) {
        let hash = (low &* seed) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
        let mixed = (hash ^ (hash &>> 29)) &* 0xBF58_476D_1CE4_E5B9
        return (Int(truncatingIfNeeded: hash &>> shift), Int(truncatingIfNeeded: mixed &>> shift))
    }

    /// Places every item in one of its two places, moving others to their other place to make
    /// room; false when a chain of moves grows too long.
    private static func place(_ items: [(PackedWords.Key, Int32)], in table: UnsafeMutablePointer<Entry>, shift: UInt64,
                              seed: UInt64) -> Bool {
        for (key, id) in items {
            var entry = Entry(low: key.low, high: key.high, id: id)
            var slot = slots(entry.low, entry.high, shift: shift, seed: seed).0
            var moves = 0
            while true {
                if table[slot].low == 0 {
                    table[slot] = entry
                    break
                }
                if table[slot].low == entry.low && table[slot].high == entry.high { break }
                swap(&entry, &table[slot])
                let (first, second) = slots(entry.low, entry.high, shift: shift, seed: seed)
                slot = slot == first ? second : first
                moves += 1
                if moves > 500 { return false }
            }
        }
        return true
    }

    /// The id of a key, or -1.
    @inline(__always) func find(_ low: UInt64, _ high: UInt64) -> Int32 {
        let (first, second) = Self.slots(low, high, shift: shift, seed: seed)
        let a = entries[first], b = entries[second]
        // All ones where the place holds the key, by arithmetic rather than a branch: the top bit
        // of `d | -d` is set exactly when `d` is not zero.
        let da = (a.low ^ low) | (a.high ^ high)
        let db = (b.low ^ low) | (b.high ^ high)
        let inFirst = Int32(truncatingIfNeeded: ((da | (0 &- da)) &>> 63) &- 1)
        let inSecond = Int32(truncatingIfNeeded: ((db | (0 &- db)) &>> 63) &- 1) & ~inFirst
        return (a.id & inFirst) | (b.id & inSecond) | ~(inFirst | inSecond)
    }
}
