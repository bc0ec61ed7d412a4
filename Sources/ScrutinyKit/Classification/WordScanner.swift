/// Cuts UTF-8 text into words (runs of letters and digits) and looks each up in the lexicon's
/// vocabulary and prefixes without building strings. Text whose letters are all ASCII takes one
/// pass that finds word ends eight bytes at a time and walks the lexicon's byte trie; a text with
/// a letter beyond ASCII is read again word by word, each lower-cased into a buffer and looked up
/// in the tables. Nothing is allocated per word, and the buffers are reused from text to text.
struct WordScanner {
    struct ScannedWord {
        var start: Int
        var end: Int
        /// The vocabulary id, or -1 when the word is not in the lexicon.
        var id: Int32
        /// The word's prefix ids are `globs[globStart ..< globStart + globCount]`.
        var globStart: Int32
        var globCount: Int32
    }

    /// The words found, `words[0 ..< wordCount]`; entries past the count are stale.
    private(set) var words: [ScannedWord] = []
    private(set) var wordCount = 0
    /// The prefix ids of the words; each word says where its own are.
    private(set) var globs: [Int32] = []
    /// Whether the last text scanned was all ASCII.
    private(set) var isASCII = true

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: WordTable, prefixes: PrefixTable, trie: ByteTrie) {
        // A text of n bytes has at most (n + 1) / 2 words, and an ASCII word at most one prefix per byte.
        let wordLimit = bytes.count / 2 + 1
        if words.count < wordLimit {
            words = Array(repeating: ScannedWord(start: 0, end: 0, id: -1, globStart: 0, globCount: 0), count: max(wordLimit, 64))
        }
        if globs.count < bytes.count { globs = Array(repeating: -1, count: max(bytes.count, 128)) }
        if let count = scanASCII(bytes, trie: trie) {
            wordCount = count
        } else {
            scanGeneral(bytes, vocabulary: vocabulary, prefixes: prefixes)
        }
    }

    /// Scans text whose letters are all ASCII, walking each word through the byte trie as it is
    /// read; returns nil, having done nothing useful, when it meets a letter beyond ASCII.
    private mutating func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>, trie: ByteTrie) -> Int? {
        guard let text = bytes.baseAddress, bytes.count > 0 else {
            isASCII = true
            return 0
        }
        var ascii = true
        let wordCount: Int? = ByteTrie.symbols.withUnsafeBufferPointer { symbolBuffer in
        trie.slots.withUnsafeBufferPointer { slotBuffer in
        trie.prefixID.withUnsafeBufferPointer { prefixBuffer in
        trie.wordID.withUnsafeBufferPointer { wordBuffer in
        words.withUnsafeMutableBufferPointer { wordsBuffer in
        globs.withUnsafeMutableBufferPointer { globsBuffer -> Int? in
            let symbols = symbolBuffer.baseAddress!, slots = slotBuffer.baseAddress!
            let prefixID = prefixBuffer.baseAddress!, wordID = wordBuffer.baseAddress!
            let words = wordsBuffer.baseAddress!, globs = globsBuffer.baseAddress!
            let rootBase = Int(slots[0].base & ~ByteTrie.prefixFlag)
            let flag = Int(ByteTrie.prefixFlag)
            var index = 0
            let count = bytes.count
            var wordCount = 0
            var globCount = 0
            while index < count {
                var symbol = symbols[Int(text[index])]
                if symbol == 0 {
                    index &+= 1
                    continue
                }
                if symbol == 0xFF {
                    ascii = false
                    let (scalar, length) = Self.decode(bytes, at: index)
                    if Self.isWordScalar(scalar) { return nil }
                    index &+= length
                    continue
                }
                let start = index
                let globStart = globCount
                // The word's end: eight bytes at a time while they last, then byte by byte.
                var end = start &+ 1
                while end &+ 8 <= count {
                    let mask = Self.nonWordBytes(UnsafeRawPointer(text + end).loadUnaligned(as: UInt64.self))
                    if mask != 0 {
                        end &+= mask.trailingZeroBitCount >> 3
                        break
                    }
                    end &+= 8
                }
                if end &+ 8 > count {
                    while end < count, symbols[Int(text[end])] &- 1 < 36 { end &+= 1 }
                }
                if end < count, text[end] >= 0x80 {
                    let (scalar, _) = Self.decode(bytes, at: end)
                    if Self.isWordScalar(scalar) { return nil }
                }
                // The word walked through the trie until it leaves it.
                var node = 0
                var base = rootBase
                var position = start
                while position < end {
                    let slot = base &+ Int(symbols[Int(text[position])])
                    let step = slots[slot]
                    if Int(step.check) != node {
                        node = -1
                        break
                    }
                    node = slot
                    base = Int(step.base)
                    if base & flag != 0 {
                        base &= ~flag
                        globs[globCount] = prefixID[slot]
                        globCount &+= 1
                    }
                    position &+= 1
                }
                index = end
                words[wordCount] = ScannedWord(start: start, end: index, id: node >= 0 ? wordID[node] : -1,
                                               globStart: Int32(truncatingIfNeeded: globStart),
                                               globCount: Int32(truncatingIfNeeded: globCount &- globStart))
                wordCount &+= 1
            }
            return wordCount
        }
        }
        }
        }
        }
        }
        isASCII = ascii
        return wordCount
    }

    /// Any text: each word is lower-cased into a buffer, then looked up in the vocabulary and
    /// prefix tables.
    private mutating func scanGeneral(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: WordTable, prefixes: PrefixTable) {
        var found: [ScannedWord] = []
        var globs: [Int32] = []
        var buffer: [UInt8] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80, !Self.isASCIIWordByte(byte) {
                index += 1
                continue
            }
            if byte >= 0x80 {
                let (scalar, length) = Self.decode(bytes, at: index)
                if !Self.isWordScalar(scalar) {
                    index += length
                    continue
                }
            }
            let start = index
            buffer.removeAll(keepingCapacity: true)
            while index < count {
                let next = bytes[index]
                if next < 0x80 {
                    guard Self.isASCIIWordByte(next) else { break }
                    buffer.append(next >= 0x41 && next <= 0x5A ? next | 0x20 : next)
                    index += 1
                } else {
                    let (scalar, length) = Self.decode(bytes, at: index)
                    guard Self.isWordScalar(scalar) else { break }
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { UTF8.encode(lower) { buffer.append($0) } }
                    index += length
                }
            }
            let globStart = Int32(globs.count)
            let id = buffer.withUnsafeBufferPointer { word -> Int32 in
                if !prefixes.isEmpty { prefixes.appendMatches(word, to: &globs) }
                return vocabulary.find(word)
            }
            found.append(ScannedWord(start: start, end: index, id: id, globStart: globStart, globCount: Int32(globs.count) - globStart))
        }
        words = found
        wordCount = found.count
        self.globs = globs
        isASCII = false
    }

    /// The bytes of `x` (eight, little-endian) that are not ASCII letters or digits, as bit 7 of each.
    @inline(__always) static func nonWordBytes(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let y = x & ~high
        let lower = y | 0x2020_2020_2020_2020
        let letter = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
        let digit = (y &+ 0x5050_5050_5050_5050) & ~(y &+ 0x4646_4646_4646_4646)
        let word = (letter | digit) & ~x & high
        return ~word & high
    }

    @inline(__always) static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // Punctuation blocks (dashes, quotes, "›", arrows, symbols) hold no letters: skip the lookup.
        if (0x2000...0x2BFF).contains(scalar.value) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return (scalar, UTF8.width(scalar))
        default: return ("\u{FFFD}", 1)
        }
    }
}

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
