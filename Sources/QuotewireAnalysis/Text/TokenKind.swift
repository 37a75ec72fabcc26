/// What a token is.
enum TokenKind: UInt8, Sendable {
    /// Letters, digits, inner apostrophes, hyphens and abbreviation periods.
    case word
    /// Digits with inner `.`, `,` or `:`.
    case number
    case comma
    /// `.`, `!`, `?` or `…`: may end a sentence.
    case terminator
    case colon
    case semicolon
    /// `-`, `–`, `—` standing alone.
    case dash
    case openBracket
    case closeBracket
    /// A double quote mark that opens (`“`, `„`, `«`, ``` `` ```).
    case quoteOpen
    /// A double quote mark that closes (`”`, `»`).
    case quoteClose
    /// A double quote mark whose role depends on context (`"`, `''`).
    case quoteEither
    /// `‘`, or `’` not inside a word.
    case singleQuote
    case other
}
