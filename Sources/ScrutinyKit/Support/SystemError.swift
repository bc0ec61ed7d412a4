import Foundation

/// What the C library said of an error, where Foundation's error carries its number (itself or
/// as the error underneath): "Permission denied", "Is a directory". Foundation's own sentences
/// name no cause ("The operation could not be completed"), so messages say these words instead.
public enum SystemError {
    public static func words(_ error: any Error) -> String? {
        let error = error as NSError
        let posix = [error, error.userInfo[NSUnderlyingErrorKey] as? NSError].compactMap { $0 }.first { $0.domain == NSPOSIXErrorDomain }
        return posix.map { String(cString: strerror(Int32($0.code))) }
    }
}
