import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    struct Agree: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how far two hand codings agree: items, kind, form, theme and sub-theme, with Cohen's kappa and Krippendorff's alpha.",
            usage: "scrutiny agree [<options>] <first> <second>",
            discussion: """
                The agreement between two coders is the ceiling a tool's agreement with either can be judged \
                against. Each coding is a CSV in the annotation format (document,kind,theme,subtheme,text; form, \
                theme2 and subtheme2 where it has them) or a gold folder, as `evaluate --gold` takes. Only the \
                documents both codings name are compared, a document known by its file's name without folders \
                or extension (so a path, a Windows path or a PDF's text version name one document), with the \
                documents a coder marks `none`. Their rows are paired one to one by their words, as `evaluate` \
                pairs items with annotations, whichever coding comes first (a prefix pairs with its whole \
                sentence, and may end inside a word). Themes are compared in lower case. Over the pairs come \
                agreement, Cohen's kappa and Krippendorff's alpha (nominal) for kind, form and theme, agreement \
                for sub-theme (where both give one; rows with a sub-theme in one coding only are counted and left out), and theme agreement with either coder's runner-up counted.

                The theme figures come with 95% intervals: the documents drawn again with replacement (by row \
                with fewer than 10 documents), as `evaluate` draws them. A second coding of a sample of items \
                (a second coder coding the first's items again) pairs every row it has: its `items` figure is \
                the sample's share of the first's rows, not agreement on what is an item. In JSON the theme \
                figures name the first coding `gold` and the second `predicted`, as `evaluate`'s do.

                Examples:
                  scrutiny agree first-coder.csv second-coder.csv
                  scrutiny agree Tests/Gold/real Tests/Gold/real/second-coding.csv
                  scrutiny agree coding-a.csv coding-b.csv --format json > agreement.json
                  scrutiny classify reports/ --format csv > tool.csv
                  scrutiny agree my-coding.csv tool.csv
                """)

        enum Format: String, OutputFormat {
            case table, json
            static let standard = Format.table
        }

        @Argument(help: ArgumentHelp("The first coding: a CSV or a gold folder; `-` reads standard input.", valueName: "first"))
        var first: String

        @Argument(help: ArgumentHelp("The second coding, of the same documents.", valueName: "second"))
        var second: String

        @OptionGroup var formatOption: FormatOption<Format>
        @OptionGroup var outputOption: OutputOption<PrintedFileOutput>
        var format: Format { formatOption.format(writing: outputOption.output) }

        @OptionGroup var showOption: ShowOption
        /// The rows of each list given (table format).
        var show: Int { showOption.show ?? 20 }

        @OptionGroup var diagnostics: DiagnosticOptions

        func validate() throws {
            try formatOption.checkExtension(of: outputOption.output, command: "agree")
            if first == StandardInput.path, second == StandardInput.path {
                throw ValidationError("`-` (standard input) is given twice; it can be read once, so give it for one coding at most")
            }
        }

        func run() async throws {
            let printed = try PrintedFile.open(outputOption.output, reading: [first, second], within: [first, second])
            defer { printed?.finish(diagnostics) }
            let (one, other) = (try Self.coding(first), try Self.coding(second))
            let agreement = CoderAgreement(first: one, second: other)
            if agreement.documents == 0 {
                throw runFailure("the two codings name no document in common, so nothing was compared (a row names its document by file name)")
            }
            if let names = agreement.merged.first {
                diagnostics.note("files of one name in several folders are compared as one document (\(names.joined(separator: ", "))"
                    + "\(agreement.merged.count > 1 ? "; \(agreement.merged.count - 1) more such" : "")): a document is known by its file's name; "
                    + "rename the files to keep them apart")
            }
            // A copied row pairs with nothing in the other coding, and reads as a disagreement.
            for (name, coding, unpaired, otherCoding) in [("first", one, agreement.onlyFirst, other), ("second", other, agreement.onlySecond, one)] {
                let copies = Self.copies(unpaired, in: coding, codedIn: otherCoding)
                guard let copy = copies.first else { continue }
                diagnostics.note("\(name) coding: \(copies.count) row\(copies.count == 1 ? " repeats" : "s repeat") another row "
                    + "(the same document, kind and text: \(copy.document), line \(copy.line)\(copies.count > 1 ? " …" : "")) and pairs with nothing "
                    + "in the other; keep one row per item")
            }
            // Rows one of whose texts begins the other's, coded otherwise, pair in row order; a row
            // under 60 characters that begins a row of the other coding pairs with none (session
            // 47's audit: both moved the figures without a word).
            for (name, coding, unpaired, otherUnpaired) in [("first", one, agreement.onlyFirst, agreement.onlySecond),
                                                             ("second", other, agreement.onlySecond, agreement.onlyFirst)] {
                let named = Set((name == "first" ? other : one).annotations.map { CoderAgreement.documentKey($0.document) })
                if let (a, b) = coding.ambiguousPrefixes.first(where: { named.contains(CoderAgreement.documentKey($0.0.document)) }) {
                    diagnostics.note("\(name) coding: rows coded otherwise have texts one of which begins the other (\(a.document), lines \(a.line) "
                        + "and \(b.line)), so they pair with the other coding's rows in row order; give each enough of its item's text to tell them apart")
                }
                if let short = unpaired.first(where: { row in
                    row.text.count < 60 && otherUnpaired.contains { CoderAgreement.documentKey($0.document) == CoderAgreement.documentKey(row.document)
                        && GoldSet.begins(row.text, $0.text) }
                }) {
                    diagnostics.note("\(name) coding: a row of fewer than 60 characters (\(short.document), line \(short.line)) begins a row of the other "
                        + "but pairs with none; a prefix pairs from 60 characters")
                }
            }
            // A theme one coding alone uses, a slip from one the other uses ("purpse"), is a
            // category of its own in kappa: said with its line (session 47's audit).
            for (name, coding, otherCoding) in [("first", one, other), ("second", other, one)] {
                let theirs = Array(Set(otherCoding.annotations.compactMap(\.theme)))
                for row in coding.annotations {
                    guard let theme = row.theme, !theirs.contains(theme), let meant = theme.nearest(among: theirs) else { continue }
                    diagnostics.note("\(name) coding: the theme \(theme) (\(row.document), line \(row.line)) is not in the other coding; "
                        + "did you mean \(meant)? As written it is a theme of its own")
                    break
                }
            }
            switch format {
            case .json: emit(JSONOutput.render(agreement) + "\n")
            case .table: emit(AgreementText.render(agreement, names: (StandardInput.describe(first), StandardInput.describe(second)), show: show))
            }
            try diagnostics.collector.finish()
        }

        /// The rows of `rows` of which `coding` has more copies (document, kind and text) than
        /// `other` has rows of those words in that document, where `other` has one at least: an
        /// item coded twice by one coder and once by the other. (Two items of one document can
        /// share an 80-character prefix, as two of Plymouth's do; a coding of a sample holds neither.)
        static func copies(_ rows: [Annotation], in coding: GoldSet, codedIn other: GoldSet) -> [Annotation] {
            func key(_ row: Annotation) -> [String] { [CoderAgreement.documentKey(row.document), row.text] }
            let mine = Dictionary(coding.annotations.map { (key($0), 1) }, uniquingKeysWith: +)
            let theirs = Dictionary(other.annotations.map { (key($0), 1) }, uniquingKeysWith: +)
            return rows.filter { row in (mine[key(row)] ?? 0) > 1 && (1..<(mine[key(row)] ?? 0)).contains(theirs[key(row)] ?? 0) }
        }

        static func coding(_ path: String) throws -> GoldSet {
            let coding: GoldSet
            do {
                coding = try GoldSet.load(path: path)
            } catch {
                throw runFailure(error.errorDescription ?? "cannot read \(StandardInput.describe(path))")
            }
            if coding.annotations.isEmpty, coding.itemless.isEmpty {
                throw runFailure("\(StandardInput.describe(path)) holds no row of hand coding (a row needs document, kind and text)")
            }
            return coding
        }
    }
}
