/// One sentence's evidence for one indicator.
public struct IndicatorFinding: Sendable, Codable, Hashable {
    public var indicator: String
    public var evidence: IndicatorEvidence
}
