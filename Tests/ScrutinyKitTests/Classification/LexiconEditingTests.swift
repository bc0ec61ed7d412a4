import Foundation
import Testing
import Yams
@testable import ScrutinyKit

/// A person editing a lexicon or a rule file meets one clear line for each slip, with its line:
/// until session 19 a duplicated key printed the whole file, a tab the decoder's debug
/// description, and a weight without its space or a regular expression passed in silence.
@Suite struct LexiconEditingTests {
    static func error(_ yaml: String) -> String {
        do {
            _ = try LexiconFile.parse(yaml, name: "t", path: "t.yml")
            return ""
        } catch {
            return error.errorDescription ?? ""
        }
    }

    /// `_codes` (a codebook's GUIDs, written by `lexicon import-codebook`) names categories of the
    /// file, each with a GUID of its own; it goes back out as it came in.
    @Test func aCodebooksGUIDsAreCheckedAndWrittenBack() throws {
        let yaml = "_codes:\n  care: a182cd3a-d83c-4d8c-bc80-26d9103ec6d6\n  care.virtue: 2D2466F0-D77F-4F8C-BDF9-628966B6B74D\ncare:\n  virtue: [kind*]\n"
        let lexicon = try LexiconFile.parse(yaml, name: "t")
        #expect(lexicon.codeGUIDs == ["care": "A182CD3A-D83C-4D8C-BC80-26D9103EC6D6", "care.virtue": "2D2466F0-D77F-4F8C-BDF9-628966B6B74D"])
        let again = try LexiconFile.parse(LexiconFile.render(lexicon), name: "t")
        #expect(again.codeGUIDs == lexicon.codeGUIDs && again.allCategories.map(\.path) == lexicon.allCategories.map(\.path))
        #expect(!LexiconFile.render(lexicon, quanteda: true).contains("_codes"))
        #expect(Self.error("_codes:\n  harm: A182CD3A-D83C-4D8C-BC80-26D9103EC6D6\ncare: [kind*]\n")
            == "cannot use t.yml (line 2): `_codes` names `harm`, which is no category of this file; fix the file and try again")
        #expect(Self.error("_codes:\n  care: 12345\ncare: [kind*]\n").contains("`12345` (the code of `care`) is no GUID"))
        #expect(Self.error("_codes:\n  care: A182CD3A-D83C-4D8C-BC80-26D9103EC6D6\n  care.virtue: A182CD3A-D83C-4D8C-BC80-26D9103EC6D6\ncare:\n  virtue: [kind*]\n")
            .contains("is given to two categories"))
    }

    /// A weight in plain digits is read as Yams reads it; any other spelling is left to Yams.
    @Test func plainWeightsAreReadAsYamsReadsThem() throws {
        var generator = SplitMix64(seed: 354)
        var spellings = ["0.84", "-1", "2", "0", "-0", "10.25", "007", "-.5", "1_000", ".5", "5.", "1e3", "-", "1.2.3", "--1", "1-2", "0x10", "+3"]
        for _ in 0..<300 {
            spellings.append(String((0..<Int.random(in: 1...6, using: &generator)).map { _ in Array("0123456789.-")[Int.random(in: 0..<12, using: &generator)] }))
        }
        for spelling in spellings {
            let node = try #require(try Yams.compose(yaml: spelling, .basic))
            if let plain = LexiconFile.plainNumber(node) {
                #expect(plain == node.float, "\(spelling)")
            }
        }
        #expect(LexiconFile.plainNumber(try #require(try Yams.compose(yaml: "0.84", .basic))) == 0.84)
        #expect(LexiconFile.plainNumber(try #require(try Yams.compose(yaml: "1_000", .basic))) == nil)
        let lexicon = try LexiconFile.parse("a:\n  - plans: 0.84\n  - visits: 1_000\n  - audits: -2\n", name: "t")
        #expect(lexicon.categories[0].terms.map(\.weight) == [0.84, 1000, -2])
    }

    @Test func aDuplicatedKeyIsNamedAtItsSecondLine() {
        let message = Self.error("purpose:\n  safeguarded:\n    - neglect\n  learning:\n    - reviews\n  safeguarded:\n    - harm\n")
        #expect(message == "cannot use t.yml (line 6): the key 'safeguarded' appears twice in one mapping; merge the two into one; fix the file and try again")
    }

    @Test func aTabIsCalledATab() {
        let message = Self.error("purpose:\n  safeguarded:\n\t- neglect\n")
        #expect(message == "cannot use t.yml (line 3): a tab indents this line; YAML indents with spaces only; fix the file and try again")
        #expect(!message.contains("\n"))
    }

    @Test func aRuleFileOfTheWrongShapeSaysWhere() throws {
        do {
            _ = try DataFiles.decode([String: [String]].self, from: "sections:\n  area: not a list\n", path: "items.yml")
            Issue.record("decoded")
        } catch {
            let message = error.errorDescription ?? ""
            #expect(!message.contains("DecodingError") && !message.contains("\n"), "\(message)")
            #expect(message.contains("items.yml"), "\(message)")
        }
    }

    @Test func slipsInTermsAreWarnedOf() throws {
        let lexicon = try LexiconFile.parse("purpose:\n  safeguarded:\n    - roma:2\n    - s(47|11) audit\n    - neglect: 2\n    - front door\n", name: "t")
        let problems = LexiconChecker.check(lexicon)
        #expect(problems.map(\.line) == [3, 4])
        #expect(problems[0].message.contains("a weight needs a space after its colon (`roma: 2`)"))
        #expect(problems[1].message.contains("not a regular expression"))
    }
}
