/// n of N, as the national survey reports it: "67% (n=67) of 100".
public struct Proportion: Hashable, Sendable, Codable {
    public var n: Int
    public var of: Int
    /// False for a count's "n stating a number of N": not a rate, so JSON gives no percent.
    public var isRate = true

    public init(_ n: Int, of total: Int, isRate: Bool = true) {
        self.n = n
        self.of = total
        self.isRate = isRate
    }

    /// n / N as a whole percentage (halves round up); nil when N is 0.
    public var percent: Int? {
        guard of > 0 else { return nil }
        return Int((Double(n) * 100 / Double(of)).rounded(.toNearestOrAwayFromZero))
    }

    /// n / N exactly, 0 when N is 0 (for drawing).
    public var fraction: Double { of > 0 ? Double(n) / Double(of) : 0 }

    /// "67% (n=67) of 100"; "n=0 of 0" when nothing was counted; "n=4 of 40" for a count.
    public var surveyForm: String {
        guard percent != nil else { return "n=0 of 0" }
        guard isRate else { return "n=\(n) of \(of)" }
        return "\(percentText) (n=\(n)) of \(of)"
    }

    /// "67%", or "–" when N is 0. A share that rounds to 0% or 100% but is neither is "<1%" or
    /// ">99%" ("3 (0%)" of 877 items read as none).
    public var percentText: String {
        guard let percent else { return "–" }
        if percent == 0, n > 0 { return "<1%" }
        if percent == 100, n < of { return ">99%" }
        return "\(percent)%"
    }

    enum CodingKeys: String, CodingKey { case n, of, percent }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(n, forKey: .n)
        try container.encode(of, forKey: .of)
        try container.encode(isRate ? percent : nil, forKey: .percent)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        n = try container.decode(Int.self, forKey: .n)
        of = try container.decode(Int.self, forKey: .of)
        let percent = try container.decodeIfPresent(Int.self, forKey: .percent)
        isRate = of == 0 || percent != nil
    }
}

/// A sentence or item behind a number: which partnership, which document, what it says.
public struct SurveyEvidence: Hashable, Sendable, Codable {
    public var partnership: String
    public var document: String
    public var text: String
    /// What the sentence says (yes, no, a number) or the item's kind.
    public var note: String
    public var section: String?
    public var page: Int?

    public init(partnership: String, document: String, text: String, note: String, section: String? = nil, page: Int? = nil) {
        self.partnership = partnership
        self.document = document
        self.text = text
        self.note = note
        self.section = section
        self.page = page
    }
}
