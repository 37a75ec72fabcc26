import NIOConcurrencyHelpers
import NIOCore
import QuotewireModel

/// Multiplexes the calls of one client connection, on its event loop:
/// allocates odd, increasing stream ids, matches answers to calls, enforces
/// local deadlines, batches flushes per loop tick, and probes a silent peer
/// (see ``Keepalive``).
final class ClientHandler: ChannelInboundHandler {
    typealias InboundIn = InboundFrame
    typealias OutboundOut = ByteBuffer

    private enum Pending {
        case unary(EventLoopPromise<ByteBuffer>, timer: Scheduled<Void>?)
        case stream(AsyncThrowingStream<[UInt8], any Error>.Continuation, timer: Scheduled<Void>?)
        /// A keepalive probe: its answer only proves the peer alive.
        case probe
    }

    /// The probe: `grpc.health.v1.Health/Check` of the server as a whole.
    static let probeRequest: [UInt8] =
        (try? TTRPCRequest(service: "grpc.health.v1.Health", method: "Check", payload: []).protobufBytes()) ?? []

    private var context: ChannelHandlerContext?
    private var flusher: FlushCoalescer?
    private var nextStreamID: UInt32 = 1
    private var pending: [UInt32: Pending] = [:]
    private var isClosed: Bool { self.closedError != nil }
    /// Close once the last call ends (the endpoint left the pool).
    private var closesWhenIdle = false
    /// Calls (not probes) waiting for an answer.
    private var callCount = 0

    private let keepalive: Keepalive?
    /// What the connection is to, for messages.
    private let peer: String
    private var keepaliveTimer: RepeatedTask?
    private var lastReadAt = NIODeadline.now()
    /// The probe waiting for an answer, if any.
    private var probe: (streamID: UInt32, sentAt: NIODeadline)?
    /// The error status the connection's first request was answered with when that request was a
    /// probe, while nothing has been read since: a server that refuses a connection (a TLS port, a
    /// user it does not allow) answers its first request and closes, and the calls that follow are
    /// owed the same answer, not "connection closed".
    private var probeRefusal: RPCError?
    /// What the calls were told when the connection went inactive (nil while it is open); later calls
    /// are told the same.
    private var closedError: RPCError?
    /// Why the connection was closed by this side, for the calls it fails; shared with its
    /// ``ClientConnection``, so the pool can give the same reason for the endpoint.
    private let closeReasonBox: NIOLockedValueBox<String?>
    private var closeReason: String? {
        get { self.closeReasonBox.withLockedValue { $0 } }
        set { self.closeReasonBox.withLockedValue { $0 = newValue } }
    }

