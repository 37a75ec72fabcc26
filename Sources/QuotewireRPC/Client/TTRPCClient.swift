import NIOCore
import NIOPosix
import QuotewireModel

/// An async/await ttrpc client: calls are multiplexed over a few connections
/// (round-robin over healthy endpoints), with per-call deadlines and
/// metadata, bounded retries of UNAVAILABLE for idempotent calls, and
/// streams as async sequences. Errors are ``RPCError``s.
///
/// Call ``close()`` when done: it closes the connections and stops the threads.
public final class TTRPCClient: Sendable {
    /// The configuration the client runs with.
    public let configuration: ClientConfiguration
    private let group: any EventLoopGroup
    /// Whether the client made its threads (and so stops them on close).
    private let ownsGroup: Bool
    let pool: ConnectionPool

    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
        if let shared = configuration.eventLoopGroup {
            self.group = shared
            self.ownsGroup = false
        } else {
            self.group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.threads)
            self.ownsGroup = true
        }
        self.pool = ConnectionPool(configuration: configuration, group: self.group)
    }

    /// A client of `target` (`host:port`, `unix:/path`, a comma-separated
    /// list, or `dns:name:port`) with default settings.
    public convenience init(target: String) throws(RPCError) {
        self.init(configuration: ClientConfiguration(target: try ClientTarget(parsing: target)))
    }

    /// Closes every connection and stops the client's threads.
    public func close() async {
        self.pool.close()
        if self.ownsGroup { try? await self.group.shutdownGracefully() }
    }

    // MARK: Generic calls

    /// Makes a unary call with typed messages.
    public func unary<Request: ProtobufMessage, Response: ProtobufMessage>(
        service: String, method: String, request: Request, responseType: Response.Type = Response.self,
        options: CallOptions = CallOptions()
    ) async throws(RPCError) -> Response {
        let payload: [UInt8]
        do {
            payload = try request.protobufBytes()
        } catch {
            throw RPCError(code: .invalidArgument, message: "the request cannot be encoded: \(error)")
        }
        let bytes = try await self.unary(service: service, method: method, payload: payload, options: options)
        do {
            return try Response(protobuf: bytes)
        } catch {
            throw RPCError(code: .internal, message: "the response cannot be decoded: \(error)")
        }
    }

    /// Makes a unary call with an encoded request; returns the encoded response.
    public func unary(
        service: String, method: String, payload: [UInt8], options: CallOptions = CallOptions()
    ) async throws(RPCError) -> [UInt8] {
        let deadline = options.timeout.map { NIODeadline.now() + TimeAmount($0) }
        let policy = self.configuration.retryPolicy
        var attempt = 1
        while true {
            do throws(RPCError) {
                let requestBytes = try Self.encodeRequest(
                    service: service, method: method, payload: payload, deadline: deadline,
                    metadata: self.metadata(for: options))
                let connection = try await self.pool.connection()
                return try await connection.unary(requestBytes: requestBytes, deadline: deadline)
            } catch where error.code == .unavailable && options.isIdempotent && attempt < policy.maxAttempts {
                let delay = policy.backoff.delay(attempt: attempt)
                attempt += 1
                if let deadline, NIODeadline.now() + TimeAmount(delay) >= deadline {
                    throw RPCError(code: .deadlineExceeded, message: "deadline exceeded while retrying: \(error.message)")
                }
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw RPCError(code: .cancelled, message: "the call was cancelled")
                }
            }
        }
    }

    /// Opens a stream (client, server or bidirectional): sends `requests`,
    /// then closes the client side; yields the responses as they arrive.
    public func streaming<Request: ProtobufMessage, Response: ProtobufMessage, Requests: AsyncSequence & Sendable>(
        service: String, method: String, requests: Requests, responseType: Response.Type = Response.self,
        options: CallOptions = CallOptions()
    ) -> AsyncThrowingStream<Response, any Error> where Requests.Element == Request {
        let (responses, continuation) = AsyncThrowingStream<Response, any Error>.makeStream()
        let deadline = options.timeout.map { NIODeadline.now() + TimeAmount($0) }
        let pool = self.pool
        let metadata = self.metadata(for: options)
        let task = Task {
            do {
                let requestBytes = try Self.encodeRequest(
                    service: service, method: method, payload: [], deadline: deadline, metadata: metadata)
                let connection = try await pool.connection()
                let encoded = requests.map { try $0.protobufBytes() }
                for try await bytes in connection.stream(
                    requestBytes: requestBytes, deadline: deadline, requests: encoded)
                {
                    continuation.yield(try Response(protobuf: bytes))
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: RPCError(mapping: error))
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return responses
    }

    /// The call's own metadata followed by the client's defaults (servers
    /// read the first value of a key, so the call's own wins).
    func metadata(for options: CallOptions) -> [KeyValue] {
        let defaults = self.configuration.defaultMetadata
        return defaults.isEmpty ? options.metadata : options.metadata + defaults
    }

    static func encodeRequest(
        service: String, method: String, payload: [UInt8], deadline: NIODeadline?, metadata: [KeyValue]
    ) throws(RPCError) -> [UInt8] {
        var timeoutNano: Int64 = 0
        if let deadline {
            let remaining = (deadline - .now()).nanoseconds
            guard remaining > 0 else { throw RPCError(code: .deadlineExceeded, message: "deadline exceeded") }
            timeoutNano = remaining
        }
        do {
            return try TTRPCRequest(
                service: service, method: method, payload: payload, timeoutNano: timeoutNano, metadata: metadata
            ).protobufBytes()
        } catch {
            throw RPCError(code: .invalidArgument, message: "the request cannot be encoded: \(error)")
        }
    }
}
