/// The list definitions of a DOCX (`word/numbering.xml`) and the counters that turn them into
/// the numbers Word displays: "1.", "a)", "2.5", "(iv)", or a bullet.
///
/// Word keeps one set of counters per abstract list; every `w:num` that points to it continues
/// those counters unless it overrides a level's start (`w:lvlOverride/w:startOverride`), which
/// restarts that level the first time the `w:num` is used.
struct WordNumbering {
    struct Level {
        var start = 0
        /// nil for a bullet.
        var style: ListNumberStyle? = .decimal
        /// The level text, "%1." or "%1.%2" or a bullet character.
        var text = ""
        /// `w:lvlRestart`: restart after a use of this (1-based) level or a higher one; 0 never.
        var restart: Int?
        /// `w:isLgl`: show every level's number as decimal.
        var legal = false
        /// `w:pStyle`: the paragraph style this level is linked to.
        var paragraphStyle: String?
    }

    struct Instance {
        var abstractId: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private(set) var abstracts: [Int: [Int: Level]] = [:]
    private(set) var instances: [Int: Instance] = [:]

    init() {}

    init(_ root: XMLNode) {
        for node in root.elements {
            if WordXML.is(node, "abstractNum"), let id = WordXML.attribute(node, "abstractNumId").flatMap(Int.init) {
                abstracts[id] = Self.levels(in: node)
            } else if WordXML.is(node, "num"), let id = WordXML.attribute(node, "numId").flatMap(Int.init),
                      let abstractId = WordXML.intValue(node, "abstractNumId") {
                var instance = Instance(abstractId: abstractId)
                for override in node.elements where WordXML.is(override, "lvlOverride") {
                    guard let ilvl = WordXML.attribute(override, "ilvl").flatMap(Int.init) else { continue }
                    if let start = WordXML.intValue(override, "startOverride") { instance.startOverrides[ilvl] = start }
                    if let level = WordXML.child(override, "lvl") { instance.levelOverrides[ilvl] = Self.level(level) }
                }
                instances[id] = instance
            }
        }
    }

    /// The definition of level `ilvl` of list `numId`.
    func level(numId: Int, ilvl: Int) -> Level? {
        guard let instance = instances[numId] else { return nil }
        return instance.levelOverrides[ilvl] ?? abstracts[instance.abstractId]?[ilvl]
    }

    /// The level of list `numId` linked to paragraph style `style`, if any.
    func level(numId: Int, linkedTo style: String) -> Int? {
        guard let instance = instances[numId], let levels = abstracts[instance.abstractId] else { return nil }
        return levels.first { $0.value.paragraphStyle == style }?.key
    }

    func abstractId(numId: Int) -> Int? {
        instances[numId]?.abstractId
    }
}

/// The running counters of a document's lists, advanced paragraph by paragraph.
struct WordListCounter {
    let numbering: WordNumbering
    private var counters: [Int: [Int?]] = [:]
    private var used: Set<Int> = []

    init(numbering: WordNumbering) {
        self.numbering = numbering
    }

    /// Counts a paragraph at level `ilvl` of list `numId` and returns the marker Word shows
    /// (nil when the level shows nothing) and the ordinal ("2.5", "a"; nil for a bullet).
    mutating func next(numId: Int, ilvl: Int) -> (marker: String?, ordinal: String?)? {
        guard let instance = numbering.instances[numId], let level = numbering.level(numId: numId, ilvl: ilvl),
              (0...8).contains(ilvl) else { return nil }
        var values = counters[instance.abstractId] ?? Array(repeating: nil, count: 9)
        if !used.contains(numId) {
            used.insert(numId)
            for (overridden, start) in instance.startOverrides where (0...8).contains(overridden) {
                values[overridden] = start - 1
            }
        }
        values[ilvl] = (values[ilvl] ?? (level.start - 1)) + 1
        for deeper in (ilvl + 1)..<9 {
            let restart = numbering.level(numId: numId, ilvl: deeper)?.restart
            if restart == nil || (restart! > 0 && ilvl < restart!) { values[deeper] = nil }
        }
        counters[instance.abstractId] = values
        guard let style = level.style else {
            return (level.text.isEmpty ? nil : MarkupBlocks.bullet(level.text), nil)
        }
        return render(level, style: style, values: values, numId: numId)
    }
}

private extension WordNumbering {
    static func levels(in abstract: XMLNode) -> [Int: Level] {
        var levels: [Int: Level] = [:]
        for node in abstract.elements where WordXML.is(node, "lvl") {
            guard let ilvl = WordXML.attribute(node, "ilvl").flatMap(Int.init) else { continue }
            levels[ilvl] = level(node)
        }
        return levels
    }

    static func level(_ node: XMLNode) -> Level {
        var level = Level()
        level.start = WordXML.intValue(node, "start") ?? 0
        level.style = ListNumberStyle(word: WordXML.value(WordXML.child(node, "numFmt")) ?? "decimal")
        level.text = WordXML.value(WordXML.child(node, "lvlText")) ?? ""
        level.restart = WordXML.intValue(node, "lvlRestart")
        level.legal = WordXML.isOn(WordXML.child(node, "isLgl"))
        level.paragraphStyle = WordXML.value(WordXML.child(node, "pStyle"))
        return level
    }
}

private extension WordListCounter {
    /// Fills the level text's "%1" … "%9" with the counters of those levels.
    func render(_ level: WordNumbering.Level, style: ListNumberStyle, values: [Int?], numId: Int)
        -> (marker: String?, ordinal: String?) {
        var marker = ""
        var parts: [String] = []
        var characters = level.text[...]
        while let first = characters.first {
            characters = characters.dropFirst()
            guard first == "%", let digit = characters.first?.wholeNumberValue, (1...9).contains(digit) else {
                marker.append(first)
                continue
            }
            characters = characters.dropFirst()
            let referenced = numbering.level(numId: numId, ilvl: digit - 1)
            let value = values[digit - 1] ?? referenced?.start ?? 1
            let referencedStyle = level.legal ? .decimal : (referenced?.style ?? .decimal)
            let shown = referencedStyle.format(value)
            marker += shown
            if !shown.isEmpty { parts.append(shown.lowercased()) }
        }
        let cleaned = MarkupBlocks.clean(marker)
        guard !cleaned.isEmpty else { return (nil, nil) }
        return (cleaned, parts.isEmpty ? nil : parts.joined(separator: "."))
    }
}