    init(keepalive: Keepalive?, peer: String, closeReason: NIOLockedValueBox<String?> = NIOLockedValueBox(nil)) {
        self.keepalive = keepalive
        self.peer = peer
        self.closeReasonBox = closeReason
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.flusher = FlushCoalescer(context: context)
        if let keepalive = self.keepalive {
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            let tick = TimeAmount(keepalive.tick)
            self.keepaliveTimer = context.eventLoop.scheduleRepeatedTask(initialDelay: tick, delay: tick) { _ in
                handler.value.checkSilence()
            }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        // Breaks the handler -> context -> handler cycle.
        self.keepaliveTimer?.cancel()
        self.keepaliveTimer = nil
        self.context = nil
        self.flusher = nil
    }

    // MARK: Keepalive

    /// Sends a probe after `interval` of silence; closes the connection when
    /// nothing was read for `timeout` after the probe.
    private func checkSilence() {
        guard let keepalive = self.keepalive, !self.isClosed, let context = self.context, context.channel.isActive
        else { return }
        let now = NIODeadline.now()
        if let probe = self.probe, now - probe.sentAt >= TimeAmount(keepalive.timeout) {
            guard self.lastReadAt >= probe.sentAt else {
                let silence = Double((now - self.lastReadAt).nanoseconds) / 1e9
                self.closeReason =
                    "\(self.peer) sent nothing for \((silence * 10).rounded() / 10) s, keepalive probe included: connection closed"
                context.close(promise: nil)
                return
            }
            _ = self.removePending(probe.streamID)  // its answer is late but the peer spoke: probe again when silent
        }
        guard self.probe == nil, now - self.lastReadAt >= TimeAmount(keepalive.interval),
            let streamID = self.allocateStreamID()
        else { return }
        self.probe = (streamID, now)
        self.pending[streamID] = .probe
        self.write(streamID: streamID, type: .request, flags: [], payload: Self.probeRequest)
    }

    /// Closes the connection now if no call is waiting, else when the last one ends.
    func closeWhenIdle() {
        self.closesWhenIdle = true
        self.closeIfDrained()
    }

    private func closeIfDrained() {
        guard self.closesWhenIdle, self.callCount == 0, !self.isClosed else { return }
        self.closeReason = "\(self.peer) left the pool"
        self.context?.close(promise: nil)
    }

    // MARK: Starting calls (on the loop)

    /// Sends a unary request (an encoded `ttrpc.Request`); `promise` receives
    /// the response payload or an ``RPCError``.
    func startUnary(requestBody: ByteBuffer, deadline: NIODeadline?, promise: EventLoopPromise<ByteBuffer>) {
        guard let streamID = self.allocateStreamID() else {
            promise.fail(self.unusableError)
            return
        }
        let timer = deadline.flatMap { self.scheduleDeadline($0, streamID: streamID) }
        self.pending[streamID] = .unary(promise, timer: timer)
        self.callCount += 1
        self.write(streamID: streamID, type: .request, flags: [], payload: requestBody.readableBytesView)
    }

    /// Opens a stream (Request with remote-open); answers arrive on `responses`.
    /// Returns the stream id, or nil when the connection is closed.
    func startStream(
        requestBytes: [UInt8], deadline: NIODeadline?,
        responses: AsyncThrowingStream<[UInt8], any Error>.Continuation
    ) -> UInt32? {
        guard let streamID = self.allocateStreamID() else {
            responses.finish(throwing: self.unusableError)
            return nil
        }
        let timer = deadline.flatMap { self.scheduleDeadline($0, streamID: streamID) }
        self.pending[streamID] = .stream(responses, timer: timer)
        self.callCount += 1
        self.write(streamID: streamID, type: .request, flags: [.remoteOpen], payload: requestBytes)
        return streamID
    }

    private func scheduleDeadline(_ deadline: NIODeadline, streamID: UInt32) -> Scheduled<Void>? {
        guard let eventLoop = self.context?.eventLoop else { return nil }
        let handler = NIOLoopBound(self, eventLoop: eventLoop)
        return eventLoop.scheduleTask(deadline: deadline) {
            handler.value.fail(streamID, RPCError(code: .deadlineExceeded, message: "deadline exceeded"))
        }
    }

    /// Sends one message of a client stream, or closes the client side.
    func sendData(streamID: UInt32, payload: [UInt8]?, promise: EventLoopPromise<Void>?) {
        guard !self.isClosed, self.pending[streamID] != nil else {
            promise?.fail(RPCError(code: .cancelled, message: "the stream is over"))
            return
        }
        if let payload {
            self.write(streamID: streamID, type: .data, flags: [], payload: payload, promise: promise)
        } else {
            self.write(streamID: streamID, type: .data, flags: [.remoteClosed, .noData], payload: [], promise: promise)
        }
    }

    /// Gives up on a call locally (deadline, cancellation); a late answer is dropped.
    func fail(_ streamID: UInt32, _ error: RPCError) {
        guard let pending = self.removePending(streamID) else { return }
        switch pending {
        case .unary(let promise, let timer):
            timer?.cancel()
            promise.fail(error)
        case .stream(let continuation, let timer):
            timer?.cancel()
            continuation.finish(throwing: error)
        case .probe:
            break
        }
        self.closeIfDrained()
    }

    /// Why this side closed the connection, else a refused first probe's answer, else that it closed:
    /// what its calls are told when it goes inactive.
    private var closingError: RPCError {
        if let reason = self.closeReason { return RPCError(code: .unavailable, message: reason) }
        return self.probeRefusal ?? RPCError(code: .unavailable, message: "the connection to \(self.peer) closed")
    }

    /// What a call started on this connection is told when it cannot start.
    private var unusableError: RPCError {
        self.closedError ?? RPCError(code: .unavailable, message: "the connection is closed")
    }

    /// Calls waiting for an answer (probes not included).
    var inFlight: Int { self.callCount }

    private func removePending(_ streamID: UInt32) -> Pending? {
        guard let pending = self.pending.removeValue(forKey: streamID) else { return nil }
        if case .probe = pending {
            self.probe = nil
        } else {
            self.callCount -= 1
        }
        return pending
    }

    // MARK: Channel events

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.lastReadAt = .now()
        self.probeRefusal = nil
        self.flusher?.beginRead()
        switch Self.unwrapInboundIn(data) {
        case .oversized(let header, let limit):
            self.fail(
                header.streamID,
                RPCError(
                    code: .resourceExhausted,
                    message: "response frame of \(header.length) bytes exceeds the limit of \(limit) bytes"))
        case .frame(let frame):
            let streamID = frame.header.streamID
            switch frame.header.type {
            case .response: self.handleResponse(streamID, frame.payload)
            case .data: self.handleData(streamID, frame)
            default: break
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.flusher?.endRead()
        context.fireChannelReadComplete()
    }

    func channelActive(context: ChannelHandlerContext) {
        self.lastReadAt = .now()  // silence counts from the connection, not from the attempt
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.keepaliveTimer?.cancel()
        let error = self.closingError
        self.closedError = error
        // The pool names the refusal too, for calls that find no connection ready.
        if self.closeReason == nil, let refusal = self.probeRefusal { self.closeReason = refusal.message }
        for streamID in Array(self.pending.keys) { self.fail(streamID, error) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // An explained failure (e.g. the server refused this client's certificate) tells the calls why.
        if let error = error as? RPCError, self.closeReason == nil { self.closeReason = error.message }
        context.close(promise: nil)
    }

    private func handleResponse(_ streamID: UInt32, _ payload: ByteBuffer) {
        guard let pending = self.removePending(streamID) else { return }
        defer { self.closeIfDrained() }
        let outcome = Self.decodeResponse(payload)
        switch pending {
        case .probe:
            // Only the connection's first request is answered with a refusal before a close.
            if streamID == 1, case .failure(let refusal) = outcome { self.probeRefusal = refusal }
        case .unary(let promise, let timer):
            timer?.cancel()
            promise.completeWith(outcome.mapError { $0 as any Error })
        case .stream(let continuation, let timer):
            timer?.cancel()
            switch outcome {
            case .success(let bytes):
                if bytes.readableBytes > 0 { continuation.yield(Array(buffer: bytes)) }
                continuation.finish()
            case .failure(let error):
                continuation.finish(throwing: error)
            }
        }
    }

    /// The payload of an OK `ttrpc.Response`, or its status as an error. An OK
    /// response is the payload field alone (see ``OKResponseCodec``): sliced
    /// out without a copy; anything else goes through the codec.
    static func decodeResponse(_ body: ByteBuffer) -> Result<ByteBuffer, RPCError> {
        if let payload = OKResponseCodec.payload(ofOKResponse: body) { return .success(payload) }
        do {
            let response = try body.withUnsafeReadableBytes { try TTRPCResponse(protobuf: $0, limits: .default) }
            if let status = response.status, status.code != 0 {
                return .failure(RPCError(status: status))
            }
            return .success(ByteBuffer(bytes: response.payload))
        } catch {
            return .failure(RPCError(code: .internal, message: "undecodable response: \(error)"))
        }
    }

    private func handleData(_ streamID: UInt32, _ frame: Frame) {
        guard case .stream(let continuation, let timer) = self.pending[streamID] else { return }
        if !frame.header.flags.contains(.noData) {
            continuation.yield(Array(buffer: frame.payload))
        }
        if frame.header.flags.contains(.remoteClosed) {
            timer?.cancel()
            _ = self.removePending(streamID)
            continuation.finish()
            self.closeIfDrained()
        }
    }

    // MARK: Writing

    private func allocateStreamID() -> UInt32? {
        guard !self.isClosed, self.nextStreamID < UInt32.max - 2 else { return nil }
        defer { self.nextStreamID += 2 }
        return self.nextStreamID
    }

    private func write(
        streamID: UInt32, type: MessageType, flags: FrameFlags, payload: some Collection<UInt8>,
        promise: EventLoopPromise<Void>? = nil
    ) {
        guard let context = self.context else { return }
        let buffer = FrameEncoder.makeBuffer(
            streamID: streamID, type: type, flags: flags, payload: payload, allocator: context.channel.allocator)
        context.write(Self.wrapOutboundOut(buffer), promise: promise)
        self.flusher?.didWrite()
    }
}

@available(*, unavailable)
extension ClientHandler: Sendable {}
