/// Reads ODT files. Not built yet: every ODT file is reported as unsupported.
struct ODTReader: Sendable {
    func read(bytes: [UInt8], path: String) throws(ReadError) -> ReadContents {
        throw .unsupportedFormat(path: path, format: .odt)
    }
}
