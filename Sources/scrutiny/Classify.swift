import ArgumentParser
import Foundation
import ScrutinyKit

extension Scrutiny {
    struct Classify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Code each recommendation to a theme and sub-theme, with the words that decided it.",
            usage: "scrutiny classify [<options>] <path> ...\nscrutiny classify [<options>] --lines <file>",
            discussion: """
                Finds the items of each document (as `scrutiny recommendations` does) and codes recommendations, \
                areas for improvement and strengths against a scheme: `wt2018` (purpose, process, leadership \
                and their twelve sub-themes), `wt2023` (leadership, partnership, assurance, practice, learning and \
                their twenty-six sub-themes, from Working Together 2023), `auto` (each document against its era's \
                scheme, with the other scheme's coding beside it where the two differ), `six-steps`, `topics`, or your own lexicon (a quanteda-style YAML \
                file, a LIWC .dic or a WordStat .cat file). The item's own words count fully, the section headings above it and \
                its actor less; an item whose best theme scores below the scheme's threshold is `unclassified`. \
                Procedural items are not coded. A scheme's learned layer (NAME.learned.yml beside NAME.yml, \
                written by `scrutiny lexicon learn`; wt2018 has one, fitted on inspection letters and reports) \
                adds its word weights to items of the document types it was learned from, shown as `learned` \
                in --explain.

                With --lines, a list pasted from a document or an e-mail (a file, or standard input, `-`; \
                a Word, OpenDocument, PDF or HTML file is read as its paragraphs and list items) \
                gives one item per item: for checking your own list. Markers and labels ("1.", "•", \
                "R1:", "Recommendation 3 -") are taken off; a line wrapped in the middle of an item, and the \
                points under an item that ends in a colon, join their item; headings, greetings, sign-offs and \
                what follows them, page numbers, and titles or names standing alone are left out, and a note \
                on standard error says which. Items are recommendations, but under a heading that announces \
                another kind ("Strengths:", "Areas for improvement") they are of that kind, and a line that \
                asks nothing and judges ("Leadership of the partnership is strong") is a strength or an area \
                for improvement; one that neither asks nor judges ("The letter notes that …") is description, \
                and a reply under an item ("Response: Agreed.") answers it: both are left out.

                Examples:
                  scrutiny classify report.pdf --explain
                  scrutiny classify --lines my-recommendations.txt
                  pbpaste | scrutiny classify --lines -          # macOS clipboard
                  xclip -o -selection clipboard | scrutiny classify --lines -
                  scrutiny classify --lines "My recommendations.docx" --format csv -o coded.csv
                  scrutiny classify reports/ --scheme my-lexicon.yml --format jsonl
                """
        )

        enum Format: String, OutputFormat {
            case table, csv, json, jsonl
            static let standard = Format.table
        }

        @OptionGroup var input: InputOptions
        @OptionGroup var corpus: CorpusOptions
        @OptionGroup var lexicons: LexiconOptions
        @OptionGroup var itemOptions: ItemOptions
        @OptionGroup var csv: CSVOptions

        @OptionGroup var schemeOption: SchemeOption<SchemeByEra>
        var scheme: String { schemeOption.scheme }

        @Option(help: ArgumentHelp("Classify the items of this list, one a line, wrapped lines and sub-points joined (- for standard input), instead of reading documents.", valueName: "file"))
        var lines: String?

        @OptionGroup var formatOption: FormatOption<Format>
        @OptionGroup var outputOption: OutputOption<PrintedFileOutput>
        var format: Format { formatOption.format(writing: outputOption.output) }

        @Flag(help: "Show every matched term, where it stands and what it added (table format).")
        var explain = false

        /// Which matches JSON lists.
        enum KeptMatches: String, ExpressibleByArgument, CaseIterable {
            case all, deciding
        }

        @Option(help: ArgumentHelp("JSON and JSONL: list every match (all: with the learned layer's weight of every word under "
            + "every sub-theme, which the scores are made of) or only those that decided the theme (deciding: as the CSV's "
            + "evidence shows them; about a seventh of the size).", valueName: "all|deciding"))
        var matches: KeptMatches = .all

        func validate() throws {
            try formatOption.checkExtension(of: outputOption.output, command: "classify")
            if lines == nil { try input.requirePaths() }
            try input.requireOneStandardInput([corpus.manifest])
            if let lines, !input.paths.isEmpty {
                // "--lines my recs.txt": a name with spaces typed without quotes (session 45's audit).
                if let name = unquotedNames([lines] + input.paths).first, name.hasPrefix(lines + " ") {
                    throw ValidationError("--lines: \(ShellQuoting.quoted(name)) is a file: a name with spaces goes in quotes "
                        + "(--lines \(ShellQuoting.quoted(name)))")
                }
                throw ValidationError("--lines: give either --lines or documents, not both")
            }
            if lines != nil, itemOptions.narrative {
                throw ValidationError("--narrative: goes with documents; every line given with --lines is an item already")
            }
            if lines != nil, corpus.manifest != nil { throw ValidationError("--manifest: goes with documents; lines given with --lines have no file to describe") }
            try csv.requireCSV(format == .csv, formatOption.described(writing: outputOption.output))
            if matches != .all, format != .json, format != .jsonl {
                throw ValidationError("--matches: goes with --format json or jsonl; the table's \"decided by\" and the CSV's evidence "
                    + "hold the deciding matches already")
            }
            if explain, format != .table {
                throw ValidationError("--explain: goes with the table format; CSV has every match in its evidence column and JSON in `matches`")
            }
        }

        func run() async throws {
            let printed = try PrintedFile.open(outputOption.output, reading: input.paths + [corpus.manifest, lines, schemeOption.scheme],
                                               within: [lexicons.folderPath])
            defer { printed?.finish(input.diagnostics) }
            let classifier = try lexicons.classifier(scheme: scheme == "auto" ? "wt2018" : scheme)
            // A skeleton from `lexicon import-codebook` has categories and no terms yet: every item
            // would be unclassified without a word (session 37's third audit).
            if classifier.scheme.learned == nil, classifier.scheme.lexicon.allCategories.allSatisfy(\.terms.isEmpty) {
                input.diagnostics.note("--scheme \(scheme): \(classifier.scheme.name) has no terms yet, so every item is unclassified; "
                    + "add terms under its categories (`- term`, `- phrase*: 2`) and `scrutiny lexicon check` it")
            }
            let items: [Recommendation]
            var pasted: (text: String, headings: [String])?
            if let lines {
                let read = try readLines(lines, finder: try lexicons.finder(itemOptions))
                items = read.items
                pasted = (read.text, read.headings)
                // Lines have no document type, so a layer kept to some types does not code them.
                // Under `--scheme auto` the lines' era chooses the scheme, and says so below.
                if scheme != "auto", classifier.scheme.learned != nil, let types = classifier.scheme.learnedDocumentTypes {
                    input.diagnostics.note("--lines: coded by \(classifier.scheme.name) alone; its learned layer applies to items of "
                        + "\(types.sorted().joined(separator: " and ")) documents, so the same sentence read in such a document may be coded otherwise")
                }
            } else {
                let finder = try lexicons.finder(itemOptions)
                let read = try readItems(input, lexicons: lexicons, finder: finder, manifest: try corpus.loadManifest(lexicons: lexicons), hintLists: true)
                printed?.keepEarlierFile(ifNothingRead: read.documents.isEmpty)
                // Nothing read: the table a person reads says nothing, as in `recommendations` (the
                // lines on standard error do); the machine formats keep their shape.
                if read.documents.isEmpty, format == .table { try input.diagnostics.collector.finish() }
                items = read.items
            }
            if scheme == "auto" {
                let eraClassifier = try lexicons.eraClassifier()
                var items = items
                // Lines have no date: their own words ("lead safeguarding partners", "Working
                // Together 2023") choose the era, as an undated document's do (session 37's audit).
                // A month and year in the headings above the items dates the list (session 45's audit).
                if let pasted, !items.isEmpty {
                    let (finding, date) = EraDetector(rules: eraClassifier.eras).detect(lines: pasted.text.split(separator: "\n"),
                                                                                        headings: pasted.headings)
                    for index in items.indices { items[index].era = finding.era }
                    // "wt2023: lead safeguarding partner*": an era's cues, without the era.
                    func cues(_ era: String?, _ count: Int = 3) -> String {
                        finding.cues.filter { era == nil || $0.hasPrefix(era! + ": ") }.prefix(count)
                            .map { "\"\($0.split(separator: " ", maxSplits: 1).last ?? "")\"" }.joined(separator: ", ")
                    }
                    let scheme = items.first.map(eraClassifier.scheme(for:)) ?? eraClassifier.fallback
                    let note: String
                    if let era = finding.era, let date, finding.byDate == era {
                        note = "--lines: coded against \(scheme), the scheme of the \(era) era of the date in the lines' heading (\(date))"
                    } else if let era = finding.era {
                        note = "--lines: coded against \(scheme), the scheme of the \(era) era the lines' own words name (\(cues(era)))"
                    } else if !finding.cues.isEmpty {
                        // Cues of more than one era, none ahead: not "no era named" (session 45's audit).
                        note = "--lines: the lines name more than one era (\(cues(nil, 4))) and none leads, so coded against \(eraClassifier.fallback); "
                            + "give --scheme wt2023 to code them against the 2023 guidance"
                    } else {
                        note = "--lines: no era named in the lines' words and no date in their headings, so coded against \(eraClassifier.fallback); "
                            + "give --scheme wt2023 to code them against the 2023 guidance"
                    }
                    input.diagnostics.note(note)
                }
                var codings = eraClassifier.classify(items.filter { $0.kind != .procedural })
                if matches == .deciding {
                    for index in codings.indices {
                        codings[index].item = codings[index].item.keepingDecidingMatchesOnly
                        codings[index].other = codings[index].other?.keepingDecidingMatchesOnly
                    }
                }
                noteProcedural(items.count - codings.count)
                switch format {
                case .json: emit(JSONOutput.render(codings) + "\n")
                case .jsonl: JSONOutput.writeLines(codings, jobs: input.jobs, to: emit)
                case .csv: emit(csv.finish(EraCodingTable.csv(codings)))
                case .table:
                    emit(EraCodingTable.markdown(codings))
                    // Each item explained under its era's scheme (session 37's second audit: the
                    // explanation was dropped without a word).
                    if explain { emit("\nEach item under the scheme of its era:\n" + ClassificationTable.explanations(codings.map(\.item))) }
                }
                try input.diagnostics.collector.finish()
                return
            }
            // One batch: the items share the classifier's buffers and the matching of their section headings.
            var classified = classifier.classify(items.filter { $0.kind != .procedural })
            if matches == .deciding { classified = classified.map(\.keepingDecidingMatchesOnly) }
            noteProcedural(items.count - classified.count)
            switch format {
            case .json: emit(JSONOutput.render(classified.map(ClassificationJSON.init)) + "\n")
            case .jsonl: JSONOutput.writeLines(classified.map(ClassificationJSON.init), jobs: input.jobs, to: emit)
            case .csv: emit(csv.finish(ClassificationTable.csv(classified)))
            case .table: emit(ClassificationTable.markdown(classified, explain: explain))
            }
            try input.diagnostics.collector.finish()
        }

        /// Procedural items (a committee's decisions about the report) have no theme: said, so that
        /// a join with `recommendations` on `id` is not surprised by the missing rows.
        func noteProcedural(_ count: Int) {
            guard count > 0 else { return }
            input.diagnostics.note("left out \(count) procedural item\(count == 1 ? "" : "s") (decisions about the report itself, "
                + "which have no theme; `scrutiny recommendations` lists them)")
        }

        /// A line for a note: whole up to 40 characters, else cut at a word with "…".
        static func shortened(_ line: String) -> String {
            // A Markdown heading is named by its words ("Recommendations", not "#### Recommendations").
            let line = line.firstMatch(of: /^#{1,6}\s+/).map { String(line[$0.range.upperBound...]) } ?? line
            guard line.count > 40 else { return line }
            let cut = line.prefix(40)
            return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
        }

        /// The first three of `lines`, shortened and quoted for a note, " …" after them if there are more.
        static func quoted(_ lines: [String]) -> String {
            lines.prefix(3).map { "\"\(TerminalText.escaped(shortened($0)))\"" }.joined(separator: ", ") + (lines.count > 3 ? " …" : "")
        }

        /// The items of the pasted lines at `path`, the text they were read from, and the lines left
        /// out as headings, titles and the like (which may date the list).
        func readLines(_ path: String, finder: RecommendationFinder) throws -> (items: [Recommendation], text: String, headings: [String]) {
            let data: Data
            if path == "-" {
                do { data = Data(try StandardInput.read()) } catch { throw runFailure("--lines: cannot read standard input: \(error.cause)") }
            } else {
                guard let contents = FileManager.default.contents(atPath: path) else {
                    throw runFailure("--lines: cannot read \(path); check the path")
                }
                data = contents
            }
            let name = path == "-" ? "stdin" : (path as NSString).lastPathComponent
            let shownPath = path == "-" ? "standard input" : path
            let bytes = [UInt8](data)
            let listText: String
            // A list kept in a Word, OpenDocument, PDF or web page is read as its document, each
            // paragraph and list item a line (a scrutineer's audit, session 42: a .docx was refused).
            // A PDF decoded as text had its operators as items ("%PDF-1.4": session 39's re-audit).
            if let format = try? DocumentReader.format(of: bytes, path: path == "-" ? "stdin.txt" : path),
               [.pdf, .docx, .odt, .html].contains(format) {
                do {
                    let document = try DocumentReader().read(bytes: bytes, path: path == "-" ? "stdin" : path)
                    // A heading of a Word, OpenDocument or web page stays one ("### Next steps"); a
                    // PDF's are guessed from the type's size, so its lines are given as they stand.
                    listText = document.blocks.map { block in
                        block.kind == .heading && format != .pdf ? "### " + block.text : block.text
                    }.joined(separator: "\n")
                    input.diagnostics.note("--lines: read \(shownPath) as \(format.label), each paragraph and list item a line")
                    // A whole report, not a list: its items are better found as a document's are
                    // (session 45's audit: a council paper's "Report to: Cabinet" and "Key decision
                    // No" came out as recommendations).
                    let headings = document.blocks.filter { $0.kind == .heading }.count
                    if headings >= 3 {
                        input.diagnostics.note("--lines: \(shownPath) reads as a whole document (\(headings) headings); to find the items "
                            + "it holds, with their sections and kinds, give it without --lines: scrutiny classify \(ShellQuoting.quoted(path))")
                    }
                } catch {
                    throw runFailure("--lines: \(error.errorDescription ?? "cannot read \(shownPath)")")
                }
            } else if !data.starts(with: Array("{\\rtf".utf8)), let decoded = TextDecoding.decode(bytes) {
                listText = decoded.text
            } else {
                throw runFailure("--lines: \(shownPath) is neither text nor a document scrutiny reads (PDF, Word, OpenDocument, HTML); save the list as text")
            }
            let list = PastedList(listText, finder: finder)
            if list.headings > 0 {
                input.diagnostics.note("--lines: left out \(list.headings) heading\(list.headings == 1 ? "" : "s") or lead-in\(list.headings == 1 ? "" : "s") "
                    + "(\(Self.quoted(list.headingLines)))")
            }
            if !list.leftOut.isEmpty {
                input.diagnostics.note("--lines: left out \(list.leftOut.count) line\(list.leftOut.count == 1 ? "" : "s") that \(list.leftOut.count == 1 ? "is" : "are") no item "
                    + "(greetings, sign-offs and what follows them, page numbers, titles and names standing alone: \(Self.quoted(list.leftOut)))")
            }
            if !list.replies.isEmpty {
                input.diagnostics.note("--lines: left out \(list.replies.count) line\(list.replies.count == 1 ? "" : "s") answering the item above "
                    + "(\(Self.quoted(list.replies)))")
            }
            if !list.described.isEmpty {
                input.diagnostics.note("--lines: left out \(list.described.count) line\(list.described.count == 1 ? "" : "s") that "
                    + "\(list.described.count == 1 ? "asks" : "ask") nothing and \(list.described.count == 1 ? "judges" : "judge") nothing, description "
                    + "(\(Self.quoted(list.described))); under a heading naming a kind (\"Areas for improvement:\") such a line is one")
            }
            // Cut input fails the run, as a document read with errors does.
            if list.cut.count > 0 {
                let megabytes = String(format: "%.1f", Double(list.cut.longest) / 1_048_576)
                input.diagnostics.collector.problem("--lines: read \(shownPath) with errors: "
                    + "\(list.cut.count == 1 ? "an item of \(megabytes) MB was" : "\(list.cut.count) items up to \(megabytes) MB were") "
                    + "cut at the \(DocumentReader.maximumBlockBytes >> 20) MB limit for one item")
            }
            // Nothing to classify is a failure, as an empty document is for every other command.
            if list.items.isEmpty {
                let blank = listText.allSatisfy(\.isWhitespace)
                // Line ends alone are an empty list; spaces and tabs are said to be there.
                let cause = listText.allSatisfy(\.isNewline) ? "is empty" : blank ? "holds only white space"
                    : "holds no lines to classify (every line was a heading, a greeting, a reply, description or no item)"
                throw runFailure("--lines: \(shownPath) \(cause)")
            }
            var items: [Recommendation] = []
            for (index, text) in list.items.enumerated() {
                let id = name + "-" + String(format: "%03d", index + 1)
                items.append(finder.recommendation(line: text, id: id, document: name, announced: list.announcedKinds[index],
                                                  listed: list.listed[index]))
            }
            // The lines left out before the items (a title standing alone) may date the list too.
            return (items, listText, list.headingLines + list.leftOut)
        }
    }
}
