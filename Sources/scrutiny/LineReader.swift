import Foundation
import Glibc

/// Lines and counted bytes read from a file handle through a buffer.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0

    init(_ handle: FileHandle) { self.handle = handle }

    /// The next line, without its newline; nil at the end of input before a whole line.
    func line() -> [UInt8]? {
        var scanned = 0   // bytes after `start` already searched (``fill()`` may move `start`)
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return line
            }
            scanned = buffer.count - start
            guard fill() else { return nil }
        }
    }

    /// The next `count` bytes; nil at the end of input before them.
    func bytes(count: Int) -> [UInt8]? {
        while buffer.count - start < count {
            guard fill() else { return nil }
        }
        let bytes = Array(buffer[start..<start + count])
        start += count
        return bytes
    }

    /// Reads what has come into the buffer (dropping what has been taken), waiting for it with one
    /// `read`, as Foundation's `read(upToCount:)` would wait for the whole count; false at the end
    /// of input or on an error.
    private func fill() -> Bool {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
    }
}
