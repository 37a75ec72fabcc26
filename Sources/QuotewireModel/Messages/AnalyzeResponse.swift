/// What was found in one article (`quotewire.v1.AnalyzeResponse`).
public struct AnalyzeResponse: Sendable, Hashable {
    /// ``Article/id`` of the request.
    public var articleID: String
    /// Every actor that speaks, demands or is addressed.
    public var actors: [Actor]
    /// Every attributed quote, in body order.
    public var quotes: [Quote]
    /// Every demand, in body order.
    public var demands: [Demand]
    /// Counters about the analysis.
    public var stats: AnalysisStats?

    public init(
        articleID: String = "", actors: [Actor] = [], quotes: [Quote] = [], demands: [Demand] = [],
        stats: AnalysisStats? = nil
    ) {
        self.articleID = articleID
        self.actors = actors
        self.quotes = quotes
        self.demands = demands
        self.stats = stats
    }
}
