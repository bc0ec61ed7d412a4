import Foundation

/// Finds who wrote a document: a labelled line ("Report Author: …", "Review team: …"), a byline
/// under the title ("Dr Celia Brannock, Independent Scrutineer"), or a letter's signatories.
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
        }
        // A letter is by those who sign it, not those it is addressed to.
        if found.isEmpty, let signOff = blocks.firstIndex(where: { rules.signOff.matches($0.text) }) {
            for block in blocks[(signOff + 1)...].prefix(12) {
                let text = block.text.split(separator: ":", maxSplits: 1).last.map(String.init) ?? block.text
                if let first = text.split(separator: ",").first.map({ $0.trimmingCharacters(in: .whitespaces) }), isPersonName(first) {
                    add([first])
                }
            }
        }
        if found.isEmpty { add(byline(blocks)) }
        return found
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
        guard let colon = block.text.firstIndex(ofASCII: ":"), isLabel(String(block.text[..<colon])) else { return nil }
        var value = String(block.text[block.text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        // "Marcus Eyre Designation:Director …": stop before the next label.
        if let nextColon = value.firstIndex(of: ":"), let space = value[..<nextColon].lastIndex(of: " ") {
            value = String(value[..<space])
        }
        return value.isEmpty ? (next?.kind == .paragraph ? next?.text : nil) : value
    }

    func isLabel(_ text: String) -> Bool {
        let words = WordTokenizer.words(text).map(\.text)
        return !words.isEmpty && words.count <= 3 && rules.authorLabels.matchesAtStart(words)
            && rules.authorLabels.phrases.contains { $0.wordCount == words.count }
    }

    /// Names in a value such as "Miriam Oduya, Dr Gareth Pennock and Sandra Keel — Tallis Ridge Consulting".
    func names(in value: String) -> [String] {
        var text = value
        for dash in [" — ", " – ", " - ", "\t", "  "] {
            if let range = text.range(of: dash) { text = String(text[..<range.lowerBound]) }
        }
        return text.replacingOccurrences(of: " and ", with: ", ").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter(isPersonName)
    }

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
