/// Counters about one analysis (`quotewire.v1.AnalysisStats`).
public struct AnalysisStats: Sendable, Hashable {
    /// Paragraphs in the body.
    public var paragraphs: UInt32
    /// Sentences in the body.
    public var sentences: UInt32
    /// Tokens in the body.
    public var tokens: UInt32
    /// Size of the body in UTF-8 bytes.
    public var bodyBytes: UInt32
    /// Time the analysis took, in nanoseconds.
    public var analysisNanos: Int64

    public init(
        paragraphs: UInt32 = 0, sentences: UInt32 = 0, tokens: UInt32 = 0, bodyBytes: UInt32 = 0,
        analysisNanos: Int64 = 0
    ) {
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.tokens = tokens
        self.bodyBytes = bodyBytes
        self.analysisNanos = analysisNanos
    }
}
