/// The reach of a lead-in: the list that the paragraph or list item ending in it introduced. A
/// paragraph's lead-in reaches every list item after it (depth -1); an item's, the items under it.
/// The next paragraph or heading ends it, and so do a shallower item and a sibling of the item that
/// introduced the list (the same depth and marker style: "(b)" after "(a) The board should:").
public struct ListScope: Sendable, Hashable {
    /// The depth of the block that introduced the list, -1 for a paragraph.
    public var depth: Int
    /// That block's marker style (``markerStyle(_:)``), empty for a paragraph.
    public var style: String

    /// The scope of the list that `block` (a paragraph or list item) introduces.
    public init(introducedBy block: Block) {
        if block.kind == .listItem {
            depth = block.depth ?? 0
            style = Self.markerStyle(block.marker)
        } else {
            depth = -1
            style = ""
        }
    }

    /// Whether a list item of this depth is in the list.
    public func covers(depth: Int) -> Bool { depth >= self.depth }

    /// Whether `block`, met after the lead-in, ends the list (a table row does not).
    public func isEnded(by block: Block) -> Bool {
        switch block.kind {
        case .heading, .paragraph: return true
        case .tableRow: return false
        case .listItem:
            let depth = block.depth ?? 0
            return depth < self.depth || (depth == self.depth && Self.markerStyle(block.marker) == style)
        }
    }

    /// A marker's shape: "3.2" and "4.1" are both "9.9", "(a)" is "(a)", "-" stays "-".
    public static func markerStyle(_ marker: String?) -> String {
        String((marker ?? "").map { $0.isNumber ? "9" : $0.isLetter ? "a" : $0 })
    }
}
