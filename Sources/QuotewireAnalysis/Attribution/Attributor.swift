import QuotewireModel

/// Ties contents to cues and speakers: direct quotes by the position of the
/// cue around the quote marks, indirect ones by cue and clause, participles
/// by the subject of the main clause, and quotes that go on after their
/// attribution.
struct Attributor: Sendable {
    private let speakers = SpeakerFinder()

    func attribute(_ index: DocumentIndex, cues: [Cue]) -> [Attribution] {
        var attributions: [Attribution] = []
        var cueAt = [Int32](repeating: -1, count: index.tokens.count)
        for (position, cue) in cues.enumerated() { cueAt[cue.first] = Int32(position) }
        let context = Context(index: index, cues: cues, cueAt: cueAt)
        for cue in cues {
            let attribution: Attribution?
            if cue.entry.kind == .according {
                attribution = self.according(cue, context)
            } else {
                attribution = self.verb(cue, context, previous: attributions.last)
            }
            if let attribution { attributions.append(attribution) }
        }
        for sentence in index.sentences {
            if let attribution = self.colonHeadline(sentence, context) { attributions.append(attribution) }
        }
        attributions = self.addQuotesWithoutCue(to: attributions, context)
        attributions.sort { $0.content.lowerBound < $1.content.lowerBound }
        return attributions
    }

    /// What every rule needs: the document and where the cues stand.
    private struct Context {
        let index: DocumentIndex
        let cues: [Cue]
        /// Index into `cues` of the cue starting at each token, else -1.
        let cueAt: [Int32]

        func cue(at token: Int) -> Cue? {
            guard token >= 0, token < self.cueAt.count, self.cueAt[token] >= 0 else { return nil }
            return self.cues[Int(self.cueAt[token])]
        }
    }

    // MARK: - Verbs

    private func verb(_ cue: Cue, _ context: Context, previous: Attribution?) -> Attribution? {
        let index = context.index
        let tokens = index.tokens
        let sentence = index.sentence(of: cue.first)
        var rule = AttributionRule.cueThenContent
        var speaker = self.speakers.subject(before: cue.first, from: sentence.first, in: tokens)
        var inverted = false
        var sameSentence: Attribution?
        if let previous, let previousCue = previous.cue, index.sentenceOfToken[previousCue.first] == index.sentenceOfToken[cue.first] {
            sameSentence = previous
        }
        let before = cue.first > sentence.first ? tokens[cue.first - 1] : nil
        let isCoordinated = before.map { $0.hash == WordLists.and || $0.hash == WordLists.but || $0.hash == WordLists.then } ?? false
        let afterComma = before?.kind == .comma
            || (before?.isQuoteMark ?? false && cue.first - 2 >= sentence.first && tokens[cue.first - 2].kind == .comma)
        if cue.entry.form == .participle, afterComma {
            rule = .participle
            speaker = sameSentence?.speaker ?? self.mainSubject(of: sentence, before: cue.first, in: tokens)
        } else if isCoordinated, cue.entry.form == .past || cue.entry.form == .third {
            rule = .participle
            speaker = sameSentence?.speaker ?? self.mainSubject(of: sentence, before: cue.first, in: tokens)
        } else if speaker == nil, cue.entry.form == .past || cue.entry.form == .third, cue.first > sentence.first
            || index.isQuoteEnd(cue.first - 1)
        {
            let before = tokens[max(0, cue.first - 1)].kind
            if before == .comma || before == .quoteClose || before == .quoteEither {
                speaker = self.speakers.subject(after: cue.last, before: sentence.end, in: tokens)
                inverted = speaker != nil
            }
        }
        if cue.first == sentence.first, cue.entry.form == .past, let content = self.passiveOpening(cue, sentence, context) {
            return content
        }
        if speaker == nil && rule != .participle { return nil }

        let boundary = inverted ? cue.first - 1 : (speaker?.lowerBound ?? cue.first) - 1
        let isBareAttribution = self.isBareAttribution(speaker: speaker, cue: cue, inverted: inverted, sentence, tokens)
        if rule != .participle,
            let content = self.quoteBefore(boundary, sentence: sentence, index, afterBareAttribution: isBareAttribution)
        {
            return Attribution(
                content: content.range, firstToken: content.first, endToken: content.end, kind: content.kind,
                speaker: speaker, cue: cue, confidence: AttributionRule.contentThenCue.confidence * Self.weight(cue.entry.kind),
                rule: .contentThenCue
            )
        }
        let rightStart = inverted ? (speaker?.upperBound ?? cue.last + 1) : cue.last + 1
        if let content = self.rightContent(from: rightStart, cue: cue, sentence: sentence, context) {
            return Attribution(
                content: content.range, firstToken: content.first, endToken: content.end, kind: content.kind,
                speaker: speaker, cue: cue, confidence: rule.confidence * Self.weight(cue.entry.kind), rule: rule
            )
        }
        guard rule != .participle else { return nil }
        guard var content = self.leftContent(endingAt: boundary, sentence: sentence, context) else { return nil }
        // `Recently, he said, the town has grown.`: the content goes on after the attribution.
        if content.kind != .direct, let rest = self.contentAfterInsertion(from: rightStart, sentence: sentence, context) {
            content.range = content.range.lowerBound..<rest.range.upperBound
            content.end = rest.end
            if rest.kind != .indirect { content.kind = .mixed }
        }
        return Attribution(
            content: content.range, firstToken: content.first, endToken: content.end, kind: content.kind,
            speaker: speaker, cue: cue, confidence: AttributionRule.contentThenCue.confidence * Self.weight(cue.entry.kind),
            rule: .contentThenCue
        )
    }

