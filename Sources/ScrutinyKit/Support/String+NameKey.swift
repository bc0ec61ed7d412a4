extension String {
    /// A name as a person may write it in a spreadsheet, made one spelling: any case, surrounding
    /// spaces gone, and each run of "-", "_" or spaces between words made `separator`
    /// ("Area for improvement" → `area_for_improvement` with "_"; "Sub-theme" → `subtheme` with "").
    /// Column headers, kinds, forms, themes and sub-themes of a hand coding are read through it.
    func nameKey(joiningWordsWith separator: String) -> String {
        lowercased().split(whereSeparator: { "-_ \t".contains($0) }).joined(separator: separator)
    }
}
