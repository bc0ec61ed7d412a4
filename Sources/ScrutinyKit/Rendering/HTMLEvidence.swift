/// The report's evidence: one closed `<details>` block per number, its summary saying what it
/// counts and how many sentences or items it holds, each sentence linked to its source document.
extension HTMLReport.Page {
    /// The evidence section, handed to `emit` block by block (the largest part of the page, so it
    /// is never built whole).
    func evidenceSection(emit: (String) -> Void) {
        let words = wording.sections.evidence
        emit("<section id=\"evidence\"><h2>\(esc(words.heading))</h2>" + intro(words)
            + "<p class=\"print-only\">\(esc(wording.labels.printNote))</p>")
        group(wording.labels.indicatorEvidence, emit: emit, indicatorEvidence)
        if survey.indicatorsByEra != nil {
            group((wording.sections.indicatorsByEra ?? SurveyEraIndicatorSection.fallback).heading, emit: emit, eraIndicatorEvidence)
        }
        group(wording.sections.themes.heading, emit: emit, themeEvidence)
        group(wording.sections.kinds.heading, emit: emit, kindEvidence)
        group(wording.sections.subthemes.heading, emit: emit, subthemeEvidence)
        group(wording.sections.gaps.heading, emit: emit, gapEvidence)
        if survey.trends != nil { group(wording.sections.trends.heading, emit: emit, trendEvidence) }
        if survey.eras != nil { group((wording.sections.eras ?? SurveyEraSection.fallback).heading, emit: emit, eraEvidence) }
        emit("</section>")
    }
}

private extension HTMLReport.Page {
    /// The blocks `blocks` makes, under their heading, each handed to `emit` as it is made; nothing
    /// at all when it makes none.
    func group(_ heading: String, emit: (String) -> Void, _ blocks: ((String) -> Void) -> Void) {
        // `emit` is called only while this runs, through the closure `blocks` is given.
        withoutActuallyEscaping(emit) { emit in
            var opened = false
            blocks { block in
                guard !block.isEmpty else { return }
                if !opened { emit("<div class=\"evidence-group\"><h3>\(esc(heading))</h3>") }
                opened = true
                emit(block)
            }
            if opened { emit("</div>") }
        }
    }

    /// A closed block: "<what> — Evidence (n sentences)", its contents shown when opened. The
    /// sentences that decide indicators (`printed`) are printed too; lists of items are not.
    func block(id: String, title: String, count: String, printed: Bool = false, _ contents: String) -> String {
        "<details class=\"evidence\(printed ? " printed" : "")\" id=\"\(id)\"><summary><span class=\"subject\">\(title)</span> "
            + "<span class=\"count\">\(esc(count))</span></summary>\(contents)</details>"
    }

    func indicatorEvidence(_ output: (String) -> Void) {
        let labels = wording.labels
        for row in survey.indicators.rows {
            let id = anchor("ind", row.id)
            let contents = decided(id: id, kind: row.kind, evidence: row.evidence, silent: row.silentPartnerships)
            output(block(id: id, title: "\(esc(row.label)) — \(esc(IndicatorFigureText.figure(row, table: survey.indicators, wording: wording)))",
                         count: labels.evidenceSentences(row.evidence.count), printed: true, contents))
        }
        for distribution in survey.indicators.distributions where distribution.stated > 0 {
            let row = survey.indicators.row(distribution.id)
            for bucket in distribution.buckets {
                let evidence = (row?.evidence ?? []).filter { bucket.partnerships.contains($0.partnership) }
                output(block(id: anchor("count", distribution.id, bucket.label),
                             title: "\(esc(distribution.label)): \(esc(bucket.label)) — \(esc(bucket.proportion.surveyForm))"
                                 + esc(IndicatorFigureText.caveat(bucket.proportion.of, wording: wording)),
                             count: labels.evidenceSentences(evidence.count), sentences(evidence)))
            }
        }
    }