    /// `Asked whether he would run, Smith said ...`: the question up to the comma, with no speaker.
    private func passiveOpening(_ cue: Cue, _ sentence: Sentence, _ context: Context) -> Attribution? {
        let tokens = context.index.tokens
        var comma = cue.last + 1
        while comma < sentence.end, comma - cue.last <= Self.maximumContentTokens, tokens[comma].kind != .comma {
            comma += 1
        }
        guard comma < sentence.end, comma > cue.last + 1,
            let content = self.clause(from: cue.last + 1, to: comma, context)
        else { return nil }
        return Attribution(
            content: content.range, firstToken: content.first, endToken: content.end, kind: content.kind,
            speaker: nil, cue: cue, confidence: AttributionRule.cueThenContent.confidence * 0.8, rule: .cueThenContent)
    }

    /// The subject of the main clause: the first pronoun or capitalized phrase of the sentence.
    private func mainSubject(of sentence: Sentence, before limit: Int, in tokens: [Token]) -> Range<Int>? {
        func continuesPhrase(_ token: Token) -> Bool {
            CueLexicon.shared.entry(token.hash) == nil && !WordLists.conjunctions.contains(token.hash)
        }
        var index = sentence.first
        let limit = min(limit, sentence.first + Self.maximumSubjectSearch)
        while index < limit {
            let token = tokens[index]
            if token.kind == .word && WordLists.pronouns.contains(token.hash) { return index..<(index + 1) }
            if token.kind == .word && token.isCapitalized && !WordLists.conjunctions.contains(token.hash)
                && !WordLists.subjectBoundaries.contains(token.hash) && !WordLists.sentenceAdverbs.contains(token.hash)
            {
                var end = index + 1
                if WordLists.determiners.contains(token.hash) {
                    // `The chief had one message`: a determiner and the words of its noun phrase.
                    while end < limit, end - index < 5, tokens[end].kind == .word,
                        !WordLists.subjectBoundaries.contains(tokens[end].hash), continuesPhrase(tokens[end])
                    {
                        end += 1
                    }
                } else {
                    while end < limit, tokens[end].kind == .word, tokens[end].isCapitalized { end += 1 }
                }
                return index..<end
            }
            index += 1
        }
        return nil
    }

    // MARK: - Colons

