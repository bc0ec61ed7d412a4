#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A string's UTF-8 bytes looked at as one span: the byte-level tests of the readers (is there a
/// "<" at all, where does the next line start, how many scalars) run over it in a plain loop
/// instead of through `String.UTF8View`'s generic iteration, which was a tenth of reading text.
///
/// This file is where the library outside the classification kernel and the C edge touches raw
/// memory, and the only place: every other file sees the bytes as a `Span<UInt8>`, which checks
/// its bounds and cannot outlive the call that lends it (issue 14: raw buffers had been handed to
/// thirteen files in eight stages).
extension StringProtocol {
    /// Calls `body` with the UTF-8 bytes (native strings and their slices are contiguous already;
    /// any other is copied once).
    func withUTF8Bytes<Result>(_ body: (Span<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable({ buffer in try body(buffer.span) }) { return result }
        let copy = Array(utf8)
        return try body(copy.span)
    }

    /// Whether any UTF-8 byte of the string is `byte`.
    func containsByte(_ byte: UInt8) -> Bool {
        withUTF8Bytes { bytes in bytes.firstIndex(of: byte, from: 0) != nil }
    }

    /// Whether the UTF-8 bytes of `needle` stand together somewhere in the string's bytes.
    func containsBytes(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { needle in
            withUTF8Bytes { bytes in
                guard let first = needle.first else { return true }
                var start = 0
                while let at = bytes.firstIndex(of: first, from: start) {
                    guard at + needle.count <= bytes.count else { return false }
                    if (0..<needle.count).allSatisfy({ bytes[at + $0] == needle[$0] }) { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    /// Whether the string holds at least `count` ASCII digits: a test before a regular expression
    /// that needs them, since Swift parses a regex literal again each time it is evaluated
    /// (session 38's audit: 78% of a 3 MB text's time went to dates looked for in every sentence).
    func hasASCIIDigits(atLeast count: Int) -> Bool {
        withUTF8Bytes { bytes in
            var found = 0
            for index in bytes.indices where bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                found += 1
                if found >= count { return true }
            }
            return false
        }
    }

    /// The number of Unicode scalars, counted from the bytes (every scalar has exactly one byte
    /// that is not a continuation byte).
    var scalarCount: Int {
        withUTF8Bytes { bytes in
            var count = 0
            for index in bytes.indices where bytes[index] & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// Whether the string has more than `limit` characters, counting no further than the one
    /// after `limit` (a character has at least one byte, so a short string is told by its bytes).
    /// Where the first `limit` + 1 bytes are ASCII and hold no carriage return before a line feed,
    /// each of them is a character of its own (no other ASCII pair is one character, and a mark
    /// after them joins the last), and the bytes answer.
    func hasMoreCharacters(than limit: Int) -> Bool {
        guard utf8.count > limit else { return false }
        let ascii: Bool = withUTF8Bytes { bytes in
            var previous: UInt8 = 0
            for index in 0...limit {
                let byte = bytes[index]
                if byte >= 0x80 || (previous == 0x0D && byte == 0x0A) { return false }
                previous = byte
            }
            return true
        }
        return ascii || !dropFirst(limit).isEmpty
    }

    /// The number of characters: the byte count where every byte is ASCII and no carriage return
    /// stands before a line feed (the one pair of ASCII bytes that makes one character), otherwise
    /// `count`.
    var characterCount: Int {
        let fast: Int? = withUTF8Bytes { bytes in
            var previous: UInt8 = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 || (previous == 0x0D && byte == 0x0A) { return nil }
                previous = byte
            }
            return bytes.count
        }
        return fast ?? count
    }
}

extension Span<UInt8> {
    /// The position of the first `byte` at or after `start`, found by `memchr`.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start >= 0, start < count else { return nil }
        return withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Whether any byte satisfies `predicate`.
    func contains(where predicate: (UInt8) throws -> Bool) rethrows -> Bool {
        for index in indices where try predicate(self[index]) { return true }
        return false
    }

    /// Whether every byte is ASCII (below 0x80): the test before a byte-level fast path, which
    /// holds only where one byte is one character.
    var isASCII: Bool { !contains { $0 >= 0x80 } }

    /// Whether the bytes from `start` on begin with `other`.
    func hasBytes(_ other: some Collection<UInt8>, at start: Int) -> Bool {
        guard start >= 0, start + other.count <= count else { return false }
        var index = start
        for byte in other {
            guard self[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// The scalar whose UTF-8 encoding starts at `index` (the bytes are valid UTF-8 and `index`
    /// the first byte of a scalar), and the encoding's length.
    func scalar(at index: Int) -> (UInt32, Int) {
        let lead = UInt32(self[index])
        func continuation(_ offset: Int) -> UInt32 { UInt32(self[index + offset] & 0x3F) }
        switch lead {
        case 0..<0x80: return (lead, 1)
        case 0xF0...: return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        case 0xE0...: return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: return ((lead & 0x1F) << 6 | continuation(1), 2)
        }
    }

    /// The ASCII bytes in `range` as a string, A-Z made small where `lowercasing` (as an ASCII
    /// string's `lowercased()` does), written straight into the string (up to 15 bytes are
    /// stored inline, not allocated).
    func asciiString(_ range: Range<Int>, lowercasing: Bool) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of the bytes")
        return String(unsafeUninitializedCapacity: range.count) { buffer in
            for position in 0..<range.count {
                let byte = self[range.lowerBound + position]
                buffer[position] = lowercasing && (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            }
            return range.count
        }
    }

    /// Whether `word` (lower-case ASCII letters and digits) may occur in the bytes, capitals
    /// taken for small letters: a quick test that answers false only when it does not.
    func mayContainCaseless(_ word: [UInt8]) -> Bool {
        guard let first = word.first else { return true }
        guard word.count <= count else { return false }
        for start in 0...(count - word.count) where self[start] | 0x20 == first {
            var offset = 1
            while offset < word.count, self[start + offset] | 0x20 == word[offset] { offset += 1 }
            if offset == word.count { return true }
        }
        return false
    }
}

extension Array<UInt8> {
    /// Appends the bytes of `bytes` in `range`, copied at once.
    mutating func append(_ bytes: Span<UInt8>, _ range: Range<Int>) {
        let part = bytes.extracting(range)
        part.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}

extension Sequence<UInt8> {
    /// Whether every byte is ASCII (below 0x80): the test before a byte-level fast path, which
    /// holds only where one byte is one character.
    var isASCII: Bool { allSatisfy { $0 < 0x80 } }
}
