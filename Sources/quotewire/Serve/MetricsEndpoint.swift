import NIOCore
import NIOHTTP1
import NIOPosix
import QuotewireModel
import QuotewireRPC
import Synchronization

/// A minimal HTTP/1.1 server for Prometheus scrapes: `GET /metrics` answers
/// the text exposition format that `render` produces; anything else is 404
/// (or 405 for other methods, 401 without a valid token when an authorizer
/// is set). Runs on its own event loop.
///
/// Bounded like the ttrpc listener: at most ``Limits/maxConnections``
/// connections; a request must arrive, and its answer be taken by the
/// client, within ``Limits/timeout`` or the connection closes; one answer
/// is in flight per connection (a request pipelined behind it closes the
/// connection once that answer is written, and nothing is read meanwhile);
/// every error answer closes the connection.
struct MetricsEndpoint: Sendable {
    /// The bounds of the metrics listener.
    struct Limits: Sendable {
        /// Most connections at once; more are closed on accept.
        var maxConnections: Int = 16
        /// How long a request may take to arrive, or an answer to be taken.
        var timeout: TimeAmount = .seconds(10)
    }

    let host: String
    let port: Int
    var limits = Limits()
    var authorizer: BearerTokenAuthorizer?
    let render: @Sendable () -> [UInt8]

    /// Binds and starts serving; returns the bound channel (close it to stop).
    func start(group: any EventLoopGroup) async throws -> any Channel {
        let render = self.render
        let limits = self.limits
        let authorizer = self.authorizer
        let open = ConnectionCount()
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 64)
            .childChannelInitializer { channel in
                guard open.tryAdd(limit: limits.maxConnections) else {
                    channel.close(promise: nil)
                    return channel.eventLoop.makeSucceededVoidFuture()
                }
                channel.closeFuture.whenComplete { _ in open.remove() }
                return channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(HTTPResponseEncoder())
                    try sync.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
                    try sync.addHandler(
                        MetricsHTTPHandler(timeout: limits.timeout, authorizer: authorizer, render: render))
                }
            }
            .bind(host: host, port: port)
            .get()
    }
}

/// Open metrics connections, against the limit.
private final class ConnectionCount: Sendable {
    private let count = Atomic<Int>(0)

    func tryAdd(limit: Int) -> Bool {
        if self.count.add(1, ordering: .relaxed).newValue > limit {
            self.count.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func remove() {
        self.count.subtract(1, ordering: .relaxed)
    }
}

/// Answers one HTTP request at a time on a connection.
final class MetricsHTTPHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let timeout: TimeAmount
    private let authorizer: BearerTokenAuthorizer?
    private let render: @Sendable () -> [UInt8]
    private var head: HTTPRequestHead?
    /// An answer is being written: nothing is read until the client took it.
    private var isResponding = false
    private var hasPendingRead = false
    private var closeAfterResponse = false
    /// Closes the connection when no request arrives, or no answer is taken, in time.
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount, authorizer: BearerTokenAuthorizer?, render: @escaping @Sendable () -> [UInt8]) {
        self.timeout = timeout
        self.authorizer = authorizer
        self.render = render
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.armTimer(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch Self.unwrapInboundIn(data) {
        case .head(let head):
            if self.isResponding {
                // Pipelined behind an answer in flight: no backlog, close after that answer.
                self.closeAfterResponse = true
                return
            }
            self.head = head
        case .body:
            break
        case .end:
            guard let head = self.head, !self.isResponding else { return }
            self.head = nil
            self.respond(to: head, context: context)
        }
    }

    func read(context: ChannelHandlerContext) {
        if self.isResponding {
            self.hasPendingRead = true
        } else {
            context.read()
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A request that does not parse: answer 400 and close.
        guard !self.isResponding, error is HTTPParserError else {
            context.close(promise: nil)
            return
        }
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: "/")
        self.write(
            status: .badRequest, body: Array("malformed HTTP request\n".utf8), contentType: "text/plain; charset=utf-8",
            for: head, close: true, context: context)
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        let plain = "text/plain; charset=utf-8"
        switch (head.method, path) {
        case (.GET, "/metrics"), (.HEAD, "/metrics"):
            if let refusal = self.refusal(head) {
                self.write(status: .unauthorized, body: Array("\(refusal)\n".utf8), contentType: plain, for: head, close: true, context: context)
            } else {
                self.write(
                    status: .ok, body: self.render(), contentType: "text/plain; version=0.0.4; charset=utf-8", for: head,
                    close: !head.isKeepAlive, context: context)
            }
        case (_, "/metrics"):
            self.write(
                status: .methodNotAllowed, body: Array("only GET /metrics is served\n".utf8), contentType: plain,
                for: head, close: true, context: context)
        default:
            self.write(
                status: .notFound, body: Array("not found: try GET /metrics\n".utf8), contentType: plain, for: head,
                close: true, context: context)
        }
    }

    /// Why the request may not see the metrics, when an authorizer is set.
    private func refusal(_ head: HTTPRequestHead) -> String? {
        guard let authorizer = self.authorizer else { return nil }
        let value = head.headers.first(name: "authorization")
        do {
            try authorizer.authorize(Metadata(value.map { [KeyValue(key: "authorization", value: $0)] } ?? []))
            return nil
        } catch {
            return error.message
        }
    }

    private func write(
        status: HTTPResponseStatus, body: [UInt8], contentType: String, for head: HTTPRequestHead, close: Bool,
        context: ChannelHandlerContext
    ) {
        let close = close || self.closeAfterResponse
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.count))
        if status == .unauthorized { headers.add(name: "WWW-Authenticate", value: "Bearer") }
        if close { headers.add(name: "Connection", value: "close") }
        self.isResponding = true
        self.armTimer(context: context)  // the client must take the answer in time
        context.write(
            Self.wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
            promise: nil)
        if head.method != .HEAD {
            context.write(Self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let loopContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(Self.wrapOutboundOut(.end(nil))).whenComplete { result in
            handler.value.responseWritten(close: close || (try? result.get()) == nil, context: loopContext.value)
        }
    }

    private func responseWritten(close: Bool, context: ChannelHandlerContext) {
        self.isResponding = false
        guard !close, !self.closeAfterResponse else {
            context.close(promise: nil)
            return
        }
        self.armTimer(context: context)  // the next request must arrive in time
        if self.hasPendingRead {
            self.hasPendingRead = false
            context.read()
        }
    }

    private func armTimer(context: ChannelHandlerContext) {
        self.timer?.cancel()
        let channel = context.channel
        self.timer = context.eventLoop.scheduleTask(in: self.timeout) { channel.close(promise: nil) }
    }
}
