import QuotewireModel
import Testing
import Tracing

@testable import QuotewireRPC

/// The access-log records and the spans of calls, with W3C trace context in and out.
@Suite struct CallObservationTests {
    static let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let callerSpanID = "00f067aa0ba902b7"

    @Test func traceparentReachesTheRecordAndTheSpan() async throws {
        let tracer = W3CTestTracer()
        let records = Locked<[CallRecord]>([])
        try await withServer({
            $0.tracer = tracer
            $0.callLog = { record in records.withLock { $0.append(record) } }
        }) { _, port in
            // No keepalive: on a busy machine its health probe would be a third call in the log.
            try await withClient("127.0.0.1:\(port)", configure: { $0.keepalive = nil }) { client in
                let options = CallOptions(
                    timeout: .seconds(5),
                    metadata: [KeyValue(key: "traceparent", value: "00-\(Self.traceID)-\(Self.callerSpanID)-01")])
                let response = try await client.analyze(
                    AnalyzeRequest(article: Article(id: "story-7", body: "\"We will win,\" she said.")), options: options)
                #expect(response.articleID == "story-7")
                _ = await #expect(throws: RPCError.self) {
                    try await client.unary(
                        service: "no.Such", method: "Thing", request: PingRequest(), responseType: PingResponse.self,
                        options: options)
                }
            }
        }
        let logged = records.withLock { $0 }
        #expect(logged.count == 2)
        let analyze = try #require(logged.first)
        #expect(analyze.method == MethodDescriptor(service: "quotewire.v1.Analyzer", method: "Analyze"))
        #expect(analyze.code == .ok)
        #expect(analyze.articleID == "story-7")
        #expect(analyze.traceID == Self.traceID)
        #expect(analyze.requestBytes > 0 && analyze.responseBytes > 0)
        #expect(analyze.peer?.ipAddress == "127.0.0.1")
        #expect(logged.last?.code == .unimplemented)
        #expect(logged.last?.traceID == Self.traceID)

        let spans = tracer.startedSpans
        #expect(spans.count == 2)
        let span = try #require(spans.first)
        #expect(span.operationName == "quotewire.v1.Analyzer/Analyze")
        #expect(span.kind == .server)
        #expect(span.traceID == Self.traceID)
        #expect(span.parentSpanID == Self.callerSpanID)
        #expect(span.isEnded)
        #expect(span.attributes["rpc.grpc.status_code"]?.toSpanAttribute() == .int64(0))
        #expect(span.attributes["quotewire.article.id"]?.toSpanAttribute() == .string("story-7"))
        #expect(span.attributes["quotewire.article.size"]?.toSpanAttribute() == .int64(24))
        #expect(spans.last?.status?.code == .error)
        #expect(spans.last?.isEnded == true)
    }

    /// The client writes the current span's trace context into the call's metadata.
    @Test func clientWritesTheCurrentTraceContext() async throws {
        let tracer = W3CTestTracer()
        try await withServer { _, port in
            try await withClient("127.0.0.1:\(port)", configure: { $0.instrument = tracer }) { client in
                let span = tracer.startSpan("outer", context: .topLevel)
                let echoed = try await ServiceContext.withValue(span.context) {
                    try await client.unary(
                        service: "test.Service", method: "Metadata", request: PingRequest(payload: Array("traceparent".utf8)),
                        responseType: PingResponse.self, options: CallOptions(timeout: .seconds(5)))
                }
                let spanID = try #require(span.context[W3CSpanContextKey.self]?.spanID)
                #expect(String(decoding: echoed.payload, as: UTF8.self) == "00-\(String(repeating: "ab", count: 16))-\(spanID)-01;deadline")
                // Without a current context nothing is written.
                let plain = try await client.unary(
                    service: "test.Service", method: "Metadata", request: PingRequest(payload: Array("traceparent".utf8)),
                    responseType: PingResponse.self)
                #expect(String(decoding: plain.payload, as: UTF8.self) == "<none>")
            }
        }
    }

    @Test func traceParentParsing() {
        #expect(TraceParent("00-\(Self.traceID)-\(Self.callerSpanID)-01")?.traceID == Self.traceID)
        #expect(TraceParent("01-\(Self.traceID)-\(Self.callerSpanID)-01-future")?.flags == 1)
        for bad in [
            "", "00-\(Self.traceID)-\(Self.callerSpanID)", "00-\(Self.traceID.uppercased())-\(Self.callerSpanID)-01",
            "00-\(String(repeating: "0", count: 32))-\(Self.callerSpanID)-01", "ff-\(Self.traceID)-\(Self.callerSpanID)-01",
            "00-\(Self.traceID)-\(Self.callerSpanID)-01-extra",
        ] {
            #expect(TraceParent(bad) == nil, "\(bad)")
        }
    }
}
