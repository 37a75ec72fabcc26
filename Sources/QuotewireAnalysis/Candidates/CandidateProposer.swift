import QuotewireModel

/// Proposes attribution candidates: the rules' own answers, and for every cue candidate (the rules'
/// cues and the words of the learned cue lexicon) the content spans its neighbourhood allows.
///
/// Work per cue is bounded (a few spans, each cut at ``Attributor/maximumContentTokens``), so the
/// proposal stays linear in the body.
struct CandidateProposer: Sendable {
    let priors: CuePriors
    private let attributor = Attributor()
    private let speakers = SpeakerFinder()
    private let mentions: MentionFinder

    init(priors: CuePriors, classes: WordClasses) {
        self.priors = priors
        self.mentions = MentionFinder(classes: classes)
    }

    /// How many tokens after a cue a quote may open and still be read as its content.
    static let quoteReach = 3

    func propose(_ index: DocumentIndex, ruleCues: [Cue]) -> CandidateSet {
        var set = CandidateSet()
        let context = Attributor.Context(index: index, cues: ruleCues)
        set.ruleAttributions = self.attributor.attribute(context)

        var isCandidate = [Bool](repeating: false, count: index.tokens.count)
        // The rules' attribution for the cue starting at each token, else -1.
        var ruleChoiceOfCue = [Int32](repeating: -1, count: index.tokens.count)
        for (rank, attribution) in set.ruleAttributions.enumerated() {
            if let cue = attribution.cue, attribution.rule != .continuation { ruleChoiceOfCue[cue.first] = Int32(rank) }
        }
        var inRuleCue = [Bool](repeating: false, count: index.tokens.count)
        for cue in ruleCues {
            for token in cue.first...cue.last { inRuleCue[token] = true }
        }
        var cues: [Cue] = []
        var isRuleCue: [Bool] = []
        // Each cue's prior, looked up once.
        var cuePriors: [Float] = []
        var ruleCuePosition = 0
        for (position, token) in index.tokens.enumerated() {
            if ruleCuePosition < ruleCues.count, ruleCues[ruleCuePosition].first == position {
                cues.append(ruleCues[ruleCuePosition])
                isRuleCue.append(true)
                cuePriors.append(self.priors.prior(token.hash))
                ruleCuePosition += 1
                continue
            }
            guard token.kind == .word, !inRuleCue[position], !index.isQuoted[position] else { continue }
            let prior = self.priors.prior(token.hash)
            guard self.priors.proposes(prior: prior) else { continue }
            cues.append(Cue(first: position, last: position, entry: Self.entry(for: token)))
            isRuleCue.append(false)
            cuePriors.append(prior)
        }
        // The rules' speakers in order of their cues, to find the one before each cue.
        let ruleSpeakers = set.ruleAttributions.compactMap { attribution in
            attribution.cue.flatMap { cue in attribution.speaker.map { (cue: cue.first, speaker: $0) } }
        }.sorted { $0.cue < $1.cue }
        // Reserved whole: growing them by doubling would hold two copies at once in a huge body.
        set.cues.reserveCapacity(cues.count)
        set.speakers.reserveCapacity(2 * cues.count)
        set.attributions.reserveCapacity(2 * cues.count + set.ruleAttributions.count)
        var nextRule = 0
        var previousSpeaker: Range<Int>?
        var mainSubjects = MainSubjectCache()
        var finiteVerbs = FiniteVerbCache()
        // One buffer for every cue's spans (a list per cue costs an allocation per cue).
        var spans: [(Attributor.ContentRange, SpanOrigin)] = []
        spans.reserveCapacity(SpanOrigin.allCases.count)
        for (position, cue) in cues.enumerated() {
            let rank = Int(ruleChoiceOfCue[cue.first])
            let ruleChoice = rank >= 0 ? (attribution: set.ruleAttributions[rank], rank: rank) : nil
            while nextRule < ruleSpeakers.count, ruleSpeakers[nextRule].cue < cue.first {
                previousSpeaker = ruleSpeakers[nextRule].speaker
                nextRule += 1
            }
            let firstSpeaker = set.speakers.count
            let speaker = self.addSpeakers(
                of: cue, ruleSpeaker: ruleChoice?.attribution.speaker, previous: previousSpeaker, index,
                mainSubjects: &mainSubjects, finiteVerbs: &finiteVerbs, into: &set.speakers)
            let speakers = firstSpeaker..<set.speakers.count
            isCandidate[cue.first] = true
            set.cues.append(
                CueCandidate(
                    cue: cue, prior: cuePriors[position], isRuleCue: isRuleCue[position],
                    speaker: speaker, speakers: speakers))
            self.addSpans(
                for: position, cue: cue, speaker: speaker, ruleChoice: ruleChoice, context, buffer: &spans, into: &set)
        }
        for (rank, attribution) in set.ruleAttributions.enumerated() {
            // Colon headlines carry a cue of their own that is not a cue candidate: they stand alone.
            let isCueChoice = attribution.rule != .continuation && attribution.cue.map { isCandidate[$0.first] } ?? false
            guard !isCueChoice else { continue }
            set.attributions.append(
                AttributionCandidate(
                    attribution: attribution, origin: .ruleChoice, cueIndex: nil, isRuleChoice: true, ruleRank: rank))
        }
        return set
    }

