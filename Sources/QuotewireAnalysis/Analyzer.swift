import QuotewireModel

/// The analysis core's entry point: finds who said what and who demands what
/// of whom in one article.
///
/// Pure and synchronous; safe to call from any thread. Time and memory grow
/// linearly with the body.
public struct Analyzer: ArticleAnalyzing {
    /// Bodies above this many UTF-8 bytes are refused.
    public let maximumBodyBytes: Int
    /// How attribution candidates are chosen.
    public let scoring: Scoring

    /// How the analyzer chooses among the attributions its rules and cue lexicon propose.
    public enum Scoring: String, Sendable, CaseIterable {
        /// The trained model compiled into the library (`quotewire train`).
        case trained
        /// The hand-written rules alone: what the analyzer did before it learned.
        case rules
    }

    /// - Parameters:
    ///   - maximumBodyBytes: the largest body accepted, in UTF-8 bytes.
    ///   - scoring: the trained model (default) or the rules alone.
    public init(maximumBodyBytes: Int = 64 << 20, scoring: Scoring = .trained) {
        self.maximumBodyBytes = maximumBodyBytes
        self.scoring = scoring
    }

    public func analyze(_ request: AnalyzeRequest) throws(AnalyzeError) -> AnalyzeResponse {
        try self.analyze(request, budget: .unlimited)
    }

    public func analyze(_ request: AnalyzeRequest, budget: AnalysisBudget) throws(AnalyzeError) -> AnalyzeResponse {
        guard let article = request.article else { throw .missingArticle }
        guard article.isEnglish else { throw .unsupportedLanguage(article.language) }
        let options = request.options ?? AnalyzeOptions()
        if case .unrecognized(let value) = options.offsetUnit { throw .unsupportedOption("offset unit \(value)") }
        let bytes = article.body.utf8.count
        guard bytes <= self.maximumBodyBytes else { throw .bodyTooLarge(bytes: bytes, limit: self.maximumBodyBytes) }
        let clock = ContinuousClock()
        let start = clock.now
        var response = try AnalysisPipeline(
            body: article.body, options: options, model: self.scoring == .trained ? .trained : .rules
        ).run(budget: budget)
        response.articleID = article.id
        let elapsed = (clock.now - start).components
        response.stats?.analysisNanos = elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000
        return response
    }
}
