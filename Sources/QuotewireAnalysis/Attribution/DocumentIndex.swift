/// Per-token lookups shared by the attribution and demand stages.
struct DocumentIndex: Sendable {
    let tokens: [Token]
    let sentences: [Sentence]
    let quotes: [QuotedSpan]
    /// Sentence index of each token.
    let sentenceOfToken: [Int32]
    /// Quote index of each opening mark token, else -1.
    let quoteOpenedAt: [Int32]
    /// Quote index of each closing mark token, else -1.
    let quoteClosedAt: [Int32]
    /// Whether each token lies inside a quote (marks excluded).
    let isQuoted: [Bool]
    /// Quote marks before each token (and before the end): a stretch's count is a difference.
    let quoteMarksBefore: [Int32]

    init(tokens: [Token], sentences: [Sentence], quotes: [QuotedSpan]) {
        self.tokens = tokens
        self.sentences = sentences
        self.quotes = quotes
        var sentenceOfToken = [Int32](repeating: 0, count: tokens.count)
        for (index, sentence) in sentences.enumerated() {
            for token in sentence.first..<sentence.end { sentenceOfToken[token] = Int32(index) }
        }
        var opened = [Int32](repeating: -1, count: tokens.count)
        var closed = [Int32](repeating: -1, count: tokens.count)
        var quoted = [Bool](repeating: false, count: tokens.count)
        for (index, quote) in quotes.enumerated() {
            opened[quote.openToken] = Int32(index)
            if quote.isClosed {
                closed[quote.closeToken] = Int32(index)
                if quote.openToken + 1 < quote.closeToken {
                    for token in (quote.openToken + 1)..<quote.closeToken { quoted[token] = true }
                }
            } else if quote.openToken + 1 <= quote.closeToken {
                for token in (quote.openToken + 1)...quote.closeToken { quoted[token] = true }
            }
        }
        self.sentenceOfToken = sentenceOfToken
        self.quoteOpenedAt = opened
        self.quoteClosedAt = closed
        self.isQuoted = quoted
        var marksBefore = [Int32](repeating: 0, count: tokens.count + 1)
        for (position, token) in tokens.enumerated() {
            marksBefore[position + 1] = marksBefore[position] + (token.isQuoteMark ? 1 : 0)
        }
        self.quoteMarksBefore = marksBefore
    }

    /// How many quote marks the tokens `first..<end` hold.
    func quoteMarks(from first: Int, to end: Int) -> Int {
        Int(self.quoteMarksBefore[end] - self.quoteMarksBefore[first])
    }

    func sentence(of token: Int) -> Sentence {
        self.sentences[Int(self.sentenceOfToken[token])]
    }

    func quote(openedAt token: Int) -> QuotedSpan? {
        guard token >= 0, token < self.tokens.count, self.quoteOpenedAt[token] >= 0 else { return nil }
        return self.quotes[Int(self.quoteOpenedAt[token])]
    }

    func quote(closedAt token: Int) -> QuotedSpan? {
        guard token >= 0, token < self.tokens.count, self.quoteClosedAt[token] >= 0 else { return nil }
        return self.quotes[Int(self.quoteClosedAt[token])]
    }

    /// Whether `token` is a closing quote mark, or a comma right after one (`”,`).
    func isQuoteEnd(_ token: Int) -> Bool {
        self.quote(closedAt: token) != nil
    }
}
