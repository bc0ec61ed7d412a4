// Fuzzes the manifest reader (CSV, then its columns and values), with the document types of the
// project's own lexicons/documents.yml.
import Foundation
@testable import ScrutinyKit

private let types: DocumentTypes = {
    do {
        return try LexiconDirectory(url: FuzzSupport.root.appendingPathComponent("lexicons")).documentTypes()
    } catch {
        fatalError("cannot read lexicons/documents.yml: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifestCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? Manifest.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self), types: types)
    return 0
}