    /// Appends the speakers a cue may have: the rules' choice, the subject before or after it, the subject
    /// of the main clause, the previous attribution's speaker in the paragraph, the subject of the verb
    /// before it, the subject after its opening phrase, its agent and its possessor; a mention found by
    /// several readings is one candidate that knows them all. Returns the default speaker, which places
    /// the cue's spans: the first of the rules' choice and the three subjects.
    private func addSpeakers(
        of cue: Cue, ruleSpeaker: Range<Int>?, previous: Range<Int>?, _ index: DocumentIndex,
        mainSubjects: inout MainSubjectCache, finiteVerbs: inout FiniteVerbCache, into found: inout [SpeakerCandidate]
    ) -> Range<Int>? {
        let tokens = index.tokens
        let sentence = index.sentence(of: cue.first)
        let first = found.count
        func add(_ range: Range<Int>?, _ origin: SpeakerOrigin) {
            guard let range else { return }
            let bit = UInt16(1) << origin.rawValue
            if let same = found[first...].firstIndex(where: { $0.tokens == range }) {
                found[same].foundBy |= bit
                return
            }
            found.append(SpeakerCandidate(tokens: range, origin: origin, foundBy: bit))
        }
        let before = self.speakers.subject(before: cue.first, from: sentence.first, in: tokens)
        let after = self.attributor.invertedSubject(of: cue, index)
        let main = mainSubjects.subject(before: cue.first, in: Int(index.sentenceOfToken[cue.first]), index, self.attributor)
        add(ruleSpeaker, .rule)
        add(before, .subjectBefore)
        add(after, .subjectAfter)
        add(main, .mainSubject)
        if let previous, tokens[previous.lowerBound].paragraph == tokens[cue.first].paragraph {
            add(previous, .previousSpeaker)
        }
        add(self.mentions.verbSubject(before: cue.first, in: sentence, verbs: &finiteVerbs, tokens), .verbSubject)
        add(self.mentions.leadInSubject(of: cue, in: sentence, verbs: &finiteVerbs, tokens), .leadInSubject)
        add(self.mentions.agent(after: cue, in: sentence, tokens), .agent)
        add(self.mentions.possessor(before: cue.first, in: sentence, tokens), .possessor)
        return ruleSpeaker ?? before ?? after ?? main
    }

