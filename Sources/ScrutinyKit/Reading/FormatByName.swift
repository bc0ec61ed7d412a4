import Foundation

/// The format a file's name promises, beside the one its contents hold: a reader goes by the
/// contents (a web page saved as `report.pdf` is read as HTML), and the front end says so when
/// the two differ, so that a download that is not what it is named does not pass unseen.
public extension DocumentFormat {
    /// The format the extension of `path` names, or nil for a name without one of the read extensions.
    static func named(by path: String) -> DocumentFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "pdf": .pdf
        case "docx": .docx
        case "odt": .odt
        case "html", "htm", "xhtml": .html
        case "txt": .text
        case "md", "markdown": .markdown
        default: nil
        }
    }

    /// How a message names the format.
    var label: String {
        switch self {
        case .text: "plain text"
        case .markdown: "Markdown"
        case .pdf: "PDF"
        case .html: "a web page (HTML)"
        case .docx: "a Word document (.docx)"
        case .odt: "an OpenDocument text (.odt)"
        }
    }

    /// What to say of a file at `path` read as this format, when its name promised another; nil
    /// when the name and the contents agree (text and Markdown count as one: the name decides between them).
    func misnamedNote(path: String) -> String? {
        guard let named = Self.named(by: path), named != self,
              !([named, self].allSatisfy { [.text, .markdown].contains($0) }) else { return nil }
        return "read \(path) as \(label), which is what it holds, though it is named .\((path as NSString).pathExtension)"
    }
}
