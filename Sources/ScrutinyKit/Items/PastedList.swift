import Foundation

/// The items of a list pasted from a document or an e-mail (`classify --lines`), one to a line
/// as the person meant them: a heading that announces them ("Recommendations") left out; a
/// greeting, a sign-off and the signature after it, page numbers and page furniture, lone markers
/// and a title or name standing alone left out; a line broken where the text was wrapped
/// (the next line going on in lower case), and a word broken at a line's end, joined; an item
/// that ends in a colon taking the points under it as its parts; each item's marker ("1.", "•")
/// and label ("R1:", "Recommendation 3 –") taken off its text.
public struct PastedList: Sendable {
    /// The items' texts, in order.
    public var items: [String]
    /// For each item, the kind the heading or lead-in above it announced ("Strengths",
    /// "Areas for improvement:"), if one did.
    public var announcedKinds: [Recommendation.Kind?]
    /// For each item, whether it is an entry of a list (``Recommendation/Form/listed``): marked
    /// ("1.", "•") or under a heading or lead-in; an unmarked line with none above it is `explicit`.
    public var listed: [Bool]
    /// Headings and lead-ins left out ("Recommendations", "Here are my recommendations:").
    public var headingLines: [String]
    public var headings: Int { headingLines.count }
    /// Other lines left out (greetings, sign-offs and signatures, page numbers, titles and names).
    public var leftOut: [String]
    /// Lines that answer the item above them ("Response: Agreed. …") and the lines wrapped under them.
    public var replies: [String]
    /// Items that ask nothing and judge nothing, under no heading naming a kind: description
    /// ("The Independent Scrutineer presented her report."), left out as themes.md leaves it out.
    public var described: [String]
    /// The items cut at the limit for one block of a document (``DocumentReader/maximumBlockBytes``),
    /// and the longest one's length before the cut in bytes of UTF-8: a pasted megabyte is no item.
    public var cut: (count: Int, longest: Int)

