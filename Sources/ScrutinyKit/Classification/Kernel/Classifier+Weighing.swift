import Foundation

// The byte-level half of the classifier: an item's text, section and actor matched in place as
// UTF-8 and weighed into the workspace's scores. Everything here that reads memory directly is
// sealed in this folder (Classification/Kernel); `Classifier.swift` sees only `weigh`, the
// workspace and its scores and records.
extension Classifier {
    /// A term found in one source string: the match, its offsets in Unicode scalars and its words.
    struct Span {
        var match: LexiconMatcher.Match
        var start: Int
        var end: Int
    }

    /// The spans of one source string, and its length in Unicode scalars.
    struct Located {
        var spans: [Span] = []
        var scalarCount = 0
        /// In a section path of two or more headings, how many of the first spans lie in the
        /// outermost heading (the document's title): they weigh `title_weight` times the others.
        var titleSpans = 0
    }

    /// The spans of section paths (or actors) already seen in a batch, found by their length and
    /// bytes (hashing and comparing Strings would normalise them to NFC each time). The last one is checked
    /// first, since a document's items come section by section.
    struct SpanCache {
        private var entries: [(length: Int, text: String, located: Located)] = []
        private var last: Int?

        mutating func find(_ text: String) -> Located? {
            let length = text.utf8.count
            if let last, entries[last].length == length, Self.same(entries[last].text, text) { return entries[last].located }
            guard let index = entries.firstIndex(where: { $0.length == length && Self.same($0.text, text) }) else { return nil }
            last = index
            return entries[index].located
        }

        mutating func add(_ text: String, _ located: Located) {
            entries.append((text.utf8.count, text, located))
            last = entries.count - 1
        }

        static func same(_ a: String, _ b: String) -> Bool {
            let equal = a.utf8.withContiguousStorageIfAvailable { x in
                b.utf8.withContiguousStorageIfAvailable { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
            }
            return (equal ?? nil) ?? a.utf8.elementsEqual(b.utf8)
        }
    }

    /// What one batch reuses from item to item.
    struct Workspace {
        var matching: LexiconMatcher.Workspace
        var located = Located()
        var layerMatching: LexiconMatcher.Workspace
        var layerLocated = Located()
        var scores: [Double]
        /// The item that last saw each term, to tell a repeated term.
        var seenBy: [Int]
        var item = 0
        /// The explained matches of the item being classified, and how many matches they stand for.
        var records: [TermMatches.Record] = []
        var matchCount = 0
        /// The learned words found in the item's text (the first `n`), what they add to each score
        /// in ten-thousandths (padded to the layer's row length, their matches counted last), and
        /// the item that last saw each learned word.
        var learnedFound: [TermMatches.Record] = []
        var learnedScores: [Int32]
        var learnedSeenBy: [Int]
        var sections = SpanCache()
        var actors = SpanCache()
        /// The document type last asked about, and whether the learned layer applies to it: a
        /// document's items come together.
        var lastDocumentType: (type: String, applies: Bool)?

        init(classifier: Classifier) {
            matching = classifier.matcher.makeWorkspace()
            layerMatching = (classifier.layer ?? classifier.matcher).makeWorkspace()
            scores = [Double](repeating: 0, count: classifier.categories.count)
            seenBy = [Int](repeating: 0, count: classifier.patterns.count)
            learnedScores = [Int32](repeating: 0, count: classifier.learnedWords?.rowLength ?? 0)
            learnedSeenBy = [Int](repeating: 0, count: classifier.learnedWords?.count ?? 0)
        }
    }

