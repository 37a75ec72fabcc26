import QuotewireAnalysis
import QuotewireModel

/// Where the CLI sends articles: the in-process analyzer, or a server.
protocol AnalysisBackend: Sendable {
    func analyze(_ request: AnalyzeRequest) async throws -> AnalyzeResponse
    /// Releases connections and threads, if any.
    func close() async
}

/// Analyzes in this process (`--local`): no server needed.
struct LocalAnalysisBackend: AnalysisBackend {
    var analyzer = Analyzer()

    func analyze(_ request: AnalyzeRequest) async throws -> AnalyzeResponse {
        try analyzer.analyze(request)
    }

    func close() async {}
}
