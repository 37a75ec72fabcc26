/// A stretch of text between quote marks.
struct QuotedSpan: Sendable, Hashable {
    /// Index of the opening mark token.
    var openToken: Int
    /// Index of the closing mark token; for an unclosed quote, the last token inside.
    var closeToken: Int
    /// The quoted text, without the marks, in scalars.
    var content: Range<Int>
    /// Whether a closing mark was found.
    var isClosed: Bool
    /// Whether the quote runs over more than one paragraph.
    var spansParagraphs: Bool
}
