/// Finds the noun phrase that names a speaker next to a cue: the subject to
/// its left (`the press secretary said`, `Smith, 44, said`) or an inverted
/// subject to its right (`said Sen. Jane Roe`).
struct SpeakerFinder: Sendable {
    /// Longest speaker phrase, in tokens.
    static let maximumLength = 9

    /// The subject that ends just before `cue`, skipping auxiliaries and adverbs.
    func subject(before cue: Int, from sentenceStart: Int, in tokens: [Token]) -> Range<Int>? {
        var index = cue - 1
        var skipped = 0
        while index >= sentenceStart, skipped < 4, tokens[index].kind == .word,
            (WordLists.betweenSubjectAndCue.contains(tokens[index].hash) || tokens[index].endsInLy) && !tokens[index].isCapitalized
        {
            index -= 1
            skipped += 1
        }
        // `Smith on Tuesday said`, `Smith last week told`, `Smith Tuesday night warned`.
        var timeWords = 0
        while index >= sentenceStart, timeWords < 3, WordLists.timeWords.contains(tokens[index].hash) {
            index -= 1
            timeWords += 1
        }
        if timeWords > 0, index >= sentenceStart, WordLists.timeLeadIns.contains(tokens[index].hash) { index -= 1 }
        if timeWords > 0, index >= sentenceStart, tokens[index].kind == .comma { index -= 1 }
        guard index >= sentenceStart else { return nil }
        if let enclosed = self.subjectBeforeAside(endingAt: index, from: sentenceStart, in: tokens) { return enclosed }
        if tokens[index].kind == .word && WordLists.pronouns.contains(tokens[index].hash) {
            return index..<(index + 1)
        }
        let phrase = self.phrase(endingAt: index, from: sentenceStart, in: tokens)
        guard let found = phrase, tokens[found.upperBound - 1].kind == .word else { return nil }
        return found
    }

    /// `Smith, a senator from Vermont, said` / `Smith (who leads the race) said`: the name before an aside.
    private func subjectBeforeAside(endingAt index: Int, from sentenceStart: Int, in tokens: [Token]) -> Range<Int>? {
        let closing = tokens[index].kind
        guard closing == .comma || closing == .closeBracket else { return nil }
        var position = index - 1
        while position > sentenceStart, index - position <= 20 {
            let kind = tokens[position].kind
            if closing == .comma && kind == .comma || closing == .closeBracket && kind == .openBracket { break }
            if (kind == .terminator && closing == .comma) || kind == .semicolon || tokens[position].isQuoteMark { return nil }
            position -= 1
        }
        guard position > sentenceStart, position < index - 1 else { return nil }
        let opening = tokens[position].kind
        guard closing == .comma ? opening == .comma : opening == .openBracket else { return nil }
        let asideStart = tokens[position + 1]
        let before = tokens[position - 1]
        // `A spokeswoman for the governor, Dana Whitfield, said`: a description, then the name as aside.
        if closing == .comma, asideStart.isCapitalized, before.kind == .word, !before.isCapitalized,
            !WordLists.pronouns.contains(before.hash),
            let description = self.phrase(endingAt: position - 1, from: sentenceStart, in: tokens),
            WordLists.determiners.contains(tokens[description.lowerBound].hash)
        {
            return description.lowerBound..<(index + 1)
        }
        guard closing == .closeBracket || asideStart.kind == .number || !asideStart.isCapitalized
            || WordLists.determiners.contains(asideStart.hash)
        else { return nil }
        guard before.isCapitalized || WordLists.pronouns.contains(before.hash),
            let name = self.phrase(endingAt: position - 1, from: sentenceStart, in: tokens)
        else { return nil }
        return name.lowerBound..<(index + 1)
    }

    /// The subject right after a cue (`said Jane Roe`), ending at punctuation or a boundary word.
    func subject(after cue: Int, before sentenceEnd: Int, in tokens: [Token]) -> Range<Int>? {
        let start = cue + 1
        var index = start
        while index < sentenceEnd, index - start < Self.maximumLength, tokens[index].kind == .word {
            let token = tokens[index]
            if WordLists.subjectBoundaries.contains(token.hash) && !token.isCapitalized { break }
            if WordLists.pronouns.contains(token.hash) { return index == start ? start..<(start + 1) : nil }
            index += 1
        }
        guard index > start else { return nil }
        // `said the state was reviewing`: a noun phrase followed by a verb is the content's subject.
        if index < sentenceEnd, tokens[index].kind == .word { return nil }
        let hasName = tokens[start..<index].contains { $0.isCapitalized }
        let startsWithDeterminer = WordLists.determiners.contains(tokens[start].hash)
        return hasName || startsWithDeterminer ? start..<index : nil
    }

    /// A noun phrase ending at `last`, walking left over words, possessives and `of`/`for`.
    private func phrase(endingAt last: Int, from sentenceStart: Int, in tokens: [Token]) -> Range<Int>? {
        guard last >= sentenceStart, tokens[last].kind == .word || tokens[last].kind == .number else { return nil }
        if WordLists.subjectBoundaries.contains(tokens[last].hash) || WordLists.conjunctions.contains(tokens[last].hash) {
            return nil
        }
        var first = last
        while first - 1 >= sentenceStart, last - first + 1 < Self.maximumLength {
            let candidate = tokens[first - 1]
            if candidate.kind == .singleQuote, first - 2 >= sentenceStart, tokens[first - 2].endsInS {
                first -= 1
                continue
            }
            guard candidate.kind == .word || candidate.kind == .number else { break }
            if WordLists.pronouns.contains(candidate.hash) && !WordLists.determiners.contains(candidate.hash) { break }
            if WordLists.innerPrepositions.contains(candidate.hash) {
                guard first - 2 >= sentenceStart, tokens[first - 2].kind == .word else { break }
                first -= 1
                continue
            }
            if candidate.hash == WordLists.and {
                guard tokens[first].isCapitalized, first - 2 >= sentenceStart, tokens[first - 2].isCapitalized else { break }
                first -= 1
                continue
            }
            if WordLists.subjectBoundaries.contains(candidate.hash) || WordLists.conjunctions.contains(candidate.hash) { break }
            if CueLexicon.shared.entry(candidate.hash) != nil && !candidate.isCapitalized { break }
            first -= 1
            if WordLists.determiners.contains(candidate.hash) { break }
        }
        // Drop leading words that cannot open a speaker phrase (`But`, `of`, `In`).
        while first < last,
            WordLists.innerPrepositions.contains(tokens[first].hash) || WordLists.subjectBoundaries.contains(tokens[first].hash)
                || WordLists.conjunctions.contains(tokens[first].hash)
        {
            first += 1
        }
        return first..<(last + 1)
    }
}
