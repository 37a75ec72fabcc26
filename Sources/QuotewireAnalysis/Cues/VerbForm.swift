/// The inflection of a cue verb.
enum VerbForm: UInt8, Sendable {
    /// `say`
    case base
    /// `says`
    case third
    /// `said`
    case past
    /// `saying`
    case participle
}

extension VerbForm {
    /// The form a word's ending suggests, for a word the lexicon does not know: `-ed` past, `-ing`
    /// participle, `-s` third person, else base.
    init(endingOf token: Token) {
        self = token.endsInEd ? .past : token.endsInIng ? .participle : token.endsInS ? .third : .base
    }
}
