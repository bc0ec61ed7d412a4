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
    private var expanded = 0

    init(bytes: [UInt8], path: String, limits: ArchiveLimits = .standard) throws(ReadError) {
        self.path = path
        self.limits = limits
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
        let declared = try checkDeclaredSize(of: entry, name: name)
        let cap = min(declared, limits.maxPartBytes, limits.maxTotalBytes - expanded)
        var output: [UInt8] = []
        output.reserveCapacity(cap)
        do {
            let checksum = try archive.extract(entry) { chunk in
                guard output.count + chunk.count <= cap else { throw Overflow() }
                output.append(contentsOf: chunk)
            }
            guard checksum == entry.checksum, output.count == declared else {
                throw ReadError.corrupt(path: path, cause: "\(name) fails its checksum")
            }
        } catch is Overflow {
            throw .tooLarge(path: path, cause: cap == declared
                ? "\(name) expands beyond the \(Self.size(declared)) its zip header declares"
                : "\(name) expands beyond the \(Self.size(cap)) limit")
        } catch let error as ReadError {
            throw error
        } catch Archive.ArchiveError.invalidCompressionMethod {
            throw .corrupt(path: path, cause: "\(name) uses a compression method scrutiny cannot read")
        } catch {
            throw .corrupt(path: path, cause: "\(name) cannot be decompressed")
        }
        expanded += output.count
        return output
    }
}

private extension ArchiveReader {
    struct Overflow: Error {}

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

    /// The declared uncompressed size of `entry`, once it is known to be within the limits.
    func checkDeclaredSize(of entry: Entry, name: String) throws(ReadError) -> Int {
        let declared = entry.uncompressedSize
        let compressed = max(entry.compressedSize, 1)
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
