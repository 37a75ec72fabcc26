@testable import QuotewireModel

/// Messages with every field set, in text the authors wrote: curly quotes,
/// accents, CJK, emoji and right-to-left script.
enum Samples {
    static let body = """
        “We will not back down,” said Sen. Amélie Dubois, adding that the bill — «la loi» — \
        would pass. 東京 officials agreed 👍. مرحبا
        The senator urged Congress to act.
        """

    static let article = Article(
        id: "art-42", url: "https://example.org/news/42", source: "Example Wire", title: "Senator urges action",
        body: body, language: "en", publishedAt: Timestamp(seconds: 1_764_537_600, nanos: 250_000_000))

    static let span = Span(start: 3, end: 27)

    static let actor = Actor(
        id: "a1", name: "Amélie Dubois", title: "Sen.", affiliation: "Senate", kind: .person,
        mentions: [Span(start: 40, end: 53), Span(start: 120, end: 131)])

    static let quote = Quote(
        id: "q1", kind: .direct, text: "We will not back down", span: Span(start: 3, end: 24), speakerID: "a1",
        speakerSpan: Span(start: 40, end: 53), cue: "said", cueSpan: Span(start: 27, end: 31), confidence: 0.875)

    static let demand = Demand(
        id: "d1", demanderID: "a1", addresseeID: "a2", action: "act", actionSpan: Span(start: 160, end: 163),
        cue: "urged", cueSpan: Span(start: 140, end: 145), quoteID: "q1", confidence: 0.5,
        demanderSpan: Span(start: 120, end: 131), addresseeSpan: Span(start: 146, end: 154))

    static let options = AnalyzeOptions(offsetUnit: .utf16, minConfidence: 0.25, skipDemands: true)

    static let request = AnalyzeRequest(article: article, options: options)

    static let response = AnalyzeResponse(
        articleID: "art-42", actors: [actor, Actor(id: "a2", name: "Congress", kind: .government)],
        quotes: [quote, Quote(id: "q2", kind: .indirect, text: "the bill would pass")], demands: [demand],
        stats: AnalysisStats(paragraphs: 2, sentences: 3, tokens: 40, bodyBytes: 200, analysisNanos: 12_345_678_901))

    static let info = InfoResponse(
        version: "0.1.0",
        services: [
            ServiceInfo(name: "quotewire.v1.Analyzer", methods: ["Analyze", "AnalyzeStream"]),
            ServiceInfo(name: "grpc.health.v1.Health", methods: ["Check"]),
        ],
        limits: ServerLimits(
            maxFrameBytes: 4 << 20, maxConnections: 1024, maxStreamsPerConnection: 128, idleTimeoutMillis: 300_000,
            shutdownGraceMillis: 10_000))

    static let ttrpcRequest = TTRPCRequest(
        service: "quotewire.v1.Analyzer", method: "Analyze", payload: [0, 1, 2, 255], timeoutNano: 5_000_000_000,
        metadata: [KeyValue(key: "x-request-id", value: "é-1"), KeyValue(key: "authorization", value: "Bearer t")])

    static let ttrpcResponse = TTRPCResponse(
        status: RPCStatus(
            code: 3, message: "invalid UTF-8 in field article.body — «non»",
            details: [AnyMessage(typeURL: "type.googleapis.com/google.rpc.BadRequest", value: [8, 1])]),
        payload: [])
}
