/// Finds sentence boundaries in a token stream: at paragraph breaks and after
/// `.`, `!`, `?` (with closing quote marks and brackets) unless a lowercase
/// word follows. Abbreviations never end a sentence because their period
/// belongs to the word token.
struct SentenceSplitter: Sendable {
    /// Capitalized function words that open a sentence but never continue a name.
    static let sentenceOpeners = WordSet(
        ["the", "he", "she", "they", "it", "we", "i", "but", "and", "in", "this", "that", "his", "her", "their", "its",
            "a", "an", "there", "some", "many", "if", "when", "while", "after", "as"].map(WordHash.init))

    func split(_ tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var first = 0
        var index = 0
        while index < tokens.count {
            if index > first && tokens[index].startsParagraph {
                sentences.append(Sentence(first: first, end: index))
                first = index
            }
            // `... in the U.S. The talks ...`: an abbreviation closes the sentence before a sentence opener.
            if tokens[index].endsWithPeriod, index + 1 < tokens.count, !tokens[index + 1].startsParagraph,
                tokens[index + 1].isCapitalized, Self.sentenceOpeners.contains(tokens[index + 1].hash)
            {
                sentences.append(Sentence(first: first, end: index + 1))
                first = index + 1
                index += 1
                continue
            }
            guard tokens[index].kind == .terminator else {
                index += 1
                continue
            }
            var end = index + 1
            while end < tokens.count, !tokens[end].startsParagraph {
                let kind = tokens[end].kind
                if kind == .terminator || kind == .closeBracket || kind == .quoteClose || kind == .singleQuote
                    || (kind == .quoteEither && Self.closesHere(tokens, end))
                {
                    end += 1
                } else {
                    break
                }
            }
            if end < tokens.count, !tokens[end].startsParagraph,
                (tokens[end].kind == .word && !tokens[end].isCapitalized) || tokens[end].kind == .comma
            {
                index = end
                continue
            }
            sentences.append(Sentence(first: first, end: end))
            first = end
            index = end
        }
        if first < tokens.count { sentences.append(Sentence(first: first, end: tokens.count)) }
        return sentences
    }

    /// An ambiguous quote mark right after a terminator closes when nothing glues it to the next token.
    private static func closesHere(_ tokens: [Token], _ index: Int) -> Bool {
        index + 1 >= tokens.count || tokens[index + 1].start > tokens[index].end || tokens[index + 1].startsParagraph
    }
}
