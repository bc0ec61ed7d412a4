/// The marks that open or close a quotation, straight and curly, single and double.
enum QuotationMarks {
    static let all: Set<Unicode.Scalar> = ["'", "\"", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}"]
}
