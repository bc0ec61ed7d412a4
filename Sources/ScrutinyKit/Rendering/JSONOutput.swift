import Foundation

/// JSON and JSON Lines for any `Encodable` value: sorted keys, so output diffs cleanly.
public enum JSONOutput {
    public static func render<Value: Encodable>(_ value: Value, pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// One compact JSON object per line.
    public static func lines<Value: Encodable>(_ values: [Value]) -> String {
        values.map { render($0, pretty: false) + "\n" }.joined()
    }
}
