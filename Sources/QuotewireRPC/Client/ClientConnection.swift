import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import QuotewireModel

/// One ttrpc connection of a client; many calls are multiplexed on it.
final class ClientConnection: Sendable {
    let channel: any Channel
    private let handler: NIOLoopBound<ClientHandler>
    private let closeReasonBox: NIOLockedValueBox<String?>

    private init(channel: any Channel, handler: NIOLoopBound<ClientHandler>, closeReason: NIOLockedValueBox<String?>) {
        self.channel = channel
        self.handler = handler
        self.closeReasonBox = closeReason
    }

    /// Why this side closed the connection (a keepalive probe unanswered, the pool letting it go),
    /// if it did.
    var closeReason: String? { self.closeReasonBox.withLockedValue { $0 } }

    /// Connects to `address` (or a Unix socket path).
    static func connect(
        to endpoint: ResolvedEndpoint, group: any EventLoopGroup, configuration: ClientConfiguration
    ) async throws -> ClientConnection {
        let maxFrameBytes = configuration.maxFrameBytes
        let keepalive = configuration.keepalive
        let peer = endpoint.description
        let closeReason = NIOLockedValueBox<String?>(nil)
        let loop = group.next()
        let tls = try TLSConnector(endpoint: endpoint, configuration: configuration, eventLoop: loop)
        var bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try tls?.addHandlers(to: channel, peer: peer)
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(FrameDecoder(maxPayloadBytes: maxFrameBytes)))
                    try channel.pipeline.syncOperations.addHandler(ClientHandler(keepalive: keepalive, peer: peer, closeReason: closeReason))
                }
            }
        let channel: any Channel
        do {
            switch endpoint {
            case .address(let address), .tls(let address, _):
                bootstrap = bootstrap.channelOption(.socketOption(.tcp_nodelay), value: 1)
                channel = try await bootstrap.connect(to: address).get()
            case .unix(let path):
                channel = try await bootstrap.connect(unixDomainSocketPath: path).get()
            }
        } catch {
            tls?.abandon(error)
            throw error
        }
        try await tls?.waitForHandshake(on: channel, peer: peer, timeout: configuration.connectTimeout)
        let handler: NIOLoopBound<ClientHandler>
        do {
            handler = try await channel.eventLoop.submit {
                NIOLoopBound(try channel.pipeline.syncOperations.handler(type: ClientHandler.self), eventLoop: channel.eventLoop)
            }.get()
        } catch {
            // Closed before it was handed out (its keepalive gave up on a silent peer on a stalled
            // machine): say why, not that a handler was missing.
            throw RPCError(
                code: .unavailable,
                message: closeReason.withLockedValue { $0 } ?? "the connection to \(peer) closed while connecting")
        }
        return ClientConnection(channel: channel, handler: handler, closeReason: closeReason)
    }

    var isActive: Bool { self.channel.isActive }

    func close() {
        self.channel.close(promise: nil)
    }

    /// Checks that the peer answers before the connection takes calls (an
    /// endpoint coming back after failures): a health probe must be answered
    /// within `timeout` with anything but UNAVAILABLE (a server that does not
    /// offer the health service answers too) and, when it is a health
    /// answer, not NOT_SERVING. Closes the connection and throws otherwise.
    func verify(timeout: Duration) async throws(RPCError) {
        do throws(RPCError) {
            let answer = try await self.unary(requestBytes: ClientHandler.probeRequest, deadline: .now() + TimeAmount(timeout))
            if let health = try? HealthCheckResponse(protobuf: answer), health.status == .notServing {
                throw RPCError(code: .unavailable, message: "\(self.channel.remoteAddress.map { "\($0)" } ?? "the peer") is not serving")
            }
        } catch where [.unavailable, .deadlineExceeded, .cancelled].contains(error.code) {
            self.close()
            throw error
        } catch {
            return  // any other status is an answer: the peer is alive
        }
    }

    /// Closes the connection once its calls have ended (at once if it has none).
    func closeWhenIdle() {
        let handler = self.handler
        self.channel.eventLoop.execute { handler.value.closeWhenIdle() }
    }

    /// Makes a unary call with an encoded `ttrpc.Request`.
    func unary(requestBytes: [UInt8], deadline: NIODeadline?) async throws(RPCError) -> [UInt8] {
        let promise = self.startUnary(requestBody: ByteBuffer(bytes: requestBytes), deadline: deadline)
        do {
            return try await withTaskCancellationHandler {
                Array(buffer: try await promise.futureResult.get())
            } onCancel: {
                promise.fail(RPCError(code: .cancelled, message: "the call was cancelled"))
            }
        } catch {
            throw RPCError(mapping: error)
        }
    }

    /// Makes a unary call with an encoded `ttrpc.Request` held in a buffer;
    /// the future completes on the connection's loop.
    func unary(requestBody: ByteBuffer, deadline: NIODeadline?) -> EventLoopFuture<ByteBuffer> {
        self.startUnary(requestBody: requestBody, deadline: deadline).futureResult
    }

    /// Starts a unary call on the connection's loop; its promise completes with the response payload.
    private func startUnary(requestBody: ByteBuffer, deadline: NIODeadline?) -> EventLoopPromise<ByteBuffer> {
        let eventLoop = self.channel.eventLoop
        let promise = eventLoop.makePromise(of: ByteBuffer.self)
        let handler = self.handler
        if eventLoop.inEventLoop {
            // Already on the connection's loop (the CLI runs its tasks on the event
            // loops): start now rather than a loop tick later.
            handler.value.startUnary(requestBody: requestBody, deadline: deadline, promise: promise)
        } else {
            eventLoop.execute { handler.value.startUnary(requestBody: requestBody, deadline: deadline, promise: promise) }
        }
        return promise
    }

    /// Opens a stream: sends the requests as Data frames, then closes the
    /// client side; the returned sequence carries the response payloads.
    func stream<Requests: AsyncSequence & Sendable>(
        requestBytes: [UInt8], deadline: NIODeadline?, requests: Requests
    ) -> AsyncThrowingStream<[UInt8], any Error> where Requests.Element == [UInt8] {
        let (responses, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let eventLoop = self.channel.eventLoop
        let handler = self.handler
        let opened = eventLoop.submit {
            handler.value.startStream(requestBytes: requestBytes, deadline: deadline, responses: continuation)
        }
        let sender = Task {
            guard let streamID = try? await opened.get() else { return }
            do {
                for try await message in requests {
                    try await eventLoop.flatSubmit {
                        let promise = eventLoop.makePromise(of: Void.self)
                        handler.value.sendData(streamID: streamID, payload: message, promise: promise)
                        return promise.futureResult
                    }.get()
                }
                eventLoop.execute { handler.value.sendData(streamID: streamID, payload: nil, promise: nil) }
            } catch {
                eventLoop.execute { handler.value.fail(streamID, RPCError(mapping: error)) }
            }
        }
        continuation.onTermination = { termination in
            sender.cancel()
            if case .cancelled = termination {
                opened.whenSuccess { streamID in
                    guard let streamID else { return }
                    handler.value.fail(streamID, RPCError(code: .cancelled, message: "the call was cancelled"))
                }
            }
        }
        return responses
    }
}
