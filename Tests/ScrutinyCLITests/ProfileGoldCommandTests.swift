import Foundation
import Testing

/// `scrutiny profile --gold Tests/Gold/profiles ../shared/seeds ../shared/real`: the indicator
/// accuracy on the held-back partnerships and on the rest, as the README documents it, over the 32
/// indicators of the coded groups (who, how, what). The floors are just below the figures measured
/// in session 9 (held back 0.931, rest 0.954; issue 17 asks for 0.90 and 0.95, see NOTES.md): a
/// change that lowers either fails. Skipped when ../shared is absent.
@Suite struct ProfileGoldCommandTests {
    static let real = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/real")
    static var sharedExists: Bool { CLI.seedsExist && FileManager.default.fileExists(atPath: real.path) }

    /// "held back (25 partnerships): 0.931 (745 of 800 cells); …" → 0.931.
    static func accuracy(_ part: String, in output: String) -> Double? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(part + " (") }),
              let colon = line.range(of: "): ") else { return nil }
        return Double(line[colon.upperBound...].prefix { $0 != " " })
    }

    @Test(.enabled(if: sharedExists, "../shared is absent"))
    func heldBackAndRestAccuracyOnTheRealGold() throws {
        let result = try CLI.run(["profile", "--gold", "Tests/Gold/profiles", CLI.seeds.path, Self.real.path, "--show", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        print(result.stdout.split(separator: "\n").prefix(3).joined(separator: "\n"))
        let heldBack = try #require(Self.accuracy("held back", in: result.stdout))
        let rest = try #require(Self.accuracy("rest", in: result.stdout))
        #expect(result.stdout.contains("held back (25 partnerships)"))
        #expect(result.stdout.contains("rest (53 partnerships)"))
        #expect(result.stdout.contains("of the 32 indicators of the coded groups"))
        // `--show 0`: no heading over an empty list (session 31's user audit: "first 0 of 74").
        #expect(!result.stdout.contains("Disagreements ("), "\(result.stdout)")
        #expect(heldBack >= 0.929)
        #expect(rest >= 0.952)
        // Each figure with its 95% interval, drawn by partnership (25 and 53 of them), holding it.
        for (part, figure) in [("held back", heldBack), ("rest", rest)] {
            let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix(part + " (") })
            let match = try #require(line.firstMatch(of: /95% interval (0\.\d{3})–(0\.\d{3}|1\.000), by partnership\)/), "\(line)")
            let (low, high) = (Double(match.1)!, Double(match.2)!)
            #expect(low < figure && figure < high, "\(line)")
        }
        // Under each part, the stated values apart: the recall's counts are the line's "coded values
        // found", and the baseline of answering not_stated everywhere is the share of silent cells,
        // below the accuracy (session 37's second audit: the cells' accuracy alone flatters).
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for part in ["held back", "rest"] {
            let index = try #require(lines.firstIndex { $0.hasPrefix(part + " (") })
            let found = try #require(lines[index].firstMatch(of: /coded values found (\d+) of (\d+)/))
            let cells = try #require(lines[index].firstMatch(of: /\((\d+) of (\d+) cells/))
            let stated = lines[index + 1]
            #expect(stated.contains("stated values: recall ") && stated.contains("(\(found.1) of the \(found.2) the coding states; 95% interval "), "\(stated)")
            let precision = try #require(stated.firstMatch(of: /precision (0\.\d{3}) \((\d+) of the (\d+) the profiles state/))
            #expect(abs(Double(precision.1)! - Double(precision.2)! / Double(precision.3)!) < 0.0006)
            let baseline = try #require(stated.firstMatch(of: /would score (0\.\d{3})/))
            let silent = (Double(cells.2)! - Double(found.2)!) / Double(cells.2)!
            #expect(abs(Double(baseline.1)! - silent) < 0.0006, "\(stated)")
            #expect(Double(baseline.1)! < (part == "rest" ? rest : heldBack))
        }
    }
    /// JSON and CSV hold the same cells: an inspection indicator one partnership's documents
    /// state is `not_stated` for the others in both (the JSON left it out, session 39's audit).
    @Test(.enabled(if: RealDocuments.exist, "../shared/real is absent"))
    func profileJSONAndCSVHoldTheSameCells() throws {
        let paths = ["bexley-ofsted-cqc-send-area-2024.pdf", "bromley-ofsted-focused-visit-2021.pdf"]
            .map { RealDocuments.folder.appendingPathComponent($0).path }
        let csv = try CLI.run(["profile", "--format", "csv"] + paths)
        let json = try CLI.run(["profile", "--format", "json"] + paths)
        #expect(csv.status == 0 && json.status == 0, "\(csv.stderr)\(json.stderr)")
        let rows = csv.stdout.split(separator: "\n").dropFirst().map { line in line.split(separator: ",", omittingEmptySubsequences: false) }
        let fromCSV = Set(rows.map { "\($0[0]) \($0[1]) \($0[2])" })
        let profiles = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        var fromJSON = Set<String>()
        for profile in profiles {
            let indicators = try #require(profile["indicators"] as? [String: [String: Any]])
            for (id, result) in indicators { fromJSON.insert("\(profile["partnership"] ?? "") \(id) \(result["value"] ?? "")") }
        }
        #expect(fromCSV.contains("Bromley inspection.inspection_outcome not_stated"))
        #expect(fromJSON == fromCSV)
    }

    /// Partnerships none of whose coded documents was read are not measured: left out of the
    /// figures with a note, and a run that read none of them fails (session 38's audit: a wrong
    /// folder "scored" 0.854, every cell not_stated, without a word). `--format` and `--show`
    /// outside their use are usage errors.
    @Test func partnershipsWhoseDocumentsWereNotReadAreNotMeasured() throws {
        let none = try CLI.run(["profile", "--gold", "Tests/Gold/profiles", "corpus/documents/hartsey-annual-report-2022.md"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("--gold: none of the documents the coding names was read, so nothing was measured"), "\(none.stderr)")
        #expect(none.stdout.isEmpty)
        #expect(try CLI.run(["profile", "--gold", "Tests/Gold/profiles", "corpus/documents", "--format", "json"]).status == 64)
        #expect(try CLI.run(["profile", "corpus/documents", "--show", "3"]).status == 64)
        #expect(try CLI.run(["profile", "corpus/documents", "--show-heldout"]).status == 64)
        guard Self.sharedExists else { return }
        let some = try CLI.run(["profile", "--gold", "Tests/Gold/profiles", CLI.seeds.path, "--show", "0"])
        #expect(some.status == 0, "\(some.stderr)")
        let left = try #require(some.stderr.firstMatch(of: /--gold: (\d+) of 78 coded partnerships left out of the figures/), "\(some.stderr)")
        let named = try #require(some.stdout.firstMatch(of: /not measured \((\d+) partnerships; none of the documents their rows name was read\): (.+)/))
        #expect(left.1 == named.1 && Int(left.1)! > 0)
        let scored = [some.stdout.firstMatch(of: /held back \((\d+) partnerships\)/), some.stdout.firstMatch(of: /rest \((\d+) partnerships\)/)]
            .compactMap { $0.map { Int($0.1)! } }
        #expect(scored.count == 2 && scored.reduce(0, +) + Int(left.1)! == 78, "\(some.stdout)")
    }
}
