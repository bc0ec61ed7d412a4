internal import CPoppler
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An open PDF document: owns poppler's `PopplerDocument` and releases it when dropped. Every
/// string, array and list poppler hands out is copied into Swift values and freed at once, so
/// nothing of poppler's outlives a call. Use one instance from one thread.
final class PopplerDocument {
    private let handle: OpaquePointer

    /// Opens `bytes` (the whole file at `path`); poppler's errors become ``ReadError``s naming `path`.
    /// A password is tried only when the file needs one: given to a PDF with only an owner
    /// password (which opens without one), it would stop the file from opening.
    init(bytes: [UInt8], password: String?, path: String) throws(ReadError) {
        var error: UnsafeMutablePointer<GError>?
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        var opened = poppler_document_new_from_bytes(data, nil, &error)
        g_bytes_unref(data)
        if opened == nil, let password, Self.isEncrypted(error) {
            g_error_free(error)
            error = nil
            // Poppler 22's from-memory constructors crash when a password is retried on them
            // (they reuse a stream the first attempt freed); opening the file itself does not.
            // Standard input has no file to open: its bytes are put in one for the while
            // (session 38's audit: "damaged or truncated" with the right password).
            opened = Self.isFile(path, holding: bytes.count) ? Self.open(path: path, password: password, error: &error)
                : Self.openCopy(of: bytes, password: password, error: &error)
        }
        guard let document = opened else {
            let encrypted = Self.isEncrypted(error)
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "poppler could not open it"
            if let error { g_error_free(error) }
            if encrypted {
                throw .encrypted(path: path, passwordGiven: password != nil)
            }
            throw .corrupt(path: path, cause: message)
        }
        if let error { g_error_free(error) }
        handle = document
    }

    private static func isEncrypted(_ error: UnsafeMutablePointer<GError>?) -> Bool {
        error.map { $0.pointee.domain == poppler_error_quark() && $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) } ?? false
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    var title: String? { Self.take(poppler_document_get_title(handle)) }

    var author: String? { Self.take(poppler_document_get_author(handle)) }

    /// The creation date as year and month ("2022-05"), when the file records one.
    var creationMonth: String? {
        guard let date = poppler_document_get_creation_date_time(handle) else { return nil }
        defer { g_date_time_unref(date) }
        let year = Int(g_date_time_get_year(date))
        let month = Int(g_date_time_get_month(date))
        guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }

    /// The text of page `index` (0-based) with its glyph boxes and font runs.
    func pageText(_ index: Int) -> PDFPageText? {
        guard let page = PopplerPage(document: handle, index: index) else { return nil }
        return page.text(number: index + 1)
    }
}

/// Owns one `PopplerPage`.
private final class PopplerPage {
    private let handle: OpaquePointer

    init?(document: OpaquePointer, index: Int) {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        handle = page
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    func text(number: Int) -> PDFPageText {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(handle, &width, &height)
        let text = PopplerDocument.take(poppler_page_get_text(handle)) ?? ""
        return PDFPageText(number: number, width: width, height: height, text: text,
                           boxes: text.isEmpty ? [] : layout(), styles: text.isEmpty ? [] : styles())
    }

    private func layout() -> [PDFRect] {
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(handle, &rectangles, &count) != 0, let rectangles else {
            if let rectangles { g_free(rectangles) }
            return []
        }
        defer { g_free(rectangles) }
        return (0..<Int(count)).map { index in
            let box = rectangles[index]
            return PDFRect(x0: min(box.x1, box.x2), y0: min(box.y1, box.y2), x1: max(box.x1, box.x2), y1: max(box.y1, box.y2))
        }
    }

    private func styles() -> [PDFPageText.Style] {
        guard let list = poppler_page_get_text_attributes(handle) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var styles: [PDFPageText.Style] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let raw = current.pointee.data {
                let attributes = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let start = Int(attributes.start_index)
                let end = Int(attributes.end_index) + 1
                if start >= 0, end > start {
                    let name = attributes.font_name.map { String(cString: $0) } ?? ""
                    styles.append(.init(range: start..<end, fontName: name, fontSize: attributes.font_size))
                }
            }
            node = current.pointee.next
        }
        return styles
    }
}

extension PopplerDocument {
    /// Opens the file at `path` (made absolute, as a file:// URI).
    private static func isFile(_ path: String, holding count: Int) -> Bool {
        path != StandardInput.path && FileKind(path: path, following: true) == .regular && FileKind.size(of: path) == count
    }

    /// Opens `bytes` from a temporary file, removed once poppler has it open (or on a signal).
    private static func openCopy(of bytes: [UInt8], password: String, error: inout UnsafeMutablePointer<GError>?) -> OpaquePointer? {
        let copy = NSTemporaryDirectory() + "scrutiny-input-\(UUID().uuidString).pdf"
        let token = SignalCleanup.register(copy)
        defer {
            try? FileManager.default.removeItem(atPath: copy)
            SignalCleanup.release(token)
        }
        guard FileManager.default.createFile(atPath: copy, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { return nil }
        return open(path: copy, password: password, error: &error)
    }

    private static func open(path: String, password: String, error: inout UnsafeMutablePointer<GError>?) -> OpaquePointer? {
        guard let absolute = g_canonicalize_filename(path, nil) else { return nil }
        defer { g_free(absolute) }
        guard let uri = g_filename_to_uri(absolute, nil, &error) else { return nil }
        defer { g_free(uri) }
        return poppler_document_new_from_file(uri, password, &error)
    }

    /// Copies a string poppler allocated and frees it.
    static func take(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        return String(cString: pointer)
    }
}

/// Counts the errors poppler reports while a document is read: syntax and I/O errors in a damaged
/// file, after which poppler reads on and the text may be incomplete. poppler-glib passes them to
/// a callback that drops them, and has no API to set another; poppler's own `setErrorCallback`
/// (C++, found by its mangled name) does. Where it cannot be found the count stays 0.
///
/// Used only under ``PDFReader``'s process-wide lock, which guards the count.
enum PopplerErrorLog {
    typealias Callback = @convention(c) (Int32, Int64, UnsafePointer<CChar>?) -> Void
    private typealias SetCallback = @convention(c) (Callback?) -> Void

    nonisolated(unsafe) private static var count = 0

    private static let setCallback: SetCallback? = {
        guard let symbol = dlsym(nil, "_Z16setErrorCallbackPFv13ErrorCategoryxPKcE") else { return nil }
        return unsafeBitCast(symbol, to: SetCallback.self)
    }()

    /// Starts counting (again after the first document is opened: poppler-glib sets its own
    /// callback then).
    static func start(reset: Bool = true) {
        if reset { count = 0 }
        setCallback? { category, _, _ in
            // errSyntaxError (1) and errIO (4): warnings, unimplemented features and the like lose no text.
            if category == 1 || category == 4 { PopplerErrorLog.count += 1 }
        }
    }

    /// The errors counted since `start()`.
    static var errors: Int { count }
}
