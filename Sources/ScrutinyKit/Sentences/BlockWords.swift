/// The words of each of a document's blocks (``WordTokenizer``), made once for every stage that
/// reads them: the context sentences, the item finder and the inspection reader each tokenised
/// the same text again.
///
/// A sentence's words are its block's words within its range: a sentence ends after its
/// punctuation and the next opens after a space (``SentenceSplitter``), so no word runs across
/// the cut, and a word is a run of letters and digits, the same wherever the text it is read in
/// starts.
public struct BlockWords: Sendable {
    private let words: [[Word]]

    public init(_ document: Document) {
        words = document.blocks.map { WordTokenizer.words($0.text) }
    }

    /// The words of block `index` of the document (offsets in the block's text).
    public subscript(block index: Int) -> [Word] { words[index] }

    /// The words of block `index` within `range` of its text (as ``SentenceSplitter`` gives a
    /// sentence's), with offsets from the range's start: the words of the range's text.
    /// `from`: where to start looking, for sentences read in order (updated past the range).
    func words(ofBlock index: Int, in range: Range<Int>, from first: inout Int) -> [Word] {
        let all = words[index]
        while first < all.count, all[first].start < range.lowerBound { first += 1 }
        var end = first
        while end < all.count, all[end].end <= range.upperBound { end += 1 }
        defer { first = end }
        return all[first..<end].map { Word(text: $0.text, start: $0.start - range.lowerBound, end: $0.end - range.lowerBound) }
    }
}
