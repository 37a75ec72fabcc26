/// Directive verbs: each pattern of `urged Congress to`, `called for`, `demanded that`, `was ordered to`,
/// with the demander, the addressee and the action it gives.
extension DemandFinder {
    func verbDemand(_ verb: DirectiveVerb, _ index: DocumentIndex) -> DemandCandidate? {
        let tokens = index.tokens
        let lemma = verb.lemma
        let particle = verb.particle(tokens)
        let isFor = DirectiveWords.forVerbs.contains(lemma) && particle == WordLists.for
        let isCallOn = lemma == DirectiveWords.call && !isFor
        guard isFor || isCallOn || DirectiveWords.needAddressee.contains(lemma) || DirectiveWords.standalone.contains(lemma)
        else { return nil }
        let sentence = index.sentence(of: verb.first)
        guard !self.isDeniedOrHypothetical(verb.first, sentence, tokens) else { return nil }
        let demander = self.sentenceSubject(before: verb, sentence, tokens)
            ?? self.speakers.subject(before: self.subjectAnchor(verb.first, sentence, tokens), from: sentence.first, in: tokens)
        let end = self.clauseEnd(from: verb.last + 1, sentence, tokens)
        guard verb.last + 1 < end else { return nil }
        let cue = verb.first..<(verb.last + 1)
        func demand(_ action: Range<Int>, _ addressee: Range<Int>?, _ pattern: DemandPattern) -> DemandCandidate {
            DemandCandidate(cue: cue, action: action, demander: demander, addressee: addressee, pattern: pattern)
        }
        var start = verb.last + 1
        // `an Information Act request, ordered …`: a noun, not a verb with an object.
        guard tokens[start].kind != .comma else { return nil }
        if tokens[start].hash == WordLists.to && start + 1 < end {
            // `demanded to know whether`: a question.
            if DirectiveWords.questionVerbs.contains(tokens[start + 1].hash) { return nil }
            // `was ordered to make four releases`, `was instructed to begin`: the subject is the addressee.
            if verb.form == .past, verb.first > sentence.first, WordLists.beForms.contains(tokens[verb.first - 1].hash),
                let action = self.scalars(start + 1, end, tokens)
            {
                let addressee = self.speakers.subject(before: verb.first - 1, from: sentence.first, in: tokens)
                return DemandCandidate(cue: cue, action: action, demander: nil, addressee: addressee, pattern: .passive)
            }
        }
        // `urged Congress to pass …`, `called on him to withdraw`, `called for the United States to accept …`.
        if let (addressee, actionStart) = self.addresseeBeforeTo(from: start, end, tokens, strict: isFor, lemma: lemma),
            let action = self.scalars(actionStart, end, tokens)
        {
            return demand(action, addressee, .addresseeThenTo)
        }
        // `warned the Fed against buying bonds`.
        if DirectiveWords.warnings.contains(lemma), let (addressee, actionStart) = self.addresseeBeforeAgainst(from: start, end, tokens),
            let action = self.scalars(actionStart, end, tokens)
        {
            return demand(action, addressee, .addresseeThenAgainst)
        }
        // `demanded that police release …`, `urged that everyone take …`: the subject of the clause is asked.
        if DirectiveWords.thatVerbs.contains(lemma), tokens[start].hash == WordLists.that, start + 1 < end {
            let addressee = self.isPassive(from: start + 1, end, tokens) ? nil : self.clauseSubject(from: start + 1, end, tokens)
            guard let action = self.scalars(start + 1, end, tokens) else { return nil }
            return demand(action, addressee, .thatClause)
        }
        guard isFor || DirectiveWords.standalone.contains(lemma) else { return nil }
        if tokens[start].hash == WordLists.that { start += 1 }
        guard start < end, let action = self.scalars(start, end, tokens) else { return nil }
        // `demanding President Barack Obama make a pledge`: a name, then a bare verb.
        if !isFor, DirectiveWords.subjectPronouns.contains(tokens[start].hash), start + 1 < end,
            let rest = self.scalars(start + 1, end, tokens)
        {
            return demand(rest, start..<(start + 1), .bareClause)
        }
        if !isFor, let name = self.leadingName(from: start, end, tokens), name.upperBound < end,
            tokens[name.upperBound].kind == .word, !tokens[name.upperBound].isCapitalized,
            !ActorWords.prepositions.contains(tokens[name.upperBound].hash), !tokens[name.upperBound].endsInS,
            let rest = self.scalars(name.upperBound, end, tokens)
        {
            return demand(rest, name, .bareClause)
        }
        // `more money from state agencies`: the ones asked to give; not after a gerund (`denying entry to travelers from`).
        let source = tokens[start].endsInIng ? nil : self.phrase(after: DirectiveWords.from, in: start..<end, tokens)
        return demand(action, source.flatMap { $0.lowerBound <= start + 5 && !tokens[$0.lowerBound].endsInIng ? $0 : nil }, .object)
    }

