import Foundation

/// Turns a text file's bytes into a string: byte-order marks honoured, UTF-8 first, and
/// Windows-1252 (the code page of most UK council desktops) when the bytes are not UTF-8.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8, utf16LE, utf16BE, windows1252 }

    /// Whether ``decode(_:)`` takes `bytes` for text: a byte-order mark, or no NUL byte in the
    /// first 8 KB. Tells text from binary without decoding.
    public static func looksLikeText(_ bytes: some Collection<UInt8>) -> Bool {
        hasByteOrderMark(bytes) || !bytes.prefix(8192).contains(0)
    }

    /// Whether `bytes` read as writing, not only as not-binary: almost no control characters (tab
    /// and line ends aside), and valid UTF-8 or mostly ASCII. Random bytes without a NUL
    /// ``looksLikeText(_:)``; they do not look like prose.
    public static func looksLikeProse(_ bytes: some Collection<UInt8>) -> Bool {
        let sample = Array(bytes.prefix(8192))
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
        guard looksLikeText(bytes) else { return nil }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (windows1252(bytes), .windows1252)
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
