/// The cues that make a sentence of running text a judgement: contrasts that say which clause
/// decides, negative and positive words, and phrases of sentences about the inspection itself.
public struct NarrativeCues: Sendable {
    public var contrasts: PhraseList
    public var concessions: PhraseList
    public var conditions: PhraseList
    /// Nouns after which "where" opens what was found ("found cases where visits were overdue"),
    /// not a condition ("in a few cases when there was delay, …" stays one).
    public var conditionNouns: Set<String> = []
    public var improvingTrends: PhraseList
    public var negative: PhraseList
    public var positive: PhraseList
    public var notFindings: PhraseList
    /// A meeting's own housekeeping (`procedural.housekeeping`): no finding either.
    public var meetingHousekeeping: PhraseList = PhraseList([])
    /// Phrases whose cue words weigh neither way ("strengths and weaknesses", "not only … but
    /// also", "not complacent"): set aside before a sentence is judged.
    public var neutral: PhraseList = PhraseList([])
    /// Verbs that open an instruction or a function ("Provide assurance in judging the
    /// effectiveness of …", "Assess whether …"): a sentence or list entry opening with one judges
    /// nothing.
    public var instructions: Set<String> = []
    /// Openings of a purpose ("To scrutinise the council's delivery of …", "To achieve this, …"):
    /// a sentence opening with one is judged on the clause after its comma, and without a comma
    /// it states an aim or a term of reference and judges nothing. `notPurposes` are openings
    /// that look like one and are not ("To date, …").
    public var purposes: PhraseList = PhraseList([])
    public var notPurposes: PhraseList = PhraseList([])
    /// Grades ("Requires improvement", "Good"): a line that ends in one without a full stop is a
    /// row of a table of judgements ("Children who need help and protection Requires
    /// improvement"), a label, not a finding.
    public var gradeLabels: PhraseList = PhraseList([])
    /// Openings of a partnership's aims ("Our vision is …", "We aim to …"): a sentence opening
    /// with one states what it wants, not what it found.
    public var aims: PhraseList = PhraseList([])
    /// Openings of a priority or a heading set out as a line ("Strengthening the board's learning
    /// framework", "Responding to children's individual needs"): a line without its full stop
    /// that opens with one names work to do, not a finding.
    public var priorityOpenings: PhraseList = PhraseList([])
    /// Openings of an embedded question ("questions about how well …", "evidence of how …"): the
    /// words from one to the end of its clause ask how good something is and say nothing of it.
    public var embeddedQuestions: PhraseList = PhraseList([])
    /// Openings of what is made sure of ("ensures that", "made sure that"): the words after one,
    /// to the end of its clause, say what is secured or prevented, so a negation there judges
    /// nothing ("ensure that drift and delay do not occur").
    public var ensuredClauses: PhraseList = PhraseList([])
    /// Verbs that report a grade ("rated", "judged", "deemed") and nouns that a grade names
    /// ("rating", "grade", "score"): a grade of `gradeLabels` within `gradeWindow` words after such a
    /// verb ("has judged them to be inadequate"), or just before such a noun ("a good Ofsted
    /// rating"), is a label the sentence reports, and weighs neither way.
    public var gradeVerbs: PhraseList = PhraseList([])
    public var gradeNouns: PhraseList = PhraseList([])
    public var gradeWindow = 4
    /// The reach of a reporting verb over a grade that its object stands before, after "to be" or
    /// "as" ("inspectors judged Newham local authority children's services to be inadequate").
    public var gradeObjectWindow = 4
    /// The positive cues without the weak ones ("inform*", "ensure*", "continu*", "focused",
    /// "working together"): in an inspector's text every sentence weighs the service, and such a
    /// word judges; in a partnership's own report or a council's minutes it mostly describes
    /// ("Partners were informed of the changes"). The weak cues judge on their own only in
    /// documents of `weakDocumentTypes`; elsewhere only beside a stronger cue.
    public var strongPositive: PhraseList
    public var weakDocumentTypes: Set<String> = []

    /// Change to come, not found: a cue of `prospectiveCues` ("improv*", "progress") within
    /// `prospectiveWindow` words after one of `prospectiveMarkers` ("will", "would", "pledged") says
    /// what is hoped or planned ("work on a new strategy will help improve the situation", "pledged
    /// to do everything needed to improve"), and weighs neither way.
    public var prospectiveMarkers: PhraseList = PhraseList([])
    public var prospectiveCues: PhraseList = PhraseList([])
    public var prospectiveWindow = 3
    /// A marker right after the cue does the same ("improvements would need to follow …").
    public var prospectiveWindowAfter = 1
    /// Nouns that name findings of each kind without saying what they are ("strengths", "areas of
    /// strength"; "weaknesses", "areas for improvement"): a sentence holding one of each after the
    /// neutral phrases are set aside ("The letter set out key strengths as well as areas for
    /// improvement") says that findings were made, and judges nothing itself.
    public var namedStrengths: PhraseList = PhraseList([])
    public var namedWeaknesses: PhraseList = PhraseList([])

    /// Whether the weak cues judge on their own in a document of this type; elsewhere they judge
    /// only in a sentence that holds a stronger cue too.
    public func weakCuesJudge(in documentType: String?) -> Bool {
        documentType.map(weakDocumentTypes.contains) == true
    }
}