    public init(_ text: String, finder: RecommendationFinder) {
        let rules = finder.rules.pasted
        /// An item as it grows: its text, the kind of marker it opened with, and that of its points.
        struct Growing {
            var text: String
            var marker: String?
            var points: String?
            var announced: Recommendation.Kind?
            var listed: Bool
            /// Labelled as an item ("R1:", "Action 4:").
            var labelled = false
            /// Its line stood straight under an item whose sentence had not ended, unmarked and
            /// unlabelled: if it is description, it is that item's end ("… the Multi-Agency
            /// Safeguarding" / "Hub has a police decision-maker on every shift.").
            var goesOn = false
        }
        var announced: Recommendation.Kind?
        var items: [Growing] = []
        var headings: [String] = []
        var leftOut: [String] = []
        var replies: [String] = []
        var replyAbove = false
        var signedOff = false
        // Under a heading of a section that holds no items ("Next steps", "Background"): only a
        // line that asks is one (session 45's third re-audit: "The Business Unit will draft an
        // action plan" under "Next steps" was a recommendation).
        var closed = false
        var closedLineAbove = false
        // The list a heading or lead-in announced: whether its items were marked, the lead-in
        // line's marker and indentation, and whether it has ended (``announced`` then nil).
        var announcedListMarked = false
        var leadInLine: (marker: String?, indented: Bool)?
        var afterList = false
        let rawLines = CharacterNormalizer.normalize(text).split(separator: "\n", omittingEmptySubsequences: false)
        // A pasted table whose header names the items' column ("Recommendation", "Action") gives
        // that column of each row, not its longest cell (session 46's re-audit: a tracker's Lead or
        // Progress cell was taken for the item).
        let column = Self.itemColumn(rawLines.map { Self.withoutReplyMarks(String($0)) }, finder: finder)
        let lines = rawLines.map { raw in
            Self.withoutBoldMarker(Self.itemCell(Self.withoutReplyMarks(String(raw)), column: column).trimmingCharacters(in: .whitespaces))
        }
        // How far each line is indented: a line indented under a marked item goes on with it.
        let indented = rawLines.map { $0.first == " " || $0.first == "\t" }
        // The width the text was wrapped at, if it was: its longest line. A line as long as that
        // with the next line's first word was broken there (an e-mail's `fold`, a PDF's column).
        let width = lines.map(\.count).max() ?? 0
        // A word broken at a line's end is joined as the pasted text itself spells it, as in a
        // document ("en-" / "sure" is "ensure", "multi-" / "agency" keeps its hyphen; ua67 N12:
        // "health assess-ments" matched no term).
        let hyphenation = Hyphenation(lines: lines.map { $0.split(separator: " ").map(String.init) })
        // The last line that began or went on with an item.
        var lastItemLine = -1
        for (index, line) in lines.enumerated() {
            guard !line.isEmpty else { continue }
            let itemsBefore = (items.count, items.last?.text.utf8.count)
            defer { if (items.count, items.last?.text.utf8.count) != itemsBefore { lastItemLine = index } }
            // A blank line before this one ends the item before it.
            let previousBlank = index == 0 || lines[index - 1].isEmpty
            if signedOff {
                leftOut.append(line)
                continue
            }
            let words = WordTokenizer.words(line).map(\.text)
            if words.count <= 10, rules.signOffs.matchesAtStart(words) {
                // Before the first item it is a courtesy ("Thanks for the papers."), not the end
                // (session 46's re-audit: the whole list after it was lost).
                signedOff = !items.isEmpty
                leftOut.append(line)
                continue
            }
            let marker = Self.marker(of: line)
            let markerKind = marker.map { Self.kind(of: $0.marker) }
            let labelled = ItemLabel.split(Self.unemphasised(marker.map { String($0.rest) } ?? line), labels: rules.labels)
            let content = Self.unemphasised(labelled.text)
            // A label that names a kind ("Recommendation 1 –") says the item's kind, whatever the
            // heading above announced ("Areas for improvement" made it an area for improvement:
            // session 39's re-audit).
            let labelKind = labelled.label.flatMap { rules.labelKinds[$0] ?? finder.rules.sectionKind(WordTokenizer.words($0).map(\.text), atStart: true) }
            // A lone marker or number ("1.", "•", "- 3 -", "5"): nothing to classify.
            guard content.contains(where: \.isLetter) else {
                leftOut.append(line)
                continue
            }
            // Before the first item a greeting may run on ("Thanks for the papers. Following …").
            let greeting = (words.count <= 6 || (items.isEmpty && words.count <= 25)) && rules.greetings.matchesAtStart(words)
            if greeting || (words.count <= 6 && rules.furniture.matchesAtStart(words) && line.contains(where: \.isNumber)) {
                leftOut.append(line)
                continue
            }
            // An e-mail's header lines ("From: …", "Subject: …") and a signature's initials ("J", "JS").
            if marker == nil, line.firstMatch(of: /^(?i)(from|to|subject|sent|cc|bcc|date|re):\s/) != nil
                || (line.count <= 3 && line.allSatisfy { $0.isUppercase || $0 == "." }) {
                // "From:" after the items opens an earlier message quoted below the reply: the list
                // has ended (session 46's re-audit: its request was counted).
                if !items.isEmpty, line.lowercased().hasPrefix("from:") { signedOff = true }
                leftOut.append(line)
                continue
            }
            // "Signed: P. Natarajan, Independent Scrutineer" after the items ends the list.
            if !items.isEmpty, marker == nil, line.lowercased().hasPrefix("signed:") {
                signedOff = true
                leftOut.append(line)
                continue
            }
            // A line going on in lower case from one left out under a closing heading is left out too
            // ("… Progress" / "should be reported to the scrutineer in the autumn.").
            if closedLineAbove, !previousBlank, marker == nil, line.first?.isLowercase == true {
                leftOut.append(line)
                continue
            }
            closedLineAbove = false
            // A reply to the item above ("Response: Agreed. The policy was relaunched in January.")
            // and the lines under it (below): no item (ua67 N9: each was a recommendation graded should).
            if rules.isReply(content) {
                replies.append(line)
                replyAbove = true
                continue
            }
            // A report's label and what it gives ("Report to: Cabinet", "Date of meeting: 13 July
            // 2022", "Prepared by: …"): its head, no item (session 45's audit: a council paper read
            // with --lines counted them as recommendations).
            if marker == nil, HeadingHeuristics.isDatedLabel(content) {
                leftOut.append(line)
                continue
            }
            let contentWords = WordTokenizer.words(content).map { $0.text.lowercased() }
            // "Strengthen the voice of the child", "Review Early Help": an item in the imperative.
            let asksOutright = finder.rules.obligationStrength(contentWords) != nil || contentWords.first.map(rules.imperatives.contains) == true
            // A request in note form asks too ("Partners to agree the budget"), but may also be
            // the end of a wrapped line ("… ask the Designated Officer" / "Service to report …"):
            // it does not stop a wrapped line joining its item, which ends a sentence where it does.
            let asks = asksOutright || rules.asksInNoteForm(contentWords)
            // The lines under a reply, up to a blank line, a marked or labelled line or one that asks.
            if replyAbove, !previousBlank, marker == nil, labelled.label == nil, !asksOutright, !finder.isHeading(line: content) {
                replies.append(line)
                continue
            }
            replyAbove = false
            if var last = items.last {
                let lowerStart = content.first?.isLowercase == true
                // A word broken at the line's end ("co-" / "ordinate training").
                if marker == nil, !previousBlank, Self.endsBroken(last.text), lowerStart {
                    last.text = Self.joined(last.text, content, hyphenation: hyphenation)
                    items[items.count - 1] = last
                    continue
                }
                // The points under an item that ends in a colon are its parts: marked otherwise
                // than the item, or going on in lower case.
                let pointKind = markerKind ?? (lowerStart ? "" : nil)
                if let pointKind, last.points == nil, last.text.hasSuffix(":"), pointKind != last.marker || marker == nil {
                    last.text += " " + content
                    last.points = pointKind
                    items[items.count - 1] = last
                    continue
                }
                if let pointKind, let points = last.points, pointKind == points, marker != nil || lowerStart {
                    last.text = Self.withoutStop(last.text) + "; " + content
                    items[items.count - 1] = last
                    continue
                }
                // A sub-point marked otherwise than its item and going on in lower case ("o including a toolkit").
                if let markerKind, markerKind != last.marker, last.marker != nil, lowerStart, !previousBlank {
                    last.text = Self.withoutStop(last.text) + ", " + content
                    last.points = last.points ?? markerKind
                    items[items.count - 1] = last
                    continue
                }
                // A line the text was wrapped at: it goes on in lower case, or after a word that
                // cannot end a sentence ("… shared with the" / "Health and Wellbeing Board …").
                // So does a line indented under a marked item, whatever its first letter ("1. The
                // Executive should ask the MASH" / "   Strategic Group to report …", session 28's
                // user audit: two items were made of it).
                // After a blank line only a line in lower case that asks nothing of its own goes on
                // (mail and chat double line breaks: "2. The partners should agree a budget" / "" /
                // "for the business unit by April." made the last line an item; "monthly reviews
                // should continue." is one).
                let indentedUnderItem = indented[index] && last.marker != nil
                // And an unmarked line straight under a marked item that has not ended, asking nothing
                // outright and heading nothing, whatever its first letter (a list copied from a PDF
                // breaks before "Assessments" as often as before "the"), where the line ends the
                // sentence under a long line, or the line above reached the width the text was
                // folded at, or the line above ends in a name broken over the lines and this one
                // has three words or more. A short title-like line between the items of a list
                // without full stops is a sub-heading, and a question or a request in note form a
                // point of its own, except where it goes on from a name ("… the Local Authority
                // Designated Officer" / "Service to report …"). Session 45's audit and re-audits
                // found each of these cut or glued.
                let above = lines[index - 1].count
                // (Only a long width, and a line near it: in a list of short lines of about one length
                // every line would seem to reach it.)
                let wrappedAtWidth = width >= 60 && above >= width - 12 && above + 1 + (content.split(separator: " ").first?.count ?? 0) > width - 3
                let continuesName = lines[index - 1].split(separator: " ").last?.first?.isUppercase == true
                let wrappedUnderItem = last.marker != nil && !previousBlank && !asksOutright && (!asks || continuesName) && !finder.isHeading(line: content)
                    && !rules.announcements.matchesAtStart(contentWords) && !Self.isMarkdownHeading(line)
                    && ((content.hasSuffix(".") && above >= 40) || wrappedAtWidth || (continuesName && contentWords.count >= 3))
                if marker == nil, !previousBlank || (lowerStart && !asks),
                   lowerStart || Self.endsOpen(last.text, openEndings: rules.openEndings) || indentedUnderItem || wrappedUnderItem,
                   !Self.endsSentence(last.text) {
                    last.text = Self.joined(last.text, content, hyphenation: hyphenation)
                    items[items.count - 1] = last
                    continue
                }
            }
            // A heading ("Recommendations", "Summary of recommendations") or a lead-in that asks
            // for nothing ("Here are my draft recommendations:"), unless it goes on from the item
            // above, as decided before: "R4: Learning from rapid reviews should be" / "tested for
            // impact, for example by:" was a lead-in left out, the item cut short and its points
            // made items of their own (session 39's re-audit).
            // A lead-in that asks nothing and names the kind of what follows, marked or not, by
            // its colon or by "the following" ("- 2.4 Many aspects … were commended in the report,
            // including the following:", "- 2.5 However, the following areas … were identified as in
            // need of improvement"): its lines are of that kind, as under it in a document (session
            // 45's third re-audit: the strengths were merged into the first, and the areas for
            // improvement came out as strengths).
            // The list under a heading or lead-in ends at an unmarked line after a blank line, where
            // its items were marked, or at a marked line shallower than the lead-in that made it
            // ("- 2.6" after " - 2.5 … in need of improvement" and its points): what follows takes
            // no kind from it, and a line there that neither asks nor judges is no item (session
            // 46's re-audit: a note pointing to an appendix was an area for improvement).
            if announced != nil, (previousBlank && marker == nil && announcedListMarked)
                || (leadInLine.map { markerKind == $0.marker && $0.indented && !indented[index] } ?? false) {
                announced = nil
                afterList = true
                leadInLine = nil
            }
            // (Asking by its kind's words, it leads in with a colon, or unmarked over marked lines.)
            let overMarked = marker == nil && !Self.endsSentence(content)
                && lines[(index + 1)...].first { !$0.isEmpty }.map { Self.marker(of: $0) != nil } == true
            let leadsIn = asks ? Self.announcedKindAsking(content, overMarkedLines: overMarked, finder: finder)
                : Self.announcedKind(content, finder: finder)
            if rules.announcements.matchesAtStart(contentWords)
                || leadsIn != nil
                || Self.isMarkdownHeading(line)
                || (!asks && finder.isHeading(line: content))
                || (!asks && announced != .areaForImprovement && announced != .strength && labelKind == nil
                    && Self.isTopicHeading(content, words: words, marker: markerKind, next: lines[(index + 1)...].first { !$0.isEmpty },
                                           finder: finder))
                || (!asks && !Self.endsSentence(content) && contentWords.count <= 6 && Self.namesItems(contentWords))
                || (!asks && !Self.endsSentence(content) && contentWords.count <= 5 && labelled.label == nil
                    && Self.namesClosingSection(contentWords, finder: finder))
                || (!asks && content.hasSuffix(":") && marker == nil) {
                headings.append(line)
                // A heading that names no kind ("Leadership") leaves the last one's standing.
                // A committee's decisions ("Resolved:") are procedural, as a report's recommendations
                // to its committee are.
                let resolutions = contentWords.count <= 4 && rules.resolutionHeadings.longest(in: contentWords, at: 0)?.wordCount == contentWords.count
                let kind = leadsIn ?? finder.rules.sectionKind(contentWords, atStart: true) ?? finder.rules.onlyLeadInKind(contentWords)
                    ?? (resolutions ? .procedural : nil)
                announced = kind ?? announced
                if kind != nil {
                    afterList = false
                    announcedListMarked = false
                    leadInLine = leadsIn != nil ? (markerKind, indented[index]) : nil
                }
                let headingWords = WordTokenizer.words(Self.withoutMarkdownHashes(content)).map { $0.text.lowercased() }
                if kind != nil {
                    closed = false
                } else if Self.namesClosingSection(headingWords, finder: finder) {
                    closed = true
                }
                continue
            }
            // Under "Areas for improvement" or "Strengths" a short line in capitals is an area or a
            // strength named ("Supervision", "Care plans"), not a title or a name standing alone
            // (session 39's re-audit: the one-word area was left out).
            if marker == nil, !asks, announced != .areaForImprovement, announced != .strength, labelKind == nil,
               Self.isStandingName(content, words: words, finder: finder) {
                leftOut.append(line)
                continue
            }
            // The list's title, above anything else and set apart by a blank line or a heading under
            // it ("Northvale scrutiny report", "Independent scrutineer's report to the Executive,
            // March 2025"): asks nothing, not even in note form, and ends no sentence. A heading, so
            // its month and year date the list (session 45's re-audit: it was counted as a
            // recommendation).
            // (Or a byline under it: "Prepared by J. Smith", session 46's re-audit: the title was an item.)
            if items.isEmpty, marker == nil, !asks, !Self.endsSentence(content), contentWords.count <= 16,
               let next = lines[(index + 1)...].first, next.isEmpty || finder.isHeading(line: next) || Self.isByline(next) {
                headings.append(line)
                continue
            }
            if closed, !asks {
                leftOut.append(line)
                closedLineAbove = true
                continue
            }
            // (A line that ends no sentence may be wrapped: the item it begins is judged whole.)
            if afterList, !asks, labelKind == nil, Self.endsSentence(content),
               NarrativeJudge(cues: finder.rules.narrative, documentType: "inspection-report")
                   .judge(content, words: WordTokenizer.words(content).map(\.text)) == nil {
                leftOut.append(line)
                continue
            }
            if announced != nil, markerKind != nil { announcedListMarked = true }
            let goesOn = lastItemLine == index - 1 && marker == nil && labelled.label == nil
                && items.last.map { !Self.endsSentence($0.text) } == true
            items.append(Growing(text: content, marker: markerKind, points: nil, announced: labelKind ?? announced,
                                 listed: markerKind != nil || labelled.label != nil || !headings.isEmpty,
                                 labelled: labelled.label != nil, goesOn: goesOn))
        }
        // The first item, unmarked, prose that speaks of the recommendations without asking
        // anything ("The report is broken down … Each section … includes a number of
        // recommendations/suggestions for improvement."), with items after it: a lead-in without
        // its colon, however many lines it was wrapped over (session 45's second re-audit).
        if items.count > 1, let first = items.first, first.marker == nil {
            let words = WordTokenizer.words(first.text).map { $0.text.lowercased() }
            if words.count >= 8, Self.namesItems(words), finder.rules.obligationStrength(words) == nil,
               words.first.map(rules.imperatives.contains) != true, !rules.asksInNoteForm(words) {
                headings.append(first.text)
                items.removeFirst()
            }
        }
        // An item that asks nothing, not even in note form or as a question, judges nothing and
        // states something ("The letter notes that …", "The Independent Scrutineer presented her
        // report."), under no heading or label naming a kind: description, no item (ua67 N9). So
        // is a line that points elsewhere, under any heading ("… are outlined in the letter (see
        // Appendix)").
        // And a line straight under a request whose sentence has not ended, ending the sentence and
        // asking and judging nothing, is that request's end ("The partnership should ensure that the
        // Multi-Agency Safeguarding" / "Hub has a police decision-maker on every shift." had been
        // two items; lines in note form, and a finding's lines, stay items).
        var described: [String] = []
        var kept: [Growing] = []
        for item in items {
            if item.goesOn, !item.labelled, Self.endsSentence(item.text), Self.asksOrJudgesNothing(item.text, finder: finder),
               let above = kept.last, finder.rules.obligationStrength(WordTokenizer.words(above.text).map { $0.text.lowercased() }) != nil,
               var last = kept.popLast() {
                last.text = Self.joined(last.text, item.text, hyphenation: hyphenation)
                kept.append(last)
            } else if !item.labelled, Self.isPointer(item.text, finder: finder)
                        || (item.announced == nil && Self.isDescription(item.text, finder: finder)) {
                described.append(item.text)
            } else {
                kept.append(item)
            }
        }
        items = kept
        var cut = (count: 0, longest: 0)
        self.items = items.map { item in
            let length = item.text.utf8.count
            guard length > DocumentReader.maximumBlockBytes else { return item.text }
            cut = (cut.count + 1, max(cut.longest, length))
            return item.text.prefix(utf8Bytes: DocumentReader.maximumBlockBytes)
        }
        self.cut = cut
        announcedKinds = items.map(\.announced)
        listed = items.map(\.listed)
        self.headingLines = headings
        self.leftOut = leftOut
        self.replies = replies
        self.described = described
    }
}
