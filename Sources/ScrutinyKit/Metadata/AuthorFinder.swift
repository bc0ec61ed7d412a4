import Foundation

/// Finds who wrote a document: a labelled line ("Report Author: …", "Lead inspector: …"), a
/// sentence that introduces them ("Her Majesty’s Inspectors for this visit were …"), an
/// inspection team's leads ("Sam Hainey, Ofsted Lead Inspector"), a byline under the title ("Dr
/// Celia Brannock, Independent Scrutineer"), or a letter's signatories.
struct AuthorFinder {
    let rules: MetadataRules

    func authors(in document: Document) -> [String] {
        let blocks = document.blocks
        var found: [String] = []
        func add(_ names: [String]) {
            for name in names where !found.contains(name) { found.append(name) }
        }
        for (index, block) in blocks.enumerated() {
            if let value = labelled(block, next: index + 1 < blocks.count ? blocks[index + 1] : nil) { add(names(in: value)) }
            if let value = introduced(block) { add(names(in: value)) }
            for cell in block.cells ?? [block.text] { add(teamLeads(in: cell)) }
        }
        // A letter is by those who sign it, not those it is addressed to.
        if found.isEmpty, let signOff = blocks.firstIndex(where: { rules.signOff.matches($0.text) }) {
            for block in blocks[(signOff + 1)...].prefix(12) {
                let text = block.text.split(separator: ":", maxSplits: 1).last.map(String.init) ?? block.text
                if let first = text.split(separator: ",").first.map({ $0.trimmingCharacters(in: .whitespaces) }), let name = personName(in: first) {
                    add([name])
                }
            }
        }
        if found.isEmpty { add(byline(blocks)) }
        return found
    }
}

extension AuthorFinder {
    /// A byline written as a citation's authors, "Pearce, J., Stratton, I. and Thorpe, A.": the
    /// names as "J. Pearce", "I. Stratton", "A. Thorpe"; nil for any other line.
    func citedNames(_ text: String) -> [String]? {
        let pattern = #"([A-Z][A-Za-z'’\-]+), ((?:[A-Z]\.\s?)+)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let whole = NSRange(text.startIndex..., in: text)
        let matches = regex.matches(in: text, range: whole)
        guard matches.count >= 1 else { return nil }
        // Nothing but the names, commas and "and" between them.
        var rest = text
        for match in matches.reversed() { rest.replaceSubrange(Range(match.range, in: text)!, with: "") }
        guard rest.replacingOccurrences(of: "and", with: "").allSatisfy({ $0 == "," || $0 == " " || $0 == "&" }) else { return nil }
        return matches.map { match in
            let surname = String(text[Range(match.range(at: 1), in: text)!])
            let initials = String(text[Range(match.range(at: 2), in: text)!]).trimmingCharacters(in: .whitespaces)
            return initials + " " + surname
        }
    }
}

