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