    /// `has not called for`, `None of them is pushing for`, `will demand`, `could call on`, or a question
    /// (`has he called for …?`): no demand is reported.
    private func isDeniedOrHypothetical(_ verb: Int, _ sentence: Sentence, _ tokens: [Token]) -> Bool {
        var position = verb - 1
        // `can … by pushing for`, `could allow him to call for`: the modal governs a verb further left.
        let reach = verb > sentence.first
            && (tokens[verb - 1].hash == WordLists.to || tokens[verb - 1].hash == DirectiveWords.by) ? 10 : 4
        while position >= sentence.first, verb - position <= reach, tokens[position].kind == .word {
            let hash = tokens[position].hash
            if DirectiveWords.denials.contains(hash) || DirectiveWords.modals.contains(hash) { return true }
            position -= 1
        }
        if tokens[sentence.first].kind == .word, DirectiveWords.denials.contains(tokens[sentence.first].hash) { return true }
        let last = sentence.end - 1
        return last > verb && tokens[last].hash == WordLists.questionMark
    }

    /// `Congress to`, `the states to`, `Michigan Gov. Rick Snyder (R) to`: a short noun phrase followed by `to`
    /// and a verb. Returns the addressee and the first token of the action (after `to`, or the negation before it).
    /// `strict` (after `called for`): the phrase must open with a name, a pronoun or a determiner and the
    /// verb must not be `be` (`called for compensation to be clawed back` names no addressee).
    private func addresseeBeforeTo(from start: Int, _ end: Int, _ tokens: [Token], strict: Bool, lemma: WordHash)
        -> (Range<Int>, Int)?
    {
        var position = start
        while position < end, position - start <= 9,
            tokens[position].kind == .word || tokens[position].kind == .openBracket || tokens[position].kind == .closeBracket
                || (tokens[position].kind == .comma && position > start) || (tokens[position].kind == .number && position > start)
        {
            if tokens[position].hash == WordLists.to && tokens[position].kind == .word {
                // The word after `to` must be a verb: `urged Congress to act`, not `told REVOLT TV ... posted to its`.
                // `called on fellow Muslims to “stand up …”`: a quote mark may open the action.
                let verbAt = position + 1 < end && tokens[position + 1].isQuoteMark ? position + 2 : position + 1
                guard position > start, verbAt < end, tokens[verbAt].kind == .word,
                    !tokens[verbAt].isCapitalized || verbAt > position + 1, !WordLists.determiners.contains(tokens[verbAt].hash),
                    !WordLists.pronouns.contains(tokens[verbAt].hash)
                else { return nil }
                if strict && (tokens[verbAt].hash == DirectiveWords.be || position - start > 6) { return nil }
                // `warned the Fed not to act`: the negation belongs to the action.
                var addresseeEnd = position
                while addresseeEnd > start, DirectiveWords.negations.contains(tokens[addresseeEnd - 1].hash)
                    || tokens[addresseeEnd - 1].kind == .comma
                {
                    addresseeEnd -= 1
                }
                // The addressee is a noun phrase: a name, a pronoun, a determiner or a plural (`pleaded guilty to` is not).
                let head = tokens[start]
                let opens = head.isCapitalized || DirectiveWords.objectPronouns.contains(head.hash)
                    || (WordLists.determiners.contains(head.hash) && !(strict && DirectiveWords.indefinites.contains(head.hash)))
                // `urged women to vote`, `directed sales people to rank`: a short object of a true directive.
                let short = !strict && addresseeEnd - start <= 2 && DirectiveWords.objectTakers.contains(lemma)
                    && !ActorWords.prepositions.contains(head.hash)
                guard addresseeEnd > start, opens || (!strict && tokens[addresseeEnd - 1].endsInS) || short else { return nil }
                if strict, tokens[start..<addresseeEnd].contains(where: { ActorWords.prepositions.contains($0.hash) }) { return nil }
                let actionStart = addresseeEnd < position && tokens[addresseeEnd].kind != .comma ? addresseeEnd : position + 1
                // `his supporters at a rally Friday to ask`: the addressee ends at an adjunct; `urge the opposite tactic
                // in a speech to conservative pastors`: an object, then a phrase with `to`, is no addressee.
                if let adjunct = (start..<addresseeEnd).first(where: { DirectiveWords.adjunctPrepositions.contains(tokens[$0].hash) }) {
                    if DirectiveWords.standalone.contains(lemma) || adjunct == start { return nil }
                    return (start..<adjunct, actionStart)
                }
                return (start..<addresseeEnd, actionStart)
            }
            if tokens[position].hash == WordLists.that { return nil }
            position += 1
        }
        return nil
    }

