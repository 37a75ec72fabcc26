/// One attributed statement: what was said, by whom, and the cue that says so
/// (`quotewire.v1.Quote`).
public struct Quote: Sendable, Hashable {
    /// Identifier unique within one response, e.g. `"q1"`.
    public var id: String
    /// Direct, indirect or mixed.
    public var kind: QuoteKind
    /// The content, without enclosing quote marks.
    public var text: String
    /// Where the content stands in the body.
    public var span: Span?
    /// The ``Actor/id`` of the speaker; empty when no speaker was found.
    public var speakerID: String
    /// The mention that attributes the quote; `nil` when unknown.
    public var speakerSpan: Span?
    /// The reporting cue as written, e.g. `"said"`.
    public var cue: String
    /// Where the cue stands; `nil` when there is no cue word.
    public var cueSpan: Span?
    /// How sure the analyzer is, from 0 to 1.
    public var confidence: Float

    public init(
        id: String = "", kind: QuoteKind = .unspecified, text: String = "", span: Span? = nil,
        speakerID: String = "", speakerSpan: Span? = nil, cue: String = "", cueSpan: Span? = nil,
        confidence: Float = 0
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.span = span
        self.speakerID = speakerID
        self.speakerSpan = speakerSpan
        self.cue = cue
        self.cueSpan = cueSpan
        self.confidence = confidence
    }
}
