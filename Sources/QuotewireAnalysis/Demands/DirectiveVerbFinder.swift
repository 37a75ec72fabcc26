/// Finds directive verbs outside quotes with their particles, more permissively than the reporting
/// ``CueFinder`` (a demand is often a participle far from its subject: `…, also calling on attendees
/// to`, `sent a letter urging them to`, `have begun urging the party to`).
struct DirectiveVerbFinder: Sendable {
    /// A directive verb form: its lemma and inflection.
    private struct Form: Sendable, BitwiseCopyable {
        var lemma: WordHash
        var form: VerbForm
    }

    private static let forms: WordTable<Form> = {
        var pairs: [(WordHash, Form)] = []
        for lemma in DirectiveWords.verbLemmas {
            for (form, word) in CueLexicon.inflect(lemma, past: nil) {
                pairs.append((WordHash(word), Form(lemma: WordHash(lemma), form: form)))
            }
        }
        return WordTable(pairs)
    }()
    private static let inWord = WordHash(value: 0x08B73807B55C4BBE)  // "in"

    func find(_ index: DocumentIndex) -> [DirectiveVerb] {
        let tokens = index.tokens
        let forms = Self.forms  // read once: a static is checked for initialization on every access
        var verbs: [DirectiveVerb] = []
        var position = 0
        while position < tokens.count {
            defer { position += 1 }
            let token = tokens[position]
            guard token.kind == .word, !index.isQuoted[position], let entry = forms[token.hash] else { continue }
            let (lemma, form) = (entry.lemma, entry.form)
            let previous = position > 0 ? tokens[position - 1] : nil
            if let previous, previous.kind == .word {
                // `the call`, `a request`, `in order to`: nouns.
                if WordLists.determiners.contains(previous.hash) && !DirectiveWords.quantifiers.contains(previous.hash) { continue }
                if previous.hash == Self.inWord { continue }
            }
            // A capitalized verb inside a sentence is a name, unless the line is in title case.
            let isTitleCase = position + 1 < tokens.count && tokens[position + 1].isCapitalized && (previous?.isCapitalized ?? false)
            if token.isCapitalized && !token.startsParagraph && previous?.kind == .word && !isTitleCase { continue }
            // `calls for`, `demands that`: a verb after a subject, an auxiliary or `to`; `with calls for`, `new demands`: nouns.
            if form == .base || form == .third, DirectiveWords.nounLike.contains(token.hash), let previous {
                let licensed = WordLists.pronouns.contains(previous.hash) || WordLists.verbLicensors.contains(previous.hash)
                    || (previous.isCapitalized && !previous.startsParagraph) || previous.kind == .closeBracket
                    || (previous.endsInS && previous.kind == .word)
                if !licensed { continue }
            }
            var last = position
            if position + 1 < tokens.count, let particles = DirectiveWords.particles[lemma],
                particles.contains(tokens[position + 1].hash)
            {
                last = position + 1
            } else if DirectiveWords.needParticle.contains(lemma) {
                continue
            }
            verbs.append(DirectiveVerb(first: position, last: last, lemma: lemma, form: form))
            position = last
        }
        return verbs
    }
}
