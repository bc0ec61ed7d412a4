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

    /// A lexicon file's text and its name (the file name without extension).
    static func readLexicon(path: String) throws(LexiconError) -> (text: String, name: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, cause: "no such file or not readable")
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return (String(decoding: data, as: UTF8.self), name)
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