    /// Scores one item into the workspace: its matched terms and their weights.
    func weigh(_ recommendation: Recommendation, workspace: inout Workspace) {
        workspace.item += 1
        workspace.scores.withUnsafeMutableBufferPointer { scores in
            for index in scores.indices { scores[index] = 0 }
        }
        workspace.records.clear()
        workspace.matchCount = 0
        // The item's own spans go in the workspace's buffer, taken out while `add` uses the workspace.
        var located = Located()
        swap(&located, &workspace.located)
        located.spans.clear()
        var layerLocated = Located()
        swap(&layerLocated, &workspace.layerLocated)
        layerLocated.spans.clear()
        let actor = recommendation.actor
        let layerApplies = (learnedWords != nil || layer != nil) && layerApplies(to: recommendation.documentType, workspace: &workspace)
        // The text's bytes are read in place, for the actor and the matching.
        let actorSpan = Self.withBytes(of: recommendation.text) { bytes -> ActorSpan? in
            // The actor named at the start of the item ("The Executive should …") is who acts, not
            // what the item is about: its words count as actor evidence, not as the item's own.
            let actorSpan = actor.flatMap { actor in Self.withBytes(of: actor) { Self.actorSpan(of: $0, in: bytes) } }
            // Both matchers find the same matches; the one with the learned words also scans them.
            locate(bytes, into: &located, workspace: &workspace.matching,
                   using: layerApplies && learnedWords != nil ? matcherWithLearnedWords : nil)
            if layerApplies, learnedWords == nil, let layer {
                locate(bytes, into: &layerLocated, workspace: &workspace.layerMatching, using: layer)
            }
            return actorSpan
        }
        add(located, source: .text, factor: 1, actorSpan: actorSpan, workspace: &workspace)
        workspace.located = located
        if layerApplies, let learnedWords {
            // Among the words just scanned, which no other matching has replaced yet.
            Self.withBytes(of: recommendation.text) { addLearned($0, words: learnedWords, workspace: &workspace) }
        }
        addLayer(layerLocated, workspace: &workspace)
        workspace.layerLocated = layerLocated
        let section = recommendation.section
        if sectionWeight > 0, !section.isEmpty {
            let spans = cachedSpans(section, in: &workspace.sections, workspace: &workspace.matching, title: true)
            add(spans, source: .section, factor: sectionWeight, actorSpan: nil, workspace: &workspace, from: spans.titleSpans)
            if titleWeight > 0, spans.titleSpans > 0 {
                add(spans, source: .section, factor: sectionWeight * titleWeight, actorSpan: nil, workspace: &workspace,
                    upTo: spans.titleSpans)
            }
        }
        if actorSpan == nil, actorWeight > 0, let actor, !actor.isEmpty {
            let spans = cachedSpans(actor, in: &workspace.actors, workspace: &workspace.matching)
            add(spans, source: .actor, factor: actorWeight, actorSpan: nil, workspace: &workspace)
        }
    }
}

/// Where an item's actor stands in its text: the byte it starts at, and its scalars.
struct ActorSpan {
    var byteStart: Int
    var start: Int
    var end: Int
}

private extension Classifier {
    /// The spans of a section path or actor, matched once a batch; with `title`, those of the
    /// path's outermost heading counted (``Located/titleSpans``) where it has two or more.
    func cachedSpans(_ text: String, in cache: inout SpanCache, workspace: inout LexiconMatcher.Workspace,
                     title: Bool = false) -> Located {
        if let cached = cache.find(text) { return cached }
        var fresh = Located()
        Self.withBytes(of: text) { locate($0, into: &fresh, workspace: &workspace) }
        if title, let end = text.unicodeScalars.firstIndex(of: "\u{203A}") {
            let titleEnd = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: end)
            fresh.titleSpans = fresh.spans.prefix { $0.start < titleEnd }.count
        }
        cache.add(text, fresh)
        return fresh
    }

    /// Calls `body` with the UTF-8 bytes of `text`, read in place when the string is stored
    /// contiguously (as native strings are), without copying it or counting references.
    static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Matches the UTF-8 `bytes` of a text and appends each match's Unicode-scalar offsets and
    /// words to `located`.
    func locate(_ bytes: UnsafeBufferPointer<UInt8>, into located: inout Located, workspace: inout LexiconMatcher.Workspace,
                using matcher: LexiconMatcher? = nil) {
        (matcher ?? self.matcher).match(bytes, in: &workspace)
        let count = workspace.result.count
        guard count > 0 else { return }
        // Scalars start at every byte but continuation bytes; in ASCII, offsets are byte offsets.
        let ascii = workspace.lastTextWasASCII
        located.scalarCount = ascii ? bytes.count : Self.scalarStarts(bytes, from: 0, to: bytes.count)
        located.spans.reserveCapacity(located.spans.count + count)
        var byteCursor = 0
        var scalarCursor = 0
        func scalarOffset(_ byteOffset: Int) -> Int {
            if ascii { return byteOffset }
            scalarCursor += Self.scalarStarts(bytes, from: byteCursor, to: byteOffset)
            byteCursor = byteOffset
            return scalarCursor
        }
        // The matches come in text order and do not overlap, so the cursor only moves forward.
        for index in 0..<count {
            let match = workspace.result[index]
            let start = scalarOffset(match.bytes.lowerBound)
            let end = scalarOffset(match.bytes.upperBound)
            located.spans.append(Span(match: match, start: start, end: end))
        }
    }

