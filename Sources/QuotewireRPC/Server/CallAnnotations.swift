import NIOConcurrencyHelpers

/// What a handler tells about its call for the access log and the span:
/// the article's id and size. Present in ``CallContext/annotations`` only
/// when the server keeps an access log or traces.
public final class CallAnnotations: Sendable {
    private let box = NIOLockedValueBox<(articleID: String?, articleBytes: Int?)>((nil, nil))

    public init() {}

    /// Names the article the call analyzes; `bytes` is its body's UTF-8 size.
    public func recordArticle(id: String, bytes: Int) {
        self.box.withLockedValue { $0 = (id, bytes) }
    }

    /// The article recorded, if any.
    public var article: (id: String?, bytes: Int?) {
        self.box.withLockedValue { ($0.articleID, $0.articleBytes) }
    }
}
