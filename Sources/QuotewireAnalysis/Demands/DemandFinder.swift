/// Finds demands: directive verbs (`urged Congress to ...`, `is pushing for
/// ...`, `called on X to ...`) and directive nouns (`three expectations`)
/// with demander, addressee and action; an enumeration of actions gives one
/// demand per item, and a demand inside reported speech points at it.
struct DemandFinder: Sendable {
    private let speakers = SpeakerFinder()
    /// How many tokens around a directive noun are searched for its demander and addressee.
    private static let window = 40

    func find(
        _ index: DocumentIndex, cues: [Cue], attributions: [Attribution], actors: inout ActorRegistry
    ) -> [DemandCandidate] {
        var demands: [DemandCandidate] = []
        var cueTokens = Set<Int>()
        for cue in cues { cueTokens.insert(cue.first) }
        // The attribution whose cue is a directive verb knows its speaker best (`…, calling on Congress to`).
        var attributionByCue: [Int: Int] = [:]
        for (position, attribution) in attributions.enumerated() {
            if let cue = attribution.cue { attributionByCue[cue.first] = position }
        }
        for verb in DirectiveVerbFinder().find(index) {
            cueTokens.insert(verb.first)
            guard var demand = self.verbDemand(verb, index) else { continue }
            if let position = attributionByCue[verb.first] {
                let attribution = attributions[position]
                // The verb's own subject first (`a federal judge, in response to a … request, ordered`); else the
                // attribution's speaker, which knows participles far from their subject.
                if demand.demander == nil, let speaker = attribution.speaker { demand.demander = speaker }
                // The attribution's content bounds the action better than the clause (`him to drop out` | `quiets down`).
                if attribution.content.overlaps(demand.action), attribution.content.upperBound > demand.action.lowerBound {
                    demand.action = demand.action.lowerBound..<min(demand.action.upperBound, attribution.content.upperBound)
                }
            }
            if demand.demander == nil, let speaker = self.reportingSpeaker(before: verb, index, attributions)
            {
                // `“…,” said a committee member, asking for anonymity`: the participle goes with that speaker.
                demand.demander = speaker
            }
            demands.append(demand)
        }
        let verbActions = demands.map(\.action)
        for position in index.tokens.indices where index.tokens[position].kind == .word
            && DirectiveWords.nouns.contains(index.tokens[position].hash) && !cueTokens.contains(position)
            && !index.isQuoted[position] && self.isNounUse(position, index.tokens)
        {
            // A noun inside a verb's demand (`asked for a request …`) adds nothing.
            demands.append(contentsOf: self.nounDemands(at: position, index, cues: cueTokens).filter { noun in
                !verbActions.contains { $0.overlaps(noun.action) }
            })
        }
        let starts = attributions.map(\.content.lowerBound)
        for position in demands.indices {
            let demand = demands[position]
            demands[position].demanderRecord = demand.demander.flatMap { actors.resolve($0) }
            demands[position].addresseeRecord = demand.addressee.flatMap { actors.resolve($0) }
            demands[position].attribution = self.reportingAttribution(
                Int(index.tokens[demand.cue.lowerBound].start), attributions, starts)
        }
        demands.sort { $0.action.lowerBound < $1.action.lowerBound }
        return demands
    }

    // MARK: - Verbs

