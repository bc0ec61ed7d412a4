import Foundation

/// The words of the report (report.md and report.html): title, headings, section introductions,
/// figure captions, axis titles, column headings and labels. They live in `lexicons/report.yml`,
/// which users edit; `{name}` in a text is filled in with the report's numbers.
public struct ReportWording: Sendable, Codable, Equatable {
    public var title: String
    public var summary: Summary
    public var sections: Sections
    public var figures: Figures
    public var axes: Axes
    public var columns: Columns
    public var labels: Labels
    public var notes: Notes

    /// The notes the report adds to the run's own (``notes(of:)``): what the tables count and how.
    public struct Notes: Sendable, Codable, Equatable {
        /// {scheme} {layer}: what coded the themes; `scheme_by_era` under `--scheme auto`.
        public var scheme: String
        public var schemeByEra: String
        /// What {layer} is filled with where the scheme's learned layer joined it; {types}.
        public var layer: String
        public var layerFor: String
        /// What n, N and silent are.
        public var indicators: String
        /// {label}: a count's n and N.
        public var count: String
        /// {count} {sources} {partnerships} {documents}: partnerships quoted under labels.
        public var quoted: Plural
        public var partnerships: Plural
        public var documents: Plural
        /// {kinds} {themed} {items}
        public var themes: String
        /// {count}
        public var undated: String
        /// {count} {of} {held} {total} {percent} {documents}: the few documents that hold much of
        /// what the themes count (``HeaviestDocuments``).
        public var heaviest: String
        /// Said where the partnerships' documents span eras: the overall tables of arrangements
        /// take each partnership's latest word in any era (session 45's audit: LSCB reviews of
        /// 2015 stood among the partnerships' lay members without a word).
        public var indicatorsByEra: String?
        /// {count} {era} {scheme}: documents of an era with a scheme of its own, coded with another.
        public var schemeOtherEra: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case scheme, layer, indicators, count, quoted, partnerships, documents, themes, undated, heaviest
            case schemeByEra = "scheme_by_era", layerFor = "layer_for", indicatorsByEra = "indicators_by_era", schemeOtherEra = "scheme_other_era"
        }
    }

    public struct Summary: Sendable, Codable, Equatable {
        public var heading: String
        /// {documents} {partnerships} {span} {items} {themed} {kinds}
        public var read: String
        /// ", dated {first} to {last}" and ", dated {year}"
        public var span: String
        public var spanOneYear: String
        public var tiles: Tiles
        public var headlines: String
        /// Indicator ids whose figures open the report, in this order.
        public var headlineIndicators: [String]
        /// {theme} {figure}
        public var topTheme: String
        /// {subtheme} {items} ("24 items") {partnerships} {of}
        public var topSubtheme: String
        public var contents: String
        /// {count}: said after `read` when files failed ("Files not read, or read with errors: 2; …").
        public var unread: String?
        /// {count} {sources}: said after `read` when partnerships are quoted under labels (the national survey's).
        public var quoted: String?
        /// {quoted} {of} {sources}: after a headline figure whose N holds partnerships known only
        /// from quotations ("38 of the 41 only as quoted in 003.txt"): a quotation is chosen to
        /// show what a partnership does, so such a share runs higher still.
        public var headlineQuoted: String?
        /// {count} {of}: after a headline figure, how many of its N are decided by documents of the LSCB era.
        public var headlineBoards: String?
        /// {eras} ("LSCB era 7, WT 2018 22 and WT 2023 11"): said after `read` where the documents
        /// span more than one era; `eras_by_scheme` instead where each was coded against its era's
        /// scheme (`--scheme auto`).
        public var eras: String?
        public var erasByScheme: String?
        public var how: String
        /// The same for the Markdown report, whose numbers are not links (`how` where the file has none).
        public var howMarkdown: String?

        public struct Tiles: Sendable, Codable, Equatable {
            public var documents: String
            public var partnerships: String
            /// {count}: the partnerships' tile where some are known only from another document's
            /// quotations (the national survey's labels).
            public var partnershipsQuoted: String?
            public var items: String
            public var themed: String

            enum CodingKeys: String, CodingKey {
                case documents, partnerships, partnershipsQuoted = "partnerships_quoted", items, themed
            }
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case heading, read, unread, quoted, span, tiles, headlines, contents, how, howMarkdown = "how_markdown"
            case headlineQuoted = "headline_quoted", headlineBoards = "headline_boards", eras, erasByScheme = "eras_by_scheme"
            case spanOneYear = "span_one_year", headlineIndicators = "headline_indicators"
            case topTheme = "top_theme", topSubtheme = "top_subtheme"
        }
    }

    public struct Section: Sendable, Codable, Equatable {
        public var heading: String
        public var intro: String?
        /// Said after the intro where the run did not read what the section counts (`forms`:
        /// narrative findings, without `--narrative`).
        public var unread: String?

        /// The section with `unread` joined to its intro where `read` is false.
        func saying(read: Bool?) -> Section {
            guard read == false, let unread else { return self }
            var section = self
            section.intro = [intro, unread].compactMap { $0 }.joined(separator: " ")
            return section
        }
    }

    public struct Sections: Sendable, Codable, Equatable {
        public var themes: Section
        public var kinds: Section
        public var forms: Section
        public var subthemes: Section
        public var gaps: Section
        public var trends: Section
        /// The theme table split by era (absent from older report.yml files: a default is used).
        public var eras: Section?
        /// The indicators split by era (absent from older report.yml files: a default is used).
        public var indicatorsByEra: Section?
        /// The inspection judgements, where the documents include inspections (absent from older
        /// report.yml files: a default is used). {all}: every partnership.
        public var inspections: Section?
        public var documents: Section
        public var notes: Section
        public var evidence: Section

        enum CodingKeys: String, CodingKey, CaseIterable {
            case themes, kinds, forms, subthemes, gaps, trends, eras, inspections, documents, notes, evidence
            case indicatorsByEra = "indicators_by_era"
        }
    }

    public struct Figures: Sendable, Codable, Equatable {
        /// {number} {caption}
        public var number: String
        /// {group}
        public var indicators: String
        /// {label}
        public var counts: String
        public var themes: String
        public var subthemes: String
        public var trends: String
        public var download: String
        /// Themes by era (absent from older report.yml files: a built-in caption).
        public var eras: String?
    }

    public struct Axes: Sendable, Codable, Equatable {
        public var indicators: String
        public var counts: String
        public var themes: String
        public var subthemes: String
        public var trends: String
        public var eras: String?
    }

    public struct Columns: Sendable, Codable, Equatable {
        public var indicator, n, of, percent, silent, surveyForm, number, partnerships, which, partnership, total: String
        public var documentType, documents, subtheme, items, shareOfClassified, theme, without, year, document, type, date, title: String
        /// The heads of the table of inspection judgements (absent from older report.yml files: "Judgement" and "Grade").
        public var judgement, grade: String?
        /// The table of documents' era column, where the documents span more than one era ("Era").
        public var era: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case indicator, n, of, percent, silent, number, partnerships, which, partnership, total
            case documents, subtheme, items, theme, without, year, document, type, date, title, judgement, grade, era
            case surveyForm = "survey_form", documentType = "document_type", shareOfClassified = "share_of_classified"
        }
    }

    /// A text with a singular and a plural form, and where the file gives one a form for none
    /// ("Evidence (no sentences)" where "Evidence (0 sentences)" read oddly: session 45's audit);
    /// {count} is filled in.
    public struct Plural: Sendable, Codable, Equatable {
        public var one: String
        public var other: String
        public var zero: String?

        public init(one: String, other: String, zero: String? = nil) {
            (self.one, self.other, self.zero) = (one, other, zero)
        }

        public func callAsFunction(_ count: Int) -> String {
            (count == 0 ? zero ?? other : count == 1 ? one : other).filled(["count": String(count)])
        }
    }

    public struct Labels: Sendable, Codable, Equatable {
        public var evidenceSentences: Plural
        public var evidenceItems: Plural
        public var yes, no, stated, silent, none, notAddressed: String
        /// {count}
        public var silentNote: String
        public var itemsTotal: Plural
        /// "1 document", "{count} documents": what {documents} of `yearTotal` is filled with, where
        /// the file has it (a file without it has "documents" in `yearTotal` and gets the number).
        public var documentsTotal: Plural?
        /// {items} {documents}
        public var yearTotal: String
        /// {items} ("1 item", as `itemsTotal`) {count} {percent}
        public var subthemeValue: String
        /// {partnerships} {of} {of_partnerships} ("12 partnerships")
        public var subthemeNote: String
        /// {page}
        public var page: String
        public var noItems, noneClassified: String
        public var allItems, everyItem: String
        /// {theme}
        public var noItemUnder: String
        /// {of}
        public var smallBase: String
        public var smallBaseShort: String
        /// After a count's distribution, which already says how many state a number ("of 4 stating
        /// a number"): the caveat without an N that is not the row's (session 47's audit).
        public var smallStated: String?
        /// {silent} {all}
        public var silentOf: String
        /// {buckets} {of}
        public var distributionValue: String
        /// {label} {percent}
        public var distributionBucket: String
        /// {label}
        public var distributionIntro: String
        public var indicatorEvidence: String
        public var itemEvidence: String
        public var printNote: String
        /// {count} {first} {last}: the partnerships a document quotes, in the table of documents
        /// (the national survey's respondents); a file without it gets the words in `DocumentRows`.
        public var quotedPartnerships: String?
        /// The eras' names in the table of themes by era ("lscb": "LSCB era"); an era without one
        /// is shown by its id.
        public var eraNames: [String: String]?
        /// {era} {count}: a column of the table of themes by era; without it "{era} ({count} docs)".
        public var eraColumn: Plural?
        /// {count}: of a figure's partnerships, those known only from another document's
        /// quotations, in the table of arrangements by era; without it "{count} only as quoted".
        public var onlyQuoted: String?
        /// {scheme}: before the table of themes by era coded with one scheme throughout (`--scheme auto`).
        public var eraOneScheme: String?
        /// {differing}: each era's items under another theme in the one-scheme table.
        public var eraOneSchemeDiffering: String?
        /// {era} {scheme}: a bar of the figure of themes by era, its items coded with one scheme.
        public var eraOneSchemeBar: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case yes, no, stated, silent, none, page
            case evidenceSentences = "evidence_sentences", evidenceItems = "evidence_items", notAddressed = "not_addressed"
            case silentNote = "silent_note", itemsTotal = "items_total", yearTotal = "year_total", documentsTotal = "documents_total"
            case subthemeValue = "subtheme_value", subthemeNote = "subtheme_note", noItems = "no_items"
            case noneClassified = "none_classified", allItems = "all_items", everyItem = "every_item", noItemUnder = "no_item_under"
            case distributionIntro = "distribution_intro", indicatorEvidence = "indicator_evidence", itemEvidence = "item_evidence"
            case printNote = "print_note", smallBase = "small_base", smallBaseShort = "small_base_short", smallStated = "small_stated", silentOf = "silent_of"
            case distributionValue = "distribution_value", distributionBucket = "distribution_bucket"
            case quotedPartnerships = "quoted_partnerships", eraNames = "era_names", eraColumn = "era_column", onlyQuoted = "only_quoted", eraOneScheme = "era_one_scheme", eraOneSchemeDiffering = "era_one_scheme_differing"
            case eraOneSchemeBar = "era_one_scheme_bar"
        }
    }

    /// Reads a wording file; a missing or malformed file is an error that names it.
    public init(contentsOf url: URL) throws(LexiconError) {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .notFound(name: url.lastPathComponent, searched: [url.deletingLastPathComponent().path])
        }
        self = try DataFiles.decode(ReportWording.self, contentsOf: url)
    }

    /// Reads a wording file's text (standard input, for `--template -`).
    public init(yaml: String, path: String) throws(LexiconError) {
        self = try DataFiles.decode(ReportWording.self, from: yaml, path: path)
    }
}

