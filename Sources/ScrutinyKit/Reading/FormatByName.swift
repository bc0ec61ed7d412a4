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
    /// A name of another kind altogether ("report.doc" holding a .docx: session 45's audit) is
    /// said too, where the contents are a document's; a text file is a text file whatever its name.
    func misnamedNote(path: String) -> String? {
        let ext = (path as NSString).pathExtension
        if let named = Self.named(by: path) {
            guard named != self, !([named, self].allSatisfy { [.text, .markdown].contains($0) }) else { return nil }
        } else {
            guard !ext.isEmpty, ![.text, .markdown].contains(self) else { return nil }
        }
        return "read \(path) as \(label), which is what it holds, though it is named .\(ext)"
    }
}
