/// Something that analyzes articles: the seam between the RPC layer, which
/// serves `quotewire.v1.Analyzer`, and the analysis core, which implements it.
/// Tests may plug in a fake.
public protocol ArticleAnalyzing: Sendable {
    /// Finds the actors, quotes and demands of the request's article.
    func analyze(_ request: AnalyzeRequest) throws(AnalyzeError) -> AnalyzeResponse
    /// The same, stopping as soon as `budget` is spent (the caller left, the
    /// deadline passed, or the answer grew past what can be sent).
    func analyze(_ request: AnalyzeRequest, budget: AnalysisBudget) throws(AnalyzeError) -> AnalyzeResponse
}

extension ArticleAnalyzing {
    /// Checks the budget before and after an analysis that cannot stop midway.
    public func analyze(_ request: AnalyzeRequest, budget: AnalysisBudget) throws(AnalyzeError) -> AnalyzeResponse {
        try budget.checkCancelled()
        let response = try self.analyze(request)
        try budget.checkCancelled()
        return response
    }
}

/// Why a request could not be analyzed; the RPC layer answers
/// INVALID_ARGUMENT or RESOURCE_EXHAUSTED with ``description``.
public enum AnalyzeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request carries no article.
    case missingArticle
    /// The article body exceeds what the analyzer accepts.
    case bodyTooLarge(bytes: Int, limit: Int)
    /// The options ask for something this analyzer does not know.
    case unsupportedOption(String)
    /// The article's language (`Article.language`) is not one the analyzer reads.
    case unsupportedLanguage(String)
    /// The answer would carry more than `limit` bytes of text.
    case responseTooLarge(limit: Int)
    /// The caller no longer wants the answer.
    case cancelled
    /// The caller's deadline passed.
    case deadlineExceeded

    public var description: String {
        switch self {
        case .missingArticle:
            return "the request has no article"
        case .bodyTooLarge(let bytes, let limit):
            return "the article body has \(bytes) bytes, more than the limit of \(limit)"
        case .unsupportedOption(let what):
            return "unsupported option: \(what)"
        case .unsupportedLanguage(let language):
            return "language \"\(language)\" is not supported: only English (\"en\", or empty) is analyzed"
        case .responseTooLarge(let limit):
            return "the answer would carry more than \(limit) bytes of text; send a shorter article"
        case .cancelled:
            return "the analysis was cancelled"
        case .deadlineExceeded:
            return "deadline exceeded during the analysis"
        }
    }
}
