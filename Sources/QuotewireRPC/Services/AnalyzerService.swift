import QuotewireModel

/// `quotewire.v1.Analyzer`: `Analyze` (unary) and `AnalyzeStream`
/// (bidirectional, one response per request, in order), backed by any
/// `ArticleAnalyzing`.
public enum AnalyzerService {
    public static let name = "quotewire.v1.Analyzer"

    /// Request payloads below this many bytes are analyzed inline on the
    /// event loop; larger ones on the thread pool.
    ///
    /// Measured on this 2-core machine (release build, stub and real-size
    /// analyzers; see the RPC report): a thread-pool hop costs about 10-20 us
    /// per call, which dominates the work for small articles, while analyzing
    /// inline stalls every other connection on the loop for the duration of
    /// the analysis. 16 KiB keeps the inline work to a few tens of
    /// microseconds at the analyzer's throughput, below one loop tick's worth
    /// of other connections' I/O; larger articles take the hop.
    public static let defaultInlineThreshold = 16 * 1024

    /// Registers both methods.
    public static func register(
        into registry: inout ServiceRegistry, analyzer: some ArticleAnalyzing,
        inlineThreshold: Int = AnalyzerService.defaultInlineThreshold
    ) {
        registry.synchronousUnary(
            service: Self.name, method: "Analyze", execution: .inlineBelow(payloadBytes: inlineThreshold)
        ) { (request: AnalyzeRequest, _: CallContext) throws -> AnalyzeResponse in
            try analyzer.analyze(request)
        }
        registry.bidirectionalStreaming(service: Self.name, method: "AnalyzeStream") {
            (requests: RequestStream<AnalyzeRequest>, responses: ResponseWriter<AnalyzeResponse>, _: CallContext) in
            for try await request in requests {
                try Task.checkCancellation()
                try await responses.write(try analyzer.analyze(request))
            }
        }
    }
}
