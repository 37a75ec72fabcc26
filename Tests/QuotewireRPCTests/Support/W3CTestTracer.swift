import NIOConcurrencyHelpers
import Tracing

/// A small tracer for the tests: reads and writes W3C `traceparent` (as
/// swift-otel does) and keeps every span it started.
final class W3CTestTracer: Tracer, Sendable {
    typealias Span = TestSpan

    private let spans = NIOLockedValueBox<[TestSpan]>([])
    private let nextID = NIOLockedValueBox<UInt64>(0x1000)

    /// Every span started, in order.
    var startedSpans: [TestSpan] { self.spans.withLockedValue { $0 } }

    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> ServiceContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> TestSpan {
        let parent = context()[W3CSpanContextKey.self]
        let spanID = self.nextID.withLockedValue { id -> String in
            id += 1
            return String(id, radix: 16).leftPadded(to: 16)
        }
        let traceID = parent?.traceID ?? String(repeating: "ab", count: 16)
        var spanContext = context()
        spanContext[W3CSpanContextKey.self] = W3CSpanContext(traceID: traceID, spanID: spanID)
        let span = TestSpan(
            operationName: operationName, kind: kind, context: spanContext, parentSpanID: parent?.spanID)
        self.spans.withLockedValue { $0.append(span) }
        return span
    }

    func forceFlush() {}

    func extract<Carrier, Extract: Extractor>(
        _ carrier: Carrier, into context: inout ServiceContext, using extractor: Extract
    ) where Extract.Carrier == Carrier {
        guard let value = extractor.extract(key: "traceparent", from: carrier) else { return }
        let fields = value.split(separator: "-")
        guard fields.count == 4 else { return }
        context[W3CSpanContextKey.self] = W3CSpanContext(traceID: String(fields[1]), spanID: String(fields[2]))
    }

    func inject<Carrier, Inject: Injector>(
        _ context: ServiceContext, into carrier: inout Carrier, using injector: Inject
    ) where Inject.Carrier == Carrier {
        guard let span = context[W3CSpanContextKey.self] else { return }
        injector.inject("00-\(span.traceID)-\(span.spanID)-01", forKey: "traceparent", into: &carrier)
    }
}

struct W3CSpanContext: Sendable, Hashable {
    var traceID: String
    var spanID: String
}

enum W3CSpanContextKey: ServiceContextKey {
    typealias Value = W3CSpanContext
}

/// A span of ``W3CTestTracer``: what was set on it and whether it ended.
final class TestSpan: Span, Sendable {
    let kind: SpanKind
    let context: ServiceContext
    let parentSpanID: String?
    private let state: NIOLockedValueBox<(name: String, attributes: SpanAttributes, status: SpanStatus?, ended: Bool)>

    init(operationName: String, kind: SpanKind, context: ServiceContext, parentSpanID: String?) {
        self.kind = kind
        self.context = context
        self.parentSpanID = parentSpanID
        self.state = NIOLockedValueBox((operationName, [:], nil, false))
    }

    var traceID: String? { self.context[W3CSpanContextKey.self]?.traceID }
    var isEnded: Bool { self.state.withLockedValue { $0.ended } }
    var status: SpanStatus? { self.state.withLockedValue { $0.status } }

    var operationName: String {
        get { self.state.withLockedValue { $0.name } }
        set { self.state.withLockedValue { $0.name = newValue } }
    }

    var attributes: SpanAttributes {
        get { self.state.withLockedValue { $0.attributes } }
        set { self.state.withLockedValue { $0.attributes = newValue } }
    }

    var isRecording: Bool { !self.isEnded }

    func setStatus(_ status: SpanStatus) { self.state.withLockedValue { $0.status = status } }
    func addEvent(_ event: SpanEvent) {}
    func recordError<Instant: TracerInstant>(
        _ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant
    ) {}
    func addLink(_ link: SpanLink) {}
    func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        self.state.withLockedValue { $0.ended = true }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - self.count)) + self
    }
}
