import Logging
import NIOCore
import NIOPosix
import QuotewireModel
import Tracing

/// Serves the ttrpc calls of one connection, on its event loop.
///
/// Calls run concurrently and may complete out of order: inline handlers
/// answer during the read, others answer when their task or thread-pool job
/// completes, or when their deadline passes, whichever comes first (the
/// loser's result is dropped and its task cancelled). Responses are flushed
/// through a ``FlushCoalescer``.
///
/// Every call has a connection-unique id (``ServerCall``): completions carry
/// it, so a late completion never answers a newer call on a reused stream
/// id, and answering a call (deadline, disconnect, shutdown) sets its
/// cancellation flag so its work stops.
///
/// Bounds, checked by a housekeeping timer (see ``housekeep()``): an
/// unauthenticated connection is closed after the idle timeout; a stream
/// without messages for the stream idle timeout is answered
/// DEADLINE_EXCEEDED; a connection whose unread answers do not shrink for
/// the idle timeout is closed hard; a connection without calls or frames
/// for the idle timeout is closed.
///
/// Back-pressure: the handler stops reading from the socket while the
/// connection's outbound buffer is over its high-water mark (a client that
/// does not read its responses) or while its streams together hold more
/// inbound bytes than the connection's budget (a client that streams faster
/// than the handlers consume, on one stream or over many), and reads again
/// once both clear.
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = InboundFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let registry: ServiceRegistry
    private let configuration: ServerConfiguration
    private let state: ServerState
    private let offloadQueue: OffloadQueue
    private let logger: Logger
    private let observer: (any ServerObserver)?
    private let decodingLimits: DecodingLimits
    private let tracer: (any Tracer)?
    private let callLog: (@Sendable (CallRecord) -> Void)?

    private var context: ChannelHandlerContext?
    private var boundLoop: (any EventLoop)?
    private var flusher: FlushCoalescer?
    private var peer: SocketAddress?
    /// Who the peer is (Unix credentials from the start, a client
    /// certificate once the TLS handshake reports it).
    private var identity: PeerIdentity
    private var phase: ConnectionPhase = .serving
    private var calls: [UInt32: ServerCall] = [:]
    private var nextCallID: UInt64 = 0
    /// This connection's part of the thread pool's work bound.
    private let workShare: WorkShare
    private var lastActivity = NIODeadline.now()
    private var housekeepingTimer: RepeatedTask?
    /// Unread answer bytes at the last housekeeping tick, and when they last
    /// shrank (or were none).
    private var lastQueuedBytes = 0
    private var lastWriteProgress = NIODeadline.now()
    private var isWritable = true
    private var hasPendingRead = false
    /// The bytes of stream messages this connection holds, over all its streams.
    private let streamBudget: InboundBudget
    /// Set while the streams are over budget (reading paused), with the timer
    /// that fails the streams holding bytes when they stay stalled for the idle timeout.
    private var overBudget: Scheduled<Void>?? = nil

    init(
        registry: ServiceRegistry, configuration: ServerConfiguration, state: ServerState, offloadQueue: OffloadQueue,
        logger: Logger, identity: PeerIdentity = PeerIdentity()
    ) {
        self.identity = identity
        self.registry = registry
        self.configuration = configuration
        self.state = state
        self.offloadQueue = offloadQueue
        self.logger = logger
        self.observer = configuration.observer
        self.decodingLimits = configuration.decodingLimits
        self.tracer = configuration.tracer
        self.callLog = configuration.callLog
        self.workShare = WorkShare(limit: configuration.maxQueuedWorkBytesPerConnection)
        self.streamBudget = InboundBudget(limit: configuration.maxQueuedStreamBytes)
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
        self.housekeepingTimer?.cancel()
        self.housekeepingTimer = nil
        self.context = nil
        self.flusher = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        self.start(context: context)
        context.fireChannelActive()
    }

    private func start(context: ChannelHandlerContext) {
        guard self.housekeepingTimer == nil, self.phase == .serving else { return }
        self.peer = context.channel.remoteAddress
        self.observer?.connectionOpened(peer: self.peer)
        let now = context.eventLoop.now
        self.lastActivity = now
        self.lastWriteProgress = now
        if self.configuration.authorizer != nil {
            self.phase = .authenticating(deadline: self.configuration.idleTimeout.map { now + TimeAmount($0) })
        }
        if let tick = Self.housekeepingTick(self.configuration) {
            let handler = self.loopBound
            self.housekeepingTimer = context.eventLoop.scheduleRepeatedTask(initialDelay: tick, delay: tick) { _ in
                handler.value.housekeep()
            }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.flusher?.beginRead()
        // Only whole frames count as activity: a client that trickles bytes
        // (slowloris) is still idle and is closed by the idle timeout.
        self.lastActivity = self.eventLoop.now
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
            if let call = self.calls[header.streamID] {
                self.complete(header.streamID, call.id, by: .oversizedFrame, outcome: .failure(error))
            } else {
                self.writeError(header.streamID, error)
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.flusher?.endRead()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.phase = .closing
        self.housekeepingTimer?.cancel()
        self.housekeepingTimer = nil
        let calls = self.calls
        self.calls.removeAll()
        if let timer = self.overBudget { timer?.cancel() }
        self.overBudget = nil
        self.state.callsEnded(calls.count)
        for (_, call) in calls {
            self.finish(call.observation, code: .cancelled)
            call.cancelWork()
            _ = call.hold?.close()
            call.inbound?.finish(throwing: RPCError(code: .cancelled, message: "the connection closed"))
            self.observer?.callFinished(call.method, code: .cancelled, duration: self.elapsed(since: call.started))
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
        if self.isWritable, self.overBudget == nil {
            context.read()
        } else {
            self.hasPendingRead = true
        }
    }

    private func resumeReadingIfAllowed() {
        guard self.hasPendingRead, self.isWritable, self.overBudget == nil, let context = self.context else {
            return
        }
        self.hasPendingRead = false
        context.read()
    }

    /// The streams' handlers released enough messages for the connection to
    /// be within budget again (checked here, on the loop: releases race).
    private func streamsWithinBudget() {
        guard let timer = self.overBudget, self.streamBudget.queuedBytes <= self.streamBudget.limit else { return }
        timer?.cancel()
        self.overBudget = nil
        self.resumeReadingIfAllowed()
    }

    /// While the connection does not read it cannot see the client leave
    /// (its FIN waits behind the unread bytes): when the streams release
    /// nothing for the idle timeout, the streams holding bytes are failed,
    /// which frees them and resumes reading.
    private func streamsStalled() {
        guard self.overBudget != nil else { return }
        let limit = self.configuration.maxQueuedStreamBytes
        let error = RPCError(
            code: .resourceExhausted,
            message: "the connection's stream handlers fell behind by more than \(limit) bytes")
        let holding = self.calls.filter { ($0.value.hold?.heldBytes ?? 0) > 0 }
        for (streamID, call) in holding.sorted(by: { $0.key < $1.key }) {
            self.complete(streamID, call.id, by: .limit, outcome: .failure(error))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug("Connection error", metadata: ["error.type": "\(type(of: error))", "error": "\(error)"])
        context.close(promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is ChannelShouldQuiesceEvent:
            self.phase = self.phase.draining()
            self.closeIfDrained()
        case let event as PeerIdentityEvent:
            self.identity.certificate = event.identity.certificate ?? self.identity.certificate
        case is ForceCloseEvent:
            let error = RPCError(code: .unavailable, message: "the server shut down before the call finished")
            for (streamID, call) in self.calls.sorted(by: { $0.key < $1.key }) {
                self.complete(streamID, call.id, by: .shutdownGrace, outcome: .failure(error))
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
        let requested = MethodDescriptor(service: request.service, method: request.method)
        let isHealth = request.service == HealthService.name
        let deadline: NIODeadline? =
            request.timeoutNano > 0 ? self.eventLoop.now + .nanoseconds(request.timeoutNano) : nil
        var observed = self.makeContext(requested, request, deadline: deadline, streamID: streamID)
        let observation =
            self.tracer != nil || self.callLog != nil
            ? CallObservation.start(
                &observed, requestBytes: request.payload.count, tracer: self.tracer, now: self.eventLoop.now) : nil
        let context = observed
        // Authentication comes before the method lookup: without a token the
        // server tells nothing, not even which methods exist.
        if !isHealth, let authorizer = self.configuration.authorizer {
            do {
                try authorizer(context)
                self.phase = self.phase.authenticated()
            } catch {
                self.answer(streamID, error: RPCError(mapping: error), observation: observation)
                return
            }
        }
        guard let handler = self.registry.handler(service: request.service, method: request.method) else {
            let message =
                self.registry.hasService(request.service) ? "method \(request.method)" : "service \(request.service)"
            self.answer(streamID, error: RPCError(code: .unimplemented, message: message), observation: observation)
            return
        }
        let holdsSlot: Bool
        if case .synchronous(let policy, _) = handler {
            holdsSlot = !policy.runsInline(payloadBytes: request.payload.count)
        } else {
            holdsSlot = true
        }
        if let refusal = self.refusal(isHealth: isHealth, holdsSlot: holdsSlot) {
            self.answer(streamID, error: refusal, method: requested, observation: observation)
            return
        }
        self.observer?.callStarted(requested)

        switch handler {
        case .synchronous(let policy, let body) where policy.runsInline(payloadBytes: request.payload.count):
            self.runInline(
                streamID, method: requested, context: context, payload: request.payload, observation: observation, body)

        case .synchronous(_, let body):
            let callID = self.makeCallID()
            self.insertCall(streamID, callID, context: context, isStreaming: false, observation: observation)
            let payload = request.payload
            let handler = self.loopBound
            self.offloadQueue.submit(
                cost: payload.count, share: self.workShare, cancellation: context.cancellation, on: self.eventLoop
            ) {
                try body(payload, context)
            }.whenComplete { result in
                handler.value.complete(streamID, callID, outcome: result.map { Optional($0) })
            }

        case .asynchronous(let body):
            let callID = self.makeCallID()
            self.insertCall(streamID, callID, context: context, isStreaming: false, observation: observation)
            let payload = request.payload
            self.runTask(streamID, callID, traceContext: context.traceContext) { try await body(payload, context) }

        case .streaming(let body):
            let hold = StreamHold(budget: self.streamBudget)
            let callID = self.makeCallID()
            let (requests, inbound) = RawRequestStream.makeStream(onRelease: self.budgetReleaser(hold))
            self.insertCall(
                streamID, callID, context: context, isStreaming: true, inbound: inbound, hold: hold, observation: observation)
            if frame.header.flags.contains(.remoteOpen) {
                if !request.payload.isEmpty { self.enqueue(request.payload, on: streamID) }
            } else {
                self.enqueue(request.payload, on: streamID)
                self.clientClosed(streamID)
            }
            let handler = self.loopBound
            let eventLoop = self.eventLoop
            let sink = ResponseSink { bytes in
                try await eventLoop.flatSubmit { handler.value.sendData(streamID, callID, bytes) }.get()
            }
            self.runTask(streamID, callID, traceContext: context.traceContext) {
                try await body(requests, sink, context)
                return nil
            }
        }
    }

    private func makeContext(
        _ method: MethodDescriptor, _ request: TTRPCRequest, deadline: NIODeadline?, streamID: UInt32
    ) -> CallContext {
        var context = CallContext(
            method: method, metadata: Metadata(request.metadata), deadline: deadline, peer: self.peer,
            streamID: streamID, maxResponseBytes: self.configuration.responseLimit)
        context.offloader = (self.offloadQueue, self.workShare, self.eventLoop)
        context.identity = self.identity
        return context
    }

    /// Why a routed call is refused before it runs, if it is. Inline calls
    /// (`holdsSlot` false) answer during their read and hold no call slot.
    private func refusal(isHealth: Bool, holdsSlot: Bool) -> RPCError? {
        if !isHealth, self.phase.refusesCalls || self.state.isDraining {
            return RPCError(code: .unavailable, message: "the server is shutting down")
        }
        guard holdsSlot else { return nil }
        if self.calls.count >= self.configuration.maxStreamsPerConnection {
            self.observer?.limitReached(.streamsPerConnection)
            let limit = self.configuration.maxStreamsPerConnection
            return RPCError(code: .resourceExhausted, message: "more than \(limit) concurrent calls on this connection")
        }
        if self.state.liveCalls >= self.configuration.maxCalls {
            self.observer?.limitReached(.calls)
            return RPCError(
                code: .resourceExhausted, message: "the server has \(self.configuration.maxCalls) calls open; retry later")
        }
        let queued = self.queuedOutboundBytes
        if queued > self.configuration.maxQueuedResponseBytes {
            self.observer?.limitReached(.queuedResponseBytes)
            return RPCError(
                code: .resourceExhausted,
                message: "\(queued) bytes of answers on this connection are unread, over the limit of \(self.configuration.maxQueuedResponseBytes)")
        }
        return nil
    }

    /// Runs a cheap synchronous handler during the read; a call whose
    /// deadline has passed (before or during the work) is answered
    /// DEADLINE_EXCEEDED.
    private func runInline(
        _ streamID: UInt32, method: MethodDescriptor, context: CallContext, payload: [UInt8],
        observation: CallObservation?, _ body: @Sendable ([UInt8], CallContext) throws -> [UInt8]
    ) {
        let started = self.eventLoop.now
        let outcome: Result<[UInt8], any Error>
        if let deadline = context.deadline, deadline <= started {
            outcome = .failure(RPCError(code: .deadlineExceeded, message: "deadline exceeded before the call ran"))
        } else {
            do {
                let bytes = try body(payload, context)
                if let deadline = context.deadline, deadline <= self.eventLoop.now {
                    outcome = .failure(RPCError(code: .deadlineExceeded, message: "deadline exceeded"))
                } else {
                    outcome = .success(bytes)
                }
            } catch {
                outcome = .failure(error)
            }
        }
        let code = self.writeOutcome(streamID, outcome)
        self.observer?.callFinished(method, code: code, duration: self.elapsed(since: started))
        self.finish(observation, code: code, responseBytes: code == .ok ? (try? outcome.get())?.count ?? 0 : 0)
    }

    /// Hands a handler to the server's run, as a child task (with the call's
    /// span context current, when it has one); its outcome answers the call on
    /// the event loop. Answering the call first cancels it.
    private func runTask(
        _ streamID: UInt32, _ callID: UInt64, traceContext: ServiceContext? = nil,
        _ work: @escaping @Sendable () async throws -> [UInt8]?
    ) {
        let handler = self.loopBound
        let eventLoop = self.eventLoop
        let state = self.state
        let cancellation = OneShotEvent()
        let job = HandlerJob(
            work: {
                defer { state.taskFinished() }
                let outcome: Result<[UInt8]?, any Error>
                do {
                    if let traceContext {
                        outcome = .success(try await ServiceContext.withValue(traceContext) { try await work() })
                    } else {
                        outcome = .success(try await work())
                    }
                } catch {
                    outcome = .failure(error)
                }
                eventLoop.execute { handler.value.complete(streamID, callID, outcome: outcome) }
            }, cancellation: cancellation)
        state.taskStarted()
        self.calls[streamID]?.job = cancellation
        guard state.submit(job) else {
            state.taskFinished()
            let error = RPCError(code: .unavailable, message: "the server is shutting down")
            self.complete(streamID, callID, by: .shutdownGrace, outcome: .failure(error))
            return
        }
    }

    private func handleData(_ frame: Frame) {
        let streamID = frame.header.streamID
        guard self.calls[streamID]?.phase.acceptsMessages == true else {
            self.logger.debug("Ignored data for a stream that is not open", metadata: ["ttrpc.stream_id": "\(streamID)"])
            return
        }
        self.calls[streamID]?.lastActivity = self.eventLoop.now
        if !frame.header.flags.contains(.noData) {
            self.enqueue(Array(buffer: frame.payload), on: streamID)
        }
        if frame.header.flags.contains(.remoteClosed) {
            self.clientClosed(streamID)
        }
    }

    /// The client closed its side of a stream: its handler sees the end of the requests.
    private func clientClosed(_ streamID: UInt32) {
        guard let call = self.calls[streamID] else { return }
        call.inbound?.finish()
        self.calls[streamID]?.inbound = nil
        self.calls[streamID]?.phase = call.phase.clientClosed()
    }

    /// Hands a message to a stream's handler; over the connection's budget, reading pauses.
    private func enqueue(_ message: [UInt8], on streamID: UInt32) {
        guard let call = self.calls[streamID], call.phase.acceptsMessages, let inbound = call.inbound else { return }
        if call.hold?.add(message.count) == true, self.overBudget == nil {
            self.observer?.limitReached(.queuedStreamBytes)
            let handler = self.loopBound
            self.overBudget = .some(self.configuration.idleTimeout.map {
                self.eventLoop.scheduleTask(in: TimeAmount($0)) { handler.value.streamsStalled() }
            })
        }
        inbound.yield(message)
    }

    /// Called by a stream's consumer, on any thread, for each message it is done with.
    private func budgetReleaser(_ hold: StreamHold) -> @Sendable (Int) -> Void {
        let handler = self.loopBound
        let eventLoop = self.eventLoop
        return { count in
            if hold.release(count) {
                eventLoop.execute { handler.value.streamsWithinBudget() }
            }
        }
    }

    private func makeCallID() -> UInt64 {
        self.nextCallID += 1
        return self.nextCallID
    }

    private func insertCall(
        _ streamID: UInt32, _ callID: UInt64, context: CallContext, isStreaming: Bool,
        inbound: RawRequestStream.Continuation? = nil, hold: StreamHold? = nil,
        observation: CallObservation? = nil
    ) {
        let now = self.eventLoop.now
        var call = ServerCall(
            id: callID, method: context.method, started: now, isStreaming: isStreaming, deadline: context.deadline,
            phase: inbound == nil ? .running : .receiving, cancellation: context.cancellation, lastActivity: now,
            inbound: inbound, hold: hold)
        call.observation = observation
        if let deadline = context.deadline {
            let handler = self.loopBound
            call.deadlineTimer = self.eventLoop.scheduleTask(deadline: deadline) {
                handler.value.expire(streamID, callID)
            }
        }
        self.calls[streamID] = call
        self.state.callsStarted(1)
    }

    /// Answers call `callID` for `end` with `outcome`, unless it was answered
    /// already (then the outcome belongs to nobody and is dropped).
    private func complete(
        _ streamID: UInt32, _ callID: UInt64, by end: CallEnd = .handler, outcome: Result<[UInt8]?, any Error>
    ) {
        guard let call = self.calls[streamID], call.id == callID, call.phase.answered(by: end) != nil else { return }
        self.calls.removeValue(forKey: streamID)
        self.state.callsEnded(1)
        if call.hold?.close() == true { self.streamsWithinBudget() }
        call.cancelWork()  // firing the job's event is a no-op when the job produced the outcome
        call.inbound?.finish()
        let code: StatusCode
        var responseBytes = 0
        if call.isStreaming, case .success = outcome {
            self.writeFrame(streamID, type: .data, flags: [.remoteClosed, .noData], payload: [])
            code = .ok
        } else {
            code = self.writeOutcome(streamID, outcome.map { $0 ?? [] })
            if code == .ok, case .success(let payload?) = outcome { responseBytes = payload.count }
        }
        self.observer?.callFinished(call.method, code: code, duration: self.elapsed(since: call.started))
        self.finish(call.observation, code: code, responseBytes: responseBytes)
        self.lastActivity = self.eventLoop.now
        self.closeIfDrained()
    }

    private func expire(_ streamID: UInt32, _ callID: UInt64) {
        guard let call = self.calls[streamID], call.id == callID,
            call.due(at: self.eventLoop.now, streamIdleTimeout: nil) == .deadline
        else { return }
        let error = RPCError(code: .deadlineExceeded, message: "deadline exceeded")
        call.inbound?.finish(throwing: error)
        self.calls[streamID]?.deadlineTimer = nil
        self.complete(streamID, callID, by: .deadline, outcome: .failure(error))
    }

    /// Sends one message of a server stream.
    private func sendData(_ streamID: UInt32, _ callID: UInt64, _ bytes: [UInt8]) -> EventLoopFuture<Void> {
        guard self.calls[streamID]?.id == callID, self.phase != .closing else {
            return self.eventLoop.makeFailedFuture(RPCError(code: .cancelled, message: "the call is over"))
        }
        if let refusal = self.answerRefusal(bytes: bytes.count) {
            return self.eventLoop.makeFailedFuture(refusal.error)
        }
        self.calls[streamID]?.lastActivity = self.eventLoop.now
        self.calls[streamID]?.observation?.responseBytes += bytes.count
        let promise = self.eventLoop.makePromise(of: Void.self)
        self.writeFrame(streamID, type: .data, flags: [], payload: bytes, promise: promise)
        return promise.futureResult
    }

    /// Answers a call that never got a table entry.
    private func answer(
        _ streamID: UInt32, error: RPCError, method: MethodDescriptor = .unknown, observation: CallObservation? = nil
    ) {
        self.observer?.callStarted(method)
        self.writeError(streamID, error)
        self.observer?.callFinished(method, code: error.code, duration: .zero)
        self.finish(observation, code: error.code)
    }

    /// Ends a call's span and hands its record to the access log.
    private func finish(_ observation: CallObservation?, code: StatusCode, responseBytes: Int = 0) {
        guard var observation else { return }
        observation.responseBytes += responseBytes
        let record = observation.finish(code: code, now: self.eventLoop.now)
        self.callLog?(record)
    }

    // MARK: Writing

    /// Why an answer of `bytes` may not be written, if it may not: it passes
    /// the response bound, or the connection holds too many unread answers.
    private func answerRefusal(bytes: Int) -> (limit: ServerLimit, error: RPCError)? {
        let limit = self.configuration.responseLimit
        if bytes > limit {
            self.observer?.limitReached(.responseBytes)
            return (.responseBytes, RPCError(
                code: .resourceExhausted, message: "a response of \(bytes) bytes exceeds the limit of \(limit) bytes"))
        }
        let queued = self.queuedOutboundBytes
        if queued > 0, queued + bytes > self.configuration.maxQueuedResponseBytes {
            self.observer?.limitReached(.queuedResponseBytes)
            return (.queuedResponseBytes, RPCError(
                code: .resourceExhausted,
                message: "\(queued) bytes of answers on this connection are unread; the limit is \(self.configuration.maxQueuedResponseBytes)"))
        }
        return nil
    }

    /// Writes a unary answer; returns the status code sent.
    private func writeOutcome(_ streamID: UInt32, _ outcome: Result<[UInt8], any Error>) -> StatusCode {
        switch outcome {
        case .success(let payload):
            if let refusal = self.answerRefusal(bytes: OKResponseCodec.bodySize(payloadCount: payload.count)) {
                self.writeError(streamID, refusal.error)
                if refusal.limit == .queuedResponseBytes { self.shedUnaryCalls(refusal.error) }
                return refusal.error.code
            }
            guard let context = self.context else { return .ok }
            let buffer = OKResponseCodec.makeFrame(
                streamID: streamID, payload: payload, allocator: context.channel.allocator)
            self.write(buffer, promise: nil)
            return .ok
        case .failure(let error):
            if case .responseTooLarge? = error as? AnalyzeError { self.observer?.limitReached(.responseBytes) }
            let rpcError = RPCError(mapping: error)
            self.writeError(streamID, rpcError)
            return rpcError.code
        }
    }

    /// A client that reads none of its answers would have the others
    /// refused too: answer its unary calls now, which drops their queued
    /// work and stops their analyses, instead of computing answers nobody
    /// can receive while honest calls wait behind them on the thread pool.
    private func shedUnaryCalls(_ error: RPCError) {
        for (streamID, call) in self.calls.sorted(by: { $0.key < $1.key }) where !call.isStreaming {
            self.complete(streamID, call.id, by: .limit, outcome: .failure(error))
        }
    }

    /// Writes a status-only answer; encoding it cannot fail.
    private func writeError(_ streamID: UInt32, _ error: RPCError) {
        guard let context = self.context else { return }
        self.write(
            ErrorResponseCodec.makeFrame(streamID: streamID, error: error, allocator: context.channel.allocator),
            promise: nil)
    }

    private func writeFrame(
        _ streamID: UInt32, type: MessageType, flags: FrameFlags, payload: [UInt8],
        promise: EventLoopPromise<Void>? = nil
    ) {
        guard let context = self.context else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        self.write(
            FrameEncoder.makeBuffer(
                streamID: streamID, type: type, flags: flags, payload: payload, allocator: context.channel.allocator),
            promise: promise)
    }

    private func write(_ buffer: ByteBuffer, promise: EventLoopPromise<Void>?) {
        guard let context = self.context else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        self.observer?.bytesSent(buffer.readableBytes)
        context.write(Self.wrapOutboundOut(buffer), promise: promise)
        self.flusher?.didWrite()
    }

    /// Answer bytes written and not yet taken by the socket.
    private var queuedOutboundBytes: Int {
        (try? self.context?.channel.syncOptions?.getOption(.bufferedWritableBytes)) ?? 0
    }

    // MARK: Closing

    private func closeIfDrained() {
        guard self.phase == .draining, self.calls.isEmpty else { return }
        self.closeAfterPendingWrites()
    }

    /// Closes once everything written so far has reached the socket.
    private func closeAfterPendingWrites() {
        guard self.phase != .closing, let context = self.context else { return }
        self.phase = .closing
        let promise = self.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(Self.wrapOutboundOut(context.channel.allocator.buffer(capacity: 0)), promise: promise)
        self.flusher?.didFlush()
        let channel = context.channel
        promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }

    /// Closes at once, dropping unwritten answers.
    private func closeNow(_ reason: ServerLimit) {
        guard let context = self.context else { return }
        self.observer?.limitReached(reason)
        self.logger.debug(
            "Closing a connection", metadata: ["reason": "\(reason.rawValue)", "peer": "\(self.peer.map { "\($0)" } ?? "?")"])
        self.phase = .closing
        context.close(promise: nil)
    }

    /// How often ``housekeep()`` runs: a quarter of the shortest timeout,
    /// so each acts within 25 % of its time; `nil` when no timeout is set.
    static func housekeepingTick(_ configuration: ServerConfiguration) -> TimeAmount? {
        let shortest = [configuration.idleTimeout, configuration.streamIdleTimeout].compactMap { $0 }.min()
        return shortest.map { max(TimeAmount($0 / 4), .milliseconds(10)) }
    }

    /// Applies the timeouts: authentication, stream idle, stalled writes,
    /// connection idle.
    private func housekeep() {
        guard self.phase != .closing else { return }
        let now = self.eventLoop.now
        if self.phase.authenticationExpired(at: now) {
            self.closeNow(.unauthenticated)
            return
        }
        if let timeout = self.configuration.streamIdleTimeout.map(TimeAmount.init) {
            let idle = self.calls.filter { $0.value.due(at: now, streamIdleTimeout: timeout) == .streamIdle }
            for (streamID, call) in idle.sorted(by: { $0.key < $1.key }) {
                self.observer?.limitReached(.streamIdle)
                let error = RPCError(code: .deadlineExceeded, message: "the stream sent and received nothing for \(timeout.nanoseconds / 1_000_000) ms")
                call.inbound?.finish(throwing: error)
                self.complete(streamID, call.id, by: .streamIdle, outcome: .failure(error))
            }
        }
        guard let timeout = self.configuration.idleTimeout.map(TimeAmount.init) else { return }
        // Stalled writes are bytes the peer does not take: nothing may wait on a flush of ours.
        self.flusher?.flushIfNeeded()
        let queued = self.queuedOutboundBytes
        // The clock starts at the first tick that sees bytes queued (not at the last tick, which a
        // busy loop may have run long ago) and restarts whenever the peer takes some.
        if queued == 0 || self.lastQueuedBytes == 0 || queued < self.lastQueuedBytes { self.lastWriteProgress = now }
        self.lastQueuedBytes = queued
        if queued > 0, self.lastWriteProgress + timeout <= now {
            self.closeNow(.stalledWrites)
        } else if self.calls.isEmpty, self.lastActivity + timeout <= now {
            self.logger.debug("Closing an idle connection", metadata: ["peer": "\(self.peer.map { "\($0)" } ?? "?")"])
            self.closeAfterPendingWrites()
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

    private func elapsed(since start: NIODeadline) -> Duration {
        .nanoseconds((self.eventLoop.now - start).nanoseconds)
    }
}

@available(*, unavailable)
extension ConnectionHandler: Sendable {}
