import ArgumentParser
import ScrutinyKit

/// Whether the partnerships a document quotes under labels count (`analyse`, `survey`, `profile`).
struct QuotedOption: ParsableArguments {
    @Flag(help: """
        Leave out the partnerships a document quotes under labels (the 2022 national survey's \
        "LSCP 7"): that document then counts as one with no partnership of its own, and the tables \
        of arrangements are of the partnerships whose own documents were read. By default each \
        label is a partnership of its own.
        """)
    var noQuotedPartnerships = false

    /// The lexicons' quoted partnerships, or none when they are left out.
    func quotes(_ lexicons: LexiconDirectory) throws -> QuotedPartnerships? {
        noQuotedPartnerships ? nil : try lexicons.quotedPartnerships()
    }
}
