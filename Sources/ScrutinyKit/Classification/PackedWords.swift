/// The lexicon's ASCII words and `*` prefixes of up to 16 bytes, each packed lower-cased and
/// zero-padded into two 64-bit integers, so that an ASCII word of the text is looked up whatever its
/// length with two loads from the text, a multiply and a compare, not a step per letter. A word's
/// prefixes are tried only at the lengths that some prefix starting with its first two letters
/// has, which for most words is none. Longer words, and text with letters beyond ASCII, take the
/// slower path through ``WordTable`` and ``PrefixTable``.
///
/// The tables are read through pointers in the scanner's inner loop; this class owns that memory,
/// never changes it after `init`, and frees it in `deinit`.
final class PackedWords: @unchecked Sendable {
    static let maxLength = 16

    /// A word of 1 ... 16 bytes: its first eight bytes little-endian in `low`, the rest in `high`,
    /// lower-cased, zeros past its end. No word byte is zero, so the length is part of the key.
    struct Key: Hashable, Sendable {
        var low: UInt64
        var high: UInt64
    }

    let vocabulary: PackedTable
    let prefixes: PackedTable
    /// For the first two bytes of a word (five bits of each), bit `n - 1` is set when some prefix of
    /// `n` bytes starts with them. Different bytes share an entry (a digit and a letter); the lookup
    /// decides. 2 KB, so that it stays in the nearest cache while text streams past.
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
        let lengths = UnsafeMutablePointer<UInt16>.allocate(capacity: 1024)
        lengths.initialize(repeating: 0, count: 1024)
        prefixTable.forEachPrefix { id, bytes in
            guard let key = Self.key(bytes) else { return }
            entries.append((key, id))
            let bit = UInt16(1) << UInt16(bytes.count - 1)
            if bytes.count == 1 {
                // A one-letter prefix fits any second letter, or none.
                for second in 0..<32 { lengths[Self.pairIndex(key.low & 0xFF | UInt64(second) << 8)] |= bit }
            } else {
                lengths[Self.pairIndex(key.low)] |= bit
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

    /// The entry of `prefixLengths` for a key's first two bytes.
    @inline(__always) static func pairIndex(_ low: UInt64) -> Int {
        Int(truncatingIfNeeded: (low & 0x1F) << 5 | (low >> 8) & 0x1F)
    }
}

/// An open-addressing table from packed keys to ids, probed linearly from a multiplicative hash and
/// kept at most a quarter full, so that a probe almost always ends at its first slot. In front of
/// it a bit per hash value, eight times as many bits as slots, turns away most words that are not
/// in it without touching the table: most words of a text are not, and the bits fit in the
/// nearest cache where the table may not. Its memory belongs to the ``PackedWords`` that made it.
struct PackedTable {
    struct Entry {
        var low: UInt64
        var high: UInt64
        var id: Int32
    }

    let entries: UnsafeMutablePointer<Entry>
    let mask: Int
    let shift: UInt64
    let filter: UnsafeMutablePointer<UInt64>
    let filterShift: UInt64

    init(_ items: [(PackedWords.Key, Int32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < items.count * 4 { bits += 1 }
        shift = 64 - bits
        let capacity = 1 << Int(bits)
        mask = capacity - 1
        entries = .allocate(capacity: capacity)
        entries.initialize(repeating: Entry(low: 0, high: 0, id: -1), count: capacity)
        filterShift = shift - 3
        filter = .allocate(capacity: capacity / 8)
        filter.initialize(repeating: 0, count: capacity / 8)
        for (key, id) in items {
            let hash = Self.hash(key.low, key.high)
            let bit = Int(truncatingIfNeeded: hash &>> filterShift)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            var slot = Int(truncatingIfNeeded: hash &>> shift)
            while entries[slot].low != 0 { slot = (slot + 1) & mask }
            entries[slot] = Entry(low: key.low, high: key.high, id: id)
        }
    }

    func free() {
        entries.deallocate()
        filter.deallocate()
    }

    @inline(__always) static func hash(_ low: UInt64, _ high: UInt64) -> UInt64 {
        (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
    }

    /// The id of a key, or -1.
    @inline(__always) func find(_ low: UInt64, _ high: UInt64) -> Int32 {
        let hash = Self.hash(low, high)
        let bit = Int(truncatingIfNeeded: hash &>> filterShift)
        guard filter[bit >> 6] & (1 &<< UInt64(truncatingIfNeeded: bit & 63)) != 0 else { return -1 }
        var slot = Int(truncatingIfNeeded: hash &>> shift)
        while true {
            let entry = entries[slot]
            if entry.low == low && entry.high == high { return entry.id }
            if entry.low == 0 { return -1 }
            slot = (slot &+ 1) & mask
        }
    }
}
