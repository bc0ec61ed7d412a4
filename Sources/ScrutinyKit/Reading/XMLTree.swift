internal import CLibXML2

/// A libxml2 document owned by Swift: `xmlFreeDoc` runs when the last reference goes. Every
/// ``XMLNode`` keeps its tree alive, so no node can outlive the memory it points into.
///
/// Only the markup readers (HTML, DOCX, ODT) use it; they hand back plain Swift values.
final class XMLTree {
    private let document: xmlDocPtr

    /// Takes ownership of `document`.
    init(owning document: xmlDocPtr) {
        self.document = document
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The root element, if the document has one.
    var root: XMLNode? {
        xmlDocGetRootElement(document).map { XMLNode(tree: self, pointer: $0) }
    }

    /// Whether the document carries a document type declaration with an internal subset
    /// (`<!DOCTYPE x [ ... ]>`), where entities are declared.
    var hasInternalSubset: Bool {
        xmlGetIntSubset(document) != nil
    }
}

/// A node of an ``XMLTree``: an element, a run of text, or something the readers skip.
///
/// Text is read only from text and CDATA nodes. Entity references are never followed (the
/// parsers do not substitute entities), so a declared entity cannot put anything into the output.
struct XMLNode {
    enum Kind { case element, text, other }

    let tree: XMLTree
    let pointer: xmlNodePtr

    var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
        default: return .other
        }
    }

    /// The local name of an element (HTML element names are lower-case already).
    var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The namespace URI of an element, if it has one.
    var namespaceURI: String? {
        pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// The characters of a text or CDATA node; empty for other nodes.
    var text: String {
        guard kind == .text, let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    var parent: XMLNode? {
        pointer.pointee.parent.flatMap { parent in
            parent.pointee.type == XML_ELEMENT_NODE ? XMLNode(tree: tree, pointer: parent) : nil
        }
    }

    /// The child nodes in document order.
    var children: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(XMLNode(tree: tree, pointer: current))
            child = current.pointee.next
        }
        return result
    }

    /// The child elements in document order.
    var elements: [XMLNode] {
        children.filter { $0.kind == .element }
    }

    /// Whether this is an element called `name` in `namespace` (any namespace when nil).
    func `is`(_ name: String, in namespace: String? = nil) -> Bool {
        kind == .element && self.name == name && (namespace == nil || namespaceURI == namespace)
    }

    /// The first child element called `name` in `namespace`.
    func child(_ name: String, in namespace: String? = nil) -> XMLNode? {
        var child = pointer.pointee.children
        while let current = child {
            let node = XMLNode(tree: tree, pointer: current)
            if node.is(name, in: namespace) { return node }
            child = current.pointee.next
        }
        return nil
    }

    /// The value of the attribute with local name `name` (in `namespace` when given), from its
    /// text only: entity references in attribute values are not followed.
    func attribute(_ name: String, in namespace: String? = nil) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let attributeName = current.pointee.name.map { String(cString: $0) } ?? ""
            let attributeNamespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
            if attributeName == name, namespace == nil || attributeNamespace == namespace {
                var value = ""
                var child = current.pointee.children
                while let part = child {
                    if part.pointee.type == XML_TEXT_NODE, let content = part.pointee.content {
                        value += String(cString: content)
                    }
                    child = part.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Every element below this one (depth first, document order) that matches `predicate`,
    /// without descending into the matches.
    func descendants(where predicate: (XMLNode) -> Bool) -> [XMLNode] {
        var found: [XMLNode] = []
        var stack = elements.reversed() as [XMLNode]
        while let node = stack.popLast() {
            if predicate(node) {
                found.append(node)
            } else {
                stack.append(contentsOf: node.elements.reversed())
            }
        }
        return found
    }

    /// All the text below this node, from text and CDATA nodes only, in document order.
    var textContent: String {
        var output = ""
        var stack: [XMLNode] = [self]
        while let node = stack.popLast() {
            switch node.kind {
            case .text: output += node.text
            case .element: stack.append(contentsOf: node.children.reversed())
            case .other: continue
            }
        }
        return output
    }
}
