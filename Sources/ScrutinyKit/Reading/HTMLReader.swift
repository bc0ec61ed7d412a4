/// Reads HTML files. Not built yet: every HTML file is reported as unsupported.
struct HTMLReader: Sendable {
    func read(bytes: [UInt8], path: String) throws(ReadError) -> ReadContents {
        throw .unsupportedFormat(path: path, format: .html)
    }
}
