import QuotewireModel

/// Ties contents to cues and speakers: direct quotes by the position of the
/// cue around the quote marks, indirect ones by cue and clause, participles
/// by the subject of the main clause, and quotes that go on after their
/// attribution.
struct Attributor: Sendable {
    private let speakers = SpeakerFinder()

    func attribute(_ index: DocumentIndex, cues: [Cue]) -> [Attribution] {
        self.attribute(Context(index: index, cues: cues))
    }

    /// The rules' attributions for the cues of `context`.
    func attribute(_ context: Context) -> [Attribution] {
        let index = context.index
        var attributions: [Attribution] = []
        for cue in context.cues {
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

    /// What every rule needs: the document, where the cues stand and where clauses break.
    struct Context {
        let index: DocumentIndex
        let cues: [Cue]
        /// Index into `cues` of the cue starting at each token, else -1.
        let cueAt: [Int32]
        /// For each token (and the end), the first token at or after it that breaks a clause: a
        /// semicolon or the start of another attribution's clause (``Attributor/startsAnotherClause(at:_:)``);
        /// the token count when none does. ``Attributor/clause(from:to:_:)`` reads it instead of scanning.
        private(set) var nextBreak: [Int32] = []

        /// Finds where each cue stands and where clauses break, in one pass over the tokens each.
        init(index: DocumentIndex, cues: [Cue]) {
            self.index = index
            self.cues = cues
            let tokens = index.tokens
            var cueAt = [Int32](repeating: -1, count: tokens.count)
            for (position, cue) in cues.enumerated() { cueAt[cue.first] = Int32(position) }
            self.cueAt = cueAt
            let attributor = Attributor()
            var nextBreak = [Int32](repeating: Int32(truncatingIfNeeded: tokens.count), count: tokens.count + 1)
            var position = tokens.count - 1
            while position >= 0 {
                let breaks = tokens[position].kind == .semicolon
                    || (Attributor.mayStartAnotherClause(at: position, index) && attributor.startsAnotherClause(at: position, self))
                nextBreak[position] = breaks ? Int32(truncatingIfNeeded: position) : nextBreak[position + 1]
                position -= 1
            }
            self.nextBreak = nextBreak
        }

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
        } else if speaker == nil, cue.entry.form == .past || cue.entry.form == .third {
            speaker = self.invertedSubject(of: cue, index)
            inverted = speaker != nil
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

    /// The subject right after a cue that follows a comma or a closing quote (`“...,” said Jane Roe`).
    func invertedSubject(of cue: Cue, _ index: DocumentIndex) -> Range<Int>? {
        let tokens = index.tokens
        let sentence = index.sentence(of: cue.first)
        guard cue.first > sentence.first || index.isQuoteEnd(cue.first - 1) else { return nil }
        let before = tokens[max(0, cue.first - 1)].kind
        guard before == .comma || before == .quoteClose || before == .quoteEither else { return nil }
        return self.speakers.subject(after: cue.last, before: sentence.end, in: tokens)
    }

    /// The subject of the main clause: the first pronoun or capitalized phrase of the sentence.
    func mainSubject(of sentence: Sentence, before limit: Int, in tokens: [Token]) -> Range<Int>? {
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

    func according(_ cue: Cue, _ context: Context) -> Attribution? {
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

    /// Fewest words for a quote with no cue of its own to count as a statement.
    static let minimumOrphanWords = 4
    /// Longest name before a headline colon, in tokens.
    static let maximumColonSpeaker = 5
    /// Contents longer than this many tokens are cut: it keeps every cue's work bounded, so the
    /// analysis stays linear on text without sentence ends.
    static let maximumContentTokens = 150
    /// How far into a sentence the subject of its main clause is looked for.
    static let maximumSubjectSearch = 40

    /// How much a cue family trusts its attributions.
    static func weight(_ kind: CueKind) -> Float {
        switch kind {
        case .speech, .according: return 1
        case .directive: return 0.9
        case .cognition: return 0.8
        case .evidence, .stance: return 0.7
        }
    }
}
