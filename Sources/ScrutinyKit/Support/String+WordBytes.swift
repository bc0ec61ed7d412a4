extension String {
    /// The first UTF-8 byte and the length in bytes, read from the string's own storage where it
    /// has one (every word the tokenizer makes): the collection's `first` was the largest cost of a
    /// phrase search. Nil for the empty string.
    var firstByteAndLength: (UInt8, Int)? {
        withUTF8Bytes { bytes in bytes.isEmpty ? nil : (bytes[0], bytes.count) }
    }

    /// `hasPrefix`, answered from the bytes where both are ASCII up to the prefix's end and the
    /// character after it cannot join the last one (Foundation's search stood behind every `*`
    /// word of a phrase list); otherwise `hasPrefix` itself decides.
    func startsWithWord(_ prefix: String) -> Bool {
        asciiPrefixAnswer(prefix) ?? hasPrefix(prefix)
    }
}

private extension String {
    /// Whether `prefix` begins the string, where the bytes alone can tell; nil where they cannot
    /// (a byte above ASCII in the part compared or right after it, or a line break "\r\n" split).
    func asciiPrefixAnswer(_ prefix: String) -> Bool? {
        withUTF8Bytes { word -> Bool? in
            prefix.withUTF8Bytes { start -> Bool? in
                guard start.count <= word.count else {
                    return start.isASCII && word.isASCII ? false : nil
                }
                for index in start.indices {
                    guard start[index] < 0x80, word[index] < 0x80 else { return nil }
                    if start[index] != word[index] { return false }
                }
                guard start.count < word.count else { return true }
                let next = word[start.count]
                return next < 0x80 && !(next == 0x0A && !start.isEmpty && start[start.count - 1] == 0x0D) ? true : nil
            }
        }
    }
}
