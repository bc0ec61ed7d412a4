import Foundation

/// A coding scheme: a lexicon whose top-level categories are themes and whose second level
/// (where present) are sub-themes, with the classifier's settings.
public struct ThemeScheme: Sendable {
    public var lexicon: Lexicon
    public var name: String { lexicon.name }

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// The schemes that ship in `lexicons/`, by name.
    public static let builtIn = ["wt2018", "wt2023", "six-steps", "topics"]

    /// Loads a scheme by built-in name (`wt2018`, `wt2023`, `six-steps`, `topics`) or by path to a YAML, LIWC `.dic` or WordStat `.cat` file.
    public static func load(_ nameOrPath: String, from directory: LexiconDirectory) throws(LexiconError) -> ThemeScheme {
        if builtIn.contains(nameOrPath) {
            return ThemeScheme(lexicon: try LexiconFile.read(path: directory.file(nameOrPath + ".yml").path))
        }
        return ThemeScheme(lexicon: try LoadedDictionary.read(path: nameOrPath).lexicon)
    }
}

public extension LexiconDirectory {
    func scheme(_ nameOrPath: String) throws(LexiconError) -> ThemeScheme {
        try ThemeScheme.load(nameOrPath, from: self)
    }
}
