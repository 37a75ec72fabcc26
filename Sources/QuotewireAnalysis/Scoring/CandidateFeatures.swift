/// Computes the hashed features of attribution candidates: the cue's own (computed once per cue)
/// and the span's, each a constant number of table look-ups.
struct CandidateFeatures: Sendable {
    let index: DocumentIndex
    /// Running counts before each token (cue candidates, commas; quote marks are the index's): the
    /// count in `i..<j` is `before[j] - before[i]`, so a span's counts cost two look-ups.
    private let cuesBefore: [Int32]
    private let commasBefore: [Int32]

    init(index: DocumentIndex, cues: [CueCandidate]) {
        self.index = index
        let count = index.tokens.count + 1
        var cuesBefore = [Int32](repeating: 0, count: count)
        var commasBefore = [Int32](repeating: 0, count: count)
        var nextCue = 0
        var cueCount: Int32 = 0
        var commaCount: Int32 = 0
        for (position, token) in index.tokens.enumerated() {
            // Cue candidates come in token order.
            while nextCue < cues.count, cues[nextCue].cue.first < position { nextCue += 1 }
            if nextCue < cues.count, cues[nextCue].cue.first == position { cueCount += 1 }
            if token.kind == .comma { commaCount += 1 }
            cuesBefore[position + 1] = cueCount
            commasBefore[position + 1] = commaCount
        }
        self.cuesBefore = cuesBefore
        self.commasBefore = commasBefore
    }

    /// The features of a cue candidate, shared by all of its spans.
    func cueFeatures<Sink: FeatureSink>(_ candidate: CueCandidate, into features: inout Sink) {
        let tokens = self.index.tokens
        let cue = candidate.cue
        features.add(.bias)
        let word = tokens[cue.first].hash.value
        features.add(.cueWord, word)
        features.add(.cuePrior, UInt64(Self.bucket(prior: candidate.prior)))
        let sentence = self.index.sentence(of: cue.first)
        let before = cue.first > sentence.first ? tokens[cue.first - 1] : nil
        let after = cue.last + 1 < sentence.end ? tokens[cue.last + 1] : nil
        features.add(.wordBeforeCue, before.map(Self.describe) ?? 1)
        features.add(.wordAfterCue, after.map(Self.describe) ?? 1)
        features.add(.cueWordAndNextKind, word, UInt64(after?.kind.rawValue ?? 255))
        features.add(.cueWordAndNextWord, word, after.map(Self.describe) ?? 1)
        features.add(.cueQuoted, self.index.isQuoted[cue.first] ? 1 : 0)
        features.add(.cuePositionInSentence, UInt64(Self.bucket(count: cue.first - sentence.first)))
        features.add(.cueCapitalized, tokens[cue.first].isCapitalized ? 1 : 0)
        features.add(.headline, tokens[cue.first].paragraph == 0 ? 1 : 0)
    }

