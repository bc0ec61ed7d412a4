/// Escaping for XML 1.0 text and attribute values.
///
/// Characters XML 1.0 does not allow anywhere (C0 controls other than tab, line feed and
/// carriage return; U+FFFE and U+FFFF) are dropped, so that text taken from a damaged PDF
/// cannot make the document unreadable. In attribute values tab, line feed and carriage return
/// are written as character references, so that a parser's attribute normalisation keeps them.
public enum XMLText {
    /// `text` made safe as element content.
    public static func content(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// `text` made safe inside a double-quoted attribute value.
    public static func attribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    /// Whether XML 1.0 allows the scalar in a document (the `Char` production).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

private extension XMLText {
    static func escape(_ text: String, attribute: Bool) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output.append(contentsOf: "&amp;".unicodeScalars)
            case "<": output.append(contentsOf: "&lt;".unicodeScalars)
            case ">": output.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where attribute: output.append(contentsOf: "&quot;".unicodeScalars)
            case "\t" where attribute: output.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where attribute: output.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": output.append(contentsOf: "&#13;".unicodeScalars)
            default:
                if isAllowed(scalar) { output.append(scalar) }
            }
        }
        return String(output)
    }
}
