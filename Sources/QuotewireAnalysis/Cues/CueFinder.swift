/// Finds reporting, stance and directive cues outside quotes, with their
/// particles (`called for`, `pointed out`) and `according to`.
///
/// Bare and `-ing` forms count only where a verb can stand: not after a
/// determiner (`the call`, `a warning`).
struct CueFinder: Sendable {
    private let lexicon = CueLexicon.shared
    static let according = WordHash(value: 0x22069A7DCA739B67)  // "according"
    static let to = WordHash(value: 0x08C83907B56AC0A4)  // "to"

    /// Cue verbs whose bare and `-s` forms are more often nouns.
    private static let nounLike = WordLists.set(
        """
        state states plan plans support supports call calls claim claims report reports question questions charge \
        charges comment comments post posts order orders demand demands request requests estimate estimates answer \
        answers counter counters joke jokes promise promises pledge pledges vow vows fear fears hope hopes doubt \
        doubts attack attacks blast blasts slam slams credit credits challenge challenges dispute disputes insult \
        insults fault faults welcome welcomes praise praises blame blames find finds show shows note notes \
        respond reply replies concern concerns reveal lie lies read reads want wants worry worries comment \
        remark remarks tweet tweets appeal appeals lobby petition pressure push press
        """
    )

    /// Lemmas that are cues only with their particle (`pointed out`, `talked about`).
    private static let needParticle = WordLists.set("point weigh talk rail lash")
    static let continueLemma = WordHash(value: 0xD2BFD5ACCD1966A4)  // "continue"

    func find(_ tokens: [Token], quoted: [Bool]) -> [Cue] {
        var cues: [Cue] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            let token = tokens[index]
            guard token.kind == .word, !quoted[index] else { continue }
            if token.hash == Self.according, index + 1 < tokens.count, tokens[index + 1].hash == Self.to {
                cues.append(
                    Cue(
                        first: index, last: index + 1,
                        entry: CueEntry(lemma: Self.according, kind: .according, form: .participle, takesAddressee: false)
                    ))
                index += 1
                continue
            }
            guard let entry = self.lexicon.entry(token.hash) else { continue }
            // A capitalized cue inside a sentence is a name (`Will`, `Hope`), unless the words around it are
            // capitalized too, as in a title-case headline (`Mayor Says City Is Ready`).
            let isTitleCase = index + 1 < tokens.count && tokens[index + 1].isCapitalized
                && !tokens[index + 1].startsParagraph && index > 0 && tokens[index - 1].isCapitalized
            if token.isCapitalized && !token.startsParagraph && index > 0 && tokens[index - 1].kind == .word
                && entry.form != .past && !isTitleCase
            {
                continue
            }
            // `the call`, `a warning`, `an alleged attack`: after a determiner a cue word is a noun or adjective.
            if index > 0, WordLists.determiners.contains(tokens[index - 1].hash), tokens[index - 1].hash != WordLists.that {
                continue
            }
            if entry.lemma == Self.continueLemma, index + 1 < tokens.count, tokens[index + 1].kind == .word { continue }
            if entry.form == .participle, index > 0 {
                // `Leavitt saying`, `, warning`, `is urging`; not `cities challenging`.
                let previous = tokens[index - 1]
                let afterQuotedComma = previous.isQuoteMark && index > 1 && tokens[index - 2].kind == .comma
                let licensed = previous.kind == .comma || afterQuotedComma || WordLists.beForms.contains(previous.hash)
                    || previous.isCapitalized || WordLists.pronouns.contains(previous.hash)
                    || (entry.kind == .speech && previous.endsInS && previous.kind == .word)
                if !licensed { continue }
            }
            if entry.form == .base || entry.form == .third, index > 0, Self.nounLike.contains(token.hash) {
                // `give states`, `If states`: a plural noun unless a name, pronoun or auxiliary stands before it.
                let previous = tokens[index - 1]
                let licensed = WordLists.pronouns.contains(previous.hash)
                    || (entry.form == .base && WordLists.verbLicensors.contains(previous.hash))
                    || (previous.isCapitalized && !WordLists.subjectBoundaries.contains(previous.hash)
                        && !WordLists.conjunctions.contains(previous.hash) && index - 1 > 0
                        && !tokens[index - 1].startsParagraph)
                    || previous.kind == .closeBracket
                    || (entry.form == .base && previous.endsInS && previous.kind == .word)
                    || (entry.form == .third && index > 1 && WordLists.determiners.contains(tokens[index - 2].hash))
                if !licensed { continue }
            }
            if entry.form == .base || entry.form == .third, index > 0 {
                // `Addressing questions`, `states and cities`: nouns, not verbs.
                let previous = tokens[index - 1]
                let previousIsPronoun = WordLists.pronouns.contains(previous.hash)
                if previous.endsInIng && !previousIsPronoun { continue }
                if index + 1 < tokens.count, !previousIsPronoun,
                    tokens[index + 1].hash == WordLists.and || tokens[index + 1].hash == WordLists.or
                {
                    continue
                }
            }
            if entry.form == .base, index > 0, tokens[index - 1].kind == .word, Self.nounLike.contains(token.hash),
                !WordLists.verbLicensors.contains(tokens[index - 1].hash), !WordLists.pronouns.contains(tokens[index - 1].hash),
                !tokens[index - 1].isCapitalized, !tokens[index - 1].endsInS
            {
                continue
            }
            var last = index
            if let particles = self.lexicon.particles(after: token.hash), index + 1 < tokens.count,
                particles.contains(tokens[index + 1].hash)
            {
                last = index + 1
            } else if Self.needParticle.contains(entry.lemma) || self.lexicon.isWeak(token.hash) {
                continue
            }
            cues.append(Cue(first: index, last: last, entry: entry))
            index = last
        }
        return cues
    }
}