    /// Per indicator and era, the sentences of the era's documents that decided each partnership,
    /// and the era's silent partnerships.
    func eraIndicatorEvidence(_ output: (String) -> Void) {
        guard let table = survey.indicatorsByEra else { return }
        let labels = wording.labels
        for row in table.rows {
            for (era, cell) in zip(table.eras, row.cells) where !(cell.proportion.of == 0 && cell.silent == 0) {
                let id = SurveyEraIndicatorSection.anchor(era, row.id)
                let contents = decided(id: id, kind: row.kind, evidence: cell.evidence, silent: cell.silentPartnerships)
                let era = wording.eraName(era)
                output(block(id: id, title: "\(esc(row.label)), \(esc(era)) — \(esc(SurveyEraIndicatorSection.cell(cell, wording: wording)))",
                             count: labels.evidenceSentences(cell.evidence.count), contents))
            }
        }
    }

    /// An indicator's evidence: the sentences saying yes (or the number stated), those saying no,
    /// and the silent partnerships, each under a heading `id` anchors.
    func decided(id: String, kind: IndicatorDefinition.Kind, evidence: [SurveyEvidence], silent: [String]) -> String {
        let labels = wording.labels
        let yes = evidence.filter { $0.note != "no" }
        let no = evidence.filter { $0.note == "no" }
        var contents = "<h4 id=\"\(id)-yes\">\(esc(kind == .count ? labels.stated : labels.yes)) (\(yes.count))</h4>" + sentences(yes)
        if kind == .flag { contents += "<h4 id=\"\(id)-no\">\(esc(labels.no)) (\(no.count))</h4>" + sentences(no) }
        return contents + "<h4 id=\"\(id)-silent\">\(esc(labels.silent)) (\(silent.count))</h4><p>"
            + esc(silent.isEmpty ? labels.none : silent.joined(separator: ", ")) + "</p>"
    }

    func sentences(_ evidence: [SurveyEvidence]) -> String {
        guard !evidence.isEmpty else { return "<p>\(esc(wording.labels.none))</p>" }
        return "<ul>" + evidence.map { item in
            let tag = ["yes", "no"].contains(item.note) ? item.note : "yes"
            return "<li><strong>\(esc(item.partnership))</strong> <span class=\"tag \(tag)\">\(esc(item.note))</span> "
                + place(item.document, item.section, item.page, quoting: item.text) + "<br>“\(esc(QuotedSentence.bare(item.text)))”</li>"
        }.joined() + "</ul>"
    }

    func themeEvidence(_ output: (String) -> Void) {
        let themed = themedItems
        let matrix = survey.themes
        for row in matrix.rows + [matrix.total] {
            let name = HTMLReport.partnershipKey(row.partnership)
            let own = row.partnership == ThemeMatrix.allPartnerships ? themed : themed.filter { $0.partnership == row.partnership }
            for theme in matrix.themes {
                output(items(anchor("theme", name, theme), "\(row.partnership): \(theme)", own.filter { $0.theme == theme }))
            }
            output(items(anchor("theme", name, "all"), "\(row.partnership): \(wording.labels.allItems)", own))
        }
    }

    func kindEvidence(_ output: (String) -> Void) {
        let typeOf = Dictionary(survey.documents.map { ($0.file, $0.documentType?.rawValue ?? KindTable.unknownType) },
                                uniquingKeysWith: { first, _ in first })
        for row in survey.kinds.rows + [survey.kinds.total] {
            let own = row.documentType == KindTable.allDocuments ? survey.items
                : survey.items.filter { typeOf[$0.document] == row.documentType }
            for kind in survey.kinds.kinds {
                output(items(anchor("kind", row.documentType, kind), "\(KindTable.shown(row)): \(kind)", own.filter { $0.kind.rawValue == kind }))
            }
            output(items(anchor("kind", row.documentType, "all"), "\(KindTable.shown(row)): \(wording.labels.everyItem)", own,
                         whole: row.documentType == KindTable.allDocuments))
            for form in survey.kinds.forms {
                output(items(anchor("form", row.documentType, form), "\(KindTable.shown(row)): \(form)", own.filter { $0.form.rawValue == form }))
            }
        }
    }

