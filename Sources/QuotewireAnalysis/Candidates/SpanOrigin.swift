/// Where a proposed content span came from: which reading of the words around its cue.
enum SpanOrigin: UInt8, Sendable, CaseIterable {
    /// The rules' own answer for this cue (or for a quote without one).
    case ruleChoice
    /// What follows the cue once an addressee, a lead-in (`in a statement`) and `that` are skipped.
    case rightReported
    /// The rest of the sentence right after the cue (and `that`, `:` or `,`).
    case rightClause
    /// The words after the cue up to the next comma, dash or semicolon.
    case rightShort
    /// A quote that opens within a few tokens after the cue.
    case rightQuote
    /// A quote that closes just before the cue or its subject (`“...,” she said`).
    case leftQuote
    /// The clause from the sentence start to the comma before the cue or its subject.
    case leftClause
}
