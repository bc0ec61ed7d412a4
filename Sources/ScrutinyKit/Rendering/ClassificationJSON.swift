/// `classify --format json|jsonl`: each coded item as it encodes itself, and where the table marks
/// its runner-up ("close" or "higher"), a `runnerUp` object saying so, as the CSV's `close` column
/// does (session 45's re-audit: only the table and the CSV named the doubtful codings).
public struct ClassificationJSON: Encodable, Sendable {
    public var item: ClassifiedItem

    public init(_ item: ClassifiedItem) { self.item = item }

    struct RunnerUp: Encodable {
        /// "close": within 10% below the chosen sub-theme; "higher": above it.
        var mark: String
        var theme: String
        @NullEncoded var subtheme: String?
        var score: Double
    }

    enum Keys: String, CodingKey { case runnerUp }

    public func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        if let runnerUp = ClassificationTable.closeCall(item) {
            let mark = ClassificationTable.outscores(runnerUp, item) ? "higher" : "close"
            try encoder.encodeMembers([Keys.runnerUp: RunnerUp(mark: mark, theme: runnerUp.theme, subtheme: runnerUp.subtheme, score: runnerUp.score)])
        }
    }
}
