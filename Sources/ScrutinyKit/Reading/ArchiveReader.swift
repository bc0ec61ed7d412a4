import Foundation
import ZIPFoundation

/// How far the parts of an office archive (DOCX, ODT) may expand. A zip bomb declares a part
/// hundreds of times larger than its compressed data, or lies about its size; both are refused.
struct ArchiveLimits: Sendable, Equatable {
    /// The most one part may expand to.
    var maxPartBytes: Int
    /// The most all the parts read from one archive may expand to together.
    var maxTotalBytes: Int
    /// The largest expansion ratio (uncompressed ÷ compressed) allowed for a part of at least `ratioFloor` bytes.
    var maxRatio: Int
    /// Parts smaller than this may have any ratio: a short run of repeated mark-up compresses very well.
    var ratioFloor: Int

    /// Generous for real reports (a 1,000-page document.xml is about 30 MB and compresses 10–20 times).
    static let standard = ArchiveLimits(maxPartBytes: 64 << 20, maxTotalBytes: 160 << 20, maxRatio: 200, ratioFloor: 1 << 20)
}

/// A ZIP archive held in memory, from which the named parts of a DOCX or ODT are read within
/// ``ArchiveLimits``: the sizes its directory declares are checked before anything is
/// decompressed, and the bytes actually produced are counted while decompressing, since
/// declared sizes can lie.
struct ArchiveReader {
    let path: String
    let limits: ArchiveLimits
    private let archive: Archive
    /// The archive's bytes, from which a part's compressed data is read (``partData(of:in:)``).
    private let bytes: [UInt8]
    private var expanded = 0

    init(bytes: [UInt8], path: String, limits: ArchiveLimits = .standard) throws(ReadError) {
        self.path = path
        self.limits = limits
        self.bytes = bytes
        // ZIPFoundation's in-memory archives trap when a damaged directory points past the end of
        // the data; a file-backed archive reads short instead. The file is unlinked once open,
        // and by ``SignalCleanup`` if SIGINT or SIGTERM stops the process before that.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-\(UUID().uuidString).zip")
        let cleanup = SignalCleanup.register(file.path)
        defer {
            try? FileManager.default.removeItem(at: file)
            SignalCleanup.release(cleanup)
        }
        do {
            try Data(bytes).write(to: file)
        } catch {
            throw .unreadable(path: path, cause: "cannot write a temporary copy in \(file.deletingLastPathComponent().path)")
        }
        Self.holdCopyForTests()
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw .corrupt(path: path, cause: "not a readable zip archive")
        }
    }

    /// Whether the archive has a part called `name`.
    func contains(_ name: String) -> Bool {
        entry(name) != nil
    }

    /// The bytes of part `name`, or nil when the archive has no such part.
    mutating func read(_ name: String) throws(ReadError) -> [UInt8]? {
        guard let entry = entry(name) else { return nil }
        guard entry.type == .file else { throw .corrupt(path: path, cause: "\(name) is not a file") }
        // Every part is read from its own bytes, located through the directory: ZIPFoundation's
        // reading loops read on past a part's data, and at the end of the file spin for ever
        // on an empty chunk, so it is never asked to.
        guard let (data, method) = Self.partData(of: entry, in: bytes) else {
            throw .corrupt(path: path, cause: "\(name) cannot be located in the archive (a ZIP64 archive, a damaged directory, or a name not in UTF-8)")
        }
        let declared = try checkDeclaredSize(of: entry, compressedBytes: data.count, name: name)
        let cap = min(declared, limits.maxPartBytes, limits.maxTotalBytes - expanded)
        var output: [UInt8] = []
        output.reserveCapacity(cap)
        do {
            let consume: Consumer = { chunk in
                guard output.count + chunk.count <= cap else { throw Overflow() }
                output.append(contentsOf: chunk)
            }
            let checksum: CRC32
            switch method {
            case 8:  // deflate: a stream that does not end within the part's bytes is damaged
                checksum = try Data.decompress(size: Int64(data.count), bufferSize: 16 << 10, skipCRC32: false,
                                               provider: { position, size in
                    guard position < data.count else { throw Truncated() }
                    return Self.chunk(of: bytes, in: data, at: Int(position), size: size)
                }, consumer: consume)
            case 0:  // stored
                guard data.count >= declared else { throw Truncated() }
                let stored = Data(bytes[data.lowerBound..<(data.lowerBound + declared)])
                try consume(stored)
                checksum = stored.crc32(checksum: 0)
            default:
                throw ReadError.corrupt(path: path, cause: "\(name) uses a compression method scrutiny cannot read")
            }
            guard checksum == entry.checksum, output.count == declared else {
                throw ReadError.corrupt(path: path, cause: "\(name) fails its checksum")
            }
        } catch is Truncated {
            throw .corrupt(path: path, cause: "\(name) ends before its \(entry.isCompressed ? "compressed " : "")data does")
        } catch is Overflow {
            throw .tooLarge(path: path, cause: cap == declared
                ? "\(name) expands beyond the \(Self.size(declared)) its zip header declares"
                : "\(name) expands beyond the \(Self.size(cap)) limit")
        } catch let error as ReadError {
            throw error
        } catch {
            throw .corrupt(path: path, cause: "\(name) cannot be decompressed")
        }
        expanded += output.count
        return output
    }
}