    private func addSpans(
        for cueIndex: Int, cue: Cue, speaker: Range<Int>?, ruleChoice: (attribution: Attribution, rank: Int)?, _ context: Attributor.Context,
        buffer spans: inout [(Attributor.ContentRange, SpanOrigin)], into set: inout CandidateSet
    ) {
        let index = context.index
        let tokens = index.tokens
        let sentence = index.sentence(of: cue.first)
        spans.removeAll(keepingCapacity: true)
        if let choice = ruleChoice?.attribution {
            spans.append((
                Attributor.ContentRange(range: choice.content, first: choice.firstToken, end: choice.endToken, kind: choice.kind),
                .ruleChoice
            ))
        }
        let invertedSpeaker = speaker.map { $0.lowerBound > cue.last } ?? false
        let rightStart = invertedSpeaker ? (speaker?.upperBound ?? cue.last + 1) : cue.last + 1
        if let content = self.attributor.rightContent(from: rightStart, cue: cue, sentence: sentence, context) {
            spans.append((content, .rightReported))
        }
        var start = rightStart
        if start < sentence.end, tokens[start].hash == WordLists.that || tokens[start].kind == .colon
            || tokens[start].kind == .comma
        {
            start += 1
        }
        if start < sentence.end, let clause = self.attributor.clause(from: start, to: sentence.end, context) {
            spans.append((clause, .rightClause))
            // Up to the first comma, dash or semicolon: inside the clause, which had no break before it.
            var stop = start + 1
            var hasQuote = tokens[start].isQuoteMark
            while stop < clause.end, tokens[stop].kind != .comma && tokens[stop].kind != .dash
                && tokens[stop].kind != .semicolon
            {
                if tokens[stop].isQuoteMark { hasQuote = true }
                stop += 1
            }
            if stop < clause.end, let content = self.attributor.content(from: start, upTo: stop, hasQuote: hasQuote, context) {
                spans.append((content, .rightShort))
            }
        }
        var position = cue.last + 1
        while position < tokens.count, position - cue.last <= Self.quoteReach {
            if let quote = index.quote(openedAt: position) {
                if let content = self.attributor.quoted(quote, tokens) { spans.append((content, .rightQuote)) }
                break
            }
            position += 1
        }
        let boundary = (invertedSpeaker ? cue.first : (speaker?.lowerBound ?? cue.first)) - 1
        if boundary >= 0 {
            if let content = self.attributor.quoteBefore(boundary, sentence: sentence, index, afterBareAttribution: true) {
                spans.append((content, .leftQuote))
            } else if boundary > sentence.first, tokens[boundary].kind == .comma || tokens[boundary].kind == .dash,
                let content = self.attributor.clause(from: sentence.first, to: boundary, context)
            {
                spans.append((content, .leftClause))
            }
        }
        for (position, (content, origin)) in spans.enumerated()
        where !spans[..<position].contains(where: { $0.0.range == content.range }) {
            if origin == .ruleChoice, let ruleChoice {
                set.attributions.append(
                    AttributionCandidate(
                        attribution: ruleChoice.attribution, origin: origin, cueIndex: cueIndex, isRuleChoice: true,
                        ruleRank: ruleChoice.rank))
                continue
            }
            let attribution = Attribution(
                content: content.range, firstToken: content.first, endToken: content.end, kind: content.kind,
                speaker: speaker, cue: cue, confidence: 0, rule: .learned)
            set.attributions.append(
                AttributionCandidate(attribution: attribution, origin: origin, cueIndex: cueIndex, isRuleChoice: false))
        }
    }

    /// The verb form a word's ending suggests, for a cue the rules' lexicon does not know.
    static func entry(for token: Token) -> CueEntry {
        CueEntry(lemma: token.hash, kind: .speech, form: VerbForm(endingOf: token), takesAddressee: false)
    }
}

/// The subject of a sentence's main clause, found once per sentence and cut at each cue.
struct MainSubjectCache {
    private var sentence = -1
    private var subject: Range<Int>?

    /// What ``Attributor/mainSubject(of:before:in:)`` gives for a cue at `limit`: the first subject of
    /// the sentence if it starts before the cue, cut at the cue.
    mutating func subject(before limit: Int, in sentence: Int, _ index: DocumentIndex, _ attributor: Attributor) -> Range<Int>? {
        if sentence != self.sentence {
            let bounds = index.sentences[sentence]
            self.sentence = sentence
            self.subject = attributor.mainSubject(of: bounds, before: bounds.end, in: index.tokens)
        }
        guard let subject = self.subject, subject.lowerBound < limit else { return nil }
        return subject.lowerBound..<min(subject.upperBound, limit)
    }
}
