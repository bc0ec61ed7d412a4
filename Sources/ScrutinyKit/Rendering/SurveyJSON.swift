/// survey.json: the survey as JSON, its notes those the report prints (``ReportWording/notes(of:)``).
public enum SurveyJSON {
    public static func render(_ survey: Survey, wording: ReportWording) -> String {
        var survey = survey
        survey.notes = wording.notes(of: survey)
        return JSONOutput.render(survey)
    }
}
