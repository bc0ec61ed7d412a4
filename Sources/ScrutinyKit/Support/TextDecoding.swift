import Foundation

/// Turns a text file's bytes into a string: byte-order marks honoured, UTF-8 first, and
/// Windows-1252 (the code page of most UK council desktops) when the bytes are not UTF-8.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8, utf16LE, utf16BE, windows1252 }

    /// Whether ``decode(_:)`` takes `bytes` for text: a byte-order mark, or no NUL byte in the
    /// first 8 KB. Tells text from binary without decoding.
    /// A few NUL bytes in what is otherwise prose do not make it binary (they are dropped, as
    /// other control characters are), nor do UTF-16's without a byte-order mark.
    public static func looksLikeText(_ bytes: some Collection<UInt8>) -> Bool {
        if hasByteOrderMark(bytes) { return true }
        let sample = Array(bytes.prefix(8192))
        let nuls = sample.filter { $0 == 0 }.count
        if nuls == 0 || utf16WithoutMark(sample) != nil { return true }
        return nuls * 50 <= sample.count && looksLikeProse(sample.filter { $0 != 0 })
    }

    /// Whether `bytes` read as writing, not only as not-binary: almost no control characters (tab
    /// and line ends aside), and valid UTF-8 or mostly ASCII. Random bytes without a NUL
    /// ``looksLikeText(_:)``; they do not look like prose.
    public static func looksLikeProse(_ bytes: some Collection<UInt8>) -> Bool {
        let sample = Array(bytes.prefix(8192))
        // UTF-16 is judged by its characters (plain text in UTF-16 named .docx was "damaged").
        let utf16: Encoding? = sample.starts(with: [0xFF, 0xFE]) ? .utf16LE : sample.starts(with: [0xFE, 0xFF]) ? .utf16BE : utf16WithoutMark(sample)
        if let utf16 { return looksLikeProse(Array(decode(sample, as: utf16).utf8)) }
        guard !sample.isEmpty, looksLikeText(sample) else { return false }
        let controls = sample.filter { ($0 < 0x20 && ![0x09, 0x0A, 0x0D].contains($0)) || $0 == 0x7F }.count
        guard controls * 100 <= sample.count else { return false }
        if String(validating: sample, as: UTF8.self) != nil { return true }
        return sample.filter { $0 < 0x80 }.count * 100 >= sample.count * 85
    }

    /// Decodes `bytes`, or returns nil when they look binary (NUL bytes outside UTF-16).
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (utf16(bytes.dropFirst(2), bigEndian: false), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (utf16(bytes.dropFirst(2), bigEndian: true), .utf16BE) }
        if let encoding = utf16WithoutMark(Array(bytes.prefix(8192))) { return (decode(bytes, as: encoding), encoding) }
        guard looksLikeText(bytes) else { return nil }
        return utf8OrWindows1252(bytes)
    }

    /// Bytes without a byte-order mark read as UTF-8 where they are, as Windows-1252 where none of
    /// them is a UTF-8 sequence beyond ASCII, and otherwise as UTF-8 with a few stray bytes: a
    /// Windows-1252 apostrophe pasted into UTF-8 text, a file cut inside its last character
    /// (session 42's audit: one stray byte made a whole UTF-8 file Windows-1252, "“" read "â€œ").
    /// Each UTF-8 sequence is read as UTF-8, each stray byte as the Windows-1252 character it is
    /// there, and a sequence cut short as U+FFFD.
    public static func utf8OrWindows1252(_ bytes: [UInt8]) -> (text: String, encoding: Encoding) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        guard containsUTF8Sequence(bytes) else { return (windows1252(bytes), .windows1252) }
        return (mostlyUTF8(bytes), .utf8)
    }

    /// Decodes `bytes` in the encoding the user named; bytes that are not valid in it become U+FFFD.
    public static func decode(_ bytes: [UInt8], as encoding: Encoding) -> String {
        switch encoding {
        case .utf8:
            return String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
        case .utf16LE:
            return utf16(bytes.starts(with: [0xFF, 0xFE]) ? bytes.dropFirst(2) : bytes[...], bigEndian: false)
        case .utf16BE:
            return utf16(bytes.starts(with: [0xFE, 0xFF]) ? bytes.dropFirst(2) : bytes[...], bigEndian: true)
        case .windows1252:
            return windows1252(bytes)
        }
    }
}

extension TextDecoding {
    /// The character Windows-1252 gives `byte` (0x80–0xFF), nil for the five bytes it leaves undefined.
    static func windows1252Character(_ byte: UInt8) -> Unicode.Scalar? {
        (0x80...0x9F).contains(byte) ? cp1252High[Int(byte - 0x80)] : Unicode.Scalar(byte)
    }
}

public extension TextDecoding.Encoding {
    /// The encoding a label names, as users write them: `utf-8`, `utf8`, `windows-1252`, `cp1252`,
    /// `latin1`, `iso-8859-1` (read as Windows-1252, which agrees with it on every letter),
    /// `utf-16le`, `utf-16be`.
    init?(label: String) {
        switch label.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "win-1252", "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .windows1252
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        default: return nil
        }
    }

    /// How the encoding is named in messages.
    var label: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .windows1252: "Windows-1252"
        }
    }
}

private extension TextDecoding {
    static func hasByteOrderMark(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// UTF-16 without a byte-order mark, told by its NUL bytes: most English characters are ASCII,
    /// so in UTF-16 nearly every second byte is NUL (the high byte: odd positions in little-endian,
    /// even in big-endian) and hardly any other.
    static func utf16WithoutMark(_ sample: [UInt8]) -> TextDecoding.Encoding? {
        guard sample.count >= 8 else { return nil }
        var even = 0, odd = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = sample.count / 2
        if odd * 10 >= pairs * 7, even * 20 <= pairs { return .utf16LE }
        if even * 10 >= pairs * 7, odd * 20 <= pairs { return .utf16BE }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence of two or more bytes at `index`, or nil.
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return nil }
        for offset in 2..<max(length, 2) where !(0x80...0xBF).contains(bytes[index + offset]) { return nil }
        return length
    }

    static func containsUTF8Sequence(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] >= 0xC2, sequenceLength(bytes, at: index) != nil { return true }
            index += 1
        }
        return false
    }

    static func mostlyUTF8(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                output.append(byte)
                index += 1
            } else if let length = sequenceLength(bytes, at: index) {
                output.append(contentsOf: bytes[index..<(index + length)])
                index += length
            } else if (0xC2...0xF4).contains(byte), index + 1 == bytes.count || (0x80...0xBF).contains(bytes[index + 1]) {
                // A lead byte with some of its continuation bytes, the rest missing: one U+FFFD for them.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 1
                var skipped = 0
                while index < bytes.count, skipped < 3, (0x80...0xBF).contains(bytes[index]) {
                    index += 1
                    skipped += 1
                }
            } else {
                // A byte of its own: the Windows-1252 character (nothing where the code page has none).
                if let scalar = windows1252Character(byte) { output.append(contentsOf: Array(String(scalar).utf8)) }
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = cp1252High[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Windows-1252's 0x80–0x9F; the rest of the code page is Latin-1.
    static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
