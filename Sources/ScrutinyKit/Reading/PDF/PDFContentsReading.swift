/// Somewhere else to read a PDF's contents than this process's poppler, which reads one document
/// at a time (its global state is not safe on two threads): the command-line tool hands PDFs to
/// helper processes, one per `--jobs`, through this (``DocumentReader/Options/pdf``). A reader
/// must give exactly what ``DocumentReader/pdfContents(bytes:path:password:)`` gives, and refuse
/// with a ``ReadError`` naming `path` where that would.
public protocol PDFContentsReading: Sendable {
    func contents(ofPDF bytes: [UInt8], path: String, password: String?) throws(ReadError) -> ReadContents
}
