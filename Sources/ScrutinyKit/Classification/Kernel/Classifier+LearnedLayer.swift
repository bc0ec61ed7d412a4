/// The learned layer's part of classifying an item (`NAME.learned.yml` beside the scheme): whether
/// it applies to the item's document, and its weights added to the scores, once per word, with
/// the records that explain them. A layer of plain words (``LearnedWords``) is read among the
/// words the scheme's matcher has already scanned; any other layer is matched as a lexicon.
extension Classifier {
    /// Whether the learned layer applies to items of documents of `type` (all when it lists none).
    func layerApplies(to type: String?, workspace: inout Workspace) -> Bool {
        guard let layerTypes else { return true }
        guard let type else { return false }
        if let last = workspace.lastDocumentType, SpanCache.same(last.type, type) { return last.applies }
        let applies = layerTypes.contains(type)
        workspace.lastDocumentType = (type, applies)
        return applies
    }

    /// Adds the learned layer's matches in the item's own words: each term once, at its weight.
    func addLayer(_ located: Located, workspace: inout Workspace) {
        guard !located.spans.isEmpty else { return }
        let item = workspace.item
        for span in located.spans {
            let match = span.match
            let category = layerCategory[match.category]
            let termIndex = layerTermOffset[match.category] + match.term
            guard category >= 0, workspace.seenBy[termIndex] != item else { continue }
            workspace.seenBy[termIndex] = item
            let weight = weights[termIndex]
            workspace.records.append(TermMatches.Record(category: Int32(category), term: Int32(termIndex), source: .learned, string: 0,
                                                        bytes: Int32(clamping: match.bytes.lowerBound)..<Int32(clamping: match.bytes.upperBound),
                                                        start: Int32(clamping: span.start), end: Int32(clamping: span.end),
                                                        first: Int32(clamping: workspace.matchCount), weight: round(weight)))
            workspace.matchCount += 1
            ancestors.forEach(category) { workspace.scores[$0] += weight }
        }
    }

    /// Adds the learned words among those the matcher has just scanned in the item's text `bytes`,
    /// each once: its weights to the scores, summed over the words first (exactly, in ten-thousandths),
    /// and one record standing
    /// for its match in each of its categories, after the text's own matches.
    func addLearned(_ bytes: UnsafeBufferPointer<UInt8>, words: LearnedWords, workspace: inout Workspace) {
        let item = workspace.item
        let ascii = workspace.matching.lastTextWasASCII
        let wordCount = UInt32(words.count)
        // Taken out of the workspace while its matcher's words are read.
        var found: [TermMatches.Record] = []
        var sums: [Int32] = []
        var seenBy: [Int] = []
        swap(&found, &workspace.learnedFound)
        swap(&sums, &workspace.learnedScores)
        swap(&seenBy, &workspace.learnedSeenBy)
        // Room for a record for each scanned word, written in place.
        let scanned = workspace.matching.scannedWordCount
        if found.count < scanned {
            found = Array(repeating: TermMatches.Record(category: -1, term: 0, source: .learned, string: 0, bytes: 0..<0, start: 0, end: 0,
                                                        first: 0, weight: 0), count: max(scanned, 64))
        }
        let firstMatch = workspace.matchCount
        let countSlot = words.countSlot
        var foundCount = 0
        var byteCursor = 0
        var scalarCursor = 0
        found.withUnsafeMutableBufferPointer { found in
        sums.withUnsafeMutableBufferPointer { sums in
        seenBy.withUnsafeMutableBufferPointer { seenBy in
            let sums = sums.baseAddress!
            for index in 0..<words.rowLength { sums[index] = 0 }
            workspace.matching.forEachScannedWord { id, start, end in
                // The matcher numbers the learned words first: 0 ..< count.
                guard UInt32(bitPattern: id) < wordCount, seenBy[Int(id)] != item else { return }
                seenBy[Int(id)] = item
                // The matches before this word's: the categories of the words summed so far.
                let first = Int32(clamping: firstMatch) &+ sums[countSlot]
                words.add(id, to: sums)
                var scalarStart = start, scalarEnd = end
                if !ascii {
                    // Words come in text order, so the cursor only moves forward.
                    scalarCursor += Self.scalarStarts(bytes, from: byteCursor, to: Int(start))
                    scalarStart = Int32(clamping: scalarCursor)
                    scalarEnd = scalarStart + Int32(clamping: Self.scalarStarts(bytes, from: Int(start), to: Int(end)))
                    byteCursor = Int(start)
                }
                found[foundCount] = TermMatches.Record(category: -1, term: id, source: .learned, string: 0, bytes: start..<end,
                                                       start: scalarStart, end: scalarEnd, first: first, weight: 0)
                foundCount &+= 1
            }
        }
        }
        }
        workspace.records.append(contentsOf: found[0..<foundCount])
        workspace.matchCount = firstMatch + Int(sums[countSlot])
        swap(&found, &workspace.learnedFound)
        swap(&sums, &workspace.learnedScores)
        swap(&seenBy, &workspace.learnedSeenBy)
        workspace.scores.withUnsafeMutableBufferPointer { scores in
            workspace.learnedScores.withUnsafeBufferPointer { sums in
                for index in scores.indices where sums[index] != 0 { scores[index] += Double(sums[index]) / LearnedWords.unitsPerWeight }
            }
        }
    }

    /// How many Unicode scalars start in `bytes[from ..< to]` (UTF-8): the bytes that are not
    /// continuation bytes (10xxxxxx), counted eight at a time.
    static func scalarStarts(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var index = from
        var continuations = 0
        while index &+ 8 <= to {
            let x = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
            // Bit 7 set and bit 6 clear.
            continuations &+= (x & ~(x &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index &+= 8
        }
        while index < to {
            if bytes[index] & 0xC0 == 0x80 { continuations &+= 1 }
            index &+= 1
        }
        return (to - from) - continuations
    }
}
