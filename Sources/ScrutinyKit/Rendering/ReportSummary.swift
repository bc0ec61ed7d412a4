/// What opens the report, in HTML and Markdown alike: what was read, the headline figures, and the
/// sections to come.
struct ReportSummary {
    struct Tile {
        var value: Int
        var label: String
    }

    /// A figure that opens the report, linked to its evidence.
    struct Headline {
        /// "75% (n=6) of 8", written before the text; nil when the text carries its own figure.
        var figure: String?
        var text: String
        var anchor: String
    }

    /// "This report reads 19 documents from 8 partnerships, dated 2020 to 2024. …"
    var read: String
    var tiles: [Tile]
    var headlines: [Headline]
    /// Section anchors and headings, in order.
    var contents: [(id: String, heading: String)]

    init(_ survey: Survey, wording: ReportWording) {
        let summary = wording.summary
        let themed = survey.items.filter(\.themed).count
        // {documents_counted} and the like carry their noun in the right number ("1 document"),
        // from the notes' and labels' plural forms (session 43's audits: "reads 1 documents from 1
        // partnerships"); {documents} and the like stay bare numbers for wordings written before.
        read = summary.read.filled([
            "documents": String(survey.fileCount), "partnerships": String(survey.partnerships.count),
            "documents_counted": wording.notes.documents(survey.fileCount),
            "partnerships_counted": wording.notes.partnerships(survey.partnerships.count),
            "items_counted": wording.labels.itemsTotal(survey.items.count),
            "span": Self.span(survey, wording: wording), "items": String(survey.items.count), "themed": String(themed),
            "kinds": ReportWording.readablePlural(kinds: survey.themeKinds),
        ])
        let quoted = survey.documents.filter { $0.quotation == true }
        if !quoted.isEmpty {
            let text = summary.quoted ?? "Of the partnerships, {count} are quoted under labels in {sources}."
            read += " " + text.filled(["count": String(Set(quoted.compactMap(\.partnership)).count),
                                       "sources": Set(quoted.map(\.file)).sorted().joined(separator: ", ")])
        }
        // The documents by era, where they span more than one (session 45's audit: the report
        // never said which era a document was of, nor that each was coded with its era's scheme).
        if let eras = Self.eras(survey, wording: wording) {
            let text = survey.codedWith?.byEra == true
                ? summary.erasByScheme ?? "Documents by era: {eras}; each coded against its era's scheme (--scheme auto)."
                : summary.eras ?? "Documents by era: {eras}."
            read += " " + text.filled(["eras": eras])
        }
        if survey.filesNotRead > 0 {
            let unread = summary.unread ?? "Files not read, or read with errors: {count} (see the notes)."
            read += " " + unread.filled(["count": String(survey.filesNotRead)])
        }
        // "104 partnerships, 70 of them only as quoted" (session 43's audit: the tile read as 104
        // partnerships whose documents were read).
        let quotedCount = survey.quotedOnly.partnerships.count
        // One of a thing is named in the singular, from the plural forms the wording has: the
        // tile's plural noun ("items" of "items found", as "2 items" less its number) becomes
        // the singular ("item found"), where both forms begin with the number.
        func label(_ count: Int, _ tile: String, _ plural: ReportWording.Plural) -> String {
            guard count == 1 else { return tile }
            let one = plural(1), two = plural(2)
            guard one.hasPrefix("1 "), two.hasPrefix("2 ") else { return tile }
            let noun = two.dropFirst(2)
            return tile.hasPrefix(noun) ? String(one.dropFirst(2)) + tile.dropFirst(noun.count) : tile
        }
        let partnershipsLabel = quotedCount > 0
            ? (summary.tiles.partnershipsQuoted ?? "partnerships, {count} of them only as quoted").filled(["count": String(quotedCount)])
            : label(survey.partnerships.count, summary.tiles.partnerships, wording.notes.partnerships)
        tiles = [Tile(value: survey.fileCount, label: label(survey.fileCount, summary.tiles.documents, wording.notes.documents)),
                 Tile(value: survey.partnerships.count, label: partnershipsLabel),
                 Tile(value: survey.items.count, label: label(survey.items.count, summary.tiles.items, wording.labels.itemsTotal)),
                 Tile(value: themed, label: summary.tiles.themed)]
        // A figure on fewer than five partnerships is in its table with its caveat, never a headline.
        let quotedOnly = survey.quotedOnly
        let eraOf = Dictionary(survey.documents.map { ($0.file, EraThemeTable.era(of: $0)) }) { first, _ in first }
        headlines = summary.headlineIndicators.compactMap { id in
            survey.indicators.row(id).flatMap { $0.proportion.of >= IndicatorFigureText.smallBase ? $0 : nil }.map { row in
                var figure = IndicatorFigureText.figure(row, table: survey.indicators, wording: wording)
                // Which of N are known only from another document's quotations, and where.
                // (Of those saying yes where N is every partnership read: what is scrutinised.)
                let everyPartnership = row.kind == .flag && row.no.isEmpty && row.silent > 0 && row.proportion.of == row.yes.count + row.silent
                let base = row.kind == .count ? row.yes + row.silentPartnerships : everyPartnership ? row.yes : row.yes + row.no
                let of = everyPartnership ? row.yes.count : row.proportion.of
                let quoted = base.filter { quotedOnly.partnerships.contains($0) }.count
                if quoted > 0 {
                    let text = summary.headlineQuoted ?? "{quoted} of the {of} only as quoted in {sources}"
                    figure += " · " + text.filled(["quoted": String(quoted), "of": String(of),
                                                   "sources": quotedOnly.sources.joined(separator: ", ")])
                }
                // Which of N are decided by documents of the boards before the partnerships (a
                // 2015 review of an LSCB's independent chair): the headline takes each
                // partnership's latest word in any era (session 47's audit).
                let decided = Dictionary(row.evidence.map { ($0.partnership, $0.document) }) { first, _ in first }
                let boards = base.filter { decided[$0].flatMap { eraOf[$0] } == "lscb" }.count
                if boards > 0 {
                    let text = summary.headlineBoards ?? "{count} of the {of} from documents of the LSCB era"
                    figure += " · " + text.filled(["count": String(boards), "of": String(of)])
                }
                return Headline(figure: figure, text: row.label, anchor: HTMLReport.anchor("ind", row.id))
            }
        }
        headlines += Self.themeHeadlines(survey, wording: wording)
        contents = Self.contents(survey, wording: wording)
    }
}

