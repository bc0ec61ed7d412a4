import Foundation

/// JSON and JSON Lines for any `Encodable` value: sorted keys, so output diffs cleanly.
public enum JSONOutput {
    public static func render<Value: Encodable>(_ value: Value, pretty: Bool = true) -> String {
        encoded(value, with: encoder(pretty: pretty))
    }

    /// One compact JSON object per line. A long list is encoded in runs of lines on up to `jobs`
    /// threads (one encoder a run), put together in order: the same text for any number of jobs.
    public static func lines<Value: Encodable & Sendable>(_ values: [Value], jobs: Int = 1) -> String {
        let runLength = max(linesPerRun, (values.count + jobs - 1) / max(jobs, 1))
        let runs = stride(from: 0, to: values.count, by: runLength).map { $0..<min($0 + runLength, values.count) }
        return Parallel.map(runs, jobs: jobs) { run in
            let encoder = encoder(pretty: false)
            var text = ""
            for value in values[run] {
                text += encoded(value, with: encoder)
                text += "\n"
            }
            return text
        }.joined()
    }
}

private extension JSONOutput {
    /// Fewest lines worth a thread of their own.
    static let linesPerRun = 2_000

    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encoded<Value: Encodable>(_ value: Value, with encoder: JSONEncoder) -> String {
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
