import Foundation

/// Encodes a value as JSON written straight into bytes while the value is walked, without the
/// tree of values that Foundation's `JSONEncoder` builds first and then writes (most of its
/// cost). `JSONDecoder` reads what it writes: keys in the order they were encoded, strings
/// escaped as JSON requires, no spaces.
///
/// It serves values whose `encode(to:)` fills one container before opening the next, as
/// synthesised conformances do. Anything else — a nested container or a super-encoder, a value
/// that writes into a container it has already left, a number that is not finite — fails with
/// ``Unsupported``, and the caller can then use `JSONEncoder`.
public struct StreamingJSONEncoder: Sendable {
    /// Why a value could not be written.
    public struct Unsupported: Error, CustomStringConvertible {
        public var description: String
    }

    public init() {}

    public func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let writer = JSONStreamWriter()
        try writer.encodeValue(value)
        if let failure = writer.failure { throw Unsupported(description: failure) }
        return Data(writer.bytes)
    }
}

/// The encoder proper: the bytes written so far, and the containers open, innermost last.
///
/// Its state is written from one thread, by one call at a time (an encoder is made for each value
/// and used only while `encode` runs), so its properties go without the run-time check of
/// exclusive access that a class's properties otherwise get at every write (a sixth of encoding).
private final class JSONStreamWriter: Encoder {
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// For each open container: how many elements it has, and whether it is an object.
    @exclusivity(unchecked) var open: [(count: Int, isObject: Bool)] = []
    /// Whether the value being encoded has written nothing yet.
    @exclusivity(unchecked) var awaitingValue = false
    /// The first thing that could not be written; the bytes are then of no use.
    var failure: String?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() { bytes.reserveCapacity(16_384) }

