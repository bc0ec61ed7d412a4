/// The lexicon's words and `*` prefixes as a trie over lower-case ASCII letters and digits, so that
/// scanning an ASCII word walks one table step per byte and knows at its end which word it is and
/// which prefixes it has: no hashing, no copying. Words with other letters take the slower path
/// through ``WordTable`` and ``PrefixTable``.
///
/// The trie is a double array: node `n`'s child on symbol `s` is slot `base(n) + s` when that
/// slot's `check` is `n`. Nodes share slots, so the table is a few times the number of nodes
/// rather than 36 times, and stays in the processor's nearest caches while text streams past.
struct ByteTrie: Sendable {
    static let alphabet = 36
    /// Per slot: the parent node that owns it (or -1), and the slot's own base for its children.
    /// Bit 30 of `base` is set when the node ends a `*` prefix, so the prefix table is read only then.
    struct Slot: Sendable {
        var check: Int32
        var base: Int32
    }

    static let prefixFlag: Int32 = 1 << 30
    private(set) var slots: [Slot]
    /// The vocabulary id of the word ending at a node, or -1.
    private(set) var wordID: [Int32]
    /// The prefix id of the `*` pattern ending at a node, or -1.
    private(set) var prefixID: [Int32]

    init(vocabulary: WordTable, prefixes: PrefixTable) {
        // First a plain trie with child maps, then packed into the double array breadth first.
        var children: [[(symbol: Int, child: Int)]] = [[]]
        var words: [Int32] = [-1]
        var prefixIDs: [Int32] = [-1]
        func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            var node = 0
            for byte in bytes {
                let symbol = Int(Self.symbols[Int(byte)])
                guard symbol != 0, symbol != 0xFF else { return nil }
                if let found = children[node].first(where: { $0.symbol == symbol }) {
                    node = found.child
                } else {
                    children.append([])
                    words.append(-1)
                    prefixIDs.append(-1)
                    children[node].append((symbol, children.count - 1))
                    node = children.count - 1
                }
            }
            return node
        }
        vocabulary.forEachWord { id, bytes in
            if let node = insert(bytes) { words[node] = id }
        }
        prefixes.forEachPrefix { id, bytes in
            if let node = insert(bytes) { prefixIDs[node] = id }
        }
        var slots = [Slot(check: -2, base: 0)]
        var slotOf = [Int](repeating: -1, count: children.count)
        slotOf[0] = 0
        var queue = [0]
        var head = 0
        var firstFree = 1
        while head < queue.count {
            let node = queue[head]
            head += 1
            let kids = children[node]
            guard !kids.isEmpty else { continue }
            // The smallest base whose child slots are all free.
            while firstFree < slots.count, slots[firstFree].check != -1 { firstFree += 1 }
            var base = max(0, firstFree - kids[0].symbol)
            while true {
                let fits = kids.allSatisfy { kid in base + kid.symbol >= slots.count || slots[base + kid.symbol].check == -1 }
                if fits { break }
                base += 1
            }
            let top = base + kids.map(\.symbol).max()!
            if top >= slots.count { slots += Array(repeating: Slot(check: -1, base: 0), count: top + 1 - slots.count) }
            let parent = Int32(slotOf[node])
            slots[slotOf[node]].base |= Int32(base)
            for kid in kids {
                let slot = base + kid.symbol
                slots[slot].check = parent
                slotOf[kid.child] = slot
                queue.append(kid.child)
            }
        }
        // Free slots past the end, so that a step from any node stays inside the table.
        slots += Array(repeating: Slot(check: -1, base: 0), count: Self.alphabet + 1)
        wordID = [Int32](repeating: -1, count: slots.count)
        prefixID = [Int32](repeating: -1, count: slots.count)
        for node in children.indices {
            let slot = slotOf[node]
            wordID[slot] = words[node]
            prefixID[slot] = prefixIDs[node]
            if prefixIDs[node] >= 0 { slots[slot].base |= Self.prefixFlag }
        }
        self.slots = slots
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
}
