import Foundation
import Testing
@testable import ScrutinyKit

/// The documents × categories table as CSV: a category named as a fixed column keeps a heading of
/// its own (session 42's audit: a category `words` gave two "words" columns, and Python's csv
/// module read the category's count as the document's words).
struct CategoryCountTableTests {
    @Test func aCategoryNamedAsAFixedColumnIsMarked() throws {
        let lexicon = try LIWCDictionary.parse("%\n1\twords\n2\tdate\n3\tcare\n%\nchild*\t1\npartner*\t2\ncare\t3\n", name: "d", path: "d.dic")
        let counter = CategoryCounter(lexicon: lexicon)
        let row = counter.count("The partners care for children and their children.", document: "a.txt")
        let csv = CategoryCountTable.csv([row], columns: counter.columns, measure: .count)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "document,partnership,document_type,date,era,words,words (category),date (category),care")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        #expect(Set(header).count == header.count, "every heading once")
        #expect(lines[1] == "a.txt,,,,,8,2,1,1")
        let markdown = CategoryCountTable.markdown([row], columns: counter.columns, measure: .count)
        #expect(markdown.contains("| document | words | words (category) | date | care |"), "\(markdown)")
    }

    /// JSON has every key in every entry (null where unknown), and a document without words has no
    /// percentages: null in JSON, empty in CSV (0 of 0 words is no share).
    @Test func unknownsAreNullAndNoWordsIsNoShare() throws {
        let lexicon = try LIWCDictionary.parse("%\n1\tcare\n%\ncare\t1\n", name: "d", path: "d.dic")
        let counter = CategoryCounter(lexicon: lexicon)
        let rows = [counter.count("We care.", document: "a.txt"), counter.count("... !!!", document: "b.txt")]
        #expect(rows[1].words == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(CategoryCountTable.json(rows, columns: counter.columns).utf8)) as? [[String: Any]])
        for entry in json {
            #expect(Set(entry.keys) == ["document", "partnership", "documentType", "date", "era", "words", "counts", "percent"], "\(entry)")
            #expect(entry["partnership"] is NSNull)
        }
        #expect((json[0]["percent"] as? [String: Any])?["care"] as? Double == 50)
        #expect((json[1]["percent"] as? [String: Any])?["care"] is NSNull)
        let csv = CategoryCountTable.csv(rows, columns: counter.columns, measure: .percent).split(separator: "\n")
        #expect(csv[1].hasSuffix(",2,50.0000") && csv[2].hasSuffix(",0,"), "\(csv)")
    }
}
