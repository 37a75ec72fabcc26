import QuotewireModel

/// Quotes no cue claimed: continuations of an attributed quote, and quotes standing alone.
extension Attributor {
    /// Quotes no cue claimed: one that follows an attributed quote in the same paragraph, with no other
    /// cue between them, continues it (`“...,” she said. “...”`).
    func addQuotesWithoutCue(to attributions: [Attribution], _ context: Context) -> [Attribution] {
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
                    if quoted * 2 >= merged.count {
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
    func orphanSpeaker(_ quote: QuotedSpan, _ index: DocumentIndex) -> Range<Int>? {
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
    func isStatement(_ quote: QuotedSpan, _ index: DocumentIndex) -> Bool {
        var words = 0
        var position = quote.openToken + 1
        while position < quote.closeToken, words < Self.minimumOrphanWords {
            if index.tokens[position].kind == .word { words += 1 }
            position += 1
        }
        return words >= Self.minimumOrphanWords
    }

    /// Longest name before a headline colon, in tokens.
    /// Contents longer than this many tokens are cut: it keeps every cue's work bounded, so the
    /// How far into a sentence the subject of its main clause is looked for.

    func quotes(overlapping range: Range<Int>, _ index: DocumentIndex) -> [Int] {
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
}
