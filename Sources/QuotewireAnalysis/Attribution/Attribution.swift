import QuotewireModel

/// A content tied to a cue and, when found, a speaker mention.
struct Attribution: Sendable {
    /// The content in scalars, without enclosing quote marks.
    var content: Range<Int>
    /// First token of the content.
    var firstToken: Int
    /// Token just past the content.
    var endToken: Int
    var kind: QuoteKind
    /// The speaker mention, as tokens.
    var speaker: Range<Int>?
    /// The cue; `nil` for a quote attributed by continuation.
    var cue: Cue?
    var confidence: Float
    /// The rule that produced it.
    var rule: AttributionRule
    /// For a quote merged with its continuation: the quoted scalars, without the gap between the parts.
    var quotedLength: Int? = nil
}
