/// Finds demands: directive verbs (`urged Congress to ...`, `is pushing for
/// ...`, `called on X to ...`) and directive nouns (`three expectations`)
/// with demander, addressee and action; an enumeration of actions gives one
/// demand per item, and a demand inside reported speech points at it.
struct DemandFinder: Sendable {
    let speakers = SpeakerFinder()
    /// How many tokens around a directive noun are searched for its demander and addressee.
    private static let window = 40

    func find(
        _ index: DocumentIndex, cues: [Cue], attributions: [Attribution], actors: inout ActorRegistry
    ) -> [DemandCandidate] {
        var demands: [DemandCandidate] = []
        // Whether a reporting cue or a directive verb starts at each token.
        var cueTokens = [Bool](repeating: false, count: index.tokens.count)
        for cue in cues { cueTokens[cue.first] = true }
        // The attribution whose cue is a directive verb knows its speaker best (`…, calling on Congress to`):
        // the attribution whose cue starts at each token, else -1 (the last one when several do).
        var attributionByCue = [Int32](repeating: -1, count: index.tokens.count)
        for (position, attribution) in attributions.enumerated() {
            if let cue = attribution.cue { attributionByCue[cue.first] = Int32(position) }
        }
        for verb in DirectiveVerbFinder().find(index) {
            cueTokens[verb.first] = true
            guard var demand = self.verbDemand(verb, index) else { continue }
            if attributionByCue[verb.first] >= 0 {
                let attribution = attributions[Int(attributionByCue[verb.first])]
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
        let nouns = DirectiveWords.nouns  // read once: a static is checked for initialization on every access
        for position in index.tokens.indices where index.tokens[position].kind == .word
            && nouns.contains(index.tokens[position].hash) && !cueTokens[position]
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
            demands[position].addresseeRecord = demand.addressee.flatMap { addressee in
                // `called on him to resign`: the actor he refers to.
                if addressee.count == 1, let subject = DirectiveWords.subjectForms[index.tokens[addressee.lowerBound].hash] {
                    return actors.resolve(objectPronoun: addressee, as: subject)
                }
                return actors.resolve(addressee)
            }
            demands[position].attribution = self.reportingAttribution(
                Int(index.tokens[demand.cue.lowerBound].start), attributions, starts)
        }
        demands.sort { $0.action.lowerBound < $1.action.lowerBound }
        return demands
    }

    // MARK: - Nouns

    /// `expectations for cooperation`, `their demands.`: a noun; `mayor demands state funds`: a verb with an object.
    private func isNounUse(_ position: Int, _ tokens: [Token]) -> Bool {
        guard position + 1 < tokens.count, tokens[position + 1].kind == .word, !tokens[position + 1].startsParagraph else {
            return true
        }
        return DirectiveWords.afterNoun.contains(tokens[position + 1].hash)
    }

    private func nounDemands(at position: Int, _ index: DocumentIndex, cues: [Bool]) -> [DemandCandidate] {
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
    private func demander(before position: Int, _ sentence: Sentence, _ tokens: [Token], cues: [Bool]) -> Range<Int>? {
        var index = position - 1
        let first = max(sentence.first, position - Self.window)
        while index >= first {
            let token = tokens[index]
            let isCandidate =
                token.kind == .word && (WordLists.pronouns.contains(token.hash) || token.isCapitalized)
                && !WordLists.determiners.contains(token.hash) && !WordLists.conjunctions.contains(token.hash)
            let isSpeaker = cues[index + 1]
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

    func clauseEnd(from start: Int, _ sentence: Sentence, _ tokens: [Token]) -> Int {
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
    func scalars(_ start: Int, _ end: Int, _ tokens: [Token]) -> Range<Int>? {
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
    func phrase(after marker: WordHash, in range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
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
