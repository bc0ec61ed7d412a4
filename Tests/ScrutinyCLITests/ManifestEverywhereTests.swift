import Foundation
import Testing

/// `--manifest` means the same in every command that reads documents: the items of
/// `recommendations` and `classify` and the rows of `count` carry the partnership, type and date it
/// gives, as `profile`, `survey` and `analyse` do. Until session 19 only those three took it, so one
/// corpus gave a document two partnerships depending on the command.
@Suite struct ManifestEverywhereTests {
    static let letter = "corpus/documents/calderwick-jtai-letter-2022.txt"

    static func manifest() throws -> URL {
        let file = try CLI.temporaryDirectory().appendingPathComponent("manifest.csv")
        try "file,partnership,document_type,date\ncalderwick-jtai-letter-2022.txt,Zedford,committee-report,2019-03\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Each row's partnership, document_type and date, by the CSV's header.
    static func described(_ csv: String) -> Set<String> {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first,
              let p = header.firstIndex(of: "partnership"), let t = header.firstIndex(of: "document_type"), let d = header.firstIndex(of: "date")
        else { return [] }
        return Set(lines.dropFirst().map { "\($0[p])|\($0[t])|\($0[d])" })
    }

    @Test(arguments: [["recommendations"], ["classify"], ["count"]])
    func theManifestDescribesTheRows(_ command: [String]) throws {
        let plain = try CLI.run(command + [Self.letter, "--format", "csv"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(Self.described(plain.stdout) == ["Calderwick|jtai-letter|2022-06"], "\(Self.described(plain.stdout))")
        let given = try CLI.run(command + [Self.letter, "--manifest", try Self.manifest().path, "--format", "csv"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(Self.described(given.stdout) == ["Zedford|committee-report|2019-03"], "\(Self.described(given.stdout))")
    }

    /// `evaluate` scores the items the manifest describes: its matches carry the manifest's
    /// partnership and type, so the coding measured is the one `analyse --manifest` gives (the
    /// type decides where the learned layer codes).
    @Test func evaluateScoresTheItemsTheManifestDescribes() throws {
        let gold = "document,kind,text\ncalderwick-jtai-letter-2022.txt,strength,The consistency with which referrals from partner agencies describe\n"
        func described(_ arguments: [String]) throws -> Set<String> {
            let result = try CLI.run(["evaluate", "--gold", "-", "--format", "json", Self.letter] + arguments, stdin: gold)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let matches = try #require(object["matches"] as? [[String: Any]])
            #expect(matches.count == 1)
            return Set(matches.compactMap { $0["found"] as? [String: Any] }.map { "\($0["partnership"] ?? "")|\($0["documentType"] ?? "")" })
        }
        #expect(try described([]) == ["Calderwick|jtai-letter"])
        #expect(try described(["--manifest", try Self.manifest().path]) == ["Zedford|committee-report"])
    }

    @Test func aManifestThatCannotBeReadFailsInOneLine() throws {
        let result = try CLI.run(["recommendations", Self.letter, "--manifest", "/nonexistent/manifest.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(try CLI.run(["classify", "--lines", Self.letter, "--manifest", try Self.manifest().path]).status == 64)
    }
}
