import Foundation

/// A coding scheme: a lexicon whose top-level categories are themes and whose second level
/// (where present) are sub-themes, with the classifier's settings; and optionally a learned layer
/// of term weights fitted to hand coding (`scrutiny lexicon learn`), whose categories are the
/// scheme's own and whose weights add to the lexicon's.
public struct ThemeScheme: Sendable {
    public var lexicon: Lexicon
    /// The learned layer: read from `NAME.learned.yml` beside the scheme's file when there is one.
    public var learned: Lexicon?
    /// The document types the learned layer applies to (its file's `_document_types`: the kinds of
    /// document it was learned from); nil: every item. Items of other documents, and lines given
    /// on their own, are coded by the lexicon alone.
    public var learnedDocumentTypes: Set<String>?
    /// The documents whose hand coding the learned layer was fitted on (its file's `_fitted_on`,
    /// which `lexicon learn` writes); nil where the file does not say. Figures on them are
    /// in-sample: `evaluate` says so.
    public var learnedFrom: Set<String>?
    public var name: String { lexicon.name }

    public init(lexicon: Lexicon, learned: Lexicon? = nil) {
        self.lexicon = lexicon
        self.learned = learned
    }

    /// The schemes that ship in `lexicons/`, by name.
    public static let builtIn = ["wt2018", "wt2023", "six-steps", "topics"]

    /// Loads a scheme by built-in name (`wt2018`, `wt2023`, `six-steps`, `topics`) or by path to a
    /// YAML, LIWC `.dic` or WordStat `.cat` file, with its learned layer where one lies beside it.
    public static func load(_ nameOrPath: String, from directory: LexiconDirectory) throws(LexiconError) -> ThemeScheme {
        if builtIn.contains(nameOrPath) {
            let file = directory.file(nameOrPath + ".yml").path
            return try withLayer(ThemeScheme(lexicon: try LexiconChecker.usable(LexiconFile.read(path: file), file: file)), file: file)
        }
        let scheme = ThemeScheme(lexicon: try LexiconChecker.usable(LoadedDictionary.read(path: nameOrPath).lexicon, file: nameOrPath))
        return nameOrPath.hasSuffix(".yml") ? try withLayer(scheme, file: nameOrPath) : scheme
    }

    /// Where the learned layer of the scheme in `file` lives: `wt2018.yml` → `wt2018.learned.yml`.
    public static func layerPath(of file: String) -> String {
        (file.hasSuffix(".yml") ? String(file.dropLast(4)) : file) + ".learned.yml"
    }
}

private extension ThemeScheme {
    static func withLayer(_ scheme: ThemeScheme, file: String) throws(LexiconError) -> ThemeScheme {
        let layerFile = layerPath(of: file)
        guard !file.hasSuffix(".learned.yml"), FileManager.default.fileExists(atPath: layerFile) else { return scheme }
        let (layer, lists) = try LexiconFile.read(path: layerFile, lists: ["_document_types", "_fitted_on"])
        _ = try LexiconChecker.usable(layer, file: layerFile)
        let paths = Set(scheme.lexicon.allCategories.map(\.path))
        if let stray = layer.allCategories.first(where: { !paths.contains($0.path) }) {
            throw .malformed(path: layerFile, line: stray.line,
                             cause: "category `\(stray.path)` is not in \((file as NSString).lastPathComponent); a learned layer uses its scheme's categories")
        }
        var result = scheme
        result.learned = layer
        result.learnedDocumentTypes = lists["_document_types"].map(Set.init)
        result.learnedFrom = lists["_fitted_on"].map(Set.init)
        return result
    }
}

public extension LexiconDirectory {
    func scheme(_ nameOrPath: String) throws(LexiconError) -> ThemeScheme {
        try ThemeScheme.load(nameOrPath, from: self)
    }
}