extension ArchiveReader {
    /// `size` bytes of the part's data `range` from `position` on, the last chunk padded with
    /// zeros to `size`. ZIPFoundation's inflate loop tells zlib that every chunk holds the size it
    /// asked for (`avail_in = bufferSize`), so a shorter last chunk let zlib read past its end (a
    /// crash the odt fuzzer found, where the chunk ended at an unmapped page). Zeros cannot
    /// complete a deflate stream that the data left unfinished into a part that passes its size and
    /// checksum: such a part is still refused.
    static func chunk(of bytes: [UInt8], in range: Range<Int>, at position: Int, size: Int) -> Data {
        let start = range.lowerBound + position
        var chunk = Data(bytes[start..<min(start + size, range.upperBound)])
        if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
        return chunk
    }
}

private extension ArchiveReader {
    struct Overflow: Error {}
    struct Truncated: Error {}

    /// Where the data of `entry` lies in `bytes`, and its compression method (the local header's):
    /// found through the central directory (the first entry of that name, as ZIPFoundation finds
    /// it) and its local header, its size the directory's (ZIPFoundation takes a data
    /// descriptor's where the flags announce one, and a damaged one can claim more than the file
    /// holds), every offset checked against the bytes. Nil when it cannot be found so (a ZIP64
    /// archive, a damaged directory, a name not in UTF-8): the part is then refused.
    static func partData(of entry: Entry, in bytes: [UInt8]) -> (range: Range<Int>, method: Int)? {
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard let low = u16(at), let high = u16(at + 2) else { return nil }
            return low | high << 16
        }
        // The end-of-central-directory record: within the last 64 KB + 22 bytes, read backwards.
        var end = bytes.count - 22
        let stop = max(0, bytes.count - 22 - 0xFFFF)
        while end >= stop, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= stop, let count = u16(end + 10), var at = u32(end + 16), at != 0xFFFF_FFFF else { return nil }
        let name = Array(entry.path.utf8)
        for _ in 0..<count {
            guard u32(at) == 0x0201_4B50, let compressed = u32(at + 20), let nameLength = u16(at + 28),
                  let extraLength = u16(at + 30), let commentLength = u16(at + 32), let local = u32(at + 42),
                  at + 46 + nameLength <= bytes.count else { return nil }
            if bytes[(at + 46)..<(at + 46 + nameLength)].elementsEqual(name) {
                guard u32(local) == 0x0403_4B50, let method = u16(local + 8), let localName = u16(local + 26),
                      let localExtra = u16(local + 28) else { return nil }
                // A part whose compressed data runs past the end of the file is cut short: what
                // is there is inflated, and the inflating stops, damaged, where the bytes do
                // (left to ZIPFoundation, it loops at the end of the file for ever).
                let start = min(local + 30 + localName + localExtra, bytes.count)
                return (start..<min(start + compressed, bytes.count), method)
            }
            at += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }

    /// For the test that stops a run while the copy exists (`aStoppedOfficeReadLeavesNoTemporaryZipCopy`):
    /// `SCRUTINY_TEST_HOLD_ARCHIVE_COPY_MS` keeps the copy that long before it is opened and
    /// removed, which is otherwise a window of a few milliseconds. Unset, it costs one lookup.
    static func holdCopyForTests() {
        guard let value = ProcessInfo.processInfo.environment["SCRUTINY_TEST_HOLD_ARCHIVE_COPY_MS"],
              let milliseconds = UInt32(value) else { return }
        usleep(min(milliseconds, 60_000) * 1000)
    }

    /// The entry called `name`, matched exactly or, as OPC part names are, ignoring case.
    func entry(_ name: String) -> Entry? {
        if let exact = archive[name] { return exact }
        let lowered = name.lowercased()
        return archive.first { $0.path.lowercased() == lowered }
    }

    /// The declared uncompressed size of `entry`, once it is known to be within the limits. The
    /// ratio is taken over `compressedBytes`, the part's data as it lies in the file, not over the
    /// compressed size the header declares, which a bomb can inflate to pass it.
    func checkDeclaredSize(of entry: Entry, compressedBytes: Int, name: String) throws(ReadError) -> Int {
        let declared = entry.uncompressedSize
        let compressed = UInt64(max(compressedBytes, 1))
        guard declared <= UInt64(limits.maxPartBytes) else {
            throw .tooLarge(path: path, cause: "\(name) would expand to \(Self.size(declared)), over the \(Self.size(limits.maxPartBytes)) limit for one part")
        }
        let ratio = declared / compressed
        if declared >= UInt64(limits.ratioFloor), ratio > UInt64(limits.maxRatio) {
            throw .tooLarge(path: path, cause: "\(name) would expand from \(Self.size(compressed)) to \(Self.size(declared)) (\(ratio):1, over the \(limits.maxRatio):1 limit)")
        }
        guard Int(declared) <= limits.maxTotalBytes - expanded else {
            throw .tooLarge(path: path, cause: "its parts would expand to more than \(Self.size(limits.maxTotalBytes)) together")
        }
        return Int(declared)
    }

    static func size<Number: BinaryInteger>(_ bytes: Number) -> String {
        let value = Double(bytes)
        if value >= 1_073_741_824 { return String(format: "%.1f GB", value / 1_073_741_824) }
        if value >= 1_048_576 { return String(format: "%.1f MB", value / 1_048_576) }
        if value >= 1024 { return String(format: "%.0f KB", value / 1024) }
        return "\(bytes) bytes"
    }
}
