/// An optional that JSON always carries: written as null when empty, where the synthesised
/// encoding would leave the key out. A script that reads rows into a data frame then finds each
/// column even where no row has a value (a run of text files has no `page`; session 28's user
/// audit found `actor`, `strength` and `page` missing from rows). A key left out, as JSON written
/// before may have it, reads as empty.
@propertyWrapper
public struct NullEncoded<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

public extension KeyedDecodingContainer {
    /// Used by synthesised decoding: a missing key is an empty value, not an error.
    func decode<Value>(_ type: NullEncoded<Value>.Type, forKey key: Key) throws -> NullEncoded<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullEncoded(wrappedValue: nil)
    }
}

public extension Encoder {
    /// Writes `members` into the object this encoder is writing, in order, an empty optional as
    /// null: for a type whose JSON is another type's object with members added after it (an item
    /// with its coding, figures with their tables).
    func encodeMembers<Key: CodingKey>(_ members: KeyValuePairs<Key, any Encodable>) throws {
        var container = container(keyedBy: Key.self)
        for (key, value) in members { try container.encode(value, forKey: key) }
    }
}
