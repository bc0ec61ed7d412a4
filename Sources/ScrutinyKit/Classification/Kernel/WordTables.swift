/// Interned byte strings in an open-addressing table, looked up without allocating. All words
/// are kept end to end in one byte array.
struct WordTable: Sendable {
    private var storage: [UInt8] = []
    /// Word `id` is `storage[offsets[id] ..< offsets[id + 1]]`.
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    var count: Int { hashes.count }

    mutating func intern(_ word: [UInt8]) -> Int32 {
        let found = word.withUnsafeBufferPointer { find($0) }
        if found >= 0 { return found }
        storage += word
        offsets.append(storage.count)
        hashes.append(Self.hash(word))
        if hashes.count * 2 > slots.count { rehash(capacity: slots.count * 4) } else { place(Int32(hashes.count - 1)) }
        return Int32(hashes.count - 1)
    }

    @inline(__always) func find(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        find(word, hash: Self.hash(word), lowercasing: false)
    }

    /// Looks up ASCII `word` as if lower-cased, without copying it.
    @inline(__always) func find(lowercasing word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        find(word, hash: hash, lowercasing: true)
    }

    @inline(__always) private func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, lowercasing: Bool) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let id = slots[slot]
                if id < 0 { return -1 }
                if hashes[Int(id)] == hash, equal(Int(id), word, lowercasing: lowercasing) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always) private func equal(_ id: Int, _ word: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Bool {
        let start = offsets[id]
        guard offsets[id + 1] - start == word.count else { return false }
        return storage.withUnsafeBufferPointer { stored in
            for index in 0..<word.count {
                var byte = word[index]
                if lowercasing, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
                if stored[start + index] != byte { return false }
            }
            return true
        }
    }

    /// Calls `body` with each word's id and bytes.
    func forEachWord(_ body: (Int32, UnsafeBufferPointer<UInt8>) -> Void) {
        storage.withUnsafeBufferPointer { stored in
            for id in hashes.indices {
                body(Int32(id), UnsafeBufferPointer(rebasing: stored[offsets[id]..<offsets[id + 1]]))
            }
        }
    }

    private mutating func place(_ id: Int32) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[Int(id)]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        for id in hashes.indices { place(Int32(id)) }
    }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    @inline(__always) static func hash<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash = seed
        for byte in bytes { hash = step(hash, byte) }
        return hash
    }
}

/// The `*` prefixes of a lexicon in one table; a word's prefixes are found by hashing it once,
/// byte by byte, and looking up at each length a prefix has.
struct PrefixTable: Sendable {
    private var table = WordTable()
    private var hasLength: [Bool] = []

    var isEmpty: Bool { table.count == 0 }
    var count: Int { table.count }

    mutating func intern(_ prefix: [UInt8]) -> Int32 {
        if prefix.count >= hasLength.count { hasLength += Array(repeating: false, count: prefix.count + 1 - hasLength.count) }
        hasLength[prefix.count] = true
        return table.intern(prefix)
    }

    func forEachPrefix(_ body: (Int32, UnsafeBufferPointer<UInt8>) -> Void) { table.forEachWord(body) }

    @inline(__always) func appendMatches(_ word: UnsafeBufferPointer<UInt8>, to result: inout [Int32]) {
        var hash = WordTable.seed
        let limit = min(word.count, hasLength.count - 1)
        var length = 0
        while length < limit {
            hash = WordTable.step(hash, word[length])
            length += 1
            if hasLength[length] {
                let id = table.find(lowercasing: UnsafeBufferPointer(rebasing: word[0..<length]), hash: hash)
                if id >= 0 { result.append(id) }
            }
        }
    }
}

/// A map from 64-bit keys to 32-bit values with open addressing and a multiplicative hash:
/// the trie's edges, looked up once per word and state.
struct EdgeTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int

    init(_ entries: [UInt64: Int32]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        keys = Array(repeating: UInt64.max, count: capacity)
        values = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (key, value) in entries {
            var slot = Self.slot(key, mask)
            while keys[slot] != UInt64.max { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    @inline(__always) static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always) subscript(_ key: UInt64) -> Int32? {
        var slot = Self.slot(key, mask)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == UInt64.max { return nil }
            slot = (slot + 1) & mask
        }
    }
}
