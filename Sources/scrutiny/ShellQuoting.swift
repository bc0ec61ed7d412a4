/// A path as a person types it in a shell: as it is where it has only letters, digits and
/// `. _ - / + , : @ =`, else in single quotes (a quote inside written `'\''`), so that a command the
/// program suggests ("give it without --lines: scrutiny classify 'My Report.docx'") can be pasted.
enum ShellQuoting {
    static func quoted(_ path: String) -> String {
        let plain = !path.isEmpty && path.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-/+,:@=".unicodeScalars.contains(scalar))
        }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