    /// `Senator Ann Doe: “...”` or `CITY HALL: budget is balanced`: a short name, a colon, a statement.
    private func colonHeadline(_ sentence: Sentence, _ context: Context) -> Attribution? {
        let tokens = context.index.tokens
        var colon = sentence.first
        while colon < sentence.end, colon - sentence.first <= Self.maximumColonSpeaker, tokens[colon].kind == .word {
            if context.cueAt[colon] >= 0 { return nil }
            colon += 1
        }
        guard colon > sentence.first, colon < sentence.end, tokens[colon].kind == .colon,
            tokens[sentence.first].isCapitalized, !context.index.isQuoted[colon]
        else { return nil }
        let cue = Cue(
            first: colon, last: colon,
            entry: CueEntry(lemma: WordLists.colon, kind: .speech, form: .past, takesAddressee: false))
        guard let content = self.rightContent(from: colon + 1, cue: cue, sentence: sentence, context),
            content.end - content.first >= 3
        else { return nil }
        return Attribution(
            content: content.range, firstToken: content.first, endToken: content.end, kind: content.kind,
            speaker: sentence.first..<colon, cue: cue, confidence: AttributionRule.colon.confidence, rule: .colon)
    }

    // MARK: - According to

    private func according(_ cue: Cue, _ context: Context) -> Attribution? {
        let index = context.index
        let tokens = index.tokens
        let sentence = index.sentence(of: cue.first)
        var end = cue.last + 1
        while end < sentence.end, end - cue.last <= SpeakerFinder.maximumLength, tokens[end].kind == .word
            || tokens[end].kind == .number || (tokens[end].kind == .singleQuote)
        {
            end += 1
        }
        guard end > cue.last + 1 else { return nil }
        let speaker = (cue.last + 1)..<end
        let content: ContentRange?
        if cue.first == sentence.first || (cue.first > sentence.first && tokens[cue.first - 1].kind != .comma) {
            var start = end
            if start < sentence.end, tokens[start].kind == .comma { start += 1 }
            content = self.clause(from: start, to: sentence.end, context)
        } else {
            content = self.leftContent(endingAt: cue.first - 1, sentence: sentence, context)
        }
        guard let content else { return nil }
        return Attribution(
            content: content.range, firstToken: content.first, endToken: content.end, kind: content.kind, speaker: speaker,
            cue: cue, confidence: AttributionRule.according.confidence, rule: .according
        )
    }

    // MARK: - Contents

    private struct ContentRange {
        var range: Range<Int>
        var first: Int
        var end: Int
        var kind: QuoteKind
    }

    /// What follows a cue: an addressee and lead-in are skipped, then `that`, `:` or `,`.
    private func rightContent(from start: Int, cue: Cue, sentence: Sentence, _ context: Context) -> ContentRange? {
        let index = context.index
        let tokens = index.tokens
        var position = start
        // `she said, warning that`: a comma after the cue leads to another clause, unless a quote or `that` opens.
        if position < sentence.end, tokens[position].kind == .comma,
            position + 1 >= tokens.count || (index.quote(openedAt: position + 1) == nil && tokens[position + 1].hash != WordLists.that)
        {
            return nil
        }
        if cue.entry.takesAddressee && cue.entry.kind != .directive {
            position = self.skipAddressee(from: position, sentence: sentence, tokens)
        }
        position = self.skipLeadIn(from: position, sentence: sentence, tokens)
        if position < sentence.end, tokens[position].hash == WordLists.that, tokens[position].kind == .word {
            position += 1
        } else if position < sentence.end, tokens[position].kind == .colon || tokens[position].kind == .comma {
            position += 1
        }
        if position >= sentence.end {
            // `He said:` closing a paragraph, the quote opening the next one.
            if position < tokens.count, position > 0, tokens[position - 1].kind == .colon,
                let quote = index.quote(openedAt: position)
            {
                return self.quoted(quote, tokens)
            }
            return nil
        }
        if let quote = index.quote(openedAt: position) {
            let after = quote.closeToken + 1
            if !quote.isClosed || after >= sentence.end || !self.hasWords(from: after, to: sentence.end, tokens) {
                return self.quoted(quote, tokens)
            }
        }
        if cue.last == cue.first, WordLists.namingVerbs.contains(cue.entry.lemma) {
            return self.namedAs(from: position, sentence: sentence, context)
        }
        return self.clause(from: position, to: sentence.end, context)
    }

