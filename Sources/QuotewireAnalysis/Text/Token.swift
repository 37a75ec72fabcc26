/// One token: its scalar range, kind, hash and shape, in 24 bytes.
struct Token: Sendable {
    /// ``WordHash`` of the token text (words and numbers; the first scalar of punctuation).
    var hash: WordHash
    /// First scalar.
    var start: Int32
    /// Scalar just past the token.
    var end: Int32
    /// Paragraph index.
    var paragraph: Int32
    var kind: TokenKind
    private var flags: UInt8 = 0

    init(
        start: Int32, end: Int32, kind: TokenKind, hash: WordHash, isCapitalized: Bool, startsParagraph: Bool,
        paragraph: Int32
    ) {
        self.hash = hash
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.startsParagraph = startsParagraph
    }

    /// The first letter is uppercase.
    var isCapitalized: Bool {
        get { self.flag(0) }
        set { self.setFlag(0, newValue) }
    }
    /// The token is the first of its paragraph.
    var startsParagraph: Bool {
        get { self.flag(1) }
        set { self.setFlag(1, newValue) }
    }
    /// A word of four or more letters ending in a single `s` (a likely plural noun).
    var endsInS: Bool {
        get { self.flag(2) }
        set { self.setFlag(2, newValue) }
    }
    /// A lowercase word ending in `ly` (a likely adverb).
    var endsInLy: Bool {
        get { self.flag(3) }
        set { self.setFlag(3, newValue) }
    }
    /// A word that kept a final period (`U.S.`, `Gov.`): it ends a sentence only before a sentence opener.
    var endsWithPeriod: Bool {
        get { self.flag(4) }
        set { self.setFlag(4, newValue) }
    }
    /// A lowercase word ending in `ed` (a likely past tense).
    var endsInEd: Bool {
        get { self.flag(5) }
        set { self.setFlag(5, newValue) }
    }
    /// A word ending in `ing` (a likely participle or gerund).
    var endsInIng: Bool {
        get { self.flag(6) }
        set { self.setFlag(6, newValue) }
    }

    var range: Range<Int> { Int(self.start)..<Int(self.end) }

    var isWord: Bool { self.kind == .word }

    var isQuoteMark: Bool {
        self.kind == .quoteOpen || self.kind == .quoteClose || self.kind == .quoteEither
    }

    private func flag(_ bit: UInt8) -> Bool {
        self.flags & (1 << bit) != 0
    }

    private mutating func setFlag(_ bit: UInt8, _ value: Bool) {
        if value { self.flags |= 1 << bit } else { self.flags &= ~(1 << bit) }
    }
}
