import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation

/// `scrutiny export`: the REFI-QDA project of the corpus, read back with Foundation's XMLParser
/// (not the project's own XML code) and checked against what `recommendations`, `classify` and
/// `extract` say about the same documents.
@Suite struct ExportCommandTests {
    static let refi = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/refi-qda")
    static let schema = refi.appendingPathComponent("Project-mrt2019.xsd")
    static var xmllint: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/xmllint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var canValidate: Bool { xmllint != nil && FileManager.default.fileExists(atPath: schema.path) }

    /// Exports `arguments` to a fresh folder; returns the run and the archive's files.
    static func export(_ arguments: [String], name: String = "corpus.qdpx") throws -> (CLI.Result, [String: Data], URL) {
        let folder = try CLI.temporaryDirectory()
        let output = folder.appendingPathComponent(name)
        let result = try CLI.run(["export"] + arguments + ["-o", output.path])
        return (result, FileManager.default.fileExists(atPath: output.path) ? try unzip(output) : [:], output)
    }

    static func unzip(_ url: URL) throws -> [String: Data] {
        let archive = try Archive(url: url, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        return files
    }

    @Test(.enabled(if: ExportCommandTests.canValidate, "needs xmllint (apt-get install libxml2-utils) and ../shared/refi-qda/Project-mrt2019.xsd"))
    func corpusProjectValidatesAgainstTheREFIQDASchema() throws {
        let (result, files, output) = try Self.export(["corpus/documents"])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 0, "\(result.stderr)")
        let (status, message) = try Self.validate(try #require(files["project.qde"]), beside: output)
        print("xmllint: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        #expect(status == 0, "\(message)")
        #expect(message.contains("validates"))
    }

    /// `project.qde` checked by xmllint against the REFI-QDA schema, written beside `output`.
    static func validate(_ projectFile: Data, beside output: URL) throws -> (status: Int32, stderr: String) {
        let qde = output.deletingLastPathComponent().appendingPathComponent("project.qde")
        try projectFile.write(to: qde)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(xmllint))
        process.arguments = ["--noout", "--schema", schema.path, qde.path]
        return try CLI.stderrOf(process)
    }

    @Test func theProjectReadsBackToTheItems() throws {
        let (result, files, output) = try Self.export(["corpus/documents"])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 0, "\(result.stderr)")
        let project = try ProjectFile(try #require(files["project.qde"]))
        print("export of corpus/documents: \(project.sources.count) sources, \(project.codes.count) codes, "
            + "\(project.sources.reduce(0) { $0 + $1.selections.count }) selections, \(project.cases.count) cases")

        // Every GUID is used once.
        #expect(Set(project.guids).count == project.guids.count, "a GUID is used twice")

        // One source per document: unique names, the corpus's files, the text `extract` gives.
        let items = try Self.json(["recommendations", "corpus/documents", "--format", "json"])
        let names = project.sources.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(items.compactMap { $0["document"] as? String }).isSubset(of: Set(names)))
        let corpusFiles = Set(try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("corpus/documents").path))
        #expect(Set(names).isSubset(of: corpusFiles))
        let extracted = try Self.json(["extract", "corpus/documents", "--format", "json"])
        var texts: [String: String] = [:]
        for document in extracted {
            let name = ((document["source"] as? String ?? "") as NSString).lastPathComponent
            texts[name] = (document["blocks"] as? [[String: Any]] ?? []).map { $0["text"] as? String ?? "" }.joined(separator: "\n")
        }
        var sourceTexts: [String: [Unicode.Scalar]] = [:]
        for source in project.sources {
            #expect(source.path.hasPrefix("internal://") && source.path.hasSuffix(".txt"))
            let file = "sources/" + source.path.dropFirst("internal://".count)
            let data = try #require(files[file], "no \(file) in the archive")
            let text = try #require(String(data: data, encoding: .utf8), "\(file) is not UTF-8")
            #expect(text == texts[source.name], "\(source.name): the source text is not the document's text")
            sourceTexts[source.guid] = Array(text.unicodeScalars)
        }