    /// `called the plan “a disgrace” in a speech`: the object and its quoted name, up to the closing mark.
    private func namedAs(from start: Int, sentence: Sentence, _ context: Context) -> ContentRange? {
        let index = context.index
        var position = start
        let limit = min(sentence.end, start + Self.maximumContentTokens)
        while position < limit {
            if let quote = index.quote(openedAt: position), quote.isClosed, quote.closeToken < sentence.end {
                return self.clause(from: start, to: quote.closeToken + 1, context)
            }
            position += 1
        }
        return self.clause(from: start, to: sentence.end, context)
    }

    /// The clause after `, X said,` when the attribution is inserted in its content.
    private func contentAfterInsertion(from start: Int, sentence: Sentence, _ context: Context) -> ContentRange? {
        let tokens = context.index.tokens
        var position = self.skipLeadIn(from: start, sentence: sentence, tokens)
        guard position + 1 < sentence.end, tokens[position].kind == .comma else { return nil }
        position += 1
        guard tokens[position].kind == .word, context.cue(at: position) == nil, !tokens[position].endsInIng else {
            return nil
        }
        return self.clause(from: position, to: sentence.end, context)
    }

    /// A quote that closes at `boundary` (or just before a comma there): `“...,” she said`.
    ///
    /// A quote ending a previous sentence counts only when it ends with `,`, `?`, `!` or a dash, as a
    /// quote followed by its attribution does.
    private func quoteBefore(
        _ boundary: Int, sentence: Sentence, _ index: DocumentIndex, afterBareAttribution: Bool = false
    ) -> ContentRange? {
        guard boundary >= 0 else { return nil }
        let tokens = index.tokens
        var quote = index.quote(closedAt: boundary)
        if quote == nil, tokens[boundary].kind == .comma { quote = index.quote(closedAt: boundary - 1) }
        guard let quote else { return nil }
        if quote.closeToken < sentence.first {
            guard quote.closeToken > 0 else { return nil }
            let last = tokens[quote.closeToken - 1]
            let isOpenEnded = last.kind == .comma || last.kind == .dash || last.hash == WordLists.questionMark
                || last.hash == WordLists.exclamationMark
            guard isOpenEnded || afterBareAttribution else { return nil }
        }
        return self.quoted(quote, tokens)
    }

    /// `“...” Trump said.`: a sentence that is nothing but a speaker, a cue and its end.
    private func isBareAttribution(
        speaker: Range<Int>?, cue: Cue, inverted: Bool, _ sentence: Sentence, _ tokens: [Token]
    ) -> Bool {
        guard let speaker else { return false }
        let first = inverted ? cue.first : speaker.lowerBound
        let last = inverted ? speaker.upperBound : cue.last + 1
        guard first == sentence.first else { return false }
        var position = last
        while position < sentence.end {
            if tokens[position].kind != .terminator { return false }
            position += 1
        }
        return true
    }

    /// What precedes `CONTENT, X said`: a quote closing at the comma, or the clause from the sentence start.
    private func leftContent(endingAt boundary: Int, sentence: Sentence, _ context: Context) -> ContentRange? {
        let tokens = context.index.tokens
        guard boundary >= 0 else { return nil }
        if let quoted = self.quoteBefore(boundary, sentence: sentence, context.index) { return quoted }
        guard tokens[boundary].kind == .comma, boundary > sentence.first else { return nil }
        return self.clause(from: sentence.first, to: boundary, context)
    }

    private func quoted(_ quote: QuotedSpan, _ tokens: [Token]) -> ContentRange? {
        guard !quote.content.isEmpty else { return nil }
        return ContentRange(range: quote.content, first: quote.openToken + 1, end: quote.closeToken, kind: .direct)
    }

