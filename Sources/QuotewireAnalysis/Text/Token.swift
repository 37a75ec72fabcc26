/// One token: its scalar range, kind, hash and shape.
struct Token: Sendable {
    /// First scalar.
    var start: Int32
    /// Scalar just past the token.
    var end: Int32
    var kind: TokenKind
    /// ``WordHash`` of the token text (words and numbers).
    var hash: WordHash
    /// The first letter is uppercase.
    var isCapitalized: Bool
    /// The token is the first of its paragraph.
    var startsParagraph: Bool
    /// Paragraph index.
    var paragraph: Int32
    /// A word of four or more letters ending in a single `s` (a likely plural noun).
    var endsInS: Bool = false
    /// A lowercase word ending in `ly` (a likely adverb).
    var endsInLy: Bool = false
    /// A word that kept a final period (`U.S.`, `Gov.`): it ends a sentence only before a sentence opener.
    var endsWithPeriod: Bool = false
    /// A lowercase word ending in `ed` (a likely past tense).
    var endsInEd: Bool = false
    /// A word ending in `ing` (a likely participle or gerund).
    var endsInIng: Bool = false

    var range: Range<Int> { Int(self.start)..<Int(self.end) }

    var isWord: Bool { self.kind == .word }

    var isQuoteMark: Bool {
        self.kind == .quoteOpen || self.kind == .quoteClose || self.kind == .quoteEither
    }
}
