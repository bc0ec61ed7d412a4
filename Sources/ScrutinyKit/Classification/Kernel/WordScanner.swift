/// Cuts UTF-8 text into words (runs of letters and digits) and looks each up in the lexicon's
/// vocabulary and prefixes without building strings. Text whose letters are all ASCII takes a pass
/// that marks its letters and digits one bit per byte, eight bytes at a time, then a pass over the
/// words found in those bits, each looked up by its packed bytes (``PackedWords``); a text with a
/// letter beyond ASCII is read again word by word, each lower-cased into a buffer and looked up in
/// the tables. Nothing is allocated per word, and the buffers are reused from text to text.
struct WordScanner {
    /// A word's UTF-8 byte range, its place among the text's words, and what it is in the lexicon.
    struct ScannedWord {
        var start: Int32
        var end: Int32
        /// The vocabulary id, or -1 when the word is not in the lexicon.
        var id: Int32
        /// The word's prefix ids are `globs[globStart ..< globStart + globCount]`.
        var globStart: Int32
        var globCount: Int32
        /// Which word of the text this is, counting every word: two kept words follow each other
        /// in the text when their ordinals do.
        var ordinal: Int32
    }

    /// The words found, `words[0 ..< wordCount]`; entries past the count are stale. The ASCII path
    /// keeps only the words that are in the vocabulary or start with a prefix: the others can
    /// neither start nor continue a term, and a gap in the ordinals stands for them.
    private(set) var words: [ScannedWord] = []
    private(set) var wordCount = 0
    /// The prefix ids of the words; each word says where its own are.
    private(set) var globs: [Int32] = []
    /// Whether the last text scanned was all ASCII.
    private(set) var isASCII = true
    /// One bit per byte of the text being scanned, set for ASCII letters and digits.
    private var bits: [UInt64] = []

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: WordTable, prefixes: PrefixTable, packed: PackedWords) {
        // A text of n bytes has at most (n + 1) / 2 words, and an ASCII word at most one prefix per byte.
        let wordLimit = bytes.count / 2 + 1
        if words.count < wordLimit {
            words = Array(repeating: ScannedWord(start: 0, end: 0, id: -1, globStart: 0, globCount: 0, ordinal: 0),
                          count: max(wordLimit, 64))
        }
        if globs.count < bytes.count { globs = Array(repeating: -1, count: max(bytes.count, 128)) }
        if let count = scanASCII(bytes, packed: packed, vocabulary: vocabulary, prefixes: prefixes) {
            wordCount = count
        } else {
            scanGeneral(bytes, vocabulary: vocabulary, prefixes: prefixes)
        }
    }

    /// Scans text whose letters are all ASCII, looking each word up by its packed bytes; returns
    /// nil, having done nothing useful, when the text has a letter beyond ASCII.
    ///
    /// A first pass marks the bytes that are ASCII letters or digits, one bit each, eight bytes at
    /// a time and without a branch per byte; the second finds each word's start and end in those
    /// bits with one count of trailing zeros each, and looks the word up.
    private mutating func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>, packed: PackedWords, vocabulary: WordTable,
                                    prefixes: PrefixTable) -> Int? {
        guard let text = bytes.baseAddress, bytes.count > 0 else {
            isASCII = true
            return 0
        }
        let count = bytes.count
        let chunks = (count + 63) >> 6
        // One more, left zero, so that a word's end is always found.
        if bits.count < chunks + 1 { bits = Array(repeating: 0, count: max(chunks + 1, 16)) }
        guard let ascii = markWordBytes(bytes, chunks: chunks) else { return nil }
        // Words longer than a packed key are lower-cased here and looked up in the general tables.
        var long: [UInt8] = []
        var longGlobs: [Int32] = []
        let wordCount: Int = bits.withUnsafeBufferPointer { bitBuffer in
        words.withUnsafeMutableBufferPointer { wordsBuffer in
        globs.withUnsafeMutableBufferPointer { globsBuffer -> Int in
            let bits = bitBuffer.baseAddress!, words = wordsBuffer.baseAddress!, globs = globsBuffer.baseAddress!
            let exact = packed.vocabulary, globbed = packed.prefixes, prefixLengths = packed.prefixLengths
            let lowMasks = packed.lowMasks, highMasks = packed.highMasks
            let lower: UInt64 = 0x2020_2020_2020_2020
            var position = 0
            var wordCount = 0
            var globCount = 0
            var ordinal: Int32 = 0
            while true {
                // The next word byte at or after `position`, then the next byte after it that is not one.
                var chunk = position &>> 6
                var found = bits[chunk] & (~0 &<< UInt64(position & 63))
                while found == 0 {
                    chunk &+= 1
                    if chunk >= chunks { return wordCount }
                    found = bits[chunk]
                }
                let start = chunk &<< 6 | found.trailingZeroBitCount
                var after = ~bits[chunk] & (~0 &<< UInt64(start & 63))
                while after == 0 {
                    chunk &+= 1
                    after = ~bits[chunk]
                }
                let end = chunk &<< 6 | after.trailingZeroBitCount
                // A full stop, question or exclamation mark or semicolon between this word and the
                // last leaves a gap in the ordinals: no term runs across it ("the front. Door staff").
                var gap = position
                while gap < start {
                    if Self.isStop(text[gap]) {
                        ordinal &+= 1
                        break
                    }
                    gap &+= 1
                }
                let globStart = globCount
                let length = end &- start
                var id: Int32 = -1
                if length <= PackedWords.maxLength {
                    var low: UInt64, high: UInt64
                    if start &+ 16 <= count {
                        low = UnsafeRawPointer(text + start).loadUnaligned(as: UInt64.self)
                        high = UnsafeRawPointer(text + start + 8).loadUnaligned(as: UInt64.self)
                    } else {
                        (low, high) = Self.loadTail(text, from: start, count: count)
                    }
                    low = (low | lower) & lowMasks[length]
                    high = (high | lower) & highMasks[length]
                    id = exact.find(low, high)
                    // Prefix lengths some prefix with these first three letters has, up to the word's length.
                    var lengths = UInt32(prefixLengths[PackedWords.prefixSlot(low)]) & ((1 << UInt32(length)) &- 1)
                    while lengths != 0 {
                        let n = lengths.trailingZeroBitCount &+ 1
                        lengths &= lengths &- 1
                        let glob = globbed.find(low & lowMasks[n], high & highMasks[n])
                        if glob >= 0 {
                            globs[globCount] = glob
                            globCount &+= 1
                        }
                    }
                } else {
                    long.clear()
                    for position in start..<end { long.append(text[position] | 0x20) }
                    longGlobs.clear()
                    id = long.withUnsafeBufferPointer { word in
                        prefixes.appendMatches(word, to: &longGlobs)
                        return vocabulary.find(word)
                    }
                    for glob in longGlobs {
                        globs[globCount] = glob
                        globCount &+= 1
                    }
                }
                position = end
                // Written always, kept (counted) only when it is in the lexicon, without a branch.
                words[wordCount] = ScannedWord(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), id: id,
                                               globStart: Int32(truncatingIfNeeded: globStart),
                                               globCount: Int32(truncatingIfNeeded: globCount &- globStart), ordinal: ordinal)
                wordCount &+= (id >= 0 || globCount != globStart) ? 1 : 0
                ordinal &+= 1
            }
        }
        }
        }
        isASCII = ascii
        return wordCount
    }

    /// Sets a bit in `bits` for each byte of the text that is an ASCII letter or digit; returns
    /// whether the text is all ASCII, or nil when it has a letter or digit beyond ASCII (other
    /// scalars beyond ASCII, such as curly quotes and dashes, separate words like spaces).
    /// Each eight bytes of text give one byte of bits, stored in turn: the bits of the 64-bit
    /// words are in text order, as the words are little-endian.
    private mutating func markWordBytes(_ bytes: UnsafeBufferPointer<UInt8>, chunks: Int) -> Bool? {
        let text = bytes.baseAddress!
        let count = bytes.count
        var ascii = true
        let marked: Bool = bits.withUnsafeMutableBytes { raw in
            let marks = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let blocks = (count + 7) >> 3
            var block = 0
            var offset = 0
            while block < blocks {
                let x = offset &+ 8 <= count ? UnsafeRawPointer(text + offset).loadUnaligned(as: UInt64.self)
                    : Self.loadLast(text, from: offset, count: count)
                let beyondASCII = x & 0x8080_8080_8080_8080
                if beyondASCII != 0 {
                    ascii = false
                    if Self.hasWordScalar(bytes, at: offset, lanes: beyondASCII) { return false }
                }
                // Bit 7 of each word byte, gathered into eight bits by one multiply.
                marks[block] = UInt8(truncatingIfNeeded: ((Self.wordBytes(x) &>> 7) &* 0x0102_0408_1020_4080) &>> 56)
                block &+= 1
                offset &+= 8
            }
            // The rest of the last chunk, and the chunk after it, hold no word.
            while block < (chunks &+ 1) &<< 3 {
                marks[block] = 0
                block &+= 1
            }
            return true
        }
        return marked ? ascii : nil
    }

    /// Whether a scalar beyond ASCII that starts in the eight bytes at `offset` (those whose bit 7
    /// is set in `lanes`) is a letter or digit.
    private static func hasWordScalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, lanes: UInt64) -> Bool {
        var lanes = lanes
        while lanes != 0 {
            let index = offset + lanes.trailingZeroBitCount >> 3
            lanes &= lanes &- 1
            // Only a lead byte starts a scalar; continuation bytes are 10xxxxxx.
            if bytes[index] >= 0xC0, isWordScalar(decode(bytes, at: index).0) { return true }
        }
        return false
    }

    /// The bytes from `offset` to the end of a text, fewer than eight, zeros after them.
    @inline(__always) private static func loadLast(_ text: UnsafePointer<UInt8>, from offset: Int, count: Int) -> UInt64 {
        guard count >= 8 else {
            var x: UInt64 = 0
            for index in offset..<count { x |= UInt64(text[index]) << UInt64(8 * (index - offset)) }
            return x
        }
        return UnsafeRawPointer(text + count - 8).loadUnaligned(as: UInt64.self) &>> UInt64(8 * (offset + 8 - count))
    }

    /// The bytes from `start` to the end of a text, fewer than 16, as the two halves of a key
    /// (zeros past the end): the text's last 16 bytes shifted down, or byte by byte when it is shorter.
    @inline(__always) private static func loadTail(_ text: UnsafePointer<UInt8>, from start: Int, count: Int) -> (UInt64, UInt64) {
        guard count >= 16 else {
            var low: UInt64 = 0, high: UInt64 = 0
            for index in 0..<(count - start) {
                let byte = UInt64(text[start + index])
                if index < 8 { low |= byte << UInt64(8 * index) } else { high |= byte << UInt64(8 * (index - 8)) }
            }
            return (low, high)
        }
        let low = UnsafeRawPointer(text + count - 16).loadUnaligned(as: UInt64.self)
        let high = UnsafeRawPointer(text + count - 8).loadUnaligned(as: UInt64.self)
        let skip = UInt64(start - (count - 16))
        if skip >= 8 { return (high &>> (8 * (skip - 8)), 0) }
        return ((low &>> (8 * skip)) | (high &<< (64 - 8 * skip)), high &>> (8 * skip))
    }

    /// Any text: each word is lower-cased into a buffer, then looked up in the vocabulary and
    /// prefix tables.
    private mutating func scanGeneral(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: WordTable, prefixes: PrefixTable) {
        var found: [ScannedWord] = []
        var globs: [Int32] = []
        var buffer: [UInt8] = []
        var index = 0
        let count = bytes.count
        // Ordinals skipped at stops between words, as in the ASCII scan.
        var stops: Int32 = 0
        var stopSeen = false
        while index < count {
            let byte = bytes[index]
            if byte < 0x80, !Self.isASCIIWordByte(byte) {
                if Self.isStop(byte) { stopSeen = true }
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
            if stopSeen {
                stops += 1
                stopSeen = false
            }
            buffer.clear()
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
            found.append(ScannedWord(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: index), id: id, globStart: globStart,
                                     globCount: Int32(globs.count) - globStart, ordinal: Int32(truncatingIfNeeded: found.count) + stops))
        }
        words = found
        wordCount = found.count
        self.globs = globs
        isASCII = false
    }

    /// The bytes of `x` (eight, little-endian) that are ASCII letters or digits, as bit 7 of each.
    @inline(__always) static func wordBytes(_ x: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let y = x & ~high
        let lower = y | 0x2020_2020_2020_2020
        let letter = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
        let digit = (y &+ 0x5050_5050_5050_5050) & ~(y &+ 0x4646_4646_4646_4646)
        return (letter | digit) & ~x & high
    }

    /// A byte that ends a sentence or a clause no term runs across: . ! ? ;
    @inline(__always) static func isStop(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3B
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
