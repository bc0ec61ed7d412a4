/// Writes indented XML, two spaces a level, escaping every name's value.
struct XMLBuilder {
    var text = ""
    private var stack: [String] = []

    mutating func declaration() {
        text += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += indent + "<" + name + Self.render(attributes) + ">\n"
        stack.append(name)
    }

    mutating func close() {
        let name = stack.removeLast()
        text += indent + "</" + name + ">\n"
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        text += indent + "<" + name + Self.render(attributes) + "/>\n"
    }

    mutating func leaf(_ name: String, _ content: String) {
        text += indent + "<" + name + ">" + XMLText.content(content) + "</" + name + ">\n"
    }

    private var indent: String { String(repeating: "  ", count: stack.count) }

    private static func render(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(XMLText.attribute($0.1))\"" }.joined()
    }
}
