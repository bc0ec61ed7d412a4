/// Cuts UTF-8 text into words (runs of letters and digits) and looks each up in the lexicon's
/// vocabulary and prefixes without building strings: ASCII is lower-cased byte by byte; other
/// letters are decoded and lower-cased one scalar at a time.
enum WordScanner {
    struct ScannedWord {
        var start: Int
        var end: Int
        /// The vocabulary id, or -1 when the word is not in the lexicon.
        var id: Int32
        /// Ids of the lexicon prefixes the word starts with.
        var globs: [Int32]
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: WordTable, prefixes: PrefixTable) -> [ScannedWord] {
        var words: [ScannedWord] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if isASCIIWordByte(byte) {
                    let start = index
                    buffer.removeAll(keepingCapacity: true)
                    while index < count {
                        let next = bytes[index]
                        if next < 0x80 {
                            guard isASCIIWordByte(next) else { break }
                            buffer.append(next >= 0x41 && next <= 0x5A ? next | 0x20 : next)
                            index += 1
                        } else {
                            let (scalar, length) = decode(bytes, at: index)
                            guard isWordScalar(scalar) else { break }
                            appendLowercased(scalar, to: &buffer)
                            index += length
                        }
                    }
                    words.append(lookUp(buffer, start: start, end: index, vocabulary: vocabulary, prefixes: prefixes))
                } else {
                    index += 1
                }
            } else {
                let (scalar, length) = decode(bytes, at: index)
                if isWordScalar(scalar) {
                    let start = index
                    buffer.removeAll(keepingCapacity: true)
                    while index < count {
                        let next = bytes[index]
                        if next < 0x80 {
                            guard isASCIIWordByte(next) else { break }
                            buffer.append(next >= 0x41 && next <= 0x5A ? next | 0x20 : next)
                            index += 1
                        } else {
                            let (inner, innerLength) = decode(bytes, at: index)
                            guard isWordScalar(inner) else { break }
                            appendLowercased(inner, to: &buffer)
                            index += innerLength
                        }
                    }
                    words.append(lookUp(buffer, start: start, end: index, vocabulary: vocabulary, prefixes: prefixes))
                } else {
                    index += length
                }
            }
        }
        return words
    }

    @inline(__always) static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func appendLowercased(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { buffer.append(contentsOf: Array(String(lower).utf8)) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            return (scalar, UTF8.width(scalar))
        default:
            return ("\u{FFFD}", 1)
        }
    }

    @inline(__always)
    static func lookUp(_ word: [UInt8], start: Int, end: Int, vocabulary: WordTable, prefixes: PrefixTable) -> ScannedWord {
        ScannedWord(start: start, end: end, id: vocabulary.find(word), globs: prefixes.isEmpty ? [] : prefixes.matches(word))
    }
}

/// Interned byte strings with an open-addressing table, looked up without allocating.
struct WordTable: Sendable {
    private(set) var words: [[UInt8]] = []
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    mutating func intern(_ word: [UInt8]) -> Int32 {
        let found = find(word)
        if found >= 0 { return found }
        words.append(word)
        if words.count * 2 > slots.count { rehash(capacity: slots.count * 4) } else { place(Int32(words.count - 1)) }
        return Int32(words.count - 1)
    }

    func find(_ word: [UInt8]) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(Self.hash(word) & UInt64(mask))
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            if words[Int(id)] == word { return id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func place(_ id: Int32) {
        let mask = slots.count - 1
        var slot = Int(Self.hash(words[Int(id)]) & UInt64(mask))
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        for id in words.indices { place(Int32(id)) }
    }

    @inline(__always) static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// The `*` prefixes of a lexicon, grouped by length, so that a word is checked against each
/// length present once.
struct PrefixTable: Sendable {
    private var byLength: [Int: WordTable] = [:]
    private var ids: [Int: [Int32]] = [:]
    private var count: Int32 = 0
    private var lengths: [Int] = []

    var isEmpty: Bool { lengths.isEmpty }

    mutating func intern(_ prefix: [UInt8]) -> Int32 {
        var table = byLength[prefix.count] ?? WordTable()
        let local = table.find(prefix)
        if local >= 0 { return ids[prefix.count]![Int(local)] }
        _ = table.intern(prefix)
        byLength[prefix.count] = table
        ids[prefix.count, default: []].append(count)
        if !lengths.contains(prefix.count) { lengths.append(prefix.count); lengths.sort() }
        count += 1
        return count - 1
    }

    func matches(_ word: [UInt8]) -> [Int32] {
        var result: [Int32] = []
        for length in lengths {
            guard length <= word.count else { break }
            let local = byLength[length]!.find(Array(word[0..<length]))
            if local >= 0 { result.append(ids[length]![Int(local)]) }
        }
        return result
    }
}
