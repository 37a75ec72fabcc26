import NIOCore
import QuotewireModel

/// A unary call encoded once and sent many times (load generation): its
/// `ttrpc.Request` (service, method, payload, timeout and metadata) is built
/// when it is prepared, so sending it only frames the bytes.
public struct PreparedCall: Sendable {
    /// `service/method`, for reports.
    public let name: String
    /// The call's time limit, sent as `timeout_nano` and enforced locally.
    public let timeout: Duration?
    /// Whether the call may be sent again after UNAVAILABLE (see ``RetryPolicy``).
    public let isIdempotent: Bool
    /// The encoded `ttrpc.Request`.
    let requestBody: ByteBuffer

    init(service: String, method: String, timeout: Duration?, isIdempotent: Bool, requestBody: ByteBuffer) {
        self.name = "\(service)/\(method)"
        self.timeout = timeout
        self.isIdempotent = isIdempotent
        self.requestBody = requestBody
    }
}

extension TTRPCClient {
    /// Encodes a unary call once, with this client's default metadata, for
    /// sending many times through a ``DirectConnection``.
    public func prepare(
        service: String, method: String, payload: [UInt8], options: CallOptions = CallOptions()
    ) throws(RPCError) -> PreparedCall {
        let timeoutNano = options.timeout.map { TimeAmount($0).nanoseconds } ?? 0
        guard options.timeout == nil || timeoutNano > 0 else {
            throw RPCError(code: .invalidArgument, message: "the timeout must be more than 0")
        }
        let bytes: [UInt8]
        do {
            bytes = try TTRPCRequest(
                service: service, method: method, payload: payload, timeoutNano: timeoutNano,
                metadata: self.metadata(for: options)
            ).protobufBytes()
        } catch {
            throw RPCError(code: .invalidArgument, message: "the request cannot be encoded: \(error)")
        }
        return PreparedCall(
            service: service, method: method, timeout: options.timeout, isIdempotent: options.isIdempotent,
            requestBody: ByteBuffer(bytes: bytes))
    }

    /// A connection of the pool (the next healthy one, round-robin), for
    /// callers that drive calls from its event loop with futures rather than
    /// tasks: the cheapest way to send many calls. UNAVAILABLE when no
    /// endpoint can be reached; DEADLINE_EXCEEDED when `deadline` passes
    /// while waiting for one to connect.
    public func directConnection(deadline: NIODeadline? = nil) async throws(RPCError) -> DirectConnection {
        DirectConnection(connection: try await self.pool.connection(deadline: deadline))
    }

    /// The next ready connection of the pool (round-robin), without waiting:
    /// nil when none is ready (then ask ``directConnection()``). Asking for
    /// each call spreads calls over every ready endpoint, endpoints that come
    /// back or appear in DNS included.
    public func readyDirectConnection() -> DirectConnection? {
        self.pool.readyConnection().map(DirectConnection.init(connection:))
    }
}

/// One connection of a ``TTRPCClient``, sending ``PreparedCall``s without
/// Swift Concurrency in the way: each send returns a future completed on
/// ``eventLoop``. No retries here: a failed call fails its future with an
/// ``RPCError`` (the caller applies the client's ``RetryPolicy`` if it
/// wants to), and a closed connection makes ``isActive`` false (ask the
/// client for another).
public struct DirectConnection: Sendable {
    let connection: ClientConnection

    /// The loop the connection's futures complete on; sending from it saves a hop.
    public var eventLoop: any EventLoop { self.connection.channel.eventLoop }

    /// Whether the connection is still open.
    public var isActive: Bool { self.connection.isActive }

    /// Sends the call; the future succeeds with the response payload, or fails
    /// with an ``RPCError`` (the server's status, a local deadline, a closed
    /// connection).
    public func send(_ call: PreparedCall) -> EventLoopFuture<ByteBuffer> {
        self.send(call, deadline: call.timeout.map { .now() + TimeAmount($0) })
    }

    /// Sends the call with a local deadline of its own (a retry keeps the first attempt's).
    public func send(_ call: PreparedCall, deadline: NIODeadline?) -> EventLoopFuture<ByteBuffer> {
        self.connection.unary(requestBody: call.requestBody, deadline: deadline)
    }
}
