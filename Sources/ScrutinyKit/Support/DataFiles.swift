import Foundation
import Yams

/// Reads the editable data files of `lexicons/` (YAML rules, YAML and LIWC lexicons), turning every
/// failure into a ``LexiconError`` that names the file.
enum DataFiles {
    static func decode<Value: Decodable>(_ type: Value.Type, contentsOf url: URL) throws(LexiconError) -> Value {
        try decode(type, from: read(url), path: url.path)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from yaml: String, path: String) throws(LexiconError) -> Value {
        do {
            return try YAMLDecoder().decode(type, from: yaml)
        } catch {
            throw .malformed(path: path, line: nil, cause: String(describing: error))
        }
    }

    /// A lexicon file's text, its name (the file name without extension) and the encoding it was
    /// read in: the one given, else detected (a byte-order mark, UTF-8, else Windows-1252, which
    /// covers Latin-1's letters).
    static func readLexicon(path: String, encoding: TextDecoding.Encoding? = nil) throws(LexiconError)
        -> (text: String, name: String, encoding: TextDecoding.Encoding) {
        guard let data = StandardInput.contents(atPath: path) else {
            throw .unreadable(path: path, cause: "no such file or not readable")
        }
        let name = path == StandardInput.path ? "stdin" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let bytes = [UInt8](data)
        if let encoding {
            return (TextDecoding.decode(bytes, as: encoding), name, encoding)
        }
        guard let decoded = TextDecoding.decode(bytes) else {
            throw .unreadable(path: path, cause: "it holds binary data, not text")
        }
        return (decoded.text, name, decoded.encoding)
    }

    static func read(_ url: URL) throws(LexiconError) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, cause: error.localizedDescription)
        }
    }
}

extension String {
    /// Every run of white space made one space, and the ends trimmed.
    func collapsingWhitespace() -> String {
        // ASCII (most lines, once the normaliser has run): byte by byte, the same result, since
        // each ASCII byte is a character of its own but for "\r\n", whitespace either way. Most
        // lines need nothing done (single spaces between words, none at the ends): those are
        // given back as they are.
        var ascii = true
        var changes = false
        var endsInSpace = true
        for byte in utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
            if isSpace, byte != 0x20 || endsInSpace { changes = true }
            endsInSpace = isSpace
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
