/// Finds speaker mentions the rules' readings miss, and tells a mention from words that cannot name
/// a speaker, with the words' usual part of speech (``WordClasses``).
///
/// Each search walks at most ``reach`` tokens from its cue, and the finite verbs it reads are found once
/// per sentence (``FiniteVerbCache``), so the work per cue is bounded.
struct MentionFinder: Sendable {
    let classes: WordClasses
    private let subjects = SpeakerFinder()

    /// How far from a cue a search walks, in tokens.
    static let reach = 30

    /// Whether `range` can name a speaker: not made only of day and month names, not opening with a
    /// verb, adverb, preposition or conjunction (`Speaking`, `Despite`, `But`), and not ending in a
    /// lowercase verb, adjective or adverb (`pressed`, `most eloquent`) or a function word.
    func canName(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        guard !range.isEmpty else { return false }
        if tokens[range].allSatisfy({ WordLists.monthsAndDays.contains($0.hash) }) { return false }
        let first = tokens[range.lowerBound]
        if first.kind == .word, !WordLists.pronouns.contains(first.hash), Self.cannotOpen.contains(self.classes.of(first)) {
            return false
        }
        let last = tokens[range.upperBound - 1]
        guard last.kind == .word, !WordLists.pronouns.contains(last.hash) else { return true }
        let lastClass = self.classes.of(last)
        return !(last.isCapitalized ? Self.functionWords : Self.cannotEnd).contains(lastClass)
    }

    /// The subject of the nearest finite verb before `cue` in its sentence, the clause a participle
    /// after a comma hangs on (`Trump went after Bush, calling him`): the first of the three nearest
    /// verbs whose subject can name a speaker.
    func verbSubject(before cue: Int, in sentence: Sentence, verbs: inout FiniteVerbCache, _ tokens: [Token]) -> Range<Int>? {
        let before = verbs.verbs(of: sentence, before: cue, tokens, self)
        for slot in before.indices.reversed().prefix(3) {
            guard cue - before[slot] <= Self.reach, before[slot] > sentence.first else { return nil }
            let subject = verbs.subject(ofVerb: slot) { verb in
                self.subjects.subject(before: verb, from: sentence.first, in: tokens).flatMap { self.canName($0, tokens) ? $0 : nil }
            }
            if let subject { return subject }
        }
        return nil
    }

    /// For a cue in a sentence's opening phrase (`After thanking the crowd, he said`, `Asked about it,
    /// Smith`): the mention right after that phrase's comma. `nil` when a finite verb precedes the cue
    /// or its comma.
    func leadInSubject(of cue: Cue, in sentence: Sentence, verbs: inout FiniteVerbCache, _ tokens: [Token]) -> Range<Int>? {
        guard cue.first - sentence.first <= Self.reach, verbs.verbs(of: sentence, before: cue.first, tokens, self).isEmpty
        else { return nil }
        var comma = cue.last + 1
        while comma < sentence.end, comma - cue.last <= Self.reach, tokens[comma].kind != .comma { comma += 1 }
        guard comma < sentence.end, tokens[comma].kind == .comma,
            !verbs.verbs(of: sentence, before: comma, tokens, self).contains(where: { $0 > cue.last })
        else { return nil }
        return self.mention(startingAt: comma + 1, before: sentence.end, tokens)
    }

    /// The agent after a cue: `according to X`, `criticized by X`, `criticism from X`.
    func agent(after cue: Cue, in sentence: Sentence, _ tokens: [Token]) -> Range<Int>? {
        var start = cue.last + 1
        if tokens[cue.last].hash != WordLists.to {
            guard start < sentence.end, Self.agentPrepositions.contains(tokens[start].hash) else { return nil }
            start += 1
        }
        return self.mention(startingAt: start, before: sentence.end, tokens)
    }

    /// The possessor before a noun cue (`her remark`, `Clinton’s suggestion`, `Sanders’ latest claim`),
    /// over at most two words between them.
    func possessor(before cue: Int, in sentence: Sentence, _ tokens: [Token]) -> Range<Int>? {
        var position = cue - 1
        while position >= sentence.first, cue - position <= 3 {
            let token = tokens[position]
            if token.kind == .word, Self.possessivePronouns.contains(token.hash) { return position..<(position + 1) }
            // A name ending in `s` (`Clinton’s`, `Sanders`) or followed by a lone apostrophe (`Sanders’`): the
            // tokens keep no text, so the model learns which of these are possessors.
            if token.kind == .word, token.isCapitalized, token.endsInS {
                return self.nameRun(endingAt: position, from: sentence.first, tokens)
            }
            if token.kind == .singleQuote, position > sentence.first, tokens[position - 1].isCapitalized {
                return self.nameRun(endingAt: position - 1, from: sentence.first, tokens)
            }
            guard token.kind == .word, !token.isCapitalized, !WordLists.subjectBoundaries.contains(token.hash) else { return nil }
            position -= 1
        }
        return nil
    }

    /// A mention opening at `start`: a pronoun, or the words up to the first lowercase verb,
    /// boundary word or punctuation (a name keeps its capitalized words).
    private func mention(startingAt start: Int, before end: Int, _ tokens: [Token]) -> Range<Int>? {
        guard start < end, tokens[start].kind == .word else { return nil }
        if WordLists.pronouns.contains(tokens[start].hash) { return start..<(start + 1) }
        var stop = start + 1
        while stop < end, stop - start < SpeakerFinder.maximumLength, tokens[stop].kind == .word || tokens[stop].kind == .number {
            let token = tokens[stop]
            if !token.isCapitalized, WordLists.subjectBoundaries.contains(token.hash) || self.isVerb(token) { break }
            stop += 1
        }
        return self.canName(start..<stop, tokens) ? start..<stop : nil
    }

    /// The capitalized words ending at `last` (`Hillary Clinton’s`).
    private func nameRun(endingAt last: Int, from sentenceStart: Int, _ tokens: [Token]) -> Range<Int> {
        var first = last
        while first - 1 >= sentenceStart, last - first + 1 < SpeakerFinder.maximumLength, tokens[first - 1].kind == .word,
            tokens[first - 1].isCapitalized
        {
            first -= 1
        }
        return first..<(last + 1)
    }

    /// A lowercase word usually tagged as a past, present or modal verb.
    func isFiniteVerb(_ token: Token) -> Bool {
        token.kind == .word && !token.isCapitalized && self.classes.isFiniteVerb(token.hash)
    }

    private func isVerb(_ token: Token) -> Bool {
        token.kind == .word && Self.verbs.contains(self.classes.of(token))
    }

    private static let verbs = WordClass.classNumbers([.pastVerb, .pastParticiple, .gerund, .baseVerb, .presentVerb, .modal])
    private static let cannotOpen = WordClass.classNumbers([
        .pastVerb, .pastParticiple, .gerund, .baseVerb, .presentVerb, .adverb, .preposition, .to, .conjunction, .modal,
        .whAdverb, .particle,
    ])
    private static let functionWords = WordClass.classNumbers([.determiner, .preposition, .to, .conjunction, .modal, .whAdverb])
    private static let cannotEnd = WordClass.classNumbers([
        .pastVerb, .pastParticiple, .gerund, .baseVerb, .presentVerb, .adjective, .adverb, .determiner, .preposition, .to,
        .conjunction, .modal, .whAdverb, .particle,
    ])
    private static let agentPrepositions = WordLists.set("by from")
    private static let possessivePronouns = WordLists.set("his her their its our my")
}