private extension ReportSummary {
    /// "LSCB era 7, WT 2018 22 and WT 2023 11": the files of each era, in the eras' order, where
    /// they span more than one known era.
    static func eras(_ survey: Survey, wording: ReportWording) -> String? {
        var files: [String: Set<String>] = [:]
        for document in survey.documents { files[EraThemeTable.era(of: document), default: []].insert(document.file) }
        guard Set(files.keys).subtracting([EraThemeTable.unknown]).count > 1 else { return nil }
        let order = EraThemeTable.ordered(Set(files.keys), by: survey.indicatorsByEra?.eras ?? survey.eras?.eras ?? [])
        return ReportWording.listed(order.map { era in "\(wording.eraName(era)) \(files[era]?.count ?? 0)" })
    }

    static func span(_ survey: Survey, wording: ReportWording) -> String {
        let years = survey.documents.compactMap(\.year)
        guard let first = years.min(), let last = years.max() else { return "" }
        return first == last ? wording.summary.spanOneYear.filled(["year": String(first)])
            : wording.summary.span.filled(["first": String(first), "last": String(last)])
    }

    static func themeHeadlines(_ survey: Survey, wording: ReportWording) -> [Headline] {
        var headlines: [Headline] = []
        let matrix = survey.themes
        let ranked = zip(matrix.themes, matrix.total.cells).filter { $0.0 != ClassifiedItem.unclassified && $0.1.n > 0 }
        if let (theme, cell) = ranked.max(by: { $0.1.n < $1.1.n }) {
            headlines.append(Headline(figure: nil, text: wording.summary.topTheme.filled(["theme": theme, "figure": cell.surveyForm]),
                                      anchor: HTMLReport.anchor("theme", HTMLReport.partnershipKey(ThemeMatrix.allPartnerships), theme)))
        }
        if let top = survey.subthemes.shown.first, top.items.n > 0 {
            headlines.append(Headline(figure: nil, text: wording.summary.topSubtheme.filled([
                "subtheme": ReportWording.readable(path: top.subtheme), "items": wording.labels.itemsTotal(top.items.n), "partnerships": String(top.partnerships.n),
                "of": String(top.partnerships.of), "of_partnerships": wording.notes.partnerships(top.partnerships.of),
            ]), anchor: HTMLReport.anchor("sub", top.subtheme)))
        }
        return headlines
    }

    static func contents(_ survey: Survey, wording: ReportWording) -> [(id: String, heading: String)] {
        ReportSection.allCases.flatMap { $0.contents(survey, wording: wording) }
    }
}