    func eraEvidence(_ output: (String) -> Void) {
        guard let table = survey.eras else { return }
        let themed = themedItems
        let eraOf = Dictionary(survey.documents.map { ($0.file, EraThemeTable.era(of: $0)) }, uniquingKeysWith: { first, _ in first })
        for era in table.eras {
            let own = themed.filter { (eraOf[$0.document] ?? EraThemeTable.unknown) == era }
            // Named as the table's columns name it ("LSCB era", not "lscb").
            let name = wording.eraName(era)
            for row in table.rows {
                output(items(anchor("era", era, row.theme), "\(name): \(row.theme)", own.filter { $0.theme == row.theme }))
            }
            output(items(anchor("era", era, "all"), "\(name): \(wording.labels.allItems)", own))
        }
    }

    func subthemeEvidence(_ output: (String) -> Void) {
        for row in survey.subthemes.shown {
            output(items(anchor("sub", row.subtheme), ReportWording.readable(path: row.subtheme),
                         themedItems.filter { $0.theme != ClassifiedItem.unclassified && $0.themePath == row.subtheme }))
        }
    }

    func gapEvidence(_ output: (String) -> Void) {
        output(survey.gaps.rows.map { row in
            "<p class=\"evidence-line\" id=\"\(anchor("gap", row.theme))\"><span class=\"subject\">"
                + esc(wording.labels.noItemUnder.filled(["theme": row.theme])) + ":</span> "
                + esc(row.partnerships.isEmpty ? wording.labels.none : row.partnerships.joined(separator: ", ")) + "</p>"
        }.joined())
    }

    func trendEvidence(_ output: (String) -> Void) {
        guard let trends = survey.trends else { return }
        let themed = themedItems
        let yearOf = Dictionary(survey.documents.compactMap { document in document.year.map { (document.file, $0) } },
                                uniquingKeysWith: { first, _ in first })
        for row in trends.rows {
            let year = themed.filter { yearOf[$0.document] == row.year }
            for theme in trends.themes {
                output(items(anchor("trend", String(row.year), theme), "\(row.year): \(theme)", year.filter { $0.theme == theme }))
            }
            output(items(anchor("trend", String(row.year), "all"), "\(row.year): \(wording.labels.allItems)", year))
        }
    }

    /// A block of items. Each item stands whole (its document, page, section and words) once, in
    /// the block of every item (`whole`); every other block gives its opening words linked there
    /// (session 28's user audit: with `--narrative` each item stood whole under every table it
    /// counts in, and the report of the 48 real PDFs was 46 MB).
    /// A count of 0 links nowhere (``HTMLReport/Page/count(_:at:)``), so no block is written for it.
    func items(_ id: String, _ title: String, _ items: [SurveyItem], whole: Bool = false) -> String {
        guard !items.isEmpty else { return "" }
        let contents = "<ul>" + items.map { item in
            whole ? "<li id=\"\(Self.itemAnchor(item))\"><strong>\(esc(item.partnership))</strong> <span class=\"tag\">\(esc(item.kind.rawValue))</span> "
                + (item.theme == nil ? "" : "<span class=\"tag\">\(esc(item.themePath))</span> ") + place(item.document, item.section, item.page, quoting: item.text)
                + "<br>“\(esc(QuotedSentence.bare(item.text)))”</li>"
                : "<li><a href=\"#\(Self.itemAnchor(item))\">\(esc(item.partnership))</a> <span class=\"tag\">\(esc(item.kind.rawValue))</span> "
                + "“\(esc(Self.opening(of: QuotedSentence.bare(item.text))))”</li>"
        }.joined() + "</ul>"
        return block(id: id, title: esc(title), count: wording.labels.evidenceItems(items.count), contents)
    }

    static func itemAnchor(_ item: SurveyItem) -> String { "item-" + item.id }

    /// The first words of an item, up to about 90 characters, with "…" where it goes on.
    static func opening(of text: String) -> String {
        guard text.count > 90 else { return text }
        let cut = text.prefix(90)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words + "…"
    }

    /// "hartsey-review.pdf · p. 4" linked to the file at that page (another file at the sentence),
    /// then the section.
    func place(_ document: String, _ section: String?, _ page: Int?, quoting sentence: String) -> String {
        var name = document
        if let page { name += " · " + wording.labels.page.filled(["page": String(page)]) }
        var output = sourceLink(document, page: page, quoting: sentence, text: name)
        if let section, !section.isEmpty { output += "<span class=\"where\"> · \(esc(section))</span>" }
        return output
    }
}
