/// Names in WordprocessingML, the XML of DOCX parts, in its transitional and strict namespaces.
enum WordXML {
    static let namespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    /// Whether `node` is the WordprocessingML element `name` (`p`, `r`, `t`, `tbl` ...).
    static func `is`(_ node: XMLNode, _ name: String) -> Bool {
        node.kind == .element && node.name == name && node.namespaceURI.map(namespaces.contains) == true
    }

    /// The first WordprocessingML child element called `name`.
    static func child(_ node: XMLNode, _ name: String) -> XMLNode? {
        node.elements.first { self.is($0, name) }
    }

    /// The WordprocessingML attribute `name` of `node` (`w:val`, `w:styleId` ...).
    static func attribute(_ node: XMLNode?, _ name: String) -> String? {
        guard let node else { return nil }
        for namespace in namespaces {
            if let value = node.attribute(name, in: namespace) { return value }
        }
        return node.attribute(name)
    }

    /// The `w:val` attribute of `node`.
    static func value(_ node: XMLNode?) -> String? {
        attribute(node, "val")
    }

    /// The `w:val` of child `name`, as an integer within ±1,000,000 (list counters and levels
    /// never need more, and a hostile file cannot make the counters overflow).
    static func intValue(_ node: XMLNode?, _ name: String) -> Int? {
        node.flatMap { child($0, name) }.flatMap(value).flatMap { Int($0.trimmingCharacters(in: " ")) }
            .map { min(max($0, -1_000_000), 1_000_000) }
    }

    /// Whether a toggle property such as `w:vanish` is on: present, and not `w:val="false"` or `"0"`.
    static func isOn(_ node: XMLNode?) -> Bool {
        guard let node else { return false }
        guard let value = value(node) else { return true }
        return !["false", "0", "off"].contains(value.lowercased())
    }
}
