import Foundation
import Yams

/// Reads the editable data files of `lexicons/` (YAML rules, YAML and LIWC lexicons), turning every
/// failure into a ``LexiconError`` that names the file.
enum DataFiles {
    /// What a rules file may hold at its top beside what the type reads: nothing but the keys
    /// other readers of the file take (`.refused`, for a file read whole), or anything
    /// (`.passedOver`, for a file of which one part is read). Below the top, every key must be read.
    enum OtherKeys: Equatable {
        case refused(readElsewhere: Set<String> = [])
        case passedOver
    }

    static func decode<Value: Decodable>(_ type: Value.Type, contentsOf url: URL, otherKeys: OtherKeys = .refused())
        throws(LexiconError) -> Value {
        try decode(type, from: read(url), path: url.path, otherKeys: otherKeys)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from yaml: String, path: String, otherKeys: OtherKeys = .refused())
        throws(LexiconError) -> Value {
        let value = try decodeValue(type, from: yaml, path: path)
        // A file that parsed once parses again; its keys are checked against what was read.
        guard let root = try? Yams.compose(yaml: yaml, .basic) else { return value }
        let passedOver: (String) -> Bool = switch otherKeys {
        case .refused(let elsewhere): { elsewhere.contains($0) }
        case .passedOver: { _ in true }
        }
        let anchored = yaml.containsBytes("&") ? UnknownYAMLKey.anchoredLines(in: yaml) : []
        if let unknown = UnknownYAMLKey.first(in: root, readAs: value, passingOver: passedOver, anchoredLines: anchored) {
            throw .malformed(path: path, line: unknown.line, cause: unknown.description)
        }
        return value
    }

    /// Refuses a key of a mapping whose keys are names the code knows (kinds, strengths, columns,
    /// eras) and that is not one of `known`: such a mapping decodes as a dictionary, which takes any
    /// key, so `area_for_improvment:` under `sections` was read and never used (session 39's
    /// re-audit: the 48 documents' areas for improvement fell from 398 to 10 without a word).
    /// `path`: the keys above the mapping; the line is the first in `yaml` that opens with the key.
    static func requireKnownKeys(_ keys: some Sequence<String>, known: [String], under path: [String], file: String, yaml: String)
        throws(LexiconError) {
        guard let unknown = keys.sorted().first(where: { !known.contains($0) }) else { return }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.drop(while: { $0 == " " }).hasPrefix(unknown + ":") }.map { $0 + 1 }
        throw .malformed(path: file, line: line, cause: UnknownYAMLKey(path: path, key: unknown, line: line, known: known).description)
    }

    private static func decodeValue<Value: Decodable>(_ type: Value.Type, from yaml: String, path: String) throws(LexiconError) -> Value {
        do {
            // `YAMLDecoder` resolves each key's tag with a regular expression, for merge keys
            // (`<<`): most of the time a rule file took to read. A file without `<<` has no merge
            // key, and is parsed without resolving tags (then, as before, every key is a string).
            guard !yaml.containsBytes("<<") else { return try YAMLDecoder().decode(type, from: yaml) }
            let root: Node
            let parser: Parser
            do {
                parser = try Parser(yaml: yaml, resolver: .basic, encoding: .default)
                root = try parser.singleRoot() ?? ""
            } catch {
                // As `YAMLDecoder` reports a file that is not YAML.
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid YAML.",
                                                        underlyingError: error))
            }
            // The parser keeps the anchors the nodes refer to.
            return try withExtendedLifetime(parser) { try YAMLDecoder().decode(type, from: root) }
        } catch {
            let problem = YAMLProblem.describe(error, in: yaml)
            throw .malformed(path: path, line: problem.line, cause: problem.cause)
        }
    }

    /// A lexicon file's text, its name (the file name without extension) and the encoding it was
    /// read in: the one given, else detected (a byte-order mark, UTF-8, else Windows-1252, which
    /// covers Latin-1's letters).
    static func readLexicon(path: String, encoding: TextDecoding.Encoding? = nil) throws(LexiconError)
        -> (text: String, name: String, encoding: TextDecoding.Encoding) {
        let data: Data
        do { data = try StandardInput.contents(atPath: path) } catch { throw .unreadable(path: path, cause: error.cause) }
        let name = path == StandardInput.path ? "stdin" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let bytes = [UInt8](data)
        // Said plainly (session 42's audit: an empty .dic was refused at "line 2", a PDF as "binary data").
        if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
            throw .unreadable(path: path, cause: bytes.isEmpty ? "the file is empty" : "it holds only white space")
        }
        if let encoding {
            // Bytes that are not UTF-8 would become U+FFFD and match as nothing, or as too much
            // ("caf\u{FFFD}*" as "caf*"): the file is refused with its line (session 46's interop
            // audit: a Windows-1252 .dic given --encoding utf-8 was checked "0 problems" and miscounted).
            if encoding == .utf8, String(validating: bytes, as: UTF8.self) == nil {
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                let line = lines.firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
                let detected = TextDecoding.decode(bytes)?.encoding.label
                throw .malformed(path: path, line: line, cause: "this line is not UTF-8, as --encoding utf-8 says the file is"
                    + (detected.map { "; it reads as \($0): leave out --encoding to detect it" } ?? ""))
            }
            return (TextDecoding.decode(bytes, as: encoding), name, encoding)
        }
        guard let decoded = TextDecoding.decode(bytes) else {
            let kind = bytes.starts(with: Array("%PDF".utf8)) ? "a PDF" : bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? "a zip archive (a Word, OpenDocument or REFI-QDA file?)" : nil
            throw .unreadable(path: path, cause: kind.map { "it is \($0), not a dictionary" } ?? "it holds binary data, not text")
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
