public extension String {
    /// How many characters must be inserted, deleted or replaced to turn this into `other`
    /// (Levenshtein): what "did you mean" suggestions are chosen by.
    func editDistance(to other: String) -> Int {
        let a = Array(self), b = Array(other)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    /// The one of `candidates` nearest to this, where it is at most `within` edits away.
    func nearest(among candidates: [String], within: Int = 2) -> String? {
        candidates.map { ($0, editDistance(to: $0)) }.min { $0.1 < $1.1 }.flatMap { $0.1 <= within ? $0.0 : nil }
    }
}
