/// Reads DOCX files. Not built yet: every DOCX file is reported as unsupported.
struct DOCXReader: Sendable {
    func read(bytes: [UInt8], path: String) throws(ReadError) -> ReadContents {
        throw .unsupportedFormat(path: path, format: .docx)
    }
}
