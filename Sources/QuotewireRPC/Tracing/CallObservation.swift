import NIOCore
import Tracing

/// What the server keeps about a call while it runs, for its access-log
/// record and its span: made only when the server has an access log or a
/// tracer, so a server without either pays nothing for it.
struct CallObservation {
    let context: CallContext
    let started: NIODeadline
    let requestBytes: Int
    let traceID: String?
    let span: (any Span)?
    var responseBytes = 0

    /// Starts observing a call; with a tracer, starts its server span as a
    /// child of the caller's `traceparent` and puts the span's context in
    /// the call's context, so the handler's own calls carry it on.
    static func start(
        _ context: inout CallContext, requestBytes: Int, tracer: (any Tracer)?, now: NIODeadline
    ) -> CallObservation {
        let annotations = CallAnnotations()
        context.annotations = annotations
        var span: (any Span)?
        if let tracer {
            var parent = InstrumentationContext.topLevel
            tracer.extract(context.metadata, into: &parent, using: MetadataExtractor())
            let started = tracer.startSpan(
                "\(context.method.service)/\(context.method.method)", context: parent, ofKind: .server)
            started.attributes["rpc.system"] = "ttrpc"
            started.attributes["rpc.service"] = context.method.service
            started.attributes["rpc.method"] = context.method.method
            started.attributes["rpc.request.size"] = requestBytes
            context.traceContext = started.context
            span = started
        }
        return CallObservation(
            context: context, started: now, requestBytes: requestBytes,
            traceID: TraceParent(metadata: context.metadata)?.traceID, span: span)
    }

    /// Ends the span and makes the access-log record.
    func finish(code: StatusCode, now: NIODeadline) -> CallRecord {
        let article = self.context.annotations?.article
        if let span = self.span {
            span.attributes["rpc.grpc.status_code"] = Int(code.rawValue)
            span.attributes["rpc.response.size"] = self.responseBytes
            if let id = article?.id { span.attributes["quotewire.article.id"] = id }
            if let bytes = article?.bytes { span.attributes["quotewire.article.size"] = bytes }
            if code != .ok { span.setStatus(SpanStatus(code: .error, message: "\(code)")) }
            span.end()
        }
        return CallRecord(
            method: self.context.method, code: code, duration: .nanoseconds((now - self.started).nanoseconds),
            peer: self.context.peer, identity: self.context.identity, requestBytes: self.requestBytes,
            responseBytes: self.responseBytes, articleID: article?.id, traceID: self.traceID)
    }
}
