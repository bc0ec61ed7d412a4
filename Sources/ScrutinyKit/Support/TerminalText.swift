/// Text made safe for one line of a terminal: control characters (C0, DEL and C1, newlines
/// included) written as escapes (`\n`, `\t`, `\u{1B}`), so that a file named with a newline or a
/// document holding an escape sequence cannot split a message or take over the terminal.
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where isControl(scalar): output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// C0 and C1 controls, DEL, and the marks that set the direction of text: an override shows
    /// "evil\u{202E}txt.exe" as "evilexe.txt" (session 43's audit: a file name's spoof in the report).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        default: isDirectionMark(scalar.value)
        }
    }

    /// The marks that set the direction of text (LRM, RLM, the embeddings, overrides and
    /// isolates): dropped from documents' text (``CharacterNormalizer``), escaped where names are shown.
    static func isDirectionMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
