import Foundation
import Yams

/// Reads the editable data files of `lexicons/` into the types that describe them, turning every
/// failure into a ``LexiconError`` that names the file.
enum YAMLData {
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