public extension LexiconDirectory {
    /// `report.yml`: the report's wording. Its `labels.era_names` are named by the eras of
    /// `eras.yml` (and `unknown`), where the folder has one: a misspelt era's name was never shown.
    func reportWording() throws(LexiconError) -> ReportWording {
        let url = file("report.yml")
        let wording = try ReportWording(contentsOf: url)
        if let names = wording.labels.eraNames, FileManager.default.fileExists(atPath: file("eras.yml").path) {
            let eras = try eraRules().eras.map(\.name) + ["unknown"]
            try DataFiles.requireKnownKeys(names.keys, known: eras, under: ["labels", "era_names"], file: url.path, yaml: DataFiles.read(url))
        }
        return wording
    }
}

extension String {
    /// The text with every `{name}` of `values` replaced by its value; other braces are left alone.
    func filled(_ values: [String: String]) -> String {
        guard contains("{") else { return self }
        var output = self
        for (name, value) in values { output = output.replacingOccurrences(of: "{\(name)}", with: value) }
        return output
    }
}

public extension ReportWording {
    /// Item kinds as a reader names them: "recommendation, area for improvement".
    static func readable(kinds: [String]) -> String {
        kinds.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")
    }

    /// Kinds as a sentence names them: "recommendations and areas for improvement".
    static func readablePlural(kinds: [String]) -> String {
        let plural = kinds.map { kind in
            switch kind {
            case "area_for_improvement": "areas for improvement"
            case "procedural": "procedural decisions"
            default: kind.replacingOccurrences(of: "_", with: " ") + "s"
            }
        }
        return listed(plural)
    }

