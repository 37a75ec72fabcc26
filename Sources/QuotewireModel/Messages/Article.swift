/// A news article to analyze (`quotewire.v1.Article`). Only `body` is analyzed.
public struct Article: Sendable, Hashable {
    /// The caller's identifier, echoed in ``AnalyzeResponse/articleID``.
    public var id: String
    /// Where the article was published, if known.
    public var url: String
    /// The publisher or wire service.
    public var source: String
    /// The headline.
    public var title: String
    /// The article text, paragraphs separated by line breaks.
    public var body: String
    /// BCP 47 language tag; empty means English.
    public var language: String
    /// When the article was published, if known.
    public var publishedAt: Timestamp?

    public init(
        id: String = "", url: String = "", source: String = "", title: String = "",
        body: String = "", language: String = "", publishedAt: Timestamp? = nil
    ) {
        self.id = id
        self.url = url
        self.source = source
        self.title = title
        self.body = body
        self.language = language
        self.publishedAt = publishedAt
    }
}