private extension AuthorFinder {
    /// The value after an author label: the next cell of a table row, the rest of a "Label: value"
    /// line, or the block after a label standing alone.
    func labelled(_ block: Block, next: Block?) -> String? {
        if let cells = block.cells, let first = cells.first, isLabel(first) {
            let value = cells.dropFirst().first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return value ?? (next?.kind == .paragraph ? next?.text : nil)
        }
        // A text with no ":" byte has no ":" character; most blocks are ruled out by the byte search.
        guard let colon = block.text.firstIndex(ofASCII: ":") else { return unpunctuated(block.text) }
        guard isLabel(String(block.text[..<colon])) else { return nil }
        var value = String(block.text[block.text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        // "Marcus Eyre Designation:Director …": stop before the next label, after a space or a tab
        // ("Lorna Haigh⇥Designation:"), or where a page's text glued it on ("Sophie WalesDesignation:":
        // the last small letter before a capital).
        if let nextColon = value.firstIndex(of: ":") {
            let before = value[..<nextColon]
            if let space = before.lastIndex(where: { $0 == " " || $0 == "\t" }) {
                let last = before[before.index(after: space)...]
                let glued = last.indices.dropFirst().last { last[last.index(before: $0)].isLowercase && last[$0].isUppercase }
                value = String(before[..<(glued ?? space)]).trimmingCharacters(in: .whitespaces)
            }
        }
        return value.isEmpty ? (next?.kind == .paragraph ? next?.text : nil) : value
    }

    /// A label and a name with no colon between, a short line such as "Deputy lead inspector Susan
    /// Myers HMI": the name; nil for any other text.
    func unpunctuated(_ text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard (3...8).contains(words.count) else { return nil }
        for count in 1...3 where isLabel(words.prefix(count).joined(separator: " ")) {
            if let name = personName(in: words.dropFirst(count).joined(separator: " ")) { return name }
        }
        return nil
    }

    func isLabel(_ text: String) -> Bool {
        let words = WordTokenizer.words(text).map(\.text)
        return !words.isEmpty && words.count <= 3 && rules.authorLabels.matchesAtStart(words)
            && rules.authorLabels.phrases.contains { $0.wordCount == words.count }
    }

    /// Names in a value such as "Miriam Oduya, Dr Gareth Pennock and Sandra Keel — Tallis Ridge
    /// Consulting", or "Jansy Kelly HMI" (a role after a name is left out of it).
    func names(in value: String) -> [String] {
        var text = value
        for dash in [" — ", " – ", " - ", "\t", "  "] {
            if let range = text.range(of: dash) { text = String(text[..<range.lowerBound]) }
        }
        return text.replacingOccurrences(of: " and ", with: ", ").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.compactMap(personName(in:))
    }

    /// What follows words that introduce the authors, to the sentence's end: "Amanda Maxwell and
    /// Nick Stacey" of "Her Majesty’s Inspectors for this visit were Amanda Maxwell and Nick Stacey."
    func introduced(_ block: Block) -> String? {
        guard block.kind == .paragraph, !rules.authorIntroductions.isEmpty, rules.authorIntroductions.matches(block.text) else { return nil }
        let words = WordTokenizer.words(block.text)
        guard let span = rules.authorIntroductions.firstSpan(in: words.map(\.text)) else { return nil }
        let after = String(String.UnicodeScalarView(block.text.unicodeScalars.dropFirst(words[span.range.upperBound - 1].end)))
        return after.split(separator: ".", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The people a text names with a team role after them, "Name, Role", as an inspection team's
    /// list does: "Sam Hainey, Ofsted Lead Inspector Maire Atherton, Ofsted HMI …" gives Sam Hainey.
    func teamLeads(in text: String) -> [String] {
        guard !rules.teamRoles.isEmpty, text.contains(","), rules.teamRoles.matches(text) else { return [] }
        let words = WordTokenizer.words(text)
        let lower = words.map(\.text)
        var found: [String] = []
        for start in lower.indices where rules.teamRoles.matchesAtStart(Array(lower[start...])) {
            // The name: the words before the role, back to the comma before it.
            let head = String(String.UnicodeScalarView(text.unicodeScalars.prefix(words[start].start)))
            guard head.trimmingCharacters(in: .whitespaces).hasSuffix(",") else { continue }
            let before = head.trimmingCharacters(in: .whitespaces).dropLast()
            let candidates = before.split(separator: " ").suffix(4).map(String.init)
            // The longest run of the last words that is a name ("Maire Atherton" of "… Ofsted HMI Maire Atherton").
            if let name = (2...max(2, candidates.count)).reversed().lazy
                .map({ candidates.suffix($0).joined(separator: " ") }).first(where: isPersonName) {
                found.append(name)
            }
        }
        return found
    }

    /// A name, or a name with a role after it ("Peter McEntee Her Majesty’s Inspector", where a
    /// letter's signature runs on into its role): the name; nil for neither.
    func personName(in text: String) -> String? {
        if isPersonName(text) { return text }
        let words = text.split(separator: " ").map(String.init)
        for count in stride(from: min(4, words.count - 1), through: 2, by: -1) {
            let name = words.prefix(count).joined(separator: " ")
            let rest = WordTokenizer.words(words.dropFirst(count).joined(separator: " ")).map(\.text)
            if isPersonName(name), rules.authorRoles.matchesAtStart(rest) { return name }
        }
        return nil
    }

    /// Names under the title: "Name, Role", a line of names only, or a name whose next line is a role.
    func byline(_ blocks: [Block]) -> [String] {
        var found: [String] = []
        for (index, block) in blocks.enumerated().prefix(15) where block.kind == .paragraph || (block.kind == .heading && index > 0) {
            if block.kind == .paragraph, block.text.count > 150 { break }
            if block.kind == .paragraph, let cited = citedNames(block.text) {
                found += cited
                continue
            }
            let parts = block.text.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, isPersonName(parts[0]), rules.authorRoles.matchesAtStart(WordTokenizer.words(parts[1]).map(\.text)) {
                found.append(parts[0])
            } else if isPersonName(block.text), index + 1 < blocks.count,
                      rules.authorRoles.matchesAtStart(WordTokenizer.words(blocks[index + 1].text).map(\.text)) {
                found.append(block.text)
            } else if block.kind == .paragraph, block.text.contains(" and ") || block.text.contains(","), !block.text.contains(":") {
                let names = names(in: block.text)
                let parts = block.text.replacingOccurrences(of: " and ", with: ", ").split(separator: ",")
                if names.count == parts.count, names.count > 1 { found += names }
            }
        }
        return found
    }

    /// Two to four capitalised words, after any honorific, none of them a word that names an
    /// organisation or a role.
    func isPersonName(_ text: String) -> Bool {
        var words = text.split(separator: " ").map(String.init)
        while let first = words.first, rules.honorifics.contains(first.lowercased().trimmingCharacters(in: ["."])) {
            words.removeFirst()
        }
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase, !word.contains(where: \.isNumber) else { return false }
            var lower = word.lowercased()
            for possessive in ["'s", "\u{2019}s"] where lower.hasSuffix(possessive) { lower = String(lower.dropLast(2)) }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "\u{2019}" }
                && !rules.notPersonWords.contains(lower)
        }
    }
}
