/// The lexicon's words and `*` prefixes as a trie over lower-case ASCII letters and digits, so that
/// scanning an ASCII word walks one table step per byte and knows at its end which word it is and
/// which prefixes it has: no hashing, no copying. Words with other letters take the slower path
/// through ``WordTable`` and ``PrefixTable``.
struct ByteTrie: Sendable {
    static let alphabet = 36
    /// `next[node * 36 + symbol]` is the child, or -1; bit 30 is set when the child ends a
    /// `*` prefix, so that the prefix table is read only then.
    private(set) var next: [Int32]
    static let prefixFlag: Int32 = 1 << 30
    /// The vocabulary id of the word ending at a node, or -1.
    private(set) var wordID: [Int32]
    /// The prefix id of the `*` pattern ending at a node, or -1.
    private(set) var prefixID: [Int32]

    init(vocabulary: WordTable, prefixes: PrefixTable) {
        next = Array(repeating: -1, count: Self.alphabet)
        wordID = [-1]
        prefixID = [-1]
        vocabulary.forEachWord { id, bytes in
            if let node = insert(bytes) { wordID[Int(node)] = id }
        }
        prefixes.forEachPrefix { id, bytes in
            if let node = insert(bytes) { prefixID[Int(node)] = id }
        }
        for slot in next.indices where next[slot] >= 0 && prefixID[Int(next[slot])] >= 0 {
            next[slot] |= Self.prefixFlag
        }
    }

    /// The symbol of a byte (1 ... 36 for a–z, A–Z and 0–9; 0 for anything else; 0xFF for a byte
    /// of a non-ASCII scalar), by table.
    static let symbols: [UInt8] = (0..<256).map { value -> UInt8 in
        switch UInt8(value) {
        case 0x61...0x7A: return UInt8(value) - 0x61 + 1
        case 0x41...0x5A: return UInt8(value) - 0x41 + 1
        case 0x30...0x39: return UInt8(value) - 0x30 + 27
        case 0x80...0xFF: return 0xFF
        default: return 0
        }
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var node: Int32 = 0
        for byte in bytes {
            let symbol = Self.symbols[Int(byte)]
            guard symbol != 0, symbol != 0xFF else { return nil }
            let slot = Int(node) * Self.alphabet + Int(symbol - 1)
            if next[slot] < 0 {
                next[slot] = Int32(wordID.count)
                next += Array(repeating: -1, count: Self.alphabet)
                wordID.append(-1)
                prefixID.append(-1)
            }
            node = next[slot] & ~Self.prefixFlag
        }
        return node
    }
}