    /// The words from `start` up to a semicolon, another attribution's clause (`, warning that`,
    /// `but cautioned`) or `end`, without final punctuation.
    private func clause(from start: Int, to sentenceEnd: Int, _ context: Context) -> ContentRange? {
        let end = min(sentenceEnd, start + Self.maximumContentTokens)
        let index = context.index
        let tokens = index.tokens
        var last = start
        var hasQuote = false
        var stop = end
        while last < end {
            if tokens[last].kind == .semicolon || (last > start && self.startsAnotherClause(at: last, context)) {
                stop = last
                break
            }
            if tokens[last].isQuoteMark { hasQuote = true }
            last += 1
        }
        var close = stop
        while close > start, tokens[close - 1].kind != .word && tokens[close - 1].kind != .number
            && !tokens[close - 1].isQuoteMark && tokens[close - 1].kind != .closeBracket
        {
            close -= 1
        }
        guard close > start, self.hasWords(from: start, to: close, tokens) else { return nil }
        var kind = QuoteKind.indirect
        if hasQuote {
            kind = .mixed
            if tokens[start].isQuoteMark, let quote = index.quote(openedAt: start), quote.closeToken >= close - 1 {
                return self.quoted(quote, tokens)
            }
        }
        return ContentRange(range: Int(tokens[start].start)..<Int(tokens[close - 1].end), first: start, end: close, kind: kind)
    }

    /// `, warning`, `, according to`, `but cautioned`, `, and added`: another attribution begins.
    private func startsAnotherClause(at position: Int, _ context: Context) -> Bool {
        let tokens = context.index.tokens
        var next = position
        var sawComma = false
        // `race, adding`, `race,” adding`, `race”, adding`: a comma, maybe with closing marks.
        while next < tokens.count, next - position < 3,
            tokens[next].kind == .comma || context.index.quote(closedAt: next) != nil
        {
            if tokens[next].kind == .comma { sawComma = true }
            next += 1
        }
        if !sawComma { next = position }
        let isConjunction = next < tokens.count && (tokens[next].hash == WordLists.and || tokens[next].hash == WordLists.but)
        if isConjunction { next += 1 }
        // `, he clarified`: a new subject and cue.
        if sawComma, next + 1 < tokens.count, WordLists.pronouns.contains(tokens[next].hash),
            context.cue(at: next + 1) != nil
        {
            return true
        }
        // `acknowledged the right to protest but drew a line`: a second verb of the same subject.
        if isConjunction, tokens[next - 1].hash == WordLists.but, next < tokens.count,
            tokens[next].endsInEd || WordLists.irregularPasts.contains(tokens[next].hash)
        {
            return true
        }
        guard next > position, let cue = context.cue(at: next) else { return false }
        if cue.entry.kind == .according { return sawComma }
        if isConjunction { return cue.entry.form == .past || cue.entry.form == .third }
        return cue.entry.form == .participle && sawComma
    }

    private func hasWords(from start: Int, to end: Int, _ tokens: [Token]) -> Bool {
        var index = start
        let end = min(end, start + Self.maximumContentTokens)
        while index < end {
            if tokens[index].kind == .word || tokens[index].kind == .number { return true }
            index += 1
        }
        return false
    }

    /// `told reporters`, `told the Associated Press`, `urged Congress`: the object before the content.
    private func skipAddressee(from start: Int, sentence: Sentence, _ tokens: [Token]) -> Int {
        var position = start
        var seen = 0
        while position < sentence.end, seen < 8, tokens[position].kind == .word {
            if tokens[position].hash == WordLists.that { return position }
            position += 1
            seen += 1
        }
        if position < sentence.end, tokens[position].kind == .comma || tokens[position].kind == .colon
            || tokens[position].isQuoteMark
        {
            return position
        }
        position = start
        if position < sentence.end, WordLists.determiners.contains(tokens[position].hash) { position += 1 }
        let capitalizedStart = position
        while position < sentence.end, tokens[position].kind == .word, tokens[position].isCapitalized { position += 1 }
        if position == capitalizedStart, position < sentence.end, tokens[position].kind == .word,
            !WordLists.pronouns.contains(tokens[position].hash), position > start || tokens[position].endsInS
        {
            position += 1
        }
        return position < sentence.end ? position : start
    }