    /// Weighs the spans of one source and adds them to the scores and the explained matches.
    /// Weighs the spans of `located` (those from `from` up to `upTo`) into the workspace's scores.
    func add(_ located: Located, source: ClassifiedItem.TermMatch.Source, factor: Double, actorSpan: ActorSpan?,
             workspace: inout Workspace, from first: Int = 0, upTo last: Int? = nil) {
        let range = first..<(last ?? located.spans.count)
        guard !range.isEmpty else { return }
        let length = Double(max(1, located.scalarCount))
        let item = workspace.item
        let string: UInt8 = source == .text ? 0 : source == .section ? 1 : 2
        workspace.scores.withUnsafeMutableBufferPointer { scores in
        workspace.seenBy.withUnsafeMutableBufferPointer { seenBy in
            for span in located.spans[range] {
                let match = span.match
                let termIndex = termOffset[match.category] + match.term
                var weight = weights[termIndex] * factor
                var matchSource = source
                var (recordString, bytes, start, end) = (string, match.bytes, span.start, span.end)
                if source == .text, let actorSpan, span.start >= actorSpan.start, span.end <= actorSpan.end {
                    // Within the actor: actor evidence, placed in the actor as the actor's other matches are.
                    weight = weights[termIndex] * actorWeight
                    matchSource = .actor
                    recordString = 2
                    bytes = (bytes.lowerBound - actorSpan.byteStart)..<(bytes.upperBound - actorSpan.byteStart)
                    (start, end) = (start - actorSpan.start, end - actorSpan.start)
                } else if source == .text {
                    weight *= 1 + positionEmphasis * (1 - 2 * Double(span.start) / length)
                }
                if seenBy[termIndex] == item {
                    weight *= repeatWeight
                } else {
                    seenBy[termIndex] = item
                }
                workspace.records.append(TermMatches.Record(category: Int32(match.category), term: Int32(termIndex), source: matchSource,
                                                            string: recordString,
                                                            bytes: Int32(clamping: bytes.lowerBound)..<Int32(clamping: bytes.upperBound),
                                                            start: Int32(clamping: start), end: Int32(clamping: end),
                                                            first: Int32(clamping: workspace.matchCount), weight: round(weight)))
                workspace.matchCount += 1
                // A term counts for its category and every category above it.
                ancestors.forEach(match.category) { scores[$0] += weight }
            }
        }
        }
    }

    /// Where the actor stands when the item's text names it near its start (beginning within its
    /// first 30 bytes), in bytes and Unicode scalars; both are UTF-8, compared ignoring ASCII case.
    /// Only what lies within it is actor evidence ("As a corporate parent, the local authority …":
    /// not "corporate parent", session 39's audit).
    static func actorSpan(of actorBytes: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> ActorSpan? {
        guard !actorBytes.isEmpty, actorBytes.count <= haystack.count else { return nil }
        let lastStart = min(30, haystack.count - actorBytes.count)
        for start in 0...lastStart {
            var equal = true
            for offset in 0..<actorBytes.count {
                let a = haystack[start + offset], b = actorBytes[offset]
                let letter = (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A
                if a != b && !(letter && (a | 0x20) == (b | 0x20)) {
                    equal = false
                    break
                }
            }
            if equal {
                return ActorSpan(byteStart: start, start: scalarStarts(haystack, from: 0, to: start),
                                 end: scalarStarts(haystack, from: 0, to: start + actorBytes.count))
            }
        }
        return nil
    }

}
