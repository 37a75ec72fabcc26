/// Analyze one article (`quotewire.v1.AnalyzeRequest`).
public struct AnalyzeRequest: Sendable, Hashable {
    /// The article; a request without one is invalid.
    public var article: Article?
    /// Options; `nil` means the defaults.
    public var options: AnalyzeOptions?

    public init(article: Article? = nil, options: AnalyzeOptions? = nil) {
        self.article = article
        self.options = options
    }
}
