/// Finds reporting, stance and directive cues outside quotes, with their
/// particles (`called for`, `pointed out`) and `according to`.
///
/// Bare and `-ing` forms count only where a verb can stand: not after a
/// determiner (`the call`, `a warning`).
struct CueFinder: Sendable {
    private let lexicon = CueLexicon.shared
    private static let according = WordHash("according")
    private static let to = WordHash("to")

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
                        entry: CueEntry(lemma: "according to", kind: .according, form: .participle, takesAddressee: false)
                    ))
                index += 1
                continue
            }
            guard let entry = self.lexicon.entry(token.hash) else { continue }
            if token.isCapitalized && !token.startsParagraph && index > 0 && tokens[index - 1].kind == .word
                && entry.form != .past
            {
                continue
            }
            if entry.form == .base || entry.form == .participle || entry.form == .third {
                if index > 0, WordLists.determiners.contains(tokens[index - 1].hash) { continue }
            }
            if entry.lemma == "continue", index + 1 < tokens.count, tokens[index + 1].kind == .word { continue }
            if entry.form == .participle, index > 0 {
                // `Leavitt saying`, `, warning`, `is urging`; not `cities challenging`.
                let previous = tokens[index - 1]
                let licensed = previous.kind == .comma || WordLists.beForms.contains(previous.hash)
                    || previous.isCapitalized || WordLists.pronouns.contains(previous.hash)
                if !licensed { continue }
            }
            if entry.form == .base || entry.form == .third, index > 0 {
                // `Addressing questions`, `states and cities`: nouns, not verbs.
                let previous = tokens[index - 1]
                let previousIsPronoun = WordLists.pronouns.contains(previous.hash)
                if previous.endsInIng && !previousIsPronoun { continue }
                if index + 1 < tokens.count, !previousIsPronoun,
                    tokens[index + 1].hash == WordLists.and || tokens[index + 1].hash == WordHash("or")
                {
                    continue
                }
            }
            if entry.form == .base, index > 0, tokens[index - 1].kind == .word,
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
            } else if entry.lemma == "point" || entry.lemma == "weigh" {
                continue
            }
            cues.append(Cue(first: index, last: last, entry: entry))
            index = last
        }
        return cues
    }
}
