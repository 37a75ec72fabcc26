import QuotewireModel

/// Splits a mention (a token range) into affiliation, title and name, and
/// guesses its kind and gender from general word lists.
struct MentionParser: Sendable {
    func parse(_ phrase: Range<Int>, _ tokens: [Token], _ text: TextBuffer) -> ParsedMention? {
        guard !phrase.isEmpty else { return nil }
        // `A spokeswoman for the governor, Dana Whitfield,`: the name in the aside is the actor.
        if let aside = self.namedAside(in: phrase, tokens) { return self.parse(aside, tokens, text) }
        var end = phrase.lowerBound
        while end < phrase.upperBound, tokens[end].kind == .word || tokens[end].kind == .number
            || (tokens[end].kind == .singleQuote && end > phrase.lowerBound)
        {
            end += 1
        }
        var start = phrase.lowerBound
        while start < end, WordLists.determiners.contains(tokens[start].hash) { start += 1 }
        guard start < end else { return nil }
        if end - start == 1, WordLists.pronouns.contains(tokens[start].hash) {
            return ParsedMention(
                form: .pronoun(tokens[start].hash), core: start..<end, name: start..<end, title: start..<start,
                affiliation: start..<start, kind: .person, gender: self.gender(tokens[start].hash), key: tokens[start].hash
            )
        }
        let last = tokens[end - 1]
        let endsCapitalized = last.isCapitalized || self.isAllCaps(last, text)
        if !endsCapitalized {
            // The head is the last word before a prepositional phrase: `spokeswoman` in `spokeswoman for the mayor`.
            var headEnd = start + 1
            while headEnd < end, !WordLists.innerPrepositions.contains(tokens[headEnd].hash) { headEnd += 1 }
            let head = tokens[headEnd - 1]
            let hasTitle = ActorWords.titles.contains(head.hash)
            let isOrganization = tokens[start..<end].contains { ActorWords.organizationWords.contains($0.hash) }
            return ParsedMention(
                form: .descriptive, core: start..<end, name: start..<end, title: hasTitle ? start..<headEnd : start..<start,
                affiliation: start..<start,
                kind: isOrganization ? .organization : (head.endsInS ? .group : .person),
                gender: .unknown, key: head.hash
            )
        }
        // The run of capitalized words (joined by `of`) that ends the mention.
        var runStart = end - 1
        while runStart - 1 >= start {
            let previous = tokens[runStart - 1]
            if previous.isCapitalized || self.isAllCaps(previous, text) {
                runStart -= 1
            } else if previous.hash == WordLists.of,
                runStart - 2 >= start, tokens[runStart - 2].isCapitalized
            {
                runStart -= 1
            } else {
                break
            }
        }
        var nameStart = runStart
        var firstTitle = -1
        for position in runStart..<end where ActorWords.titles.contains(tokens[position].hash) || tokens[position].hash == WordLists.of {
            if position == end - 1 { break }
            if firstTitle < 0 && tokens[position].hash != WordLists.of { firstTitle = position }
            nameStart = position + 1
        }
        let title = firstTitle >= 0 ? firstTitle..<nameStart : nameStart..<nameStart
        let affiliation = firstTitle >= 0 ? runStart..<firstTitle : runStart..<runStart
        let name = nameStart..<end
        var kind = ActorKind.unspecified
        let isOrganization = tokens[name].contains {
            ActorWords.organizationWords.contains($0.hash) || (self.isAllCaps($0, text) && $0.end - $0.start > 1)
        }
        let isGovernment = tokens[name].contains { ActorWords.governmentWords.contains($0.hash) }
        if isOrganization || isGovernment {
            kind = isGovernment ? .government : .organization
        } else if !title.isEmpty || name.count >= 2 {
            kind = .person
        }
        var gender = self.gender(tokens[name.lowerBound].hash)
        for position in title where gender == .unknown { gender = self.gender(tokens[position].hash) }
        if gender != .unknown { kind = .person }
        var key = tokens[end - 1].hash
        if kind == .organization || kind == .government {
            key = WordHash.empty
            for position in name { key = WordHash(value: key.value &* 31 &+ tokens[position].hash.value) }
        }
        return ParsedMention(
            form: .named, core: start..<end, name: name, title: title, affiliation: affiliation, kind: kind,
            gender: gender, key: key
        )
    }

    /// A capitalized name between commas inside the phrase, if any.
    private func namedAside(in phrase: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        guard let comma = phrase.first(where: { tokens[$0].kind == .comma }), comma > phrase.lowerBound else { return nil }
        var end = comma + 1
        while end < phrase.upperBound, tokens[end].kind == .word, tokens[end].isCapitalized { end += 1 }
        guard end > comma + 1, end == phrase.upperBound || tokens[end].kind == .comma,
            !tokens[phrase.lowerBound..<comma].contains(where: { $0.isCapitalized && $0.kind == .word })
                || WordLists.determiners.contains(tokens[phrase.lowerBound].hash)
        else { return nil }
        return (comma + 1)..<end
    }

    func gender(_ hash: WordHash) -> Gender {
        if ActorWords.female.contains(hash) { return .female }
        if ActorWords.male.contains(hash) { return .male }
        return .unknown
    }

    func isAllCaps(_ token: Token, _ text: TextBuffer) -> Bool {
        guard token.kind == .word, token.end - token.start >= 2 else { return false }
        // Most words start with a lowercase letter: not all caps.
        if !token.isCapitalized, CharacterClass.isLetter(text[Int(token.start)]) { return false }
        var letters = 0
        for index in Int(token.start)..<Int(token.end) {
            let value = text[index]
            guard CharacterClass.isLetter(value) else { continue }
            if !CharacterClass.isUpper(value) { return false }
            letters += 1
        }
        return letters >= 2
    }
}
