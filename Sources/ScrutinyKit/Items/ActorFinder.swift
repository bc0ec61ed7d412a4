/// Finds who a recommendation asks to act: the subject in front of its obligation word
/// ("The Executive should ...", "Leadership Forum to consider ...", "Partners need to ...").
struct ActorFinder {
    let rules: ItemRules

    func actor(in text: String, cueAt: Int?) -> String? {
        let words = WordTokenizer.words(text)
        let cueIndex = cueAt ?? imperativeTo(words)
        guard let cueIndex, cueIndex > 0, cueIndex <= 10, cueIndex < words.count else { return nil }
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
        while remaining.count > 1, let first = remaining.first, isOpening(first) { remaining = remaining.dropFirst() }
        if let first = remaining.first { subject = first }
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
            subject = String(subject[range.lowerBound...]).trimmingCharacters(in: " ")
        }
        let subjectWords = WordTokenizer.words(subject).map(\.text)
        // A body's name ends in a capital ("The Data and Performance Subgroup"), whatever its first words.
        let namesABody = subjectWords.count > 1 && subject.split(separator: " ").last?.first?.isUppercase == true
        guard !subjectWords.isEmpty, subjectWords.count <= 7, namesABody || !rules.notActors.matchesAtStart(subjectWords) else { return nil }
        guard subject.first?.isUppercase == true || subjectWords.first == "the" || subjectWords.first == "partners" else {
            return nil
        }
        return subject
    }

    /// "Leadership Forum to consider …": a short capitalised name followed by "to".
    private func imperativeTo(_ words: [Word]) -> Int? {
        guard let index = words.prefix(5).firstIndex(where: { $0.text == "to" }), index > 0 else { return nil }
        return words[..<index].contains { rules.actorGrammar.notImperativeBeforeTo.contains($0.text) } ? nil : index
    }
}

private extension ActorFinder {
    /// A phrase of time or place that opens a sentence ("On the last inspection,"), or a single
    /// word set off by a comma ("Finally,").
    func isOpening(_ clause: String) -> Bool {
        let words = clause.split(separator: " ")
        return words.count == 1 || rules.actorGrammar.openings.contains(words.first.map { $0.lowercased() } ?? "")
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
