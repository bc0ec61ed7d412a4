import Foundation

/// Why a file could not be read: one case per cause, each naming the file and what to do.
public enum ReadError: LocalizedError, Equatable, Sendable, Codable {
    case notFound(path: String)
    case unreadable(path: String, cause: String)
    case empty(path: String)
    case unknownFormat(path: String)
    case unsupportedFormat(path: String, format: DocumentFormat)
    case encrypted(path: String, passwordGiven: Bool)
    case corrupt(path: String, cause: String)
    case noTextLayer(path: String)
    case tooLarge(path: String, cause: String)
    case unsafe(path: String, cause: String)
    /// A FIFO, device or socket: reading it could block or never end.
    case notRegular(path: String, kind: String)
    /// Over one of the documented input limits (see the README).
    case overLimit(path: String, cause: String)
    /// Named for one format, holding another that can be read under its own name (plain text
    /// saved as report.pdf).
    case misnamed(path: String, holds: String, readAs: String)
    /// A format scrutiny does not read (an old Office file, Rich Text), whatever its name.
    case notRead(path: String, holds: String)
    /// Read, but holding no text: white space only, a page of furniture, a Word file of images.
    case noText(path: String, format: DocumentFormat)

    public var path: String {
        switch self {
        case .notFound(let path), .unreadable(let path, _), .empty(let path), .unknownFormat(let path),
             .unsupportedFormat(let path, _), .encrypted(let path, _), .corrupt(let path, _), .noTextLayer(let path),
             .tooLarge(let path, _), .unsafe(let path, _), .notRegular(let path, _), .overLimit(let path, _),
             .misnamed(let path, _, _), .notRead(let path, _), .noText(let path, _):
            return path
        }
    }

    public var errorDescription: String? {
        // Standard input is named as such ("-" said nothing to a user who piped a file in).
        let path = StandardInput.describe(self.path)
        switch self {
        case .notFound:
            // A name that is not UTF-8 (Latin-1 from an archive made on Windows) comes to the
            // tool with U+FFFD in place of its bytes and cannot be opened by it (a researcher's audit).
            if self.path.unicodeScalars.contains("\u{FFFD}") { return "cannot read \(path): \(InputFiles.undecodableName)" }
            return "cannot read \(path): no such file; check the path"
        case .unreadable(_, let cause):
            return "cannot read \(path): \(cause)"
        case .empty:
            return "cannot read \(path): the file is empty"
        case .unknownFormat:
            // Named as text but holding something else: said so (session 32's audit: "unknown
            // format" told a user who gave a .txt file nothing).
            let suffix = (self.path as NSString).pathExtension.lowercased()
            let named = ["txt", "text", "md", "markdown"].contains(suffix) ? "it is named .\(suffix) but does not hold text" : "unknown format"
            return "cannot read \(path): \(named); scrutiny reads PDF, HTML, DOCX, ODT, text and Markdown files"
        case .unsupportedFormat(_, let format):
            return "cannot read \(path): \(format.rawValue) files are not supported by this build; convert it to PDF or text"
        case .encrypted(_, let passwordGiven):
            return passwordGiven
                ? "cannot read \(path): it is encrypted and the password given does not open it; check --password"
                : "cannot read \(path): it is encrypted; pass --password"
        case .corrupt(_, let cause):
            return "cannot read \(path): it is damaged or truncated (\(cause)); re-export or download it again"
        case .noTextLayer:
            return "cannot read \(path): it has no text layer (a scan?); run OCR first, for example `ocrmypdf in.pdf out.pdf`"
        case .tooLarge(_, let cause):
            return "cannot read \(path): \(cause); refused as a possible archive bomb"
        case .unsafe(_, let cause):
            return "cannot read \(path): \(cause)"
        case .notRegular(_, let kind):
            return "cannot read \(path): it is \(kind), not a regular file"
        case .overLimit(_, let cause):
            let isText = ["txt", "text", "md", "markdown"].contains((self.path as NSString).pathExtension.lowercased())
            return "cannot read \(path): \(cause); split it\(isText ? "" : " or convert it to text")"
        case .noText(_, let format):
            let what = switch format {
            case .text, .markdown: "only white space"
            case .html: "no text outside its navigation, scripts and other page furniture"
            default: "no text (only images or drawings, or blank pages?)"
            }
            return "cannot read \(path): it holds \(what)"
        case .notRead(_, let holds):
            return "cannot read \(path): it is \(holds), which is not read; save it as .docx, PDF or text"
        case .misnamed(_, let holds, let readAs):
            let ext = (path as NSString).pathExtension
            return "cannot read \(path): it is named .\(ext) but holds \(holds); rename it .\(readAs) to read it as that"
        }
    }
}
