import Foundation
import Testing

/// What `evaluate` and `agree` say on standard error about a hand coding whose slips would move
/// the figures (session 47's audit of the statistics: each of these changed a figure without a
/// word). The gold rows are written from the corpus letter's own items, as a coder would.
@Suite struct EvaluateNotesTests {
    static let letter = "corpus/documents/calderwick-jtai-letter-2022.txt"

    /// The letter's listed items as `classify` codes them: kind, theme, sub-theme, text.
    static func items() throws -> [(kind: String, theme: String, subtheme: String, text: String)] {
        let result = try CLI.run(["classify", letter, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return rows.compactMap { row in
            guard let kind = row["kind"] as? String, let theme = row["theme"] as? String, let text = row["text"] as? String else { return nil }
            return (kind, theme, (row["subtheme"] as? String) ?? "", text)
        }
    }

    /// A gold CSV of `rows` (document, kind, theme, sub-theme, text) in a new folder.
    static func gold(_ rows: [[String]], form: Bool = false) throws -> URL {
        let folder = try CLI.temporaryDirectory()
        let file = folder.appendingPathComponent("gold.csv")
        let quoted = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
        try ((form ? "document,kind,theme,subtheme,form,text" : "document,kind,theme,subtheme,text") + "\n" + quoted.joined(separator: "\n") + "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// A theme the scheme lacks is named with its row and the theme it may have meant, for
    /// `--compare`'s scheme too (whose difference table would otherwise read as a finding).
    @Test func themesASchemeLacksAreNamedWithTheirRows() throws {
        let items = try Self.items()
        let rows = items.prefix(4).enumerated().map { index, item in
            ["calderwick-jtai-letter-2022.txt", item.kind, index == 1 ? "purpse" : item.theme, "", String(item.text.prefix(70))]
        }
        let gold = try Self.gold(rows)
        defer { try? FileManager.default.removeItem(at: gold.deletingLastPathComponent()) }
        let result = try CLI.run(["evaluate", "--gold", gold.path, Self.letter, "--bootstrap", "0", "--compare", "wt2023"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("--scheme wt2018 has no theme purpse (1 row, calderwick-jtai-letter-2022.txt line 3, did you mean purpose?)"),
                "\(result.stderr)")
        #expect(result.stderr.contains("--compare wt2023 has no theme"), "\(result.stderr)")
        #expect(result.stderr.contains("its figures compare nothing"))
    }

    /// Two rows coded otherwise whose texts begin alike pair in row order; a row cut under 60
    /// characters pairs with nothing: both said, with their lines.
    @Test func ambiguousAndShortPrefixesAreSaid() throws {
        let items = try Self.items()
        let first = try #require(items.first { $0.text.count > 90 })
        let second = try #require(items.first { $0.text.count > 90 && $0.text != first.text })
        let rows = [
            ["calderwick-jtai-letter-2022.txt", first.kind, "purpose", "", String(first.text.prefix(80))],
            ["calderwick-jtai-letter-2022.txt", first.kind, "leadership", "", String(first.text.prefix(70))],
            ["calderwick-jtai-letter-2022.txt", second.kind, second.theme, "", String(second.text.prefix(50))],
        ]
        let gold = try Self.gold(rows)
        defer { try? FileManager.default.removeItem(at: gold.deletingLastPathComponent()) }
        let result = try CLI.run(["evaluate", "--gold", gold.path, Self.letter, "--bootstrap", "0"])
        #expect(result.stderr.contains("1 pair of rows coded otherwise have texts one of which begins the other (calderwick-jtai-letter-2022.txt, lines 2 and 3)"),
                "\(result.stderr)")
        #expect(result.stderr.contains("1 row of fewer than 60 characters begins an item found but paired with none (calderwick-jtai-letter-2022.txt, line 4)"),
                "\(result.stderr)")
        // `agree` says both of a coding paired with one that writes the items out.
        let whole = try Self.gold(rows.map { row in [row[0], row[1], row[2], row[3], items.first { $0.text.hasPrefix(row[4]) }!.text] })
        defer { try? FileManager.default.removeItem(at: whole.deletingLastPathComponent()) }
        let agreed = try CLI.run(["agree", whole.path, gold.path])
        #expect(agreed.stderr.contains("second coding: rows coded otherwise have texts one of which begins the other"), "\(agreed.stderr)")
        #expect(agreed.stderr.contains("second coding: a row of fewer than 60 characters (calderwick-jtai-letter-2022.txt, line 4) begins a row of the other"))
    }

    /// With `--narrative`, a document whose gold has no narrative row has every narrative finding
    /// counted false: said; a gold folder's scope line `none` says it was coded for listed and
    /// explicit items only, and its narrative findings are then neither credited nor counted.
    @Test func narrativeFindingsOfADocumentCodedWithoutThemAreSaidOrScopedOut() throws {
        let items = try Self.items()
        let listed = try #require(items.first { $0.kind == "area_for_improvement" })
        let gold = try Self.gold([["calderwick-jtai-letter-2022.txt", listed.kind, listed.theme, listed.subtheme, String(listed.text.prefix(70)) ]])
        defer { try? FileManager.default.removeItem(at: gold.deletingLastPathComponent()) }
        let plain = try CLI.run(["evaluate", "--gold", gold.path, Self.letter, "--narrative", "--bootstrap", "0", "--format", "json"])
        #expect(plain.stderr.contains("--narrative: 1 document has no narrative row in --gold (calderwick-jtai-letter-2022.txt), so its"), "\(plain.stderr)")
        let falseFinds = try #require((try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])?["falseFinds"] as? [Any])
        #expect(falseFinds.count > 5)
        // The same coding as a gold folder with the document scoped out of narrative findings.
        let folder = gold.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scope"), withIntermediateDirectories: true)
        try "calderwick-jtai-letter-2022.txt\tnone\n".write(to: folder.appendingPathComponent("scope/calderwick.tsv"), atomically: true, encoding: .utf8)
        let scoped = try CLI.run(["evaluate", "--gold", folder.path, Self.letter, "--narrative", "--bootstrap", "0", "--format", "json"])
        #expect(scoped.status == 0 && !scoped.stderr.contains("--narrative:"), "\(scoped.stderr)")
        let left = try #require((try JSONSerialization.jsonObject(with: Data(scoped.stdout.utf8)) as? [String: Any])?["falseFinds"] as? [[String: Any]])
        #expect(left.allSatisfy { $0["form"] as? String != "narrative" }, "\(left)")
    }

    /// A document marked `none` that has item rows, and an item row with no theme, are said (the
    /// first is scored by its rows, the second is left out of the theme figures); a sheet whose
    /// columns are separated by tabs is told so, as one with semicolons is.
    @Test func contradictoryRowsAndTabsAreSaid() throws {
        let items = try Self.items()
        let rows = items.prefix(3).enumerated().map { index, item in
            ["calderwick-jtai-letter-2022.txt", item.kind, index == 2 ? "" : item.theme, "", String(item.text.prefix(70))]
        } + [["calderwick-jtai-letter-2022.txt", "none", "", "", ""]]
        let gold = try Self.gold(rows)
        defer { try? FileManager.default.removeItem(at: gold.deletingLastPathComponent()) }
        let result = try CLI.run(["evaluate", "--gold", gold.path, Self.letter, "--bootstrap", "0"])
        #expect(result.stderr.contains("--gold marks 1 document `none` that has item rows too (calderwick-jtai-letter-2022.txt)"), "\(result.stderr)")
        #expect(result.stderr.contains("--gold: 1 item row has no theme (calderwick-jtai-letter-2022.txt, line 4) and is left out of the theme figures"))
        let tabbed = gold.deletingLastPathComponent().appendingPathComponent("tabbed.csv")
        try "document\tkind\ttheme\tsubtheme\ttext\ncalderwick-jtai-letter-2022.txt\tstrength\tpurpose\t\tText.\n".write(to: tabbed, atomically: true, encoding: .utf8)
        let tabs = try CLI.run(["evaluate", "--gold", tabbed.path, Self.letter])
        #expect(tabs.status == 1 && tabs.stderr.contains("its columns are separated by semicolons or tabs"), "\(tabs.stderr)")
    }
}