    /// Writes one value: a string or integer at once, anything else by its `encode(to:)`, after
    /// which the container it opened (if any) is closed.
    func encodeValue<Value: Encodable>(_ value: Value) throws {
        if Value.self == String.self, let string = value as? String { return write(string) }
        if Value.self == Int.self, let integer = value as? Int { return write(integer) }
        let depth = open.count
        awaitingValue = true
        try value.encode(to: self)
        if awaitingValue {
            // A value that wrote nothing is an empty object, as JSONEncoder writes it.
            bytes.append(contentsOf: [0x7B, 0x7D])
            awaitingValue = false
        }
        if open.count == depth + 1 {
            bytes.append(open.removeLast().isObject ? 0x7D : 0x5D)
        } else if open.count != depth {
            fail("a value left \(open.count - depth) containers open")
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ObjectContainer<Key>(writer: self, depth: openContainer(isObject: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        ArrayContainer(writer: self, depth: openContainer(isObject: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { ValueContainer(writer: self) }

    /// Opens a container for the value being encoded, or returns the one it opened already.
    func openContainer(isObject: Bool) -> Int {
        if awaitingValue {
            awaitingValue = false
            open.append((0, isObject))
            bytes.append(isObject ? 0x7B : 0x5B)
        } else if open.last?.isObject != isObject {
            fail("a value asked for a second container of another kind")
        }
        return open.count - 1
    }

    /// Starts the next element of container `depth`: a comma after the first, and the key of an object's.
    func beginElement(in depth: Int, key: String?) {
        guard depth >= 0, depth == open.count - 1, !awaitingValue else {
            fail("a value wrote into a container it had left")
            return
        }
        if open[depth].count > 0 { bytes.append(0x2C) }
        open[depth].count += 1
        if let key {
            write(key)
            bytes.append(0x3A)
        }
    }

    /// Takes the place of the value being encoded (for a single-value container).
    func beginSingleValue() {
        guard awaitingValue else {
            fail("a single-value container was written twice or after a container")
            return
        }
        awaitingValue = false
    }

    func fail(_ reason: String) {
        if failure == nil { failure = reason }
    }

    func writeNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func write(_ value: Bool) { bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8)) }

    func write<Integer: BinaryInteger>(_ value: Integer) {
        if value < 0 { bytes.append(0x2D) }
        let magnitude = value.magnitude
        guard magnitude >= 10 else { return bytes.append(0x30 + UInt8(magnitude)) }
        var digits: [UInt8] = []
        var rest = magnitude
        while rest > 0 {
            digits.append(0x30 + UInt8(rest % 10))
            rest /= 10
        }
        bytes.append(contentsOf: digits.reversed())
    }

    func write<Number: BinaryFloatingPoint & LosslessStringConvertible>(floating value: Number) {
        guard value.isFinite else { return fail("\(value) is not a JSON number") }
        // Swift's description is the shortest form that reads back as the same number, and JSON's.
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A string in quotes: `"` and `\` escaped, and the control characters below U+0020.
    func write(_ string: String) {
        bytes.append(0x22)
        string.withUTF8Bytes { utf8 in
            var clean = 0
            for index in utf8.indices where utf8[index] < 0x20 || utf8[index] == 0x22 || utf8[index] == 0x5C {
                let byte = utf8[index]
                bytes.append(utf8, clean..<index)
                clean = index + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            bytes.append(utf8, clean..<utf8.count)
        }
        bytes.append(0x22)
    }
}

/// An object's members, written as they are encoded.
private struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func begin(_ key: Key) { writer.beginElement(in: depth, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { begin(key); writer.writeNull() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { begin(key); writer.write(floating: value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { begin(key); writer.write(floating: value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { begin(key); writer.write(value) }
    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        begin(key)
        try writer.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.fail("nested containers are not written")
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(writer: writer, depth: -1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.fail("nested containers are not written")
        return ArrayContainer(writer: writer, depth: -1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.fail("super-encoders are not written")
        return writer
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

/// An array's elements, written as they are encoded.
private struct ArrayContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { writer.open.indices.contains(depth) ? writer.open[depth].count : 0 }

    private func begin() { writer.beginElement(in: depth, key: nil) }

    mutating func encodeNil() throws { begin(); writer.writeNull() }
    mutating func encode(_ value: Bool) throws { begin(); writer.write(value) }
    mutating func encode(_ value: String) throws { begin(); writer.write(value) }
    mutating func encode(_ value: Double) throws { begin(); writer.write(floating: value) }
    mutating func encode(_ value: Float) throws { begin(); writer.write(floating: value) }
    mutating func encode(_ value: Int) throws { begin(); writer.write(value) }
    mutating func encode(_ value: Int8) throws { begin(); writer.write(value) }
    mutating func encode(_ value: Int16) throws { begin(); writer.write(value) }
    mutating func encode(_ value: Int32) throws { begin(); writer.write(value) }
    mutating func encode(_ value: Int64) throws { begin(); writer.write(value) }
    mutating func encode(_ value: UInt) throws { begin(); writer.write(value) }
    mutating func encode(_ value: UInt8) throws { begin(); writer.write(value) }
    mutating func encode(_ value: UInt16) throws { begin(); writer.write(value) }
    mutating func encode(_ value: UInt32) throws { begin(); writer.write(value) }
    mutating func encode(_ value: UInt64) throws { begin(); writer.write(value) }
    mutating func encode<Value: Encodable>(_ value: Value) throws {
        begin()
        try writer.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.fail("nested containers are not written")
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(writer: writer, depth: -1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.fail("nested containers are not written")
        return ArrayContainer(writer: writer, depth: -1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.fail("super-encoders are not written")
        return writer
    }
}

/// The one value a single-value container holds, written in place of the value being encoded.
private struct ValueContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.beginSingleValue(); writer.writeNull() }
    mutating func encode(_ value: Bool) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: String) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: Double) throws { writer.beginSingleValue(); writer.write(floating: value) }
    mutating func encode(_ value: Float) throws { writer.beginSingleValue(); writer.write(floating: value) }
    mutating func encode(_ value: Int) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: Int8) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: Int16) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: Int32) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: Int64) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: UInt) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: UInt8) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: UInt16) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: UInt32) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode(_ value: UInt64) throws { writer.beginSingleValue(); writer.write(value) }
    mutating func encode<Value: Encodable>(_ value: Value) throws {
        // The value takes this one's place: it may open a container of its own.
        writer.beginSingleValue()
        try writer.encodeValue(value)
    }
}
