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
}
