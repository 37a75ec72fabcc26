import QuotewireModel

/// A predicted quote reduced to what the metric compares, in Unicode scalar offsets.
public struct PredictedAttribution: Sendable, Hashable {
    /// The content span.
    public var content: Range<Int>
    /// The speaker mention, if any.
    public var speaker: Range<Int>?
    /// The cue, if any.
    public var cue: Range<Int>?

    public init(content: Range<Int>, speaker: Range<Int>? = nil, cue: Range<Int>? = nil) {
        self.content = content
        self.speaker = speaker
        self.cue = cue
    }

    /// Reads a quote whose spans are Unicode scalar offsets; `nil` without a content span.
    public init?(_ quote: Quote) {
        guard let span = quote.span else { return nil }
        self.init(
            content: Self.range(span),
            speaker: quote.speakerSpan.map(Self.range),
            cue: quote.cueSpan.map(Self.range)
        )
    }

    private static func range(_ span: Span) -> Range<Int> {
        Int(span.start)..<Int(max(span.start, span.end))
    }
}
