import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of thing a path names, as `lstat` (or `stat`, following a link) sees it, so that a
/// folder walk and the reader can say precisely why they pass something by: a FIFO would block a
/// read, a device never ends, a link may lead out of the folder or nowhere.
enum FileKind: Equatable, Sendable {
    case regular, directory, symbolicLink, fifo, characterDevice, blockDevice, socket, missing, other
    /// Symbolic links that lead back to themselves (`stat` fails with ELOOP).
    case linkLoop

    /// The kind of `path`; a symbolic link itself unless `following`.
    init(path: String, following: Bool = false) {
        var status = stat()
        let result = following ? stat(path, &status) : lstat(path, &status)
        guard result == 0 else { self = errno == ELOOP ? .linkLoop : .missing; return }
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// The size in bytes of what `path` names, links followed (nil when it cannot be looked at).
    static func size(of path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    /// How a message names what is not a regular file.
    var description: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a folder"
        case .symbolicLink: "a symbolic link"
        case .fifo: "a FIFO (named pipe)"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .missing: "missing"
        case .linkLoop: "a loop of symbolic links that lead back to themselves"
        case .other: "not a regular file"
        }
    }
}
