import QuotewireModel

/// `quotewire.v1.Analyzer`: `Analyze` (unary) and `AnalyzeStream`
/// (bidirectional, one response per request, in order), backed by any
/// `ArticleAnalyzing`.
public enum AnalyzerService {
    public static let name = "quotewire.v1.Analyzer"

    /// Request payloads below this many bytes are analyzed inline on the
    /// event loop; larger ones on the server's thread pool.
    ///
    /// Measured with `scripts/bench/analyze-offload.sh` (release, 2 cores,
    /// Go client, Analyze at c=8 over 2 connections plus a Ping probe on a
    /// third; the stub analyzer, so the work is decode + encode):
    /// - 1-8 KiB: inline is faster (1 KiB: 46k vs 26k calls/s; 8 KiB: 27k vs
    ///   16k) with equal or better Ping p99: the thread-pool hop (~15 us per
    ///   call) costs more than the work.
    /// - 16 KiB: throughput ties (19k vs 17k calls/s) but offloading halves
    ///   Analyze p99 (4.0 vs 1.9 ms).
    /// - 64 KiB and 512 KiB: offloading wins on everything; inline at 512 KiB
    ///   raises another connection's Ping p99 from 2.2 ms to 8.6 ms.
    ///
    /// The crossover is near 16 KiB for decode-only work; the real analysis
    /// adds per-byte work that makes inline stalls longer, so the default
    /// sits below it at 8 KiB. Re-run the script when the analyzer changes;
    /// `quotewire serve --inline-analyze-bytes` overrides it.
    public static let defaultInlineThreshold = 8 * 1024

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
