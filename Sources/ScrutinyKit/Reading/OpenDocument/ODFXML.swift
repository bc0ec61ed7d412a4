/// Namespaces of OpenDocument XML (the parts of an ODT).
enum ODF {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// An integer attribute, within ±1,000,000 so that a hostile file cannot make counters overflow.
    static func int(_ node: XMLNode, _ name: String, in namespace: String) -> Int? {
        node.attribute(name, in: namespace).flatMap { Int($0.trimmingCharacters(in: " ")) }
            .map { min(max($0, -1_000_000), 1_000_000) }
    }
}
