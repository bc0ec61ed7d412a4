/// Finds who a recommendation asks to act: the subject in front of its obligation word
/// ("The Executive should ...", "Leadership Forum to consider ...", "Partners need to ...").
struct ActorFinder {
    let rules: ItemRules

    func actor(in text: String, cueAt: Int?) -> String? {
        let words = WordTokenizer.words(text)
        let cueIndex = cueAt ?? imperativeTo(words, in: text)
        guard let cueIndex, cueIndex > 0, cueIndex <= 10, cueIndex < words.count else { return nil }
        // "Continue to reduce …", "Ensure that the responses … are timely", "Fully develop ways to
        // …": an item in the imperative names no actor; its words before the cue are its request.
        if opensWithAnImperative(words) { return nil }
        // "… is required", "there is a need to", "it is recommended", "we suggest": no actor named.
        let grammar = rules.actorGrammar
        if grammar.noActorAtCue.contains(words[cueIndex].text) { return nil }
        // Passive voice ("should be reviewed") names the thing, not the actor.
        let after = words.dropFirst(cueIndex + 1).prefix(3).map(\.text)
        if after.first == "be" || (after.count > 1 && after[1] == "be" && grammar.passiveAdverbs.contains(after[0])) {
            return nil
        }
        let scalars = Array(text.unicodeScalars)
        var subject = String(String.UnicodeScalarView(scalars[words[0].start..<words[cueIndex].start]))
        // "Finally, the Partnership" → "the Partnership"; "The Executive, through the group" → "The Executive".
        let clauses = subject.split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        // "However, no child was seen …", "Overall, …": a sentence adverb and its comma name no one.
        if clauses.count == 1, subject.trimmingCharacters(in: " ").hasSuffix(",") { return nil }
        // "On the last inspection, inspectors did see …": a phrase of time or place opening the
        // sentence is not its subject either.
        // "Also, over the last five years, the partnership has not …": every such opening goes.
        var remaining = clauses[...]
        while remaining.count > 1, let first = remaining.first, isOpening(first) || opensASubordinateClause(first) {
            remaining = remaining.dropFirst()
        }
        // "Leaders use data well, though more needs to be done": the cue stands in the clause the
        // conjunction opens, and the actor is sought there ("more": no one).
        if remaining.count > 1, let last = remaining.last, let first = last.split(separator: " ").first,
           grammar.coordinators.contains(first.lowercased()) {
            subject = last.split(separator: " ").dropFirst().joined(separator: " ")
        } else if let first = remaining.first {
            subject = first
        }
        subject = subject.trimmingCharacters(in: " ,;")
        guard let clauseSubject = subjectOfItsClause(subject) else { return nil }
        subject = clauseSubject
        // "In future the BSCP Executive" → "the BSCP Executive" (but "The quality of referrals to
        // the front door" is one noun phrase from its first word).
        if !subject.lowercased().hasPrefix("the "), let range = subject.ranges(of: " the ").last ?? subject.ranges(of: " The ").last {
            // "Over the last five years [no placement has …]": the noun of the opening phrase is
            // no one; the subject is after the cue.
            let before = subject[..<range.lowerBound].split(separator: " ")
            if before.count == 1, rules.actorGrammar.openings.contains(before[0].lowercased()) { return nil }
            // A phrase of time or place ("In future", "Currently") gives way to the noun after it;
            // a noun with its preposition ("Leaders across the partnership") is the actor whole;
            // anything else holds a verb ("Leaders recognise the priority [to develop …]"), and
            // the noun after it is no actor.
            let opening = before.first.map { grammar.openings.contains($0.lowercased()) || (before.count == 1 && $0.hasSuffix("ly")) } ?? false
            if opening || grammar.openings.isEmpty {
                subject = String(subject[range.lowerBound...]).trimmingCharacters(in: " ")
            } else if let last = before.last, !grammar.openings.contains(last.lowercased()) {
                return nil
            }
        }
        let subjectWords = WordTokenizer.words(subject).map(\.text)
        // "The need for better …", "Much remains to be done", "The LAC nurse has identified a
        // [need to …]": words that end in a determiner, or are nothing else, name no one.
        if let last = subjectWords.last, grammar.determiners.contains(last) { return nil }
        // A body's name ends in a capital ("The Data and Performance Subgroup"), whatever its first words.
        let namesABody = subjectWords.count > 1 && subject.split(separator: " ").last?.first?.isUppercase == true
        guard !subjectWords.isEmpty, subjectWords.count <= 7, namesABody || !rules.notActors.matchesAtStart(subjectWords) else { return nil }
        guard subject.first?.isUppercase == true || subjectWords.first == "the" || subjectWords.first == "partners" else {
            return nil
        }
        return subject
    }

