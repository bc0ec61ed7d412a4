extension String {
    /// The string of `scalars`, made from their UTF-8 bytes at once (appending to a
    /// `String.UnicodeScalarView` one scalar at a time was the largest cost of splitting sentences).
    init<Scalars: Collection<Unicode.Scalar>>(scalars: Scalars) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }

    /// The first `bytes` bytes of the string in UTF-8, shortened to end on a whole Unicode scalar
    /// (the limit for one block of a document, or one pasted item).
    func prefix(utf8Bytes bytes: Int) -> String {
        let utf8 = Array(self.utf8)
        guard utf8.count > bytes else { return self }
        var end = bytes
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }

    /// The index of the first character that is `character`, an ASCII one (":"), found by its byte:
    /// searching characters makes every grapheme of the text, and most texts hold none. A byte
    /// whose character is longer (":" with a combining mark) is passed by, as the search of
    /// characters would.
    func firstIndex(ofASCII character: Character) -> String.Index? {
        guard let byte = character.asciiValue else { return firstIndex(of: character) }
        // Found by `memchr` (the collection's search went byte by byte through the view's
        // indices: a fifth of finding authors), made an index only where the byte stands.
        return withUTF8Bytes { bytes -> String.Index? in
            var start = 0
            while let at = bytes.firstIndex(of: byte, from: start) {
                let found = utf8.index(utf8.startIndex, offsetBy: at)
                if self[found...].first == character { return found }
                start = at + 1
            }
            return nil
        }
    }
}