    /// `in a statement`, `on Tuesday`, `last week` before `that` or `,`.
    private func skipLeadIn(from start: Int, sentence: Sentence, _ tokens: [Token]) -> Int {
        guard start < sentence.end, tokens[start].kind == .word, WordLists.contentLeadIns.contains(tokens[start].hash)
        else { return start }
        var position = start
        while position < sentence.end, position - start < 10 {
            let token = tokens[position]
            if token.kind == .comma {
                // `said Tuesday in Paris, noting ...`: what follows belongs to another cue.
                let next = position + 1
                return next < sentence.end && tokens[next].endsInIng ? sentence.end : next
            }
            if token.kind == .word && token.hash == WordLists.that { return position }
            if token.kind != .word && token.kind != .number && !token.isQuoteMark { break }
            position += 1
        }
        return position >= sentence.end || tokens[position].kind == .terminator ? sentence.end : start
    }

    // MARK: - Quotes without a cue of their own

    /// Quotes no cue claimed: one that follows an attributed quote in the same paragraph, with no other
    /// cue between them, continues it (`“...,” she said. “...”`).
    private func addQuotesWithoutCue(to attributions: [Attribution], _ context: Context) -> [Attribution] {
        let index = context.index
        var result = attributions.sorted { $0.content.lowerBound < $1.content.lowerBound }
        var covered = [Bool](repeating: false, count: index.quotes.count)
        for attribution in result {
            for quoteIndex in self.quotes(overlapping: attribution.content, index) { covered[quoteIndex] = true }
        }
        var holder = -1
        var last = -1
        var next = 0
        var orphans: [Attribution] = []
        // Cues of attributions whose speaker is not a relative pronoun (`who wrote` does not end a quote run).
        var isClaimed = [Bool](repeating: false, count: index.tokens.count)
        for attribution in result {
            guard let cue = attribution.cue else { continue }
            if let speaker = attribution.speaker, speaker.count == 1, index.tokens[speaker.lowerBound].hash == WordLists.who {
                continue
            }
            // `“...,” she said, referring to X. “...”`: a participle keeps the same speaker.
            if attribution.rule == .participle { continue }
            isClaimed[cue.first] = true
        }
        // claimedBefore[i]: claimed cues among the tokens before i, so any stretch is checked at once.
        var claimedBefore = [Int32](repeating: 0, count: index.tokens.count + 1)
        for position in index.tokens.indices {
            claimedBefore[position + 1] = claimedBefore[position] + (isClaimed[position] ? 1 : 0)
        }
        for (quoteIndex, quote) in index.quotes.enumerated() {
            let openStart = Int(index.tokens[quote.openToken].start)
            // The holder is the last quoting attribution before this quote; indirect ones in between
            // block it only through their cue (see `claimedBefore`).
            while next < result.count, result[next].content.lowerBound < openStart {
                if result[next].kind != .indirect { holder = next }
                last = next
                next += 1
            }
            guard !covered[quoteIndex] else { continue }
            if holder >= 0 {
                let attribution = result[holder]
                let lastToken = max(attribution.endToken, attribution.cue?.last ?? 0, (attribution.speaker?.upperBound ?? 1) - 1)
                if lastToken < quote.openToken,
                    index.tokens[lastToken].paragraph == index.tokens[quote.openToken].paragraph || quote.spansParagraphs
                        || (index.tokens[quote.openToken].startsParagraph
                            && index.tokens[quote.openToken].paragraph == index.tokens[lastToken].paragraph + 1),
                    claimedBefore[quote.openToken] == claimedBefore[lastToken + 1]
                {
                    // One span when the quotes fill most of it, as a split quote's parts do; otherwise the
                    // continuation stands as a quote of its own with the same speaker and cue.
                    let merged = attribution.content.lowerBound..<max(attribution.content.upperBound, quote.content.upperBound)
                    let quoted = (result[holder].quotedLength ?? attribution.content.count) + quote.content.count
                    let sameSentence = index.sentenceOfToken[quote.openToken] == index.sentenceOfToken[lastToken]
                    if quoted * 2 >= merged.count && (sameSentence || Self.mergesAcrossSentences) {
                        result[holder].content = merged
                        result[holder].endToken = quote.closeToken
                        result[holder].quotedLength = quoted
                        result[holder].confidence = max(attribution.confidence, AttributionRule.continuation.confidence)
                    } else {
                        var continuation = attribution
                        continuation.content = quote.content
                        continuation.firstToken = quote.openToken + 1
                        continuation.endToken = quote.closeToken
                        continuation.kind = .direct
                        continuation.quotedLength = nil
                        continuation.rule = .continuation
                        continuation.confidence = AttributionRule.continuation.confidence
                        orphans.append(continuation)
                    }
                    continue
                }
            }
            guard self.isStatement(quote, index) else { continue }
            let speaker = self.orphanSpeaker(quote, index) ?? (last >= 0 ? result[last].speaker : nil)
            orphans.append(
                Attribution(
                    content: quote.content, firstToken: quote.openToken + 1, endToken: quote.closeToken, kind: .direct,
                    speaker: speaker, cue: nil, confidence: AttributionRule.unattributedQuote.confidence,
                    rule: .unattributedQuote
                ))
        }
        return result + orphans
    }

