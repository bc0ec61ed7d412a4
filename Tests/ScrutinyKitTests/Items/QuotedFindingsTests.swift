import Testing
@testable import ScrutinyKit

/// Findings in quotation marks, as councils' pages and news of an inspection give them: the
/// report's words are findings, quoted guidance is not.
@Suite struct QuotedFindingsTests {
    func items(_ text: String, narrative: Bool = true, documentType: DocumentType? = "inspection-letter") -> [Recommendation] {
        ItemFixtures.items(in: text, narrative: narrative, documentType: documentType)
    }

    /// A council's page that quotes an inspection's findings entry by entry, each in quotation
    /// marks, under "inspectors say that:" gives them as findings (session 21's audit: seven true
    /// strengths lost); fully quoted entries under any other lead-in stay quoted words, and a
    /// lead-in that names its kind ("Inspectors found the following strengths:") keeps it.
    @Test func anInspectionsFindingsQuotedOnAPageAreFindings() {
        let found = items("""
            # Children's services rated good

            In their report inspectors say that:

            - 'Leaders have steadily improved services for children since the last inspection.'
            - 'Fostering is a strength. Carers are trained to a high standard and supported well.'

            Young people told the council:

            - 'The support we get from our workers is really good and helps us a lot.'
            """, documentType: nil)
        #expect(found.map(\.text) == ["Leaders have steadily improved services for children since the last inspection.",
                                      "Fostering is a strength.", "Carers are trained to a high standard and supported well."])
        #expect(found.allSatisfy { $0.kind == .strength && $0.form == .narrative })
    }

    /// A letter quoted over several paragraphs, each opening with its own mark and only the last
    /// closing, is one quotation: its last paragraph is judged like the others, not taken for a
    /// quotation of guidance (news of a SEND inspection, session 23's audit: two areas for
    /// improvement missed). A paragraph quoted on its own is still set aside.
    @Test func aQuotationOverSeveralParagraphsIsJudgedThroughout() {
        let found = items("""
            # Council criticised over SEND

            A letter sent to the council said: \u{201C}Too many parents do not believe that their children's needs are identified early.

            \u{201C}Delays in assessment have left some families without the help they needed for months.\u{201D}

            \u{201C}Partners must share a single vision of good help for every family in the borough.\u{201D}
            """, documentType: nil)
        #expect(found.map(\.kind) == [.areaForImprovement, .areaForImprovement])
        #expect(found.last?.text.contains("Delays in assessment") == true)
    }

    /// A report's findings quoted paragraph by paragraph in news of an inspection, the report named
    /// as their source, are findings; a quotation with no source named, away from the report's,
    /// is still taken for guidance (session 26's audit: a monitoring visit's quoted findings were
    /// all lost). Until session 31 the quoted guidance here stood right after the report's
    /// quotation; it now stands after a paragraph of the page's own, because a paragraph wholly in
    /// quotation marks right after the report's is more of the report (the next test).
    @Test func findingsQuotedFromTheReportAreFindings() {
        let quoted = items("""
            # Council news

            The council's services for children were visited in May.

            "Children in care experience delays in securing permanent homes," said the report. "Risk to children is not consistently addressed by their managers."

            The council will publish its response next month.

            "Partners should agree how they will work together to safeguard children."
            """, documentType: "news")
        #expect(quoted.map(\.kind) == [.areaForImprovement, .areaForImprovement])
        #expect(quoted.first?.text.contains("experience delays") == true)
    }

    /// News that quotes an inspection report, naming it after the quotation in its own words
    /// ("…,' Ofsted's inspection report for the borough states."), and then goes on quoting it in a
    /// paragraph wholly in quotation marks: both paragraphs are the report's findings (session
    /// 31's audit of a page on three councils' inspections: the second paragraphs were lost). The
    /// chain ends at a paragraph of the page's own; a children's quotation is no report.
    @Test func aReportQuotedOnInTheNextParagraphIsStillTheReport() {
        let quoted = items("""
            # Three councils rated good

            "Leaders and managers are highly visible and show care and concern for children and staff," Ofsted's inspection report for the borough states.

            "They provide a strong culture of learning and a determination to improve further."

            "Morale across the workforce is good, supported by manageable caseloads."

            The council thanked its staff.

            "Partners should agree how they will work together to safeguard children."

            "We were asked what we thought about the new plan," one young person said.

            "The support we get from our workers is really good and helps us a lot."
            """, documentType: "news")
        #expect(quoted.map(\.text) == [
            "\"Leaders and managers are highly visible and show care and concern for children and staff,\" Ofsted's inspection report for the borough states.",
            "\"They provide a strong culture of learning and a determination to improve further.\"",
            "\"Morale across the workforce is good, supported by manageable caseloads.\"",
        ])
        #expect(quoted.allSatisfy { $0.kind == .strength && $0.form == .narrative })
    }
}
