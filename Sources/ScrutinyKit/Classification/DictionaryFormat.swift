import Foundation

/// The dictionary formats scrutiny reads and writes: its own YAML (quanteda's, with weights and
/// exclusions), LIWC `.dic` and WordStat `.cat`. A file's format follows its extension, and its
/// content where the extension says nothing.
public enum DictionaryFormat: String, Sendable, CaseIterable {
    case yaml, liwc, wordstat

    /// How the format is named in messages.
    public var label: String {
        switch self {
        case .yaml: "quanteda YAML"
        case .liwc: "LIWC .dic"
        case .wordstat: "WordStat .cat"
        }
    }

    /// The format of a file with this path and text.
    public static func detect(path: String, text: String) -> DictionaryFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "dic": return .liwc
        case "cat": return .wordstat
        case "yml", "yaml": return .yaml
        default: break
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.first == "%" { return .liwc }
        if lines.contains(where: { $0.range(of: #"\(\d+\)$"#, options: .regularExpression) != nil }),
           !lines.contains(where: { $0.contains(":") }) {
            return .wordstat
        }
        return .yaml
    }
}

/// A dictionary as read from a file, with the format and encoding it was read in.
public struct LoadedDictionary: Sendable {
    public var lexicon: Lexicon
    public var format: DictionaryFormat
    public var encoding: TextDecoding.Encoding

    /// Reads a dictionary in any supported format; `encoding` overrides detection.
    public static func read(path: String, encoding: TextDecoding.Encoding? = nil) throws(LexiconError) -> LoadedDictionary {
        let (text, name, used) = try DataFiles.readLexicon(path: path, encoding: encoding)
        let format = DictionaryFormat.detect(path: path, text: text)
        let lexicon: Lexicon
        switch format {
        case .yaml: lexicon = try LexiconFile.parse(text, name: name, path: path)
        case .liwc: lexicon = try LIWCDictionary.parse(text, name: name, path: path)
        case .wordstat: lexicon = try WordStatDictionary.parse(text, name: name, path: path)
        }
        return LoadedDictionary(lexicon: lexicon, format: format, encoding: used)
    }
}
