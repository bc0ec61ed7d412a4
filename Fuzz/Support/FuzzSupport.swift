// Shared by the fuzz targets (compiled into each of them by tools/fuzz.sh).
import Foundation
import ZIPFoundation

enum FuzzSupport {
    /// The repository root, from this file's location (Fuzz/Support/FuzzSupport.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `bytes` split at NUL bytes into at most `count` parts (mark-up never holds a NUL).
    static func parts(_ bytes: [UInt8], count: Int) -> [[UInt8]] {
        bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false).map(Array.init)
    }

    /// A ZIP archive holding `entries` uncompressed ("stored"), with correct sizes and checksums,
    /// so that the fuzzed bytes of each part reach the XML stages instead of failing a checksum.
    static func storedZip(_ entries: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func le16(_ value: Int, _ buffer: inout [UInt8]) { buffer += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32, _ buffer: inout [UInt8]) { for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(value >> UInt32(shift) & 0xFF)) } }
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = Data(entry.bytes).crc32(checksum: 0)
            let offset = UInt32(out.count)
            le32(0x0403_4B50, &out); le16(20, &out); le16(0, &out); le16(0, &out); le16(0, &out); le16(0, &out)
            le32(crc, &out); le32(UInt32(entry.bytes.count), &out); le32(UInt32(entry.bytes.count), &out)
            le16(name.count, &out); le16(0, &out)
            out += name + entry.bytes
            le32(0x0201_4B50, &directory); le16(20, &directory); le16(20, &directory); le16(0, &directory)
            le16(0, &directory); le16(0, &directory); le16(0, &directory)
            le32(crc, &directory); le32(UInt32(entry.bytes.count), &directory); le32(UInt32(entry.bytes.count), &directory)
            le16(name.count, &directory); le16(0, &directory); le16(0, &directory); le16(0, &directory); le16(0, &directory)
            le32(0, &directory); le32(offset, &directory)
            directory += name
        }
        let directoryOffset = UInt32(out.count)
        out += directory
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(entries.count, &out); le16(entries.count, &out)
        le32(UInt32(directory.count), &out); le32(directoryOffset, &out); le16(0, &out)
        return out
    }

    /// The bytes as given when they are a ZIP archive, else a stored archive of `names`, whose
    /// parts are the bytes split at NUL (empty parts left out).
    static func archive(_ bytes: [UInt8], names: [String]) -> [UInt8] {
        if bytes.starts(with: [0x50, 0x4B]) { return bytes }
        let entries = zip(names, parts(bytes, count: names.count)).filter { !$0.1.isEmpty }.map { (name: $0.0, bytes: $0.1) }
        return storedZip(entries)
    }
}