    /// Parts as a sentence lists them: "a", "a and b", "a, b and c".
    static func listed(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }

    /// An era as the report names it (`labels.era_names`: "lscb" is "LSCB era"); an era the file
    /// does not name, by its id; no era, as ``EraThemeTable/unknown`` is named.
    func eraName(_ era: String?) -> String {
        let era = era ?? EraThemeTable.unknown
        return labels.eraNames?[era] ?? era
    }

    /// A category path as a reader names it: "purpose › safeguarded".
    static func readable(path: String) -> String {
        path.split(separator: ".").joined(separator: " › ")
    }
}

public extension ReportWording {
    /// The report's notes: the run's own (files left out, versions skipped), then what the
    /// tables count and how, in `notes`' words. survey.json carries them too (``SurveyJSON``).
    func notes(of survey: Survey) -> [String] {
        var notes = survey.notes
        if let coded = survey.codedWith {
            let layer = coded.learnedLayer
                ? self.notes.layer + (coded.learnedFor.map { self.notes.layerFor.filled(["types": $0.joined(separator: " and ")]) } ?? "") : ""
            notes.append((coded.byEra ? self.notes.schemeByEra : self.notes.scheme).filled(["scheme": coded.scheme, "layer": layer]))
            // Documents of an era that has a scheme of its own, coded with another scheme's themes
            // without a word (session 47's audit: 11 documents of the WT 2023 era under wt2018).
            let schemes = ["wt2018", "wt2023"]
            let scheme = (coded.scheme as NSString).deletingPathExtension
            let others = survey.documents.filter { document in
                document.quotation != true && document.era.map { schemes.contains($0) && $0 != scheme } == true
            }
            if !coded.byEra, schemes.contains(scheme), let era = others.first?.era, let text = self.notes.schemeOtherEra {
                notes.append(text.filled(["count": String(Set(others.map(\.file)).count), "era": eraName(era), "scheme": coded.scheme]))
            }
        }
        notes.append(self.notes.indicators)
        if survey.indicatorsByEra != nil, let byEra = self.notes.indicatorsByEra { notes.append(byEra) }
        if let count = survey.indicators.rows.first(where: { $0.kind == .count }) {
            notes.append(self.notes.count.filled(["label": count.label]))
        }
        let quoted = survey.documents.filter { $0.quotation == true }
        if !quoted.isEmpty {
            notes.append(self.notes.quoted(quoted.count).filled([
                "sources": Set(quoted.map(\.file)).sorted().joined(separator: ", "),
                "partnerships": self.notes.partnerships(survey.counted.partnerships),
                "documents": self.notes.documents(survey.counted.documents),
            ]))
        }
        notes.append(self.notes.themes.filled(["kinds": survey.themeKinds.joined(separator: " and "),
                                                "themed": String(survey.counted.themed), "items": String(survey.counted.items),
                                                "items_total": labels.itemsTotal(survey.counted.items)]))
        if let undated = survey.trends?.undated, undated > 0 { notes.append(self.notes.undated.filled(["count": String(undated)])) }
        if let heaviest = survey.heaviestDocuments {
            notes.append(self.notes.heaviest.filled([
                "count": String(heaviest.documents.count), "of": String(heaviest.of), "held": String(heaviest.items.n),
                "total": String(heaviest.items.of), "percent": heaviest.items.percentText,
                "documents": heaviest.documents.map { "\($0.document) (\($0.items))" }.joined(separator: ", "),
            ]))
        }
        return notes
    }
}
