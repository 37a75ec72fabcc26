import QuotewireModel

/// Where contents begin and end: after a cue, before it, around an inserted attribution.
extension Attributor {
    struct ContentRange {
        var range: Range<Int>
        var first: Int
        var end: Int
        var kind: QuoteKind
    }

    /// What follows a cue: an addressee and lead-in are skipped, then `that`, `:` or `,`.
    func rightContent(from start: Int, cue: Cue, sentence: Sentence, _ context: Context) -> ContentRange? {
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
    func namedAs(from start: Int, sentence: Sentence, _ context: Context) -> ContentRange? {
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
    func contentAfterInsertion(from start: Int, sentence: Sentence, _ context: Context) -> ContentRange? {
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
    func quoteBefore(
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
    func isBareAttribution(
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
    func leftContent(endingAt boundary: Int, sentence: Sentence, _ context: Context) -> ContentRange? {
        let tokens = context.index.tokens
        guard boundary >= 0 else { return nil }
        if let quoted = self.quoteBefore(boundary, sentence: sentence, context.index) { return quoted }
        guard tokens[boundary].kind == .comma, boundary > sentence.first else { return nil }
        return self.clause(from: sentence.first, to: boundary, context)
    }

    func quoted(_ quote: QuotedSpan, _ tokens: [Token]) -> ContentRange? {
        guard !quote.content.isEmpty else { return nil }
        return ContentRange(range: quote.content, first: quote.openToken + 1, end: quote.closeToken, kind: .direct)
    }

    /// The words from `start` up to a semicolon, another attribution's clause (`, warning that`,
    /// `but cautioned`) or `end`, without final punctuation.
    func clause(from start: Int, to sentenceEnd: Int, _ context: Context) -> ContentRange? {
        let end = min(sentenceEnd, start + Self.maximumContentTokens)
        guard start < end else { return self.content(from: start, upTo: end, hasQuote: false, context) }
        // A semicolon at `start` ends it at once; another clause starting there does not.
        let stop = context.index.tokens[start].kind == .semicolon ? start : min(end, Int(context.nextBreak[start + 1]))
        let hasQuote = context.index.quoteMarks(from: start, to: stop) > 0
        return self.content(from: start, upTo: stop, hasQuote: hasQuote, context)
    }

    /// The words of `start..<stop`, a stretch known to hold no clause break, without final punctuation.
    func content(from start: Int, upTo stop: Int, hasQuote: Bool, _ context: Context) -> ContentRange? {
        let index = context.index
        let tokens = index.tokens
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
    func startsAnotherClause(at position: Int, _ context: Context) -> Bool {
        let tokens = context.index.tokens
        guard Self.mayStartAnotherClause(at: position, context.index) else { return false }
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

    /// Only a comma, a closing quote mark, `and` or `but` can start another clause (what
    /// ``startsAnotherClause(at:_:)`` looks for first); most tokens are none of these.
    static func mayStartAnotherClause(at position: Int, _ index: DocumentIndex) -> Bool {
        let token = index.tokens[position]
        return token.kind == .comma || index.quoteClosedAt[position] >= 0 || token.hash == WordLists.and
            || token.hash == WordLists.but
    }

    func hasWords(from start: Int, to end: Int, _ tokens: [Token]) -> Bool {
        var index = start
        let end = min(end, start + Self.maximumContentTokens)
        while index < end {
            if tokens[index].kind == .word || tokens[index].kind == .number { return true }
            index += 1
        }
        return false
    }

    /// `told reporters`, `told the Associated Press`, `urged Congress`: the object before the content.
    func skipAddressee(from start: Int, sentence: Sentence, _ tokens: [Token]) -> Int {
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
    func skipLeadIn(from start: Int, sentence: Sentence, _ tokens: [Token]) -> Int {
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
}
