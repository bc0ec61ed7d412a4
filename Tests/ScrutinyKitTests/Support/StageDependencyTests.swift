import Foundation
import Testing

/// The library's folders are the pipeline's stages, and data flows one way through them: a file
/// may use the types of its own stage and of earlier ones, never of a later one. The stages, in
/// dependency order, are listed in `Sources/ScrutinyKit/STAGES`. The document model comes before
/// the readers that produce it, and the sentence stream before the metadata and items read from
/// it.
///
/// The check reads the sources: every type declared at the top level of a file belongs to that
/// file's stage; a name that is also declared nested somewhere (`Summary`, `File`) is ambiguous
/// and not checked.
struct StageDependencyTests {
    static let library = Paths.root.appendingPathComponent("Sources/ScrutinyKit")

    struct SourceFile {
        var path: String
        var stage: String
        var code: String
    }

    static func stages() throws -> [String] {
        try String(contentsOf: library.appendingPathComponent("STAGES"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func sources() throws -> [SourceFile] {
        let enumerator = FileManager.default.enumerator(at: library, includingPropertiesForKeys: nil)
        var files: [SourceFile] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.path.dropFirst(library.path.count + 1))
            let stage = relative.split(separator: "/").count > 1 ? String(relative.split(separator: "/")[0]) : ""
            files.append(SourceFile(path: relative, stage: stage, code: withoutCommentsAndStrings(try String(contentsOf: url, encoding: .utf8))))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The code with comments and string literals blanked, so that a type named in prose or in a
    /// message is not a use.
    static func withoutCommentsAndStrings(_ source: String) -> String {
        var out = ""
        var index = source.startIndex
        func starts(_ prefix: String) -> Bool { source[index...].hasPrefix(prefix) }
        while index < source.endIndex {
            if starts("//") {
                while index < source.endIndex, source[index] != "\n" { index = source.index(after: index) }
            } else if starts("/*") {
                var depth = 0
                repeat {
                    if starts("/*") { depth += 1; index = source.index(index, offsetBy: 2) }
                    else if starts("*/") { depth -= 1; index = source.index(index, offsetBy: 2) }
                    else { index = source.index(after: index) }
                } while depth > 0 && index < source.endIndex
                out += " "
            } else if starts("\"\"\"") {
                index = source.index(index, offsetBy: 3)
                while index < source.endIndex, !starts("\"\"\"") { index = source.index(after: index) }
                if index < source.endIndex { index = source.index(index, offsetBy: 3) }
                out += "\"\""
            } else if source[index] == "\"" {
                index = source.index(after: index)
                while index < source.endIndex, source[index] != "\"", source[index] != "\n" {
                    if source[index] == "\\" { index = source.index(after: index) }
                    if index < source.endIndex { index = source.index(after: index) }
                }
                if index < source.endIndex { index = source.index(after: index) }
                out += "\"\""
            } else {
                out.append(source[index])
                index = source.index(after: index)
            }
        }
        return out
    }

    static let declaration = try! NSRegularExpression(
        pattern: #"^([ \t]*)(?:(?:@\w+(?:\([^)\n]*\))?|public|package|internal|private|fileprivate|final|indirect|nonisolated)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)"#,
        options: [.anchorsMatchLines])
    static let typeName = try! NSRegularExpression(pattern: #"\b[A-Z][A-Za-z0-9_]*\b"#)

    static func matches(_ expression: NSRegularExpression, in text: String) -> [NSTextCheckingResult] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    @Test func everyFolderIsAStage() throws {
        let stages = try Self.stages()
        let folders = Set(try Self.sources().map(\.stage))
        #expect(folders.subtracting(stages).isEmpty, "folders not listed in STAGES: \(folders.subtracting(stages).sorted())")
        #expect(!folders.contains(""), "a source file outside every stage folder")
        #expect(Set(stages).count == stages.count)
    }

    /// Tests mirror the sources: a folder of tests for every stage.
    @Test func everyStageHasItsTests() throws {
        let tests = Paths.root.appendingPathComponent("Tests/ScrutinyKitTests")
        for stage in try Self.stages() {
            let folder = tests.appendingPathComponent(stage)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            #expect(files.contains { $0.hasSuffix("Tests.swift") }, "no tests for the \(stage) stage in Tests/ScrutinyKitTests/\(stage)")
        }
    }

    @Test func noFileUsesATypeOfALaterStage() throws {
        let order = Dictionary(uniqueKeysWithValues: try Self.stages().enumerated().map { ($1, $0) })
        let files = try Self.sources()
        var stageOf: [String: String] = [:]
        var ambiguous: Set<String> = []
        for file in files {
            for match in Self.matches(Self.declaration, in: file.code) {
                let indent = Range(match.range(at: 1), in: file.code).map { file.code[$0] } ?? ""
                let name = String(file.code[Range(match.range(at: 2), in: file.code)!])
                if !indent.isEmpty { ambiguous.insert(name); continue }
                if let other = stageOf[name], other != file.stage { ambiguous.insert(name) }
                stageOf[name] = file.stage
            }
        }
        #expect(stageOf.count > 100, "the declarations were not read (\(stageOf.count))")
        var backward: [String] = []
        for file in files {
            guard let mine = order[file.stage] else { continue }
            let used = Set(Self.matches(Self.typeName, in: file.code).map { String(file.code[Range($0.range, in: file.code)!]) })
            for name in used.sorted() where !ambiguous.contains(name) {
                guard let stage = stageOf[name], let theirs = order[stage], theirs > mine else { continue }
                backward.append("\(file.path) uses \(name) from \(stage)")
            }
        }
        #expect(backward.isEmpty, "uses of a later stage:\n\(backward.joined(separator: "\n"))")
    }

    /// The library's public API holds no unsafe pointer type: raw buffers stay inside the module
    /// (issue 14's sealed kernel; the classification kernel works on them internally).
    @Test func noPublicDeclarationTakesOrGivesAnUnsafePointer() throws {
        let files = try Self.sources()
        var exposed: [String] = []
        for file in files {
            for line in file.code.split(separator: "\n") where line.contains("public ") && line.contains("Unsafe") {
                exposed.append("\(file.path): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(files.count > 100)
        #expect(exposed.isEmpty, "unsafe pointer types in the public API:\n\(exposed.joined(separator: "\n"))")
    }

    /// Code that reads or writes memory directly stays in three kinds of place: the classification
    /// kernel (`Classification/Kernel/`, behind the classifier's `weigh` and the matcher's `String`
    /// API); the readers at the C edge, which import poppler or libxml2 and hand its pointers on as
    /// Swift values; and the two support files named below, which lend a string's bytes as a
    /// `Span` (bounds-checked, unable to outlive the call) and wait for a signal. Everything else
    /// works on Swift values only: no other file may import the C library either.
    @Test func unsafeCodeStaysInTheKernelAndAtTheCEdge() throws {
        let unsafe = try NSRegularExpression(pattern: #"Unsafe[A-Z]\w*|withUnsafe\w*|unsafe(?:Uninitialized|BitCast|Downcast)\w*|Unmanaged|assumingMemoryBound|bindMemory|loadUnaligned|nonisolated\(unsafe\)|\bmem(?:cmp|cpy|move|set|chr)\b|\.baseAddress|OpaquePointer|withContiguous\w*Storage\w*|_unsafeElements"#)
        let edgeImport = try NSRegularExpression(pattern: #"^\s*(?:internal\s+)?import\s+(?:CPoppler|CLibXML2)\b"#, options: [.anchorsMatchLines])
        let seals: Set<String> = ["Support/UTF8Bytes.swift", "Support/SignalCleanup.swift"]
        // The C library is imported where files are opened, read and typed by their bytes (the
        // readers), and by the two seals; a later stage has no use for it.
        let glibc = try NSRegularExpression(pattern: #"^\s*(?:internal\s+)?import\s+(?:Glibc|Darwin)\b"#, options: [.anchorsMatchLines])
        for file in try Self.sources() where glibc.firstMatch(in: file.code, range: NSRange(file.code.startIndex..., in: file.code)) != nil {
            #expect(seals.contains(file.path) || file.path.hasPrefix("Reading/"), "\(file.path) imports the C library")
        }
        let files = try Self.sources()
        var misplaced: [String] = []
        var kernelFiles = 0
        for file in files {
            let range = NSRange(file.code.startIndex..., in: file.code)
            if file.path.hasPrefix("Classification/Kernel/") {
                kernelFiles += 1
                continue
            }
            if edgeImport.firstMatch(in: file.code, range: range) != nil || seals.contains(file.path) { continue }
            if let match = unsafe.firstMatch(in: file.code, range: range), let found = Range(match.range, in: file.code) {
                misplaced.append("\(file.path): \(file.code[found])")
            }
        }
        #expect(kernelFiles >= 5, "the kernel folder holds the classifier's unsafe code")
        // poppler and libxml2 are imported by readers only, and `internal import`: no C type can
        // leak into the library's API or into a later stage by way of an import.
        let cImport = try NSRegularExpression(pattern: #"^\s*(?:@\w+\s+)*(\w+\s+)?import\s+(?:CPoppler|CLibXML2)\b"#, options: [.anchorsMatchLines])
        var importers: [String] = []
        for file in files {
            for match in cImport.matches(in: file.code, range: NSRange(file.code.startIndex..., in: file.code)) {
                let line = String(file.code[Range(match.range, in: file.code)!]).trimmingCharacters(in: .whitespaces)
                importers.append(file.path)
                #expect(file.path.hasPrefix("Reading/") && line.hasPrefix("internal import "), "\(file.path): \(line)")
            }
        }
        #expect(importers.count >= 3, "\(importers)")
        #expect(misplaced.isEmpty, "unsafe code outside Classification/Kernel/ and the C edge:\n\(misplaced.joined(separator: "\n"))")
    }
}