    /// "Leadership Forum to consider …": a short name of a body followed by "to" (not the "to" of
    /// "up-to-date"; not "Arrangements to support …", which names no body).
    private func imperativeTo(_ words: [Word], in text: String) -> Int? {
        guard let index = words.prefix(5).firstIndex(where: { $0.text == "to" }), index > 0 else { return nil }
        let grammar = rules.actorGrammar
        let between = text.unicodeScalars.dropFirst(words[index - 1].end).prefix(words[index].start - words[index - 1].end)
        if between.contains("-") { return nil }
        if !grammar.bodies.isEmpty, !grammar.bodies.contains(words[index - 1].text) { return nil }
        return words[..<index].contains { grammar.notImperativeBeforeTo.contains($0.text) } ? nil : index
    }
}

private extension ActorFinder {
    /// Whether the sentence opens with a verb of request ("Continue …", "Ensure that …"), perhaps
    /// after an adverb ("Fully develop …", "Robustly challenge …").
    func opensWithAnImperative(_ words: [Word]) -> Bool {
        let imperatives = rules.pasted.imperatives
        guard let first = words.first else { return false }
        if imperatives.contains(first.text) { return true }
        return first.text.hasSuffix("ly") && words.count > 1 && imperatives.contains(words[1].text)
    }

    /// A clause that opens with a subordinating word ("While arrangements are in place").
    func opensASubordinateClause(_ clause: String) -> Bool {
        clause.split(separator: " ").first.map { rules.actorGrammar.subordinators.contains($0.lowercased()) } ?? false
    }

    /// A phrase of time or place that opens a sentence ("On the last inspection,"), a single word
    /// set off by a comma ("Finally,"), or an adverbial phrase whole ("Too often,").
    func isOpening(_ clause: String) -> Bool {
        let words = clause.split(separator: " ")
        return words.count == 1 || rules.actorGrammar.openings.contains(words.first.map { $0.lowercased() } ?? "")
            || rules.actorGrammar.adverbialOpenings.contains(words.joined(separator: " ").lowercased())
    }

    /// The words before the cue cut to the subject of the clause the cue stands in, or nil where
    /// they end in another clause's opening and name no one.
    func subjectOfItsClause(_ words: String) -> String? {
        let grammar = rules.actorGrammar
        var subject = words
        // "Inspectors highlighted that plans for children [are not …]", "The review found that the
        // new arrangements [are …]": the subject is the reported clause's.
        if let that = subject.ranges(of: " that ").last {
            subject = String(subject[that.upperBound...]).trimmingCharacters(in: " ")
        }
        // "the referring agency had [not been told]": the auxiliary before a judging "not" is the verb's.
        while let last = subject.split(separator: " ").last, subject.contains(" "), grammar.auxiliaries.contains(last.lowercased()) {
            subject = String(subject.dropLast(last.count)).trimmingCharacters(in: " ")
        }
        // "… a risk that I become [too familiar]": a pronoun and its verb name no one.
        if let first = subject.split(separator: " ").first?.lowercased(), grammar.pronouns.contains(first),
           subject.contains(" ") { return nil }
        // "In seven cases there [was no …]", "Young people are consulted but [do not …]": the words
        // before the cue end in another clause's opening, and name no actor.
        if let last = subject.split(separator: " ").last?.lowercased(), grammar.clauseOpenings.contains(last) {
            return nil
        }
        return subject
    }
}
