/// The grammar words by which ``ActorFinder`` reads who an item asks to act from the words before
/// its cue (`actor_grammar:` in `lexicons/items.yml`; every list lower case). Empty where the
/// file has none: then every word before the cue is taken as it stands.
public struct ActorGrammar: Sendable, Hashable {
    /// A cue word after which no actor is named ("… is required", "there is a need to", "we suggest").
    public var noActorAtCue: Set<String> = []
    /// Adverbs between the cue and "be" in a passive ("should also be reviewed").
    public var passiveAdverbs: Set<String> = []
    /// Prepositions that open a phrase of time or place before the subject ("On the last inspection,").
    public var openings: Set<String> = []
    /// Adverbial phrases that, set off by a comma, open the sentence before its subject ("Too often,").
    public var adverbialOpenings: Set<String> = []
    /// Words before "to" that show it is no imperative ("Leadership Forum to consider" is one,
    /// "work with partners to" is not).
    public var notImperativeBeforeTo: Set<String> = []
    /// Auxiliaries ending the words before a judging "not" ("the referring agency had [not been told]").
    public var auxiliaries: Set<String> = []
    /// Pronouns that, with their verb, name no one ("a risk that I become [too familiar]").
    public var pronouns: Set<String> = []
    /// Words that end the words before a cue in another clause's opening ("In seven cases there
    /// [was no …]", "Young people are consulted but [do not …]").
    public var clauseOpenings: Set<String> = []
    /// Nouns of bodies and people, one of which ends the words before "to" where they name an actor
    /// ("Leadership Forum to consider"); empty: any words do.
    public var bodies: Set<String> = []
    /// Words that open a subordinate clause before the main one ("While arrangements are in place,").
    public var subordinators: Set<String> = []
    /// Words that open the clause a cue stands in after a comma ("…, though more needs to be done").
    public var coordinators: Set<String> = []
    /// Words that, standing alone before a cue, name no one ("The need for …", "Much remains …").
    public var determiners: Set<String> = []
}