    /// The features of one span: its own, and its conjunctions with the cue's (origin × cue word, ...).
    func spanFeatures<Sink: FeatureSink>(_ candidate: AttributionCandidate, cue: CueCandidate?, into features: inout Sink) {
        let tokens = self.index.tokens
        let attribution = candidate.attribution
        let origin = UInt64(candidate.origin.rawValue) | (cue == nil ? 0x100 : 0)
        features.add(.origin, origin)
        features.add(.ruleChoiceAndRule, candidate.isRuleChoice ? 1 : 0, UInt64(attribution.rule.rawValue))
        let length = attribution.endToken - attribution.firstToken
        features.add(.lengthAndOrigin, origin, UInt64(Self.bucket(count: length)))
        features.add(.quoteKindAndOrigin, origin, attribution.kind == .direct ? 1 : attribution.kind == .mixed ? 2 : 0)
        if attribution.firstToken < tokens.count, attribution.firstToken < attribution.endToken {
            features.add(.firstWordOfSpan, Self.describe(tokens[attribution.firstToken]))
            features.add(.lastWordOfSpan, Self.describe(tokens[attribution.endToken - 1]))
            let sentence = self.index.sentence(of: attribution.firstToken)
            features.add(.endsSentenceAndOrigin, origin, attribution.endToken >= sentence.end - 1 ? 1 : 0)
        }
        let beforeSpan = attribution.firstToken - 1
        features.add(.tokenBeforeSpan, beforeSpan >= 0 && beforeSpan < tokens.count ? Self.describe(tokens[beforeSpan]) : 1)
        let end = attribution.endToken
        features.add(.tokenAfterSpan, end < tokens.count ? Self.describe(tokens[end]) : 1)
        // `..., including`, `..., but`, `..., said`: the word after the comma or dash that ends the span.
        var afterBreak: UInt64 = 1
        if end + 1 < tokens.count, tokens[end].kind == .comma || tokens[end].kind == .dash {
            afterBreak = Self.describe(tokens[end + 1])
        }
        features.add(.wordAfterSpanBreak, afterBreak)
        features.add(.afterBreakAndOrigin, afterBreak, origin)
        if attribution.firstToken >= 0, attribution.firstToken <= end, end <= tokens.count {
            let first = attribution.firstToken
            let marks = self.index.quoteMarks(from: first, to: end)
            let commas = Int(self.commasBefore[end] - self.commasBefore[first])
            let cues = Int(self.cuesBefore[end] - self.cuesBefore[first])
            features.add(.quoteMarksInSpan, origin, UInt64(min(marks, 3)))
            features.add(.commasInSpanAndOrigin, origin, UInt64(min(commas, 4)))
            features.add(.cuesInSpanAndOrigin, origin, UInt64(min(cues, 3)))
        }
        if attribution.firstToken < tokens.count {
            features.add(.firstKindAndOrigin, origin, UInt64(tokens[attribution.firstToken].kind.rawValue))
        }
        features.add(.speakerAndOrigin, origin, attribution.speaker.map { $0.count == 1 ? 2 : 1 } ?? 0)
        guard let cue else { return }
        let word = tokens[cue.cue.first].hash.value
        features.add(.cueWordAndOrigin, word, origin)
        features.add(.lengthAndCueWord, word, UInt64(Self.bucket(count: length)))
        features.add(.ruleCueAndOrigin, origin, cue.isRuleCue ? 1 : 0)
        features.add(.priorAndOrigin, origin, UInt64(Self.bucket(prior: cue.prior)))
        features.add(.cueFormAndOrigin, origin, UInt64(cue.cue.entry.form.rawValue))
        let gap = attribution.firstToken > cue.cue.last
            ? attribution.firstToken - cue.cue.last - 1 : cue.cue.first - attribution.endToken
        features.add(.gapAndOrigin, origin, UInt64(Self.bucket(count: max(0, gap))))
        let beforeCue = cue.cue.first > 0 ? tokens[cue.cue.first - 1].kind.rawValue : 255
        let afterCue = cue.cue.last + 1 < tokens.count ? tokens[cue.cue.last + 1].kind.rawValue : 255
        features.add(.kindBeforeCueAndOrigin, origin, UInt64(beforeCue))
        features.add(.kindAfterCueAndOrigin, origin, UInt64(afterCue))
        features.add(.sentenceQuotedAndOrigin, origin, self.index.isQuoted[cue.cue.first] ? 1 : 0)
    }

    /// A word by its hash; punctuation and numbers by their kind.
    static func describe(_ token: Token) -> UInt64 {
        token.kind == .word ? token.hash.value : UInt64(token.kind.rawValue) + 2
    }

    /// Counts in buckets: 0, 1, 2, 3, 4–6, 7–10, 11–20, 21–40, more.
    static func bucket(count: Int) -> Int {
        switch count {
        case ..<4: return max(0, count)
        case 4...6: return 4
        case 7...10: return 5
        case 11...20: return 6
        case 21...40: return 7
        default: return 8
        }
    }

    /// A prior in tenths.
    static func bucket(prior: Float) -> Int {
        Int((prior * 10).rounded(.down))
    }
}