        // One selection per item, at the item's place: the text between start and end is the item's.
        let selections = project.sources.flatMap { source in source.selections.map { (source, $0) } }
        #expect(selections.count == items.count)
        #expect(selections.count >= 100)
        let byID = Dictionary(items.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        var exact = 0
        for (source, selection) in selections {
            let scalars = try #require(sourceTexts[source.guid])
            #expect(0 <= selection.start && selection.start < selection.end && selection.end <= scalars.count)
            guard selection.start < selection.end, selection.end <= scalars.count else { continue }
            let id = try #require(selection.description.split(separator: "\n").first { $0.hasPrefix("scrutiny id: ") }).dropFirst("scrutiny id: ".count)
            let item = try #require(byID[String(id)], "selection \(selection.name) names no item")
            let slice = Self.squeeze(String(String.UnicodeScalarView(scalars[selection.start..<selection.end])))
            let wanted = Self.squeeze(item["text"] as? String ?? "")
            #expect(slice.hasPrefix(String(wanted.prefix(40))), "\(source.name) \(id): '\(slice.prefix(80))' is not '\(wanted.prefix(80))'")
            if slice == wanted { exact += 1 }
            let start = selection.name.hasSuffix("…") ? String(selection.name.dropLast()) : selection.name
            #expect(!start.isEmpty && wanted.hasPrefix(start), "the selection's name '\(selection.name)' is not the start of the item")
        }
        print("selections whose text is exactly the item's: \(exact) of \(selections.count)")
        #expect(exact == selections.count)

        // Codes: every theme and sub-theme of the scheme, under `theme`, with `unclassified`; the kinds under `kind`.
        let scheme = try Self.schemeTree()
        #expect(scheme.count >= 3)
        let themeRoot = try #require(project.codes.first { $0.name == "theme" && $0.parent == nil })
        for (theme, subthemes) in scheme {
            let code = try #require(project.codes.first { $0.name == theme && $0.parent == themeRoot.guid }, "no code for theme \(theme)")
            let children = Set(project.codes.filter { $0.parent == code.guid }.map(\.name))
            #expect(children == Set(subthemes), "sub-themes of \(theme)")
        }
        #expect(project.codes.contains { $0.name == "unclassified" && $0.parent == themeRoot.guid })
        let kindRoot = try #require(project.codes.first { $0.name == "kind" && $0.parent == nil })
        let kinds = Set(project.codes.filter { $0.parent == kindRoot.guid }.map(\.name))
        #expect(kinds.isSuperset(of: ["recommendation", "area for improvement", "strength", "procedural"]))

        // Codings: the theme, sub-theme and kind `classify` and `recommendations` give each item.
        let classified = Dictionary(try Self.json(["classify", "corpus/documents", "--format", "json"]).map { ($0["id"] as? String ?? "", $0) },
                                    uniquingKeysWith: { first, _ in first })
        let codes = Dictionary(project.codes.map { ($0.guid, $0) }, uniquingKeysWith: { first, _ in first })
        var checked = 0
        for (_, selection) in selections {
            let id = String(selection.description.split(separator: "\n").first { $0.hasPrefix("scrutiny id: ") }?.dropFirst("scrutiny id: ".count) ?? "")
            let coded = selection.codeRefs.compactMap { codes[$0] }
            #expect(coded.count == selection.codeRefs.count, "a coding refers to no code")
            let kind = (byID[id]?["kind"] as? String ?? "").replacingOccurrences(of: "_", with: " ")
            #expect(coded.contains { $0.name == kind && $0.parent == kindRoot.guid }, "\(id) is not coded \(kind)")
            guard let item = classified[id] else {
                #expect(kind == "procedural", "\(id) was not classified")
                #expect(!coded.contains { $0.parent == themeRoot.guid }, "a procedural item has a theme")
                continue
            }
            let theme = item["theme"] as? String ?? ""
            let themeCode = coded.first { $0.name == theme && $0.parent == themeRoot.guid }
            #expect(themeCode != nil, "\(id) is not coded \(theme)")
            if let subtheme = item["subtheme"] as? String {
                #expect(coded.contains { $0.name == subtheme && $0.parent == themeCode?.guid }, "\(id) is not coded \(theme) › \(subtheme)")
            }
            checked += 1
        }
        #expect(checked >= 100)

        // Cases: one per partnership, holding that partnership's sources.
        let partnerships = Set(items.compactMap { $0["partnership"] as? String })
        #expect(!partnerships.isEmpty)
        #expect(partnerships.isSubset(of: Set(project.cases.map(\.name))))
        let sourceGUIDs = Set(project.sources.map(\.guid))
        for projectCase in project.cases {
            #expect(!projectCase.sourceRefs.isEmpty && Set(projectCase.sourceRefs).isSubset(of: sourceGUIDs))
        }
        for item in items {
            guard let partnership = item["partnership"] as? String, let document = item["document"] as? String else { continue }
            let source = project.sources.first { $0.name == document }
            #expect(project.cases.first { $0.name == partnership }?.sourceRefs.contains(source?.guid ?? "") == true,
                    "\(document) is not in the case \(partnership)")
        }
    }

    /// A project into a folder that is not there is refused before any document is read, as every
    /// command writing one file refuses it (session 46's interop audit: export alone made the folder).
    @Test func aProjectIntoAMissingFolderIsRefused() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("missing/x.qdpx").path
        let result = try CLI.run(["export", "corpus/documents/hartsey-annual-report-2022.md", "-o", target])
        #expect(result.status == 1)
        #expect(result.stderr == "scrutiny: --output: cannot write \(target): no such folder \(folder.appendingPathComponent("missing").path)\n",
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing").path))
    }

    /// A PDF is stored as itself, a PDF source whose text representation holds the selections
    /// (REFI-QDA 1.5 §9.1.4; session 46's interop audit: it was a text source named "….pdf"). The
    /// project still validates, and the selections are the items, in the text `extract` gives.
    @Test func aPDFIsStoredAsItselfWithItsTextAsRepresentation() throws {
        let pdfPath = "corpus/documents/hartsey-independent-review-2021.pdf"
        let (result, files, output) = try Self.export([pdfPath, "corpus/documents/calderwick-jtai-letter-2022.txt"], name: "pdf.qdpx")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 0, "\(result.stderr)")
        let project = try ProjectFile(try #require(files["project.qde"]))
        let pdf = try #require(project.sources.first { $0.name == "hartsey-independent-review-2021.pdf" })
        let stored = try #require(pdf.pdfPath.flatMap { files["sources/" + $0.dropFirst("internal://".count)] }, "no PDF file in the archive")
        #expect(stored == (try Data(contentsOf: CLI.root.appendingPathComponent(pdfPath))))
        let text = try #require(files["sources/" + pdf.path.dropFirst("internal://".count)].flatMap { String(data: $0, encoding: .utf8) })
        let extracted = try Self.json(["extract", pdfPath, "--format", "json"])
        #expect(text == (extracted.first?["blocks"] as? [[String: Any]] ?? []).map { $0["text"] as? String ?? "" }.joined(separator: "\n"))
        let items = try Self.json(["recommendations", pdfPath, "--format", "json"])
        #expect(pdf.selections.count == items.count && !items.isEmpty)
        let scalars = Array(text.unicodeScalars)
        for selection in pdf.selections {
            let slice = Self.squeeze(String(String.UnicodeScalarView(scalars[selection.start..<selection.end])))
            #expect(items.contains { Self.squeeze($0["text"] as? String ?? "") == slice }, "\(slice.prefix(80))")
        }
        #expect(project.sources.first { $0.name == "calderwick-jtai-letter-2022.txt" }?.pdfPath == nil)
        #expect(project.cases.flatMap(\.sourceRefs).contains(pdf.guid))
        if Self.canValidate {
            let (status, message) = try Self.validate(try #require(files["project.qde"]), beside: output)
            #expect(status == 0, "\(message)")
        }
    }

    /// A document without a partnership is in no case, and the run says so (session 46's audit).
    @Test func aSourceInNoCaseIsSaid() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let note = folder.appendingPathComponent("note.txt")
        try "Recommendations\n\n1. The executive should publish its audit programme by June.\n".write(to: note, atomically: true, encoding: .utf8)
        let result = try CLI.run(["export", note.path, "corpus/documents/calderwick-jtai-letter-2022.txt", "-o", folder.appendingPathComponent("x.qdpx").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 source has no partnership, so is in no case: note.txt"), "\(result.stderr)")
    }

    @Test func twoRunsAreByteIdentical() throws {
        let (first, firstFiles, firstURL) = try Self.export(["corpus/documents", "--narrative"])
        let (second, secondFiles, secondURL) = try Self.export(["corpus/documents", "--narrative"])
        defer {
            try? FileManager.default.removeItem(at: firstURL.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: secondURL.deletingLastPathComponent())
        }
        #expect(first.status == 0 && second.status == 0)
        #expect(firstFiles["project.qde"] != nil)
        #expect(firstFiles["project.qde"] == secondFiles["project.qde"])
        #expect(try Data(contentsOf: firstURL) == Data(contentsOf: secondURL))
    }

    @Test func anUnreadableFileIsNamedAndTheRestExported() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("calderwick-jtai-letter-2022.txt")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("corpus/documents/calderwick-jtai-letter-2022.txt"), to: good)
        let broken = folder.appendingPathComponent("broken.pdf")
        try Data("%PDF-1.7\n1 0 obj <<".utf8).write(to: broken)
        let output = folder.appendingPathComponent("out.qdpx")
        // With -q the one line naming the bad file is all that standard error holds (without it,
        // a note says where the project was written).
        let result = try CLI.run(["export", good.path, broken.path, "-o", output.path, "-q"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("broken.pdf"), "\(result.stderr)")
        let project = try ProjectFile(try #require(try Self.unzip(output)["project.qde"]))
        #expect(project.sources.map(\.name) == ["calderwick-jtai-letter-2022.txt"])

        let nothing = folder.appendingPathComponent("nothing.qdpx")
        let none = try CLI.run(["export", broken.path, "-o", nothing.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("broken.pdf") && none.stderr.contains("not written"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: nothing.path))
    }

    @Test func onlyAQDPXPathIsWritten() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes.txt")
        try "my notes".write(to: notes, atomically: true, encoding: .utf8)
        let wrongName = try CLI.run(["export", "corpus/documents/calderwick-jtai-letter-2022.txt", "-o", notes.path])
        #expect(wrongName.status == 64)
        #expect(wrongName.stderr.contains(".qdpx"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes")

        let impostor = folder.appendingPathComponent("impostor.qdpx")
        try "not a zip".write(to: impostor, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["export", "corpus/documents/calderwick-jtai-letter-2022.txt", "-o", impostor.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("impostor.qdpx"))
        #expect(try String(contentsOf: impostor, encoding: .utf8) == "not a zip")

        // A project another program wrote holds a researcher's own coding: never replaced (session
        // 43's audit); one scrutiny wrote is.
        let atlas = Self.refi.appendingPathComponent("samples/target-atlas-project.qdpx")
        if FileManager.default.fileExists(atPath: atlas.path) {
            let theirs = folder.appendingPathComponent("theirs.qdpx")
            try FileManager.default.copyItem(at: atlas, to: theirs)
            let kept = try CLI.run(["export", "corpus/documents/calderwick-jtai-letter-2022.txt", "-o", theirs.path])
            #expect(kept.status == 1 && kept.stderr.contains("holds a project made by ATLAS.ti"), "\(kept.stderr)")
            #expect(try Data(contentsOf: theirs) == Data(contentsOf: atlas))
        }
        let ours = folder.appendingPathComponent("ours.qdpx")
        #expect(try CLI.run(["export", "corpus/documents/calderwick-jtai-letter-2022.txt", "-o", ours.path]).status == 0)
        #expect(try CLI.run(["export", "corpus/documents/hollinsmoor-committee-report-2021.txt", "-o", ours.path]).status == 0)
    }

    @Test func aCodebookBecomesALexiconSkeleton() throws {
        let (result, files, output) = try Self.export(["corpus/documents/calderwick-jtai-letter-2022.txt"])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 0)
        #expect(try ProjectFile(try #require(files["project.qde"])).codes.count > 0)
        let skeleton = output.deletingLastPathComponent().appendingPathComponent("skeleton.yml")
        let imported = try CLI.run(["lexicon", "import-codebook", output.path, "-o", skeleton.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        // scrutiny's own export gives back its scheme: the themes at the top, without the kind,
        // form and unclassified codes (until session 19 they were under `theme:`, beside `kind:`
        // and `form:`, and the skeleton coded every line unclassified).
        #expect(imported.stderr.contains("its theme codes are taken"), "\(imported.stderr)")
        let text = try String(contentsOf: skeleton, encoding: .utf8)
        let tree = try Self.schemeTree()
        for (theme, subthemes) in tree {
            #expect(text.contains("\n\(theme):\n"), "no category \(theme)")
            for subtheme in subthemes { #expect(text.contains("\n  \(subtheme): []\n"), "no category \(theme).\(subtheme)") }
        }
        #expect(!text.contains("\nkind:") && !text.contains("\nform:") && !text.contains("unclassified"))
        // The skeleton is a lexicon scrutiny reads: its categories are the scheme's, with no terms.
        let check = try CLI.run(["lexicon", "check", skeleton.path])
        let categories = tree.reduce(0) { $0 + 1 + $1.1.count }
        #expect(check.stdout.contains("quanteda YAML (UTF-8), \(categories) categories in 2 levels, 0 terms"), "\(check.stdout)")

        let sample = Self.refi.appendingPathComponent("samples/target-atlas-project.qdpx")
        guard FileManager.default.fileExists(atPath: sample.path) else {
            print("skipped the ATLAS.ti sample: \(sample.path) is absent")
            return
        }
        let atlas = try CLI.run(["lexicon", "import-codebook", sample.path])
        #expect(atlas.status == 0, "\(atlas.stderr)")
        #expect(atlas.stdout.contains("\nCommits:\n  \"2022-05-10T02:05:59Z 19e4dce\": []\n  \"2022-02-11T10:39:25Z cdbfd92\": []\n"), "\(atlas.stdout)")
        let blank = try CLI.run(["lexicon", "import-codebook", Self.refi.appendingPathComponent("samples/blank-atlas-project.qdpx").path])
        #expect(blank.status == 1 && blank.stderr.contains("no codes"))
        // What is no codebook is said for what it is (session 37's third audit: a folder was
        // "permission denied", a CSV "damaged or truncated").
        let folder = try CLI.run(["lexicon", "import-codebook", Self.refi.appendingPathComponent("samples").path])
        #expect(folder.status == 1 && folder.stderr.contains("is a folder; give a REFI-QDA codebook (.qdc) or project (.qdpx) file"), "\(folder.stderr)")
        // The skeleton has no terms: classifying with it says so (every item unclassified).
        let skeletonFile = try CLI.temporaryDirectory().appendingPathComponent("target.yml")
        #expect(try CLI.run(["lexicon", "import-codebook", sample.path, "-o", skeletonFile.path]).status == 0)
        let unfilled = try CLI.run(["classify", "--lines", "-", "--scheme", skeletonFile.path], stdin: "The partnership should review its audit programme.\n")
        #expect(unfilled.status == 0 && unfilled.stderr.contains("has no terms yet, so every item is unclassified"), "\(unfilled.stderr)")
        let csv = try CLI.run(["lexicon", "import-codebook", "corpus/annotations.csv"])
        #expect(csv.status == 1 && csv.stderr.contains("import-codebook reads REFI-QDA codebooks (.qdc) and projects (.qdpx)"), "\(csv.stderr)")
    }

    /// A codebook goes round (ua65 M2): `lexicon import-codebook` keeps each code's GUID (`_codes`),
    /// and `export` with the filled lexicon codes into those codes, at the top as the codebook had
    /// them, so that opened beside the codebook's project the codings land on its own codes (until
    /// session 47 they were new codes under a new `theme` code). Read back, the project gives the
    /// same lexicon skeleton.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ExportCommandTests.refi.appendingPathComponent("samples/target-atlas-project.qdpx").path)))
    func aCodebooksCodesKeepTheirGUIDsThroughExport() throws {
        let sample = Self.refi.appendingPathComponent("samples/target-atlas-project.qdpx")
        let original = try ProjectFile(try #require(try Self.unzip(sample)["project.qde"])).codes
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let skeleton = folder.appendingPathComponent("atlas.yml")
        #expect(try CLI.run(["lexicon", "import-codebook", sample.path, "-o", skeleton.path]).status == 0)
        let filled = try String(contentsOf: skeleton, encoding: .utf8)
            .replacingOccurrences(of: "\"2022-05-10T02:05:59Z 19e4dce\": []", with: "\"2022-05-10T02:05:59Z 19e4dce\": [partnership]")
            .replacingOccurrences(of: "\"2022-02-11T10:39:25Z cdbfd92\": []", with: "\"2022-02-11T10:39:25Z cdbfd92\": [training]")
        try filled.write(to: skeleton, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("atlas-coded.qdpx")
        let exported = try CLI.run(["export", "corpus/documents/calderwick-jtai-letter-2022.txt", "--scheme", skeleton.path, "-o", output.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        let files = try Self.unzip(output)
        let project = try ProjectFile(try #require(files["project.qde"]))
        #expect(project.codes.filter { $0.parent == nil }.map(\.name) == ["Commits", "unclassified", "kind", "form"])
        let theirs = project.codes.prefix(original.count)
        #expect(theirs.map(\.guid) == original.map(\.guid))
        #expect(theirs.map(\.name) == original.map(\.name))
        #expect(theirs.map(\.parent) == original.map(\.parent))
        // Items are coded to them.
        let codedTo = Set(project.sources.flatMap(\.selections).flatMap(\.codeRefs))
        #expect(!codedTo.isDisjoint(with: original.dropFirst().map(\.guid)))
        if Self.canValidate {
            let (status, message) = try Self.validate(try #require(files["project.qde"]), beside: output)
            #expect(status == 0, "\(message)")
        }
        // Read back, the project gives the codebook's skeleton again, with its GUIDs.
        let again = try CLI.run(["lexicon", "import-codebook", output.path])
        #expect(again.status == 0 && again.stderr.contains("its theme codes are taken"), "\(again.stderr)")
        #expect(again.stdout.contains("_codes:") && again.stdout.contains("Commits: A182CD3A-D83C-4D8C-BC80-26D9103EC6D6"), "\(again.stdout)")
        #expect(!again.stdout.contains("kind") && !again.stdout.contains("unclassified"))
    }

    // MARK: - Helpers

    static func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try CLI.run(arguments)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stderr)")
    }

    /// The scheme's themes and their sub-themes, from `lexicon convert --to quanteda` of wt2018.
    static func schemeTree() throws -> [(String, [String])] {
        let result = try CLI.run(["lexicon", "convert", "lexicons/wt2018.yml", "-", "--to", "quanteda"])
        var tree: [(String, [String])] = []
        for line in result.stdout.split(separator: "\n") where line.hasSuffix(":") || line.hasSuffix(": []") {
            let name = String(line.trimmingCharacters(in: .whitespaces).split(separator: ":")[0]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if !line.hasPrefix(" ") {
                tree.append((name, []))
            } else if line.hasPrefix("  "), !line.hasPrefix("   "), !tree.isEmpty {
                tree[tree.count - 1].1.append(name)
            }
        }
        return tree
    }

    static func squeeze(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// A `project.qde` as Foundation's XMLParser reads it: codes with their parents, sources with
/// their selections and codings, cases, and every GUID.
final class ProjectFile: NSObject, XMLParserDelegate {
    struct Code { var guid: String; var name: String; var parent: String? }
    struct Selection { var guid: String; var name: String; var start: Int; var end: Int; var description = ""; var codeRefs: [String] = [] }
    /// A text source, or a PDF source's representation (`pdfPath` the PDF's own file).
    struct Source { var guid: String; var name: String; var path: String; var selections: [Selection] = []; var pdfPath: String? = nil }
    struct ProjectCase { var name: String; var sourceRefs: [String] = [] }

    var codes: [Code] = []
    var sources: [Source] = []
    var cases: [ProjectCase] = []
    var guids: [String] = []
    private var stack: [String] = []
    private var codeStack: [String] = []
    private var pdf = (guid: "", name: "", path: "")
    private var text = ""
    private var failure: Error?

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else {
            throw failure ?? parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if let guid = attributes["guid"] { guids.append(guid) }
        switch name {
        case "Code":
            codes.append(Code(guid: attributes["guid"] ?? "", name: attributes["name"] ?? "", parent: codeStack.last))
            codeStack.append(attributes["guid"] ?? "")
        case "TextSource":
            sources.append(Source(guid: attributes["guid"] ?? "", name: attributes["name"] ?? "", path: attributes["plainTextPath"] ?? ""))
        case "PDFSource":
            pdf = (attributes["guid"] ?? "", attributes["name"] ?? "", attributes["path"] ?? "")
        case "Representation" where stack.last == "PDFSource":
            // The PDF's selections are made in its text: the source as the selections see it.
            sources.append(Source(guid: pdf.guid, name: pdf.name, path: attributes["plainTextPath"] ?? "", pdfPath: pdf.path))
        case "PlainTextSelection":
            sources[sources.count - 1].selections.append(Selection(guid: attributes["guid"] ?? "", name: attributes["name"] ?? "",
                                                                   start: Int(attributes["startPosition"] ?? "") ?? -1,
                                                                   end: Int(attributes["endPosition"] ?? "") ?? -1))
        case "CodeRef" where stack.last == "Coding" && stack.dropLast().last == "PlainTextSelection":
            let source = sources.count - 1
            sources[source].selections[sources[source].selections.count - 1].codeRefs.append(attributes["targetGUID"] ?? "")
        case "Case":
            cases.append(ProjectCase(name: attributes["name"] ?? ""))
        case "SourceRef" where stack.last == "Case":
            cases[cases.count - 1].sourceRefs.append(attributes["targetGUID"] ?? "")
        default: break
        }
        stack.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        if name == "Code" { codeStack.removeLast() }
        if name == "Description", stack.last == "PlainTextSelection" {
            let source = sources.count - 1
            sources[source].selections[sources[source].selections.count - 1].description = text
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        failure = parseError
    }
}
