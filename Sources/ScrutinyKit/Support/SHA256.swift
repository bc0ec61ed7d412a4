import Foundation
internal import Crypto

/// SHA-256 (FIPS 180-4) through swift-crypto (BoringSSL here, CryptoKit on Apple platforms): a
/// document's identity, the store's keys and the export's stable GUIDs.
public enum SHA256 {
    /// The lower-case hex digest of `bytes`.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest(bytes) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        Array(Crypto.SHA256.hash(data: bytes as? [UInt8] ?? Array(bytes)))
    }
}

private extension SHA256 {
    static let hexDigits = Array("0123456789abcdef".utf8)
}
