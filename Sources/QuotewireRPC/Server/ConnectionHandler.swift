import Logging
import NIOCore
import NIOPosix
import QuotewireModel

/// Serves the ttrpc calls of one connection, on its event loop.
///
/// Calls run concurrently and may complete out of order: inline handlers
/// answer during the read, others answer when their task or thread-pool job
/// completes, or when their deadline passes, whichever comes first (the
/// loser's result is dropped and its task cancelled). Responses are flushed
/// through a ``FlushCoalescer``.
///
/// Back-pressure: the handler stops reading from the socket while the
/// connection's outbound buffer is over its high-water mark (a client that
/// does not read its responses) or while a stream holds more unconsumed
/// inbound bytes than its budget (a client that streams faster than the
/// handler consumes), and reads again once both clear.
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = InboundFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Call {
        let method: MethodDescriptor
        let started: NIODeadline
        let isStreaming: Bool
        var timer: Scheduled<Void>?
        var task: Task<Void, Never>?
        var inbound: RawRequestStream.Continuation?
        var budget: InboundBudget?
    }

    private let registry: ServiceRegistry
    private let configuration: ServerConfiguration
    private let state: ServerState
    private let threadPool: NIOThreadPool
    private let logger: Logger
    private let observer: (any ServerObserver)?
    private let decodingLimits: DecodingLimits

    private var context: ChannelHandlerContext?
    private var boundLoop: (any EventLoop)?
    private var flusher: FlushCoalescer?
    private var peer: SocketAddress?
    private var calls: [UInt32: Call] = [:]
    private var isDraining = false
    private var isClosing = false
    private var lastActivity = NIODeadline.now()
    private var idleTimer: Scheduled<Void>?
    private var isWritable = true
    private var hasPendingRead = false
    /// Streams over their inbound budget, with the timer that fails a stream
    /// whose handler stays stalled for the idle timeout.
    private var overBudgetStreams: [UInt32: Scheduled<Void>?] = [:]

    init(
        registry: ServiceRegistry, configuration: ServerConfiguration, state: ServerState, threadPool: NIOThreadPool,
        logger: Logger
    ) {
        self.registry = registry
        self.configuration = configuration
        self.state = state
        self.threadPool = threadPool
        self.logger = logger
        self.observer = configuration.observer
        self.decodingLimits = configuration.decodingLimits
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.boundLoop = context.eventLoop
        self.flusher = FlushCoalescer(context: context)
        self.peer = context.channel.remoteAddress
        if context.channel.isActive { self.start(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        // Breaks the handler -> context -> handler cycle.
        self.context = nil
        self.flusher = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        self.start(context: context)
        context.fireChannelActive()
    }

    private func start(context: ChannelHandlerContext) {
        guard self.idleTimer == nil else { return }
        self.peer = context.channel.remoteAddress
        self.observer?.connectionOpened(peer: self.peer)
        self.lastActivity = .now()
        self.scheduleIdleCheck(at: self.configuration.idleTimeout.map { self.lastActivity + .init($0) })
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.flusher?.beginRead()
        // Only whole frames count as activity: a client that trickles bytes
        // (slowloris) is still idle and is closed by the idle timeout.
        self.lastActivity = .now()
        switch Self.unwrapInboundIn(data) {
        case .frame(let frame):
            self.observer?.bytesReceived(FrameHeader.size + Int(frame.header.length))
            switch frame.header.type {
            case .request: self.handleRequest(frame)
            case .data: self.handleData(frame)
            default:
                self.logger.debug(
                    "Ignored a frame of unexpected type",
                    metadata: ["ttrpc.stream_id": "\(frame.header.streamID)", "ttrpc.type": "\(frame.header.type)"])
            }
        case .oversized(let header, let limit):
            self.observer?.bytesReceived(FrameHeader.size + Int(header.length))
            let error = RPCError(
                code: .resourceExhausted,
                message: "frame of \(header.length) bytes exceeds the limit of \(limit) bytes")
            if self.calls[header.streamID] != nil {
                self.complete(header.streamID, outcome: .failure(error))
            } else {
                self.writeResponse(header.streamID, TTRPCResponse(status: error.status))
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.flusher?.endRead()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.isClosing = true
        self.idleTimer?.cancel()
        let calls = self.calls
        self.calls.removeAll()
        for (_, timer) in self.overBudgetStreams { timer?.cancel() }
        self.overBudgetStreams.removeAll()
        self.state.callsEnded(calls.count)
        for (_, call) in calls {
            call.timer?.cancel()
            call.task?.cancel()
            call.inbound?.finish(throwing: RPCError(code: .cancelled, message: "the connection closed"))
            self.observer?.callFinished(call.method, code: .cancelled, duration: Self.elapsed(since: call.started))
        }
        self.observer?.connectionClosed(peer: self.peer)
        self.state.removeConnection(context.channel)
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        self.isWritable = context.channel.isWritable
        self.resumeReadingIfAllowed()
        context.fireChannelWritabilityChanged()
    }

    func read(context: ChannelHandlerContext) {
        if self.isWritable, self.overBudgetStreams.isEmpty {
            context.read()
        } else {
            self.hasPendingRead = true
        }
    }

    private func resumeReadingIfAllowed() {
        guard self.hasPendingRead, self.isWritable, self.overBudgetStreams.isEmpty, let context = self.context else {
            return
        }
        self.hasPendingRead = false
        context.read()
    }

    /// A stream's handler took enough messages to be within budget again.
    private func streamWithinBudget(_ streamID: UInt32) {
        guard let timer = self.overBudgetStreams.removeValue(forKey: streamID) else { return }
        timer?.cancel()
        self.resumeReadingIfAllowed()
    }

    /// While the connection does not read it cannot see the client leave
    /// (its FIN waits behind the unread bytes): a stream whose handler takes
    /// nothing for the idle timeout is failed, which frees it and resumes reading.
    private func streamStalled(_ streamID: UInt32) {
        guard self.overBudgetStreams[streamID] != nil else { return }
        let limit = self.configuration.maxQueuedStreamBytes
        let error = RPCError(
            code: .resourceExhausted, message: "the stream's handler fell behind by more than \(limit) bytes")
        self.complete(streamID, outcome: .failure(error))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug("Connection error", metadata: ["error.type": "\(type(of: error))", "error": "\(error)"])
        context.close(promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is ChannelShouldQuiesceEvent:
            self.isDraining = true
            self.closeIfDrained()
        case is ForceCloseEvent:
            let error = RPCError(code: .unavailable, message: "the server shut down before the call finished")
            for streamID in self.calls.keys.sorted() {
                self.complete(streamID, outcome: .failure(error))
            }
            self.closeAfterPendingWrites()
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    // MARK: Calls

    private func handleRequest(_ frame: Frame) {
        let streamID = frame.header.streamID
        guard streamID & 1 == 1 else {
            self.answer(
                streamID, error: RPCError(code: .invalidArgument, message: "stream id \(streamID) is even: client streams are odd"))
            return
        }
        guard self.calls[streamID] == nil else {
            self.logger.debug("Ignored a request on a stream in use", metadata: ["ttrpc.stream_id": "\(streamID)"])
            return
        }
        let request: TTRPCRequest
        do {
            let limits = self.decodingLimits
            request = try frame.payload.withUnsafeReadableBytes { try TTRPCRequest(protobuf: $0, limits: limits) }
        } catch {
            self.answer(streamID, error: RPCError(mapping: error))
            return
        }
        guard let handler = self.registry.handler(service: request.service, method: request.method) else {
            let message =
                self.registry.hasService(request.service) ? "method \(request.method)" : "service \(request.service)"
            self.answer(streamID, error: RPCError(code: .unimplemented, message: message))
            return
        }
        let method = MethodDescriptor(service: request.service, method: request.method)
        let isHealth = request.service == HealthService.name
        if !isHealth, self.isDraining || self.state.isDraining {
            self.answer(streamID, error: RPCError(code: .unavailable, message: "the server is shutting down"), method: method)
            return
        }
        guard self.calls.count < self.configuration.maxStreamsPerConnection else {
            let limit = self.configuration.maxStreamsPerConnection
            self.answer(
                streamID,
                error: RPCError(code: .resourceExhausted, message: "more than \(limit) concurrent calls on this connection"),
                method: method)
            return
        }
        let deadline: NIODeadline? = request.timeoutNano > 0 ? .now() + .nanoseconds(request.timeoutNano) : nil
        let context = CallContext(
            method: method, metadata: Metadata(request.metadata), deadline: deadline, peer: self.peer,
            streamID: streamID)
        if !isHealth, let authorizer = self.configuration.authorizer {
            do {
                try authorizer(context)
            } catch {
                self.answer(streamID, error: RPCError(mapping: error), method: method)
                return
            }
        }
        self.observer?.callStarted(method)

        switch handler {
        case .synchronous(let policy, let body) where policy.runsInline(payloadBytes: request.payload.count):
            let started = self.observer == nil ? NIODeadline.uptimeNanoseconds(0) : .now()
            let response: TTRPCResponse
            do {
                response = TTRPCResponse(payload: try body(request.payload, context))
            } catch {
                response = TTRPCResponse(status: RPCError(mapping: error).status)
            }
            self.writeResponse(streamID, response)
            self.observer?.callFinished(
                method, code: StatusCode(rawValue: response.status?.code ?? 0), duration: Self.elapsed(since: started))

        case .synchronous(_, let body):
            self.insertCall(streamID, method: method, deadline: deadline, isStreaming: false)
            let payload = request.payload
            let handler = self.loopBound
            self.threadPool.runIfActive(eventLoop: self.eventLoop) {
                try body(payload, context)
            }.whenComplete { result in
                handler.value.complete(streamID, outcome: result.map { Optional($0) })
            }

        case .asynchronous(let body):
            self.insertCall(streamID, method: method, deadline: deadline, isStreaming: false)
            let payload = request.payload
            self.runTask(for: streamID) { try await body(payload, context) }

        case .streaming(let body):
            let budget = InboundBudget(limit: self.configuration.maxQueuedStreamBytes)
            let (requests, inbound) = RawRequestStream.makeStream(onConsume: self.budgetReleaser(streamID, budget))
            if frame.header.flags.contains(.remoteOpen) {
                self.insertCall(
                    streamID, method: method, deadline: deadline, isStreaming: true, inbound: inbound, budget: budget)
                if !request.payload.isEmpty { self.enqueue(request.payload, on: streamID) }
            } else {
                inbound.yield(request.payload)
                inbound.finish()
                self.insertCall(streamID, method: method, deadline: deadline, isStreaming: true)
            }
            let handler = self.loopBound
            let eventLoop = self.eventLoop
            let sink = ResponseSink { bytes in
                try await eventLoop.flatSubmit { handler.value.sendData(streamID, bytes) }.get()
            }
            self.runTask(for: streamID) {
                try await body(requests, sink, context)
                return nil
            }
        }
    }

    /// Runs a handler in a task; its outcome answers the call on the event loop.
    private func runTask(for streamID: UInt32, _ work: @escaping @Sendable () async throws -> [UInt8]?) {
        let handler = self.loopBound
        let eventLoop = self.eventLoop
        let state = self.state
        state.taskStarted()
        self.calls[streamID]?.task = Task {
            defer { state.taskFinished() }
            let outcome: Result<[UInt8]?, any Error>
            do {
                outcome = .success(try await work())
            } catch {
                outcome = .failure(error)
            }
            eventLoop.execute { handler.value.complete(streamID, outcome: outcome) }
        }
    }

    private func handleData(_ frame: Frame) {
        let streamID = frame.header.streamID
        guard let inbound = self.calls[streamID]?.inbound else {
            self.logger.debug("Ignored data for a stream that is not open", metadata: ["ttrpc.stream_id": "\(streamID)"])
            return
        }
        if !frame.header.flags.contains(.noData) {
            self.enqueue(Array(buffer: frame.payload), on: streamID)
        }
        if frame.header.flags.contains(.remoteClosed) {
            inbound.finish()
            self.calls[streamID]?.inbound = nil
        }
    }

    /// Hands a message to a stream's handler; over budget, reading pauses.
    private func enqueue(_ message: [UInt8], on streamID: UInt32) {
        guard let call = self.calls[streamID], let inbound = call.inbound else { return }
        if call.budget?.add(message.count) == true, self.overBudgetStreams[streamID] == nil {
            let handler = self.loopBound
            self.overBudgetStreams[streamID] = self.configuration.idleTimeout.map {
                self.eventLoop.scheduleTask(in: TimeAmount($0)) { handler.value.streamStalled(streamID) }
            }
        }
        inbound.yield(message)
    }

    /// Called by a stream's consumer, on any thread, for each message it takes.
    private func budgetReleaser(_ streamID: UInt32, _ budget: InboundBudget) -> @Sendable (Int) -> Void {
        let handler = self.loopBound
        let eventLoop = self.eventLoop
        return { count in
            if budget.release(count) {
                eventLoop.execute { handler.value.streamWithinBudget(streamID) }
            }
        }
    }

    private func insertCall(
        _ streamID: UInt32, method: MethodDescriptor, deadline: NIODeadline?, isStreaming: Bool,
        inbound: RawRequestStream.Continuation? = nil, budget: InboundBudget? = nil
    ) {
        var call = Call(method: method, started: .now(), isStreaming: isStreaming, inbound: inbound, budget: budget)
        if let deadline {
            let handler = self.loopBound
            call.timer = self.eventLoop.scheduleTask(deadline: deadline) { handler.value.expire(streamID) }
        }
        self.calls[streamID] = call
        self.state.callsStarted(1)
    }

    /// Answers a call with its handler's outcome, unless it was answered already.
    private func complete(_ streamID: UInt32, outcome: Result<[UInt8]?, any Error>) {
        guard let call = self.calls.removeValue(forKey: streamID) else { return }
        self.state.callsEnded(1)
        self.streamWithinBudget(streamID)
        call.timer?.cancel()
        call.task?.cancel()  // a no-op when the task produced the outcome
        call.inbound?.finish()
        let code: StatusCode
        switch outcome {
        case .success(let payload):
            if call.isStreaming {
                self.writeFrame(streamID, type: .data, flags: [.remoteClosed, .noData], payload: [])
                code = .ok
            } else {
                code = self.writeResponse(streamID, TTRPCResponse(payload: payload ?? []))
            }
        case .failure(let error):
            let rpcError = RPCError(mapping: error)
            self.writeResponse(streamID, TTRPCResponse(status: rpcError.status))
            code = rpcError.code
        }
        self.observer?.callFinished(call.method, code: code, duration: Self.elapsed(since: call.started))
        self.lastActivity = .now()
        self.closeIfDrained()
    }

    private func expire(_ streamID: UInt32) {
        guard let call = self.calls[streamID] else { return }
        call.task?.cancel()
        call.inbound?.finish(throwing: RPCError(code: .deadlineExceeded, message: "deadline exceeded"))
        self.calls[streamID]?.timer = nil
        self.complete(streamID, outcome: .failure(RPCError(code: .deadlineExceeded, message: "deadline exceeded")))
    }

    /// Sends one message of a server stream.
    private func sendData(_ streamID: UInt32, _ bytes: [UInt8]) -> EventLoopFuture<Void> {
        guard self.calls[streamID] != nil, !self.isClosing else {
            return self.eventLoop.makeFailedFuture(RPCError(code: .cancelled, message: "the call is over"))
        }
        guard bytes.count <= self.configuration.maxFrameBytes else {
            return self.eventLoop.makeFailedFuture(
                RPCError(
                    code: .resourceExhausted,
                    message: "a response of \(bytes.count) bytes exceeds the frame limit of \(self.configuration.maxFrameBytes)"))
        }
        let promise = self.eventLoop.makePromise(of: Void.self)
        self.writeFrame(streamID, type: .data, flags: [], payload: bytes, promise: promise)
        return promise.futureResult
    }

    /// Answers a call that never got a table entry.
    private func answer(_ streamID: UInt32, error: RPCError, method: MethodDescriptor = .unknown) {
        self.observer?.callStarted(method)
        self.writeResponse(streamID, TTRPCResponse(status: error.status))
        self.observer?.callFinished(method, code: error.code, duration: .zero)
    }

    // MARK: Writing

    @discardableResult
    private func writeResponse(_ streamID: UInt32, _ response: TTRPCResponse) -> StatusCode {
        if response.status == nil, let context = self.context,
            OKResponseCodec.bodySize(payloadCount: response.payload.count) <= self.configuration.maxFrameBytes
        {
            let buffer = OKResponseCodec.makeFrame(
                streamID: streamID, payload: response.payload, allocator: context.channel.allocator)
            self.observer?.bytesSent(buffer.readableBytes)
            context.write(Self.wrapOutboundOut(buffer), promise: nil)
            self.flusher?.didWrite()
            return .ok
        }
        var response = response
        var bytes: [UInt8]
        do {
            bytes = try response.protobufBytes()
        } catch {
            response = TTRPCResponse(
                status: RPCError(code: .internal, message: "the response could not be encoded: \(error)").status)
            bytes = (try? response.protobufBytes()) ?? []
        }
        if bytes.count > self.configuration.maxFrameBytes {
            let message = "a response of \(bytes.count) bytes exceeds the frame limit of \(self.configuration.maxFrameBytes)"
            response = TTRPCResponse(status: RPCError(code: .resourceExhausted, message: message).status)
            bytes = (try? response.protobufBytes()) ?? []
        }
        self.writeFrame(streamID, type: .response, flags: [], payload: bytes)
        return StatusCode(rawValue: response.status?.code ?? 0)
    }

    private func writeFrame(
        _ streamID: UInt32, type: MessageType, flags: FrameFlags, payload: [UInt8],
        promise: EventLoopPromise<Void>? = nil
    ) {
        guard let context = self.context else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        let buffer = FrameEncoder.makeBuffer(
            streamID: streamID, type: type, flags: flags, payload: payload, allocator: context.channel.allocator)
        self.observer?.bytesSent(buffer.readableBytes)
        context.write(Self.wrapOutboundOut(buffer), promise: promise)
        self.flusher?.didWrite()
    }

    // MARK: Closing

    private func closeIfDrained() {
        guard self.isDraining, self.calls.isEmpty else { return }
        self.closeAfterPendingWrites()
    }

    /// Closes once everything written so far has reached the socket.
    private func closeAfterPendingWrites() {
        guard !self.isClosing, let context = self.context else { return }
        self.isClosing = true
        let promise = self.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(Self.wrapOutboundOut(context.channel.allocator.buffer(capacity: 0)), promise: promise)
        self.flusher?.didFlush()
        let channel = context.channel
        promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }

    private func scheduleIdleCheck(at deadline: NIODeadline?) {
        guard let deadline else { return }
        let handler = self.loopBound
        self.idleTimer = self.eventLoop.scheduleTask(deadline: deadline) { handler.value.checkIdle() }
    }

    private func checkIdle() {
        guard !self.isClosing, let timeout = self.configuration.idleTimeout else { return }
        let expiry = self.lastActivity + .init(timeout)
        if self.calls.isEmpty, expiry <= .now() {
            self.logger.debug("Closing an idle connection", metadata: ["peer": "\(self.peer.map { "\($0)" } ?? "?")"])
            self.closeAfterPendingWrites()
        } else {
            self.scheduleIdleCheck(at: self.calls.isEmpty ? expiry : .now() + .init(timeout))
        }
    }

    // MARK: Helpers

    private var eventLoop: any EventLoop {
        // Set in handlerAdded, before any event can arrive, and never cleared.
        self.boundLoop!
    }

    private var loopBound: NIOLoopBound<ConnectionHandler> {
        NIOLoopBound(self, eventLoop: self.eventLoop)
    }

    private static func elapsed(since start: NIODeadline) -> Duration {
        .nanoseconds((NIODeadline.now() - start).nanoseconds)
    }
}

@available(*, unavailable)
extension ConnectionHandler: Sendable {}
