import Foundation
import ZIPFoundation

/// Small DOCX archives written at test time, and the central directory of a zip patched in
/// place, for the tests of the office readers' limits.
enum ZipFixtures {
    /// A minimal DOCX whose `w:body` is `body`, its parts stored or deflated.
    static func writeDocx(body: String, to url: URL, compression: CompressionMethod = .none) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in docxParts(body: body) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Where the central directory entry of part `name` starts in `bytes`.
    static func directoryEntry(of name: String, in bytes: [UInt8]) -> Int? {
        let name = Array(name.utf8)
        return (0..<max(bytes.count - 46, 0)).first { at in
            bytes[at..<(at + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) && bytes[(at + 46)...].starts(with: name)
        }
    }

    /// The little-endian 32-bit field at `at` (a directory entry's sizes are at +20 and +24).
    static func field(_ bytes: [UInt8], at: Int) -> Int {
        (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }

    static func setField(_ bytes: inout [UInt8], at: Int, to value: Int) {
        for shift in 0..<4 { bytes[at + shift] = UInt8(truncatingIfNeeded: value >> (8 * shift)) }
    }
}

private extension ZipFixtures {
    static func docxParts(body: String) -> [(String, String)] {
        [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """),
            ("word/document.xml", """
                <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
                """),
        ]
    }
}
