/// The first bytes a word can start with and still be equal to, or start with, one of a set of
/// words: each word's first byte where it is ASCII, and every byte above ASCII (a word so spelt,
/// "e" + U+0301 against "é", may be canonically equal to one of them); every byte at all when one
/// of the words is empty or starts above ASCII. A word starting with another byte is none of
/// them (an ASCII character is canonically equivalent only to itself), so it can be passed by
/// without hashing or comparing it.
struct FirstByteSet: Sendable {
    private let bytes: [Bool]

    init(_ words: some Sequence<String>) {
        var bytes = (0..<256).map { $0 >= 0x80 }
        for word in words {
            guard let first = word.utf8.first, first < 0x80 else {
                bytes = [Bool](repeating: true, count: 256)
                break
            }
            bytes[Int(first)] = true
        }
        self.bytes = bytes
    }

    /// Whether a word starting with `byte` may be one of the words (or start with one).
    func mayStart(_ byte: UInt8) -> Bool { bytes[Int(byte)] }
}
