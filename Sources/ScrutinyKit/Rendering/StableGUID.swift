/// GUIDs derived from names rather than drawn at random, so that exporting the same documents
/// twice gives the same identifiers (and the same bytes).
///
/// A GUID is the first 128 bits of the SHA-256 of its name, marked as an RFC 9562 version 8
/// (custom) UUID and written in upper case, as ATLAS.ti and NVivo write theirs:
/// `3F2A…-…-8…-…`. ``make(_:)`` never hands out the same GUID twice: a name seen before (two
/// copies of one document) gets a counter appended before hashing.
public struct StableGUID: Sendable {
    private var issued: Set<String> = []

    public init() {}

    /// The GUID for `name`, unique among those this generator has issued.
    public mutating func make(_ name: String) -> String {
        var candidate = Self.guid(for: name)
        var copy = 1
        while !issued.insert(candidate).inserted {
            copy += 1
            candidate = Self.guid(for: name + "#" + String(copy))
        }
        return candidate
    }

    /// The GUID for `name` alone, without the uniqueness check.
    public static func guid(for name: String) -> String {
        var bytes = Array(SHA256.digest(Array(name.utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0f | 0x80  // version 8
        bytes[8] = bytes[8] & 0x3f | 0x80  // RFC variant
        let digits = Array("0123456789ABCDEF")
        var text = ""
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append("-") }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}