    /// `the Fed against buying`: the addressee and the first token of the action.
    private func addresseeBeforeAgainst(from start: Int, _ end: Int, _ tokens: [Token]) -> (Range<Int>, Int)? {
        var position = start
        while position < end, position - start <= 6, tokens[position].kind == .word {
            if tokens[position].hash == DirectiveWords.against {
                guard position > start, position + 1 < end, tokens[position + 1].endsInIng else { return nil }
                return (start..<position, position + 1)
            }
            position += 1
        }
        return nil
    }

    /// The subject that opens a clause: a pronoun, or a determiner and the names after it, or one word.
    private func clauseSubject(from start: Int, _ end: Int, _ tokens: [Token]) -> Range<Int>? {
        guard start < end, tokens[start].kind == .word else { return nil }
        if WordLists.pronouns.contains(tokens[start].hash) { return start..<(start + 1) }
        var position = start
        if WordLists.determiners.contains(tokens[position].hash) { position += 1 }
        var last = position
        while last < end, last - position < 6, tokens[last].kind == .word, tokens[last].isCapitalized { last += 1 }
        if last == position, position < end, tokens[position].kind == .word { last = position + 1 }
        return start..<last
    }

    /// `the playbooks … be released`: a clause whose verb is `be` and a participle names no addressee.
    private func isPassive(from start: Int, _ end: Int, _ tokens: [Token]) -> Bool {
        var position = start
        while position + 1 < end, position - start < 12 {
            if tokens[position].hash == DirectiveWords.be, tokens[position + 1].endsInEd { return true }
            position += 1
        }
        return false
    }

    /// `She offers reasonableness …, urging voters to`, `he stood with them and urged`: a participle after
    /// a comma, or a verb after `and`, belongs to the sentence's subject, a pronoun or a name opening the
    /// sentence (after an opening phrase such as `On Tuesday,`).
    private func sentenceSubject(before verb: DirectiveVerb, _ sentence: Sentence, _ tokens: [Token]) -> Range<Int>? {
        guard verb.first > sentence.first + 1,
            (verb.form == .participle && tokens[verb.first - 1].kind == .comma) || tokens[verb.first - 1].hash == WordLists.and
        else { return nil }
        var first = sentence.first
        if !tokens[first].isCapitalized || ActorWords.prepositions.contains(tokens[first].hash)
            || WordLists.conjunctions.contains(tokens[first].hash) || WordLists.sentenceAdverbs.contains(tokens[first].hash)
        {
            // Skip an opening phrase up to its comma.
            var comma = first
            while comma < verb.first, comma - first < 8, tokens[comma].kind != .comma { comma += 1 }
            if comma < verb.first - 1, tokens[comma].kind == .comma { first = comma + 1 }
        }
        if WordLists.pronouns.contains(tokens[first].hash) && tokens[first].hash != WordLists.who { return first..<(first + 1) }
        var last = first
        while last < verb.first, last - first < 5, tokens[last].kind == .word, tokens[last].isCapitalized { last += 1 }
        guard last > first, last < verb.first, tokens[last].kind == .word, !tokens[last].isCapitalized,
            !ActorWords.prepositions.contains(tokens[last].hash)
        else { return nil }
        return first..<last
    }

    /// Where to look left for the subject: before `has continued to`, `all but`, `seemed to`, `has taken to`.
    private func subjectAnchor(_ verb: Int, _ sentence: Sentence, _ tokens: [Token]) -> Int {
        var anchor = verb
        while anchor - 1 > sentence.first, verb - anchor < 4, DirectiveWords.aspectWords.contains(tokens[anchor - 1].hash) {
            anchor -= 1
        }
        return anchor
    }

    /// The speaker of the reporting cue nearest before a participle after a comma in the same sentence.
    func reportingSpeaker(before verb: DirectiveVerb, _ index: DocumentIndex, _ attributions: [Attribution]) -> Range<Int>? {
        guard verb.form == .participle, verb.first > 0, index.tokens[verb.first - 1].kind == .comma else { return nil }
        let sentence = index.sentence(of: verb.first)
        var best: (cue: Int, speaker: Range<Int>)?
        for attribution in attributions {
            guard let cue = attribution.cue, let speaker = attribution.speaker, cue.first >= sentence.first, cue.first < verb.first
            else { continue }
            if best.map({ cue.first > $0.cue }) ?? true { best = (cue.first, speaker) }
        }
        return best?.speaker
    }

    /// A run of capitalized words opening the range (`President Barack Obama`).
    private func leadingName(from start: Int, _ end: Int, _ tokens: [Token]) -> Range<Int>? {
        var last = start
        while last < end, last - start < 6, tokens[last].kind == .word, tokens[last].isCapitalized { last += 1 }
        return last > start ? start..<last : nil
    }
}