    /// For a quote no cue claimed: a name right after it (`“...,” Trump barked`), or the subject of the
    /// sentence that introduces it (`The email goes on: “...”`).
    private func orphanSpeaker(_ quote: QuotedSpan, _ index: DocumentIndex) -> Range<Int>? {
        let tokens = index.tokens
        var after = quote.closeToken + 1
        if after < tokens.count, tokens[after].kind == .comma { after += 1 }
        if quote.isClosed, after < tokens.count, !tokens[after].startsParagraph, tokens[after].kind == .word,
            tokens[after].isCapitalized || WordLists.pronouns.contains(tokens[after].hash)
        {
            var end = after + 1
            while end < tokens.count, end - after < 4, tokens[end].kind == .word, tokens[end].isCapitalized { end += 1 }
            if end < tokens.count, tokens[end].kind == .word, !tokens[end].isCapitalized { return after..<end }
        }
        let sentence = index.sentence(of: quote.openToken)
        guard quote.openToken > sentence.first + 1 else { return nil }
        let before = tokens[quote.openToken - 1].kind
        guard before == .colon || before == .comma else { return nil }
        return self.mainSubject(of: sentence, before: quote.openToken - 1, in: tokens)
    }

    /// A quote long enough to be someone's statement rather than a title or a scare quote.
    private func isStatement(_ quote: QuotedSpan, _ index: DocumentIndex) -> Bool {
        var words = 0
        var position = quote.openToken + 1
        while position < quote.closeToken, words < Self.minimumOrphanWords {
            if index.tokens[position].kind == .word { words += 1 }
            position += 1
        }
        return words >= Self.minimumOrphanWords
    }

    private static let minimumOrphanWords = 4
    /// Longest name before a headline colon, in tokens.
    private static let maximumColonSpeaker = 5
    /// Contents longer than this many tokens are cut: it keeps every cue's work bounded, so the
    /// analysis stays linear on text without sentence ends.
    static let maximumContentTokens = 150
    /// How far into a sentence the subject of its main clause is looked for.
    static let maximumSubjectSearch = 40
    private static let mergesAcrossSentences = true

    private func quotes(overlapping range: Range<Int>, _ index: DocumentIndex) -> [Int] {
        // Quotes are sorted by start; a binary search finds the first candidate.
        var low = 0
        var high = index.quotes.count
        while low < high {
            let middle = (low + high) / 2
            if index.quotes[middle].content.upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        var position = low
        while position < index.quotes.count, index.quotes[position].content.lowerBound < range.upperBound {
            if index.quotes[position].content.overlaps(range) { found.append(position) }
            position += 1
        }
        return found
    }

    private static func weight(_ kind: CueKind) -> Float {
        switch kind {
        case .speech, .according: return 1
        case .directive: return 0.9
        case .cognition: return 0.8
        case .evidence, .stance: return 0.7
        }
    }
}
