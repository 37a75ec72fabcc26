import QuotewireModel

/// `quotewire.v1.Analyzer`: `Analyze` (unary) and `AnalyzeStream`
/// (bidirectional, one response per request, in order), backed by any
/// `ArticleAnalyzing`.
public enum AnalyzerService {
    public static let name = "quotewire.v1.Analyzer"

    /// Request payloads below this many bytes are analyzed inline on the
    /// event loop; larger ones on the server's thread pool.
    ///
    /// Measured with `scripts/bench/analyze-offload.sh` (release, 2 cores, Go
    /// client, Analyze of a synthetic quote-dense article at c=8 over 2
    /// connections, plus a Ping probe on a third connection), 2026-12-01:
    ///
    /// | size   | inline calls/s | offloaded calls/s | Ping p99 inline | Ping p99 offloaded |
    /// |--------|---------------:|------------------:|----------------:|-------------------:|
    /// | 4 KiB  | 5,220          | 4,261             | 3.1 ms          | 0.8 ms             |
    /// | 16 KiB | 1,103          | 1,141             | 11.8 ms         | 2.3 ms             |
    /// | 64 KiB | 314            | 272               | 38 ms           | 2.4 ms             |
    ///
    /// Inline saves the thread-pool hop (about 20 % more throughput on small
    /// articles) but holds up every other connection of the loop for the
    /// whole analysis; from 16 KiB on it no longer pays. The default sits
    /// between the two at 8 KiB (PolNeAR dev: 75 of 84 articles inline).
    /// Re-run the script when the analyzer changes; `quotewire serve
    /// --inline-analyze-bytes` overrides it.
    public static let defaultInlineThreshold = 8 * 1024

    /// Registers both methods.
    public static func register(
        into registry: inout ServiceRegistry, analyzer: some ArticleAnalyzing,
        inlineThreshold: Int = AnalyzerService.defaultInlineThreshold
    ) {
        registry.synchronousUnary(
            service: Self.name, method: "Analyze", execution: .inlineBelow(payloadBytes: inlineThreshold)
        ) { (request: AnalyzeRequest, context: CallContext) throws -> AnalyzeResponse in
            if let annotations = context.annotations, let article = request.article {
                annotations.recordArticle(id: article.id, bytes: article.body.utf8.count)
            }
            return try analyzer.analyze(request, budget: context.analysisBudget)
        }
        registry.bidirectionalStreaming(service: Self.name, method: "AnalyzeStream") {
            (requests: RequestStream<AnalyzeRequest>, responses: ResponseWriter<AnalyzeResponse>, context: CallContext) in
            for try await request in requests {
                try Task.checkCancellation()
                // On the bounded thread pool, not the cooperative one: other calls keep their threads.
                let cost = request.article?.body.utf8.count ?? 0
                try await responses.write(
                    try await context.offload(cost: cost) { try analyzer.analyze(request, budget: context.analysisBudget) })
            }
        }
    }
}
