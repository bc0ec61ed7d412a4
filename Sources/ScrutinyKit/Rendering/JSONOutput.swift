import Foundation

/// JSON and JSON Lines for any `Encodable` value: sorted keys, so output diffs cleanly.
public enum JSONOutput {
    public static func render<Value: Encodable>(_ value: Value, pretty: Bool = true) -> String {
        encoded(value, with: encoder(pretty: pretty))
    }

    /// One compact JSON object per line.
    public static func lines<Value: Encodable & Sendable>(_ values: [Value], jobs: Int = 1) -> String {
        var text = ""
        writeLines(values, jobs: jobs) { text += $0 }
        return text
    }

    /// One compact JSON object per line, handed to `write` a run of lines at a time, in order. A
    /// long list is encoded on up to `jobs` threads, a run of `linesPerRun` lines each (one encoder
    /// a run), `jobs` runs at a time: the text is the same for any number of jobs, and no more than
    /// those runs are held at once.
    public static func writeLines<Value: Encodable & Sendable>(_ values: [Value], jobs: Int = 1, to write: (String) -> Void) {
        let jobs = max(jobs, 1)
        let runs = stride(from: 0, to: values.count, by: linesPerRun).map { $0..<min($0 + linesPerRun, values.count) }
        for batch in stride(from: 0, to: runs.count, by: jobs) {
            let encodedRuns = Parallel.map(Array(runs[batch..<min(batch + jobs, runs.count)]), jobs: jobs) { run in
                let encoder = encoder(pretty: false)
                var text = ""
                for value in values[run] {
                    text += encoded(value, with: encoder)
                    text += "\n"
                }
                return text
            }
            encodedRuns.forEach(write)
        }
    }
}

private extension JSONOutput {
    /// Lines encoded together: enough to be worth a thread, few enough to hold.
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