    private func verbDemand(_ verb: DirectiveVerb, _ index: DocumentIndex) -> DemandCandidate? {
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
    private func reportingSpeaker(before verb: DirectiveVerb, _ index: DocumentIndex, _ attributions: [Attribution]) -> Range<Int>? {
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

    // MARK: - Nouns

    /// `expectations for cooperation`, `their demands.`: a noun; `mayor demands state funds`: a verb with an object.
    private func isNounUse(_ position: Int, _ tokens: [Token]) -> Bool {
        guard position + 1 < tokens.count, tokens[position + 1].kind == .word, !tokens[position + 1].startsParagraph else {
            return true
        }
        return DirectiveWords.afterNoun.contains(tokens[position + 1].hash)
    }

    private func nounDemands(at position: Int, _ index: DocumentIndex, cues: Set<Int>) -> [DemandCandidate] {
        let tokens = index.tokens
        let sentence = index.sentence(of: position)
        let demander = self.demander(before: position, sentence, tokens, cues: cues)
        let addressee = self.addressee(near: position, sentence, tokens, excluding: demander)
        var items = self.enumeration(after: position, index)
        if items.isEmpty {
            let end = self.clauseEnd(from: position + 1, sentence, tokens)
            var start = position + 1
            if start < end, tokens[start].hash == WordLists.that || tokens[start].hash == WordLists.for { start += 1 }
            if start < end, tokens[start].kind != .comma, let action = self.scalars(start, end, tokens) { items = [action] }
        }
        guard demander != nil else { return [] }
        return items.map { action in
            DemandCandidate(
                cue: position..<(position + 1), action: action, demander: demander, addressee: addressee,
                pattern: .noun)
        }
    }

    /// The nearest subject-like mention before the noun that is not the speaker of a reporting cue.
    private func demander(before position: Int, _ sentence: Sentence, _ tokens: [Token], cues: Set<Int>) -> Range<Int>? {
        var index = position - 1
        let first = max(sentence.first, position - Self.window)
        while index >= first {
            let token = tokens[index]
            let isCandidate =
                token.kind == .word && (WordLists.pronouns.contains(token.hash) || token.isCapitalized)
                && !WordLists.determiners.contains(token.hash) && !WordLists.conjunctions.contains(token.hash)
            let isSpeaker = cues.contains(index + 1)
            let isObject = index > sentence.first && ActorWords.prepositions.contains(tokens[index - 1].hash)
            if isCandidate && !isSpeaker && !isObject && index + 1 < tokens.count && !tokens[index + 1].isCapitalized {
                var first = index
                while first - 1 >= sentence.first, tokens[first - 1].kind == .word, tokens[first - 1].isCapitalized {
                    first -= 1
                }
                if WordLists.pronouns.contains(token.hash) { first = index }
                return first..<(index + 1)
            }
            index -= 1
        }
        return nil
    }

    /// The nearest mention in the sentence introduced by `with`, `to`, `from` or `on`.
    private func addressee(near position: Int, _ sentence: Sentence, _ tokens: [Token], excluding demander: Range<Int>?)
        -> Range<Int>?
    {
        let introducers = DirectiveWords.addresseeIntroducers
        var best: Range<Int>?
        var bestDistance = Int.max
        var index = max(sentence.first, position - Self.window)
        let end = min(sentence.end, position + Self.window)
        while index + 1 < end {
            defer { index += 1 }
            guard introducers.contains(tokens[index].hash) else { continue }
            var first = index + 1
            if WordLists.determiners.contains(tokens[first].hash) { first += 1 }
            var end = first
            while end < sentence.end, end - first < 6, tokens[end].kind == .word, tokens[end].isCapitalized { end += 1 }
            guard end > first, demander.map({ !$0.overlaps(first..<end) }) ?? true else { continue }
            let distance = abs(position - index)
            if distance < bestDistance {
                best = (index + 1)..<end
                bestDistance = distance
            }
        }
        return best
    }

    /// Items after a colon, or in a next sentence like `These include A, B and C.`
    private func enumeration(after position: Int, _ index: DocumentIndex) -> [Range<Int>] {
        let tokens = index.tokens
        let sentence = index.sentence(of: position)
        var start = -1
        var end = sentence.end
        var colon = position + 1
        while colon < sentence.end, colon - position <= 4, tokens[colon].kind == .word { colon += 1 }
        if colon < sentence.end, tokens[colon].kind == .colon {
            start = colon + 1
        } else if sentence.end < tokens.count, !tokens[sentence.end].startsParagraph {
            let next = index.sentence(of: sentence.end)
            var verb = next.first
            while verb < next.end, verb - next.first < 4, !DirectiveWords.enumerators.contains(tokens[verb].hash) {
                verb += 1
            }
            guard verb < next.end, verb - next.first < 4, verb > next.first,
                WordLists.determiners.contains(tokens[next.first].hash) || WordLists.pronouns.contains(tokens[next.first].hash)
                    || DirectiveWords.nouns.contains(tokens[verb - 1].hash)
            else { return [] }
            start = verb + 1
            end = next.end
        }
        end = min(end, start + Attributor.maximumContentTokens)
        guard start >= 0, start < end else { return [] }
        var items: [Range<Int>] = []
        var itemStart = start
        var position = start
        while position <= end {
            let isSeparator =
                position == end || tokens[position].kind == .comma || tokens[position].kind == .semicolon
                || (tokens[position].kind == .word && (tokens[position].hash == WordLists.and || tokens[position].hash == WordLists.or)
                    && position > start && tokens[position - 1].kind == .comma)
            if isSeparator {
                var first = itemStart
                while first < position, tokens[first].kind != .word { first += 1 }
                if first < position, tokens[first].hash == WordLists.and { first += 1 }
                if let range = self.scalars(first, position, tokens) { items.append(range) }
                itemStart = position + 1
            }
            position += 1
        }
        return items.count >= 2 ? items : []
    }

    // MARK: - Helpers

    private func clauseEnd(from start: Int, _ sentence: Sentence, _ tokens: [Token]) -> Int {
        var position = start
        let end = min(sentence.end, start + Attributor.maximumContentTokens)
        while position < end, tokens[position].kind != .semicolon {
            if position > start, tokens[position].kind == .word, !tokens[position].isCapitalized,
                DirectiveWords.clauseOpeners.contains(tokens[position].hash)
            {
                break
            }
            // `called for a prosecutor, saying ...`, `asked for help, which ...`: the action ends at the comma.
            if tokens[position].kind == .comma, position + 1 < end,
                DirectiveWords.actionEnders.contains(tokens[position + 1].hash) || tokens[position + 1].endsInIng
            {
                break
            }
            position += 1
        }
        return position
    }

    /// The scalar range of the words from `start` to `end`, without trailing punctuation.
    private func scalars(_ start: Int, _ end: Int, _ tokens: [Token]) -> Range<Int>? {
        var close = end
        while close > start, tokens[close - 1].kind != .word && tokens[close - 1].kind != .number
            && !tokens[close - 1].isQuoteMark
        {
            close -= 1
        }
        guard close > start else { return nil }
        return Int(tokens[start].start)..<Int(tokens[close - 1].end)
    }

    /// The words after `marker` inside `range`, up to `to`, `that` or punctuation.
    private func phrase(after marker: WordHash, in range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        guard let at = range.first(where: { tokens[$0].hash == marker && tokens[$0].kind == .word }) else { return nil }
        var end = at + 1
        while end < range.upperBound, tokens[end].kind == .word, tokens[end].hash != WordLists.to,
            tokens[end].hash != WordLists.that, end - at <= 6
        {
            end += 1
        }
        return end > at + 1 ? (at + 1)..<end : nil
    }

    /// The innermost attribution whose content holds `offset`.
    private func reportingAttribution(_ offset: Int, _ attributions: [Attribution], _ starts: [Int]) -> Int? {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        var best: Int?
        var index = low - 1
        while index >= 0, low - index <= 20 {
            if attributions[index].content.contains(offset),
                best.map({ attributions[index].content.count < attributions[$0].content.count }) ?? true
            {
                best = index
            }
            index -= 1
        }
        return best
    }
}
