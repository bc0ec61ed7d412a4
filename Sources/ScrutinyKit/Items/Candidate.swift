/// An item before duplicates are merged.
struct Candidate {
    var kind: Recommendation.Kind
    var form: Recommendation.Form = .explicit
    var text: String
    var strength: Recommendation.Strength?
    var cue: String
    var cueAt: Int?
    var actor: String?
    var locations: [Recommendation.Location]
    /// Which of `locations` holds the item's words (a merged item takes the fuller wording, which
    /// may be a later location's): the item's section and page are that location's.
    var textAt = 0
    /// A committee decision restated in prose ("it is recommended that … be presented for approval").
    var restated = false
    /// A point of the item before it (one of the bullets after "… should act with urgency to ensure
    /// that:"), to be joined to that item's text.
    var isPart = false

    /// The item with `part`, one of its points, after its text: "…ensure that: plans are issued on
    /// time; reviews are held", its range running on to the point's end.
    func joined(_ part: Candidate) -> Candidate {
        var whole = self
        let runsOn = text.last.map { ":;,.".contains($0) } == true || text.hasSuffix(" and") || text.hasSuffix(" or")
        let separator = runsOn ? " " : "; "
        whole.text = text + separator + part.text
        if let end = part.locations.first?.range.end, end > whole.locations[0].range.end {
            whole.locations[0].range.end = end
        }
        return whole
    }
}

extension [Candidate] {
    /// Adds a block's items; a point joins the item it belongs to.
    mutating func add(_ items: [Candidate]) {
        for item in items {
            if item.isPart, let last = indices.last {
                self[last] = self[last].joined(item)
            } else if !item.isPart {
                append(item)
            }
        }
    }
}
