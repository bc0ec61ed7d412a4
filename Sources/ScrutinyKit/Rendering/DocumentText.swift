/// The cleaned blocks of a document as readable text: headings as Markdown headings, list
/// items indented with their marker or number, table rows with cells between bars.
public enum DocumentText {
    public static func render(_ document: Document) -> String {
        var output = ""
        var previous: Block.Kind?
        for block in document.blocks {
            let grouped = previous == block.kind && (block.kind == .listItem || block.kind == .tableRow)
            if previous != nil, !grouped { output += "\n" }
            output += line(for: block) + "\n"
            previous = block.kind
        }
        return output
    }

    public static func line(for block: Block) -> String {
        switch block.kind {
        case .heading:
            // "2." for a single number ("2 Children looked after" reads back as words, a number
            // alone being taken for a quantity), "2.1" as it is: both read back as the ordinal.
            let number = block.ordinal.map { $0.contains(".") ? $0 + " " : $0 + ". " } ?? ""
            return String(repeating: "#", count: block.level ?? 1) + " " + number + block.text
        case .paragraph:
            return block.text
        case .listItem:
            let indent = String(repeating: "  ", count: block.depth ?? 0)
            let marker = block.marker.flatMap { $0.isEmpty ? nil : $0 } ?? "·"
            return indent + marker + " " + block.text
        case .tableRow:
            return "| " + (block.cells ?? [block.text]).joined(separator: " | ") + " |"
        }
    }
}
