/// White space as the readers leave it: one space between words, none at the ends.
extension String {
    /// Every run of white space made one space, and the ends trimmed.
    func collapsingWhitespace() -> String {
        // ASCII (most lines, once the normaliser has run): byte by byte, the same result, since
        // each ASCII byte is a character of its own but for "\r\n", whitespace either way. Most
        // lines need nothing done (single spaces between words, none at the ends): those are
        // given back as they are.
        let (ascii, changes, endsInSpace) = withUTF8Bytes { bytes in
            var changes = false
            var endsInSpace = true
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 { return (false, changes, endsInSpace) }
                let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
                if isSpace, byte != 0x20 || endsInSpace { changes = true }
                endsInSpace = isSpace
            }
            return (true, changes, endsInSpace)
        }
        if ascii, !changes, !endsInSpace || isEmpty { return self }
        if ascii {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var lastWasSpace = true
            for byte in utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if !lastWasSpace { bytes.append(0x20) }
                    lastWasSpace = true
                } else {
                    bytes.append(byte)
                    lastWasSpace = false
                }
            }
            if bytes.last == 0x20 { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var output = ""
        output.reserveCapacity(utf8.count)
        var lastWasSpace = true
        for character in self {
            if character.isWhitespace {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.append(character)
                lastWasSpace = false
            }
        }
        if output.last == " " { output.removeLast() }
        return output
    }
}
