import QuotewireModel

/// The analysis core's entry point. Stub until the analysis-core issue lands:
/// it answers every request with no quotes, actors or demands.
public struct Analyzer: ArticleAnalyzing {
    public init() {}

    public func analyze(_ request: AnalyzeRequest) throws(AnalyzeError) -> AnalyzeResponse {
        guard let article = request.article else { throw .missingArticle }
        return AnalyzeResponse(articleID: article.id)
    }
}
