import Foundation

/// The report's table of documents: one row a file. A document that quotes many partnerships (the
/// national survey's seventy respondents) is one row naming how many it quotes, not seventy rows
/// of the same file, title and date; a few are named in full. `documents.csv` keeps a row for each
/// file and partnership, for joins.
struct DocumentRows {
    struct Row {
        var document: DocumentSummary
        /// The partnership, or the partnerships the file quotes.
        var partnerships: String
    }

    /// The era column's head and each document's era by name ("WT 2018"), where the documents
    /// span more than one era (session 45's audit: the report never showed a document's era); nil
    /// otherwise.
    static func eraColumn(_ survey: Survey, wording: ReportWording) -> (head: String, era: (DocumentSummary) -> String)? {
        guard Set(survey.documents.map(EraThemeTable.era(of:))).subtracting([EraThemeTable.unknown]).count > 1 else { return nil }
        return (wording.columns.era ?? "Era", { document in wording.eraName(document.era) })
    }

    /// Up to this many partnerships of one file are named in full.
    static let namedInFull = 3

    static func rows(_ documents: [DocumentSummary], wording: ReportWording) -> [Row] {
        var order: [String] = []
        var byFile: [String: [DocumentSummary]] = [:]
        for document in documents {
            if byFile[document.file] == nil { order.append(document.file) }
            byFile[document.file, default: []].append(document)
        }
        return order.map { file in
            let group = byFile[file]!
            let names = group.compactMap(\.partnership).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            let text = names.count <= namedInFull ? names.joined(separator: ", ")
                : (wording.labels.quotedPartnerships ?? "{count} partnerships quoted ({first} … {last})")
                    .filled(["count": String(names.count), "first": names.first ?? "", "last": names.last ?? ""])
            return Row(document: group[0], partnerships: text)
        }
    }
}
