/// Reads PDF files. Not built yet: every PDF file is reported as unsupported.
struct PDFReader: Sendable {
    var password: String?

    init(password: String? = nil) { self.password = password }

    func read(bytes: [UInt8], path: String) throws(ReadError) -> ReadContents {
        throw .unsupportedFormat(path: path, format: .pdf)
    }
}
