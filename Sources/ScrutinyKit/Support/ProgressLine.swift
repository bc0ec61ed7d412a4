/// The line that says how far a long run has come: files read of the total (a document in several
/// versions is one file each here, counted once only in the report), the time since
/// the run began and the file being read, cut to fit one line of the terminal so that it can be
/// redrawn in place.
public enum ProgressLine {
    /// For example `scrutiny: 12 of 1050 files, 0:07, reading corpus/documents/a.pdf`.
    /// The file name loses its beginning first (`…ments/a.pdf`) when the line would pass `width`
    /// columns; the line never does (it is one column short of it, so the cursor stays on it).
    public static func text(done: Int, total: Int, elapsed: Double, file: String?, width: Int) -> String {
        let head = "scrutiny: \(done) of \(total) file\(total == 1 ? "" : "s"), \(clock(elapsed))"
        let room = max(width - 1, 0)
        guard let file, !file.isEmpty else { return String(head.prefix(room)) }
        let lead = head + ", reading "
        let name = TerminalText.escaped(file)
        let left = room - lead.count
        if name.count <= left { return lead + name }
        // Keep the end of the path, where the file's own name is.
        if left >= 8 { return lead + "…" + String(name.suffix(left - 1)) }
        return String(head.prefix(room))
    }

    /// Minutes and seconds (`0:07`, `12:40`), with hours after an hour (`1:02:09`).
    public static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded(.down)))
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}
